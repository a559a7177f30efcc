import type { Readable } from 'node:stream';
import { debug } from '../../log.js';
import { retry } from '../../util/retry.js';
import type { Credentials } from '../auth/credentials.js';
import { Authenticator } from './auth.js';
import { parseChallenge } from './challenge.js';
import { RegistryError, retryAfterMs, retryVerdict } from './errors.js';
import { discard, header, type HttpResponse, readBody, send } from './http.js';

export interface TransportOptions {
  /** host[:port] values allowed over plain HTTP besides loopback (`insecure-registries`). */
  insecureRegistries?: string[];
  credentials?: () => Promise<Credentials | undefined>;
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
}

export interface RegistryRequest {
  method: string;
  /** `/v2/…` path, or an absolute URL (upload Location). */
  path: string;
  scopes: string[];
  headers?: Record<string, string>;
  /** A Buffer is replayed on retry; a stream is sent once (callers retry the whole operation). */
  body?: Buffer | Readable;
  expect: number[];
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/;

export function isLoopback(registry: string): boolean {
  return LOOPBACK.test(registry);
}

/** HTTPS unless the host is loopback (as docker allows) or listed as insecure. */
export function schemeFor(registry: string, insecure: string[] = []): 'http' | 'https' {
  return isLoopback(registry) || insecure.includes(registry) ? 'http' : 'https';
}

export class RegistryTransport {
  readonly base: URL;
  private readonly auth: Authenticator;

  constructor(
    readonly registry: string,
    private readonly opts: TransportOptions = {},
  ) {
    this.base = new URL(`${schemeFor(registry, opts.insecureRegistries)}://${registry}`);
    this.auth = new Authenticator(registry, opts.credentials ?? (async () => undefined));
  }

  get attempts(): number {
    return this.opts.attempts ?? 5;
  }

  get sleep(): ((ms: number) => Promise<void>) | undefined {
    return this.opts.sleep;
  }

  url(path: string): URL {
    return new URL(path, this.base);
  }

  /** One request with auth; retried with backoff when its body can be replayed. */
  async request(req: RegistryRequest): Promise<HttpResponse> {
    const replayable = !req.body || Buffer.isBuffer(req.body);
    return retry(() => this.once(req), {
      attempts: replayable ? this.attempts : 1,
      sleep: this.opts.sleep,
      retryable: retryVerdict,
      onRetry: (err, attempt, wait) =>
        debug(
          `${req.method} ${this.url(req.path).pathname}: ${(err as Error).message}; retry ${attempt} in ${wait} ms`,
        ),
    });
  }

  private async once(req: RegistryRequest): Promise<HttpResponse> {
    const url = this.url(req.path);
    for (let authTry = 0; ; authTry++) {
      const headers = { ...req.headers };
      const authorization = await this.auth.authorization(req.scopes);
      if (authorization) headers.authorization = authorization;
      const res = await send({
        method: req.method,
        url,
        headers,
        body: req.body,
        timeoutMs: this.opts.timeoutMs,
      });
      if (res.status === 401 && authTry === 0 && replayableBody(req.body)) {
        await discard(res);
        const challenge = parseChallenge(header(res, 'www-authenticate'));
        if (await this.auth.challenged(challenge, req.scopes, authorization)) continue;
        throw new RegistryError(
          req.method,
          redactUrl(url),
          401,
          ['UNAUTHORIZED'],
          `authentication required for ${this.registry}; give registry-username/registry-password or log in with docker login`,
        );
      }
      if (req.expect.includes(res.status)) return res;
      throw await errorFrom(req.method, url, res);
    }
  }
}

function replayableBody(body: RegistryRequest['body']): boolean {
  return !body || Buffer.isBuffer(body);
}

/** Upload locations carry session state in the query; keep the log short and free of it. */
export function redactUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

const errorBody = (text: string): { codes: string[]; detail: string } => {
  try {
    const json = JSON.parse(text) as { errors?: Array<{ code?: string; message?: string }> };
    if (Array.isArray(json.errors)) {
      return {
        codes: json.errors.map((e) => e.code ?? '').filter(Boolean),
        detail: json.errors
          .map((e) => e.message ?? '')
          .filter(Boolean)
          .join('; '),
      };
    }
  } catch {
    /* not JSON */
  }
  return { codes: [], detail: text.trim().slice(0, 300) };
};

export async function errorFrom(
  method: string,
  url: URL,
  res: HttpResponse,
): Promise<RegistryError> {
  const text =
    method === 'HEAD'
      ? ''
      : (await readBody(res, 64 * 1024).catch(() => Buffer.alloc(0))).toString('utf8');
  if (method === 'HEAD') await discard(res).catch(() => {});
  const { codes, detail } = errorBody(text);
  return new RegistryError(
    method,
    redactUrl(url),
    res.status,
    codes,
    detail,
    retryAfterMs(header(res, 'retry-after')),
  );
}
