// Apart from entry.ts (zod), so input parsers can check a reason's length without loading it.

/** Longest `reason` kept in an entry. */
export const REASON_MAX = 1000;
