import { spawn } from 'node:child_process';
import { X509Certificate, createPrivateKey, randomBytes, sign } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '@kiln/local';
import { selfSignedCertificate } from './self-signed.js';

/**
 * A real `docker-registry` (distribution 2.8) behind Bearer token auth, with a small token
 * server implementing https://distribution.github.io/distribution/spec/auth/token/ (GET with
 * Basic auth) and its OAuth2 part (POST, grant_type=password|refresh_token). The registry
 * checks the JWTs itself, so a client that works here speaks the real token flow.
 * The token server answers on this process's event loop: drive clients (skopeo) with async
 * child processes, never execFileSync.
 */
export interface TokenRegistry {
  /** registry host:port on loopback */
  host: string;
  /** http://127.0.0.1:<port>/token, as announced in the registry's WWW-Authenticate */
  realm: string;
  username: string;
  password: string;
  /** every token issued, oldest first (failed logins are not recorded) */
  tokenRequests(): Array<{ scope: string[]; service: string; account?: string }>;
  stop(): Promise<void>;
}

const SERVICE = 'kiln-test-registry';
const ISSUER = 'kiln-test-issuer';
const TOKEN_TTL_S = 300;

interface Access {
  type: string;
  name: string;
  actions: string[];
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

/** `repository:t/a:pull,push` → type, name, actions. The name may itself hold a colon
 * (`repository(plugin)`, a host:port), so type ends at the first colon and actions start
 * after the last. */
function parseScope(scope: string): Access | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last <= first) return undefined;
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope
      .slice(last + 1)
      .split(',')
      .filter(Boolean),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startTokenRegistry(): Promise<TokenRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-token-registry-'));
  const certFile = join(dir, 'cert.pem');
  // A throwaway self-signed certificate: the registry trusts it as the root, and the token
  // carries it in `x5c`, which is how distribution finds the key that signed the token.
  const issuer = selfSignedCertificate('/CN=kiln-test-token-issuer', { days: 2 });
  writeFileSync(certFile, issuer.cert);
  const key = createPrivateKey(issuer.key);
  const certDer = new X509Certificate(issuer.cert).raw.toString('base64');

  const username = 'kiln';
  const password = randomBytes(12).toString('hex');
  const issued: Array<{ scope: string[]; service: string; account?: string }> = [];
  const refreshTokens = new Map<string, string>(); // refresh token → account

  const signToken = (account: string | undefined, access: Access[]): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', x5c: [certDer] };
    const claims = {
      iss: ISSUER,
      sub: account ?? '',
      aud: SERVICE,
      exp: now + TOKEN_TTL_S,
      nbf: now - 1,
      iat: now,
      jti: randomBytes(16).toString('hex'),
      access,
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
  };

  /** Issues a token: anonymous callers get one that grants nothing, like a public registry
   * with no public repositories. Scopes may arrive repeated or space-separated. */
  const issue = (
    res: ServerResponse,
    account: string | undefined,
    service: string,
    scopes: string[],
    offline: boolean,
  ): void => {
    const scope = scopes.flatMap((s) => s.split(' ')).filter(Boolean);
    issued.push({ scope, service, ...(account !== undefined ? { account } : {}) });
    const access = account ? scope.map(parseScope).filter((a): a is Access => a !== undefined) : [];
    const token = signToken(account, access);
    const body: Record<string, unknown> = {
      token,
      access_token: token,
      expires_in: TOKEN_TTL_S,
      issued_at: new Date().toISOString(),
      scope: scope.join(' '),
    };
    if (offline && account) {
      const refresh = randomBytes(16).toString('hex');
      refreshTokens.set(refresh, account);
      body.refresh_token = refresh;
    }
    send(res, 200, body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://token');
    if (url.pathname !== '/token') return send(res, 404, { error: 'not found' });

    if (req.method === 'GET') {
      const service = url.searchParams.get('service') ?? SERVICE;
      if (service !== SERVICE) return send(res, 400, { error: 'invalid_request' });
      const auth = req.headers.authorization;
      let account: string | undefined;
      if (auth) {
        const [scheme = '', value = ''] = auth.split(' ');
        const [user, ...rest] = Buffer.from(value, 'base64').toString('utf8').split(':');
        if (scheme.toLowerCase() !== 'basic' || user !== username || rest.join(':') !== password)
          return send(
            res,
            401,
            { errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] },
            { 'www-authenticate': 'Basic realm="kiln-test-token"' },
          );
        account = user;
      }
      const offline = url.searchParams.get('offline_token') === 'true';
      return issue(res, account, service, url.searchParams.getAll('scope'), offline);
    }

    if (req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const service = form.get('service') ?? SERVICE;
      if (service !== SERVICE) return send(res, 400, { error: 'invalid_request' });
      let account: string | undefined;
      const grant = form.get('grant_type');
      if (grant === 'password') {
        if (form.get('username') === username && form.get('password') === password)
          account = username;
      } else if (grant === 'refresh_token') {
        account = refreshTokens.get(form.get('refresh_token') ?? '');
      } else {
        return send(res, 400, { error: 'unsupported_grant_type' });
      }
      // OAuth2 (RFC 6749 5.2): bad resource owner credentials are invalid_grant, a 400.
      if (!account) return send(res, 400, { error: 'invalid_grant' });
      const scopes = (form.get('scope') ?? '').split(' ');
      return issue(res, account, service, scopes, form.get('access_type') === 'offline');
    }

    send(res, 405, { error: 'method not allowed' }, { allow: 'GET, POST' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'server_error' });
      else res.destroy();
    });
  });
  const tokenPort = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(tokenPort, '127.0.0.1', () => resolve());
  });
  const realm = `http://127.0.0.1:${tokenPort}/token`;

  const host = `127.0.0.1:${await freePort()}`;
  mkdirSync(join(dir, 'data'));
  writeFileSync(
    join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: ${host}`,
      `  secret: ${randomBytes(16).toString('hex')}`,
      'auth:',
      '  token:',
      `    realm: ${realm}`,
      `    service: ${SERVICE}`,
      `    issuer: ${ISSUER}`,
      `    rootcertbundle: ${certFile}`,
      '',
    ].join('\n'),
  );
  const logFile = join(dir, 'registry.log');
  const out = openSync(logFile, 'a');
  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never leave a registry behind when the test process ends without calling stop().
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  };

  const exitedEarly = exited.then(() => {
    throw new Error(`docker-registry exited early (code ${child.exitCode})`);
  });
  exitedEarly.catch(() => {}); // only the race below cares; a later exit (stop) is expected
  try {
    await Promise.race([
      waitFor(
        `token-auth registry on ${host}`,
        async () => (await fetch(`http://${host}/v2/`)).status === 401,
        20_000,
      ),
      exitedEarly,
    ]);
  } catch (err) {
    const log = readFileSync(logFile, 'utf8');
    await stop();
    throw new Error(`${(err as Error).message}\n${log}`, { cause: err });
  }

  return {
    host,
    realm,
    username,
    password,
    tokenRequests: () => issued.map((r) => ({ ...r, scope: [...r.scope] })),
    stop,
  };
}
