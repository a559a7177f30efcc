import { createHash, randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A loopback fake registry for the hostile-registry suite. By default it is a small but honest
 * OCI distribution registry held in memory (manifests and blobs by digest, tags, uploads); rules
 * added with `on()` take over chosen requests to misbehave: redirect, hang, trickle, answer a
 * status, serve an ambiguous manifest. Every request is recorded (method, path, the Host it
 * arrived on, its Authorization) so a test asserts which credentials reached which host and how
 * many attempts were made. It answers on this process's event loop: drive clients that are child
 * processes asynchronously, never with execFileSync.
 */

/** One request as the fake saw it. */
export interface RecordedRequest {
  method: string;
  /** path with its query, as sent */
  path: string;
  /** path without the query */
  pathname: string;
  /** the Host header: which origin the client believed it was talking to */
  host: string;
  /** the Authorization header, if any */
  authorization?: string;
  headers: IncomingHttpHeaders;
  /** the request body (empty for a rule with `raw: true`, which leaves the body unread) */
  body: Buffer;
}

/** What a rule's responder is given: the request (body read unless `raw`) and the registry. */
export interface HostileRequest extends RecordedRequest {
  /** the underlying request stream (already consumed unless the rule is `raw`) */
  incoming: IncomingMessage;
  registry: HostileRegistry;
}

/** Answers one request; may write nothing at all (a hung registry). */
export type Responder = (req: HostileRequest, res: ServerResponse) => void | Promise<void>;

/** A programmed behaviour: the first rule (in the order added) that fits a request answers it. */
export interface Rule {
  method?: string;
  /** tested against the path with its query; a string must equal the pathname */
  path?: RegExp | string;
  /** how many requests the rule answers before it is used up (default: all) */
  times?: number;
  /** leave the request body unread (a registry that stops reading an upload) */
  raw?: boolean;
  /**
   * Apply only to requests that pass the fake's `auth`; others get its challenge first (a
   * registry that challenges, then misbehaves for the authenticated client).
   */
  authenticated?: boolean;
  respond: Responder;
}

/** Authentication the fake demands before its default handlers answer. */
export type HostileAuth =
  | { basic: { username: string; password: string } }
  | {
      bearer: {
        /** the token the registry accepts */
        token: string;
        /** announced realm; default this fake's own `/token` */
        realm?: string;
        service?: string;
        /** credentials the `/token` endpoint demands (Basic); none: it issues to anyone */
        username?: string;
        password?: string;
      };
    };

export interface HostileRegistryOptions {
  auth?: HostileAuth;
  /**
   * Origin (`http://host:port`) put in upload Locations; default this fake. Point it at a second
   * instance to play a storage host that takes the upload's PATCH/PUT.
   */
  uploadOrigin?: string;
}

export interface HostileRegistry {
  /** 127.0.0.1:port */
  readonly host: string;
  /** http://127.0.0.1:port */
  readonly origin: string;
  /** every request received, oldest first */
  readonly requests: RecordedRequest[];
  /** origin used in upload Locations (mutable, see HostileRegistryOptions.uploadOrigin) */
  uploadOrigin: string;
  /** Adds a rule; returns it, so a test can read `times` or remove it. */
  on(rule: Rule): Rule;
  /** Drops every rule. */
  clearRules(): void;
  /** Forgets the recorded requests. */
  clearRequests(): void;
  /** Stores a blob (served on GET/HEAD /v2/<any>/blobs/<digest>); returns its digest. */
  serveBlob(bytes: Buffer | string, contentType?: string): string;
  /**
   * Stores a manifest for `repository` under its digest (and `tags`), served with exactly
   * `contentType` (which may disagree with the body, on purpose). Returns its digest.
   */
  serveManifest(
    repository: string,
    bytes: Buffer | string,
    contentType: string,
    tags?: string[],
  ): string;
  /** Serves `bytes` on GET/HEAD of this exact pathname (a storage host's signed URL). */
  serveFile(pathname: string, bytes: Buffer | string, contentType?: string): void;
  /** The stored blob with this digest (uploaded or served), if any. */
  blob(digest: string): Buffer | undefined;
  /** The stored manifest for repository and reference (digest or tag), if any. */
  manifest(
    repository: string,
    reference: string,
  ): { bytes: Buffer; contentType: string } | undefined;
  /** Recorded requests whose pathname matches. */
  requestsTo(path: RegExp | string, method?: string): RecordedRequest[];
  stop(): Promise<void>;
}

/** sha256 digest of bytes, as the registry names them. */
export const digestOf = (bytes: Buffer | string): string =>
  'sha256:' + createHash('sha256').update(bytes).digest('hex');

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function registryError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: OutgoingHttpHeaders = {},
): void {
  json(res, status, { errors: [{ code, message }] }, headers);
}

/** Ready-made responders for the usual kinds of misbehaviour. */
export const respond = {
  /** A status with a distribution-style error body (and optional extra headers). */
  status(
    status: number,
    headers: OutgoingHttpHeaders = {},
    message = `hostile ${status}`,
  ): Responder {
    return (_req, res) => registryError(res, status, 'UNAVAILABLE', message, headers);
  },
  /** A redirect to a URL (absolute or relative), or to one computed from the request. */
  redirect(to: string | ((req: HostileRequest) => string), status = 307): Responder {
    return (req, res) => {
      res.writeHead(status, {
        location: typeof to === 'string' ? to : to(req),
        'content-length': 0,
      });
      res.end();
    };
  },
  /** Accepts the request and never answers (the socket stays open until the client gives up). */
  hang(): Responder {
    return () => {};
  },
  /**
   * Sends the status and headers (Content-Length of the whole body) at once, then the body
   * `bytesPerTick` bytes every `intervalMs`, forever if the client waits.
   */
  trickle(
    body: Buffer | string,
    opts: {
      intervalMs?: number;
      bytesPerTick?: number;
      status?: number;
      headers?: OutgoingHttpHeaders;
    } = {},
  ): Responder {
    const bytes = Buffer.from(body);
    const { intervalMs = 1000, bytesPerTick = 1, status = 200, headers = {} } = opts;
    return (_req, res) => {
      res.writeHead(status, { 'content-length': bytes.length, ...headers });
      let offset = 0;
      const tick = (): void => {
        if (res.destroyed || offset >= bytes.length) {
          clearInterval(timer);
          if (!res.destroyed) res.end();
          return;
        }
        res.write(bytes.subarray(offset, offset + bytesPerTick));
        offset += bytesPerTick;
      };
      const timer = setInterval(tick, intervalMs);
      res.on('close', () => clearInterval(timer));
    };
  },
  /** Exact bytes with a chosen Content-Type (a body that disagrees with its type, say). */
  bytes(
    body: Buffer | string,
    contentType: string,
    status = 200,
    headers: OutgoingHttpHeaders = {},
  ): Responder {
    const bytes = Buffer.from(body);
    return (req, res) => {
      res.writeHead(status, {
        'content-type': contentType,
        'content-length': bytes.length,
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : bytes);
    };
  },
};

const MANIFEST = /^\/v2\/(.+)\/manifests\/([^/]+)$/;
const BLOB = /^\/v2\/(.+)\/blobs\/(sha256:[a-f0-9]{64}|[a-z0-9]+:[A-Za-z0-9=_-]+)$/;
const UPLOAD_START = /^\/v2\/(.+)\/blobs\/uploads\/$/;
const UPLOAD = /^\/(?:v2\/.+\/blobs\/)?uploads\/([\w-]+)$/;
const TAGS = /^\/v2\/(.+)\/tags\/list$/;

function fits(rule: Rule, method: string, path: string, pathname: string): boolean {
  if (rule.times !== undefined && rule.times <= 0) return false;
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  if (typeof rule.path === 'string') return rule.path === pathname;
  rule.path.lastIndex = 0;
  return rule.path.test(path);
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Starts a fake registry on an ephemeral loopback port. */
export async function startHostileRegistry(
  options: HostileRegistryOptions = {},
): Promise<HostileRegistry> {
  const rules: Rule[] = [];
  const requests: RecordedRequest[] = [];
  const blobs = new Map<string, { bytes: Buffer; contentType: string }>();
  const manifests = new Map<string, { bytes: Buffer; contentType: string }>();
  const tags = new Map<string, Set<string>>();
  const files = new Map<string, { bytes: Buffer; contentType: string }>();
  const uploads = new Map<string, Buffer[]>();

  const passes = (req: RecordedRequest): boolean => {
    const auth = options.auth;
    if (!auth) return true;
    if ('basic' in auth) {
      const { username, password } = auth.basic;
      return (
        req.authorization === `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
      );
    }
    return req.authorization === `Bearer ${auth.bearer.token}`;
  };

  const authorized = (req: RecordedRequest, res: ServerResponse): boolean => {
    const auth = options.auth;
    if (!auth || passes(req)) return true;
    if ('basic' in auth) {
      registryError(res, 401, 'UNAUTHORIZED', 'authentication required', {
        'www-authenticate': 'Basic realm="hostile"',
      });
      return false;
    }
    const b = auth.bearer;
    const realm = b.realm ?? `${self.origin}/token`;
    registryError(res, 401, 'UNAUTHORIZED', 'authentication required', {
      'www-authenticate': `Bearer realm="${realm}",service="${b.service ?? 'hostile'}"`,
    });
    return false;
  };

  const tokenEndpoint = (req: RecordedRequest, res: ServerResponse): void => {
    const auth = options.auth;
    if (!auth || !('bearer' in auth))
      return registryError(res, 404, 'NOT_FOUND', 'no token service');
    const b = auth.bearer;
    if (b.username !== undefined) {
      const expected = `Basic ${Buffer.from(`${b.username}:${b.password ?? ''}`).toString('base64')}`;
      if (req.authorization !== expected)
        return registryError(res, 401, 'UNAUTHORIZED', 'bad credentials');
    }
    json(res, 200, { token: b.token, expires_in: 300 });
  };

  const storeManifest = (
    repo: string,
    bytes: Buffer,
    contentType: string,
    names: string[],
  ): string => {
    const digest = digestOf(bytes);
    for (const ref of [digest, ...names]) manifests.set(`${repo}@${ref}`, { bytes, contentType });
    const t = tags.get(repo) ?? new Set<string>();
    for (const n of names) t.add(n);
    tags.set(repo, t);
    return digest;
  };

  const serve = (
    res: ServerResponse,
    method: string,
    item: { bytes: Buffer; contentType: string },
    digest?: string,
  ): void => {
    res.writeHead(200, {
      'content-type': item.contentType,
      'content-length': item.bytes.length,
      ...(digest ? { 'docker-content-digest': digest } : {}),
    });
    res.end(method === 'HEAD' ? undefined : item.bytes);
  };

  // The honest registry behind the rules.
  const fallback = (req: HostileRequest, res: ServerResponse): void => {
    const { method, pathname } = req;
    const file = files.get(pathname);
    if (file && (method === 'GET' || method === 'HEAD')) return serve(res, method, file);
    if (pathname === '/token') return tokenEndpoint(req, res);
    if (!authorized(req, res)) return;
    if (pathname === '/v2/' || pathname === '/v2') return json(res, 200, {});
    let m = MANIFEST.exec(pathname);
    if (m) {
      const [, repo, ref] = m as unknown as [string, string, string];
      if (method === 'GET' || method === 'HEAD') {
        const item = manifests.get(`${repo}@${ref}`);
        if (!item) return registryError(res, 404, 'MANIFEST_UNKNOWN', `manifest ${ref} unknown`);
        return serve(res, method, item, digestOf(item.bytes));
      }
      if (method === 'PUT') {
        const type = String(req.headers['content-type'] ?? 'application/octet-stream');
        const digest = digestOf(req.body);
        if (ref.includes(':') && ref !== digest)
          return registryError(res, 400, 'DIGEST_INVALID', `body is ${digest}`);
        storeManifest(repo, req.body, type, ref.includes(':') ? [] : [ref]);
        res.writeHead(201, {
          'docker-content-digest': digest,
          location: pathname,
          'content-length': 0,
        });
        return void res.end();
      }
      if (method === 'DELETE') {
        manifests.delete(`${repo}@${ref}`);
        res.writeHead(202, { 'content-length': 0 });
        return void res.end();
      }
    }
    m = BLOB.exec(pathname);
    if (m && (method === 'GET' || method === 'HEAD')) {
      const digest = m[2] as string;
      const item = blobs.get(digest);
      if (!item) return registryError(res, 404, 'BLOB_UNKNOWN', `blob ${digest} unknown`);
      return serve(res, method, item, digest);
    }
    if (UPLOAD_START.test(pathname) && method === 'POST') {
      const mount = new URL(req.path, self.origin).searchParams.get('mount');
      if (mount && blobs.has(mount)) {
        res.writeHead(201, { 'docker-content-digest': mount, 'content-length': 0 });
        return void res.end();
      }
      const id = randomUUID();
      uploads.set(id, []);
      res.writeHead(202, {
        location: `${self.uploadOrigin}/uploads/${id}?state=hostile-session`,
        'docker-upload-uuid': id,
        range: '0-0',
        'content-length': 0,
      });
      return void res.end();
    }
    m = UPLOAD.exec(pathname);
    if (m) {
      const id = m[1] as string;
      // A storage host takes uploads it never started: its registry started them.
      const parts = uploads.get(id) ?? [];
      uploads.set(id, parts);
      if (method === 'PATCH') {
        parts.push(req.body);
        const size = parts.reduce((n, p) => n + p.length, 0);
        res.writeHead(202, {
          location: req.path,
          range: `0-${Math.max(0, size - 1)}`,
          'content-length': 0,
        });
        return void res.end();
      }
      if (method === 'PUT') {
        const bytes = Buffer.concat([...parts, req.body]);
        const want = new URL(req.path, self.origin).searchParams.get('digest');
        if (!want || digestOf(bytes) !== want)
          return registryError(
            res,
            400,
            'DIGEST_INVALID',
            `upload is ${digestOf(bytes)}, not ${want}`,
          );
        blobs.set(want, { bytes, contentType: 'application/octet-stream' });
        uploads.delete(id);
        res.writeHead(201, { 'docker-content-digest': want, 'content-length': 0 });
        return void res.end();
      }
      if (method === 'DELETE') {
        uploads.delete(id);
        res.writeHead(204);
        return void res.end();
      }
    }
    m = TAGS.exec(pathname);
    if (m && method === 'GET') {
      const repo = m[1] as string;
      const t = tags.get(repo);
      if (!t) return registryError(res, 404, 'NAME_UNKNOWN', `repository ${repo} unknown`);
      return json(res, 200, { name: repo, tags: [...t].sort() });
    }
    registryError(res, 404, 'NOT_FOUND', `${method} ${pathname}`);
  };

  const server = createServer((incoming, res) => {
    void (async () => {
      const method = (incoming.method ?? 'GET').toUpperCase();
      const path = incoming.url ?? '/';
      const pathname = path.split('?')[0] as string;
      const record: RecordedRequest = {
        method,
        path,
        pathname,
        host: incoming.headers.host ?? '',
        authorization: incoming.headers.authorization,
        headers: incoming.headers,
        body: Buffer.alloc(0),
      };
      requests.push(record);
      const rule = rules.find(
        (r) => fits(r, method, path, pathname) && (!r.authenticated || passes(record)),
      );
      if (rule?.times !== undefined) rule.times -= 1;
      if (!rule?.raw) record.body = await readAll(incoming);
      const req: HostileRequest = { ...record, incoming, registry: self };
      try {
        if (rule) await rule.respond(req, res);
        else fallback(req, res);
      } catch (err) {
        if (!res.headersSent) registryError(res, 500, 'UNKNOWN', String(err));
        else res.destroy();
      }
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const host = `127.0.0.1:${port}`;

  const self: HostileRegistry = {
    host,
    origin: `http://${host}`,
    requests,
    uploadOrigin: options.uploadOrigin ?? `http://${host}`,
    on(rule) {
      rules.push(rule);
      return rule;
    },
    clearRules() {
      rules.length = 0;
    },
    clearRequests() {
      requests.length = 0;
    },
    serveBlob(bytes, contentType = 'application/octet-stream') {
      const b = Buffer.from(bytes);
      const digest = digestOf(b);
      blobs.set(digest, { bytes: b, contentType });
      return digest;
    },
    serveManifest(repository, bytes, contentType, names = []) {
      return storeManifest(repository, Buffer.from(bytes), contentType, names);
    },
    serveFile(pathname, bytes, contentType = 'application/octet-stream') {
      files.set(pathname, { bytes: Buffer.from(bytes), contentType });
    },
    blob(digest) {
      return blobs.get(digest)?.bytes;
    },
    manifest(repository, reference) {
      return manifests.get(`${repository}@${reference}`);
    },
    requestsTo(path, method) {
      return requests.filter(
        (r) =>
          (!method || r.method === method.toUpperCase()) &&
          (typeof path === 'string' ? r.pathname === path : path.test(r.path)),
      );
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return self;
}
