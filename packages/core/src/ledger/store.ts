import { z } from 'zod';
import { ConfigurationError, errorMessage } from '../errors.js';
import type { Digest } from '../oci/digest.js';
import { type Descriptor, descriptorOf, type ParsedManifest } from '../oci/manifest.js';
import { settleWait, writeArtifact } from '../oci/referrers.js';
import type { Artifact, ArtifactStore } from '../oci/store.js';
import { sleep } from '../util/retry.js';
import { type ChainLink, carryFrom, linkProblem, verifyChain, type VerifyResult } from './chain.js';
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
  /**
   * The newest head recorded outside the registry (a witness): every head this ledger reads
   * must descend from it, or the ledger was rewritten or truncated behind Kiln's back.
   */
  anchor?: WitnessedHead;
}

/** A head as a witness outside the registry recorded it. */
export interface WitnessedHead {
  digest: Digest;
  seq: number;
  /** Who recorded it, for errors: e.g. `GitHub Deployments of acme/shop`. */
  source: string;
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
  private readonly anchor: WitnessedHead | undefined;
  /** The newest head this ledger verified or wrote: later reads need only descend from it. */
  private trusted: StoredEntry | undefined;

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
    this.anchor = opts.anchor;
  }

  /** The head a witness recorded, that every head read must descend from. */
  get witnessed(): WitnessedHead | undefined {
    return this.anchor;
  }

  /** The newest head this ledger verified or appended (what a witness records after a run). */
  get verifiedHead(): StoredEntry | undefined {
    return this.trusted;
  }

  /**
   * The newest entry, or undefined for an empty ledger, checked before anything trusts it: it
   * follows from the entry before it (link, seq, carried fields), and it descends from the
   * witnessed head and from any head this ledger read before. Four reads when the head is new
   * and no witness is older than it; one (the tag's manifest) when it is the head already
   * verified. A head that fails is a LedgerCorruptError naming the entry; nothing is written
   * after it.
   */
  async head(): Promise<StoredEntry | undefined> {
    const manifest = await this.readHead();
    const floor = this.trusted
      ? { digest: this.trusted.digest, seq: this.trusted.entry.seq }
      : this.anchor;
    if (!manifest) {
      if (floor) throw this.rewritten(undefined, floor);
      return undefined;
    }
    // The manifest's digest names its entry: the one verified already needs no second read.
    if (this.trusted?.digest === manifest.digest) return this.trusted;
    const read = this.stored(await this.link(manifest.digest, manifest));
    await this.checkDescent(read, floor);
    this.trusted = read;
    return read;
  }

  /**
   * Walks back from `head`, checking each link against the entry before it, until `floor`'s
   * seq (which must then be `floor` itself); with no floor, checks the head's own link only.
   */
  private async checkDescent(
    head: StoredEntry,
    floor: { digest: Digest; seq: number } | undefined,
  ): Promise<void> {
    let newer = head;
    for (;;) {
      if (floor && newer.entry.seq <= floor.seq) {
        if (newer.entry.seq === floor.seq && newer.digest === floor.digest) return;
        throw this.rewritten(head, floor);
      }
      const older = await this.linkBefore(newer);
      if (!floor || !older) {
        if (floor) throw this.rewritten(head, floor);
        return;
      }
      newer = older;
    }
  }

  /**
   * The entry `newer` names as its prev, checked as the link before it: LedgerCorruptError,
   * naming `newer`, when `newer` does not follow from it (undefined: `newer` is the first).
   */
  private async linkBefore(newer: StoredEntry): Promise<StoredEntry | undefined> {
    const older = newer.entry.prev ? await this.load(newer.entry.prev) : undefined;
    const problem = linkProblem(this.env, newer, older);
    if (problem)
      throw new LedgerCorruptError(
        `ledger ${this.env} (${this.store.label}:${this.tag}): entry #${newer.entry.seq} ${newer.digest} is not a link of the chain: ${problem}; nothing was done (run kiln ledger verify ${this.env})`,
        { env: this.env, digest: newer.digest, store: this.store.label },
      );
    return older;
  }

  private rewritten(
    head: StoredEntry | undefined,
    floor: { digest: Digest; seq: number; source?: string },
  ): LedgerCorruptError {
    const by = 'source' in floor && floor.source ? `the witness (${floor.source})` : 'this run';
    const now = head ? `#${head.entry.seq} ${head.digest}` : 'no entry (the head tag is gone)';
    return new LedgerCorruptError(
      `ledger ${this.env} (${this.store.label}:${this.tag}): the head is ${now}, which does not descend from #${floor.seq} ${floor.digest} recorded by ${by}: the chain was rewritten or truncated in the registry; nothing was done`,
      { env: this.env, ...(head ? { digest: head.digest } : {}), store: this.store.label },
    );
  }

  /** The manifest the head tag names, unchecked. */
  private async readHead(): Promise<ParsedManifest | undefined> {
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
      return manifest;
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
    // Verified: an entry never carries fields from a head that does not follow its chain.
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
          this.trusted = { entry: record, digest: manifest.digest };
          return this.trusted;
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

  /**
   * Entries newest first, up to `limit`: two reads per entry, each checked as the link before
   * the one after it (an inconsistent chain is a LedgerCorruptError naming the entry).
   */
  async history(limit = Infinity): Promise<StoredEntry[]> {
    const out: StoredEntry[] = [];
    let next = await this.head();
    while (next && out.length < limit) {
      out.push(next);
      if (out.length >= limit || !next.entry.prev) break;
      next = await this.linkBefore(next);
    }
    return out;
  }

  /**
   * Whether `stored` is on the chain from the (verified) head: an entry found through a
   * referrers listing counts only if the chain holds it. Costs the distance back from the head.
   */
  async onChain(stored: StoredEntry): Promise<boolean> {
    const head = await this.head();
    if (!head || stored.entry.env !== this.env || stored.entry.seq > head.entry.seq) return false;
    const walked = await this.history(head.entry.seq - stored.entry.seq + 1);
    return walked[walked.length - 1]?.digest === stored.digest;
  }

  /**
   * Walks the chain from the head and names the first broken link; also lists this
   * environment's entries among the referrers of every image in the chain, and of every image
   * the repository's referrers indexes name where the store can list its tags, so an entry
   * removed or replaced behind the ledger's back (the head re-written to name another digest,
   * too) is found even when the chain left is consistent. With a witness, the witnessed head
   * must be on the chain.
   */
  async verify(): Promise<VerifyResult> {
    const headDigest = await this.store.resolve(this.tag);
    if (!headDigest) {
      if (!this.anchor) return { ok: true, entries: 0 };
      return {
        ok: false,
        entries: 0,
        brokenAt: this.anchor.seq,
        reason: `witness: ${this.anchor.source} recorded head #${this.anchor.seq} ${this.anchor.digest}, but ${this.tag} is gone`,
      };
    }
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
    const images = new Set<Digest>(await indexedSubjects(this.store));
    for (const l of links) if ('stored' in l) images.add(l.stored.entry.digest);
    const listed: Descriptor[] = [];
    for (const image of images)
      listed.push(...(await this.store.listReferrers(image, LEDGER_ENTRY_TYPE)));
    const result = verifyChain(this.env, links, listed);
    const witnessed = this.anchor && witnessProblem(this.anchor, links);
    if (!witnessed || (!result.ok && result.brokenAt < witnessed.seq)) return result;
    // At the same entry, both say something: what is wrong with it, and what was there.
    const reason =
      !result.ok && result.brokenAt === witnessed.seq
        ? `${result.reason}; ${witnessed.reason}`
        : witnessed.reason;
    return { ok: false, entries: result.entries, brokenAt: witnessed.seq, reason };
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

/** The subjects of the store's referrers fallback indexes (`sha256-<hex>` tags), where it lists tags. */
async function indexedSubjects(store: ArtifactStore): Promise<Digest[]> {
  const lister = store as Partial<TagLister>;
  if (typeof lister.tags !== 'function') return [];
  const tags = await lister.tags();
  return tags
    .filter((t) => /^sha256-[0-9a-f]{64}$/.test(t))
    .map((t) => `sha256:${t.slice('sha256-'.length)}` as Digest);
}

/** A store that lists its tags (a registry repository). */
interface TagLister {
  tags(): Promise<string[]>;
}

/** Why the chain read does not hold the witnessed head, or undefined when it does. */
function witnessProblem(
  anchor: WitnessedHead,
  links: readonly ChainLink[],
): { seq: number; reason: string } | undefined {
  const at = links.find((l) => 'stored' in l && l.stored.entry.seq === anchor.seq);
  if (at?.digest === anchor.digest) return undefined;
  const found = at
    ? `the chain holds ${at.digest} at #${anchor.seq}`
    : `the chain has no entry #${anchor.seq}`;
  return {
    seq: anchor.seq,
    reason: `witness: ${anchor.source} recorded head #${anchor.seq} ${anchor.digest}, but ${found}: the chain was rewritten or truncated`,
  };
}
