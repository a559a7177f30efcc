import { describe, expect, it } from '@jest/globals';
import type { FleetDeps } from '../deploy/replace-fleet.js';
import { ConfigurationError } from '../errors.js';
import { proveConvergence } from '../fleet/converged.js';
import type { DeployRequest, DeployResult, FleetProvider, FleetState } from '../fleet/provider.js';
import { GateRefusedError } from '../gates/gate-result.js';
import { fromRecord } from '../inputs/source.js';
import { current, isQuarantined, quarantine } from '../ledger/queries.js';
import { Ledger } from '../ledger/store.js';
import { RolledBackError } from '../deploy/replace-fleet.js';
import type { Digest } from '../oci/digest.js';
import { Registries } from '../oci/registries.js';
import { MemoryArtifactStore } from '../oci/test-artifact-store.js';
import { rollback, rollbackFailure } from './rollback.js';
import { parseRollbackRequest } from './rollback-request.js';
import { rollbackSummary } from './rollback-summary.js';

const instant = { settleMs: 0, sleep: async () => {} };
const run = { actor: 'octocat', commit: 'c0ffee', runUrl: 'https://ci/run/1' };
const REPO = 'registry.example/acme/shop';
const ref = (d: Digest): string => `${REPO}@${d}`;

const tasksOn = (image: string, n = 2) =>
  Array.from({ length: n }, (_, i) => ({
    id: `task${i}`,
    node: 'node1',
    state: 'running',
    health: 'healthy',
    image,
  }));

/** A rolling fleet running `running`; deploy() goes where asked unless `answer` says otherwise. */
function fakeFleet(
  running: string,
  answer?: (r: DeployRequest) => DeployResult,
): FleetProvider & { requests: DeployRequest[]; running: () => string } {
  const requests: DeployRequest[] = [];
  const state = (): FleetState => ({
    target: 'shop',
    exists: true,
    strategy: 'rolling',
    image: running,
    replicas: 2,
    digests: [],
    tasks: tasksOn(running),
  });
  return {
    kind: 'fake',
    target: 'shop',
    requests,
    running: () => running,
    current: async () => state(),
    deploy: async (r) => {
      requests.push(r);
      const res = answer?.(r) ?? {
        outcome: 'deployed',
        strategy: 'rolling',
        requested: r.image,
        image: r.image,
        previous: running,
        proof: proveConvergence(tasksOn(r.image), r.image.split('@')[1] as string, 2),
        durationMs: 3,
      };
      running = res.image;
      return res;
    },
    rollback: async () => {
      throw new Error('a rolling rollback is a deploy of the target');
    },
    converged: async () => {
      throw new Error('not used');
    },
  };
}

/** A store with four images and a staging ledger in which v1, v2 and v3 ran healthy in turn. */
async function setup() {
  const store = new MemoryArtifactStore(REPO);
  const [v1, v2, v3, never] = ['v1', 'v2', 'v3', 'never'].map((n) => store.image(n).digest) as [
    Digest,
    Digest,
    Digest,
    Digest,
  ];
  const ledger = new Ledger(store, 'staging', instant);
  for (const digest of [v1, v2, v3])
    await ledger.append({
      action: 'deploy',
      outcome: 'deployed',
      digest,
      duration_ms: 1,
      actor: 'a',
      commit: 'c',
      run_url: '',
      evidence: [],
    });
  let t = 0;
  const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, t++));
  return { store, ledger, v1, v2, v3, never, now };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const request = (inputs: Record<string, string> = {}) =>
  parseRollbackRequest(
    fromRecord({
      environment: 'staging',
      image: REPO,
      target: 'shop',
      reason: 'checkout errors',
      ...inputs,
    }),
  );

const deps = (s: Setup, provider: FleetProvider, log: string[] = []): FleetDeps => ({
  registries: new Registries(),
  provider,
  stores: { image: s.store, ledger: s.store },
  now: s.now,
  run,
  ledger: instant,
  log: (l) => log.push(l),
});

describe('rollback', () => {
  it('to previous: guards, quarantines the current digest, deploys the last known-good, records a rollback entry', async () => {
    const s = await setup();
    const fleet = fakeFleet(ref(s.v3));
    const log: string[] = [];
    const r = await rollback(request(), deps(s, fleet, log));
    expect(r).toMatchObject({
      outcome: 'deployed',
      to: ref(s.v2),
      from: ref(s.v3),
      quarantine: { kind: 'quarantined', seq: 4 },
      reason: 'checkout errors',
      path: { kind: 'redeploy' },
    });
    expect(r.target.how).toMatch(/^previous: the last known-good before sha256:.*, ledger seq 2$/);
    expect(fleet.requests.map((q) => q.image)).toEqual([ref(s.v2)]);
    expect(r.gates.map((g) => `${g.gate} ${g.status}`)).toEqual([
      'digest-exists pass',
      'ran-healthy pass',
      'not-quarantined pass',
    ]);
    const history = (await s.ledger.history()).map((e) => e.entry);
    expect(history.slice(0, 2)).toEqual([
      expect.objectContaining({
        seq: 5,
        action: 'rollback',
        outcome: 'deployed',
        digest: s.v2,
        previous: s.v3,
        reason: 'checkout errors',
        actor: 'octocat',
      }),
      expect.objectContaining({
        seq: 4,
        action: 'quarantine',
        outcome: 'quarantined',
        digest: s.v3,
        reason: 'checkout errors',
      }),
    ]);
    expect(history[0]?.duration_ms).toBeGreaterThan(0);
    expect(await current(s.ledger)).toBe(s.v2);
    expect((await isQuarantined(s.store, s.v3)).quarantined).toBe(true);
    expect(log).toContain(`rollback staging: from ${ref(s.v3)} to ${ref(s.v2)} (${r.target.how})`);
    expect(log.some((l) => l.startsWith('rollback path: rolling deploy of sha256:'))).toBe(true);
    expect(
      log.some((l) =>
        /^quarantine: sha256:\S+ quarantined \(ledger seq 4\): promote and deploy refuse it/.test(
          l,
        ),
      ),
    ).toBe(true);
  });

  it('looks at the fleet once, from the start; a failed look waits behind a refusal', async () => {
    const s = await setup();
    const fleet = fakeFleet(ref(s.v3));
    const order: string[] = [];
    let looked: () => void = () => {};
    const lookStarted = new Promise<void>((resolve) => (looked = resolve));
    const look = fleet.current.bind(fleet);
    fleet.current = async () => {
      order.push('look');
      looked();
      return look();
    };
    // The ledger's first read answers once the look has started, or after 2 s: a look that
    // waited for it comes after it.
    const read = s.store.getManifest.bind(s.store);
    let first = true;
    s.store.getManifest = async (r) => {
      if (first) {
        first = false;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([lookStarted, new Promise((w) => (timer = setTimeout(w, 2000)))]);
        clearTimeout(timer);
        order.push('ledger read');
      }
      return read(r);
    };
    await rollback(request(), deps(s, fleet));
    expect(order).toEqual(['look', 'ledger read']);

    // The fleet cannot be read and the target is refused: the refusal is the answer.
    const t = await setup();
    const broken = {
      ...fakeFleet(ref(t.v3)),
      current: async (): Promise<FleetState> => {
        throw new Error('engine down');
      },
    };
    await expect(rollback(request({ to: t.never }), deps(t, broken))).rejects.toThrow(
      /gate ran-healthy failed/,
    );
    // Past the guards, the look's failure is the deploy's.
    await expect(rollback(request(), deps(t, broken))).rejects.toThrow('engine down');
  });

  it('to an explicit older digest and to a ledger sequence number', async () => {
    const s = await setup();
    const fleet = fakeFleet(ref(s.v3));
    const byDigest = await rollback(request({ to: s.v1, quarantine: 'false' }), deps(s, fleet));
    expect(byDigest).toMatchObject({ to: ref(s.v1), quarantine: { kind: 'off' } });
    expect(byDigest.target.how).toBe('digest given');
    expect((await isQuarantined(s.store, s.v3)).quarantined).toBe(false);
    // Now v1 runs; seq 2 is the deploy of v2.
    const bySeq = await rollback(request({ to: '2', quarantine: 'false' }), deps(s, fleet));
    expect(bySeq).toMatchObject({ to: ref(s.v2), from: ref(s.v1) });
    expect(bySeq.target.how).toMatch(/^ledger seq 2: deploy deployed at /);
    expect(fleet.requests.map((q) => q.image)).toEqual([ref(s.v1), ref(s.v2)]);
  });

  /** Every refusal: ConfigurationError, no fleet call, no ledger entry. */
  const refusedUntouched = async (
    s: Setup,
    inputs: Record<string, string>,
    message: RegExp,
  ): Promise<Error> => {
    const fleet = fakeFleet(ref(s.v3));
    const before = (await s.ledger.head())?.digest;
    const err = (await rollback(request(inputs), deps(s, fleet)).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(message);
    expect(fleet.requests).toEqual([]);
    expect((await s.ledger.head())?.digest).toBe(before);
    return err;
  };

  it('refuses a digest missing from the registry before touching the fleet or the ledger', async () => {
    const s = await setup();
    const missing = `sha256:${'0'.repeat(64)}`;
    const err = await refusedUntouched(
      s,
      { to: missing },
      new RegExp(
        `^rollback of staging to ${REPO}@${missing}: gate digest-exists failed: ${REPO} has no manifest ${missing} .*; gate ran-healthy failed: .* never ran healthy in staging`,
      ),
    );
    expect(err).toBeInstanceOf(GateRefusedError);
    expect((await isQuarantined(s.store, s.v3)).quarantined).toBe(false);
  });

  it('refuses a digest that never ran healthy there, and one that is quarantined', async () => {
    const s = await setup();
    await refusedUntouched(
      s,
      { to: s.never },
      /gate ran-healthy failed: sha256:\S+ never ran healthy in staging \(ledger registry.example\/acme\/shop\): a rollback goes only to a digest that did$/,
    );
    await quarantine(s.store, 'production', s.v1, 'leaks memory', {
      actor: 'a',
      commit: 'c',
      run_url: '',
      ledger: instant,
    });
    await refusedUntouched(
      s,
      { to: s.v1 },
      /gate not-quarantined failed: sha256:\S+ was quarantined in production .*: leaks memory$/,
    );
  });

  it('refuses the digest that runs now, an empty ledger, a seq past the head, a reason too long', async () => {
    const s = await setup();
    await refusedUntouched(
      s,
      { to: s.v3 },
      /^Input "to" has value "sha256:.*": staging already runs it/,
    );
    await refusedUntouched(
      s,
      { to: '9' },
      /^Input "to" has value "9": staging's ledger has 3 entries/,
    );
    await refusedUntouched(
      s,
      { environment: 'production' },
      /^production runs nothing by its ledger \(kiln-ledger-production in registry.example\/acme\/shop\): there is nothing to roll back$/,
    );
    const fleet = fakeFleet(ref(s.v3));
    const calls = s.store.totalCalls();
    await expect(rollback(request({ reason: 'x'.repeat(1001) }), deps(s, fleet))).rejects.toThrow(
      /^Input "reason" has value "x{40}…": is 1001 characters; the ledger keeps at most 1000$/,
    );
    // Refused before the first read.
    expect(s.store.totalCalls()).toBe(calls);
  });

  it('a target that did not come up is rolled-back and quarantines nothing more', async () => {
    const s = await setup();
    await quarantine(s.store, 'staging', s.v3, 'first try', {
      actor: 'a',
      commit: 'c',
      run_url: '',
      ledger: instant,
    });
    const fleet = fakeFleet(ref(s.v3), (r) => ({
      outcome: 'rolled-back',
      strategy: 'rolling',
      requested: r.image,
      image: ref(s.v3),
      previous: ref(s.v3),
      reason: 'task exited (1)',
      proof: proveConvergence(tasksOn(ref(s.v3)), s.v3, 2),
      durationMs: 3,
    }));
    const r = await rollback(request(), deps(s, fleet));
    // The fleet never moved off v3: the rollback blames nothing (v3's earlier quarantine stays).
    expect(r.quarantine).toEqual({ kind: 'not-moved' });
    expect(r.outcome).toBe('rolled-back');
    const history = (await s.ledger.history()).map(
      (e) => `${e.entry.seq} ${e.entry.action} ${e.entry.outcome}`,
    );
    expect(history.slice(0, 2)).toEqual(['5 rollback rolled-back', '4 quarantine quarantined']);
    // The release rolled back from still runs and stays quarantined.
    expect(await current(s.ledger)).toBe(s.v3);
    expect(rollbackSummary(r)).toContain('❌ the target did not come up');
    expect(rollbackFailure(r)).toBeInstanceOf(RolledBackError);
  });

  it('the summary escapes the reason and shows the path, the quarantine, the gates and N/N', async () => {
    const s = await setup();
    const r = await rollback(
      request({ reason: 'errors | <img src=x> **500**' }),
      deps(s, fakeFleet(ref(s.v3))),
    );
    const md = rollbackSummary(r);
    expect(md).toContain('### rollback of staging');
    expect(md).toContain('| reason | errors \\| &lt;img src=x&gt; \\*\\*500\\*\\* |');
    expect(md).toContain(`| rolled back to | \`${ref(s.v2)}\` |`);
    expect(md).toMatch(
      /\| quarantine \| sha256:[0-9a-f]{64} quarantined \(ledger seq 4\): promote and deploy refuse it in every environment \|/,
    );
    expect(md).toContain('| ran-healthy | ✅ pass |');
    expect(md).toContain('#### Fleet: 2/2 healthy');
  });
  it('the quarantine is written while the fleet moves, and still lands before the rollback entry', async () => {
    const s = await setup();
    const order: string[] = [];
    let first = true;
    s.store.beforeCall = async (name) => {
      // The quarantine's first write is slow; the fleet answers at once.
      if (name === 'putBlob' && first) {
        first = false;
        await new Promise((r) => setTimeout(r, 50));
        order.push('quarantine written');
      }
    };
    const fleet = fakeFleet(ref(s.v3));
    const inner = fleet.deploy;
    fleet.deploy = async (r) => {
      order.push('fleet moved');
      return inner(r);
    };
    const r = await rollback(request(), deps(s, fleet));
    expect(order).toEqual(['fleet moved', 'quarantine written']);
    expect(r.quarantine).toMatchObject({ kind: 'quarantined', seq: 4 });
    const history = (await s.ledger.history(2)).map((e) => `${e.entry.seq} ${e.entry.action}`);
    expect(history).toEqual(['5 rollback', '4 quarantine']);
    expect(rollbackFailure(r)).toBeUndefined();
  });

  it('a quarantine the registry refused: the rollback is recorded, then the step fails (operational)', async () => {
    const s = await setup();
    let first = true;
    s.store.beforeCall = async (name) => {
      if (name === 'putBlob' && first) {
        first = false;
        throw new Error('HTTP 503 from the registry');
      }
    };
    const log: string[] = [];
    const r = await rollback(request(), deps(s, fakeFleet(ref(s.v3)), log));
    expect(r.quarantine).toMatchObject({ kind: 'failed', error: 'HTTP 503 from the registry' });
    expect(r.outcome).toBe('deployed');
    expect((await s.ledger.head())?.entry).toMatchObject({
      seq: 4,
      action: 'rollback',
      digest: s.v2,
    });
    expect((await isQuarantined(s.store, s.v3)).quarantined).toBe(false);
    expect(log).toContain(
      `quarantine: ${s.v3} could not be quarantined: HTTP 503 from the registry; promote and deploy still accept it`,
    );
    const err = rollbackFailure(r);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ConfigurationError);
    expect(err?.message).toBe(
      `rolled back staging to ${ref(s.v2)}, but ${s.v3} could not be quarantined: HTTP 503 from the registry; promote and deploy still accept it until a rollback with quarantine (or a re-run) records it`,
    );
    expect(rollbackSummary(r)).toContain('❌ sha256:');
  });

  it('with requires: a target never promoted into the environment is refused before the quarantine', async () => {
    const s = await setup();
    const fleet = fakeFleet(ref(s.v3));
    const req = request();
    req.fleet.requires = 'dev';
    const err = await rollback(req, deps(s, fleet)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GateRefusedError);
    expect((err as Error).message).toMatch(
      /gate promoted failed: .* was never promoted into staging/,
    );
    expect(fleet.requests).toEqual([]);
    expect((await s.ledger.head())?.entry.seq).toBe(3);
    expect((await isQuarantined(s.store, s.v3)).quarantined).toBe(false);
  });
});
