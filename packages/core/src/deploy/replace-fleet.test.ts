import { describe, expect, it } from '@jest/globals';
import { ConvergenceError, proveConvergence } from '../fleet/converged.js';
import type { DeployRequest, DeployResult, FleetProvider, FleetState } from '../fleet/provider.js';
import { GateRefusedError } from '../gates/gate-result.js';
import { isQuarantined, quarantine } from '../ledger/queries.js';
import { Ledger } from '../ledger/store.js';
import type { Digest } from '../oci/digest.js';
import { Registries } from '../oci/registries.js';
import { MemoryArtifactStore } from '../oci/test-artifact-store.js';
import type { ReplaceFleetRequest } from './deploy-request.js';
import { replaceFleetSummary } from './deploy-summary.js';
import type { DeploymentRecorder } from '../github/deployments.js';
import {
  FleetFailedError,
  RolledBackError,
  replaceFleet,
  type FleetDeps,
} from './replace-fleet.js';

const instant = { settleMs: 0, sleep: async () => {} };
const run = { actor: 'octocat', commit: 'c0ffee', runUrl: 'https://ci/run/1' };

function setup() {
  const store = new MemoryArtifactStore('registry.example/acme/shop');
  const v1 = store.image('v1').digest;
  const v2 = store.image('v2').digest;
  const ref = (d: Digest) => `registry.example/acme/shop@${d}`;
  const req = (digest: Digest, over: Partial<ReplaceFleetRequest> = {}): ReplaceFleetRequest => ({
    image: { registry: 'registry.example', repository: 'acme/shop', digest },
    digest,
    environment: 'staging',
    provider: 'swarm',
    target: 'shop',
    strategy: 'rolling',
    batchSize: 1,
    healthTimeoutMs: 1000,
    autoRollback: true,
    quarantineOnRollback: true,
    keepWarmMs: 0,
    replicas: 2,
    ledgerRepository: { registry: 'registry.example', repository: 'acme/shop' },
    quarantineLedgers: [],
    ...over,
  });
  let t = 0;
  const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, t++));
  return { store, v1, v2, ref, req, now };
}

/** A fleet whose deploy answers `answer`; it records every request and throws on rollback(). */
function fakeFleet(
  running: string | undefined,
  answer: (r: DeployRequest) => DeployResult | Promise<DeployResult>,
): FleetProvider & { requests: DeployRequest[] } {
  const requests: DeployRequest[] = [];
  const state = (): FleetState => ({
    target: 'shop',
    exists: running !== undefined,
    ...(running ? { image: running } : {}),
    replicas: running ? 2 : 0,
    digests: [],
    tasks: [],
  });
  return {
    kind: 'fake',
    target: 'shop',
    requests,
    current: async () => state(),
    deploy: async (r) => {
      requests.push(r);
      const res = await answer(r);
      running = res.image;
      return res;
    },
    rollback: async () => {
      throw new Error('rollback() is not part of replaceFleet');
    },
    converged: async () => {
      throw new Error('converged() is not part of replaceFleet');
    },
  };
}

const tasksOn = (image: string, n = 2) =>
  Array.from({ length: n }, (_, i) => ({
    id: `task${i}`,
    node: 'node1',
    state: 'running',
    health: 'healthy',
    image,
  }));

function outcome(
  image: string,
  o: DeployResult['outcome'],
  runs = image,
  extra: Partial<DeployResult> = {},
): DeployResult {
  const digest = runs.slice(runs.indexOf('@') + 1);
  return {
    outcome: o,
    strategy: 'rolling',
    requested: image,
    image: runs,
    proof: proveConvergence(tasksOn(runs), digest, 2),
    durationMs: 5,
    ...extra,
  };
}

function recorder(): DeploymentRecorder & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    start: async (input) => {
      calls.push(`start ${input.environment} ${input.ref} ${input.digest}`);
      return {
        setStatus: async (state, opts) => {
          calls.push(`${state}${opts?.description ? ` ${opts.description}` : ''}`);
        },
      };
    },
  };
}

const deps = (
  s: ReturnType<typeof setup>,
  provider: FleetProvider,
  over: Partial<FleetDeps> = {},
) => ({
  registries: new Registries(),
  provider,
  stores: { image: s.store, ledger: s.store },
  now: s.now,
  run,
  ledger: instant,
  ...over,
});

describe('replaceFleet', () => {
  it('gates, deploys, records a deploy entry and GitHub statuses; logs each phase and N/N', async () => {
    const s = setup();
    const fleet = fakeFleet(s.ref(s.v1), (r) =>
      outcome(r.image, 'deployed', r.image, { previous: s.ref(s.v1) }),
    );
    const gh = recorder();
    const log: string[] = [];
    const r = await replaceFleet(
      s.req(s.v2),
      deps(s, fleet, { github: gh, log: (l) => log.push(l) }),
    );
    expect(r).toMatchObject({
      outcome: 'deployed',
      requestedImage: s.ref(s.v2),
      deployedImage: s.ref(s.v2),
      previousImage: s.ref(s.v1),
      recorded: true,
      seq: 1,
    });
    expect(r.gates.map((g) => `${g.gate} ${g.status}`)).toEqual([
      'digest-exists pass',
      'not-quarantined pass',
    ]);
    expect(r.timings.map((t) => t.phase)).toEqual(['gates', 'deploy', 'ledger']);
    expect(fleet.requests).toEqual([
      expect.objectContaining({
        image: s.ref(s.v2),
        strategy: 'rolling',
        batchSize: 1,
        replicas: 2,
        autoRollback: true,
      }),
    ]);
    const head = await new Ledger(s.store, 'staging').head();
    expect(head?.digest).toBe(r.ledgerEntry);
    expect(head?.entry).toMatchObject({
      action: 'deploy',
      outcome: 'deployed',
      digest: s.v2,
      actor: 'octocat',
      commit: 'c0ffee',
      run_url: 'https://ci/run/1',
    });
    expect(gh.calls).toEqual([
      `start staging c0ffee ${s.v2}`,
      'in_progress',
      `success deployed: 2/2 healthy on ${s.v2}`,
    ]);
    expect(log).toContain(`deployed: shop 2/2 healthy on ${s.v2}`);
    expect(log.some((l) => l.startsWith('gate digest-exists: pass'))).toBe(true);
    expect(log.some((l) => /^ledger staging: entry #1 deploy deployed sha256:/.test(l))).toBe(true);
    const md = replaceFleetSummary(r);
    expect(md).toContain('✅ deployed');
    expect(md).toContain('#### Convergence: 2/2');
    expect(md).toContain('| digest-exists | ✅ pass |');
  });

  it('a repeated run of the running digest is unchanged and adds no entry; an unrecorded one gets one', async () => {
    const s = setup();
    const fleet = fakeFleet(s.ref(s.v1), (r) => outcome(r.image, 'unchanged'));
    // The engine runs v1 but the ledger never heard (a runner died after the update).
    const first = await replaceFleet(s.req(s.v1), deps(s, fleet));
    expect(first).toMatchObject({
      outcome: 'unchanged',
      recorded: true,
      seq: 1,
      previousImage: s.ref(s.v1),
    });
    const again = await replaceFleet(s.req(s.v1), deps(s, fleet));
    expect(again).toMatchObject({
      outcome: 'unchanged',
      recorded: false,
      seq: 1,
      ledgerEntry: first.ledgerEntry,
    });
    expect((await new Ledger(s.store, 'staging').history()).length).toBe(1);
  });

  it('a rolled-back deploy is returned as rolled-back, recorded with its reason, GitHub status failure', async () => {
    const s = setup();
    const fleet = fakeFleet(s.ref(s.v1), (r) =>
      outcome(r.image, 'rolled-back', s.ref(s.v1), {
        previous: s.ref(s.v1),
        reason: 'task exited (1)',
      }),
    );
    const gh = recorder();
    const r = await replaceFleet(s.req(s.v2), deps(s, fleet, { github: gh }));
    expect(r).toMatchObject({
      outcome: 'rolled-back',
      deployedImage: s.ref(s.v1),
      requestedImage: s.ref(s.v2),
      reason: 'task exited (1)',
    });
    // The quarantine entry comes first, so the head still says what the deploy did.
    const history = (await new Ledger(s.store, 'staging').history()).map((x) => x.entry);
    expect(history[0]).toMatchObject({
      seq: 2,
      action: 'deploy',
      outcome: 'rolled-back',
      digest: s.v2,
      reason: 'task exited (1)',
    });
    expect(history[1]).toMatchObject({
      seq: 1,
      action: 'quarantine',
      outcome: 'quarantined',
      digest: s.v2,
      reason: 'rolled back in staging: task exited (1)',
      actor: 'octocat',
      commit: 'c0ffee',
    });
    expect(r.quarantine).toMatchObject({ kind: 'quarantined', seq: 1 });
    expect(gh.calls.at(-1)).toBe(`failure rolled-back: 2/2 healthy on ${s.v1}`);
    expect(replaceFleetSummary(r)).toContain(
      `| quarantine | ${s.v2} quarantined (ledger seq 1): promote and deploy refuse it in every environment |`,
    );
    expect(new RolledBackError(r).message).toMatch(
      /; ledger entry #2 sha256:[a-f0-9]{64}; sha256:[a-f0-9]{64} quarantined \(ledger seq 1\)/,
    );

    // Every environment refuses it now, before its fleet is touched.
    const prod = fakeFleet(s.ref(s.v1), () => {
      throw new Error('the fleet must not be touched');
    });
    const refused = await replaceFleet(
      s.req(s.v2, { environment: 'production' }),
      deps(s, prod),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GateRefusedError);
    expect((refused as Error).message).toMatch(
      /gate not-quarantined failed: .* quarantined in staging .*: rolled back in staging: task exited \(1\)/,
    );
    expect(prod.requests).toEqual([]);
  });

  it('an engine reason longer than the ledger keeps is clipped, and the rolled-back deploy recorded', async () => {
    const s = setup();
    const long = `task exited (1): ${'x'.repeat(3000)}`;
    const back = (r: DeployRequest) =>
      outcome(r.image, 'rolled-back', s.ref(s.v1), { previous: s.ref(s.v1), reason: long });
    const r = await replaceFleet(s.req(s.v2), deps(s, fakeFleet(s.ref(s.v1), back)));
    expect(r.outcome).toBe('rolled-back');
    const [entry, q] = (await new Ledger(s.store, 'staging').history()).map((x) => x.entry);
    expect(entry?.reason).toHaveLength(1000);
    expect(entry?.reason?.endsWith('x…')).toBe(true);
    expect(q).toMatchObject({ action: 'quarantine' });
    expect(q?.reason).toHaveLength(1000);
  });

  it('quarantine-on-rollback false: a rolled-back deploy is recorded, its digest stays deployable', async () => {
    const s = setup();
    const back = (r: DeployRequest) =>
      outcome(r.image, 'rolled-back', s.ref(s.v1), { previous: s.ref(s.v1), reason: 'unhealthy' });
    const r = await replaceFleet(
      s.req(s.v2, { quarantineOnRollback: false }),
      deps(s, fakeFleet(s.ref(s.v1), back)),
    );
    expect(r.quarantine).toEqual({ kind: 'off' });
    expect(replaceFleetSummary(r)).toContain('input quarantine-on-rollback is false');
    const history = await new Ledger(s.store, 'staging').history();
    expect(history.map((x) => `${x.entry.action} ${x.entry.outcome}`)).toEqual([
      'deploy rolled-back',
    ]);
    expect((await isQuarantined(s.store, s.v2)).quarantined).toBe(false);
  });

  it('a quarantine that cannot be written: the deploy is still recorded, and the error says so', async () => {
    const s = setup();
    const fleet = fakeFleet(s.ref(s.v1), (r) => {
      // After the gates: the listing the quarantine reads fails.
      s.store.listReferrers = async () => {
        throw new Error('registry answered 503');
      };
      return outcome(r.image, 'rolled-back', s.ref(s.v1), { previous: s.ref(s.v1) });
    });
    const log: string[] = [];
    const r = await replaceFleet(s.req(s.v2), deps(s, fleet, { log: (l) => log.push(l) }));
    expect(r.quarantine).toMatchObject({ kind: 'failed', error: 'registry answered 503' });
    expect((await new Ledger(s.store, 'staging').head())?.entry).toMatchObject({
      seq: 1,
      action: 'deploy',
      outcome: 'rolled-back',
    });
    expect(log).toContain(
      `quarantine: ${s.v2} could not be quarantined: registry answered 503; promote and deploy still accept it`,
    );
    expect(new RolledBackError(r).message).toContain('could not be quarantined');
    expect(replaceFleetSummary(r)).toContain('| quarantine | ❌ ');
  });

  it('a rollback whose target does not come up quarantines nothing (the rollback action owns that)', async () => {
    const s = setup();
    const fleet = fakeFleet(s.ref(s.v2), (r) =>
      outcome(r.image, 'rolled-back', s.ref(s.v2), { previous: s.ref(s.v2) }),
    );
    const r = await replaceFleet(s.req(s.v1), deps(s, fleet), {
      action: 'rollback',
      reason: 'checkout errors',
    });
    expect(r.quarantine).toBeUndefined();
    expect((await isQuarantined(s.store, s.v1)).quarantined).toBe(false);
    expect((await new Ledger(s.store, 'staging').history()).length).toBe(1);
  });

  it('a fleet that converged nowhere gets a failed entry and FleetFailedError (operational)', async () => {
    const s = setup();
    const fleet = fakeFleet(s.ref(s.v1), () => {
      throw new ConvergenceError('stuck', proveConvergence([], s.v2, 2));
    });
    const err = await replaceFleet(s.req(s.v2), deps(s, fleet)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FleetFailedError);
    expect((err as Error).message).toMatch(/failed: stuck; ledger entry #1 sha256:/);
    expect((await new Ledger(s.store, 'staging').head())?.entry).toMatchObject({
      outcome: 'failed',
      reason: 'stuck',
    });
  });

  it('refuses before touching the fleet: missing digest, quarantined, not promoted from requires', async () => {
    const s = setup();
    const fleet = fakeFleet(s.ref(s.v1), () => {
      throw new Error('the fleet must not be touched');
    });
    const missing = `sha256:${'0'.repeat(64)}` as Digest;
    await expect(replaceFleet(s.req(missing), deps(s, fleet))).rejects.toThrow(
      /deploy of registry.example\/acme\/shop@sha256:0+ to staging: gate digest-exists failed: registry.example\/acme\/shop has no manifest/,
    );
    await quarantine(s.store, 'production', s.v2, 'bad release', {
      actor: 'a',
      commit: 'c',
      run_url: '',
      ledger: instant,
    });
    const q = await replaceFleet(s.req(s.v2), deps(s, fleet)).catch((e: unknown) => e);
    expect(q).toBeInstanceOf(GateRefusedError);
    expect((q as Error).message).toMatch(
      /gate not-quarantined failed: .* quarantined in production .*: bad release/,
    );
    await expect(
      replaceFleet(s.req(s.v1, { requires: 'staging', environment: 'production' }), deps(s, fleet)),
    ).rejects.toThrow(
      /gate promoted failed: .* was never promoted into production .*requires staging/,
    );
    expect(fleet.requests).toEqual([]);
    // Nothing was recorded in the environment deployed to.
    expect(await new Ledger(s.store, 'staging').head()).toBeUndefined();
  });

  it('records a rollback entry with its reason, skipping gates the caller answered', async () => {
    const s = setup();
    const fleet = fakeFleet(s.ref(s.v2), (r) =>
      outcome(r.image, 'deployed', r.image, { previous: s.ref(s.v2) }),
    );
    const r = await replaceFleet(s.req(s.v1, { requires: 'staging' }), deps(s, fleet), {
      action: 'rollback',
      reason: 'checkout errors',
      skipGates: ['promoted'],
    });
    expect(r.gates.find((g) => g.gate === 'promoted')?.status).toBe('skip');
    expect((await new Ledger(s.store, 'staging').head())?.entry).toMatchObject({
      action: 'rollback',
      outcome: 'deployed',
      digest: s.v1,
      reason: 'checkout errors',
    });
  });
});
