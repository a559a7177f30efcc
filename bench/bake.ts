// Native bake vs `docker build` of the same app on the local engine, side by side in one run:
// cold (empty layer cache / --no-cache) and after one app file changes, first into a local
// image (OCI layout vs the engine's image store), then including the push to the local
// registry. Two apps: the sample (busybox, a www/ folder, one 5 MiB random file) and a
// node_modules-like tree of thousands of small files. Wall time, median of BENCH_RUNS.
// Run: npm run bench:bake  (starts the local registries and engine if needed)
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerCli } from '@kiln/core/engine';
import { Registries } from '@kiln/core/oci';
import { bake, parseBakeRequest, RACY_NS } from '@kiln/core/bake';
import { fromRecord } from '@kiln/core/inputs';
import { up } from '@kiln/local';
import { writeNodeModules } from './fixtures.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SMALL_FILES = 200;
const BIG_MIB = 5;
const EPOCH = 1_700_000_000;
const CMD = ['/bin/busybox', 'httpd', '-f', '-p', '8080', '-h', '/www'];

interface App {
  name: string;
  describe: string;
  copy: string[];
  make: (ctx: string) => void;
  /** The file changed between the cold and the warm bake. */
  change: (ctx: string, n: number) => void;
}

const dockerfile = (copy: string[]): string =>
  `FROM scratch\n${copy
    .map((l) => {
      const [src, dest] = l.split(':') as [string, string];
      return `COPY ${src} ${dest}`;
    })
    .join('\n')}\nCMD ${JSON.stringify(CMD)}\n`;

const SAMPLE: App = {
  name: 'sample',
  describe: `static busybox + www/ of ${SMALL_FILES} small files + one ${BIG_MIB} MiB random file`,
  copy: ['busybox:/bin/busybox', 'www:/www'],
  make: (ctx) => {
    mkdirSync(join(ctx, 'www', 'assets'), { recursive: true });
    copyFileSync('/bin/busybox', join(ctx, 'busybox'));
    for (let i = 0; i < SMALL_FILES; i++) {
      const sub = i % 2 === 0 ? 'www' : join('www', 'assets');
      writeFileSync(
        join(ctx, sub, `page-${i}.html`),
        `<p>page ${i} ${randomBytes(8).toString('hex')}</p>\n`,
      );
    }
    writeFileSync(join(ctx, 'www', 'big.bin'), randomBytes(BIG_MIB * 1024 * 1024));
  },
  change: (ctx, n) => writeFileSync(join(ctx, 'www', 'page-0.html'), `<p>changed ${n}</p>\n`),
};

const NODE_PACKAGES = 60;
const NODE_FILES = 80;
const NODE: App = {
  name: 'node_modules',
  describe: `busybox + node_modules/ of ${NODE_PACKAGES} packages x ${NODE_FILES} small files + src/ of 20 files`,
  copy: ['busybox:/bin/busybox', 'node_modules:/app/node_modules', 'src:/app/src'],
  make: (ctx) => {
    copyFileSync('/bin/busybox', join(ctx, 'busybox'));
    writeNodeModules(join(ctx, 'node_modules'), NODE_PACKAGES, NODE_FILES);
    mkdirSync(join(ctx, 'src'));
    for (let i = 0; i < 20; i++) {
      writeFileSync(join(ctx, 'src', `m${i}.js`), `export const m${i} = ${i};\n`.repeat(50));
    }
  },
  change: (ctx, n) => writeFileSync(join(ctx, 'src', 'm0.js'), `export const changed = ${n};\n`),
};

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

type Tool = 'native' | 'docker';
type Phase = 'cold' | 'warm';
type Series = Record<Phase, Record<Tool, number[]>>;
const series = (): Series => ({
  cold: { native: [], docker: [] },
  warm: { native: [], docker: [] },
});

async function main(): Promise<void> {
  const { env } = await up();
  const host = env.registry.host;
  const work = mkdtempSync(join(tmpdir(), 'kiln-bench-bake-'));
  const dockerHost = env.engine.dockerHost;
  const buildx = await new DockerCli({ dockerHost })
    .output(['buildx', 'version'])
    .then(() => true)
    .catch(() => false);
  // Without buildx a BuildKit request in the caller's env would fail; the classic builder is
  // what `docker build` runs here then.
  const docker = new DockerCli({
    dockerHost,
    env: {
      ...process.env,
      SOURCE_DATE_EPOCH: String(EPOCH),
      ...(buildx ? {} : { DOCKER_BUILDKIT: '0' }),
    },
  });
  const registries = new Registries();
  const images = new Set<string>();
  const id = `${process.pid}-${Date.now()}`;
  const savedCache = process.env.KILN_CACHE_DIR;
  const results = new Map<string, { local: Series; push: Series }>();
  const load = loadavg()[0] as number;

  try {
    for (const app of [SAMPLE, NODE]) {
      const r = { local: series(), push: series() };
      results.set(app.name, r);
      const ctxOf = (table: string, i: number): string => join(work, `${app.name}-${table}-${i}`);
      for (let i = 0; i < RUNS; i++) {
        for (const table of ['local', 'push'] as const) {
          const ctx = ctxOf(table, i);
          mkdirSync(ctx, { recursive: true });
          app.make(ctx);
          writeFileSync(join(ctx, 'Dockerfile'), dockerfile(app.copy));
        }
      }
      // A checkout exists before it is baked: files written within the last RACY_NS are read
      // again by every bake (their timestamps could hide a change), files older are found by
      // their stamps in the layer cache's file index. The trees wait out that window once.
      await new Promise((r) => setTimeout(r, Number(RACY_NS / 1_000_000n) + 200));
      for (let i = 0; i < RUNS; i++) {
        // Alternate which tool goes first so neither always finds the page cache warm.
        const order: Tool[] = i % 2 === 0 ? ['native', 'docker'] : ['docker', 'native'];
        for (const table of ['local', 'push'] as const) {
          const ctx = ctxOf(table, i);
          // A fresh layer cache per trial: cold is cold for the native baker as --no-cache
          // is for docker; the warm bake after the change finds the cold bake's layers.
          process.env.KILN_CACHE_DIR = join(work, `cache-${app.name}-${table}-${i}`);
          const repo = (tool: Tool): string => `bench-bake/${app.name}-${tool}-${table}-${id}-${i}`;
          const tag =
            table === 'push' ? `${host}/${repo('docker')}:latest` : `kiln-bench/app-${id}:${i}`;
          let layout = 0;
          const run = async (tool: Tool, phase: Phase): Promise<void> => {
            if (tool === 'docker') {
              await docker.run([
                'build',
                ...(phase === 'cold' ? ['--no-cache'] : []),
                '--tag',
                tag,
                ctx,
              ]);
              if (table === 'push') await docker.run(['push', tag]);
              return;
            }
            const inputs: Record<string, string> = {
              context: ctx,
              copy: app.copy.join('\n'),
              cmd: JSON.stringify(CMD),
              'source-date-epoch': String(EPOCH),
              platform: 'linux/amd64',
            };
            if (table === 'push') inputs.image = `${host}/${repo(tool)}`;
            else inputs.output = `oci-layout:${join(work, `layout-${app.name}-${i}-${layout++}`)}`;
            await bake(parseBakeRequest(fromRecord(inputs)), registries, () => {});
          };
          for (const phase of ['cold', 'warm'] as const) {
            if (phase === 'warm') app.change(ctx, i);
            for (const tool of order) {
              r[table][phase][tool].push(await timed(() => run(tool, phase)));
              if (tool === 'docker')
                images.add(await docker.output(['image', 'inspect', '--format', '{{.Id}}', tag]));
            }
          }
        }
      }
    }
  } finally {
    if (savedCache === undefined) delete process.env.KILN_CACHE_DIR;
    else process.env.KILN_CACHE_DIR = savedCache;
    if (images.size) await docker.run(['image', 'rm', '--force', ...images]).catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }

  const versions = await docker.output([
    'version',
    '--format',
    '{{.Client.Version}} / engine {{.Server.Version}}',
  ]);
  const row = (name: string, r: Record<Tool, number[]>): string => {
    const n = median(r.native);
    const d = median(r.docker);
    return `| ${name} | ${n.toFixed(0)} ms | ${d.toFixed(0)} ms | ${(d / n).toFixed(2)}x |`;
  };
  const lines = [
    `${RUNS} runs, median, alternating order; docker ${versions} (${buildx ? 'buildx' : 'classic builder'}); node ${process.version}`,
    `${availableParallelism()} cores, load average ${load.toFixed(1)} at start`,
    `command: npm run bench:bake   (BENCH_RUNS=${RUNS})`,
    '',
  ];
  for (const app of [SAMPLE, NODE]) {
    const r = results.get(app.name) as { local: Series; push: Series };
    for (const [table, title, nativeName, dockerName] of [
      ['local', 'no push', 'native bake → OCI layout', 'docker build (cold: --no-cache)'],
      ['push', `push to ${host}`, 'native bake + push', 'docker build + docker push'],
    ] as const) {
      lines.push(
        `### ${app.name} (${app.describe}), ${title}`,
        '',
        `| scenario | ${nativeName} | ${dockerName} | docker / native |`,
        '|---|---|---|---|',
        row('cold', r[table].cold),
        row('one file changed', r[table].warm),
        '',
      );
    }
  }
  process.stdout.write(lines.join('\n'));
}

await main();
