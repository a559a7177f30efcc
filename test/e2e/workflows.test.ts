import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProvider } from '@kiln/core/fleet';
import {
  type Balancer,
  balancerRouter,
  commitAll,
  makeWorkspace,
  ROOT,
  type RunResult,
  runWorkflow,
  startBalancer,
  stopBalancer,
  taskDigests,
  testEnvironment,
} from '@kiln/local';
import { runKiln } from '../support/run-cli.js';

// The repository's three workflow files, as committed, run by the local runner on the committed
// dist/ bundles against the real registry and swarm, each behind a haproxy of its own; what they
// did is checked with tools that share no code with Kiln: skopeo for the registry, docker
// service ps / inspect for the tasks. Service names and the repository are this run's own.
const env = testEnvironment();
const dockerHost = env.engine.dockerHost;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
/** kiln.yml's `kiln-demo` names become this: staging `<name>-staging`, production `<name>-blue|green`. */
const name = `kiln-wf-${run}`;
const image = `${env.registry.host}/e2e-wf-${run}/shop`;
const REPLICAS = 2; // .github/kiln.yml's swarm.replicas
const INDEX = 'examples/shop/www/index.html';

const skopeo = (args: string[]): string =>
  execFileSync('skopeo', [...args], { encoding: 'utf8', stdio: 'pipe' });
/** The digest the registry serves for `ref` (skopeo inspect, no tag listing). */
const registryDigest = (ref: string): string =>
  (
    JSON.parse(skopeo(['inspect', '--no-tags', '--tls-verify=false', `docker://${ref}`])) as {
      Digest: string;
    }
  ).Digest;

describe('the example workflows through the local runner (committed bundles)', () => {
  let work = '';
  let ws = '';
  const balancers = {} as Record<'staging' | 'production', Balancer>;
  const logs: string[] = [];
  const baked: Record<string, string> = {};

  const runFile = async (
    file: string,
    opts: {
      event?: 'push' | 'pull_request' | 'workflow_dispatch';
      inputs?: Record<string, string>;
    },
  ): Promise<RunResult> => {
    logs.push(`=== ${file} ${opts.event ?? ''}`);
    return runWorkflow({
      workflow: `.github/workflows/${file}`,
      workspace: ws,
      ...opts,
      vars: {
        KILN_IMAGE: image,
        KILN_BASE_IMAGE: `${env.registry.host}/e2e-wf-${run}/busybox-base`,
        KILN_STAGING_URL: balancers.staging.url,
        KILN_PRODUCTION_URL: balancers.production.url,
        KILN_STAGING_HAPROXY_SOCKET: balancers.staging.socket,
        KILN_PRODUCTION_HAPROXY_SOCKET: balancers.production.socket,
        KILN_HAPROXY_SOCKET: balancers.production.socket,
      },
      env: { ...process.env, DOCKER_HOST: dockerHost },
      repository: { repository: 'local/shop', branch: 'main', baseBranch: 'main' },
      log: (l) => logs.push(l),
    });
  };
  const jobs = (r: RunResult): Record<string, string> =>
    Object.fromEntries(r.jobs.map((j) => [j.id, j.result]));
  const job = (r: RunResult, id: string) => {
    const j = r.jobs.find((x) => x.id === id);
    if (!j) throw new Error(`no job ${id}`);
    return j;
  };
  /** Every running task of production's live colour and of staging, by their image digests. */
  const running = async (): Promise<{ staging: string[]; production: string[] }> => {
    const live = await balancerRouter(balancers.production).live();
    return {
      staging: await taskDigests(dockerHost, `${name}-staging`),
      production: live ? await taskDigests(dockerHost, `${name}-${live}`) : [],
    };
  };

  beforeAll(async () => {
    work = mkdtempSync(join(ROOT, '.kiln', 'e2e-workflows-'));
    ws = join(work, 'workspace');
    for (const e of ['staging', 'production'] as const)
      balancers[e] = await startBalancer(join(work, `lb-${e}`), []);
    await makeWorkspace(ws, (text) =>
      text.replace(/^image: .*$/m, `image: ${image}`).replaceAll('kiln-demo', name),
    );
    expect(readFileSync(join(ws, '.github/kiln.yml'), 'utf8')).not.toContain('kiln-demo');
    await commitAll(ws, 'v1: the shop');
  }, 60_000);

  afterAll(async () => {
    if (process.env.KILN_DEBUG) process.stderr.write(`${logs.join('\n')}\n`);
    // Production first: the network belongs to staging's service, which made it.
    for (const target of [name, `${name}-staging`])
      await (await loadProvider('swarm', { target, dockerHost })).remove(name);
    for (const e of ['staging', 'production'] as const)
      if (balancers[e]) await stopBalancer(join(work, `lb-${e}`));
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it('pr.yml: the required check passes on a good change and fails on one that ships a forbidden file', async () => {
    const good = await runFile('pr.yml', { event: 'pull_request' });
    expect(jobs(good)).toEqual({ validate: 'success' });
    const validate = job(good, 'validate').steps.find(
      (s) => s.id === 'validate' && s.phase === 'main',
    );
    expect(validate?.outputs.result).toBe('pass');

    writeFileSync(join(ws, 'examples/shop/www/index.html.bak'), 'an editor leftover\n');
    await commitAll(ws, 'a change that ships a backup file');
    const bad = await runFile('pr.yml', { event: 'pull_request' });
    expect(jobs(bad)).toEqual({ validate: 'failure' });
    expect(bad.conclusion).toBe('failure');
    expect(JSON.stringify(bad.annotations)).toContain('index.html.bak');
    rmSync(join(ws, 'examples/shop/www/index.html.bak'));
    await commitAll(ws, 'v1 again: no backup file');
  }, 120_000);

  it('release.yml: the digest bake output in staging is the digest every production task runs', async () => {
    const r = await runFile('release.yml', { event: 'push' });
    expect(jobs(r)).toEqual({
      bake: 'success',
      validate: 'success',
      'deploy-staging': 'success',
      promote: 'success',
      'deploy-production': 'success',
    });
    const digest = job(r, 'bake').outputs.digest as string;
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    baked.v1 = digest;
    expect(registryDigest(`${image}@${digest}`)).toBe(digest);
    expect(job(r, 'promote').outputs.image).toBe(`${image}@${digest}`);
    expect(job(r, 'deploy-production').outputs.image).toBe(`${image}@${digest}`);
    const tasks = await running();
    expect(tasks.staging).toEqual(Array(REPLICAS).fill(digest));
    expect(tasks.production).toEqual(Array(REPLICAS).fill(digest));
  }, 240_000);

  it('release.yml again on a new commit, then rollback.yml takes production back to the first digest', async () => {
    writeFileSync(
      join(ws, INDEX),
      readFileSync(join(ws, INDEX), 'utf8').replace('</body>', '<p>v3</p></body>'),
    );
    await commitAll(ws, 'v3: a new line on the page');
    const r = await runFile('release.yml', { event: 'push' });
    expect(r.conclusion).toBe('success');
    const v3 = job(r, 'bake').outputs.digest as string;
    expect(v3).not.toBe(baked.v1);
    expect(registryDigest(`${image}@${v3}`)).toBe(v3);
    expect(await running()).toEqual({
      staging: Array(REPLICAS).fill(v3),
      production: Array(REPLICAS).fill(v3),
    });

    const back = await runFile('rollback.yml', {
      event: 'workflow_dispatch',
      inputs: { environment: 'production', reason: 'e2e: back to v1' },
    });
    expect(jobs(back)).toEqual({ rollback: 'success' });
    const step = job(back, 'rollback').steps.find((s) => s.id === 'rollback' && s.phase === 'main');
    expect(step?.outputs).toMatchObject({
      'rolled-back-to': `${image}@${baked.v1}`,
      'rolled-back-from': `${image}@${v3}`,
    });
    // Production is back on v1 task by task; staging, not rolled back, still runs v3.
    expect(await running()).toEqual({
      staging: Array(REPLICAS).fill(v3),
      production: Array(REPLICAS).fill(baked.v1),
    });
    // The digest rolled back from is quarantined: skopeo finds the entry among its referrers.
    const referrers = JSON.parse(
      skopeo([
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${image}:${v3.replace(':', '-')}`,
      ]),
    ) as { manifests: Array<{ annotations?: Record<string, string> }> };
    expect(referrers.manifests.map((m) => m.annotations?.['dev.kiln.ledger.action'])).toContain(
      'quarantine',
    );

    // kiln status reads the same: production on v1, N/N, its head the rollback entry.
    const status = await runKiln(['status', '--config', join(ws, '.github/kiln.yml')], {
      DOCKER_HOST: dockerHost,
    });
    logs.push(status.stdout, status.stderr);
    expect(status.code).toBe(0);
    const row = (e: string) => status.stdout.split('\n').find((l) => l.startsWith(`${e} `)) ?? '';
    expect(row('production')).toContain(`${baked.v1?.slice(0, 19)}…  ${REPLICAS}/${REPLICAS} `);
    expect(row('production')).toMatch(/ #\d+ rollback\/deployed /);
    expect(row('staging')).toContain(`${v3.slice(0, 19)}…  ${REPLICAS}/${REPLICAS} `);
  }, 300_000);
});
