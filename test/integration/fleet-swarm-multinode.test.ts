import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KilnConfig, parseConfig } from '@kiln/core/config';
import type { ReplaceFleetResult } from '@kiln/core/deploy';
import { digestOf, loadProvider } from '@kiln/core/fleet';
import { Registries } from '@kiln/core/oci';
import {
  type Balancer,
  cutNode,
  docker,
  managerView,
  nodesDown,
  nodesProblems,
  nodesUp,
  reconnectNode,
  startBalancer,
  stopBalancer,
  type SwarmNodesEnvironment,
  waitAllReady,
  waitFor,
} from '@kiln/local';
import { deployAsAction } from '../support/core-calls.js';
import { underTraffic } from '../support/fleet-contract.js';
import { bakeRevisions, expectFleetOn, runningTasks } from '../support/swarm-checks.js';

// replace-fleet on a real 3-node swarm (`npm run env up -- --nodes 3`: three engines in network
// namespaces of their own on a host bridge), through the same request parser and deploy core
// the action and `kiln deploy` use, images pulled by every node from the registry on the bridge.
// Every claim is checked from the engines: the manager's `service ps` / `node ps` per node.
const problems = nodesProblems();
if (problems.length)
  process.stderr.write(
    `fleet-swarm-multinode: skipped, this machine cannot run a multi-node swarm: ${problems.join('; ')}\n`,
  );
const describeHere = problems.length ? describe.skip : describe;

const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const rolling = `kiln-mn-r-${run}`;
const blueGreen = `kiln-mn-bg-${run}`;
// Two per node: the engine places a start-first update's new tasks beside the old ones, and
// with one or two per node an update once left a node with none (4 tasks ended 2/0/2).
const ROLLING_REPLICAS = 6;
const BG_REPLICAS = 3;
const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1';
const PAGE = '/cgi-bin/index.sh';

let swarm: SwarmNodesEnvironment;
let startedHere = false;
let registries: Registries;
let config: KilnConfig;
let images: { v1: string; v2: string; v3: string };
const balancerDirs: string[] = [];
const balancers = {} as Record<'staging' | 'production', Balancer>;
const logs: string[] = [];

const onManager = (args: string[]): string => docker(swarm.manager, args);
const nodeName = (id: string): string =>
  swarm.nodes.find((n) => n.id === id)?.name ?? `unknown node ${id}`;

/** What each node is to run of a service, as the manager's `node ps` says: node name → images of its wanted tasks. */
function perNode(service: string): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const n of swarm.nodes) {
    const lines = onManager([
      'node',
      'ps',
      n.id,
      '--filter',
      'desired-state=running',
      '--filter',
      `name=${service}`,
      '--no-trunc',
      '--format',
      '{{.Name}} {{.Image}} {{.CurrentState}}',
    ])
      .split('\n')
      .filter((l) => l.startsWith(`${service}.`));
    by.set(
      n.name,
      lines.map((l) => l.split(' ')[1] as string),
    );
  }
  return by;
}

/** Waits (the engine may still be placing a task a moment after the proof) until every task is Running. */
async function settled(service: string, replicas: number): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const tasks = runningTasks(onManager, service);
    if (tasks.length === replicas && tasks.every((t) => t.state.startsWith('Running'))) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function deploy(
  inputs: Record<string, string> & { environment: 'staging' | 'production' },
): Promise<ReplaceFleetResult> {
  const balancer = balancers[inputs.environment];
  return deployAsAction(
    {
      'docker-host': swarm.manager,
      'haproxy-socket': balancer.socket,
      'haproxy-map': balancer.mapFile,
      'health-cmd': HEALTH_CMD,
      // The probe's timeout is the interval: 2 s leaves room on a loaded 2-core machine.
      'health-interval': '2s',
      'insecure-registries': swarm.registry.host,
      ...inputs,
    },
    config,
    registries,
    logs,
  );
}

const url = (e: 'staging' | 'production'): string => new URL(PAGE, balancers[e].url).toString();
const revision = (image: string): string =>
  image === images.v1 ? 'v1' : image === images.v2 ? 'v2' : image === images.v3 ? 'v3' : '?';

/** The proof's per-node counts (by node name), and they match what the engine reports. */
function expectSpreadOverEveryNode(r: ReplaceFleetResult, service: string, replicas: number): void {
  const spread = perNode(service);
  for (const n of swarm.nodes) {
    // The node's name in the failure says which node got no task.
    expect([n.name, (spread.get(n.name)?.length ?? 0) >= 1]).toEqual([n.name, true]);
    for (const image of spread.get(n.name) ?? []) expect(image).toBe(r.deployedImage);
  }
  expect(r.proof.nodes.map((c) => nodeName(c.node)).sort()).toEqual(
    swarm.nodes.map((n) => n.name).sort(),
  );
  for (const c of r.proof.nodes) {
    expect(c.healthy).toBe(c.running);
    expect(c.running).toBe(spread.get(nodeName(c.node))?.length);
  }
  expect(r.proof.nodes.reduce((s, c) => s + c.healthy, 0)).toBe(replicas);
}

describeHere('replace-fleet on a 3-node swarm (engines in network namespaces)', () => {
  beforeAll(async () => {
    const up = await nodesUp(3, (l) => logs.push(`[env] ${l}`));
    swarm = up.env;
    startedHere = up.started;
    registries = new Registries({ insecureRegistries: [swarm.registry.host] });
    for (const e of ['staging', 'production'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'kiln-mn-haproxy-'));
      balancerDirs.push(dir);
      balancers[e] = await startBalancer(dir, []);
    }
    const host = swarm.registry.host;
    images = await bakeRevisions(
      host,
      `${host}/mn/shop-${run}`,
      `mn/base-${run}`,
      ['v1', 'v2', 'v3'],
      {
        registries,
        inputs: () => ({ 'insecure-registries': host }),
      },
    );
    // No network: each task publishes its port on its own node (mode=host), which the host's
    // haproxy reaches over the bridge; a swarm-scoped bridge network would stay on one node.
    config = await parseConfig(
      [
        `image: ${host}/mn/shop-${run}`,
        'environments:',
        '  staging:',
        '    provider: swarm',
        `    target: ${rolling}`,
        '    strategy: rolling',
        '    batch-size: 3',
        '    health-timeout: 90s',
        `    swarm: { replicas: ${ROLLING_REPLICAS}, port: 8080 }`,
        '  production:',
        '    provider: swarm',
        `    target: ${blueGreen}`,
        '    strategy: blue-green',
        '    health-timeout: 90s',
        '    keep-warm: 0s',
        `    swarm: { replicas: ${BG_REPLICAS}, port: 8080 }`,
      ].join('\n'),
      'kiln.yml',
    );
  }, 180_000);

  afterAll(async () => {
    if (process.env.KILN_DEBUG) process.stderr.write(`${logs.join('\n')}\n`);
    if (swarm) {
      for (const n of swarm.nodes) reconnectNode(n);
      for (const target of [rolling, blueGreen])
        await (
          await loadProvider('swarm', { target, dockerHost: swarm.manager })
        )
          .remove()
          .catch(() => {});
    }
    for (const dir of balancerDirs) {
      await stopBalancer(dir);
      rmSync(dir, { recursive: true, force: true });
    }
    // A swarm someone started by hand stays up for them; the one started here goes.
    if (startedHere) await nodesDown();
  }, 120_000);

  it('the swarm has one manager and two workers, all Ready, told apart by node ID and label', () => {
    const view = managerView(swarm);
    expect([...view.values()]).toEqual(['ready', 'ready', 'ready']);
    expect(swarm.nodes.map((n) => n.role)).toEqual(['manager', 'worker', 'worker']);
    for (const n of swarm.nodes)
      expect(
        onManager([
          'node',
          'inspect',
          n.id,
          '--format',
          '{{index .Spec.Labels "dev.kiln.node"}} {{.Status.Addr}}',
        ]),
      ).toBe(`${n.name} ${n.address}`);
  });

  it('rolling: the first deploy spreads N tasks over every node, each pulled by digest from the bridge registry', async () => {
    const r = await deploy({ image: images.v1, environment: 'staging' });
    expect(r.outcome).toBe('deployed');
    expect(r.proof.summary).toBe(
      `${ROLLING_REPLICAS}/${ROLLING_REPLICAS} healthy on ${digestOf(images.v1)}`,
    );
    await settled(rolling, ROLLING_REPLICAS);
    expectFleetOn(onManager, rolling, images.v1, ROLLING_REPLICAS);
    expectSpreadOverEveryNode(r, rolling, ROLLING_REPLICAS);
    expect(logs.some((l) => l.startsWith(`${rolling} per node: `))).toBe(true);
    expect(await (await fetch(url('staging'))).text()).toContain('revision <code>v1</code>');
  }, 150_000);

  it('rolling: a new digest replaces the tasks on every node with zero failed requests through the balancer', async () => {
    const t = await underTraffic(url('staging'), () =>
      deploy({ image: images.v2, environment: 'staging' }),
    );
    expect(t.failed).toEqual([]);
    expect(t.ok).toBeGreaterThan(0);
    expect(t.result.outcome).toBe('deployed');
    expect(t.result.previousImage).toBe(images.v1);
    await settled(rolling, ROLLING_REPLICAS);
    expectFleetOn(onManager, rolling, images.v2, ROLLING_REPLICAS);
    expectSpreadOverEveryNode(t.result, rolling, ROLLING_REPLICAS);
    expect(t.bodies.at(-1)).toContain('revision <code>v2</code>');
  }, 150_000);

  it('blue-green: each colour runs on every node and traffic moves in one switch, zero failed requests', async () => {
    const first = await deploy({ image: images.v1, environment: 'production' });
    expect(first.outcome).toBe('deployed');
    await settled(`${blueGreen}-blue`, BG_REPLICAS);
    expectFleetOn(onManager, `${blueGreen}-blue`, images.v1, BG_REPLICAS);
    expectSpreadOverEveryNode(first, `${blueGreen}-blue`, BG_REPLICAS);

    // One client, one request at a time: with two, an answer sent before the switch can
    // arrive after one sent after it, which says nothing about the switch.
    const t = await underTraffic(
      url('production'),
      () => deploy({ image: images.v2, environment: 'production' }),
      { loops: 1 },
    );
    expect(t.failed).toEqual([]);
    expect(t.result).toMatchObject({
      outcome: 'deployed',
      deployedImage: images.v2,
      previousImage: images.v1,
    });
    await settled(`${blueGreen}-green`, BG_REPLICAS);
    expectFleetOn(onManager, `${blueGreen}-green`, images.v2, BG_REPLICAS);
    expectSpreadOverEveryNode(t.result, `${blueGreen}-green`, BG_REPLICAS);
    // Never a mix after the switch: v1 until it, v2 from it on; keep-warm 0s retires blue.
    const switched = t.bodies.findIndex((b) => b.includes('<code>v2</code>'));
    expect(switched).toBeGreaterThanOrEqual(0);
    expect(t.bodies.slice(switched).every((b) => b.includes('<code>v2</code>'))).toBe(true);
    expect(runningTasks(onManager, `${blueGreen}-blue`)).toEqual([]);
  }, 180_000);

  it('a node cut off mid-deploy: the deploy ends N/N on one digest on the nodes left (deployed or rolled back, said which), nothing half-switched', async () => {
    const cut = swarm.nodes[2];
    if (!cut) throw new Error('no third node');
    const before = perNode(rolling).get(cut.name)?.length ?? 0;
    expect(before).toBeGreaterThanOrEqual(1);
    let cutAt = -1;
    const t = await underTraffic(url('staging'), async () => {
      // The engine may stall on the lost node's tasks: the health timeout bounds the wait,
      // then the provider rolls back.
      const result = deploy({ image: images.v3, environment: 'staging', 'health-timeout': '40s' });
      // Mid-deploy: the engine has the new spec and is replacing the first batch.
      for (let i = 0; i < 200; i++) {
        const spec = onManager([
          'service',
          'inspect',
          rolling,
          '--format',
          '{{.Spec.TaskTemplate.ContainerSpec.Image}}',
        ]);
        if (spec === images.v3) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      cutNode(cut);
      cutAt = logs.length;
      return result;
    });
    const r = t.result;
    expect(cutAt).toBeGreaterThanOrEqual(0);
    // The engine notices the lost node by missed heartbeats: wait for that, and for its tasks
    // to be placed on the others, before looking at the fleet.
    await waitFor(
      `the manager to see ${cut.name} down`,
      async () => managerView(swarm).get(cut.id) === 'down',
      90_000,
    );
    await settled(rolling, ROLLING_REPLICAS);
    const counted = r.proof.nodes.find((c) => c.node === cut.id)?.running ?? 0;
    const outcome = `${r.outcome} (${revision(r.deployedImage)} ${r.proof.summary}; ${r.proof.nodes
      .map((c) => `${nodeName(c.node)} ${c.healthy}/${c.running}`)
      .join(', ')}${r.reason ? `; reason: ${r.reason}` : ''}${
      counted
        ? `; the proof counted ${counted} task(s) on ${cut.name} before the manager saw it down`
        : ''
    }; requests through the balancer: ${t.ok} ok, ${t.failed.length} failed while ${cut.name} was cut)`;
    process.stderr.write(`node ${cut.name} cut off mid-deploy of v3: ${outcome}\n`);

    // Stated honestly: deployed means v3 N/N; rolled back means back on v2 N/N, with a reason.
    expect(['deployed', 'rolled-back']).toContain(r.outcome);
    if (r.outcome === 'deployed') expect(r.deployedImage).toBe(images.v3);
    else {
      expect(r.deployedImage).toBe(images.v2);
      expect(r.reason).toBeTruthy();
    }
    expect(r.proof.converged).toBe(true);
    // Nothing half-switched: the spec and every wanted task agree on one digest, N of them,
    // none left on the node that was cut off; the provider's own proof, taken now, says so too.
    expectFleetOn(onManager, rolling, r.deployedImage, ROLLING_REPLICAS);
    const spread = perNode(rolling);
    expect(spread.get(cut.name)).toEqual([]);
    expect(swarm.nodes.reduce((sum, n) => sum + (spread.get(n.name)?.length ?? 0), 0)).toBe(
      ROLLING_REPLICAS,
    );
    const provider = await loadProvider('swarm', { target: rolling, dockerHost: swarm.manager });
    const now = await provider.converged(digestOf(r.deployedImage) as string, ROLLING_REPLICAS);
    expect(now.converged).toBe(true);
    expect(now.nodes.map((c) => c.node)).not.toContain(cut.id);
    expect(now.nodes.reduce((sum, c) => sum + c.healthy, 0)).toBe(ROLLING_REPLICAS);
    const page = await (await fetch(url('staging'))).text();
    expect(page).toContain(`revision <code>${revision(r.deployedImage)}</code>`);

    // The link comes back: the node rejoins Ready, and the fleet stays on the one digest.
    reconnectNode(cut);
    await waitAllReady(swarm, 90_000);
    await settled(rolling, ROLLING_REPLICAS);
    expectFleetOn(onManager, rolling, r.deployedImage, ROLLING_REPLICAS);
  }, 240_000);
});
