/** Retry with exponential backoff and jitter. `sleep` is injectable so tests run instantly. */
export interface RetryOptions {
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Return false to stop retrying; return a number to wait that many ms instead (Retry-After). */
  retryable?: (err: unknown, attempt: number) => boolean | number;
  onRetry?: (err: unknown, attempt: number, waitMs: number) => void;
  random?: () => number;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function backoffMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const exp = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  // Full jitter in the upper half keeps concurrent clients apart without waiting ~0.
  return Math.round(exp / 2 + (random() * exp) / 2);
}

export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  opts: RetryOptions = {},
): Promise<T> {
  const {
    attempts = 5,
    baseMs = 200,
    maxMs = 10_000,
    sleep: wait = sleep,
    retryable = () => true,
    onRetry,
    random = Math.random,
  } = opts;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const verdict = attempt < attempts ? retryable(err, attempt) : false;
      if (verdict === false) throw err;
      const waitMs =
        typeof verdict === 'number'
          ? Math.min(verdict, maxMs * 6)
          : backoffMs(attempt, baseMs, maxMs, random);
      onRetry?.(err, attempt, waitMs);
      await wait(waitMs);
    }
  }
}
