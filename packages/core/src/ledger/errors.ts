import type { Digest } from '../oci/digest.js';

/**
 * Another writer moved the environment's head while this append was writing, on every attempt.
 * Operational (exit 2): nothing was recorded in the chain; the entries written and abandoned
 * are named so nobody mistakes them for history.
 */
export class LedgerConflictError extends Error {
  override readonly name = 'LedgerConflictError';
  constructor(
    message: string,
    readonly data: { env: string; tag: string; attempts: number; abandoned: Digest[] },
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The store holds something at a ledger digest that is not a well-formed entry (or nothing). */
export class LedgerCorruptError extends Error {
  override readonly name = 'LedgerCorruptError';
  constructor(
    message: string,
    readonly data: { env: string; digest?: Digest; store: string },
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
