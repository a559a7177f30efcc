// Time to restore service after a bad release, three ways side by side in one run, each on a
// fleet of its own behind a haproxy of its own, with a request loop through it:
//   - Kiln blue-green: the rollback action's core inside keep-warm (one traffic switch back),
//   - Kiln rolling: the same rollback on a rolling fleet (a start-first update to the target),
//   - `docker service rollback` on a rolling fleet (the engine's own return to its previous
//     spec), with a watcher that keeps haproxy on the healthy running tasks as a load balancer
//     fed by the engine would.
// Times count from the command's start (the rollback request parsed, the ledger read, ...).
// "restored" is when the first good answer after the last answer that was not the good
// release came back (from it on, every answer is the good one); "done" is when the command
// returned. Failed requests are any answer other than HTTP 200 or a connection error.
// Run: npm run bench:rollback  (BENCH_RUNS=3, BENCH_REPLICAS=3, BENCH_WAYS=bg,rolling,docker;
// BENCH_LOG=1 prints each step with its time; starts the local environment)
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { type KilnConfig, parseConfig } from '@kiln/core/config';
import { parseReplaceFleetRequest, replaceFleet } from '@kiln/core/deploy';
import { type Colour, digestOf, type FleetProvider, loadProvider } from '@kiln/core/fleet';
import { fromRecord } from '@kiln/core/inputs';
import { copyImage, type Digest, Registries } from '@kiln/core/oci';
import { parseRollbackRequest, rollback } from '@kiln/core/rollback';
import {
  type Balancer,
  balancerRouter,
  bakeBusyboxBase,
  sampleAppInputs,
  startBalancer,
  stopBalancer,
  up,
} from '@kiln/local';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 3);
const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1';
const PAGE = '/cgi-bin/index.sh';
/** How often the docker baseline's watcher looks at the engine (Kiln's own poll interval). */
const WATCH_MS = 500;
const GOOD = 'revision <code>v1</code>';

const exec = promisify(execFile);
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (t0: number): number => performance.now() - t0;

type Way = 'kiln blue-green' | 'kiln rolling' | 'docker service rollback';
const ALL_WAYS: Way[] = ['kiln blue-green', 'kiln rolling', 'docker service rollback'];
/** BENCH_WAYS=bg,rolling,docker picks some (default all three). */
const PICK: Record<string, Way> = {
  bg: 'kiln blue-green',
  rolling: 'kiln rolling',
  docker: 'docker service rollback',
};
const WAYS: Way[] = process.env.BENCH_WAYS
  ? process.env.BENCH_WAYS.split(',').map((w) => {
      const way = PICK[w.trim()];
      if (!way) throw new Error(`BENCH_WAYS: ${w} is not one of ${Object.keys(PICK).join(', ')}`);
      return way;
    })
  : ALL_WAYS;

interface Trial {
  restoredMs: number;
  doneMs: number;
  requests: number;
  failed: number;
  path?: string;
}

/** Requests in a loop (two at a time) while `fn` runs; when each ended and what it said. */
async function underTraffic(url: string, fn: () => Promise<string | undefined>): Promise<Trial> {
  const t0 = performance.now();
  const answers: Array<{ at: number; good: boolean; failed: boolean }> = [];
  let done = false;
  const loop = async (): Promise<void> => {
    while (!done) {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
        const body = await res.text();
        answers.push({
          at: ms(t0),
          good: res.status === 200 && body.includes(GOOD),
          failed: res.status !== 200,
        });
      } catch {
        answers.push({ at: ms(t0), good: false, failed: true });
      }
    }
  };
  const loops = [loop(), loop()];
  let path: string | undefined;
  let doneMs: number;
  try {
    path = await fn();
    doneMs = ms(t0);
    // A moment more, so a restore the command reported but the balancer did not see shows.
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    done = true;
    await Promise.all(loops);
  }
  // Answers are kept in the order they came back: the one after the last bad one is the
  // first of the unbroken run of good ones.
  const lastBad = answers.findLastIndex((a) => !a.good);
  const restored = answers[lastBad + 1];
  if (!restored) throw new Error('the balancer never served the good release');
  return {
    restoredMs: restored.at,
    doneMs,
    requests: answers.length,
    failed: answers.filter((a) => a.failed).length,
    ...(path ? { path } : {}),
  };
}

/** Keeps the live pool of `router` on the fleet's healthy running tasks until stopped. */
function watch(provider: FleetProvider, balancer: Balancer): () => Promise<void> {
  const router = balancerRouter(balancer);
  let stop = false;
  let last = '';
  const loop = (async () => {
    const pool: Colour = (await router.live()) ?? 'blue';
    while (!stop) {
      const state = await provider.current();
      const up = state.tasks
        .filter((t) => t.state === 'running' && t.health === 'healthy' && t.address)
        .map((t) => t.address as string)
        .sort();
      if (up.length && up.join() !== last) {
        await router.setEndpoints(pool, up);
        last = up.join();
      }
      await new Promise((r) => setTimeout(r, WATCH_MS));
    }
  })();
  return async () => {
    stop = true;
    await loop;
  };
}

async function main(): Promise<void> {
  const { env } = await up();
  const dockerHost = env.engine.dockerHost;
  const id = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  const registries = new Registries();
  const network = `kiln-bench-rb-${id}`;
  const targets: Record<Way, string> = {
    'kiln blue-green': `kiln-bench-bg-${id}`,
    'kiln rolling': `kiln-bench-r-${id}`,
    'docker service rollback': `kiln-bench-d-${id}`,
  };
  const dirs: string[] = [];
  const balancers = {} as Record<Way, Balancer>;
  for (const way of WAYS) {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-bench-haproxy-'));
    dirs.push(dir);
    balancers[way] = await startBalancer(dir, []);
  }

  // The releases, baked once: v1 is good, v2 the bad release (healthy, but wrong).
  const home = `bench/rollback-${id}`;
  const base = await bakeBusyboxBase(env.registry.host, { repository: `bench/base-${id}` });
  const release = async (revision: string): Promise<Digest> => {
    const inputs = sampleAppInputs(env.registry.host, base.image, {
      image: `${env.registry.host}/${home}`,
      env: `APP_REVISION=${revision}`,
      'source-date-epoch': '1700000000',
    });
    return digestOf(
      (await bake(parseBakeRequest(fromRecord(inputs)), registries, () => {})).image,
    ) as Digest;
  };
  const v1 = await release('v1');
  const v2 = await release('v2');

  /** One environment per way, in a repository of its own (so a quarantine stays in its way). */
  const configFor = async (repo: string, way: Way): Promise<KilnConfig> =>
    parseConfig(
      [
        `image: ${env.registry.host}/${repo}`,
        'environments:',
        '  bench:',
        '    provider: swarm',
        `    target: ${targets[way]}`,
        `    strategy: ${way === 'kiln blue-green' ? 'blue-green' : 'rolling'}`,
        '    batch-size: 1',
        '    health-timeout: 120s',
        ...(way === 'kiln blue-green' ? ['    keep-warm: 30m'] : []),
        `    swarm: { replicas: ${REPLICAS}, port: 8080, network: ${network} }`,
      ].join('\n'),
      'kiln.yml',
    );
  const inputs = (way: Way): Record<string, string> => ({
    environment: 'bench',
    'docker-host': dockerHost,
    'haproxy-socket': balancers[way].socket,
    'haproxy-map': balancers[way].mapFile,
    'health-cmd': HEALTH_CMD,
    'health-interval': '1s',
  });
  const deps = {
    registries,
    log: process.env.BENCH_LOG
      ? (l: string) => process.stderr.write(`  ${performance.now().toFixed(0)} ${l}\n`)
      : () => {},
  };

  const trials: Record<Way, Trial[]> = {
    'kiln blue-green': [],
    'kiln rolling': [],
    'docker service rollback': [],
  };
  try {
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 === 0 ? WAYS : [...WAYS].reverse();
      for (const way of order) {
        // A repository (and so a ledger) of its own per run and way: the quarantine of v2 by
        // one rollback does not refuse the next deploy of it. The blobs are mounted.
        const repo = `${home}-${i}-${WAYS.indexOf(way)}`;
        for (const d of [v1, v2])
          await copyImage(
            registries.repository(env.registry.host, home),
            registries.repository(env.registry.host, repo),
            d,
            { log: () => {} },
          );
        const config = await configFor(repo, way);
        const image = (d: Digest) => `${env.registry.host}/${repo}@${d}`;
        // The bad release, after the good one: each a deploy as replace-fleet's action makes it.
        for (const d of [v1, v2])
          await replaceFleet(
            parseReplaceFleetRequest(fromRecord({ ...inputs(way), image: image(d) }), config),
            deps,
          );
        const url = new URL(PAGE, balancers[way].url).toString();
        let trial: Trial;
        if (way === 'docker service rollback') {
          const provider = await loadProvider('swarm', { target: targets[way], dockerHost });
          const stop = watch(provider, balancers[way]);
          try {
            trial = await underTraffic(url, async () => {
              await exec('docker', [
                '-H',
                dockerHost,
                'service',
                'rollback',
                '--quiet',
                targets[way],
              ]);
              return undefined;
            });
          } finally {
            await stop();
          }
        } else {
          trial = await underTraffic(url, async () => {
            deps.log('bench: the rollback command starts');
            const r = await rollback(
              parseRollbackRequest(
                fromRecord({ ...inputs(way), reason: 'bench: bad release' }),
                config,
              ),
              deps,
            );
            if (r.to !== image(v1)) throw new Error(`rolled back to ${r.to}, not v1`);
            return r.path.kind;
          });
        }
        trials[way].push(trial);
        process.stderr.write(
          `run ${i + 1} ${way}: restored ${trial.restoredMs.toFixed(0)} ms, done ${trial.doneMs.toFixed(0)} ms, ${trial.failed}/${trial.requests} failed${trial.path ? ` (${trial.path})` : ''}\n`,
        );
      }
    }
  } finally {
    for (const way of WAYS)
      await (await loadProvider('swarm', { target: targets[way], dockerHost })).remove();
    try {
      await exec('docker', ['-H', dockerHost, 'network', 'rm', network]);
    } catch {
      // Already gone with the last service (Kiln removes a network it made).
    }
    for (const dir of dirs) {
      await stopBalancer(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const row = (way: Way): string => {
    const t = trials[way];
    const failed = t.reduce((n, x) => n + x.failed, 0);
    const requests = t.reduce((n, x) => n + x.requests, 0);
    return `| ${way} | ${median(t.map((x) => x.restoredMs)).toFixed(0)} ms | ${median(t.map((x) => x.doneMs)).toFixed(0)} ms | ${failed} of ${requests} |`;
  };
  const restored = (way: Way) => median(trials[way].map((x) => x.restoredMs));
  process.stdout.write(
    [
      `${REPLICAS} replicas, batch 1, ${RUNS} runs, median:`,
      '',
      '| way | service restored | command done | failed requests |',
      '|---|---|---|---|',
      ...WAYS.map(row),
      '',
      ...(WAYS.includes('kiln rolling') && WAYS.includes('docker service rollback')
        ? [
            `kiln rolling / docker service rollback (restored): ${(restored('kiln rolling') / restored('docker service rollback')).toFixed(2)}x`,
          ]
        : []),
      '',
    ].join('\n'),
  );
}

await main();
