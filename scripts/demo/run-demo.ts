// `npm run demo`: the first form of Kiln's main job, end to end on this machine. Bake the sample
// app once, validate that exact digest, run it as a replicated swarm service by digest, and put
// one URL in front of it. `npm run demo -- --down` stops it all again.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { bakeImage, parseBakeRequest } from '@kiln/core/bake';
import { DockerCli } from '@kiln/core/engine';
import { fromRecord } from '@kiln/core/inputs';
import * as github from '@kiln/core/github';
import { parseValidateRequest, validateImage } from '@kiln/core/validate';
import { Registries } from '@kiln/core/oci';
import { type DeployOutcome, type FleetTask, loadProvider } from '@kiln/core/fleet';
import {
  down,
  type KilnEnvironment,
  readEnvironment,
  up,
  BALANCER_DIR,
  ensurePackages,
  ROOT,
  STATE,
  sampleAppInputs,
  BASE_EPOCH,
  BASE_TAG,
  busyboxBaseInputs,
  withBusyboxBaseContext,
  type Balancer,
  balancerRouter,
  startBalancer,
} from '@kiln/local';

const run = promisify(execFile);

/** The sample app's health check, the same command the image declares. */
export const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1';
export const APP_PORT = 8080;
export const DEMO_NAME = 'kiln-demo';
export const DEMO_REPLICAS = 3;
export const POLICY_FILE = join(ROOT, 'examples', 'kiln-policy.yml');
export const HEALTH_URL = `http://127.0.0.1:${APP_PORT}/`;
export const STOP_COMMAND = 'npm run demo -- --down';
/** The demo's own state (demo.json) inside the environment's. */
export const DEMO_DIR = join(STATE, 'demo');
const DEMO_FILE = join(DEMO_DIR, 'demo.json');

export type Log = (line: string) => void;

/** Everything the demo printed, for a test or another script to check. */
export interface DemoFacts {
  environment: {
    registry: string;
    dockerHost: string;
    swarm: { nodeId: string; address: string };
    /** false when an environment that was already running was reused */
    started: boolean;
  };
  revision: string;
  base: string;
  /** `repo@sha256:…` */
  image: string;
  digest: string;
  reproducible: string;
  validation: {
    result: 'pass' | 'fail';
    policy: string;
    rules: Array<{ rule: string; status: string; message: string }>;
    smoke?: { status: string; probe?: string; durationMs: number; reason?: string };
    evidence: string;
    report: string;
  };
  service: {
    name: string;
    network: string;
    outcome: DeployOutcome;
    /** `3/3 healthy on sha256:…` */
    proof: string;
    tasks: FleetTask[];
  };
  balancer: {
    url: string;
    pid: number;
    config: string;
    servers: Array<{ name: string; sessions: number }>;
  };
  /** The URL to open: `/` redirects to the revision page. */
  url: string;
  /** What the revision page said through the load balancer. */
  page: string;
  stop: string;
  timingsMs: Record<string, number>;
}

export interface DemoOptions {
  log?: Log;
  /** Policy file for validate-image; default examples/kiln-policy.yml. */
  policy?: string;
}

/** A failure the demo explains; the CLI prints the message without a stack. */
export class DemoError extends Error {
  override readonly name = 'DemoError';
}

interface DemoState {
  port?: number;
  image?: string;
  url?: string;
}

function readState(): DemoState {
  try {
    return JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as DemoState;
  } catch {
    return {};
  }
}

/** The commit the demo bakes: the runner's on Actions, else git HEAD, else `demo` outside git. */
async function demoRevision(): Promise<{ revision: string; inGit: boolean }> {
  const ctx = github.readRunContext();
  if (ctx.commit) return { revision: ctx.commit, inGit: true };
  try {
    const { stdout } = await run('git', ['rev-parse', 'HEAD'], { cwd: ROOT });
    return { revision: stdout.trim(), inGit: true };
  } catch {
    return { revision: 'demo', inGit: false };
  }
}

async function registryAnswers(env: KilnEnvironment | undefined): Promise<boolean> {
  if (!env) return false;
  try {
    const res = await fetch(`http://${env.registry.host}/v2/`, {
      signal: AbortSignal.timeout(3000),
    });
    return res.status === 200 || res.status === 401;
  } catch {
    return false;
  }
}

/** Starts (or reuses) the registries and the swarm; cleans up after a start that failed half-way. */
async function startEnvironment(log: Log): Promise<{ env: KilnEnvironment; started: boolean }> {
  const reuse = await registryAnswers(readEnvironment());
  try {
    return await up(log);
  } catch (err) {
    if (!reuse) await down().catch(() => {});
    throw new DemoError(`could not start the environment: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

/**
 * Runs the demo: environment, bake (base + app, verify-reproducible), validate (policy +
 * smoke, evidence), a 3-replica swarm service by digest, haproxy in front, checked by fetch.
 * Safe to run again: the service is updated to the new digest and haproxy reloaded.
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
  const sub: Log = (l) => log(`    ${l}`);

  // 1. The embedded default: a local registry and a single-node swarm.
  const { env, started, swarm } = await step(
    'environment',
    'environment: local registry + single-node swarm',
    async () => {
      try {
        ensurePackages(sub);
      } catch (err) {
        throw new DemoError((err as Error).message, { cause: err });
      }
      const r = await startEnvironment(sub);
      const docker = new DockerCli({ dockerHost: r.env.engine.dockerHost });
      // The manager's address with its port (the environment picks a free one).
      const [nodeId = '', state = '', address = ''] = (
        await docker.output([
          'info',
          '--format',
          '{{.Swarm.NodeID}} {{.Swarm.LocalNodeState}} {{range .Swarm.RemoteManagers}}{{.Addr}}{{end}}',
        ])
      ).split(' ');
      if (state !== 'active')
        throw new DemoError(
          `the engine at ${r.env.engine.dockerHost} is not in swarm mode (state ${state})`,
        );
      sub(`${r.started ? 'started' : 'reusing'} the environment in ${STATE}`);
      sub(`registry  http://${r.env.registry.host}`);
      sub(
        `engine    ${r.env.engine.dockerHost} (swarm manager ${nodeId.slice(0, 12)} on ${address})`,
      );
      return { ...r, swarm: { nodeId, address } };
    },
  );
  const registries = new Registries();
  mkdirSync(DEMO_DIR, { recursive: true });

  // 2. Bake once: the busybox base, then the sample app on it.
  const { revision, inGit } = await demoRevision();
  const base = await step(
    'bakeBase',
    'bake the busybox base (examples/busybox-base, from /bin/busybox)',
    () =>
      withBusyboxBaseContext(async (ctx) => {
        const repository = `${env.registry.host}/kiln/busybox-base`;
        const req = parseBakeRequest(fromRecord(busyboxBaseInputs(repository, ctx)));
        const r = await bakeImage(req, registries, sub);
        sub(`base ${r.image} (tag ${BASE_TAG})`);
        return { ...r, tagged: `${repository}:${BASE_TAG}` };
      }),
  );
  const app = await step(
    'bakeApp',
    `bake the sample app (examples/shop) at revision ${revision}`,
    async () => {
      const inputs = sampleAppInputs(env.registry.host, base.tagged, {
        image: `${env.registry.host}/kiln/shop`,
        env: `APP_REVISION=${revision}`,
        // The label the policy's revision rule reads: the same value the page shows.
        labels: `org.opencontainers.image.revision=${revision}`,
        tags: 'demo',
        'verify-reproducible': 'true',
        ...(inGit
          ? {}
          : { 'source-date-epoch': process.env.SOURCE_DATE_EPOCH ?? String(BASE_EPOCH) }),
      });
      const r = await bakeImage(parseBakeRequest(fromRecord(inputs), ROOT), registries, sub);
      if (r.reproducible !== 'true')
        throw new DemoError(`the bake was not proven reproducible (${r.reproducible})`);
      sub(`image ${r.image}`);
      return r;
    },
  );

  // 3. Validate that exact digest: policy rules read from the image, a smoke run, evidence.
  const policyFile = opts.policy ?? POLICY_FILE;
  const policyRel = policyFile.startsWith(`${ROOT}/`) ? relative(ROOT, policyFile) : policyFile;
  const validation = await step(
    'validate',
    `validate: policy ${policyRel} + smoke run`,
    async () => {
      const req = parseValidateRequest(
        fromRecord({
          image: app.image,
          policy: policyFile,
          'health-url': HEALTH_URL,
          'smoke-timeout': '60s',
        }),
        ROOT,
        revision,
      );
      const v = await validateImage(req, registries, {
        log: sub,
        dockerHost: env.engine.dockerHost,
        reportDir: DEMO_DIR,
      });
      if (v.result !== 'pass') {
        const failed = v.report.rules
          .filter((r) => r.status === 'fail')
          .map((r) => `${r.rule}: ${r.message}`);
        if (v.report.smoke?.status === 'fail')
          failed.push(`smoke: ${v.report.smoke.reason ?? 'failed'}`);
        throw new DemoError(
          `validation failed, so ${app.image} is not deployed (evidence ${v.evidence}, report ${v.reportPath}):\n  ${failed.join('\n  ')}`,
        );
      }
      return v;
    },
  );

  // 4. Run it by digest as a replicated swarm service through the swarm provider, haproxy in front.
  const previous = readState();
  const b: Balancer = await startBalancer(BALANCER_DIR, [], previous.port ?? env.balancer.port);
  const router = balancerRouter(b);
  const { outcome, proof, tasks } = await step(
    'service',
    `run ${DEMO_REPLICAS} replicas by digest as swarm service ${DEMO_NAME} (rolling, start-first)`,
    async () => {
      const fleet = await loadProvider('swarm', {
        target: DEMO_NAME,
        dockerHost: env.engine.dockerHost,
        router,
        log: sub,
      });
      const r = await fleet.deploy({
        image: app.image,
        strategy: 'rolling',
        batchSize: 1,
        healthTimeoutMs: 180_000,
        autoRollback: true,
        keepWarmMs: 0,
        replicas: DEMO_REPLICAS,
        port: APP_PORT,
        network: DEMO_NAME,
        health: {
          cmd: HEALTH_CMD,
          intervalMs: 2000,
          timeoutMs: 2000,
          retries: 3,
          startPeriodMs: 2000,
        },
      });
      if (r.outcome === 'rolled-back')
        throw new DemoError(`the swarm did not take ${app.image}: ${r.reason ?? 'rolled back'}`);
      const ts = (await fleet.current()).tasks;
      for (const t of ts) sub(`task ${t.id.slice(0, 12)}  ${t.address ?? '-'}  ${t.health}`);
      return { outcome: r.outcome, proof: r.proof.summary, tasks: ts };
    },
  );

  const { balancer, page, servers } = await step(
    'balancer',
    'load balancer: haproxy on the host in front of the tasks',
    async () => {
      writeFileSync(
        DEMO_FILE,
        JSON.stringify({ port: b.port, image: app.image, url: b.url } satisfies DemoState, null, 2),
      );
      sub(`haproxy pid ${b.pid}, config ${b.config}`);
      const live = (await router.live()) ?? 'blue';
      await router.waitReady(live, tasks.length, 30_000);
      sub(`health checks: ${tasks.length}/${tasks.length} servers of the ${live} pool UP`);
      const pageUrl = `${b.url}cgi-bin/index.sh`;
      let body = '';
      const requests = tasks.length * 2;
      for (let i = 0; i < requests; i++) {
        const res = await fetch(pageUrl, { signal: AbortSignal.timeout(5000) });
        body = await res.text();
        if (res.status !== 200 || !body.includes(`revision <code>${revision}</code>`)) {
          throw new DemoError(
            `GET ${pageUrl} answered ${res.status} without the revision ${revision}:\n${body.slice(0, 300)}`,
          );
        }
      }
      const stats = (await router.stats(live)).filter((s) => s.status !== 'MAINT');
      sub(
        `GET ${pageUrl}: ${requests} × 200 with revision ${revision}; served by ${stats.filter((s) => s.sessions > 0).length} servers`,
      );
      return {
        balancer: b,
        page: body.trim(),
        servers: stats.map((s) => ({ name: s.name, sessions: s.sessions })),
      };
    },
  );

  timings.total = Date.now() - t0;
  return {
    environment: {
      registry: env.registry.host,
      dockerHost: env.engine.dockerHost,
      swarm,
      started,
    },
    revision,
    base: base.image,
    image: app.image,
    digest: app.digest,
    reproducible: app.reproducible,
    validation: {
      result: validation.result,
      policy: policyRel,
      rules: validation.report.rules.map((r) => ({
        rule: r.rule,
        status: r.status,
        message: r.message,
      })),
      ...(validation.report.smoke
        ? {
            smoke: {
              status: validation.report.smoke.status,
              durationMs: validation.report.smoke.durationMs,
              ...(validation.report.smoke.probe ? { probe: validation.report.smoke.probe } : {}),
              ...(validation.report.smoke.reason ? { reason: validation.report.smoke.reason } : {}),
            },
          }
        : {}),
      evidence: validation.evidence,
      report: validation.reportPath,
    },
    service: { name: DEMO_NAME, network: DEMO_NAME, outcome, proof, tasks },
    balancer: { url: balancer.url, pid: balancer.pid, config: balancer.config, servers },
    url: balancer.url,
    page,
    stop: STOP_COMMAND,
    timingsMs: timings,
  };
}

/** The closing block the CLI prints. */
export function formatSummary(f: DemoFacts): string {
  const width = Math.max(...f.validation.rules.map((r) => r.rule.length));
  const smoke = f.validation.smoke;
  return [
    '',
    `Kiln demo: ${f.service.name} runs ${f.service.tasks.length} replicas of one validated digest`,
    '',
    `  image     ${f.image}`,
    `  revision  ${f.revision}   (reproducible: ${f.reproducible})`,
    `  policy    ${f.validation.policy}: ${f.validation.result}`,
    ...f.validation.rules.map(
      (r) => `    ${r.status.padEnd(4)}  ${r.rule.padEnd(width)}  ${r.message}`,
    ),
    `  smoke     ${smoke ? `${smoke.status} (${smoke.probe ?? 'run'} ${HEALTH_URL}) ${smoke.reason ?? `healthy after ${smoke.durationMs} ms`}` : 'not run'}`,
    `  evidence  ${f.validation.evidence}`,
    `  service   ${f.service.name}: ${f.service.proof} (${f.service.outcome}), network ${f.service.network}`,
    '',
    `  open      ${f.url}   (the revision page, via haproxy)`,
    `  stop      ${f.stop}`,
    '',
    `  took ${(f.timingsMs.total ?? 0) / 1000} s`,
    '',
  ].join('\n');
}

export interface DownOptions {
  log?: Log;
  /** Stop the demo's service and load balancer but leave the registries and the engine running. */
  keepEnvironment?: boolean;
}

/** `npm run demo -- --down`: the service, its network, haproxy, and the environment. */
export async function stopDemo(opts: DownOptions = {}): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const env = readEnvironment();
  if (env && existsSync(env.engine.dockerHost.replace(/^unix:\/\//, ''))) {
    try {
      const fleet = await loadProvider('swarm', {
        target: DEMO_NAME,
        dockerHost: env.engine.dockerHost,
      });
      const removed = await fleet.remove(DEMO_NAME);
      log(removed.length ? `removed service ${removed.join(', ')}` : `no service ${DEMO_NAME}`);
    } catch (err) {
      log(`could not remove the service: ${(err as Error).message}`);
      if (opts.keepEnvironment) throw err;
    }
  } else {
    log('no environment running');
  }
  if (opts.keepEnvironment && env?.balancer) {
    // The environment's balancer stays, with no servers behind it.
    const b = await startBalancer(BALANCER_DIR, [], env.balancer.port);
    await balancerRouter(b).setEndpoints('blue', []);
    await balancerRouter(b).setEndpoints('green', []);
    log('load balancer emptied');
  }
  rmSync(DEMO_DIR, { recursive: true, force: true });
  if (!opts.keepEnvironment) {
    await down();
    log(`stopped the registries and the engine (${STATE})`);
  }
}
