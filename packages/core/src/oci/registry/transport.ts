import { AsyncLocalStorage } from 'node:async_hooks';
import type { Readable } from 'node:stream';
import { debug, info } from '../../log.js';
import { currentActivity } from '../../util/activity.js';
import { errorMessage } from '../../errors.js';
import { retry, sleep as realSleep } from '../../util/retry.js';
import type { Credentials } from '../auth/credentials.js';
import { Authenticator } from './auth.js';
import { parseChallenge } from './challenge.js';
import {
  ConnectionLostError,
  DigestMismatchError,
  formatMs,
  RegistryError,
  RegistryRequestError,
  retryAfterMs,
  retryVerdict,
  TransferError,
} from './errors.js';
import {
  discard,
  header,
  type HttpResponse,
  readBody,
  redactUrl,
  send,
  type TransferLimits,
} from './http.js';

export { redactUrl } from './http.js';

export interface TransportOptions {
  /** host[:port] values allowed over plain HTTP besides loopback (`insecure-registries`). */
  insecureRegistries?: string[];
  credentials?: () => Promise<Credentials | undefined>;
  /** Tries per request or operation, the first included (default 5). */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Connect timeout, stall floor and the action's deadline. */
  limits?: TransferLimits;
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

/** Redirects followed for one GET or HEAD, as browsers and Go's client bound them. */
export const MAX_REDIRECTS = 5;
const REDIRECT = new Set([301, 302, 303, 307, 308]);

// Set while an operation (several requests retried as one, e.g. a streamed upload) runs: the
// requests inside try once and the operation owns the attempts, so retries never multiply.
const inOperation = new AsyncLocalStorage<true>();

export function isLoopback(registry: string): boolean {
  return LOOPBACK.test(registry);
}

/** HTTPS unless the host is loopback (as docker allows) or listed as insecure. */
export function schemeFor(registry: string, insecure: string[] = []): 'http' | 'https' {
  return isLoopback(registry) || insecure.includes(registry) ? 'http' : 'https';
}

const replayableBody = (body: RegistryRequest['body']): boolean => !body || Buffer.isBuffer(body);

/**
 * Requests to one registry host, with auth, redirects and the one retry layer. Credentials
 * go to this registry's origin only: never to a redirect target or an upload Location on
 * another origin.
 */
export class RegistryTransport {
  readonly base: URL;
  private readonly auth: Authenticator;

  constructor(
    readonly registry: string,
    private readonly opts: TransportOptions = {},
  ) {
    const scheme = schemeFor(registry, opts.insecureRegistries);
    this.base = new URL(`${scheme}://${registry}`);
    this.auth = new Authenticator(registry, opts.credentials ?? (async () => undefined), Date.now, {
      scheme,
      limits: opts.limits,
    });
  }

  get attempts(): number {
    return this.opts.attempts ?? 5;
  }

  url(path: string): URL {
    return new URL(path, this.base);
  }

  /**
   * One request with auth; retried with backoff when its body can be replayed. With `read`,
   * reading the body is part of each attempt, so a body cut mid-way or failing its digest is
   * tried again by the same loop.
   */
  request(req: RegistryRequest): Promise<HttpResponse>;
  request<T>(req: RegistryRequest, read: (res: HttpResponse) => Promise<T>): Promise<T>;
  async request<T>(
    req: RegistryRequest,
    read?: (res: HttpResponse) => Promise<T>,
  ): Promise<T | HttpResponse> {
    const attempt = async (): Promise<T | HttpResponse> => {
      const res = await this.once(req);
      return read ? read(res) : res;
    };
    const where = `${req.method} ${redactUrl(this.url(req.path))}`;
    return this.retrying(attempt, replayableBody(req.body) ? this.attempts : 1, (err, n, wait) =>
      debug(`${where}: ${errorMessage(err)}; retry ${n} in ${wait} ms`),
    );
  }

  /**
   * Several requests retried as a whole (a streamed upload: start, send, finish). The requests
   * inside try once each; a steady failure costs `attempts` tries in all.
   */
  async operation<T>(what: string, fn: () => Promise<T>): Promise<T> {
    return this.retrying(
      () => inOperation.run(true, fn),
      this.attempts,
      (err, n, wait) => info(`  retrying ${what} in ${wait} ms (${n}): ${errorMessage(err)}`),
    );
  }

  /** The retry loop: only the outermost one retries and says, when it gives up, how it went. */
  private async retrying<T>(
    fn: () => Promise<T>,
    attempts: number,
    onRetry: (err: unknown, attempt: number, waitMs: number) => void,
  ): Promise<T> {
    if (inOperation.getStore()) return fn();
    const started = Date.now();
    const doing = currentActivity();
    const deadline = this.opts.limits?.deadline;
    let tries = 0;
    let last: unknown;
    try {
      return await retry(
        async () => {
          tries++;
          return await fn();
        },
        {
          attempts,
          retryable: retryVerdict,
          onRetry: (err, n, wait) => {
            last = err;
            onRetry(err, n, wait);
          },
          // A wait that would end past the deadline is not taken: the action has no time left.
          sleep: async (ms) => {
            if (deadline && Date.now() + ms >= deadline.at && last instanceof RegistryRequestError)
              throw new TransferError(
                last.method,
                last.url,
                'deadline',
                `the ${formatMs(deadline.ms)} timeout leaves no time for another try after: ${last.message}`,
                { cause: last },
              );
            await (this.opts.sleep ?? realSleep)(ms);
          },
        },
      );
    } catch (err) {
      if (err instanceof RegistryRequestError)
        err.annotate({ activity: doing, attempts: tries, elapsedMs: Date.now() - started });
      throw err;
    }
  }

  private async once(req: RegistryRequest): Promise<HttpResponse> {
    let url = this.url(req.path);
    const follow = req.method === 'GET' || req.method === 'HEAD';
    for (let hops = 0, authTry = 0; ;) {
      // Credentials belong to the origin that challenged for them, and to no other.
      const own = url.origin === this.base.origin;
      const headers = { ...req.headers };
      const authorization = own ? await this.auth.authorization(req.scopes) : undefined;
      if (authorization) headers.authorization = authorization;
      let res: HttpResponse;
      try {
        res = await send({
          method: req.method,
          url,
          headers,
          body: req.body,
          limits: this.opts.limits,
        });
      } catch (err) {
        // A failing upload source (another registry's stream) keeps its own error.
        if (
          err instanceof RegistryRequestError ||
          err instanceof DigestMismatchError ||
          err instanceof ConnectionLostError
        )
          throw err;
        throw new TransferError(req.method, redactUrl(url), 'network', errorMessage(err), {
          cause: err,
        });
      }
      if (follow && REDIRECT.has(res.status)) {
        await discard(res);
        const location = header(res, 'location');
        if (!location || ++hops > MAX_REDIRECTS) {
          throw new RegistryError(
            req.method,
            redactUrl(url),
            res.status,
            [],
            location ? `more than ${MAX_REDIRECTS} redirects` : 'redirect without a Location',
          );
        }
        url = new URL(location, url);
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
          throw new RegistryError(
            req.method,
            redactUrl(url),
            res.status,
            [],
            'redirect to a non-HTTP URL',
          );
        continue;
      }
      if (res.status === 401 && own && authTry === 0 && replayableBody(req.body)) {
        authTry++;
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

/** The most of an error response read for its message. */
const ERROR_BODY_LIMIT = 64 * 1024;

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
      : (await readBody(res, ERROR_BODY_LIMIT).catch(() => Buffer.alloc(0))).toString('utf8');
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
