import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../errors.js';
import type { Digest } from '../oci/digest.js';
import { KilnArtifactType, VALIDATION_RESULT_ANNOTATION } from '../oci/referrers.js';
import { MemoryArtifactStore } from '../oci/test-artifact-store.js';
import { carryFrom } from './chain.js';
import { encodeRecord, LEDGER_ENTRY_TYPE, LEDGER_LAYER_TYPE, recordAnnotations } from './entry.js';
import { LedgerConflictError } from './errors.js';
import {
  current,
  deployedSince,
  isQuarantined,
  isValidated,
  lastKnownGood,
  quarantine,
  wasHealthy,
  wasPromotedTo,
} from './queries.js';
import { type AppendInput, Ledger, type LedgerOptions } from './store.js';

const instant: LedgerOptions = { settleMs: 0, sleep: async () => {} };
const ctx = { actor: 'octocat', commit: 'abc', run_url: 'https://ci/run/1' };

function setup(opts: LedgerOptions = {}) {
  const store = new MemoryArtifactStore('registry/shop');
  const images: Record<string, Digest> = {};
  for (const n of ['a', 'b', 'c', 'd']) images[n] = store.image(n).digest;
  let t = 0;
  const now = () => new Date(Date.UTC(2026, 0, 1, 0, t++));
  const ledger = new Ledger(store, 'staging', { ...instant, now, ...opts });
  const input = (image: string, over: Partial<AppendInput> = {}): AppendInput => ({
    action: 'deploy',
    outcome: 'deployed',
    digest: images[image] as Digest,
    duration_ms: 5,
    evidence: [],
    ...ctx,
    ...over,
  });
  return { store, images, ledger, input, now };
}

describe('Ledger', () => {
  it('appends a hash chain and reads it back: head, history newest first, verify', async () => {
    const { store, images, ledger, input } = setup();
    expect(await ledger.head()).toBeUndefined();
    const one = await ledger.append(input('a'));
    const two = await ledger.append(input('b'));
    expect(one.entry).toMatchObject({ seq: 1, prev: null, previous: null, env: 'staging' });
    expect(two.entry).toMatchObject({ seq: 2, prev: one.digest, previous: images.a });
    expect(await store.resolve('kiln-ledger-staging')).toBe(two.digest);
    expect((await ledger.head())?.digest).toBe(two.digest);
    expect((await ledger.history()).map((s) => s.entry.seq)).toEqual([2, 1]);
    expect((await ledger.history(1)).map((s) => s.entry.seq)).toEqual([2]);
    expect(await ledger.verify()).toEqual({ ok: true, entries: 2 });
    // Each entry is a referrer of its image, and only the entries of the chain are listed.
    const listed = await store.listReferrers(images.b as Digest, LEDGER_ENTRY_TYPE);
    expect(listed.map((d) => d.digest)).toEqual([two.digest]);
    const m = await store.getManifest(two.digest);
    expect(m.kind === 'image' && m.manifest.annotations?.['dev.kiln.ledger.prev']).toBe(one.digest);
    expect(m.kind === 'image' && m.manifest.subject?.digest).toBe(images.b);
  });

  it('refuses an environment name that cannot be a tag, and a malformed entry, before writing', async () => {
    const { store, input } = setup();
    expect(() => new Ledger(store, 'prod/eu')).toThrow(ConfigurationError);
    const ledger = new Ledger(store, 'staging', instant);
    await expect(ledger.append(input('a', { evidence: ['nope' as Digest] }))).rejects.toThrow(
      /ledger entry for staging refused: .*evidence/,
    );
    expect(store.tags.size).toBe(0);
  });

  /** Runs `rival` once, when `ledger` takes its last look at the head before moving it. */
  function raceAtLastLook(store: MemoryArtifactStore, rival: () => Promise<unknown>): void {
    let fired = false;
    let resolves = 0;
    store.beforeCall = async (name, args) => {
      if (fired || name !== 'resolve' || args[0] !== 'kiln-ledger-staging') return;
      // The memory store's getManifest(tag) resolves the tag too: the head read is the first
      // resolve of an append, its last look before moving the tag the second.
      if (++resolves < 2) return;
      fired = true;
      await rival();
    };
  }

  it('a head moved by another writer while this append wrote its entry: retried from the new head, both in the chain', async () => {
    const { store, ledger, input, images } = setup();
    await ledger.append(input('a'));
    raceAtLastLook(store, () => new Ledger(store, 'staging', instant).append(input('c')));
    const mine = await ledger.append(input('b'));
    const history = await ledger.history();
    expect(history.map((s) => s.entry.digest)).toEqual([images.b, images.c, images.a]);
    expect(history.map((s) => s.entry.seq)).toEqual([3, 2, 1]);
    expect(mine.entry.abandoned).toHaveLength(1);
    expect(mine.entry.previous).toBe(images.c);
    expect(await ledger.verify()).toEqual({ ok: true, entries: 3 });
  });

  it('with one attempt, the writer that lost the race fails loudly and nothing of it is in the chain', async () => {
    const { store, input, images, now } = setup();
    const ledger = new Ledger(store, 'staging', { ...instant, attempts: 1, now });
    await ledger.append(input('a'));
    raceAtLastLook(store, () => new Ledger(store, 'staging', instant).append(input('c')));
    const err = await ledger.append(input('b')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerConflictError);
    expect((err as LedgerConflictError).message).toMatch(
      /^ledger staging \(registry\/shop:kiln-ledger-staging\): another writer moved the head during each of 1 attempts; nothing was recorded/,
    );
    expect((err as LedgerConflictError).data.abandoned).toHaveLength(1);
    expect((await ledger.history()).map((s) => s.entry.digest)).toEqual([images.c, images.a]);
    expect(await ledger.verify()).toEqual({ ok: true, entries: 2 });
  });

  it('a head overwritten right after our tag write is seen on the re-read and retried', async () => {
    const { store, ledger, input, images } = setup();
    await ledger.append(input('a'));
    const rival = new Ledger(store, 'staging', instant);
    // After our tag write, during the settle wait, a rival (that read the old head) moves it.
    const rivalHead = await rival.head();
    let fired = false;
    const racing = new Ledger(store, 'staging', {
      ...instant,
      sleep: async () => {
        if (fired) return;
        fired = true;
        // A well-formed next entry, as a rival Kiln writes it.
        const stale = { ...rivalHead!.entry, ...carryFrom(rivalHead), digest: images.d as Digest };
        const { pushed } = await pushEntry(store, stale);
        await store.putManifest(pushed, { tag: 'kiln-ledger-staging' });
      },
    });
    const mine = await racing.append(input('b'));
    expect(mine.entry.seq).toBe(3);
    expect((await ledger.history()).map((s) => s.entry.digest)).toEqual([
      images.b,
      images.d,
      images.a,
    ]);
  });

  it('verify finds an entry edited in the store (served bytes do not match the digest)', async () => {
    const { store, ledger, input } = setup();
    await ledger.append(input('a'));
    const two = await ledger.append(input('b'));
    await ledger.append(input('c'));
    const stored = store.manifests.get(two.digest)!;
    store.manifests.set(two.digest, {
      ...stored,
      bytes: Buffer.from(
        stored.bytes.toString().replace('"schemaVersion":2', '"schemaVersion":2 '),
      ),
    });
    const r = await ledger.verify();
    expect(r).toMatchObject({ ok: false, brokenAt: 2, entries: 1 });
    expect(r.ok ? '' : r.reason).toMatch(new RegExp(`^entry edited: ${two.digest} `));
  });

  it('verify finds the tag moved back over an entry about an image of the chain (entry removed) and a missing entry', async () => {
    const { store, ledger, input } = setup();
    await ledger.append(input('a'));
    const two = await ledger.append(input('b'));
    const three = await ledger.append(input('a'));
    store.tags.set('kiln-ledger-staging', two.digest);
    expect(await ledger.verify()).toEqual({
      ok: false,
      entries: 2,
      brokenAt: 3,
      reason: `entry removed: ${three.digest} (seq 3) is listed as a referrer of its image but is not in the chain`,
    });
    store.tags.set('kiln-ledger-staging', three.digest);
    store.manifests.delete(two.digest);
    expect(await ledger.verify()).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: `entry missing: ${two.digest} is not in the store`,
    });
  });
});

/** Pushes a record as an entry artifact the way an outside writer could (tests only). */
async function pushEntry(store: MemoryArtifactStore, record: Parameters<typeof encodeRecord>[0]) {
  const subject = { ...(await store.getManifest(record.digest)) };
  const desc = await store.pushArtifact({
    artifactType: LEDGER_ENTRY_TYPE,
    layers: [{ mediaType: LEDGER_LAYER_TYPE, data: encodeRecord(record) }],
    annotations: recordAnnotations(record),
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.bytes.length },
  });
  return { pushed: { ...(await store.getManifest(desc.digest)) } };
}

describe('queries', () => {
  it('current, last known-good and deployed-since read the head alone, whatever the history length', async () => {
    const { store, ledger, input, images } = setup();
    const costs: number[] = [];
    for (const n of [4, 40]) {
      while (((await ledger.head())?.entry.seq ?? 0) < n) {
        const seq = ((await ledger.head())?.entry.seq ?? 0) + 1;
        await ledger.append(input(seq % 2 ? 'a' : 'b'));
      }
      await ledger.append(input('c', { outcome: 'failed' }));
      store.calls.clear();
      expect(await current(ledger)).toBe(images.b);
      const lkg = await lastKnownGood(ledger);
      expect(lkg?.entry.digest).toBe(images.a);
      costs.push(store.totalCalls());
    }
    expect(costs[0]).toBe(costs[1]);
  });

  it('last known-good before a digest, and deployedSince the start of the current run', async () => {
    const { ledger, input, images } = setup();
    const a = await ledger.append(input('a'));
    await ledger.append(input('b'));
    const b2 = await ledger.append(input('b', { outcome: 'unchanged' }));
    await ledger.append(input('c', { outcome: 'rolled-back' }));
    expect(await current(ledger)).toBe(images.b);
    expect((await lastKnownGood(ledger))?.digest).toBe(a.digest);
    expect((await lastKnownGood(ledger, images.a))?.digest).toBeUndefined();
    expect((await lastKnownGood(ledger, images.c))?.digest).toBe(b2.digest);
    const since = await deployedSince(ledger, images.b as Digest);
    expect(since?.toISOString()).toBe('2026-01-01T00:01:00.000Z');
    expect(await deployedSince(ledger, images.a as Digest)).toBeUndefined();
  });

  it('healthy, promoted and quarantined are answered from the digest’s referrers', async () => {
    const { store, ledger, input, images } = setup();
    await ledger.append(input('a'));
    await ledger.append(input('b', { outcome: 'failed' }));
    const prod = new Ledger(store, 'production', instant);
    await prod.append(input('a', { action: 'promote', outcome: 'promoted', from: 'staging' }));
    expect(await wasHealthy(ledger, images.a as Digest)).toBe(true);
    expect(await wasHealthy(ledger, images.b as Digest)).toBe(false);
    expect(await wasHealthy(prod, images.a as Digest)).toBe(false);
    expect(await wasPromotedTo(prod, images.a as Digest)).toBe(true);
    expect(await wasPromotedTo(ledger, images.a as Digest)).toBe(false);

    expect(await isQuarantined(store, images.b as Digest)).toEqual({ quarantined: false });
    await expect(quarantine(store, 'staging', images.b as Digest, ' ', ctx)).rejects.toThrow(
      'a quarantine needs a reason',
    );
    const q = await quarantine(store, 'staging', images.b as Digest, 'broke checkout', {
      ...ctx,
      ledger: instant,
    });
    // Seen from any environment: the entry is a referrer of the digest.
    const seen = await isQuarantined(store, images.b as Digest);
    expect(seen).toEqual({ quarantined: true, entry: q });
    expect(seen.entry?.entry).toMatchObject({ env: 'staging', reason: 'broke checkout' });
    // A quarantine does not change what runs.
    expect(await current(ledger)).toBe(images.a);
  });

  it('validated only with a passing report that names the digest', async () => {
    const { store, images } = setup();
    const subject = store.image('v');
    const evidence = (result: string, digest: Digest) =>
      store.pushArtifact({
        artifactType: KilnArtifactType.Validation,
        layers: [
          {
            mediaType: 'application/json',
            data: Buffer.from(
              JSON.stringify({ result, image: { digest, manifestDigest: digest } }),
            ),
          },
        ],
        annotations: { [VALIDATION_RESULT_ANNOTATION]: result },
        subject,
      });
    expect(await isValidated(store, subject.digest)).toEqual({
      ok: false,
      reason: `no validation evidence for ${subject.digest}`,
    });
    await evidence('fail', subject.digest);
    await evidence('pass', images.a as Digest); // a report about another image
    expect((await isValidated(store, subject.digest)).ok).toBe(false);
    const pass = await evidence('pass', subject.digest);
    expect(await isValidated(store, subject.digest)).toEqual({
      ok: true,
      evidence: pass,
      reason: `validation evidence ${pass.digest} passed`,
    });
  });
});
