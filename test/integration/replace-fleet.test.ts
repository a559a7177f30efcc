import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KilnConfig, parseConfig } from '@kiln/core/config';
import { type ReplaceFleetResult, RolledBackError } from '@kiln/core/deploy';
import { ConfigurationError } from '@kiln/core/errors';
import { digestOf, loadProvider } from '@kiln/core/fleet';
import { Ledger, quarantine } from '@kiln/core/ledger';
import { type Digest, Registries } from '@kiln/core/oci';
import { type Balancer, startBalancer, stopBalancer, testEnvironment } from '@kiln/local';
import { deployAsAction, TEST_LEDGER } from '../support/core-calls.js';
import { underTraffic } from '../support/fleet-contract.js';
import { bakeRevisions, dockerOn, expectFleetOn, runningTasks } from '../support/swarm-checks.js';

// replace-fleet on the real swarm, behind a haproxy of this file's own: the request parser and
// the deploy core together (gates, engine, N/N proof, ledger), checked with the docker CLI.
const env = testEnvironment();
const dockerHost = env.engine.dockerHost;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const repo = `${env.registry.host}/deploy/shop-${run}`;
const network = `kiln-deploy-${run}`;
const rolling = `kiln-deploy-r-${run}`;
const blueGreen = `kiln-deploy-bg-${run}`;
const REPLICAS = 2;
const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1';
const PAGE = '/cgi-bin/index.sh';

const docker = dockerOn(dockerHost);

/** The whole service as the engine has it: spec and version (changes on any update). */
const serviceSpec = (service: string): string =>
  docker(['service', 'inspect', service, '--format', '{{.Version.Index}} {{json .Spec}}']);

// One haproxy per fleet: the rolling fleet lives in one pool, blue-green switches between two.
const balancerDirs: string[] = [];
const balancers: Record<'staging' | 'production', Balancer> = {} as never;
let images: { v1: string; v2: string; v3: string; bad: string };
let config: KilnConfig;
const logs: string[] = [];
const registries = new Registries();

/** A deploy as the action makes it: inputs over kiln.yml, then the deploy core. */
async function deploy(
  inputs: Record<string, string> & { environment: 'staging' | 'production' },
): Promise<ReplaceFleetResult> {
  const balancer = balancers[inputs.environment];
  return deployAsAction(
    {
      'docker-host': dockerHost,
      'haproxy-socket': balancer.socket,
      'haproxy-map': balancer.mapFile,
      'health-cmd': HEALTH_CMD,
      'health-interval': '1s',
      ...inputs,
    },
    config,
    registries,
    logs,
  );
}

const ledgerOf = (envName: string) =>
  new Ledger(registries.repository(env.registry.host, `deploy/shop-${run}`), envName, TEST_LEDGER);
const digest = (image: string): Digest => digestOf(image) as Digest;
const url = (e: 'staging' | 'production') => new URL(PAGE, balancers[e].url).toString();

beforeAll(async () => {
  for (const e of ['staging', 'production'] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-deploy-haproxy-'));
    balancerDirs.push(dir);
    balancers[e] = await startBalancer(dir, []);
  }
  images = await bakeRevisions(
    env.registry.host,
    repo,
    `deploy/base-${run}`,
    ['v1', 'v2', 'v3', 'bad'],
    {
      registries,
      // Serves on 9999: the health check on 8080 fails, as a broken release's would.
      inputs: (r): Record<string, string> =>
        r === 'bad'
          ? { cmd: JSON.stringify(['/bin/busybox', 'httpd', '-f', '-p', '9999', '-h', '/www']) }
          : {},
    },
  );
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
      '    requires: staging',
      '    strategy: blue-green',
      '    health-timeout: 60s',
      '    keep-warm: 0s',
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

describe('replace-fleet, rolling, on the real swarm', () => {
  it('the first deploy creates the service and converges N/N on the digest', async () => {
    const r = await deploy({ image: images.v1, environment: 'staging' });
    expect(r).toMatchObject({
      outcome: 'deployed',
      deployedImage: images.v1,
      recorded: true,
      seq: 1,
    });
    expect(r.previousImage).toBeUndefined();
    expect(r.proof.summary).toBe(`${REPLICAS}/${REPLICAS} healthy on ${digest(images.v1)}`);
    expectFleetOn(docker, rolling, images.v1, REPLICAS);
  }, 120_000);

  it('a new digest replaces every task with zero failed requests through the balancer; the ledger records it', async () => {
    const t = await underTraffic(url('staging'), () =>
      deploy({ image: images.v2, environment: 'staging' }),
    );
    expect(t.failed).toEqual([]);
    expect(t.ok).toBeGreaterThan(0);
    expect(t.bodies.at(-1)).toContain('revision <code>v2</code>');
    expect(t.result).toMatchObject({
      outcome: 'deployed',
      deployedImage: images.v2,
      previousImage: images.v1,
      seq: 2,
    });
    expectFleetOn(docker, rolling, images.v2, REPLICAS);
    const head = await ledgerOf('staging').head();
    expect(head?.digest).toBe(t.result.ledgerEntry);
    expect(head?.entry).toMatchObject({
      action: 'deploy',
      outcome: 'deployed',
      digest: digest(images.v2),
      previous: digest(images.v1),
      actor: 'octocat',
      commit: 'c0ffee',
      run_url: 'https://ci.example/run/1',
    });
    expect(head?.entry.duration_ms).toBeGreaterThan(0);
    expect(logs).toContain(
      `deployed: ${rolling} ${REPLICAS}/${REPLICAS} healthy on ${digest(images.v2)}`,
    );
  }, 120_000);

  it('a re-run of the running digest is unchanged: no task restarted, no new entry', async () => {
    const before = runningTasks(docker, rolling)
      .map((t) => t.id)
      .sort();
    const spec = serviceSpec(rolling);
    const r = await deploy({ image: images.v2, environment: 'staging' });
    expect(r).toMatchObject({
      outcome: 'unchanged',
      deployedImage: images.v2,
      recorded: false,
      seq: 2,
    });
    expect(
      runningTasks(docker, rolling)
        .map((t) => t.id)
        .sort(),
    ).toEqual(before);
    expect(serviceSpec(rolling)).toBe(spec);
    expect((await ledgerOf('staging').history()).length).toBe(2);
  }, 60_000);

  it('a release whose health check fails is rolled back: N/N on the previous digest, recorded, the step fails', async () => {
    const t = await underTraffic(url('staging'), () =>
      deploy({ image: images.bad, environment: 'staging' }),
    );
    expect(t.failed).toEqual([]);
    const r = t.result;
    expect(r).toMatchObject({
      outcome: 'rolled-back',
      requestedImage: images.bad,
      deployedImage: images.v2,
      previousImage: images.v2,
      // #3 is the quarantine of the bad digest, written just before this entry.
      seq: 4,
      quarantine: { kind: 'quarantined', seq: 3 },
    });
    expect(r.reason).toBeTruthy();
    expectFleetOn(docker, rolling, images.v2, REPLICAS);
    const [head, quarantined] = (await ledgerOf('staging').history(2)).map((e) => e.entry);
    expect(head).toMatchObject({
      action: 'deploy',
      outcome: 'rolled-back',
      digest: digest(images.bad),
      previous: digest(images.v2),
    });
    expect(quarantined).toMatchObject({
      seq: 3,
      action: 'quarantine',
      outcome: 'quarantined',
      digest: digest(images.bad),
      reason: `rolled back in staging: ${r.reason}`,
    });
    // Seen with skopeo: the bad digest's referrers (the fallback tag sha256-<hex>) hold the
    // quarantine entry, so every environment's gate finds it.
    const referrers = JSON.parse(
      execFileSync(
        'skopeo',
        [
          'inspect',
          '--raw',
          '--tls-verify=false',
          `docker://${repo}:${digest(images.bad).replace(':', '-')}`,
        ],
        { encoding: 'utf8' },
      ),
    ) as { manifests: Array<{ annotations?: Record<string, string> }> };
    expect(
      referrers.manifests.map(
        (m) =>
          `${m.annotations?.['dev.kiln.ledger.env']} ${m.annotations?.['dev.kiln.ledger.action']} ${m.annotations?.['dev.kiln.ledger.outcome']}`,
      ),
    ).toEqual(expect.arrayContaining(['staging quarantine quarantined']));
    // The action and the CLI throw this after the outputs: operational, so exit 2.
    const err = new RolledBackError(r);
    expect(err).not.toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain(
      `the fleet is back on ${images.v2}: ${REPLICAS}/${REPLICAS} healthy`,
    );
    expect(err.message).toContain(`${digest(images.bad)} quarantined (ledger seq 3)`);

    // Deployed again (a re-run of the release), anywhere: refused before the fleet is touched.
    const spec = serviceSpec(rolling);
    for (const environment of ['staging', 'production'] as const) {
      const again = await deploy({ image: images.bad, environment }).catch((e: unknown) => e);
      expect(again).toBeInstanceOf(ConfigurationError);
      expect((again as Error).message).toMatch(
        /gate not-quarantined failed: .* quarantined in staging .*: rolled back in staging: /,
      );
    }
    expect(serviceSpec(rolling)).toBe(spec);
    expect((await ledgerOf('staging').history()).length).toBe(4);
  }, 180_000);
});

describe('replace-fleet refuses before touching the fleet (the service spec is unchanged)', () => {
  const refused = async (inputs: Parameters<typeof deploy>[0], message: RegExp): Promise<void> => {
    const spec = serviceSpec(rolling);
    const entries = (await ledgerOf('staging').history()).length;
    const err = await deploy(inputs).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(message);
    expect(serviceSpec(rolling)).toBe(spec);
    expect((await ledgerOf('staging').history()).length).toBe(entries);
  };

  it('a tag', async () => {
    await refused(
      { image: `${repo}:v1`, environment: 'staging' },
      /Input "image" has value ".*:v1": it must be pinned by digest/,
    );
  });

  it('a digest missing from the registry', async () => {
    const missing = `${repo}@sha256:${'0'.repeat(64)}`;
    await refused(
      { image: missing, environment: 'staging' },
      /gate digest-exists failed: .* has no manifest sha256:0{64}/,
    );
  });

  it('a quarantined digest', async () => {
    const store = registries.repository(env.registry.host, `deploy/shop-${run}`);
    await quarantine(store, 'staging', digest(images.v1), 'broke checkout', {
      actor: 'octocat',
      commit: 'c0ffee',
      run_url: '',
      ledger: TEST_LEDGER,
    });
    await refused(
      { image: images.v1, environment: 'staging', target: rolling },
      /gate not-quarantined failed: .* quarantined in staging .*: broke checkout/,
    );
  }, 60_000);

  it('a digest not promoted into an environment with requires:', async () => {
    // production requires staging; its fleet (blue-green) does not exist yet either.
    const err = await deploy({ image: images.v2, environment: 'production' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(
      /gate promoted failed: .* was never promoted into production .*requires staging: promote it from staging first/,
    );
    expect(() => docker(['service', 'inspect', `${blueGreen}-blue`])).toThrow(/no such service/i);
  });
});

describe('replace-fleet, blue-green, on the real swarm', () => {
  /** A promote entry, as promote writes it, so production's `requires: staging` is met. */
  const promoted = async (image: string): Promise<void> => {
    await ledgerOf('production').append({
      action: 'promote',
      outcome: 'promoted',
      digest: digest(image),
      from: 'staging',
      duration_ms: 1,
      actor: 'octocat',
      commit: 'c0ffee',
      run_url: '',
      evidence: [],
    });
  };

  beforeAll(async () => {
    await promoted(images.v2);
  });

  it('the first deploy makes the live colour N/N', async () => {
    const r = await deploy({ image: images.v2, environment: 'production' });
    expect(r.outcome).toBe('deployed');
    expect(r.gates.map((g) => `${g.gate} ${g.status}`)).toEqual([
      'digest-exists pass',
      'not-quarantined pass',
      'promoted pass',
    ]);
    expectFleetOn(docker, `${blueGreen}-blue`, images.v2, REPLICAS);
    expect(await (await fetch(url('production'))).text()).toContain('revision <code>v2</code>');
  }, 120_000);

  it('a new digest comes up in the other colour and takes traffic in one switch, zero failed requests', async () => {
    const v3 = images.v3;
    await promoted(v3);
    const t = await underTraffic(url('production'), () =>
      deploy({ image: v3, environment: 'production' }),
    );
    expect(t.failed).toEqual([]);
    expect(t.ok).toBeGreaterThan(0);
    expect(t.result).toMatchObject({
      outcome: 'deployed',
      deployedImage: v3,
      previousImage: images.v2,
    });
    expect(
      t.bodies.every((b) => b.includes('<code>v2</code>') || b.includes('<code>v3</code>')),
    ).toBe(true);
    expect(t.bodies.at(-1)).toContain('revision <code>v3</code>');
    expectFleetOn(docker, `${blueGreen}-green`, v3, REPLICAS);
    // keep-warm 0s: the old colour is retired at once.
    expect(runningTasks(docker, `${blueGreen}-blue`)).toEqual([]);
    expect((await ledgerOf('production').head())?.entry).toMatchObject({
      action: 'deploy',
      outcome: 'deployed',
      digest: digest(v3),
      previous: digest(images.v2),
    });
  }, 180_000);
});
