// Throughput and peak memory of a native bake of 1 GiB of mixed content (half random bytes, as
// in archives and images; half text, as in source code), side by side in one run with
// `tar -c | gzip -6 | sha256sum` over the same files. Memory must stay bounded: every byte is
// streamed (read, tar, compress, hash, write), never buffered whole.
// Run: npm run bench:bake-memory   (BENCH_SIZE_MIB=… to change the size, BENCH_RUNS=… rounds of
// both tools, alternating which goes first; no registry needed)
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bake, parseBakeRequest, RACY_NS } from '@kiln/core/bake';
import { fromRecord } from '@kiln/core/inputs';
import { Registries } from '@kiln/core/oci';
import { textBytes } from './fixtures.js';

const SIZE_MIB = Number(process.env.BENCH_SIZE_MIB ?? 1024);
/** Rounds of both tools, alternating which goes first; medians are reported. */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const FILE_MIB = 32;
const COMMAND = 'npm run bench:bake-memory  (= tsx bench/bake-memory.ts)';
const exec = promisify(execFile);

/** Peak resident set size of this process so far; Linux reports maxRSS in KiB. */
const peakRssMiB = (): number => process.resourceUsage().maxRSS / 1024;
const mib = (n: number): string => `${n.toFixed(1)} MiB`;
const seconds = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
};

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'kiln-bench-bake-memory-'));
  const saved = process.env.KILN_CACHE_DIR;
  try {
    const context = join(work, 'ctx');
    const files = Math.max(1, Math.round(SIZE_MIB / 2 / FILE_MIB));
    for (const kind of ['random', 'text']) await mkdir(join(context, kind), { recursive: true });
    // Written 1 MiB at a time, so making the files does not raise this process's peak RSS.
    for (let i = 0; i < files; i++) {
      for (let m = 0; m < FILE_MIB; m++) {
        await appendFile(join(context, 'random', `r${i}.bin`), randomBytes(1024 * 1024));
        await appendFile(
          join(context, 'text', `t${i}.txt`),
          textBytes(1024 * 1024, i * FILE_MIB + m + 1),
        );
      }
    }
    const total = files * 2 * FILE_MIB;

    const shell = `tar -cf - -C ${context} . | gzip -6 | sha256sum`;
    // bash's `times` prints the CPU time of the pipeline (second line: children user, system).
    const pipelineRun = async (): Promise<{ wall: number; cpu: number }> => {
      let cpu = 0;
      const wall = await seconds(async () => {
        const { stdout } = await exec('bash', ['-c', `${shell} >/dev/null; times`]);
        const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(stdout.trim());
        if (m) cpu = Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4]);
      });
      return { wall, cpu };
    };
    const requestFor = (round: number) =>
      parseBakeRequest(
        fromRecord({
          context,
          copy: 'random:/data/random\ntext:/data/text',
          output: `oci-layout:${join(work, `out-${round}`)}:big`,
          'source-date-epoch': '1700000000',
        }),
      );
    let before = 0;
    let after = 0;
    let result: Awaited<ReturnType<typeof bake>> | undefined;
    /** A cold bake: a fresh layer cache and output per round. */
    const bakeRun = async (round: number): Promise<{ wall: number; cpu: number }> => {
      process.env.KILN_CACHE_DIR = join(work, `cache-${round}`);
      const req = requestFor(round);
      if (round === 0) before = peakRssMiB();
      const cpu0 = process.cpuUsage();
      const wall = await seconds(async () => {
        result = await bake(req, new Registries(), () => {});
      });
      if (round === 0) after = peakRssMiB();
      // Process-wide: the compression workers' time is included.
      const used = process.cpuUsage(cpu0);
      return { wall, cpu: (used.user + used.system) / 1e6 };
    };
    const pipelineRuns: Array<{ wall: number; cpu: number }> = [];
    const bakeRuns: Array<{ wall: number; cpu: number }> = [];
    for (let round = 0; round < RUNS; round++) {
      // Alternating which goes first, so neither always finds the page cache or the host warm.
      if (round % 2 === 0) {
        pipelineRuns.push(await pipelineRun());
        bakeRuns.push(await bakeRun(round));
      } else {
        bakeRuns.push(await bakeRun(round));
        pipelineRuns.push(await pipelineRun());
      }
    }
    const median = (xs: number[]): number => {
      const sorted = [...xs].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      return sorted.length % 2
        ? (sorted[mid] as number)
        : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    };
    const gzipSeconds = median(pipelineRuns.map((r) => r.wall));
    const gzipCpu = median(pipelineRuns.map((r) => r.cpu));
    const bakeSeconds = median(bakeRuns.map((r) => r.wall));
    const bakeCpu = median(bakeRuns.map((r) => r.cpu));
    const ratios = bakeRuns.map((r, i) => (pipelineRuns[i]?.wall ?? 0) / r.wall);

    // The unchanged bakes find the first round's cache.
    process.env.KILN_CACHE_DIR = join(work, 'cache-0');
    const req = requestFor(0);
    const again = await seconds(() => bake(req, new Registries(), () => {}));
    // Later bakes: a cached blob left alone for RACY_NS is read against its digest once more,
    // and that proof is remembered by its stamp (as source files' hashes are); the bake after
    // that does not read it.
    await new Promise((r) => setTimeout(r, Number(RACY_NS / 1_000_000n) + 200));
    await bake(req, new Registries(), () => {});
    const later = await seconds(() => bake(req, new Registries(), () => {}));
    const layers = result?.appLayers ?? [];

    console.log(`command:       ${COMMAND}`);
    console.log(
      `node:          ${process.version} ${process.platform}/${process.arch}, ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)}`,
    );
    console.log(
      `content:       ${total} MiB in ${files * 2} files (half random, half text), scratch base, oci-layout output`,
    );
    console.log(`image:         ${result?.digest}`);
    for (const l of layers)
      console.log(`app layer:     ${l.lines.join(', ')}: ${mib(l.size / 1024 / 1024)} gzip`);
    const rows = [
      '| | wall time | CPU time (all threads) | throughput |',
      '|---|---|---|---|',
      `| \`${shell.replace(context, 'ctx')}\` | ${gzipSeconds.toFixed(1)} s | ${gzipCpu.toFixed(1)} s | ${(total / gzipSeconds).toFixed(0)} MiB/s |`,
      `| native bake, cold | ${bakeSeconds.toFixed(1)} s | ${bakeCpu.toFixed(1)} s | ${(total / bakeSeconds).toFixed(0)} MiB/s (${(gzipSeconds / bakeSeconds).toFixed(2)}x) |`,
      `| native bake, unchanged, at once (cached blobs read) | ${again.toFixed(1)} s | | ${(total / again).toFixed(0)} MiB/s |`,
      `| native bake, unchanged, later (proofs remembered) | ${later.toFixed(1)} s | | ${(total / later).toFixed(0)} MiB/s |`,
    ];
    console.log(rows.join('\n'));
    if (RUNS > 1) {
      console.log(
        `rounds:        ${RUNS}, medians above; ratio per round ${ratios.map((r) => `${r.toFixed(2)}x`).join(', ')}`,
      );
    }
    console.log(
      `peak RSS:      before ${mib(before)}, after ${mib(after)}, growth ${mib(after - before)}`,
    );
  } finally {
    if (saved === undefined) delete process.env.KILN_CACHE_DIR;
    else process.env.KILN_CACHE_DIR = saved;
    await rm(work, { recursive: true, force: true });
  }
}

await main();
