import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Digest } from '../oci/digest.js';
import { MemoryArtifactStore } from '../oci/test-artifact-store.js';
import { carryFrom, pickKnownGood, quarantinedAfter } from './chain.js';
import {
  encodeRecord,
  type EntryRecord,
  LEDGER_ENTRY_TYPE,
  LEDGER_LAYER_TYPE,
  recordAnnotations,
  type StoredEntry,
} from './entry.js';
import { LedgerCorruptError } from './errors.js';
import { lastKnownGood, quarantine, quarantineIn, wasPromotedTo } from './queries.js';
import { type AppendInput, Ledger, type LedgerOptions } from './store.js';
import { FileWitness } from './witness-file.js';
import { witnessedLedger, witnessHead } from './witness.js';

const instant: LedgerOptions = { settleMs: 0, sleep: async () => {} };
const ctx = { actor: 'octocat', commit: 'abc', run_url: 'https://ci/run/1' };

function setup() {
  const store = new MemoryArtifactStore('registry/shop');
  const img: Record<string, Digest> = {};
  for (const n of ['v1', 'v2', 'v3', 'x']) img[n] = store.image(n).digest;
  const ledger = (opts: LedgerOptions = {}) =>
    new Ledger(store, 'staging', { ...instant, ...opts });
  const input = (image: string, over: Partial<AppendInput> = {}): AppendInput => ({
    action: 'deploy',
    outcome: 'deployed',
    digest: img[image] as Digest,
    duration_ms: 5,
    evidence: [],
    ...ctx,
    ...over,
  });
  /** A well-formed entry pushed as a hostile writer pushes it, optionally moving the head. */
  const forge = async (record: EntryRecord, head = true): Promise<StoredEntry> => {
    const subject = await store.getManifest(record.digest);
    const desc = await store.pushArtifact({
      artifactType: LEDGER_ENTRY_TYPE,
      layers: [{ mediaType: LEDGER_LAYER_TYPE, data: encodeRecord(record) }],
      annotations: recordAnnotations(record),
      subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.bytes.length },
    });
    if (head)
      await store.putManifest(await store.getManifest(desc.digest), { tag: 'kiln-ledger-staging' });
    return { entry: record, digest: desc.digest };
  };
  return { store, img, ledger, input, forge };
}

describe('entries carry the quarantines', () => {
  it('the head lists every digest quarantined before it, newest first, one mark each', async () => {
    const { store, img, ledger, input } = setup();
    const l = ledger();
    await l.append(input('v1'));
    const q1 = await quarantine(store, 'staging', img.v2 as Digest, 'bad', {
      ...ctx,
      ledger: instant,
    });
    await l.append(input('v1', { outcome: 'unchanged' }));
    const q2 = await quarantine(store, 'staging', img.v3 as Digest, 'worse', {
      ...ctx,
      ledger: instant,
    });
    const head = (await l.head()) as StoredEntry;
    expect(quarantinedAfter(head).map((q) => [q.digest, q.entry])).toEqual([
      [img.v3, q2.digest],
      [img.v2, q1.digest],
    ]);
    expect((await quarantineIn(l, img.v2 as Digest))?.digest).toBe(q1.digest);
    expect(await quarantineIn(l, img.v1 as Digest)).toBeUndefined();
    expect(await l.verify()).toEqual({ ok: true, entries: 4 });
  });

  it('to previous skips the current digest and every quarantined one', async () => {
    const { store, img, ledger, input } = setup();
    const l = ledger();
    for (const v of ['v1', 'v2', 'v3']) await l.append(input(v));
    await quarantine(store, 'staging', img.v3 as Digest, 'rolled back', {
      ...ctx,
      ledger: instant,
    });
    await l.append(input('v2', { action: 'rollback' }));
    // Known-good after: v2 (rollback), v3, v2, v1: v3 is quarantined, v2 runs.
    expect((await lastKnownGood(l))?.entry.digest).toBe(img.v1);
    const list = carryFrom(await l.head()).known_good;
    expect(pickKnownGood(list, img.v2 as Digest)?.digest).toBe(img.v3);
    expect(pickKnownGood(list, img.v2 as Digest, new Set([img.v3 as Digest]))?.digest).toBe(img.v1);
  });
});

describe('a head is checked before it is trusted', () => {
  it('a head whose prev skips an entry is refused, naming it', async () => {
    const { ledger, input, forge, img } = setup();
    const l = ledger();
    const one = await l.append(input('v1'));
    await l.append(input('v2'));
    const forged = await forge({
      ...one.entry,
      ...carryFrom(one),
      seq: 3,
      digest: img.x as Digest,
    });
    const err = await ledger()
      .head()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerCorruptError);
    expect((err as Error).message).toMatch(
      new RegExp(`entry #3 ${forged.digest} is not a link of the chain: seq gap`),
    );
  });

  it('a head edited to carry other fields than its history is refused', async () => {
    const { ledger, input, forge, img } = setup();
    const l = ledger();
    await l.append(input('v1'));
    const two = await l.append(input('v2'));
    await forge({
      ...two.entry,
      digest: two.entry.digest,
      known_good: [],
      previous: img.x as Digest,
    });
    await expect(ledger().head()).rejects.toThrow(/entry edited: previous is/);
  });

  it('a ledger that verified a head refuses one that does not descend from it', async () => {
    const { ledger, input, forge, img } = setup();
    const l = ledger();
    await l.append(input('v1'));
    const two = await l.append(input('v2'));
    // Consistent as a chain (same link, same carried fields), another digest.
    const forged = await forge({ ...two.entry, digest: img.x as Digest });
    expect((await ledger().head())?.digest).toBe(forged.digest);
    await expect(l.head()).rejects.toThrow(
      `the head is #2 ${forged.digest}, which does not descend from #2 ${two.digest} recorded by this run`,
    );
  });

  it('with a witness: a rewritten or truncated chain stops; a head grown from it passes', async () => {
    const { store, ledger, input, forge, img } = setup();
    const dir = mkdtempSync(join(tmpdir(), 'kiln-witness-'));
    const witness = new FileWitness(join(dir, 'w.json'));
    const l = await witnessedLedger(store, 'staging', witness, instant);
    await l.append(input('v1'));
    const two = await l.append(input('v2'));
    await witnessHead(l, witness, () => {});
    expect(await witness.last('staging', 'registry/shop')).toEqual({
      digest: two.digest,
      seq: 2,
      source: `witness file ${join(dir, 'w.json')}`,
    });
    // Another writer appends properly: it descends, so it passes.
    await ledger().append(input('v3'));
    expect(
      (await (await witnessedLedger(store, 'staging', witness, instant)).head())?.entry.seq,
    ).toBe(3);
    // Truncated back to #1: stops, naming both heads.
    await forge((await ledger().history(3))[2]?.entry as EntryRecord);
    const truncated = await witnessedLedger(store, 'staging', witness, instant);
    await expect(truncated.head()).rejects.toThrow(
      /the head is #1 sha256:\S+, which does not descend from #2/,
    );
    const v = await truncated.verify();
    expect(v).toMatchObject({ ok: false, brokenAt: 2 });
    expect(!v.ok && v.reason).toContain(`witness: witness file`);
    // Rewritten at #2 with another digest: stops too.
    await forge({ ...two.entry, digest: img.x as Digest });
    await expect(
      (await witnessedLedger(store, 'staging', witness, instant)).head(),
    ).rejects.toThrow(`does not descend from #2 ${two.digest}`);
  });

  it('a witness file that is not one is a warning, and the ledger is checked link by link', async () => {
    const { store } = setup();
    const dir = mkdtempSync(join(tmpdir(), 'kiln-witness-'));
    writeFileSync(join(dir, 'w.json'), '{"version":9}');
    const lines: string[] = [];
    const l = await witnessedLedger(store, 'staging', new FileWitness(join(dir, 'w.json')), {
      ...instant,
      log: (line) => lines.push(line),
    });
    expect(await l.head()).toBeUndefined();
    expect(lines[0]).toMatch(
      /^witness: witness file .* could not be read \(.*is not a Kiln witness file/,
    );
  });
});

describe('entries found through referrers count only on the chain', () => {
  it('a promote entry listed as a referrer but not on the chain does not make a digest promoted', async () => {
    const { store, ledger, input, forge, img } = setup();
    const prod = new Ledger(store, 'production', instant);
    const first = await prod.append(input('v1', { action: 'promote', outcome: 'promoted' }));
    // A well-formed promote of x at seq 2, listed as x's referrer, never made the head.
    await forge(
      { ...first.entry, ...carryFrom(first), env: 'production', digest: img.x as Digest },
      false,
    );
    expect(await wasPromotedTo(prod, img.x as Digest)).toBe(false);
    expect(await wasPromotedTo(prod, img.v1 as Digest)).toBe(true);
    expect(await wasPromotedTo(ledger(), img.v1 as Digest)).toBe(false);
  });
});
