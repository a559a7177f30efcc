import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { loadConfig } from '@kiln/core/config';
import { digestOf, type FleetProvider, loadProvider, proveConvergence } from '@kiln/core/fleet';
import { fromRecord } from '@kiln/core/inputs';
import { type AppendInput, Ledger, type StoredEntry } from '@kiln/core/ledger';
import { type Digest, Registries } from '@kiln/core/oci';
import {
  environmentsStatus,
  type EnvironmentStatus,
  formatStatus,
  NOT_DEPLOYED,
} from '@kiln/core/status';
import { bakeBusyboxBase, sampleAppInputs, testEnvironment } from '@kiln/local';
import { runKiln } from '../support/run-cli.js';

const env = testEnvironment();
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const repository = `status/shop-${run}`;
const image = `${env.registry.host}/${repository}`;
const target = (e: string) => `kiln-status-${e}-${run}`;
const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1';
const short = (d: string) => `${d.slice(0, 19)}…`;

const dir = mkdtempSync(join(tmpdir(), 'kiln-status-'));
const configFile = join(dir, 'kiln.yml');
writeFileSync(
  configFile,
  `image: 127.0.0.1:5000/placeholder
environments:
  staging:
    provider: swarm
    target: ${target('s')}
    swarm: { replicas: 1 }
  production:
    provider: swarm
    target: ${target('p')}
    requires: staging
  qa:
    provider: swarm
    target: ${target('q')}
`,
);

const registries = new Registries();
const store = registries.repository(env.registry.host, repository);
let v1: Digest;
let v2: Digest;
const entries: Record<string, StoredEntry[]> = { staging: [], production: [] };

async function append(envName: string, digest: Digest, over: Partial<AppendInput> = {}) {
  const stored = await new Ledger(store, envName, { settleMs: 10 }).append({
    action: 'deploy',
    outcome: 'deployed',
    digest,
    duration_ms: 1000,
    evidence: [],
    actor: 'octocat',
    commit: 'c0ffee'.padEnd(40, '0'),
    run_url: 'https://github.com/octo/shop/actions/runs/1',
    ...over,
  });
  entries[envName]?.push(stored);
  return stored;
}

beforeAll(async () => {
  const base = await bakeBusyboxBase(env.registry.host, { repository: `status/base-${run}` });
  const one = async (revision: string) => {
    const inputs = sampleAppInputs(env.registry.host, base.image, {
      image,
      env: `APP_REVISION=${revision}`,
      'source-date-epoch': '1700000000',
    });
    const baked = await bake(parseBakeRequest(fromRecord(inputs)), registries, () => {});
    return digestOf(baked.image) as Digest;
  };
  v1 = await one('v1');
  v2 = await one('v2');
  // staging: v1, then v2 (so v1 is its last known-good); production: v1; qa: no ledger.
  await append('staging', v1);
  await append('staging', v2);
  await append('production', v1, { action: 'promote', outcome: 'promoted', from: 'staging' });
  await append('production', v1);
}, 180_000);

const made: Array<FleetProvider & { remove(n?: string): Promise<string[]> }> = [];
afterAll(async () => {
  for (const p of made) await p.remove();
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

/** A provider that reports `n` healthy tasks on `digest` (the N/N column without an engine). */
function fakeFleet(digest: Digest | undefined, n: number, healthy = n): FleetProvider {
  const tasks = Array.from({ length: digest ? n : 0 }, (_, i) => ({
    id: `t${i}`,
    node: 'node-1',
    state: 'running',
    health: i < healthy ? 'healthy' : 'starting',
    image: `${image}@${digest}`,
  }));
  return {
    kind: 'fake',
    target: 'fake',
    current: async () => ({
      target: 'fake',
      exists: tasks.length > 0,
      ...(digest ? { image: `${image}@${digest}` } : {}),
      replicas: tasks.length,
      digests: digest ? [digest] : [],
      tasks,
    }),
    converged: async (d, replicas) => proveConvergence(tasks, d, replicas),
    deploy: () => Promise.reject(new Error('not in a status')),
    rollback: () => Promise.reject(new Error('not in a status')),
  };
}

describe('kiln status on the real registry', () => {
  it('rows from the ledger (Ledger.append) and the fleet provider', async () => {
    const config = await loadConfig(configFile, { image });
    const rows = await environmentsStatus(config, {
      store,
      fleet: async (e) =>
        e.name === 'staging'
          ? fakeFleet(v2, 3)
          : e.name === 'production'
            ? fakeFleet(v1, 3, 2)
            : fakeFleet(undefined, 0),
    });
    const [staging, production, qa] = rows as [
      EnvironmentStatus,
      EnvironmentStatus,
      EnvironmentStatus,
    ];
    const [s1, s2] = entries.staging as [StoredEntry, StoredEntry];
    const [, p2] = entries.production as [StoredEntry, StoredEntry];
    expect(staging).toMatchObject({
      environment: 'staging',
      digest: v2,
      since: s2.entry.at,
      fleet: { exists: true, healthy: 3, replicas: 3, converged: true },
      head: { seq: 2, entry: s2.digest, action: 'deploy', outcome: 'deployed' },
      lastKnownGood: { digest: v1, seq: 1, at: s1.entry.at },
    });
    // The promote entry did not start the run: since is the deploy's time.
    expect(production).toMatchObject({
      digest: v1,
      since: p2.entry.at,
      fleet: { healthy: 2, replicas: 3, converged: false },
      head: { seq: 2, entry: p2.digest },
    });
    expect(production.lastKnownGood).toBeUndefined();
    expect(qa).toEqual({
      environment: 'qa',
      provider: 'swarm',
      target: target('q'),
      fleet: {
        exists: false,
        healthy: 0,
        replicas: 0,
        converged: false,
        running: [],
        problems: [],
      },
    });
    const lines = formatStatus(rows).split('\n');
    expect(lines[1]).toMatch(
      new RegExp(
        `^staging +${short(v2)} +3/3 +\\S+ \\(\\d+s ago\\) +#2 deploy/deployed ${short(s2.digest)} +${short(v1)} \\(#1\\)$`,
      ),
    );
    expect(lines[2]).toMatch(/^production +\S+ +2\/3 ! /);
    expect(lines[3]).toMatch(new RegExp(`^qa +${NOT_DEPLOYED} +no fleet +- +- +-$`));
  });

  it('the CLI on the real swarm: a fleet deployed through the provider is 1/1, others have none', async () => {
    const provider = await loadProvider('swarm', {
      target: target('s'),
      dockerHost: env.engine.dockerHost,
      pollMs: 250,
    });
    made.push(provider);
    const deployed = await provider.deploy({
      image: `${image}@${v2}`,
      strategy: 'rolling',
      batchSize: 1,
      healthTimeoutMs: 60_000,
      autoRollback: true,
      keepWarmMs: 0,
      replicas: 1,
      health: { cmd: HEALTH_CMD, intervalMs: 1000, timeoutMs: 1000, retries: 2, startPeriodMs: 0 },
    });
    expect(deployed.outcome).toBe('deployed');

    const cli = await runKiln(['status', '--config', configFile, '--image', image, '--json'], {
      DOCKER_HOST: env.engine.dockerHost,
    });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const out = JSON.parse(cli.stdout) as { image: string; environments: EnvironmentStatus[] };
    expect(out.image).toBe(image);
    expect(
      out.environments.map((r) => [
        r.environment,
        r.digest ?? null,
        r.fleet?.healthy ?? null,
        r.fleet?.replicas ?? null,
        r.fleet?.exists ?? null,
      ]),
    ).toEqual([
      ['staging', v2, 1, 1, true],
      ['production', v1, 0, 0, false],
      ['qa', null, 0, 0, false],
    ]);
    expect(out.environments[0]?.fleet).toMatchObject({ converged: true, running: [v2] });

    const text = await runKiln(['status', '--config', configFile, '--image', image], {
      DOCKER_HOST: env.engine.dockerHost,
    });
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ENVIRONMENT +DIGEST +HEALTHY +SINCE +LEDGER HEAD +LAST KNOWN-GOOD$/);
    expect(lines[1]).toMatch(new RegExp(`^staging +${short(v2)} +1/1 `));
    expect(lines[3]).toMatch(new RegExp(`^qa +${NOT_DEPLOYED} +no fleet `));
    expect(lines.slice(5)).toEqual([
      `production: fleet ${target('p')} does not exist, though the ledger says ${short(v1)} runs`,
    ]);
  }, 120_000);

  it('an unreachable engine is shown on each row; a missing config is exit 1', async () => {
    const cli = await runKiln(['status', '--config', configFile, '--image', image], {
      DOCKER_HOST: 'tcp://127.0.0.1:1',
    });
    expect(cli.code).toBe(0);
    const lines = cli.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(new RegExp(`^staging +${short(v2)} +unknown `));
    expect(lines.filter((l) => / could not be read: /.test(l))).toHaveLength(3);

    const missing = await runKiln(['status', '--config', join(dir, 'nope.yml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.yml" does not exist/);
  }, 60_000);
});
