import { describe, expect, it } from '@jest/globals';
import { GateRefusedError } from '../gates/gate-result.js';
import { fromRecord } from '../inputs/source.js';
import { quarantine } from '../ledger/queries.js';
import { type AppendInput, Ledger } from '../ledger/store.js';
import type { Digest } from '../oci/digest.js';
import type { Descriptor } from '../oci/manifest.js';
import { type ImageReference, repositoryName } from '../oci/reference.js';
import { Registries } from '../oci/registries.js';
import { KilnArtifactType, VALIDATION_RESULT_ANNOTATION } from '../oci/referrers.js';
import { MemoryArtifactStore } from '../oci/test-artifact-store.js';
import { promote } from './promote.js';
import { parsePromoteRequest } from './promote-request.js';
import { promoteRefusedSummary, promoteSummary } from './promote-summary.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 1);
const instant = { settleMs: 0, sleep: async () => {} };
const context = { actor: 'octocat', commit: 'c0ffee', run_url: 'https://ci/run/7' };

function setup() {
  const shop = new MemoryArtifactStore('registry.test/acme/shop');
  const prod = new MemoryArtifactStore('prod.test/acme/shop');
  const stores: Record<string, MemoryArtifactStore> = {
    'registry.test/acme/shop': shop,
    'prod.test/acme/shop': prod,
  };
  const image = shop.image('app');
  let clock = T0;
  const now = () => new Date(clock);
  const staging = new Ledger(shop, 'staging', { ...instant, now });
  const deploy = (digest: Digest, over: Partial<AppendInput> = {}) =>
    staging.append({
      action: 'deploy',
      outcome: 'deployed',
      digest,
      duration_ms: 1,
      evidence: [],
      ...context,
      ...over,
    });
  const evidence = (subject: Descriptor, result = 'pass') =>
    shop.pushArtifact({
      artifactType: KilnArtifactType.Validation,
      layers: [
        {
          mediaType: 'application/json',
          data: Buffer.from(JSON.stringify({ result, image: { digest: subject.digest } })),
        },
      ],
      annotations: { [VALIDATION_RESULT_ANNOTATION]: result },
      subject,
    });
  const run = (inputs: Record<string, string>) =>
    promote(
      parsePromoteRequest(
        fromRecord({
          'to-environment': 'production',
          'to-image': 'prod.test/acme/shop',
          ...inputs,
        }),
      ),
      {
        registries: new Registries(),
        open: (ref: ImageReference) => stores[repositoryName(ref)] as MemoryArtifactStore,
        context,
        now,
        log: () => {},
        ledger: { ...instant, now },
      },
    );
  const image_ = `registry.test/acme/shop@${image.digest}`;
  /** The promote left nothing at the target: no blob, no manifest, no ledger tag. */
  const untouched = () => {
    expect(prod.writes).toEqual([]);
    expect(prod.tags.size).toBe(0);
  };
  return {
    shop,
    prod,
    image,
    ref: image_,
    deploy,
    evidence,
    run,
    untouched,
    advance: (ms: number) => (clock += ms),
  };
}

/** Healthy in staging for `soak`, validated: every gate passes. */
async function ready(soak = 20 * MINUTE) {
  const s = setup();
  await s.evidence(s.image);
  await s.deploy(s.image.digest);
  s.advance(soak);
  return s;
}

const fromStaging = { 'from-environment': 'staging', 'min-soak': '10m' };

describe('promote', () => {
  it('copies the digest with its referrers, reads it back and records a promote entry', async () => {
    const s = await ready();
    const r = await s.run({ image: s.ref, ...fromStaging });
    expect(r.image).toBe(`prod.test/acme/shop@${s.image.digest}`);
    expect(r.gates.map((g) => [g.gate, g.status])).toEqual([
      ['digest-exists', 'pass'],
      ['not-quarantined', 'pass'],
      ['validated', 'pass'],
      ['healthy', 'pass'],
      ['min-soak', 'pass'],
    ]);
    expect(await s.prod.resolve(s.image.digest)).toBe(s.image.digest);
    // The evidence and the staging entry travelled with the image and are listed there, and
    // so is the new production entry.
    const listed = await s.prod.listReferrers(s.image.digest);
    expect(listed.map((d) => d.artifactType).sort()).toEqual([
      KilnArtifactType.LedgerEntry,
      KilnArtifactType.LedgerEntry,
      KilnArtifactType.Validation,
    ]);
    expect(listed.map((d) => d.digest)).toContain(r.ledger.entry.digest);
    expect(r.readBack.validated?.status).toBe('pass');
    const head = await new Ledger(s.prod, 'production', instant).head();
    expect(head?.digest).toBe(r.ledger.entry.digest);
    expect(head?.entry).toMatchObject({
      action: 'promote',
      outcome: 'promoted',
      from: 'staging',
      digest: s.image.digest,
      seq: 1,
      actor: 'octocat',
      commit: 'c0ffee',
      run_url: 'https://ci/run/7',
    });
    // Evidence: the validation report and the staging entry that proved health.
    const validation = r.gates.find((g) => g.gate === 'validated')?.evidence;
    const healthy = r.gates.find((g) => g.gate === 'healthy')?.evidence;
    expect(head?.entry.evidence).toEqual([validation, healthy]);
    const md = promoteSummary(r);
    expect(md).toContain('### promote: ✅ staging → production');
    expect(md).toContain('| min-soak | ✅ pass |');
    expect(md).toContain('| environment | seq | action | outcome | from | entry | repository |');
  });

  it('from-environment alone promotes what runs there now', async () => {
    const s = await ready();
    const r = await s.run({ image: 'registry.test/acme/shop', 'from-environment': 'staging' });
    expect(r.digest).toBe(s.image.digest);
  });

  it('from-environment where nothing runs is refused, nothing copied', async () => {
    const s = setup();
    await expect(
      s.run({ image: 'registry.test/acme/shop', 'from-environment': 'staging' }),
    ).rejects.toThrow(
      'Input "from-environment" is "staging": nothing runs there according to its ledger (registry.test/acme/shop:kiln-ledger-staging); deploy it there first, or name the digest in "image"',
    );
    s.untouched();
  });

  /** Each gate alone: the rest pass, this one fails, and the target is untouched. */
  async function refused(
    s: Awaited<ReturnType<typeof ready>>,
    inputs: Record<string, string>,
    gate: string,
    reason: string,
    digest: string = s.image.digest,
  ) {
    let err: unknown;
    try {
      await s.run(inputs);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GateRefusedError);
    const failed = (err as GateRefusedError).results.filter((g) => g.status === 'fail');
    expect(failed.map((g) => g.gate)).toEqual([gate]);
    expect((err as Error).message).toContain(`gate ${gate} failed: ${reason}`);
    expect((err as Error).message).toMatch(
      new RegExp(`^promote of registry\\.test/acme/shop@${digest} to production: `),
    );
    s.untouched();
    return err as GateRefusedError;
  }

  it('blocks without validation evidence', async () => {
    const s = setup();
    await s.deploy(s.image.digest);
    s.advance(20 * MINUTE);
    await refused(
      s as Awaited<ReturnType<typeof ready>>,
      { image: s.ref, ...fromStaging },
      'validated',
      `no validation evidence for ${s.image.digest} in registry.test/acme/shop`,
    );
  });

  it('blocks a digest not healthy in the source (another digest runs there)', async () => {
    const s = await ready();
    const other = s.shop.image('other');
    await s.evidence(other);
    const err = await refused(
      s,
      { image: `registry.test/acme/shop@${other.digest}`, 'from-environment': 'staging' },
      'healthy',
      `${other.digest} is not deployed and healthy in staging (ledger registry.test/acme/shop): staging runs ${s.image.digest}`,
      other.digest,
    );
    // The summary of a refusal shows every gate and says nothing moved.
    const md = promoteRefusedSummary('promote of x', err.results);
    expect(md).toContain('nothing was copied and nothing was recorded');
    expect(md).toContain('| healthy | ❌ fail |');
  });

  it('blocks a soak that is too short', async () => {
    const s = await ready(4 * MINUTE);
    await refused(
      s,
      { image: s.ref, ...fromStaging },
      'min-soak',
      `running in staging for 4 min since ${new Date(T0).toISOString()}, min-soak is 10 min: 6 min to go`,
    );
  });

  it('blocks a quarantined digest', async () => {
    const s = await ready();
    await quarantine(s.shop, 'qa', s.image.digest, 'leaks memory', {
      ...context,
      ledger: instant,
    });
    await refused(
      s,
      { image: s.ref, ...fromStaging },
      'not-quarantined',
      `${s.image.digest} was quarantined in qa`,
    );
  });

  it('blocks a digest that is not in the source repository', async () => {
    const s = await ready();
    const gone = `sha256:${'0'.repeat(64)}`;
    let err: unknown;
    try {
      await s.run({ image: `registry.test/acme/shop@${gone}`, 'require-validation': 'false' });
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).toBe(
      `promote of registry.test/acme/shop@${gone} to production: gate digest-exists failed: registry.test/acme/shop has no manifest ${gone} (deleted, or never pushed there)`,
    );
    s.untouched();
  });
});
