import { ConfigurationError } from '../errors.js';
import type { Digest } from '../oci/digest.js';
import type { Descriptor } from '../oci/manifest.js';
import { KilnArtifactType, VALIDATION_RESULT_ANNOTATION } from '../oci/referrers.js';
import type { ArtifactStore } from '../oci/store.js';
import { effectOf, knownGoodAfter, pickKnownGood, quarantinedAfter } from './chain.js';
import {
  ENV_NAME,
  KNOWN_GOOD_KEPT,
  LEDGER_ENTRY_TYPE,
  LedgerAnnotation,
  type LedgerAction,
  type LedgerOutcome,
  type StoredEntry,
} from './entry.js';
import { Ledger, type LedgerOptions } from './store.js';

/** Evidence artifacts read at most per query: bounds what a flood of referrers costs. */
export const EVIDENCE_READ_MAX = 8;
/** The largest validation report read. */
export const REPORT_MAX_BYTES = 4 * 1024 * 1024;

/** The digest running in the ledger's environment, from the head alone. */
export async function current(ledger: Ledger): Promise<Digest | undefined> {
  const head = await ledger.head();
  return (head && effectOf(head.entry).current) ?? undefined;
}

/**
 * The newest digest that ran healthy before `before` (default: the current digest) and is not
 * quarantined in the environment, from the known-good list the head carries: a constant number
 * of reads while it holds the answer, a walk of the history only when the answer is older than
 * the KNOWN_GOOD_KEPT kept. `skip`: digests quarantined elsewhere, refused too.
 */
export async function lastKnownGood(
  ledger: Ledger,
  before?: Digest,
  skip: ReadonlySet<Digest> = new Set(),
): Promise<StoredEntry | undefined> {
  const head = await ledger.head();
  if (!head) return undefined;
  const list = knownGoodAfter(head);
  const target = before ?? effectOf(head.entry).current;
  const refused = new Set([...skip, ...quarantinedAfter(head).map((q) => q.digest)]);
  const found = pickKnownGood(list, target, refused);
  if (found) return found.entry === head.digest ? head : ledger.load(found.entry);
  if (list.length < KNOWN_GOOD_KEPT) return undefined;
  // The list was cut: the answer, if any, is older than every digest it holds.
  const history = await ledger.history();
  const all = history
    .filter((s) => effectOf(s.entry).good)
    .map((s) => ({ digest: s.entry.digest, seq: s.entry.seq, at: s.entry.at, entry: s.digest }));
  const older = pickKnownGood(all, target, refused);
  return older ? history.find((s) => s.digest === older.entry) : undefined;
}

/**
 * The entry of `ledger`'s chain that quarantines `digest`, from the quarantines its (verified)
 * head carries: constant cost, and no rewrite of a referrers index can hide it.
 */
export async function quarantineIn(
  ledger: Ledger,
  digest: Digest,
): Promise<StoredEntry | undefined> {
  const head = await ledger.head();
  if (!head) return undefined;
  const mark = quarantinedAfter(head).find((q) => q.digest === digest);
  if (!mark) return undefined;
  return mark.entry === head.digest ? head : ledger.load(mark.entry);
}

/** When the current run of `digest` in the environment began (for min-soak); undefined if not running. */
export async function deployedSince(ledger: Ledger, digest: Digest): Promise<Date | undefined> {
  const head = await ledger.head();
  if (!head) return undefined;
  const e = effectOf(head.entry);
  return e.current === digest && e.since ? new Date(e.since) : undefined;
}

/**
 * Whether validation evidence that passed exists for `digest`: a referrer of type
 * `application/vnd.kiln.validation.v1+json` whose report says `pass` for this digest (the
 * report is read, not only the listing's annotation).
 */
export async function isValidated(
  store: ArtifactStore,
  digest: Digest,
): Promise<{ ok: boolean; evidence?: Descriptor; reason: string }> {
  const listed = await store.listReferrers(digest, KilnArtifactType.Validation);
  if (!listed.length) return { ok: false, reason: `no validation evidence for ${digest}` };
  // Newest last in a listing; a pass annotation is only a hint until the report says so.
  const candidates = [...listed]
    .reverse()
    .filter((d) => d.annotations?.[VALIDATION_RESULT_ANNOTATION] !== 'fail')
    .slice(0, EVIDENCE_READ_MAX);
  for (const d of candidates) {
    const report = await readReport(store, d);
    if (report?.result === 'pass' && reportNames(report, digest))
      return { ok: true, evidence: d, reason: `validation evidence ${d.digest} passed` };
  }
  const last = listed[listed.length - 1] as Descriptor;
  return {
    ok: false,
    evidence: last,
    reason: `no passing validation evidence for ${digest} (${listed.length} report(s), newest ${last.digest} ${last.annotations?.[VALIDATION_RESULT_ANNOTATION] ?? 'unreadable'})`,
  };
}

interface ReportShape {
  result?: unknown;
  image?: { digest?: unknown; manifestDigest?: unknown };
}

const reportNames = (r: ReportShape, digest: Digest): boolean =>
  r.image?.digest === digest || r.image?.manifestDigest === digest;

/** The report JSON of an evidence artifact, or undefined when it is not one. */
async function readReport(store: ArtifactStore, d: Descriptor): Promise<ReportShape | undefined> {
  const m = await store.getManifest(d.digest);
  const layer = m.kind === 'image' ? m.manifest.layers[0] : undefined;
  if (!layer || layer.size > REPORT_MAX_BYTES) return undefined;
  try {
    const json: unknown = JSON.parse((await store.readBlob(layer)).toString('utf8'));
    return typeof json === 'object' && json !== null ? (json as ReportShape) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * This environment's (or any environment's) ledger entries about `digest` that match, as the
 * digest's referrers list them (unverified: a caller that grants something checks onChain).
 */
async function entriesAbout(
  store: ArtifactStore,
  digest: Digest,
  match: { env?: string; actions: LedgerAction[]; outcomes: LedgerOutcome[] },
): Promise<StoredEntry[]> {
  const listed = await store.listReferrers(digest, LEDGER_ENTRY_TYPE);
  const out: StoredEntry[] = [];
  for (const d of listed) {
    const a = d.annotations ?? {};
    const env = a[LedgerAnnotation.Env];
    // Not an environment name Kiln writes: not one of our entries.
    if (!env || !ENV_NAME.test(env) || (match.env !== undefined && env !== match.env)) continue;
    if (!match.actions.includes(a[LedgerAnnotation.Action] as LedgerAction)) continue;
    if (!match.outcomes.includes(a[LedgerAnnotation.Outcome] as LedgerOutcome)) continue;
    // The listing is a hint; the entry itself must say the same (LedgerCorruptError if not one).
    const stored = await new Ledger(store, env).load(d.digest);
    const e = stored.entry;
    if (e.digest === digest && e.env === env && match.actions.includes(e.action)) out.push(stored);
  }
  return out;
}

/**
 * Whether `digest` ran healthy in the ledger's environment (a deploy or rollback that deployed
 * or found it running), by an entry on its chain: one only listed as a referrer proves nothing.
 */
export async function wasHealthy(ledger: Ledger, digest: Digest): Promise<boolean> {
  const found = await entriesAbout(ledger.store, digest, {
    env: ledger.env,
    actions: ['deploy', 'rollback'],
    outcomes: ['deployed', 'unchanged'],
  });
  return anyOnChain(ledger, found);
}

/** Whether `digest` was promoted into the ledger's environment, by an entry on its chain. */
export async function wasPromotedTo(ledger: Ledger, digest: Digest): Promise<boolean> {
  const found = await entriesAbout(ledger.store, digest, {
    env: ledger.env,
    actions: ['promote'],
    outcomes: ['promoted'],
  });
  return anyOnChain(ledger, found);
}

/** Newest first, at most EVIDENCE_READ_MAX checked: forged listings cannot make it walk far. */
async function anyOnChain(ledger: Ledger, found: StoredEntry[]): Promise<boolean> {
  const newest = [...found].sort((a, b) => b.entry.seq - a.entry.seq).slice(0, EVIDENCE_READ_MAX);
  for (const s of newest) if (await ledger.onChain(s)) return true;
  return false;
}

/**
 * Whether `digest` is quarantined, in any environment: a quarantine entry is a referrer of the
 * digest, so one listing answers for every environment. An entry that claims quarantine but
 * cannot be read fails the query (LedgerCorruptError) rather than letting the digest through.
 */
export async function isQuarantined(
  store: ArtifactStore,
  digest: Digest,
): Promise<{ quarantined: boolean; entry?: StoredEntry }> {
  const found = await entriesAbout(store, digest, {
    actions: ['quarantine'],
    outcomes: ['quarantined'],
  });
  const entry = found[found.length - 1];
  return entry ? { quarantined: true, entry } : { quarantined: false };
}

/** Who and what run a quarantine (or any append) is recorded with. */
export interface EntryContext {
  actor: string;
  commit: string;
  run_url: string;
  evidence?: Digest[];
  duration_ms?: number;
  /** The image manifest, when it is not in `store` (a ledger repository of its own). */
  subject?: Descriptor;
  ledger?: LedgerOptions;
}

/** Quarantines `digest`: a `quarantine` entry in `env`'s ledger, a referrer of the digest. */
export async function quarantine(
  store: ArtifactStore,
  env: string,
  digest: Digest,
  reason: string,
  ctx: EntryContext,
): Promise<StoredEntry> {
  if (!reason.trim()) throw new ConfigurationError('a quarantine needs a reason');
  return new Ledger(store, env, ctx.ledger).append(
    {
      action: 'quarantine',
      outcome: 'quarantined',
      digest,
      duration_ms: ctx.duration_ms ?? 0,
      actor: ctx.actor,
      commit: ctx.commit,
      run_url: ctx.run_url,
      evidence: ctx.evidence ?? [],
      reason,
    },
    ctx.subject ? { subject: ctx.subject } : {},
  );
}
