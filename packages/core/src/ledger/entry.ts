import { z } from 'zod';
import { type Digest, digestProblem, sha256 } from '../oci/digest.js';
import { KilnArtifactType } from '../oci/referrers.js';
import { ENV_NAME } from './env-name.js';
import { REASON_MAX } from './limits.js';

/** The entry artifact's type; its subject is the image the entry is about. */
export const LEDGER_ENTRY_TYPE = KilnArtifactType.LedgerEntry;
/** The entry's one JSON layer. */
export const LEDGER_LAYER_TYPE = 'application/json';
/** The largest entry layer read: entries are small; a bigger one is not ours. */
export const ENTRY_MAX_BYTES = 64 * 1024;
/** Known-good digests an entry carries forward, newest first: "last known-good" reads only the head. */
export const KNOWN_GOOD_KEPT = 16;
/**
 * Quarantines an entry carries forward, newest first, so every environment's head alone says
 * which digests it refuses (a referrers index can be rewritten; the chain cannot without a
 * witness noticing). At about 190 bytes each, 200 keep an entry well under ENTRY_MAX_BYTES.
 */
export const QUARANTINED_KEPT = 200;

/** Annotations of an entry's manifest, so a referrers listing answers without reading entries. */
export const LedgerAnnotation = {
  Prev: 'dev.kiln.ledger.prev',
  Env: 'dev.kiln.ledger.env',
  Seq: 'dev.kiln.ledger.seq',
  Action: 'dev.kiln.ledger.action',
  Outcome: 'dev.kiln.ledger.outcome',
} as const;

export const LEDGER_ACTIONS = ['deploy', 'promote', 'rollback', 'quarantine'] as const;
export type LedgerAction = (typeof LEDGER_ACTIONS)[number];
export const LEDGER_OUTCOMES = [
  'deployed',
  'unchanged',
  'rolled-back',
  'promoted',
  'failed',
  'quarantined',
] as const;
export type LedgerOutcome = (typeof LEDGER_OUTCOMES)[number];

/** Re-exported: the rule and the limit live where input parsers can load them without zod. */
export { ENV_NAME } from './env-name.js';
export { REASON_MAX } from './limits.js';

/** What one deploy, promote, rollback or quarantine in one environment was. */
export interface LedgerEntry {
  env: string;
  seq: number;
  action: LedgerAction;
  digest: Digest;
  /** The digest that ran in the environment before this entry (null: nothing yet). */
  previous: Digest | null;
  outcome: LedgerOutcome;
  /** ISO time the action finished. */
  at: string;
  duration_ms: number;
  actor: string;
  commit: string;
  run_url: string;
  evidence: Digest[];
  reason?: string;
  /** The environment the digest was promoted from (promote entries). */
  from?: string;
}

/** A digest an entry of the chain speaks of, and that entry (known-good and quarantine lists). */
export interface EntryMark {
  digest: Digest;
  seq: number;
  at: string;
  /** The entry's manifest digest. */
  entry: Digest;
}

/** A digest that ran healthy in the environment, and the entry that says so. */
export type KnownGood = EntryMark;
/** A digest quarantined in the environment, and the quarantine entry. */
export type Quarantined = EntryMark;

/**
 * An entry as stored: the entry plus the link to the previous entry and what the history
 * before it says (when `previous` began running, the known-good digests), so the head alone
 * answers "current" and "last known-good". verify recomputes these from the history.
 */
export interface EntryRecord extends LedgerEntry {
  version: 1;
  /** The previous entry's manifest digest (also the `dev.kiln.ledger.prev` annotation). */
  prev: Digest | null;
  /** When `previous` began its current run in this environment. */
  previous_since: string | null;
  /** Known-good digests before this entry, newest first, at most KNOWN_GOOD_KEPT. */
  known_good: KnownGood[];
  /** Digests quarantined before this entry, newest first, one mark each, at most QUARANTINED_KEPT. */
  quarantined: Quarantined[];
  /** Entries this append wrote and lost to a concurrent writer (never in the chain). */
  abandoned?: Digest[];
}

/** An entry read from the store: its record and its manifest digest. */
export interface StoredEntry {
  entry: EntryRecord;
  /** The entry artifact's manifest digest. */
  digest: Digest;
}

const digest = z
  .string()
  .refine((d) => digestProblem(d) === undefined, { message: 'invalid digest' })
  .transform((d) => d as Digest);
const isoTime = z.string().refine((t) => !Number.isNaN(Date.parse(t)), { message: 'not a time' });

const markSchema = z.strictObject({
  digest,
  seq: z.number().int().positive(),
  at: isoTime,
  entry: digest,
});

/** The stored record, checked on every read: registry content is untrusted. */
export const recordSchema = z.strictObject({
  version: z.literal(1),
  env: z.string().regex(ENV_NAME),
  seq: z.number().int().positive(),
  action: z.enum(LEDGER_ACTIONS),
  digest,
  previous: digest.nullable(),
  outcome: z.enum(LEDGER_OUTCOMES),
  at: isoTime,
  duration_ms: z.number().int().nonnegative(),
  actor: z.string(),
  commit: z.string(),
  run_url: z.string(),
  evidence: z.array(digest),
  reason: z.string().max(REASON_MAX).optional(),
  from: z.string().regex(ENV_NAME).optional(),
  prev: digest.nullable(),
  previous_since: isoTime.nullable(),
  known_good: z.array(markSchema).max(KNOWN_GOOD_KEPT),
  quarantined: z.array(markSchema).max(QUARANTINED_KEPT),
  abandoned: z.array(digest).optional(),
});

/** JSON with object keys sorted at every level and no whitespace: one encoding per record. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The entry layer's bytes. */
export function encodeRecord(record: EntryRecord): Buffer {
  return Buffer.from(canonicalJson(record));
}

/** The entry's hash: the digest of its canonical JSON, i.e. of its layer. */
export function recordHash(record: EntryRecord): Digest {
  return sha256(encodeRecord(record));
}

/**
 * Parses an entry layer; returns the problem instead of throwing, so verify can name the link.
 * Bytes that are not the canonical encoding of what they parse to were not written by Kiln.
 */
export function parseRecord(bytes: Buffer): { record: EntryRecord } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { problem: 'its layer is not JSON' };
  }
  const r = recordSchema.safeParse(json);
  if (!r.success)
    return { problem: `its layer is not a ledger entry: ${z.prettifyError(r.error)}` };
  const record = r.data as EntryRecord;
  if (!encodeRecord(record).equals(bytes)) return { problem: 'its layer is not canonical JSON' };
  return { record };
}

/** The manifest annotations of an entry: derived from the record, so they must agree with it. */
export function recordAnnotations(record: EntryRecord): Record<string, string> {
  return {
    [LedgerAnnotation.Env]: record.env,
    [LedgerAnnotation.Seq]: String(record.seq),
    [LedgerAnnotation.Action]: record.action,
    [LedgerAnnotation.Outcome]: record.outcome,
    ...(record.prev ? { [LedgerAnnotation.Prev]: record.prev } : {}),
  };
}

/** The problem when a manifest's annotations do not say what its record says, else undefined. */
export function annotationProblem(
  record: EntryRecord,
  annotations: Record<string, string> | undefined,
): string | undefined {
  const want = recordAnnotations(record);
  for (const key of Object.values(LedgerAnnotation)) {
    if ((annotations?.[key] ?? undefined) !== want[key])
      return `annotation ${key} is ${JSON.stringify(annotations?.[key] ?? null)} but the entry says ${JSON.stringify(want[key] ?? null)}`;
  }
  return undefined;
}
