import { ManifestError } from '../manifest.js';

/** A registry answered with an unexpected status. Shows the request and the registry's error codes. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly codes: string[],
    detail: string,
    readonly retryAfterMs?: number,
  ) {
    super(
      `${method} ${url} failed: ${status}${codes.length ? ' ' + codes.join(', ') : ''}${detail ? ': ' + detail : ''}`,
    );
  }
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
