// `npm run demo`: Kiln's whole chain on this machine, as users run it: the repository's own
// workflow files (.github/workflows/release.yml and rollback.yml) run by Kiln's local workflow
// runner on the sample app, against a local registry, a single-node swarm and haproxy.
// `npm run demo -- --down` stops it all again.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadProvider } from '@kiln/core/fleet';
import { errorMessage } from '@kiln/core/errors';
import type { StoredEntry } from '@kiln/core/ledger';
import { type Balancer, balancerRouter, startBalancer, stopBalancer } from '../balancer.js';
import { down, type KilnEnvironment, readEnvironment, up } from '../environment.js';
import { ensurePackages } from '../packages.js';
import { runWorkflow, type RunResult } from '../runner/index.js';
import { ROOT, STATE } from '../services.js';
import { DemoError } from './demo-error.js';
import { taskDigests } from './task-digests.js';
import { commitAll, gitIn, makeWorkspace } from './workspace.js';

const run = promisify(execFile);

export const STOP_COMMAND = 'npm run demo -- --down';
/** The demo's own state inside the environment's: its workspace, balancers and demo.json. */
export const DEMO_DIR = join(STATE, 'demo');
/** The working tree the workflows run on: a git repository with one commit per release. */
export const DEMO_WORKSPACE = join(DEMO_DIR, 'workspace');
const DEMO_FILE = join(DEMO_DIR, 'demo.json');
export const DEMO_ENVIRONMENTS = ['staging', 'production'] as const;
export type DemoEnvName = (typeof DEMO_ENVIRONMENTS)[number];
/** The services .github/kiln.yml names (production is blue-green: two colours). */
const SERVICES = ['kiln-demo-staging', 'kiln-demo-blue', 'kiln-demo-green', 'kiln-demo'];
/** The page the fleet's health check asks for; release v2 ships without it. */
const PAGE = 'examples/shop/www/cgi-bin/index.sh';

export type DemoLog = (line: string) => void;

/** One workflow run of the story. */
export interface DemoRun {
  release: string;
  workflow: string;
  commit: string;
  conclusion: RunResult['conclusion'];
  /** job id → result */
  jobs: Record<string, string>;
  durationMs: number;
}

/** Everything the demo did, for a test or another script to check. */
export interface DemoFacts {
  registry: string;
  dockerHost: string;
  image: string;
  /** release name (v1, v2, v3) → the digest the bake job output */
  baked: Record<string, string>;
  runs: DemoRun[];
  /** the deploy-staging outcome of v2 (rolled-back) */
  v2StagingOutcome: string;
  quarantined: Record<string, boolean>;
  /** per environment: the service that serves traffic and its running tasks' image digests (docker service ps/inspect) */
  tasks: Record<DemoEnvName, { service: string; digests: string[] }>;
  /** what each environment's page says through its balancer */
  pages: Record<DemoEnvName, string>;
  urls: Record<DemoEnvName, string>;
  /** `kiln ledger verify ENV` exit codes and output */
  ledgerVerify: Record<DemoEnvName, { code: number; output: string }>;
  status: string;
  stop: string;
  timingsMs: Record<string, number>;
}

export interface DemoOptions {
  log?: DemoLog;
}

interface DemoState {
  ports?: Partial<Record<DemoEnvName, number>>;
}

function readState(): DemoState {
  try {
    return JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as DemoState;
  } catch {
    return {};
  }
}

const git = (args: string[]): Promise<string> => gitIn(DEMO_WORKSPACE, args);
const commit = (message: string): Promise<string> => commitAll(DEMO_WORKSPACE, message);

/** Whether the ledger (in `image`'s repository) quarantines `digest`, and the entry that does. */
async function quarantineOf(
  image: string,
  digest: string,
): Promise<{ quarantined: boolean; entry?: StoredEntry }> {
  const [{ Registries, parseReference }, { isQuarantined }] = await Promise.all([
    import('@kiln/core/oci'),
    import('@kiln/core/ledger'),
  ]);
  const ref = parseReference(image);
  return isQuarantined(new Registries().repository(ref.registry, ref.repository), digest as never);
}

async function kilnCli(
  args: string[],
  dockerHost: string,
): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'packages/cli/src/main.ts'), ...args],
      { cwd: DEMO_WORKSPACE, env: { ...process.env, DOCKER_HOST: dockerHost } },
    );
    return { code: 0, output: `${stdout}${stderr}`.trim() };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() };
  }
}

/**
 * Runs the demo: the environment and two balancers (staging, production), then the story:
 * release v1 to production; v2, whose page is missing, rolled back by itself in staging and
 * quarantined; v3 to production; rollback.yml takes production back to v1.
 */
export async function runDemo(opts: DemoOptions = {}): Promise<DemoFacts> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const timings: Record<string, number> = {};
  const t0 = Date.now();
  const step = async <T>(name: string, title: string, fn: () => Promise<T>): Promise<T> => {
    log(`==> ${title}`);
    const start = Date.now();
    try {
      return await fn();
    } finally {
      timings[name] = Date.now() - start;
      log(`    (${((Date.now() - start) / 1000).toFixed(1)} s)`);
    }
  };
  const sub: DemoLog = (l) => log(`    ${l}`);

  // 1. The embedded default: a local registry, a single-node swarm, a balancer per environment.
  const { env, balancers } = await step(
    'environment',
    'environment: local registry, single-node swarm, haproxy',
    async () => {
      let r: { env: KilnEnvironment; started: boolean };
      try {
        ensurePackages(sub);
        r = await up(sub);
      } catch (err) {
        throw new DemoError(`could not start the environment: ${errorMessage(err)}`, {
          cause: err,
        });
      }
      mkdirSync(DEMO_DIR, { recursive: true });
      const previous = readState().ports ?? {};
      const lbs = {} as Record<DemoEnvName, Balancer>;
      for (const e of DEMO_ENVIRONMENTS)
        lbs[e] = await startBalancer(join(DEMO_DIR, `lb-${e}`), [], previous[e]);
      writeFileSync(
        DEMO_FILE,
        JSON.stringify({ ports: { staging: lbs.staging.port, production: lbs.production.port } }),
      );
      sub(`registry  http://${r.env.registry.host}   engine ${r.env.engine.dockerHost}`);
      for (const e of DEMO_ENVIRONMENTS)
        sub(`${e.padEnd(10)} ${lbs[e].url} (haproxy ${lbs[e].pid})`);
      return { env: r.env, balancers: lbs };
    },
  );
  const registry = env.registry.host;
  const image = `${registry}/kiln/shop`;
  await makeWorkspace(DEMO_WORKSPACE, (text) =>
    text.replace(/^image: .*$/m, `image: ${registry}/kiln/shop`),
  );

  const vars = {
    KILN_IMAGE: image,
    KILN_BASE_IMAGE: `${registry}/kiln/busybox-base`,
    KILN_STAGING_URL: balancers.staging.url,
    KILN_PRODUCTION_URL: balancers.production.url,
    KILN_STAGING_HAPROXY_SOCKET: balancers.staging.socket,
    KILN_PRODUCTION_HAPROXY_SOCKET: balancers.production.socket,
  };
  const runEnv = { ...process.env, DOCKER_HOST: env.engine.dockerHost };
  const runs: DemoRun[] = [];
  const baked: Record<string, string> = {};
  let v2StagingOutcome = '';
  const workflow = async (
    release: string,
    file: string,
    extra: {
      event?: 'push' | 'workflow_dispatch';
      inputs?: Record<string, string>;
      vars?: Record<string, string>;
    } = {},
  ): Promise<RunResult> => {
    const commitSha = await git(['rev-parse', 'HEAD']);
    const result = await runWorkflow({
      workflow: file,
      workspace: DEMO_WORKSPACE,
      event: extra.event ?? 'push',
      ...(extra.inputs ? { inputs: extra.inputs } : {}),
      vars: { ...vars, ...extra.vars },
      env: runEnv,
      repository: { repository: 'local/shop', branch: 'main' },
      log: (l) => log(`      ${l}`),
    });
    runs.push({
      release,
      workflow: file,
      commit: commitSha,
      conclusion: result.conclusion,
      jobs: Object.fromEntries(result.jobs.map((j) => [j.id, j.result])),
      durationMs: result.durationMs,
    });
    const bake = result.jobs.find((j) => j.id === 'bake');
    if (bake?.outputs.digest) baked[release] = bake.outputs.digest;
    sub(
      `${file}: ${result.conclusion} — ${result.jobs.map((j) => `${j.id} ${j.result}`).join(', ')}`,
    );
    return result;
  };
  const mustSucceed = (r: RunResult, what: string): void => {
    if (r.conclusion !== 'success')
      throw new DemoError(
        `${what} failed: ${r.jobs
          .filter((j) => j.result === 'failure')
          .map(
            (j) =>
              `${j.id}: ${j.reason ?? j.steps.find((s) => s.outcome === 'failure')?.reason ?? 'failed'}`,
          )
          .join('; ')}`,
      );
  };

  // 2. Release v1: bake → validate → staging → promote → production.
  await step('v1', 'release v1: push to main runs release.yml', async () => {
    await commit('v1: the shop');
    mustSucceed(await workflow('v1', '.github/workflows/release.yml'), 'release v1');
  });

  // 3. Release v2 ships without the page its health check asks for: validated (the smoke test
  //    checks the front page), then rolled back by replace-fleet itself in staging, which
  //    quarantines its digest, so promote and deploy refuse it everywhere afterwards.
  await step(
    'v2',
    'release v2: the page is missing; staging rolls it back by itself and quarantines it',
    async () => {
      rmSync(join(DEMO_WORKSPACE, PAGE));
      await commit('v2: lose the page (a broken health check)');
      const r = await workflow('v2', '.github/workflows/release.yml');
      const deploy = r.jobs.find((j) => j.id === 'deploy-staging');
      v2StagingOutcome =
        deploy?.steps.find((s) => s.id === 'deploy' && s.phase === 'main')?.outputs.outcome ?? '';
      if (r.conclusion !== 'failure' || v2StagingOutcome !== 'rolled-back')
        throw new DemoError(
          `release v2 should have been rolled back in staging; it ended ${r.conclusion} (staging outcome ${v2StagingOutcome || 'none'})`,
        );
      sub(`staging: ${v2StagingOutcome}; promote and production did not run`);
      // replace-fleet quarantined the digest it rolled back (quarantine-on-rollback): checked here.
      const digest = baked.v2;
      if (!digest) throw new DemoError('release v2 baked no digest');
      const q = await quarantineOf(image, digest);
      if (!q.quarantined)
        throw new DemoError(
          `replace-fleet rolled v2 back in staging but did not quarantine ${digest}`,
        );
      sub(
        `quarantined by replace-fleet: ${digest.slice(0, 19)}… (${q.entry?.entry.env} ledger seq ${q.entry?.entry.seq}: ${q.entry?.entry.reason ?? ''})`,
      );
    },
  );

  // 4. Release v3 (the page is back) to production.
  await step('v3', 'release v3: the page is back, through to production', async () => {
    cpSync(join(ROOT, PAGE), join(DEMO_WORKSPACE, PAGE));
    await commit('v3: the page is back');
    mustSucceed(await workflow('v3', '.github/workflows/release.yml'), 'release v3');
  });

  // 5. rollback.yml takes production back to v1 (the previous healthy digest there).
  await step('rollback', 'rollback.yml: production back to v1', async () => {
    mustSucceed(
      await workflow('rollback', '.github/workflows/rollback.yml', {
        event: 'workflow_dispatch',
        inputs: { environment: 'production', reason: 'demo: back to v1' },
        vars: { KILN_HAPROXY_SOCKET: balancers.production.socket },
      }),
      'rollback.yml',
    );
  });

  // 6. What runs where, checked with docker and the CLI.
  const facts = await step('status', 'what runs where', async () => {
    const live = (await balancerRouter(balancers.production).live()) ?? 'blue';
    const services: Record<DemoEnvName, string> = {
      staging: 'kiln-demo-staging',
      production: `kiln-demo-${live}`,
    };
    const tasks = {} as DemoFacts['tasks'];
    const pages = {} as DemoFacts['pages'];
    const ledgerVerify = {} as DemoFacts['ledgerVerify'];
    for (const e of DEMO_ENVIRONMENTS) {
      tasks[e] = {
        service: services[e],
        digests: await taskDigests(env.engine.dockerHost, services[e]),
      };
      const res = await fetch(new URL('/cgi-bin/index.sh', balancers[e].url), {
        signal: AbortSignal.timeout(5000),
      }).catch(() => undefined);
      pages[e] = res ? `${res.status} ${(await res.text()).trim()}` : 'no answer';
      ledgerVerify[e] = await kilnCli(['ledger', 'verify', e], env.engine.dockerHost);
    }
    const quarantined: Record<string, boolean> = {};
    for (const [release, digest] of Object.entries(baked))
      quarantined[release] = (await quarantineOf(image, digest)).quarantined;
    const status = await kilnCli(['status'], env.engine.dockerHost);
    sub(status.output.split('\n').join('\n    '));
    return { tasks, pages, ledgerVerify, quarantined, status: status.output };
  });

  timings.total = Date.now() - t0;
  return {
    registry,
    dockerHost: env.engine.dockerHost,
    image,
    baked,
    runs,
    v2StagingOutcome,
    ...facts,
    urls: { staging: balancers.staging.url, production: balancers.production.url },
    stop: STOP_COMMAND,
    timingsMs: timings,
  };
}

const short = (d: string | undefined): string => (d ? d.slice(0, 19) : '-');

/** The closing story the CLI prints. */
export function formatSummary(f: DemoFacts): string {
  const s = (name: string): string => `${((f.timingsMs[name] ?? 0) / 1000).toFixed(1)} s`;
  const runFor = (r: string): DemoRun | undefined => f.runs.find((x) => x.release === r);
  const prodDigests = [...new Set(f.tasks.production.digests)].map(short).join(', ');
  return [
    '',
    "Kiln demo: the repository's own workflows, run here by the local runner",
    '',
    `  v1        ${short(f.baked.v1)}  baked once, validated, staging, promoted, production   ${s('v1')}`,
    `  v2        ${short(f.baked.v2)}  validated, ${f.v2StagingOutcome} in staging by itself, ${f.quarantined.v2 ? 'quarantined by replace-fleet' : 'NOT quarantined'}   ${s('v2')}`,
    `  v3        ${short(f.baked.v3)}  through to production (${runFor('v3')?.conclusion ?? '-'})   ${s('v3')}`,
    `  rollback  rollback.yml: production back to v1 (${runFor('rollback')?.conclusion ?? '-'})   ${s('rollback')}`,
    '',
    `  production runs ${prodDigests} on ${f.tasks.production.digests.length} tasks of ${f.tasks.production.service}`,
    `  ledger verify: ${DEMO_ENVIRONMENTS.map((e) => `${e} ${f.ledgerVerify[e].code === 0 ? 'ok' : `exit ${f.ledgerVerify[e].code}`}`).join(', ')}`,
    '',
    ...f.status.split('\n').map((l) => `  ${l}`),
    '',
    `  open      staging    ${f.urls.staging}`,
    `            production ${f.urls.production}`,
    `  stop      ${f.stop}`,
    '',
    `  took ${((f.timingsMs.total ?? 0) / 1000).toFixed(1)} s`,
    '',
  ].join('\n');
}

export interface DownOptions {
  log?: DemoLog;
  /** Stop the demo's services and balancers but leave the registries and the engine running. */
  keepEnvironment?: boolean;
}

/** `npm run demo -- --down`: the services, the demo's balancers, and the environment. */
export async function stopDemo(opts: DownOptions = {}): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const env = readEnvironment();
  if (env && existsSync(env.engine.dockerHost.replace(/^unix:\/\//, ''))) {
    for (const target of SERVICES) {
      try {
        const fleet = await loadProvider('swarm', { target, dockerHost: env.engine.dockerHost });
        const removed = await fleet.remove(target);
        if (removed.length) log(`removed service ${removed.join(', ')}`);
      } catch (err) {
        log(`could not remove ${target}: ${errorMessage(err)}`);
        if (opts.keepEnvironment) throw err;
      }
    }
  } else {
    log('no environment running');
  }
  for (const e of DEMO_ENVIRONMENTS)
    if (await stopBalancer(join(DEMO_DIR, `lb-${e}`))) log(`stopped the ${e} balancer`);
  rmSync(DEMO_DIR, { recursive: true, force: true });
  if (!opts.keepEnvironment) {
    await down();
    log(`stopped the registries and the engine (${STATE})`);
  }
}
