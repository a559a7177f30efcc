import type { Digest } from '../oci/digest.js';
import type { Descriptor } from '../oci/manifest.js';
import {
  type EntryMark,
  type EntryRecord,
  KNOWN_GOOD_KEPT,
  type KnownGood,
  LedgerAnnotation,
  QUARANTINED_KEPT,
  type Quarantined,
  type StoredEntry,
} from './entry.js';

/** What an entry did to the environment: the digest running after it, since when, and if healthy. */
export interface EntryEffect {
  current: Digest | null;
  since: string | null;
  /** The entry ran its digest healthy (a deploy or rollback that deployed or found it running). */
  good: boolean;
}

/** A deploy or rollback that ended deployed/unchanged runs its digest; anything else leaves `previous`. */
export function effectOf(r: EntryRecord): EntryEffect {
  const good =
    (r.action === 'deploy' || r.action === 'rollback') &&
    (r.outcome === 'deployed' || r.outcome === 'unchanged');
  const current = good ? r.digest : r.previous;
  const since = current === r.previous ? r.previous_since : r.at;
  return { current, since, good };
}

/** The fields an entry after `head` takes from it: link, seq and the carried summary. */
export type Carried = Pick<
  EntryRecord,
  'prev' | 'seq' | 'previous' | 'previous_since' | 'known_good' | 'quarantined'
>;

/** Whether the entry quarantines its digest. */
export const quarantines = (r: EntryRecord): boolean =>
  r.action === 'quarantine' && r.outcome === 'quarantined';

/** What the next entry after `head` (undefined: the first entry) must carry. */
export function carryFrom(head: StoredEntry | undefined): Carried {
  if (!head)
    return {
      prev: null,
      seq: 1,
      previous: null,
      previous_since: null,
      known_good: [],
      quarantined: [],
    };
  const r = head.entry;
  const e = effectOf(r);
  const mark: EntryMark = { digest: r.digest, seq: r.seq, at: r.at, entry: head.digest };
  const good: KnownGood[] = e.good ? [mark] : [];
  // One mark per digest: a second quarantine of it replaces the first.
  const quarantined: Quarantined[] = quarantines(r)
    ? [mark, ...r.quarantined.filter((q) => q.digest !== r.digest)]
    : r.quarantined;
  return {
    prev: head.digest,
    seq: r.seq + 1,
    previous: e.current,
    previous_since: e.since,
    known_good: [...good, ...r.known_good].slice(0, KNOWN_GOOD_KEPT),
    quarantined: quarantined.slice(0, QUARANTINED_KEPT),
  };
}

/** Digests quarantined as of after `head`, newest first (the head's own first when it is one). */
export function quarantinedAfter(head: StoredEntry): Quarantined[] {
  return carryFrom(head).quarantined;
}

/** Known-good digests as of after `head`, newest first (the head's own first when it is good). */
export function knownGoodAfter(head: StoredEntry): KnownGood[] {
  return carryFrom(head).known_good;
}

/**
 * The newest known-good digest other than `before` and those in `skip` (quarantined), older
 * than the newest time `before` itself was good: "what ran healthy before this digest". After
 * v1, v2, v3 and a rollback to v2 that quarantined v3, it is v1. undefined when there is none.
 */
export function pickKnownGood(
  list: KnownGood[],
  before: Digest | null,
  skip: ReadonlySet<Digest> = new Set(),
): KnownGood | undefined {
  const at = before ? list.findIndex((k) => k.digest === before) : -1;
  return list.slice(at + 1).find((k) => k.digest !== before && !skip.has(k.digest));
}

/** One link of a chain as the store read it, oldest first. */
export type ChainLink =
  | { digest: Digest; stored: StoredEntry }
  /** The store has no manifest at this digest (named by the next entry or the head tag). */
  | { digest: Digest; missing: true }
  /** The store holds something at this digest that is not a well-formed entry. */
  | { digest: Digest; problem: string };

export type VerifyResult =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

interface Break {
  seq: number;
  reason: string;
}

const short = (d: Digest): string => d.slice(0, 19);

/** Each field an entry carries, checked against what the entry before it implies. */
function carriedProblem(r: EntryRecord, want: Carried): string | undefined {
  if (r.previous !== want.previous)
    return `entry edited: previous is ${r.previous ?? 'null'} but ${want.previous ?? 'nothing'} ran before it`;
  if (r.previous_since !== want.previous_since)
    return `entry edited: previous_since is ${r.previous_since ?? 'null'}, the history says ${want.previous_since ?? 'null'}`;
  if (JSON.stringify(r.known_good) !== JSON.stringify(want.known_good))
    return 'entry edited: its known-good list does not match the history before it';
  if (JSON.stringify(r.quarantined) !== JSON.stringify(want.quarantined))
    return 'entry edited: its quarantine list does not match the history before it';
  return undefined;
}

/**
 * What is wrong with `link` as the entry after `before` (undefined: the first entry) in `env`'s
 * chain: another environment's entry, a seq gap, a wrong prev, or a carried field that the
 * history does not imply. undefined when it follows.
 */
export function linkProblem(
  env: string,
  link: StoredEntry,
  before: StoredEntry | undefined,
): string | undefined {
  const r = link.entry;
  const want = carryFrom(before);
  return r.env !== env
    ? `env mismatch: entry ${short(link.digest)} is of environment ${JSON.stringify(r.env)}`
    : r.seq !== want.seq
      ? `seq gap: entry ${short(link.digest)} has seq ${r.seq} where seq ${want.seq} belongs`
      : r.prev !== want.prev
        ? `wrong prev: entry ${short(link.digest)} names ${r.prev ?? 'no entry'} as previous, not ${want.prev ?? 'no entry'}`
        : carriedProblem(r, want);
}

/**
 * Walks a chain (oldest first, as read by following `prev` from the head) and names the first
 * broken link: an entry missing, edited (content not an entry or not matching its digest,
 * annotations or history), a wrong prev, a seq gap, another environment's entry. `listed` are
 * this environment's entries listed as referrers of their images: one that is not in the chain
 * (and not recorded as abandoned by a retried append) was removed or replaced behind the
 * ledger's back.
 */
export function verifyChain(
  env: string,
  links: readonly ChainLink[],
  listed: readonly Descriptor[] = [],
): VerifyResult {
  const breaks: Break[] = [];
  let before: StoredEntry | undefined;
  const inChain = new Set<string>();
  const abandoned = new Set<string>();
  for (const [i, link] of links.entries()) {
    // The walk stops at a missing or broken entry, so only the oldest link can be one: its seq
    // is the one before the entry that named it.
    const next = links[i + 1];
    const seq = before
      ? before.entry.seq + 1
      : next && 'stored' in next
        ? Math.max(1, next.stored.entry.seq - 1)
        : 1;
    inChain.add(link.digest);
    if ('missing' in link) {
      breaks.push({ seq, reason: `entry missing: ${link.digest} is not in the store` });
      break;
    }
    if ('problem' in link) {
      breaks.push({ seq, reason: `entry edited: ${link.digest} ${link.problem}` });
      break;
    }
    const reason = linkProblem(env, link.stored, before);
    if (reason) {
      breaks.push({ seq: carryFrom(before).seq, reason });
      break;
    }
    for (const d of link.stored.entry.abandoned ?? []) abandoned.add(d);
    before = link.stored;
  }
  // A walk cut short by a break says nothing about entries older than it.
  const oldest = links[0] && 'stored' in links[0] ? 1 : (breaks[0]?.seq ?? 1);
  for (const d of listed) {
    if (d.annotations?.[LedgerAnnotation.Env] !== env) continue;
    if (inChain.has(d.digest) || abandoned.has(d.digest)) continue;
    const seq = Number(d.annotations?.[LedgerAnnotation.Seq] ?? 0);
    if (seq < oldest) continue;
    breaks.push({
      seq: Number.isInteger(seq) && seq > 0 ? seq : 1,
      reason: `entry removed: ${d.digest} (seq ${d.annotations?.[LedgerAnnotation.Seq] ?? '?'}) is listed as a referrer of its image but is not in the chain`,
    });
  }
  const first = breaks.sort((a, b) => a.seq - b.seq)[0];
  const entries = links.filter((l) => 'stored' in l).length;
  if (!first) return { ok: true, entries };
  return { ok: false, entries, brokenAt: first.seq, reason: first.reason };
}
