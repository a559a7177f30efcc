import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KilnConfig, parseConfig } from '@kiln/core/config';
import { type ReplaceFleetResult, replaceFleetSummary, RolledBackError } from '@kiln/core/deploy';
import { ConfigurationError } from '@kiln/core/errors';
import { digestOf, loadProvider } from '@kiln/core/fleet';
import { fromRecord } from '@kiln/core/inputs';
import { isQuarantined, Ledger } from '@kiln/core/ledger';
import { type Digest, Registries } from '@kiln/core/oci';
import { parseRollbackRequest, rollback } from '@kiln/core/rollback';
import { type Balancer, startBalancer, stopBalancer, testEnvironment } from '@kiln/local';
import { coreDeps, deployAsAction, TEST_LEDGER } from '../support/core-calls.js';
import { underTraffic } from '../support/fleet-contract.js';
import { bakeRevisions, dockerOn, expectFleetOn } from '../support/swarm-checks.js';

// Faults of the parts around a release, on the real swarm and the real registry: an image the
// engine cannot pull (its config blob deleted from the registry with a plain HTTP DELETE) is
// rolled back without being held against the release, and an engine that cannot be reached
// fails in one line that says why.
const env = testEnvironment();
const dockerHost = env.engine.dockerHost;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const repoPath = `faults/shop-${run}`;
const repo = `${env.registry.host}/${repoPath}`;
const network = `kiln-ef-${run}`;
const rolling = `kiln-ef-r-${run}`;
const blueGreen = `kiln-ef-bg-${run}`;
const REPLICAS = 2;
const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1';
const PAGE = '/cgi-bin/index.sh';
type Env = 'staging' | 'production';

const docker = dockerOn(dockerHost);
const balancerDirs: string[] = [];
const balancers = {} as Record<Env, Balancer>;
let images: Record<'v1' | 'gone' | 'lost', string>;
let config: KilnConfig;
let scratch: string;
const logs: string[] = [];
const registries = new Registries();

const fleetInputs = (e: Env, host = dockerHost): Record<string, string> => ({
  'docker-host': host,
  'haproxy-socket': balancers[e].socket,
  'haproxy-map': balancers[e].mapFile,
  'health-cmd': HEALTH_CMD,
  'health-interval': '1s',
});
const deploy = (image: string, e: Env, host?: string): Promise<ReplaceFleetResult> =>
  deployAsAction({ ...fleetInputs(e, host), image, environment: e }, config, registries, logs);

const store = () => registries.repository(env.registry.host, repoPath);
const ledgerOf = (e: Env) => new Ledger(store(), e, TEST_LEDGER);
const digest = (image: string): Digest => digestOf(image) as Digest;
const url = (e: Env) => new URL(PAGE, balancers[e].url).toString();
const api = (path: string) => `http://${env.registry.host}/v2/${repoPath}${path}`;

/**
 * Deletes the image's config blob from the registry (the manifest stays, so the digest still
 * exists for every gate): no engine can pull it now. Returns what puts it back.
 */
async function deleteConfigBlob(image: string): Promise<() => Promise<void>> {
  const res = await fetch(api(`/manifests/${digest(image)}`), {
    headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
  });
  const blob = ((await res.json()) as { config: { digest: string } }).config.digest;
  const bytes = Buffer.from(await (await fetch(api(`/blobs/${blob}`))).arrayBuffer());
  const del = await fetch(api(`/blobs/${blob}`), { method: 'DELETE' });
  expect(del.status).toBe(202);
  expect((await fetch(api(`/blobs/${blob}`), { method: 'HEAD' })).status).toBe(404);
  return async () => {
    const start = await fetch(api('/blobs/uploads/'), { method: 'POST' });
    const location = new URL(start.headers.get('location') as string, api('/'));
    location.searchParams.set('digest', blob);
    const put = await fetch(location, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(put.status).toBe(201);
  };
}

/** A socket file nobody listens on (its server was killed, so nothing removed it): DOCKER_HOST at a dead engine. */
async function deadSocket(): Promise<string> {
  const path = join(scratch, 'dead.sock');
  const child = spawn(process.execPath, [
    '-e',
    `require('node:net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`,
  ]);
  await new Promise((resolve) => child.on('exit', resolve));
  expect(existsSync(path)).toBe(true);
  return `unix://${path}`;
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'kiln-faults-'));
  for (const e of ['staging', 'production'] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-faults-haproxy-'));
    balancerDirs.push(dir);
    balancers[e] = await startBalancer(dir, []);
  }
  // Each revision has a config blob of its own (APP_REVISION), so deleting one breaks only it.
  images = await bakeRevisions(env.registry.host, repo, `faults/base-${run}`, [
    'v1',
    'gone',
    'lost',
  ]);
  config = await parseConfig(
    [
      `image: ${repo}`,
      'environments:',
      '  staging:',
      '    provider: swarm',
      `    target: ${rolling}`,
      '    strategy: rolling',
      '    batch-size: 1',
      '    health-timeout: 60s',
      `    swarm: { replicas: ${REPLICAS}, port: 8080, network: ${network} }`,
      '  production:',
      '    provider: swarm',
      `    target: ${blueGreen}`,
      '    strategy: blue-green',
      // The new colour's tasks keep failing to pull until this passes.
      '    health-timeout: 20s',
      '    keep-warm: 0s',
      `    swarm: { replicas: ${REPLICAS}, port: 8080, network: ${network} }`,
    ].join('\n'),
    'kiln.yml',
  );
  for (const e of ['staging', 'production'] as const)
    expect((await deploy(images.v1, e)).outcome).toBe('deployed');
}, 300_000);

afterAll(async () => {
  if (process.env.KILN_DEBUG) process.stderr.write(`${logs.join('\n')}\n`);
  for (const target of [rolling, blueGreen])
    await (await loadProvider('swarm', { target, dockerHost })).remove();
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
  rmSync(scratch, { recursive: true, force: true });
}, 120_000);

describe('an image the engine cannot pull is not a bad release', () => {
  it('rolling: rolled back with the pull failure as reason, recorded, and not quarantined; deployed once it can be pulled', async () => {
    const putBack = await deleteConfigBlob(images.gone);
    const entries = (await ledgerOf('staging').history()).length;
    const t = await underTraffic(url('staging'), () => deploy(images.gone, 'staging'));
    expect(t.failed).toEqual([]);
    const r = t.result;
    expect(r).toMatchObject({
      outcome: 'rolled-back',
      requestedImage: images.gone,
      deployedImage: images.v1,
      quarantine: { kind: 'not-pulled' },
    });
    // The engine's own words for the pull, after Kiln's.
    expect(r.reason).toMatch(/^the image could not be pulled: No such image: /);
    expect(r.reason).toContain(`${repo}@${digest(images.gone).slice(0, 'sha256:'.length + 12)}…`);
    expectFleetOn(docker, rolling, images.v1, REPLICAS);

    // One entry, the rolled-back deploy: no quarantine entry before it.
    const history = await ledgerOf('staging').history();
    expect(history.length).toBe(entries + 1);
    expect(history[0]?.entry).toMatchObject({
      action: 'deploy',
      outcome: 'rolled-back',
      digest: digest(images.gone),
      reason: r.reason,
    });
    expect((await isQuarantined(store(), digest(images.gone))).quarantined).toBe(false);
    expect(logs).toContain(
      `quarantine: ${digest(images.gone)} not quarantined: it could not be pulled, the release was never tried`,
    );

    // The step's error and the job summary say so.
    const err = new RolledBackError(r);
    expect(err.message).toContain('the image could not be pulled: No such image: ');
    expect(err.message).toContain('not quarantined: it could not be pulled');
    const summary = replaceFleetSummary(r);
    expect(summary).toContain('rolled back: the image could not be pulled (the release never ran)');
    expect(summary).toContain(
      'not quarantined: it could not be pulled, the release was never tried',
    );

    // The blob is back: the same digest deploys (no gate refuses it).
    await putBack();
    const again = await deploy(images.gone, 'staging');
    expect(again).toMatchObject({ outcome: 'deployed', deployedImage: images.gone });
    expect(again.gates.map((g) => `${g.gate} ${g.status}`)).toContain('not-quarantined pass');
    expectFleetOn(docker, rolling, images.gone, REPLICAS);
  }, 300_000);

  it('blue-green: the new colour never pulls; traffic stays, rolled back, not quarantined', async () => {
    const putBack = await deleteConfigBlob(images.lost);
    const t = await underTraffic(url('production'), () => deploy(images.lost, 'production'));
    expect(t.failed).toEqual([]);
    expect(t.result).toMatchObject({
      outcome: 'rolled-back',
      deployedImage: images.v1,
      quarantine: { kind: 'not-pulled' },
    });
    expect(t.result.reason).toMatch(/^the image could not be pulled: No such image: /);
    expect((await isQuarantined(store(), digest(images.lost))).quarantined).toBe(false);
    expectFleetOn(docker, `${blueGreen}-blue`, images.v1, REPLICAS);
    await putBack();
  }, 240_000);
});

describe('an engine that cannot be reached fails in one line that says why', () => {
  const oneLine = (err: unknown, host: string): void => {
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ConfigurationError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(`cannot reach the docker engine at ${host}: connection refused`);
  };

  it('replace-fleet', async () => {
    const host = await deadSocket();
    const head = (await ledgerOf('staging').head())?.digest;
    const err = await deploy(images.v1, 'staging', host).catch((e: unknown) => e);
    oneLine(err, host);
    expect((err as Error).message).toMatch(/^Could not (inspect|list) /);
    // The engine's whole answer stays in the cause, for the debug log.
    expect(String((err as { cause?: { stderr?: string } }).cause?.stderr)).toContain(
      'Is the docker daemon running?',
    );
    expect((await ledgerOf('staging').head())?.digest).toBe(head);
  }, 60_000);

  it('rollback', async () => {
    const host = await deadSocket();
    const request = parseRollbackRequest(
      fromRecord({
        ...fleetInputs('staging', host),
        environment: 'staging',
        to: 'previous',
        reason: 'engine check',
      }),
      config,
    );
    const err = await rollback(request, coreDeps(registries, logs)).catch((e: unknown) => e);
    oneLine(err, host);
  }, 60_000);
});
