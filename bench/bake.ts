// Native bake vs `docker build` of the same app on the local engine, side by side in one run:
// cold and after one app file changes, first into a local image (layout vs engine image
// store), then including the push to the local registry. Wall time, median of BENCH_RUNS.
// Run: npm run bench:bake  (starts the local registries and engine if needed)
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerCli } from '@kiln/core/engine';
import {
  encodeManifest,
  MediaType,
  OciLayout,
  parseManifest,
  type Digest,
  copyImage,
  Registries,
} from '@kiln/core/oci';
import { resolveCopySpecs, writeLayer } from '@kiln/core/bake';
import { up } from '@kiln/local';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SMALL_FILES = 200;
const BIG_MIB = 5;
const EPOCH = 1_700_000_000;
const CMD = ['/bin/busybox', 'httpd', '-f', '-p', '8080', '-h', '/www'];
const COPY = ['busybox:/bin/busybox', 'www:/www'];
const DOCKERFILE = `FROM scratch\nCOPY busybox /bin/busybox\nCOPY www /www\nCMD ${JSON.stringify(CMD)}\n`;

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

/** A fresh app (new random bytes, so neither tool nor the registry has seen it). */
function makeApp(dir: string): string {
  const ctx = join(dir, `app-${randomBytes(4).toString('hex')}`);
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
  writeFileSync(join(ctx, 'Dockerfile'), DOCKERFILE);
  return ctx;
}

const changeOneFile = (ctx: string, n: number): void =>
  writeFileSync(join(ctx, 'www', 'page-0.html'), `<p>changed ${n}</p>\n`);

/** What the native baker does for a scratch base: one app layer, config, manifest, into a layout. */
async function nativeBake(ctx: string, layoutDir: string): Promise<Digest> {
  const layout = new OciLayout(layoutDir);
  await layout.init();
  const tmp = join(layoutDir, `layer-${randomBytes(4).toString('hex')}.tmp`);
  const layer = await writeLayer(
    await resolveCopySpecs(COPY, ctx),
    { sourceDateEpoch: EPOCH },
    tmp,
  );
  await rename(tmp, layout.blobPath(layer.digest));
  const created = new Date(EPOCH * 1000).toISOString();
  const config = await layout.putBuffer(
    Buffer.from(
      JSON.stringify({
        created,
        architecture: 'amd64',
        os: 'linux',
        config: { Cmd: CMD },
        rootfs: { type: 'layers', diff_ids: [layer.diffId] },
        history: [{ created, created_by: 'kiln bake' }],
      }),
    ),
    MediaType.OciConfig,
  );
  const raw = parseManifest(
    encodeManifest({
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      config,
      layers: [{ mediaType: MediaType.OciLayerGzip, digest: layer.digest, size: layer.size }],
    }),
  );
  await layout.putManifest(raw, { tag: 'latest' });
  return raw.digest;
}

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
  // Image IDs, not tags: a rebuilt tag leaves its old image behind, and pushed images stay
  // listed by repo digest after their tag is removed.
  const images = new Set<string>();
  const id = `${process.pid}-${Date.now()}`;

  type Tool = 'native' | 'docker';
  type Phase = 'cold' | 'warm';
  const series = (): Record<Phase, Record<Tool, number[]>> => ({
    cold: { native: [], docker: [] },
    warm: { native: [], docker: [] },
  });
  const results = { local: series(), push: series() };
  try {
    for (let i = 0; i < RUNS; i++) {
      // Alternate which tool goes first so neither always finds the page cache warm.
      const order: Tool[] = i % 2 === 0 ? ['native', 'docker'] : ['docker', 'native'];
      for (const table of ['local', 'push'] as const) {
        const ctx = makeApp(work);
        const layoutDir = join(work, `layout-${table}-${i}`); // fresh output for the cold bake
        const repo = (tool: Tool): string => `bench-bake/${tool}-${table}-${id}-${i}`;
        // Warm runs repeat the same commands after one file changed: docker reuses its layer
        // cache, the native baker (which keeps no build cache) rewrites its app layer.
        const tag =
          table === 'push' ? `${host}/${repo('docker')}:latest` : `kiln-bench/app-${id}:${i}`;
        const bake = async (tool: Tool, phase: Phase): Promise<void> => {
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
          const digest = await nativeBake(ctx, layoutDir);
          if (table === 'push') {
            const target = registries.repository(host, repo(tool));
            await copyImage(new OciLayout(layoutDir), target, digest, {
              tags: ['latest'],
              log: () => {},
            });
          }
        };
        for (const phase of ['cold', 'warm'] as const) {
          if (phase === 'warm') changeOneFile(ctx, i);
          for (const tool of order) {
            results[table][phase][tool].push(await timed(() => bake(tool, phase)));
            if (tool === 'docker')
              images.add(await docker.output(['image', 'inspect', '--format', '{{.Id}}', tag]));
          }
        }
      }
    }
  } finally {
    if (images.size) await docker.run(['image', 'rm', '--force', ...images]).catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }

  const versions = await docker.output([
    'version',
    '--format',
    '{{.Client.Version}} / engine {{.Server.Version}}',
  ]);
  const row = (name: string, r: { native: number[]; docker: number[] }): string => {
    const n = median(r.native);
    const d = median(r.docker);
    return `| ${name} | ${n.toFixed(0)} ms | ${d.toFixed(0)} ms | ${(d / n).toFixed(2)}x |`;
  };
  const table = (
    title: string,
    nativeName: string,
    dockerName: string,
    r: Record<Phase, Record<Tool, number[]>>,
  ): string[] => [
    `### ${title}`,
    '',
    `| scenario | ${nativeName} | ${dockerName} | docker / native |`,
    '|---|---|---|---|',
    row('cold', r.cold),
    row('one www/ file changed', r.warm),
    '',
  ];
  process.stdout.write(
    [
      `app: static busybox + www/ of ${SMALL_FILES} small files + one ${BIG_MIB} MiB random file; ${RUNS} runs, median, alternating order`,
      `docker ${versions} (${buildx ? 'buildx' : 'classic builder'}); node ${process.version}`,
      `command: npm run bench:bake   (BENCH_RUNS=${RUNS})`,
      '',
      ...table(
        'Produce an image (no push)',
        'native bake → OCI layout',
        'docker build (cold: --no-cache)',
        results.local,
      ),
      ...table(
        `Produce and push to the local registry (${host})`,
        'native bake + copyImage',
        'docker build + docker push',
        results.push,
      ),
    ].join('\n'),
  );
}

await main();
