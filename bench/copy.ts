// kiln copy vs skopeo copy --all on the same image, same-registry and cross-registry, side by
// side in one run. Wall time per command; layer bytes moved are counted at loopback proxies.
// Run: npm run bench:copy  (starts the local registries if needed; BENCH_DIST=<folder> for
// bundles built elsewhere)
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv } from './clean-env.js';
import { DIST, pushBenchImage, skopeoCopyArgs } from './fixtures.js';
import { up, startFaultProxy } from '@kiln/local';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LAYERS = Number(process.env.BENCH_LAYERS ?? 4);
const MIB = Number(process.env.BENCH_LAYER_MIB ?? 16);

const run = promisify(execFile);
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

async function main(): Promise<void> {
  const { env } = await up();
  const work = mkdtempSync(join(tmpdir(), 'kiln-bench-'));
  try {
    // A fresh image for every trial: skopeo's blob-info cache would otherwise mount blobs it saw
    // in an earlier trial, which a user copying a new release never gets.
    const fresh = async (n: number): Promise<{ src: string; digest: string }> => {
      const dir = join(work, `layout-${n}`);
      const src = `bench/src-${Date.now()}-${n}`;
      const digest = await pushBenchImage(dir, env.registry.host, src, LAYERS, MIB);
      rmSync(dir, { recursive: true, force: true });
      return { src, digest };
    };
    let trial = 0;
    const a = await startFaultProxy(env.registry.host);
    const b = await startFaultProxy(env.registry2.host);
    const tools = {
      // Asynchronous: the proxies run in this process and must keep answering.
      kiln: (from: string, to: string) =>
        run(process.execPath, [join(DIST, 'cli/index.js'), 'copy', from, to], {
          env: cleanEnv(),
        }),
      skopeo: (from: string, to: string) =>
        run('skopeo', skopeoCopyArgs(from, to), { env: cleanEnv() }),
    };
    const scenarios = [
      { name: 'same registry', target: a },
      { name: 'cross registry', target: b },
    ];
    const rows: string[] = [];
    for (const s of scenarios) {
      const results: Record<string, { ms: number[]; bytes: number[] }> = {
        kiln: { ms: [], bytes: [] },
        skopeo: { ms: [], bytes: [] },
      };
      for (let i = 0; i < RUNS; i++) {
        // Alternate which tool goes first so neither always gets the warm cache.
        const order = i % 2 === 0 ? (['kiln', 'skopeo'] as const) : (['skopeo', 'kiln'] as const);
        for (const tool of order) {
          a.resetStats();
          b.resetStats();
          const to = `${s.target.host}/bench/${tool}-${s.name.replace(' ', '-')}-${Date.now()}-${i}:v1`;
          const { src, digest } = await fresh(trial++);
          a.resetStats();
          b.resetStats();
          const t0 = process.hrtime.bigint();
          await tools[tool](`${a.host}/${src}@${digest}`, to);
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          const moved =
            a.stats().blobBytesDown +
            a.stats().blobBytesUp +
            (s.target === b ? b.stats().blobBytesUp : 0);
          results[tool]?.ms.push(ms);
          results[tool]?.bytes.push(moved);
        }
      }
      const k = results.kiln as { ms: number[]; bytes: number[] };
      const sk = results.skopeo as { ms: number[]; bytes: number[] };
      rows.push(
        `| ${s.name} | ${median(k.ms).toFixed(0)} ms | ${median(sk.ms).toFixed(0)} ms | ${(median(sk.ms) / median(k.ms)).toFixed(2)}x | ${mb(median(k.bytes))} MiB | ${mb(median(sk.bytes))} MiB |`,
      );
    }
    await a.stop();
    await b.stop();
    const skopeoVersion = execFileSync('skopeo', ['--version'], { encoding: 'utf8' }).trim();
    process.stdout.write(
      [
        `image: ${LAYERS} layers x ${MIB} MiB (incompressible), ${RUNS} runs each, median; ${skopeoVersion}; node ${process.version}`,
        '',
        '| scenario | kiln copy | skopeo copy --all | skopeo / kiln | kiln layer bytes moved | skopeo layer bytes moved |',
        '|---|---|---|---|---|---|',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
