import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KilnConfig, parseConfig } from '@kiln/core/config';
import type { ReplaceFleetResult } from '@kiln/core/deploy';
import { ConfigurationError } from '@kiln/core/errors';
import { digestOf, loadProvider } from '@kiln/core/fleet';
import { GateRefusedError } from '@kiln/core/gates';
import { fromRecord } from '@kiln/core/inputs';
import { current, isQuarantined, Ledger } from '@kiln/core/ledger';
import { type Digest, Registries } from '@kiln/core/oci';
import { parseRollbackRequest, rollback, type RollbackResult } from '@kiln/core/rollback';
import { type Balancer, startBalancer, stopBalancer, testEnvironment } from '@kiln/local';
import { coreDeps, deployAsAction, TEST_LEDGER } from '../support/core-calls.js';
import { underTraffic } from '../support/fleet-contract.js';
import { bakeRevisions, dockerOn, expectFleetOn } from '../support/swarm-checks.js';

// rollback on the real swarm, behind a haproxy of this file's own per fleet: the request
// parser, the guards, the quarantine and replace-fleet's path together, checked with the
// docker CLI and a request loop through the balancer.
const env = testEnvironment();
const dockerHost = env.engine.dockerHost;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const repoPath = `rollback/shop-${run}`;
const repo = `${env.registry.host}/${repoPath}`;
const network = `kiln-rb-${run}`;
const rolling = `kiln-rb-r-${run}`;
const blueGreen = `kiln-rb-bg-${run}`;
const REPLICAS = 2;
const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1';
const PAGE = '/cgi-bin/index.sh';
type Env = 'staging' | 'production';

const docker = dockerOn(dockerHost);

/** The whole service as the engine has it: version (moves on any update) and spec. */
const serviceSpec = (service: string): string =>
  docker(['service', 'inspect', service, '--format', '{{.Version.Index}} {{json .Spec}}']);

const balancerDirs: string[] = [];
const balancers = {} as Record<Env, Balancer>;
let images: Record<'v1' | 'v2' | 'v3' | 'never', string>;
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

/** A deploy as replace-fleet's action makes it. */
async function deploy(image: string, e: Env): Promise<ReplaceFleetResult> {
  return deployAsAction({ ...fleetInputs(e), image, environment: e }, config, registries, logs);
}

/** A rollback as the rollback action makes it: inputs over kiln.yml, then the rollback core. */
async function rollBack(e: Env, inputs: Record<string, string>): Promise<RollbackResult> {
  const request = parseRollbackRequest(
    fromRecord({ ...fleetInputs(e), environment: e, ...inputs }),
    config,
  );
  return rollback(request, coreDeps(registries, logs));
}

const store = () => registries.repository(env.registry.host, repoPath);
const ledgerOf = (e: Env) => new Ledger(store(), e, TEST_LEDGER);
const digest = (image: string): Digest => digestOf(image) as Digest;
const url = (e: Env) => new URL(PAGE, balancers[e].url).toString();

beforeAll(async () => {
  for (const e of ['staging', 'production'] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-rollback-haproxy-'));
    balancerDirs.push(dir);
    balancers[e] = await startBalancer(dir, []);
  }
  images = await bakeRevisions(env.registry.host, repo, `rollback/base-${run}`, [
    'v1',
    'v2',
    'v3',
    'never',
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
      '    health-timeout: 60s',
      '    keep-warm: 10m',
      `    swarm: { replicas: ${REPLICAS}, port: 8080, network: ${network} }`,
    ].join('\n'),
    'kiln.yml',
  );
}, 240_000);

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
}, 120_000);

describe('rollback, rolling, on the real swarm', () => {
  beforeAll(async () => {
    for (const image of [images.v1, images.v2, images.v3])
      expect((await deploy(image, 'staging')).outcome).toBe('deployed');
    expectFleetOn(docker, rolling, images.v3, REPLICAS);
  }, 300_000);

  it('to previous: N/N on the last known-good, zero failed requests, the current digest quarantined', async () => {
    const t = await underTraffic(url('staging'), () =>
      rollBack('staging', { reason: 'checkout answers 500' }),
    );
    expect(t.failed).toEqual([]);
    expect(t.bodies.at(-1)).toContain('revision <code>v2</code>');
    expect(t.result).toMatchObject({
      outcome: 'deployed',
      to: images.v2,
      from: images.v3,
      quarantine: { kind: 'quarantined', seq: 4 },
      path: { kind: 'redeploy' },
    });
    expect(t.result.target.how).toMatch(
      /^previous: the last known-good before sha256:[0-9a-f]{12}… not quarantined, ledger seq 2$/,
    );
    expect(t.result.deploy.proof.summary).toBe(
      `${REPLICAS}/${REPLICAS} healthy on ${digest(images.v2)}`,
    );
    expectFleetOn(docker, rolling, images.v2, REPLICAS);
    const [rb, q] = (await ledgerOf('staging').history(2)).map((s) => s.entry);
    expect(rb).toMatchObject({
      seq: 5,
      action: 'rollback',
      outcome: 'deployed',
      digest: digest(images.v2),
      previous: digest(images.v3),
      reason: 'checkout answers 500',
      actor: 'octocat',
    });
    expect(rb?.duration_ms).toBeGreaterThan(0);
    expect(q).toMatchObject({
      seq: 4,
      action: 'quarantine',
      outcome: 'quarantined',
      digest: digest(images.v3),
      reason: 'checkout answers 500',
    });
    expect(logs).toContain(
      `rollback path: rolling deploy of ${digest(images.v2).slice(0, 19)}… (the fleet is rolling: there is no warm colour to switch back to)`,
    );
  }, 180_000);

  it('the digest rolled back from is refused by deploy afterwards, the service spec unchanged', async () => {
    expect((await isQuarantined(store(), digest(images.v3))).quarantined).toBe(true);
    const spec = serviceSpec(rolling);
    const err = await deploy(images.v3, 'staging').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GateRefusedError);
    expect((err as Error).message).toMatch(
      /gate not-quarantined failed: sha256:\S+ was quarantined in staging \(seq 4, .*\): checkout answers 500/,
    );
    expect(serviceSpec(rolling)).toBe(spec);
  }, 60_000);

  it('to an explicit older digest, without quarantine', async () => {
    const r = await rollBack('staging', {
      to: digest(images.v1),
      reason: 'v2 leaks memory',
      quarantine: 'false',
    });
    expect(r).toMatchObject({
      outcome: 'deployed',
      to: images.v1,
      from: images.v2,
      quarantine: { kind: 'off' },
    });
    expectFleetOn(docker, rolling, images.v1, REPLICAS);
    expect(await current(ledgerOf('staging'))).toBe(digest(images.v1));
    expect((await isQuarantined(store(), digest(images.v2))).quarantined).toBe(false);
    expect(await (await fetch(url('staging'))).text()).toContain('revision <code>v1</code>');
  }, 180_000);
});

describe('rollback refuses before touching the fleet (service spec and ledger unchanged)', () => {
  const refused = async (inputs: Record<string, string>, message: RegExp): Promise<void> => {
    const spec = serviceSpec(rolling);
    const head = (await ledgerOf('staging').head())?.digest;
    const err = await rollBack('staging', { reason: 'try', ...inputs }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(message);
    expect(serviceSpec(rolling)).toBe(spec);
    expect((await ledgerOf('staging').head())?.digest).toBe(head);
  };

  it('a digest missing from the registry', async () => {
    await refused(
      { to: `sha256:${'0'.repeat(64)}` },
      new RegExp(
        `^rollback of staging to ${repo}@sha256:0{64}: gate digest-exists failed: ${repo} has no manifest sha256:0{64}`,
      ),
    );
  }, 60_000);

  it('a digest that never ran healthy there', async () => {
    await refused(
      { to: images.never },
      /gate ran-healthy failed: sha256:\S+ never ran healthy in staging \(ledger .*\): a rollback goes only to a digest that did$/,
    );
  }, 60_000);

  it('a quarantined digest, by its ledger sequence number', async () => {
    // seq 3 deployed v3, quarantined by the first rollback.
    await refused(
      { to: '3' },
      /gate not-quarantined failed: sha256:\S+ was quarantined in staging .*: checkout answers 500$/,
    );
  }, 60_000);
});

describe('rollback, blue-green inside keep-warm, on the real swarm', () => {
  beforeAll(async () => {
    expect((await deploy(images.v1, 'production')).outcome).toBe('deployed');
    expect((await deploy(images.v2, 'production')).outcome).toBe('deployed');
    expectFleetOn(docker, `${blueGreen}-green`, images.v2, REPLICAS);
    // keep-warm 10m: blue still runs v1.
    expectFleetOn(docker, `${blueGreen}-blue`, images.v1, REPLICAS);
  }, 300_000);

  it('is one traffic switch back to the warm colour: zero failed requests, the log says so', async () => {
    const t = await underTraffic(url('production'), () =>
      rollBack('production', { reason: 'v2 slow', quarantine: 'false' }),
    );
    expect(t.failed).toEqual([]);
    expect(t.result).toMatchObject({
      outcome: 'deployed',
      to: images.v1,
      from: images.v2,
      path: { kind: 'switch-back' },
    });
    expect(t.bodies.at(-1)).toContain('revision <code>v1</code>');
    expect(
      logs.some((l) => l.startsWith('rollback path: switch back: blue still runs sha256:')),
    ).toBe(true);
    expectFleetOn(docker, `${blueGreen}-blue`, images.v1, REPLICAS);
    expect(
      docker([
        'service',
        'inspect',
        `${blueGreen}-green`,
        '--format',
        '{{.Spec.Mode.Replicated.Replicas}}',
      ]),
    ).toBe('0');
    expect((await ledgerOf('production').head())?.entry).toMatchObject({
      action: 'rollback',
      outcome: 'deployed',
      digest: digest(images.v1),
      previous: digest(images.v2),
      reason: 'v2 slow',
    });
  }, 120_000);

  it('outside it (the colour was retired) is a blue-green deploy: the idle colour, then one switch', async () => {
    // seq 2 deployed v2; its colour was retired by the switch back.
    const t = await underTraffic(url('production'), () =>
      rollBack('production', { to: '2', reason: 'v1 was worse', quarantine: 'false' }),
    );
    expect(t.failed).toEqual([]);
    expect(t.result).toMatchObject({
      outcome: 'deployed',
      to: images.v2,
      path: { kind: 'redeploy' },
    });
    expect(t.result.path.line).toMatch(/^rollback path: blue-green deploy: no colour is kept warm/);
    expectFleetOn(docker, `${blueGreen}-green`, images.v2, REPLICAS);
  }, 180_000);
});
