import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProvider } from '@kiln/core/fleet';
import { testEnvironment } from '@kiln/local';
import { runKiln } from '../support/run-cli.js';
import { spawnKiln } from '../support/spawn-kiln.js';
import { bakeRevisions, dockerOn, runningTasks } from '../support/swarm-checks.js';

// A runner that dies in the middle of `kiln deploy` (SIGKILL to its whole process tree once
// the engine's update has begun): the rolling update is the engine's own, so the swarm still
// converges on the new digest N/N; the same deploy run again reports it `unchanged`, records
// the entry the dead run could not, and the ledger chain still verifies.
const env = testEnvironment();
const dockerHost = env.engine.dockerHost;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const repo = `${env.registry.host}/killed/shop-${run}`;
const service = `kiln-killed-${run}`;
const network = `kiln-killed-${run}`;
const REPLICAS = 3;
const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1';

const docker = dockerOn(dockerHost);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the engine says of the service: the image its spec asks for and its update state. */
function serviceState(): { image: string; update: string } {
  const [image, update] = docker([
    'service',
    'inspect',
    service,
    '--format',
    '{{.Spec.TaskTemplate.ContainerSpec.Image}} {{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}',
  ]).split(' ');
  return { image: image as string, update: update ?? '' };
}

const tasks = (): Array<{ image: string; state: string }> => runningTasks(docker, service);

/** Polls until `check` holds, or fails with what it last saw. */
async function until<T>(what: string, look: () => T, check: (v: T) => boolean, ms: number) {
  const end = Date.now() + ms;
  let seen = look();
  while (!check(seen)) {
    if (Date.now() > end)
      throw new Error(`${what} not seen within ${ms} ms; last: ${JSON.stringify(seen)}`);
    await sleep(250);
    seen = look();
  }
  return seen;
}

let dir = '';
let images: Record<'v1' | 'v2', string>;
const deployArgs = (image: string): string[] => [
  'deploy',
  '--config',
  join(dir, 'kiln.yml'),
  '--environment',
  'staging',
  '--image',
  image,
  '--docker-host',
  dockerHost,
  '--health-cmd',
  HEALTH_CMD,
  '--health-interval',
  '1s',
  '--json',
];
/** The ledger's chain as `kiln ledger show --json` reads it, newest first. */
const ledgerShow = async (): Promise<
  Array<{ action: string; outcome: string; digest: string }>
> => {
  const shown = await runKiln([
    'ledger',
    'show',
    'staging',
    '--config',
    join(dir, 'kiln.yml'),
    '--json',
  ]);
  expect(shown).toMatchObject({ code: 0 });
  return JSON.parse(shown.stdout) as Array<{ action: string; outcome: string; digest: string }>;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiln-killed-'));
  images = await bakeRevisions(env.registry.host, repo, `killed/base-${run}`, ['v1', 'v2']);
  writeFileSync(
    join(dir, 'kiln.yml'),
    [
      `image: ${repo}`,
      'environments:',
      '  staging:',
      '    provider: swarm',
      `    target: ${service}`,
      '    strategy: rolling',
      '    batch-size: 1',
      '    health-timeout: 120s',
      `    swarm: { replicas: ${REPLICAS}, port: 8080, network: ${network} }`,
    ].join('\n'),
  );
  const first = await runKiln(deployArgs(images.v1));
  expect(first.stderr).not.toMatch(/error/i);
  expect(JSON.parse(first.stdout)).toMatchObject({ outcome: 'deployed' });
}, 240_000);

afterAll(async () => {
  await (await loadProvider('swarm', { target: service, dockerHost })).remove(network);
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('kiln deploy killed mid-way (rolling, real swarm)', () => {
  it('the engine still converges N/N on the new digest; the re-run reports unchanged and the ledger verifies', async () => {
    const killed = spawnKiln(deployArgs(images.v2));
    // The runner dies once the engine has taken the update and started replacing tasks.
    await until(
      'the update to v2 under way',
      serviceState,
      (s) => s.image === images.v2 && s.update === 'updating',
      120_000,
    );
    const before = tasks();
    killed.kill();
    const exit = await killed.exit;
    expect(exit.signal).toBe('SIGKILL');
    expect(killed.output()).toContain('update to');
    expect(killed.output()).not.toContain('"outcome"');
    // It died before replacing the fleet: some tasks still ran v1 when it was killed, and it
    // wrote nothing to the ledger.
    expect(before.some((t) => t.image === images.v1)).toBe(true);
    expect((await ledgerShow()).map((e) => e.digest)).not.toContain(images.v2.split('@')[1]);

    // Nobody watches now: the engine finishes the update by itself.
    const done = await until(
      'the engine finishing the update',
      () => ({ ...serviceState(), tasks: tasks() }),
      (s) =>
        s.update === 'completed' &&
        s.tasks.length === REPLICAS &&
        s.tasks.every((t) => t.image === images.v2 && t.state.startsWith('Running')),
      180_000,
    );
    expect(done.image).toBe(images.v2);

    const again = await runKiln(deployArgs(images.v2));
    expect(again.code).toBe(0);
    const result = JSON.parse(again.stdout) as {
      outcome: string;
      recorded: boolean;
      proof: { summary: string };
    };
    expect(result).toMatchObject({ outcome: 'unchanged', recorded: true });
    expect(result.proof.summary).toBe(
      `${REPLICAS}/${REPLICAS} healthy on ${images.v2.split('@')[1]}`,
    );
    // Nothing restarted: the same tasks, the same update state.
    expect(serviceState()).toEqual({ image: images.v2, update: 'completed' });

    const entries = await ledgerShow();
    expect(entries[0]).toMatchObject({
      action: 'deploy',
      outcome: 'unchanged',
      digest: images.v2.split('@')[1],
    });
    const verified = await runKiln([
      'ledger',
      'verify',
      'staging',
      '--config',
      join(dir, 'kiln.yml'),
      '--json',
    ]);
    expect(verified).toMatchObject({ code: 0 });
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, entries: entries.length });
  }, 420_000);
});
