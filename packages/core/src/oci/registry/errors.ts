import { ManifestError } from '../manifest.js';

/** What the transport knew when it gave up on a request: appended to the error's message. */
export interface GiveUp {
  /** what Kiln was doing (see util/activity.ts) */
  activity?: string;
  attempts: number;
  elapsedMs: number;
}

/** `0.5 s`, `30 s`, `2.5 min`: durations in messages. */
export function formatMs(ms: number): string {
  return ms < 60_000 ? `${+(ms / 1000).toFixed(1)} s` : `${+(ms / 60_000).toFixed(1)} min`;
}

/**
 * A registry request that failed. Names the request (method, origin and path, never the query);
 * once the transport gives up it also says what Kiln was doing, the attempts and the time spent.
 */
export class RegistryRequestError extends Error {
  activity?: string;
  attempts?: number;
  elapsedMs?: number;
  private readonly summary: string;

  constructor(
    readonly method: string,
    readonly url: string,
    summary: string,
    options?: ErrorOptions,
  ) {
    super(summary, options);
    this.summary = summary;
  }

  /** Records the give-up once: the outermost retry layer is the one that knows the attempts. */
  annotate(g: GiveUp): this {
    if (this.attempts !== undefined) return this;
    this.activity ??= g.activity;
    this.attempts = g.attempts;
    this.elapsedMs = g.elapsedMs;
    const tries = `${g.attempts} attempt${g.attempts === 1 ? '' : 's'} in ${formatMs(g.elapsedMs)}`;
    this.message = `${this.summary} (${this.activity ? `while ${this.activity}; ` : ''}${tries})`;
    return this;
  }
}

/** A registry answered with an unexpected status. Shows the request and the registry's error codes. */
export class RegistryError extends RegistryRequestError {
  override readonly name = 'RegistryError';
  constructor(
    method: string,
    url: string,
    readonly status: number,
    readonly codes: string[],
    detail: string,
    readonly retryAfterMs?: number,
  ) {
    super(
      method,
      url,
      `${method} ${url} failed: ${status}${codes.length ? ' ' + codes.join(', ') : ''}${detail ? ': ' + detail : ''}`,
    );
  }
}

/**
 * A request that got no usable answer: no connection in time (`connect`), too little
 * throughput (`stall`), the action's time budget spent (`deadline`), or the network failed.
 */
export type TransferFailure = 'connect' | 'stall' | 'deadline' | 'network';

/** A request that failed without a status from the registry; see TransferFailure. */
export class TransferError extends RegistryRequestError {
  override readonly name = 'TransferError';
  /** the cause's code for network failures, so the retry policy can judge them */
  readonly code: string | undefined;
  constructor(
    method: string,
    url: string,
    readonly kind: TransferFailure,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(method, url, `${method} ${url} failed: ${detail}`, options);
    this.code =
      kind === 'network' ? (options?.cause as { code?: string } | undefined)?.code : undefined;
  }
}

/** A response body passed its size limit; says what was being read. Never retried. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
  constructor(
    readonly what: string,
    readonly limit: number,
    activity?: string,
  ) {
    super(
      `${what} is larger than the ${limit} byte limit${activity ? ` (while ${activity})` : ''}`,
    );
  }
}

/** An https registry named a token realm over plain http; nothing is sent there. */
export class InsecureRealmError extends Error {
  override readonly name = 'InsecureRealmError';
}

/** Content did not match its digest: corruption in transit or a lying registry. */
export class DigestMismatchError extends Error {
  override readonly name = 'DigestMismatchError';
}

/** The connection dropped mid-body: worth another try. */
export class ConnectionLostError extends Error {
  override readonly name = 'ConnectionLostError';
  readonly code = 'ECONNRESET';
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const RETRY_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
]);

/** Parses Retry-After (seconds or HTTP date) into milliseconds. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Retry policy for registry calls: false = give up, number = wait that long, true = backoff. */
export function retryVerdict(err: unknown): boolean | number {
  if (err instanceof TransferError) {
    if (err.kind === 'deadline') return false;
    if (err.kind === 'network') return retryVerdict(err.cause);
    return true;
  }
  if (err instanceof ResponseTooLargeError) return false;
  if (err instanceof RegistryError) {
    if (!RETRY_STATUS.has(err.status)) return false;
    return err.retryAfterMs ?? true;
  }
  if (err instanceof DigestMismatchError) return true;
  // A refused manifest is refused again: its text must not match the patterns below.
  if (err instanceof ManifestError) return false;
  const e = err as { code?: string; message?: string };
  if (e.code && RETRY_CODES.has(e.code)) return true;
  return /socket hang up|aborted|premature close|ended before|timed out/i.test(e.message ?? '');
}
