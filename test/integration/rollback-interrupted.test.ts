import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KilnConfig, parseConfig } from '@kiln/core/config';
import type { ReplaceFleetResult } from '@kiln/core/deploy';
import { type Colour, digestOf, loadProvider, type TrafficRouter } from '@kiln/core/fleet';
import { fromRecord } from '@kiln/core/inputs';
import { Ledger } from '@kiln/core/ledger';
import { type Digest, Registries } from '@kiln/core/oci';
import { parseRollbackRequest, rollback, type RollbackResult } from '@kiln/core/rollback';
import {
  type Balancer,
  balancerRouter,
  startBalancer,
  stopBalancer,
  testEnvironment,
} from '@kiln/local';
import { coreDeps, deployAsAction, TEST_LEDGER } from '../support/core-calls.js';
import { bakeRevisions, dockerOn, expectFleetOn } from '../support/swarm-checks.js';

// A blue-green rollback killed between its traffic switch and its ledger entry, on the real
// swarm behind a real haproxy: the switch to the v1 colour happened, the colour switched away
// from (v2) still runs and nothing recorded the rollback. The re-run must finish the whole
// state: the route on v1, the v2 colour retired (keep-warm 0) or kept warm with an expiry,
// and the rollback recorded once.
const env = testEnvironment();
const dockerHost = env.engine.dockerHost;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const repoPath = `rollback-killed/shop-${run}`;
const repo = `${env.registry.host}/${repoPath}`;
const network = `kiln-rbk-${run}`;
const REPLICAS = 2;
const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1';
const PAGE = '/cgi-bin/index.sh';
const KEEP_WARM_MS = 10 * 60_000;
/** keep-warm 0 and keep-warm 10m, one fleet and one balancer each. */
type Env = 'cold' | 'warm';
const target = (e: Env) => `kiln-rbk-${e}-${run}`;

const docker = dockerOn(dockerHost);
const balancerDirs: string[] = [];
const balancers = {} as Record<Env, Balancer>;
/** v1 and v2 of each environment: quarantine is per digest, so each has digests of its own. */
let images: Record<Env, Record<'v1' | 'v2', string>>;
let config: KilnConfig;
const logs: string[] = [];
const registries = new Registries();

const fleetInputs = (e: Env): Record<string, string> => ({
  'docker-host': dockerHost,
  'haproxy-socket': balancers[e].socket,
  'haproxy-map': balancers[e].mapFile,
  'health-cmd': HEALTH_CMD,
  'health-interval': '1s',
});

const deploy = (image: string, e: Env): Promise<ReplaceFleetResult> =>
  deployAsAction({ ...fleetInputs(e), image, environment: e }, config, registries, logs);

/** A rollback to `to: previous` as the rollback action makes it; `provider` stands in for the fleet. */
function rollBack(e: Env, provider?: Awaited<ReturnType<typeof loadProvider>>) {
  const request = parseRollbackRequest(
    fromRecord({ ...fleetInputs(e), environment: e, reason: 'v2 breaks checkout' }),
    config,
  );
  return rollback(request, { ...coreDeps(registries, logs), ...(provider ? { provider } : {}) });
}

/**
 * The environment's own balancer, whose switch to `colour` happens and then ends the run, as a
 * runner killed right after it would: nothing after the switch (retiring, labels, ledger) runs.
 */
function killedAfterSwitchTo(e: Env, colour: Colour): TrafficRouter {
  const real = balancerRouter(balancers[e]);
  return {
    url: real.url,
    previewUrl: real.previewUrl,
    live: () => real.live(),
    setEndpoints: (c, a) => real.setEndpoints(c, a),
    waitReady: (c, n, ms) => real.waitReady(c, n, ms),
    switchTo: async (c) => {
      await real.switchTo(c);
      if (c === colour) throw new Error(`killed right after the switch to ${c}`);
    },
  };
}

const store = () => registries.repository(env.registry.host, repoPath);
const ledgerOf = (e: Env) => new Ledger(store(), e, TEST_LEDGER);
const digest = (image: string): Digest => digestOf(image) as Digest;
const service = (e: Env, c: Colour) => `${target(e)}-${c}`;
const replicasOf = (e: Env, c: Colour) =>
  docker(['service', 'inspect', service(e, c), '--format', '{{.Spec.Mode.Replicated.Replicas}}']);
const warmUntilOf = (e: Env, c: Colour) =>
  docker([
    'service',
    'inspect',
    service(e, c),
    '--format',
    '{{index .Spec.Labels "dev.kiln.fleet.warm-until"}}',
  ]);
const page = async (e: Env) => (await fetch(new URL(PAGE, balancers[e].url))).text();

beforeAll(async () => {
  for (const e of ['cold', 'warm'] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-rbk-haproxy-'));
    balancerDirs.push(dir);
    balancers[e] = await startBalancer(dir, []);
  }
  const baked = await bakeRevisions(env.registry.host, repo, `rollback-killed/base-${run}`, [
    'cold-v1',
    'cold-v2',
    'warm-v1',
    'warm-v2',
  ]);
  images = {
    cold: { v1: baked['cold-v1'], v2: baked['cold-v2'] },
    warm: { v1: baked['warm-v1'], v2: baked['warm-v2'] },
  };
  const environment = (e: Env, keepWarm: string) => [
    `  ${e}:`,
    '    provider: swarm',
    `    target: ${target(e)}`,
    '    strategy: blue-green',
    '    health-timeout: 60s',
    `    keep-warm: ${keepWarm}`,
    `    swarm: { replicas: ${REPLICAS}, port: 8080, network: ${network} }`,
  ];
  config = await parseConfig(
    [
      `image: ${repo}`,
      'environments:',
      ...environment('cold', '0'),
      ...environment('warm', '10m'),
    ].join('\n'),
    'kiln.yml',
  );
}, 240_000);

afterAll(async () => {
  if (process.env.KILN_DEBUG) process.stderr.write(`${logs.join('\n')}\n`);
  for (const e of ['cold', 'warm'] as const)
    await (await loadProvider('swarm', { target: target(e), dockerHost })).remove();
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      docker(['network', 'rm', network]);
      break;
    } catch (err) {
      if (/not found|no such/i.test(String((err as { stderr?: string }).stderr))) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  for (const dir of balancerDirs) {
    await stopBalancer(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

/** v1 on blue, v2 on green taking the traffic; then the rollback to v1 killed after its switch. */
async function interruptedRollback(e: Env): Promise<void> {
  const { v1, v2 } = images[e];
  expect((await deploy(v1, e)).outcome).toBe('deployed');
  expect((await deploy(v2, e)).outcome).toBe('deployed');
  expectFleetOn(docker, service(e, 'green'), v2, REPLICAS);
  const provider = await loadProvider('swarm', {
    target: target(e),
    dockerHost,
    router: killedAfterSwitchTo(e, 'blue'),
    log: (l) => logs.push(l),
  });
  await expect(rollBack(e, provider)).rejects.toThrow('killed right after the switch to blue');
  // What the killed run left: the route on v1's colour, v2's colour running, no rollback entry.
  expect(await balancerRouter(balancers[e]).live()).toBe('blue');
  expect(await page(e)).toContain(`revision <code>${e}-v1</code>`);
  expectFleetOn(docker, service(e, 'green'), v2, REPLICAS);
  expect((await ledgerOf(e).head())?.entry.action).not.toBe('rollback');
}

/** The ledger after the v2 deploy: the rollback recorded once, v2 quarantined once. */
async function expectRecordedOnce(e: Env, r: RollbackResult): Promise<void> {
  const { v1, v2 } = images[e];
  const chain = (await ledgerOf(e).history()).map((s) => s.entry);
  const since = chain.slice(
    0,
    chain.findIndex((x) => x.action === 'deploy' && x.digest === digest(v2)),
  );
  expect(since.filter((x) => x.action === 'rollback')).toHaveLength(1);
  expect(since.filter((x) => x.action === 'quarantine')).toEqual([
    expect.objectContaining({ digest: digest(v2) }),
  ]);
  expect(chain[0]).toMatchObject({
    action: 'rollback',
    outcome: r.outcome,
    digest: digest(v1),
    reason: 'v2 breaks checkout',
  });
  expect(['unchanged', 'deployed']).toContain(r.outcome);
}

/**
 * Where the re-run left the route: on a colour N/N on v1, served through the balancer. It is
 * blue, where the killed run switched, unless blue was not N/N healthy at the re-run's look (an
 * engine too loaded for its health checks): then the re-run is a deploy of v1 to the other
 * colour, `deployed`, which the ledger then says.
 */
async function expectRouteOnV1(e: Env, r: RollbackResult): Promise<{ live: Colour; idle: Colour }> {
  const live = await balancerRouter(balancers[e]).live();
  if (!live) throw new Error(`${e}: the balancer routes to no colour`);
  expectFleetOn(docker, service(e, live), images[e].v1, REPLICAS);
  expect(await page(e)).toContain(`revision <code>${e}-v1</code>`);
  expect(r).toMatchObject({ to: images[e].v1, from: images[e].v2 });
  if (r.outcome === 'unchanged') expect(live).toBe('blue');
  return { live, idle: live === 'blue' ? 'green' : 'blue' };
}

/** Until the colour the killed run switched to is N/N healthy again, as it was at the switch. */
async function untilLiveConverged(e: Env): Promise<void> {
  const fleet = await loadProvider('swarm', {
    target: target(e),
    dockerHost,
    router: balancerRouter(balancers[e]),
  });
  const end = Date.now() + 60_000;
  for (;;) {
    const proof = await fleet.converged(digest(images[e].v1), REPLICAS);
    if (proof.converged) return;
    if (Date.now() > end) throw new Error(`${e}: blue is not N/N on v1: ${proof.summary}`);
    await new Promise((done) => setTimeout(done, 500));
  }
}

describe('a blue-green rollback killed between its switch and its ledger entry, re-run (real swarm, real haproxy)', () => {
  it('keep-warm 0: the re-run retires the colour it switched away from; the route stays on v1', async () => {
    await interruptedRollback('cold');
    await untilLiveConverged('cold');
    const r = await rollBack('cold');
    const { idle } = await expectRouteOnV1('cold', r);
    expect(replicasOf('cold', idle)).toBe('0');
    if (r.outcome === 'unchanged')
      expect(logs).toContain(
        `green (${service('cold', 'green')}) still runs ${digest(images.cold.v2).slice(0, 19)}… beside the live colour and keep-warm is 0: retiring it`,
      );
    await expectRecordedOnce('cold', r);
  }, 300_000);

  it('keep-warm 10m: the re-run keeps that colour warm with an expiry, and unmarks the live one', async () => {
    await interruptedRollback('warm');
    // The switch back came first; the label moves after it never ran.
    expect(warmUntilOf('warm', 'blue')).not.toBe('');
    expect(warmUntilOf('warm', 'green')).toBe('');
    await untilLiveConverged('warm');
    const before = Date.now();
    const r = await rollBack('warm');
    const { live, idle } = await expectRouteOnV1('warm', r);
    expect(warmUntilOf('warm', live)).toBe('');
    expect(replicasOf('warm', idle)).toBe(String(REPLICAS));
    const until = Date.parse(warmUntilOf('warm', idle));
    expect(until).toBeGreaterThanOrEqual(before + KEEP_WARM_MS);
    expect(until).toBeLessThanOrEqual(Date.now() + KEEP_WARM_MS);
    await expectRecordedOnce('warm', r);
  }, 300_000);
});
