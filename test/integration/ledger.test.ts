import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import {
  type AppendInput,
  current,
  encodeRecord,
  type EntryRecord,
  isQuarantined,
  isValidated,
  lastKnownGood,
  LEDGER_ENTRY_TYPE,
  LEDGER_LAYER_TYPE,
  Ledger,
  LedgerConflictError,
  type LedgerOptions,
  quarantine,
  recordAnnotations,
  type StoredEntry,
  wasHealthy,
} from '@kiln/core/ledger';
import {
  type ArtifactStore,
  copyImage,
  type Descriptor,
  descriptorOf,
  type Digest,
  encodeManifest,
  KilnArtifactType,
  MediaType,
  OciLayout,
  parseManifest,
  Registries,
  sha256,
  VALIDATION_RESULT_ANNOTATION,
} from '@kiln/core/oci';
import { buildBusyboxLayout, skopeoInspectRaw } from '../support/busybox-image.js';
import { testEnvironment } from '@kiln/local';

const env = testEnvironment();
const run = `${process.pid}-${Date.now()}`;
const fast: LedgerOptions = { settleMs: 20 };
const ctx = { actor: 'octocat', commit: 'c0ffee', run_url: 'https://ci.example/run/1' };

/** A tiny image of its own (config + one layer) pushed by digest. */
async function tinyImage(store: ArtifactStore, name: string): Promise<Descriptor> {
  const put = async (data: Buffer, mediaType: string): Promise<Descriptor> => {
    const desc = { mediaType, digest: sha256(data), size: data.length };
    await store.putBlob(desc, async () => Readable.from([data]));
    return desc;
  };
  const config = await put(
    Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', name })),
    MediaType.OciConfig,
  );
  const layer = await put(Buffer.from(`layer ${name} ${run}`), MediaType.OciLayer);
  const m = parseManifest(
    encodeManifest({ schemaVersion: 2, mediaType: MediaType.OciManifest, config, layers: [layer] }),
  );
  await store.putManifest(m);
  return descriptorOf(m);
}

const deploy = (digest: Digest, over: Partial<AppendInput> = {}): AppendInput => ({
  action: 'deploy',
  outcome: 'deployed',
  digest,
  duration_ms: 1500,
  evidence: [],
  ...ctx,
  ...over,
});

/** Pushes a forged entry the way someone with push rights could, and optionally moves the head. */
async function forge(store: ArtifactStore, record: EntryRecord, subject: Descriptor, tag?: string) {
  const desc = await store.pushArtifact({
    artifactType: LEDGER_ENTRY_TYPE,
    layers: [{ mediaType: LEDGER_LAYER_TYPE, data: encodeRecord(record) }],
    annotations: recordAnnotations(record),
    subject,
  });
  if (tag) await store.putManifest(await store.getManifest(desc.digest), { tag });
  return desc.digest;
}

/** Makes `parties` stores wait for each other at their last look at `tag` before moving it. */
function barrier<T extends ArtifactStore>(store: T, tag: string, parties: number): T[] {
  let waiting = 0;
  let release: () => void = () => {};
  const all = new Promise<void>((r) => (release = r));
  return Array.from({ length: parties }, () => {
    let looks = 0;
    return new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== 'resolve' || typeof value !== 'function') {
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return async (ref: string) => {
          const r = (await (value as (x: string) => Promise<Digest | undefined>).call(
            target,
            ref,
          )) as Digest | undefined;
          // An append with a head resolves the tag first as its last look before the move.
          if (ref === tag && ++looks === 1) {
            if (++waiting === parties) release();
            await all;
          }
          return r;
        };
      },
    });
  });
}

describe('ledger in a real registry', () => {
  const registries = new Registries();
  const repo = registries.repository(env.registry.host, `ledger/shop-${run}`);
  let images: Descriptor[] = [];

  beforeAll(async () => {
    images = [];
    for (const n of ['a', 'b', 'c', 'd']) images.push(await tinyImage(repo, n));
  }, 60_000);

  const img = (i: number): Descriptor => images[i] as Descriptor;

  it('appends, reads the head, the history and verifies; the head tag is a real OCI artifact', async () => {
    const ledger = new Ledger(repo, 'staging', fast);
    expect(await ledger.head()).toBeUndefined();
    const one = await ledger.append(deploy(img(0).digest));
    const two = await ledger.append(deploy(img(1).digest));
    expect(two.entry).toMatchObject({ seq: 2, prev: one.digest, previous: img(0).digest });
    expect((await ledger.head())?.digest).toBe(two.digest);
    expect((await ledger.history()).map((s) => s.digest)).toEqual([two.digest, one.digest]);
    expect(await ledger.verify()).toEqual({ ok: true, entries: 2 });
    expect(await current(ledger)).toBe(img(1).digest);
    expect((await lastKnownGood(ledger))?.digest).toBe(one.digest);

    const raw = skopeoInspectRaw(`${env.registry.host}/ledger/shop-${run}:kiln-ledger-staging`);
    expect(sha256(raw)).toBe(two.digest);
    const m = JSON.parse(raw) as {
      artifactType: string;
      subject: { digest: string };
      annotations: Record<string, string>;
      layers: Array<{ mediaType: string }>;
    };
    expect(m.artifactType).toBe('application/vnd.kiln.ledger.entry.v1+json');
    expect(m.subject.digest).toBe(img(1).digest);
    expect(m.annotations['dev.kiln.ledger.prev']).toBe(one.digest);
    expect(m.layers.map((l) => l.mediaType)).toEqual(['application/json']);
    expect(
      (await repo.listReferrers(img(1).digest, LEDGER_ENTRY_TYPE)).map((d) => d.digest),
    ).toEqual([two.digest]);
  }, 60_000);

  it('two appends racing on one environment (both past their last look): both end up in the chain', async () => {
    const envName = 'race-retry';
    await new Ledger(repo, envName, fast).append(deploy(img(0).digest));
    const [s1, s2] = barrier(repo, `kiln-ledger-${envName}`, 2);
    const results = await Promise.allSettled([
      new Ledger(s1 as ArtifactStore, envName, fast).append(deploy(img(1).digest)),
      new Ledger(s2 as ArtifactStore, envName, fast).append(deploy(img(2).digest)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const ledger = new Ledger(repo, envName, fast);
    const history = await ledger.history();
    expect(history.map((s) => s.entry.seq)).toEqual([3, 2, 1]);
    expect(new Set(history.slice(0, 2).map((s) => s.entry.digest))).toEqual(
      new Set([img(1).digest, img(2).digest]),
    );
    // The loser retried on the winner's head and named the entry it abandoned.
    expect(history[0]?.entry.abandoned).toHaveLength(1);
    expect(await ledger.verify()).toEqual({ ok: true, entries: 3 });
  }, 60_000);

  it('two appends racing with one attempt each: exactly one fails loudly with LedgerConflictError', async () => {
    const envName = 'race-once';
    await new Ledger(repo, envName, fast).append(deploy(img(0).digest));
    const [s1, s2] = barrier(repo, `kiln-ledger-${envName}`, 2);
    const results = await Promise.allSettled([
      new Ledger(s1 as ArtifactStore, envName, { ...fast, attempts: 1 }).append(
        deploy(img(1).digest),
      ),
      new Ledger(s2 as ArtifactStore, envName, { ...fast, attempts: 1 }).append(
        deploy(img(2).digest),
      ),
    ]);
    const failed = results.filter((r) => r.status === 'rejected');
    const won = results.filter(
      (r): r is PromiseFulfilledResult<StoredEntry> => r.status === 'fulfilled',
    );
    expect(failed).toHaveLength(1);
    expect(won).toHaveLength(1);
    const err = (failed[0] as PromiseRejectedResult).reason as LedgerConflictError;
    expect(err).toBeInstanceOf(LedgerConflictError);
    expect(err.message).toContain(
      `ledger ${envName} (${repo.label}:kiln-ledger-${envName}): another writer moved the head during each of 1 attempts; nothing was recorded`,
    );
    const ledger = new Ledger(repo, envName, fast);
    const history = await ledger.history();
    expect(history.map((s) => s.entry.seq)).toEqual([2, 1]);
    expect(history[0]?.digest).toBe(won[0]?.value.digest);
    expect(await ledger.verify()).toEqual({ ok: true, entries: 2 });
  }, 60_000);

  it('verify names an entry edited behind the ledger’s back (re-pushed modified, later entries re-linked)', async () => {
    const envName = 'edited';
    const ledger = new Ledger(repo, envName, fast);
    await ledger.append(deploy(img(0).digest));
    const two = await ledger.append(deploy(img(1).digest));
    const three = await ledger.append(deploy(img(2).digest));
    // Entry 2 rewritten to say the deploy failed; entry 3 re-linked onto it, head moved.
    const edited = await forge(repo, { ...two.entry, outcome: 'failed' }, img(1));
    await forge(repo, { ...three.entry, prev: edited }, img(2), ledger.tag);
    const r = await ledger.verify();
    expect(r).toMatchObject({ ok: false, brokenAt: 2 });
    expect(r.ok ? '' : r.reason).toBe(
      `entry removed: ${two.digest} (seq 2) is listed as a referrer of its image but is not in the chain`,
    );
  }, 60_000);

  it('verify names a seq gap when the head is moved to an entry that skips one, and an entry removed when moved back', async () => {
    const envName = 'skipped';
    const ledger = new Ledger(repo, envName, fast);
    await ledger.append(deploy(img(0).digest));
    const two = await ledger.append(deploy(img(1).digest));
    const three = await ledger.append(deploy(img(2).digest));
    const four = await ledger.append(deploy(img(1).digest));
    await forge(repo, { ...four.entry, prev: two.digest }, img(1), ledger.tag);
    const gap = await ledger.verify();
    expect(gap).toMatchObject({ ok: false, brokenAt: 3 });
    expect(gap.ok ? '' : gap.reason).toMatch(
      /^seq gap: entry sha256:\w{12} has seq 4 where seq 3 belongs$/,
    );
    // The head moved back over entry 4 (about an image the chain still holds).
    await repo.putManifest(await repo.getManifest(three.digest), { tag: ledger.tag });
    expect(await ledger.verify()).toEqual({
      ok: false,
      entries: 3,
      brokenAt: 4,
      reason: `entry removed: ${four.digest} (seq 4) is listed as a referrer of its image but is not in the chain`,
    });
  }, 60_000);

  describe('queries on a real image', () => {
    let layoutDir = '';
    let image: Descriptor;
    beforeAll(async () => {
      const built = buildBusyboxLayout({ page: `ledger ${run}\n` });
      layoutDir = built.layout;
      const layout = new OciLayout(built.layout);
      const digest = (await layout.resolve(built.tag)) as Digest;
      await copyImage(layout, repo, digest, { log: () => {} });
      image = descriptorOf(await repo.getManifest(digest));
    }, 60_000);
    afterAll(() => {
      if (layoutDir) rmSync(dirname(layoutDir), { recursive: true, force: true });
    });

    it('validated, healthy, quarantined: seen by every environment through the digest’s referrers', async () => {
      expect(await isValidated(repo, image.digest)).toEqual({
        ok: false,
        reason: `no validation evidence for ${image.digest}`,
      });
      const report = {
        version: 1,
        result: 'pass',
        image: { digest: image.digest, manifestDigest: image.digest },
      };
      const evidence = await repo.pushArtifact({
        artifactType: KilnArtifactType.Validation,
        layers: [{ mediaType: 'application/json', data: Buffer.from(JSON.stringify(report)) }],
        subject: image,
        annotations: { [VALIDATION_RESULT_ANNOTATION]: 'pass' },
      });
      expect(await isValidated(repo, image.digest)).toMatchObject({ ok: true, evidence });

      const staging = new Ledger(repo, 'q-staging', fast);
      await staging.append(deploy(image.digest, { evidence: [evidence.digest] }));
      expect(await wasHealthy(staging, image.digest)).toBe(true);
      expect(await wasHealthy(new Ledger(repo, 'q-production', fast), image.digest)).toBe(false);

      expect(await isQuarantined(repo, image.digest)).toEqual({ quarantined: false });
      const q = await quarantine(repo, 'q-staging', image.digest, 'checkout 500s', {
        ...ctx,
        ledger: fast,
      });
      // Another client, another environment's point of view: one listing of the digest.
      const other = new Registries().repository(env.registry.host, `ledger/shop-${run}`);
      expect(await isQuarantined(other, image.digest)).toEqual({ quarantined: true, entry: q });
      expect(await current(staging)).toBe(image.digest);
      expect(await staging.verify()).toEqual({ ok: true, entries: 2 });
    }, 60_000);
  });
});

describe('ledger in an OCI layout', () => {
  let work = '';
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'kiln-ledger-layout-'));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('appends and verifies, and names an entry whose file was edited in place', async () => {
    const layout = new OciLayout(join(work, 'ledger'));
    await layout.init();
    const a = await tinyImage(layout, 'a');
    const b = await tinyImage(layout, 'b');
    const ledger = new Ledger(layout, 'pr', fast);
    await ledger.append(deploy(a.digest));
    const two = await ledger.append(deploy(b.digest));
    await ledger.append(deploy(a.digest));
    expect(await ledger.verify()).toEqual({ ok: true, entries: 3 });
    expect(await current(ledger)).toBe(a.digest);
    expect((await lastKnownGood(ledger))?.digest).toBe(two.digest);

    const path = layout.blobPath(two.digest);
    // The manifest file rewritten to say the deploy failed: its bytes no longer match its name.
    writeFileSync(path, readFileSync(path, 'utf8').replace('"deployed"', '"failed"'));
    const r = await ledger.verify();
    expect(r).toMatchObject({ ok: false, brokenAt: 2, entries: 1 });
    expect(r.ok ? '' : r.reason).toContain(`entry edited: ${two.digest} `);
  }, 60_000);
});
