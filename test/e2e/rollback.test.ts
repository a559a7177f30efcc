import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { parseConfig } from '@kiln/core/config';
import { parseReplaceFleetRequest, replaceFleet } from '@kiln/core/deploy';
import { digestOf, loadProvider } from '@kiln/core/fleet';
import { fromRecord } from '@kiln/core/inputs';
import { isQuarantined, Ledger } from '@kiln/core/ledger';
import { type Digest, Registries } from '@kiln/core/oci';
import {
  type Balancer,
  bakeBusyboxBase,
  ROOT,
  sampleAppInputs,
  startBalancer,
  stopBalancer,
  testEnvironment,
} from '@kiln/local';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js';
import { runAction } from '../support/run-action.js';
import { dockerOn, runningTasks } from '../support/swarm-checks.js';

// rollback's committed bundle (and the suite entry's `command: rollback`), run as a runner does,
// on the real swarm behind a haproxy of its own, reporting to a spec-checked fake GitHub.
const env = testEnvironment();
const dockerHost = env.engine.dockerHost;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const repoPath = `e2e-rollback/shop-${run}`;
const repo = `${env.registry.host}/${repoPath}`;
const target = `kiln-e2e-rb-${run}`;
const network = `kiln-e2e-rb-${run}`;
const SHA = 'f'.repeat(40);
const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1';
const registries = new Registries();

const docker = dockerOn(dockerHost);
const spec = (): string =>
  docker(['service', 'inspect', target, '--format', '{{.Version.Index}} {{json .Spec}}']);

describe('rollback bundle', () => {
  let work = '';
  let balancerDir = '';
  let balancer: Balancer;
  let github: FakeGitHub;
  let v1 = '';
  let v2 = '';
  const kilnYml = (): string =>
    [
      `image: ${repo}`,
      'environments:',
      '  staging:',
      '    provider: swarm',
      `    target: ${target}`,
      '    strategy: rolling',
      '    health-timeout: 60s',
      `    swarm: { replicas: 2, port: 8080, network: ${network} }`,
    ].join('\n');
  const fleet = (): Record<string, string> => ({
    'docker-host': dockerHost,
    'haproxy-socket': balancer.socket,
    'haproxy-map': balancer.mapFile,
    'health-cmd': HEALTH_CMD,
    'health-interval': '1s',
  });

  beforeAll(async () => {
    work = mkdtempSync(join(ROOT, '.kiln', 'e2e-rollback-'));
    mkdirSync(join(work, '.github'));
    writeFileSync(join(work, '.github', 'kiln.yml'), kilnYml());
    balancerDir = mkdtempSync(join(work, 'haproxy-'));
    balancer = await startBalancer(balancerDir, []);
    const base = await bakeBusyboxBase(env.registry.host, {
      repository: `e2e-rollback/base-${run}`,
    });
    const one = async (revision: string) =>
      (
        await bake(
          parseBakeRequest(
            fromRecord(
              sampleAppInputs(env.registry.host, base.image, {
                image: repo,
                env: `APP_REVISION=${revision}`,
                'source-date-epoch': '1700000000',
              }),
            ),
          ),
          registries,
          () => {},
        )
      ).image;
    v1 = await one('v1');
    v2 = await one('v2');
    // v1 then v2 run in staging, deployed through the deploy core.
    const config = await parseConfig(kilnYml(), 'kiln.yml');
    for (const image of [v1, v2])
      await replaceFleet(
        parseReplaceFleetRequest(fromRecord({ ...fleet(), image, environment: 'staging' }), config),
        { registries },
      );
    github = await startFakeGitHub();
  }, 300_000);

  afterAll(async () => {
    await github?.stop();
    await (await loadProvider('swarm', { target, dockerHost })).remove(network);
    if (balancerDir) await stopBalancer(balancerDir);
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  const runnerEnv = (): Record<string, string> => ({
    GITHUB_WORKSPACE: work,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: SHA,
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '9',
    GITHUB_RUN_ATTEMPT: '1',
  });
  const inputs = (extra: Record<string, string>): Record<string, string> => ({
    environment: 'staging',
    ...fleet(),
    'github-token': 'ghs_faketoken',
    ...extra,
  });
  const store = () => registries.repository(env.registry.host, repoPath);

  it('a reason and nothing else is missing: exit 1, one error line, nothing touched', async () => {
    const before = spec();
    const r = await runAction('actions/rollback', inputs({ reason: '' }), runnerEnv());
    expect(r.code).toBe(1);
    // A configuration error: one line, exit 1.
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toEqual([
      '::error::Input "reason" is required',
    ]);
    expect(r.outputs).toEqual({});
    expect(spec()).toBe(before);
  }, 60_000);

  it('rolls back to previous: outputs, summary, the rollback entry, the quarantine, a GitHub deployment', async () => {
    const r = await runAction(
      'actions/rollback',
      inputs({ reason: 'checkout answers 500' }),
      runnerEnv(),
    );
    expect(r.stdout).not.toContain('::error');
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ 'rolled-back-to': v1, 'rolled-back-from': v2 });
    expect(Number(r.outputs['duration-ms'])).toBeGreaterThan(0);
    expect(r.stdout).toContain(
      `rollback staging: from ${v2} to ${v1} (previous: the last known-good before`,
    );
    expect(r.stdout).toContain('rollback path: rolling deploy of sha256:');
    expect(r.summary).toContain('### rollback of staging');
    expect(r.summary).toContain('| reason | checkout answers 500 |');
    expect(r.summary).toContain('| ran-healthy | ✅ pass |');
    expect(r.summary).toContain('#### Fleet: 2/2 healthy');
    const [head, q] = await new Ledger(store(), 'staging').history(2);
    expect(head?.digest).toBe(r.outputs['ledger-entry']);
    expect(head?.entry).toMatchObject({
      action: 'rollback',
      outcome: 'deployed',
      digest: digestOf(v1),
      reason: 'checkout answers 500',
      actor: 'octocat',
      commit: SHA,
      run_url: 'https://github.com/acme/shop/actions/runs/9/attempts/1',
    });
    expect(q?.entry).toMatchObject({ action: 'quarantine', digest: digestOf(v2) });
    expect((await isQuarantined(store(), digestOf(v2) as Digest)).quarantined).toBe(true);
    expect(runningTasks(docker, target).map((t) => t.image)).toEqual([v1, v1]);
    expect(github.violations).toEqual([]);
    const d = github.deployments().at(-1);
    expect(d).toMatchObject({ environment: 'staging', ref: SHA });
    // The last status restates success with the new ledger head: the witness.
    expect(d?.statuses.map((s) => s.state)).toEqual(['in_progress', 'success', 'success']);
    expect(d?.statuses.at(-1)?.description).toMatch(/^kiln ledger head #\d+ sha256:[0-9a-f]{64}$/);
  }, 180_000);

  it('the suite entry with command rollback refuses the quarantined digest with exit 1, the spec unchanged', async () => {
    const before = spec();
    const r = await runAction(
      '.',
      { command: 'rollback', ...inputs({ to: digestOf(v2) as string, reason: 'back again' }) },
      runnerEnv(),
    );
    expect(r.stdout).not.toContain('::warning');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /::error::rollback of staging to \S+: gate not-quarantined failed: sha256:\S+ was quarantined in staging .*: checkout answers 500\n/,
    );
    expect(spec()).toBe(before);
  }, 60_000);
});
