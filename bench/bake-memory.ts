// Peak memory of a native bake of one big file: a 1 GiB sparse file (its own size on disk is
// ~0, so the machine needs no free GiB) goes through bake() into an oci-layout output. Memory
// must stay bounded: every byte is streamed (read, tar, gzip, hash, write), never buffered.
// Run: npm run bench:bake-memory   (BENCH_SIZE_MIB=… to change the size; no registry needed)
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { fromRecord } from '@kiln/core/inputs';
import { Registries } from '@kiln/core/oci';

const SIZE_MIB = Number(process.env.BENCH_SIZE_MIB ?? 1024);
const COMMAND = 'npm run bench:bake-memory  (= tsx bench/bake-memory.ts)';

/** Peak resident set size of this process so far; Linux reports maxRSS in KiB. */
const peakRssMiB = (): number => process.resourceUsage().maxRSS / 1024;
const mib = (n: number): string => `${n.toFixed(1)} MiB`;

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'kiln-bench-bake-memory-'));
  try {
    const context = join(work, 'ctx');
    await mkdir(context);
    // truncate makes a hole, not data: the file reads as SIZE_MIB of zeros.
    const fh = await open(join(context, 'big.bin'), 'w');
    await fh.truncate(SIZE_MIB * 1024 * 1024);
    await fh.close();

    const req = parseBakeRequest(
      fromRecord({
        context,
        copy: 'big.bin:/data/big.bin',
        output: `oci-layout:${join(work, 'out')}:big`,
        'source-date-epoch': '1700000000',
      }),
    );
    const before = peakRssMiB();
    const t0 = process.hrtime.bigint();
    const result = await bake(req, new Registries(), () => {});
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const after = peakRssMiB();

    console.log(`command:       ${COMMAND}`);
    console.log(`node:          ${process.version} ${process.platform}/${process.arch}`);
    console.log(`file:          ${SIZE_MIB} MiB (sparse), scratch base, oci-layout output`);
    console.log(`image:         ${result.digest}`);
    console.log(
      `app layer:     ${mib(result.appLayer.size / 1024 / 1024)} gzip (${result.appLayer.digest})`,
    );
    console.log(`peak RSS:      before ${mib(before)}, after ${mib(after)}`);
    console.log(`peak growth:   ${mib(after - before)}`);
    console.log(`wall time:     ${seconds.toFixed(2)} s`);
    console.log(`throughput:    ${(SIZE_MIB / seconds).toFixed(0)} MiB/s`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
