import { z } from 'zod';
import { ConfigurationError, errorMessage } from '../errors.js';
import type { Digest } from '../oci/digest.js';
import { type Descriptor, descriptorOf, type ParsedManifest } from '../oci/manifest.js';
import { settleWait, writeArtifact } from '../oci/referrers.js';
import type { Artifact, ArtifactStore } from '../oci/store.js';
import { sleep } from '../util/retry.js';
import { type ChainLink, carryFrom, verifyChain, type VerifyResult } from './chain.js';
import {
  annotationProblem,
  encodeRecord,
  ENTRY_MAX_BYTES,
  ENV_NAME,
  type EntryRecord,
  LEDGER_ENTRY_TYPE,
  LEDGER_LAYER_TYPE,
  LedgerAnnotation,
  type LedgerEntry,
  parseRecord,
  recordAnnotations,
  recordSchema,
  type StoredEntry,
} from './entry.js';
import { LedgerConflictError, LedgerCorruptError } from './errors.js';

/** The head tag of an environment's chain is this prefix and the environment's name. */
export const LEDGER_TAG_PREFIX = 'kiln-ledger-';
/** Appends tried (each from the newest head) before a concurrent writer fails the append. */
export const APPEND_ATTEMPTS = 3;
/**
 * How long an append waits after moving the head tag before re-reading it, at least (plus twice
 * its own look-to-move time, see settleWait). Tags have no conditional write: a writer that
 * checked the head just before our move can still move it after, within about one request's
 * time; a re-read after that window sees it.
 */
export const HEAD_SETTLE_MS = 100;
/** Entries followed back from a moved head to find our own before calling it a conflict. */
const DESCENT_MAX = 16;

/** What a caller gives to append; the ledger fills in env, seq, previous and the chain fields. */
export type AppendInput = Omit<LedgerEntry, 'env' | 'seq' | 'previous' | 'at'> & { at?: string };

export interface LedgerOptions {
  now?: () => Date;
  /** Appends tried before LedgerConflictError (default APPEND_ATTEMPTS). */
  attempts?: number;
  /** Wait after moving the head before re-reading it (default HEAD_SETTLE_MS). */
  settleMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The head tag of `env`. */
export function ledgerTag(env: string): string {
  return `${LEDGER_TAG_PREFIX}${env}`;
}

/**
 * One environment's append-only, hash-chained ledger in an artifact store: each entry an OCI
 * artifact whose subject is the image, linked to the previous entry by `dev.kiln.ledger.prev`,
 * the newest one tagged `kiln-ledger-<env>`.
 */
export class Ledger {
  readonly tag: string;
  private readonly now: () => Date;
  private readonly attempts: number;
  private readonly settleMs: number;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(
    readonly store: ArtifactStore,
    readonly env: string,
    opts: LedgerOptions = {},
  ) {
    if (!ENV_NAME.test(env))
      throw new ConfigurationError(
        `environment ${JSON.stringify(env)} cannot name a ledger: use letters, digits, "_", "." and "-" (at most 116, not starting with "." or "-")`,
      );
    this.tag = ledgerTag(env);
    this.now = opts.now ?? (() => new Date());
    this.attempts = Math.max(1, opts.attempts ?? APPEND_ATTEMPTS);
    this.settleMs = opts.settleMs ?? HEAD_SETTLE_MS;
    this.wait = opts.sleep ?? sleep;
  }

  /** The newest entry, or undefined for an empty ledger: two reads whatever the history length. */
  async head(): Promise<StoredEntry | undefined> {
    for (let attempt = 1; ; attempt++) {
      let manifest: ParsedManifest;
      try {
        manifest = await this.store.getManifest(this.tag);
      } catch (err) {
        // Absent, or created by another writer since the read failed: then read once more.
        if ((await this.store.resolve(this.tag)) === undefined) return undefined;
        if (attempt >= 2) throw err;
        continue;
      }
      return this.stored(await this.link(manifest.digest, manifest));
    }
  }

  /** The entry with manifest digest `digest`; LedgerCorruptError when it is not one. */
  async load(digest: Digest): Promise<StoredEntry> {
    return this.stored(await this.link(digest));
  }

  /**
   * Appends an entry: read the head, write the entry (subject = the image, prev = the head),
   * move the head tag, wait, re-read it. A head moved by another writer is never overwritten
   * silently: the append starts again from the new head (up to `attempts`), naming the entries
   * it abandoned, or fails with LedgerConflictError. `subject` defaults to the image manifest
   * `digest` names in this store.
   */
  async append(input: AppendInput, opts: { subject?: Descriptor } = {}): Promise<StoredEntry> {
    const subject = opts.subject ?? descriptorOf(await this.store.getManifest(input.digest));
    if (subject.digest !== input.digest)
      throw new Error(`ledger ${this.env}: subject ${subject.digest} is not ${input.digest}`);
    const abandoned: Digest[] = [];
    let head = await this.head();
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      const record = this.record(input, head, abandoned);
      const artifact: Artifact = {
        artifactType: LEDGER_ENTRY_TYPE,
        layers: [{ mediaType: LEDGER_LAYER_TYPE, data: encodeRecord(record) }],
        annotations: recordAnnotations(record),
        subject,
      };
      const { manifest, descriptor } = await writeArtifact(this.store, artifact);
      // Last look before the move: a writer that got in first costs us nothing but a retry.
      const started = Date.now();
      const before = await this.store.resolve(this.tag);
      if (before === head?.digest) {
        await this.store.putManifest(manifest, { tag: this.tag });
        await this.wait(settleWait(this.settleMs, Date.now() - started));
        const after = await this.store.resolve(this.tag);
        if (after && (await this.descends(after, manifest.digest, record.seq))) {
          // Listed only once in the chain, so a referrers listing never shows a lost attempt.
          await this.store.indexReferrer(subject.digest, descriptor);
          return { entry: record, digest: manifest.digest };
        }
      }
      abandoned.push(manifest.digest);
      head = await this.head();
      await this.wait(Math.floor(Math.random() * (this.settleMs + 1)));
    }
    throw new LedgerConflictError(
      `ledger ${this.env} (${this.store.label}:${this.tag}): another writer moved the head during each of ${this.attempts} attempts; nothing was recorded (abandoned entries ${abandoned.join(', ')} are not in the chain)`,
      { env: this.env, tag: this.tag, attempts: this.attempts, abandoned },
    );
  }

  /** Entries newest first, up to `limit`: two reads per entry. */
  async history(limit = Infinity): Promise<StoredEntry[]> {
    const out: StoredEntry[] = [];
    let next = await this.head();
    while (next && out.length < limit) {
      out.push(next);
      next = next.entry.prev ? await this.load(next.entry.prev) : undefined;
    }
    return out;
  }

  /**
   * Walks the chain from the head and names the first broken link; also lists this
   * environment's entries among the referrers of every image in the chain, so an entry removed
   * or replaced behind the ledger's back is found even when the chain left is consistent.
   */
  async verify(): Promise<VerifyResult> {
    const headDigest = await this.store.resolve(this.tag);
    if (!headDigest) return { ok: true, entries: 0 };
    const links: ChainLink[] = [];
    let digest: Digest | null = headDigest;
    // No chain is longer than its head's seq; a longer walk is a broken chain, stop there.
    let bound = Infinity;
    while (digest && links.length < bound) {
      const link = await this.link(digest);
      links.push(link);
      if (!('stored' in link)) break;
      if (bound === Infinity) bound = link.stored.entry.seq + 1;
      digest = link.stored.entry.prev;
    }
    links.reverse();
    const images = new Set<Digest>();
    for (const l of links) if ('stored' in l) images.add(l.stored.entry.digest);
    const listed: Descriptor[] = [];
    for (const image of images)
      listed.push(...(await this.store.listReferrers(image, LEDGER_ENTRY_TYPE)));
    return verifyChain(this.env, links, listed);
  }

  private record(input: AppendInput, head: StoredEntry | undefined, abandoned: Digest[]) {
    const { at, ...rest } = input;
    const record: EntryRecord = {
      version: 1,
      ...rest,
      env: this.env,
      at: at ?? this.now().toISOString(),
      ...carryFrom(head),
      ...(abandoned.length ? { abandoned: [...abandoned] } : {}),
    };
    const r = recordSchema.safeParse(record);
    if (!r.success)
      throw new ConfigurationError(
        `ledger entry for ${this.env} refused: ${z.prettifyError(r.error).replace(/\s+/g, ' ')}`,
      );
    return record;
  }

  /** Whether `mine` is `from` or an ancestor of it, within DESCENT_MAX entries. */
  private async descends(from: Digest, mine: Digest, mySeq: number): Promise<boolean> {
    let d: Digest | undefined = from;
    for (let i = 0; d && i <= DESCENT_MAX; i++) {
      if (d === mine) return true;
      const m = await this.store.getManifest(d);
      const ann = m.kind === 'image' ? m.manifest.annotations : undefined;
      if (Number(ann?.[LedgerAnnotation.Seq]) <= mySeq) return false;
      d = ann?.[LedgerAnnotation.Prev] as Digest | undefined;
    }
    return false;
  }

  private stored(link: ChainLink): StoredEntry {
    if ('stored' in link) return link.stored;
    const what = 'missing' in link ? 'is missing' : link.problem;
    throw new LedgerCorruptError(`ledger ${this.env}: entry ${link.digest} ${what}`, {
      env: this.env,
      digest: link.digest,
      store: this.store.label,
    });
  }

  /** Reads and checks one entry without throwing for what verify must name. */
  private async link(digest: Digest, read?: ParsedManifest): Promise<ChainLink> {
    let m = read;
    if (!m) {
      try {
        m = await this.store.getManifest(digest);
      } catch (err) {
        if ((await this.store.resolve(digest).catch(() => digest)) === undefined)
          return { digest, missing: true };
        return { digest, problem: `cannot be read as a manifest: ${errorMessage(err)}` };
      }
    }
    // A registry client checks this already; a lax store might not.
    if (m.digest !== digest)
      return { digest, problem: `content does not match its digest (it hashes to ${m.digest})` };
    if (m.kind !== 'image' || m.manifest.artifactType !== LEDGER_ENTRY_TYPE)
      return { digest, problem: `is not a ledger entry (${m.mediaType})` };
    const layer = m.manifest.layers[0];
    if (m.manifest.layers.length !== 1 || !layer || layer.mediaType !== LEDGER_LAYER_TYPE)
      return { digest, problem: 'does not have exactly one JSON layer' };
    if (layer.size > ENTRY_MAX_BYTES)
      return { digest, problem: `has a ${layer.size}-byte layer (at most ${ENTRY_MAX_BYTES})` };
    let bytes: Buffer;
    try {
      bytes = await this.store.readBlob(layer);
    } catch (err) {
      return { digest, problem: `layer cannot be read: ${errorMessage(err)}` };
    }
    const parsed = parseRecord(bytes);
    if ('problem' in parsed) return { digest, problem: parsed.problem };
    const record = parsed.record;
    const problem =
      annotationProblem(record, m.manifest.annotations) ??
      (m.manifest.subject?.digest !== record.digest
        ? `has subject ${m.manifest.subject?.digest ?? 'none'} but is about ${record.digest}`
        : undefined);
    if (problem) return { digest, problem };
    return { digest, stored: { entry: record, digest } };
  }
}
