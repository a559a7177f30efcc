import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GateRefusedError, validated } from '@kiln/core/gates';
import { fromRecord } from '@kiln/core/inputs';
import { Ledger, type LedgerOptions, quarantine } from '@kiln/core/ledger';
import {
  copyImage,
  type Digest,
  KilnArtifactType,
  OciLayout,
  Registries,
  type RegistryRepository,
} from '@kiln/core/oci';
import { parsePromoteRequest, promote, type PromoteResult } from '@kiln/core/promote';
import { parseValidateRequest, validateImage } from '@kiln/core/validate';
import { type FaultProxy, startFaultProxy, testEnvironment } from '@kiln/local';
import { buildBusyboxLayout, skopeoInspectRaw } from '../support/busybox-image.js';
import { runKiln } from '../support/run-cli.js';

const env = testEnvironment();
const run = `${process.pid}-${Date.now()}`;
const fast: LedgerOptions = { settleMs: 20 };
const ctx = { actor: 'octocat', commit: 'c0ffee', run_url: 'https://ci.example/run/1' };
const quiet = (): void => {};
const MINUTE = 60_000;

describe('promote on the real registries', () => {
  const registries = new Registries();
  const repo = (name: string, host = env.registry.host): RegistryRepository =>
    registries.repository(host, `promote/${name}-${run}`);
  const base = repo('shop');
  let work = '';
  let layoutDir = '';
  let digest: Digest;
  let layerDigests: string[] = [];
  let proxy: FaultProxy;

  /** `name` holds the image; with `evidence` its validation report too (copied as a referrer). */
  async function sourceRepo(
    name: string,
    opts: { evidence: boolean },
  ): Promise<RegistryRepository> {
    const r = repo(name);
    await copyImage(base, r, digest, { referrers: opts.evidence, log: quiet });
    return r;
  }

  /** A deploy entry in `env` of `store`'s ledger, `agoMs` in the past. */
  async function deployed(
    store: RegistryRepository,
    environment: string,
    d: Digest,
    agoMs: number,
  ) {
    const ledger = new Ledger(store, environment, {
      ...fast,
      now: () => new Date(Date.now() - agoMs),
    });
    return ledger.append({
      action: 'deploy',
      outcome: 'deployed',
      digest: d,
      duration_ms: 1000,
      evidence: [],
      ...ctx,
    });
  }

  const promoteWith = (inputs: Record<string, string>, regs = registries) =>
    promote(parsePromoteRequest(fromRecord(inputs)), {
      registries: regs,
      context: ctx,
      log: quiet,
      ledger: fast,
    });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'kiln-promote-'));
    const built = buildBusyboxLayout({ page: `promote ${run}\n` });
    layoutDir = built.layout;
    const layout = new OciLayout(built.layout);
    digest = (await layout.resolve(built.tag)) as Digest;
    await copyImage(layout, base, digest, { log: quiet });
    const m = await base.getManifest(digest);
    if (m.kind !== 'image') throw new Error('an image manifest expected');
    layerDigests = m.manifest.layers.map((l) => l.digest);
    // Real validation evidence, as validate-image stores it (policy only: no engine needed).
    const policy = join(work, 'policy.yml');
    writeFileSync(policy, 'max-layers: 5\nrevision: false\n');
    const v = await validateImage(
      parseValidateRequest(
        fromRecord({
          image: `${env.registry.host}/promote/shop-${run}@${digest}`,
          policy,
          smoke: 'false',
        }),
        work,
      ),
      registries,
      { log: quiet, reportDir: work },
    );
    expect(v.result).toBe('pass');
    await deployed(base, 'staging', digest, 20 * MINUTE);
    proxy = await startFaultProxy(env.registry.host);
  }, 120_000);

  afterAll(async () => {
    await proxy?.stop();
    if (layoutDir) rmSync(dirname(layoutDir), { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('within one registry: every blob mounted, zero image bytes moved, entry recorded', async () => {
    // Through the proxy, so what crosses the wire is counted.
    const via = (name: string) => `${proxy.host}/promote/${name}-${run}`;
    proxy.resetStats();
    const r = await promoteWith(
      {
        image: `${via('shop')}@${digest}`,
        'from-environment': 'staging',
        'to-environment': 'production',
        'to-image': via('shop-prod'),
        'min-soak': '10m',
      },
      new Registries(),
    );
    expect(r.gates.map((g) => [g.gate, g.status])).toEqual([
      ['digest-exists', 'pass'],
      ['not-quarantined', 'pass'],
      ['validated', 'pass'],
      ['healthy', 'pass'],
      ['min-soak', 'pass'],
    ]);
    const stats = proxy.stats();
    expect(r.copy.copiedBytes).toBe(0);
    expect(r.copy.mountedBlobs).toBe(r.copy.blobs);
    // The one upload is the new ledger entry's own JSON layer; no image blob was sent.
    const entry = await repo('shop-prod').getManifest(r.ledger.entry.digest);
    if (entry.kind !== 'image') throw new Error('an entry manifest expected');
    expect(stats.blobBytesUp).toBe(entry.manifest.layers[0]?.size);
    // No layer of the image was downloaded (the gates read only small JSON blobs).
    const layerGets = stats.requests.filter(
      (q) => q.method === 'GET' && layerDigests.some((l) => q.path.includes(`/blobs/${l}`)),
    );
    expect(layerGets).toEqual([]);
    // Mounts, not uploads: each blob of the image was a cross-repository mount request.
    const mounts = stats.requests.filter((q) => q.method === 'POST' && q.path.includes('mount='));
    expect(mounts.length).toBeGreaterThanOrEqual(layerDigests.length);
    expect(r.readBack).toMatchObject({ digest, validated: { status: 'pass' } });

    const target = repo('shop-prod');
    const head = await new Ledger(target, 'production').head();
    expect(head?.digest).toBe(r.ledger.entry.digest);
    expect(head?.entry).toMatchObject({
      action: 'promote',
      outcome: 'promoted',
      from: 'staging',
      digest,
      seq: 1,
      actor: 'octocat',
    });
    expect(await new Ledger(target, 'production').verify()).toEqual({ ok: true, entries: 1 });
  }, 120_000);

  it('to the second registry: the same digest (skopeo), evidence listed there, the gate passes there', async () => {
    const to = `${env.registry2.host}/promote/shop-${run}`;
    const r: PromoteResult = await promoteWith({
      image: `${env.registry.host}/promote/shop-${run}@${digest}`,
      'from-environment': 'staging',
      'to-environment': 'production',
      'to-image': to,
    });
    expect(r.image).toBe(`${to}@${digest}`);
    expect(r.copy.copiedBytes).toBeGreaterThan(1_000_000); // the busybox layer crossed
    expect(r.copy.mountedBlobs).toBe(0);
    // An independent client reads the manifest and its sha256 is the source digest.
    const raw = skopeoInspectRaw(`${to}@${digest}`);
    expect(`sha256:${createHash('sha256').update(raw).digest('hex')}`).toBe(digest);
    // The validation evidence came along and is listed as a referrer at the target.
    const target = registries.repository(env.registry2.host, `promote/shop-${run}`);
    const evidence = await target.listReferrers(digest, KilnArtifactType.Validation);
    expect(evidence.map((d) => d.digest)).toEqual(
      (await base.listReferrers(digest, KilnArtifactType.Validation)).map((d) => d.digest),
    );
    expect(r.copy.referrers?.map((x) => x.digest)).toEqual(
      expect.arrayContaining(evidence.map((d) => d.digest)),
    );
    // The gate evaluated at the target, by itself, passes.
    expect(await validated(target, digest)).toMatchObject({
      gate: 'validated',
      status: 'pass',
      evidence: evidence[0]?.digest,
    });
    // The promote entry is in the target registry's ledger.
    expect((await new Ledger(target, 'production').head())?.entry).toMatchObject({
      action: 'promote',
      from: 'staging',
    });
  }, 120_000);

  describe('each gate blocks on its own: nothing copied, nothing recorded', () => {
    async function refused(
      name: string,
      inputs: Record<string, string>,
      gate: string,
      reason: string,
    ): Promise<void> {
      const to = `${env.registry.host}/promote/${name}-prod-${run}`;
      let err: unknown;
      try {
        await promoteWith({
          image: `${env.registry.host}/promote/${name}-${run}@${digest}`,
          'to-environment': 'production',
          'to-image': to,
          ...inputs,
        });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(GateRefusedError);
      const results = (err as GateRefusedError).results;
      expect(results.filter((g) => g.status === 'fail').map((g) => g.gate)).toEqual([gate]);
      expect((err as Error).message).toContain(`gate ${gate} failed: ${reason}`);
      const target = repo(`${name}-prod`);
      expect(await target.resolve(digest)).toBeUndefined();
      expect(await target.resolve('kiln-ledger-production')).toBeUndefined();
      expect(await target.listReferrers(digest)).toEqual([]);
    }

    it('no validation evidence', async () => {
      const s = await sourceRepo('no-evidence', { evidence: false });
      await deployed(s, 'staging', digest, 20 * MINUTE);
      await refused(
        'no-evidence',
        { 'from-environment': 'staging' },
        'validated',
        `no validation evidence for ${digest}`,
      );
    }, 60_000);

    it('not healthy in the source (nothing deployed there)', async () => {
      await sourceRepo('not-healthy', { evidence: true });
      await refused(
        'not-healthy',
        { 'from-environment': 'staging' },
        'healthy',
        'nothing was ever deployed to staging',
      );
    }, 60_000);

    it('soak too short', async () => {
      const s = await sourceRepo('short-soak', { evidence: true });
      await deployed(s, 'staging', digest, 2 * MINUTE);
      await refused(
        'short-soak',
        { 'from-environment': 'staging', 'min-soak': '10m' },
        'min-soak',
        'running in staging for 2 min',
      );
    }, 60_000);

    it('quarantined', async () => {
      const s = await sourceRepo('quarantined', { evidence: true });
      await deployed(s, 'staging', digest, 20 * MINUTE);
      await quarantine(s, 'staging', digest, 'leaks memory under load', { ...ctx, ledger: fast });
      await refused(
        'quarantined',
        { 'from-environment': 'staging' },
        'not-quarantined',
        `${digest} was quarantined in staging`,
      );
    }, 60_000);
  });
});

describe('kiln promote and kiln ledger', () => {
  const registries = new Registries();
  const name = `promote/cli-${run}`;
  const repository = `${env.registry.host}/${name}`;
  const store = registries.repository(env.registry.host, name);
  let layoutDir = '';
  let digest: Digest;
  // A folder without .github/kiln.yml, so only the flags describe the image and environments.
  const bare = mkdtempSync(join(tmpdir(), 'kiln-promote-cli-'));
  const kiln = (args: string[]) => runKiln(args, {}, { cwd: bare });

  beforeAll(async () => {
    const built = buildBusyboxLayout({ page: `cli ${run}\n` });
    layoutDir = built.layout;
    const layout = new OciLayout(built.layout);
    digest = (await layout.resolve(built.tag)) as Digest;
    await copyImage(layout, store, digest, { log: quiet });
    await new Ledger(store, 'staging', fast).append({
      action: 'deploy',
      outcome: 'deployed',
      digest,
      duration_ms: 1,
      evidence: [],
      ...ctx,
    });
  }, 60_000);

  afterAll(() => {
    rmSync(bare, { recursive: true, force: true });
    if (layoutDir) rmSync(dirname(layoutDir), { recursive: true, force: true });
  });

  it('kiln promote refuses a tag naming the flag, and a failed gate with exit 1', async () => {
    const tag = await kiln([
      'promote',
      '--image',
      `${repository}:latest`,
      '--to-environment',
      'qa',
    ]);
    expect(tag.code).toBe(1);
    expect(tag.stderr).toContain(
      `Input "image" has value "${repository}:latest": it must be pinned by digest`,
    );
    const gate = await kiln([
      'promote',
      '--image',
      repository,
      '--from-environment',
      'staging',
      '--to-environment',
      'qa',
    ]);
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain(`gate validated: fail: no validation evidence for ${digest}`);
    expect(gate.stderr).toContain(`gate validated failed: no validation evidence for ${digest}`);
    expect(await store.resolve('kiln-ledger-qa')).toBeUndefined();
  }, 60_000);

  it('kiln promote records the entry; ledger show lists it; verify passes, then names a broken link', async () => {
    const ok = await kiln([
      'promote',
      '--image',
      repository,
      '--from-environment',
      'staging',
      '--to-environment',
      'qa',
      '--require-validation',
      'false',
      '--json',
    ]);
    expect(ok.code).toBe(0);
    const result = JSON.parse(ok.stdout) as PromoteResult;
    expect(result.image).toBe(`${repository}@${digest}`);

    const show = await kiln(['ledger', 'show', 'qa', '--image', repository]);
    expect(show.code).toBe(0);
    const lines = show.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^seq\s+action\s+digest\s+outcome\s+at\s+actor$/);
    expect(lines[1]).toMatch(
      new RegExp(`^1\\s+promote\\s+${digest}\\s+promoted\\s+\\S+Z\\s+\\S+$`),
    );
    const json = await kiln(['ledger', 'show', 'qa', '--ledger-repository', repository, '--json']);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({
        seq: 1,
        action: 'promote',
        from: 'staging',
        entry: result.ledger.entry.digest,
      }),
    ]);

    const verified = await kiln(['ledger', 'verify', 'qa', '--image', repository]);
    expect(verified).toMatchObject({ code: 0 });
    // kiln promote recorded the head it wrote with the witness; verify checks it is on the chain.
    expect(verified.stdout).toMatch(
      /: 1 entries, chain intact; witnessed head #1 on the chain \(witness file .*\)\n$/,
    );
    expect(verified.stdout.startsWith(`${repository}:kiln-ledger-qa: `)).toBe(true);
    // The head tag moved behind the ledger's back, onto the image itself.
    const image = await store.getManifest(digest);
    await store.putManifest(image, { tag: 'kiln-ledger-qa' });
    const broken = await kiln(['ledger', 'verify', 'qa', '--image', repository]);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toContain(
      `${repository}:kiln-ledger-qa: broken at seq 1: entry edited: ${digest} is not a ledger entry`,
    );
  }, 90_000);

  it('kiln ledger needs a ledger to read, and a known subcommand', async () => {
    const none = await kiln(['ledger', 'show', 'qa', '--config', 'does-not-exist.yml']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Input "config" has value "does-not-exist.yml"');
    const sub = await kiln(['ledger', 'list', 'qa']);
    expect(sub.code).toBe(1);
    expect(sub.stderr).toContain('usage: kiln ledger show|verify ENV');
    const tagged = await kiln(['ledger', 'show', 'qa', '--image', `${repository}:v1`]);
    expect(tagged.code).toBe(1);
    expect(tagged.stderr).toContain(
      `Input "--image" has value "${repository}:v1": name a repository`,
    );
  }, 60_000);
});
