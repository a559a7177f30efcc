import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { digestOf, loadProvider } from '@kiln/core/fleet';
import { fromRecord } from '@kiln/core/inputs';
import { Ledger } from '@kiln/core/ledger';
import { Registries } from '@kiln/core/oci';
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

// replace-fleet's committed bundle (and the suite entry's `command: deploy`), run as a runner
// does, on the real swarm behind a haproxy of its own, reporting to a spec-checked fake GitHub.
const env = testEnvironment();
const dockerHost = env.engine.dockerHost;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const repo = `${env.registry.host}/e2e-deploy/shop-${run}`;
const target = `kiln-e2e-deploy-${run}`;
const network = `kiln-e2e-deploy-${run}`;
const SHA = 'e'.repeat(40);
const registries = new Registries();

const docker = dockerOn(dockerHost);

describe('replace-fleet bundle', () => {
  let work = '';
  let balancerDir = '';
  let balancer: Balancer;
  let github: FakeGitHub;
  let v1 = '';
  let bad = '';

  beforeAll(async () => {
    work = mkdtempSync(join(ROOT, '.kiln', 'e2e-deploy-'));
    mkdirSync(join(work, '.github'));
    writeFileSync(
      join(work, '.github', 'kiln.yml'),
      [
        `image: ${repo}`,
        'environments:',
        '  staging:',
        '    provider: swarm',
        `    target: ${target}`,
        '    strategy: rolling',
        '    health-timeout: 60s',
        `    swarm: { replicas: 2, port: 8080, network: ${network} }`,
      ].join('\n'),
    );
    balancerDir = mkdtempSync(join(work, 'haproxy-'));
    balancer = await startBalancer(balancerDir, []);
    const base = await bakeBusyboxBase(env.registry.host, { repository: `e2e-deploy/base-${run}` });
    const one = async (revision: string, extra: Record<string, string> = {}) =>
      (
        await bake(
          parseBakeRequest(
            fromRecord(
              sampleAppInputs(env.registry.host, base.image, {
                image: repo,
                env: `APP_REVISION=${revision}`,
                'source-date-epoch': '1700000000',
                ...extra,
              }),
            ),
          ),
          registries,
          () => {},
        )
      ).image;
    v1 = await one('v1');
    bad = await one('bad', {
      cmd: JSON.stringify(['/bin/busybox', 'httpd', '-f', '-p', '9999', '-h', '/www']),
    });
    github = await startFakeGitHub();
  }, 120_000);

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
    GITHUB_RUN_ID: '7',
    GITHUB_RUN_ATTEMPT: '1',
  });
  const inputs = (image: string): Record<string, string> => ({
    image,
    environment: 'staging',
    'docker-host': dockerHost,
    'haproxy-socket': balancer.socket,
    'haproxy-map': balancer.mapFile,
    'health-cmd': 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1',
    'health-interval': '1s',
    'github-token': 'ghs_faketoken',
  });
  const ledger = () =>
    new Ledger(registries.repository(env.registry.host, `e2e-deploy/shop-${run}`), 'staging');

  it('deploys N/N, sets the outputs, writes the summary, the ledger entry and a GitHub deployment', async () => {
    const r = await runAction('actions/replace-fleet', inputs(v1), runnerEnv());
    expect(r.stdout).not.toContain('::error');
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      outcome: 'deployed',
      'deployed-image': v1,
      'previous-image': '',
    });
    expect(Number(r.outputs['duration-ms'])).toBeGreaterThan(0);
    expect(r.stdout).toContain(`deployed: ${target} 2/2 healthy on ${digestOf(v1)}`);
    expect(r.summary).toContain('### replace-fleet');
    expect(r.summary).toContain('#### Convergence: 2/2');
    expect(r.summary).toContain('| digest-exists | ✅ pass |');
    const head = await ledger().head();
    expect(head?.digest).toBe(r.outputs['ledger-entry']);
    expect(head?.entry).toMatchObject({
      action: 'deploy',
      outcome: 'deployed',
      actor: 'octocat',
      commit: SHA,
      run_url: 'https://github.com/acme/shop/actions/runs/7/attempts/1',
    });
    expect(runningTasks(docker, target).map((t) => t.image)).toEqual([v1, v1]);
    expect(github.violations).toEqual([]);
    const [d] = github.deployments();
    expect(d).toMatchObject({ environment: 'staging', ref: SHA });
    // The last status restates success and witnesses the ledger head outside the registry.
    expect(d?.statuses.map((s) => s.state)).toEqual(['in_progress', 'success', 'success']);
    expect(d?.statuses.at(-1)?.description).toBe(
      `kiln ledger head #${head?.entry.seq} ${head?.digest}`,
    );
    expect(r.stdout).toContain(
      `witness: staging head #${head?.entry.seq} ${head?.digest} recorded in GitHub Deployments of acme/shop`,
    );
  }, 180_000);

  it('the suite entry with command deploy: a re-run is unchanged and adds no entry', async () => {
    const before = (await ledger().head())?.digest;
    const r = await runAction('.', { command: 'deploy', ...inputs(v1) }, runnerEnv());
    expect(r.stdout).not.toContain('::warning');
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      outcome: 'unchanged',
      'deployed-image': v1,
      'previous-image': v1,
      'ledger-entry': before,
    });
  }, 120_000);

  it('a release whose health check fails: outputs say rolled-back, the step fails with exit 2', async () => {
    const r = await runAction('actions/replace-fleet', inputs(bad), runnerEnv());
    expect(r.code).toBe(2);
    expect(r.outputs).toMatchObject({ outcome: 'rolled-back', 'deployed-image': v1 });
    expect(r.stdout).toMatch(
      /::error::replace-fleet failed: .* did not converge in staging .*the fleet is back on /,
    );
    expect(r.summary).toContain('❌ rolled back');
    expect((await ledger().head())?.entry).toMatchObject({
      outcome: 'rolled-back',
      digest: digestOf(bad),
    });
    expect(
      github
        .deployments()
        .at(-1)
        ?.statuses.map((s) => s.state),
    ).toEqual(['in_progress', 'failure', 'failure']);
  }, 180_000);

  it('a tag is refused with exit 1 before anything is touched', async () => {
    const spec = docker(['service', 'inspect', target, '--format', '{{.Version.Index}}']);
    const r = await runAction('actions/replace-fleet', inputs(`${repo}:latest`), runnerEnv());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('it must be pinned by digest');
    expect(r.outputs).toEqual({});
    expect(docker(['service', 'inspect', target, '--format', '{{.Version.Index}}'])).toBe(spec);
  }, 60_000);
});
