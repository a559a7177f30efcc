import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { ConfigurationError } from '@kiln/core/errors';
import { digestOf, type FleetProvider, loadProvider, type Strategy } from '@kiln/core/fleet';
import { fromRecord } from '@kiln/core/inputs';
import { Registries } from '@kiln/core/oci';
import {
  balancerRouter,
  bakeBusyboxBase,
  sampleAppInputs,
  startBalancer,
  stopBalancer,
  testEnvironment,
} from '@kiln/local';
import { describeFleetProvider, type FleetContract } from '../support/fleet-contract.js';
import { dockerOn, runningTasks } from '../support/swarm-checks.js';

const env = testEnvironment();
const dockerHost = env.engine.dockerHost;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1';
const docker = dockerOn(dockerHost);

/** The sample app at three revisions: v1, v2, and one that serves on the wrong port. */
async function bakeReleases(): Promise<FleetContract['images']> {
  const registries = new Registries();
  const base = await bakeBusyboxBase(env.registry.host, { repository: `fleet/base-${run}` });
  const one = async (revision: string, extra: Record<string, string> = {}): Promise<string> => {
    const inputs = sampleAppInputs(env.registry.host, base.image, {
      image: `${env.registry.host}/fleet/shop-${run}`,
      env: `APP_REVISION=${revision}`,
      'source-date-epoch': '1700000000',
      ...extra,
    });
    return (await bake(parseBakeRequest(fromRecord(inputs)), registries, () => {})).image;
  };
  return {
    v1: await one('v1'),
    v2: await one('v2'),
    // Listens on 9999: the health check on 8080 fails, as a broken release's would.
    bad: await one('bad', {
      cmd: JSON.stringify(['/bin/busybox', 'httpd', '-f', '-p', '9999', '-h', '/www']),
    }),
  };
}

const made: Array<{
  provider: FleetProvider & { remove(n?: string): Promise<string[]> };
  network: string;
}> = [];
const balancers: string[] = [];

const network = `kiln-fleet-${run}`;

async function swarmFleet(strategy: Strategy, log: string[]): Promise<FleetProvider> {
  const target = `kiln-fleet-${strategy === 'rolling' ? 'r' : 'bg'}-${run}`;
  const dir = mkdtempSync(join(tmpdir(), 'kiln-fleet-haproxy-'));
  balancers.push(dir);
  // A haproxy of its own per fleet (the same lifecycle as the environment's), so fleets
  // and other tests never share a route.
  const router = balancerRouter(await startBalancer(dir, []));
  const provider = await loadProvider('swarm', {
    target,
    dockerHost,
    router,
    log: (l) => log.push(l),
    pollMs: 250,
    drainMs: 500,
  });
  made.push({ provider, network });
  return provider;
}

const logs: string[] = [];

describeFleetProvider('swarm (real engine, real haproxy)', async () => ({
  fleet: (strategy) => swarmFleet(strategy, logs),
  images: await bakeReleases(),
  pages: { v1: 'revision <code>v1</code>', v2: 'revision <code>v2</code>' },
  path: '/cgi-bin/index.sh',
  replicas: 3,
  request: {
    batchSize: 1,
    healthTimeoutMs: 60_000,
    autoRollback: true,
    keepWarmMs: 0,
    monitorMs: 2_000,
    replicas: 3,
    port: 8080,
    network,
    // A slow answer on a loaded machine is not a failure; a refused connection still fails fast.
    health: { cmd: HEALTH_CMD, intervalMs: 1000, timeoutMs: 5000, retries: 3, startPeriodMs: 0 },
  },
  // The swarm checks below look at what the cases left; the file's afterAll removes it.
  teardown: async () => {},
}));

afterAll(async () => {
  if (process.env.KILN_DEBUG) process.stderr.write(`${logs.join('\n')}\n`);
  for (const m of made) await m.provider.remove();
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      docker(['network', 'rm', network]);
      break;
    } catch (err) {
      if (/not found|no such/i.test(String((err as { stderr?: string }).stderr))) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  for (const dir of balancers) {
    await stopBalancer(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

describe('swarm provider, as the engine sees it', () => {
  it("the rolling fleet runs the engine's start-first update policy, every task on one digest", async () => {
    const rolling = made[0]?.provider;
    if (!rolling) throw new Error('the contract cases made no rolling fleet');
    const [svc] = JSON.parse(docker(['service', 'inspect', rolling.target])) as Array<{
      Spec: {
        TaskTemplate: { ContainerSpec: { Image: string } };
        UpdateConfig: { Order: string; Parallelism: number; FailureAction: string };
      };
      UpdateStatus?: { State: string };
    }>;
    expect(svc?.Spec.UpdateConfig).toMatchObject({
      Order: 'start-first',
      Parallelism: 1,
      FailureAction: 'rollback',
    });
    // The contract's last rolling case: the engine rolled the broken release back.
    expect(svc?.UpdateStatus?.State).toBe('rollback_completed');
    const image = svc?.Spec.TaskTemplate.ContainerSpec.Image ?? '';
    const tasks = () => runningTasks(docker, rolling.target);
    // A task the engine replaced a moment ago (a health check missed on a loaded machine) is
    // still starting: wait for the steady state, then every task must run the one digest.
    let now = tasks();
    for (let i = 0; i < 60 && !now.every((t) => t.state.startsWith('Running')); i++) {
      await new Promise((r) => setTimeout(r, 500));
      now = tasks();
    }
    expect(now).toHaveLength(3);
    for (const t of now) {
      expect(t.image).toBe(image);
      expect(t.state).toMatch(/^Running/);
    }
    expect(digestOf(image)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("rollback() after the engine's own rollback refuses, instead of redeploying the refused release", async () => {
    const rolling = made[0]?.provider as FleetProvider;
    const before = docker(['service', 'inspect', rolling.target, '--format', '{{.Version.Index}}']);
    await expect(rolling.rollback()).rejects.toThrow(ConfigurationError);
    await expect(rolling.rollback()).rejects.toThrow(
      /already rolled back .* deploy an explicit digest instead/,
    );
    expect(docker(['service', 'inspect', rolling.target, '--format', '{{.Version.Index}}'])).toBe(
      before,
    );
  });

  it('logs N/N and the digest', () => {
    expect(logs.some((l) => /: 3\/3 healthy on sha256:[0-9a-f]{64}/.test(l))).toBe(true);
  });
});
