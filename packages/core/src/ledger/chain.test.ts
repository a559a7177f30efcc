import { describe, expect, it } from '@jest/globals';
import { type Digest, sha256 } from '../oci/digest.js';
import type { Descriptor } from '../oci/manifest.js';
import { carryFrom, type ChainLink, effectOf, pickKnownGood, verifyChain } from './chain.js';
import { type EntryRecord, LedgerAnnotation, recordHash, type StoredEntry } from './entry.js';

const img = (n: string): Digest => sha256(`image ${n}`);
type Step = Pick<EntryRecord, 'action' | 'outcome'> & { image: string };

/** A consistent chain built the way append builds it; entry digests are their record hashes. */
function chain(steps: Step[], env = 'staging'): StoredEntry[] {
  const out: StoredEntry[] = [];
  steps.forEach((s, i) => {
    const entry: EntryRecord = {
      version: 1,
      env,
      action: s.action,
      outcome: s.outcome,
      digest: img(s.image),
      at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      duration_ms: 10,
      actor: 'ci',
      commit: 'c',
      run_url: 'u',
      evidence: [],
      ...carryFrom(out[i - 1]),
    };
    out.push({ entry, digest: recordHash(entry) });
  });
  return out;
}

const deploy = (image: string): Step => ({ action: 'deploy', outcome: 'deployed', image });
const links = (s: StoredEntry[]): ChainLink[] => s.map((x) => ({ digest: x.digest, stored: x }));
const listing = (s: StoredEntry): Descriptor => ({
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: s.digest,
  size: 1,
  annotations: { [LedgerAnnotation.Env]: s.entry.env, [LedgerAnnotation.Seq]: String(s.entry.seq) },
});
const edit = (s: StoredEntry, over: Partial<EntryRecord>): StoredEntry => {
  const entry = { ...s.entry, ...over };
  return { entry, digest: recordHash(entry) };
};

describe('effects and carried state', () => {
  it('a deploy runs its digest; a rolled-back or failed deploy, a promote, a quarantine leave the previous one', () => {
    const c = chain([
      deploy('a'),
      { action: 'deploy', outcome: 'rolled-back', image: 'b' },
      { action: 'deploy', outcome: 'failed', image: 'c' },
      { action: 'promote', outcome: 'promoted', image: 'd' },
      { action: 'quarantine', outcome: 'quarantined', image: 'b' },
      { action: 'rollback', outcome: 'deployed', image: 'e' },
    ]);
    expect(c.map((s) => effectOf(s.entry).current)).toEqual([
      img('a'),
      img('a'),
      img('a'),
      img('a'),
      img('a'),
      img('e'),
    ]);
    // The run of a began with entry 1 and lasted until the rollback to e.
    expect(c.map((s) => effectOf(s.entry).since)).toEqual([
      ...Array(5).fill(c[0]?.entry.at),
      c[5]?.entry.at,
    ]);
    expect(c[5]?.entry.previous).toBe(img('a'));
    expect(c[5]?.entry.known_good.map((k) => k.digest)).toEqual([img('a')]);
  });

  it('last known-good before a digest is the newest other digest good before its latest good run', () => {
    const c = chain([deploy('a'), deploy('b'), deploy('a'), deploy('c')]);
    const list = carryFrom(c[3]).known_good;
    expect(list.map((k) => k.seq)).toEqual([4, 3, 2, 1]);
    expect(pickKnownGood(list, img('c'))?.digest).toBe(img('a'));
    expect(pickKnownGood(list, img('a'))?.digest).toBe(img('b'));
    expect(pickKnownGood(list, img('b'))?.digest).toBe(img('a'));
    expect(pickKnownGood(list, img('b'))?.seq).toBe(1);
    expect(pickKnownGood(list, img('new'))?.digest).toBe(img('c'));
    expect(pickKnownGood(carryFrom(c[0]).known_good, img('a'))).toBeUndefined();
  });
});

describe('verifyChain names the first broken link', () => {
  const good = chain([deploy('a'), deploy('b'), deploy('c'), deploy('d')]);

  it('accepts a consistent chain and its own listed entries', () => {
    expect(verifyChain('staging', links(good), good.map(listing))).toEqual({
      ok: true,
      entries: 4,
    });
    expect(verifyChain('staging', [])).toEqual({ ok: true, entries: 0 });
  });

  it('entry missing: the oldest link the walk reached is not in the store', () => {
    const l: ChainLink[] = [{ digest: good[1]!.digest, missing: true }, ...links(good.slice(2))];
    expect(verifyChain('staging', l)).toEqual({
      ok: false,
      entries: 2,
      brokenAt: 2,
      reason: `entry missing: ${good[1]!.digest} is not in the store`,
    });
  });

  it('entry edited: content that does not match its digest', () => {
    const l: ChainLink[] = [
      ...links(good.slice(0, 2)),
      { digest: good[2]!.digest, problem: 'cannot be read as a manifest: digest mismatch' },
      ...links(good.slice(3)),
    ];
    expect(verifyChain('staging', l)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: `entry edited: ${good[2]!.digest} cannot be read as a manifest: digest mismatch`,
    });
  });

  it('entry edited: a field the history contradicts (previous)', () => {
    const forged = edit(good[2]!, { previous: img('z') });
    const r = verifyChain('staging', links([good[0]!, good[1]!, forged, good[3]!]));
    expect(r).toMatchObject({ ok: false, brokenAt: 3 });
    expect(r.ok ? '' : r.reason).toBe(
      `entry edited: previous is ${img('z')} but ${img('b')} ran before it`,
    );
  });

  it('wrong prev: an entry linked to something other than the entry before it', () => {
    const forged = edit(good[2]!, { prev: good[0]!.digest });
    const r = verifyChain('staging', links([good[0]!, good[1]!, forged]));
    expect(r).toMatchObject({ ok: false, brokenAt: 3 });
    expect(r.ok ? '' : r.reason).toMatch(/^wrong prev: entry sha256:[0-9a-f]{12} names /);
  });

  it('seq gap: an entry skipped', () => {
    const r = verifyChain('staging', links([good[0]!, good[1]!, good[3]!]));
    expect(r).toMatchObject({ ok: false, brokenAt: 3 });
    expect(r.ok ? '' : r.reason).toMatch(/^seq gap: .* has seq 4 where seq 3 belongs$/);
  });

  it('env mismatch: another environment’s entry in the chain', () => {
    const other = chain([deploy('a'), deploy('b')], 'production');
    const r = verifyChain('staging', links([good[0]!, other[1]!]));
    expect(r).toMatchObject({ ok: false, brokenAt: 2 });
    expect(r.ok ? '' : r.reason).toMatch(/^env mismatch: .* is of environment "production"$/);
  });

  it('entry removed: listed as a referrer of its image but not in the chain', () => {
    const r = verifyChain('staging', links(good.slice(0, 3)), good.map(listing));
    expect(r).toEqual({
      ok: false,
      entries: 3,
      brokenAt: 4,
      reason: `entry removed: ${good[3]!.digest} (seq 4) is listed as a referrer of its image but is not in the chain`,
    });
  });

  it('an entry a retried append recorded as abandoned is not a break; other environments are ignored', () => {
    const lost = edit(good[2]!, { outcome: 'failed' });
    const retried = edit(good[3]!, { abandoned: [lost.digest] });
    const other = chain([deploy('x')], 'production');
    const r = verifyChain(
      'staging',
      links([good[0]!, good[1]!, good[2]!, retried]),
      [...good.slice(0, 3), lost, retried, other[0]!].map(listing),
    );
    expect(r).toEqual({ ok: true, entries: 4 });
  });

  it('of several breaks, the oldest is named', () => {
    const r = verifyChain('staging', links([good[0]!, good[1]!, good[3]!]), [
      listing(good[1]!),
      listing(edit(good[1]!, { actor: 'mallory' })),
    ]);
    expect(r).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
