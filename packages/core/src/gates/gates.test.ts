import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../errors.js';
import type { Digest } from '../oci/digest.js';
import type { Descriptor } from '../oci/manifest.js';
import { KilnArtifactType, VALIDATION_RESULT_ANNOTATION } from '../oci/referrers.js';
import { MemoryArtifactStore } from '../oci/test-artifact-store.js';
import { quarantine } from '../ledger/queries.js';
import { type AppendInput, Ledger } from '../ledger/store.js';
import {
  assertGatesPassed,
  digestExists,
  gateLine,
  gateRows,
  GateRefusedError,
  gateTable,
  healthyIn,
  notQuarantined,
  promotedInto,
  runGates,
  skipped,
  soakedFor,
  validated,
} from './index.js';

const ctx = { actor: 'octocat', commit: 'abc', run_url: 'https://ci/run/1' };
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 1);

function setup() {
  const store = new MemoryArtifactStore('registry/shop');
  const a = store.image('a');
  const b = store.image('b');
  let clock = T0;
  const now = () => new Date(clock);
  const advance = (ms: number) => (clock += ms);
  const ledger = (env: string) =>
    new Ledger(store, env, { now, settleMs: 0, sleep: async () => {} });
  const entry = (digest: Digest, over: Partial<AppendInput> = {}): AppendInput => ({
    action: 'deploy',
    outcome: 'deployed',
    digest,
    duration_ms: 1,
    evidence: [],
    ...ctx,
    ...over,
  });
  const evidence = (subject: Descriptor, result: 'pass' | 'fail') =>
    store.pushArtifact({
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
  return { store, a, b, now, advance, ledger, entry, evidence };
}

describe('image gates', () => {
  it('digest-exists passes for a stored digest and fails naming the store for another', async () => {
    const { store, a } = setup();
    expect(await digestExists(store, a.digest)).toEqual({
      gate: 'digest-exists',
      status: 'pass',
      reason: `registry/shop holds ${a.digest}`,
      evidence: `registry/shop@${a.digest}`,
    });
    const gone = `sha256:${'0'.repeat(64)}` as Digest;
    expect(await digestExists(store, gone)).toEqual({
      gate: 'digest-exists',
      status: 'fail',
      reason: `registry/shop has no manifest ${gone} (deleted, or never pushed there)`,
    });
  });

  it('validated needs a passing report about this digest, and names the evidence', async () => {
    const { store, a, evidence } = setup();
    const none = await validated(store, a.digest);
    expect(none).toEqual({
      gate: 'validated',
      status: 'fail',
      reason: `no validation evidence for ${a.digest} in registry/shop`,
    });
    const failed = await evidence(a, 'fail');
    const stillFailing = await validated(store, a.digest);
    expect(stillFailing).toMatchObject({ status: 'fail', evidence: failed.digest });
    expect(stillFailing.reason).toContain('no passing validation evidence');
    const passed = await evidence(a, 'pass');
    expect(await validated(store, a.digest)).toEqual({
      gate: 'validated',
      status: 'pass',
      reason: `validation evidence ${passed.digest} passed in registry/shop`,
      evidence: passed.digest,
    });
  });

  it('not-quarantined fails for a digest any environment quarantined, naming env and reason', async () => {
    const { store, a, b, ledger, entry } = setup();
    await ledger('production').append(entry(a.digest));
    const scope = { ledgers: [ledger('staging'), ledger('production')], stores: [store] };
    expect(await notQuarantined(scope, a.digest)).toEqual({
      gate: 'not-quarantined',
      status: 'pass',
      reason: `no quarantine of ${a.digest} in the ledgers of staging, production (registry/shop)`,
    });
    const q = await quarantine(store, 'production', a.digest, 'broke checkout', {
      ...ctx,
      ledger: { settleMs: 0, sleep: async () => {} },
    });
    const r = await notQuarantined(scope, a.digest);
    expect(r).toMatchObject({ gate: 'not-quarantined', status: 'fail', evidence: q.digest });
    expect(r.reason).toBe(
      `${a.digest} was quarantined in production (seq 2, ${q.entry.at}, by octocat): broke checkout`,
    );
    // A property of the digest: another digest is not affected.
    expect((await notQuarantined(scope, b.digest)).status).toBe('pass');
  });

  it('not-quarantined finds a quarantine in a head whose referrers index was rewritten', async () => {
    const { store, a, ledger, entry } = setup();
    await ledger('production').append(entry(a.digest));
    await quarantine(store, 'production', a.digest, 'broke checkout', {
      ...ctx,
      ledger: { settleMs: 0, sleep: async () => {} },
    });
    await ledger('production').append(entry(a.digest, { outcome: 'failed' }));
    // The digest's referrers no longer list its ledger entries: only the chain remembers.
    store.forgetReferrers(a.digest);
    const scope = { ledgers: [ledger('production')], stores: [store] };
    const r = await notQuarantined(scope, a.digest);
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('was quarantined in production (seq 2');
    expect((await notQuarantined({ ledgers: [], stores: [store] }, a.digest)).status).toBe('pass');
  });
});

describe('ledger gates', () => {
  it('healthy passes only for the digest running in the environment now', async () => {
    const { a, b, ledger, entry } = setup();
    const staging = ledger('staging');
    expect(await healthyIn(staging, a.digest)).toEqual({
      gate: 'healthy',
      status: 'fail',
      reason: 'nothing was ever deployed to staging (ledger registry/shop)',
    });
    const deployed = await staging.append(entry(a.digest));
    expect(await healthyIn(staging, a.digest)).toEqual({
      gate: 'healthy',
      status: 'pass',
      reason: `${a.digest} runs healthy in staging (ledger registry/shop) since ${deployed.entry.at} (ledger seq 1)`,
      evidence: deployed.digest,
    });
    // A failed deploy of b leaves a running: b is not healthy, a still is.
    await staging.append(entry(b.digest, { outcome: 'failed' }));
    const bNow = await healthyIn(staging, b.digest);
    expect(bNow.status).toBe('fail');
    expect(bNow.reason).toContain(`staging runs ${a.digest}`);
    expect(bNow.reason).toContain('(ledger seq 2: deploy failed)');
    expect((await healthyIn(staging, a.digest)).evidence).toBe(deployed.digest);
    // Replaced: a ran healthy once, but is not what runs now.
    await staging.append(entry(b.digest));
    expect((await healthyIn(staging, a.digest)).status).toBe('fail');
  });

  it('min-soak counts from the start of the current run; 0 skips', async () => {
    const { a, b, ledger, entry, now, advance } = setup();
    const staging = ledger('staging');
    expect(await soakedFor(staging, a.digest, 0, now())).toEqual({
      gate: 'min-soak',
      status: 'skip',
      reason: 'min-soak is 0',
    });
    const notRunning = await soakedFor(staging, a.digest, 10 * MINUTE, now());
    expect(notRunning.status).toBe('fail');
    expect(notRunning.reason).toContain('is not running in staging');
    await staging.append(entry(a.digest));
    advance(4 * MINUTE);
    expect(await soakedFor(staging, a.digest, 10 * MINUTE, now())).toEqual({
      gate: 'min-soak',
      status: 'fail',
      reason: `running in staging for 4 min since ${new Date(T0).toISOString()}, min-soak is 10 min: 6 min to go`,
    });
    // An unchanged redeploy does not restart the soak.
    await staging.append(entry(a.digest, { outcome: 'unchanged' }));
    advance(6 * MINUTE);
    expect(await soakedFor(staging, a.digest, 10 * MINUTE, now())).toMatchObject({
      status: 'pass',
      reason: `running in staging for 10 min since ${new Date(T0).toISOString()} (min-soak 10 min)`,
    });
    // Replaced by b and back: the soak starts again.
    await staging.append(entry(b.digest));
    await staging.append(entry(a.digest, { action: 'rollback' }));
    expect((await soakedFor(staging, a.digest, 10 * MINUTE, now())).status).toBe('fail');
  });

  it('promoted needs a promote entry into the environment', async () => {
    const { a, ledger, entry } = setup();
    const production = ledger('production');
    const r = await promotedInto(production, a.digest, 'staging');
    expect(r).toEqual({
      gate: 'promoted',
      status: 'fail',
      reason: `${a.digest} was never promoted into production (ledger registry/shop); production requires staging: promote it from staging first`,
    });
    // A promote into another environment does not count.
    await ledger('qa').append(entry(a.digest, { action: 'promote', outcome: 'promoted' }));
    expect((await promotedInto(production, a.digest, 'staging')).status).toBe('fail');
    await production.append(
      entry(a.digest, { action: 'promote', outcome: 'promoted', from: 'staging' }),
    );
    expect((await promotedInto(production, a.digest, 'staging')).status).toBe('pass');
  });
});

describe('runGates', () => {
  const pass = { gate: 'one', status: 'pass', reason: 'fine' } as const;
  const fail = {
    gate: 'two',
    status: 'fail',
    reason: 'no evidence',
    evidence: 'sha256:x',
  } as const;

  it('runs every check, even after a failure, and logs each', async () => {
    const lines: string[] = [];
    const out = await runGates(
      [async () => fail, async () => pass, async () => skipped('three', 'not asked')],
      { log: (l) => lines.push(l) },
    );
    expect(out.passed).toBe(false);
    expect(out.results.map((r) => r.gate)).toEqual(['two', 'one', 'three']);
    expect(lines).toEqual([
      'gate two: fail: no evidence (evidence sha256:x)',
      'gate one: pass: fine',
      'gate three: skip: not asked',
    ]);
    expect((await runGates([async () => pass, async () => skipped('x', 'y')])).passed).toBe(true);
  });

  it('propagates a check that throws: an operational failure is not a failed gate', async () => {
    await expect(
      runGates([
        async () => {
          throw new Error('registry down');
        },
      ]),
    ).rejects.toThrow('registry down');
  });

  it('GateRefusedError is a ConfigurationError naming each failed gate and why', () => {
    const err = new GateRefusedError(
      [pass, fail, { ...fail, gate: 'three', reason: 'soak' }],
      'promote of x',
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toBe('promote of x: gate two failed: no evidence; gate three failed: soak');
    expect(err.results).toHaveLength(3);
    expect(() => assertGatesPassed({ passed: false, results: [fail] }, 'deploy')).toThrow(
      'deploy: gate two failed: no evidence',
    );
    expect(() => assertGatesPassed({ passed: true, results: [pass] }, 'deploy')).not.toThrow();
    expect(gateLine(pass)).toBe('gate one: pass: fine');
  });

  it('gate rows escape registry text and show evidence as code', () => {
    const rows = gateRows([{ gate: 'validated', status: 'fail', reason: '[x](http://e) | y' }]);
    expect(rows).toEqual([['validated', '❌ fail', '[x](http://e) | y', '']]);
    const md = gateTable([{ ...fail, reason: '[x](http://e)' }]);
    expect(md).toBe(
      [
        '| gate | result | reason | evidence |',
        '| --- | --- | --- | --- |',
        '| two | ❌ fail | \\[x\\](http\\://e) | `sha256:x` |',
      ].join('\n'),
    );
  });
});
