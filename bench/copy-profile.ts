// One cross-registry copy, kiln (the CLI bundle, with a CPU profile) and skopeo, straight to the
// local registries (no proxies): wall and CPU time of each, to see where kiln's time goes.
// Run: BENCH_DIST=<folder> npx tsx bench/copy-profile.ts [profile-dir]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv } from './clean-env.js';
import { DIST, pushBenchImage, skopeoCopyArgs } from './fixtures.js';
import { up } from '@kiln/local';

const PROF = process.argv[2];
const run = promisify(execFile);

const { env } = await up();
const work = mkdtempSync(join(tmpdir(), 'kiln-prof-'));
try {
  for (const tool of ['kiln', 'skopeo'] as const) {
    const dir = join(work, tool);
    const src = `bench/prof-${Date.now()}-${tool}`;
    const digest = await pushBenchImage(dir, env.registry.host, src, 4, 16);
    const from = `${env.registry.host}/${src}@${digest}`;
    const to = `${env.registry2.host}/bench/prof-${tool}-${Date.now()}:v1`;
    const argv =
      tool === 'kiln'
        ? [
            process.execPath,
            [
              ...(PROF ? ['--cpu-prof', `--cpu-prof-dir=${PROF}`] : []),
              join(DIST, 'cli/index.js'),
              'copy',
              from,
              to,
            ],
          ]
        : ['skopeo', skopeoCopyArgs(from, to)];
    const t0 = process.hrtime.bigint();
    const r = await run(
      '/usr/bin/time',
      ['-f', '%e s wall %U s user %S s sys', ...([argv[0]] as string[]), ...(argv[1] as string[])],
      {
        env: cleanEnv(process.env.KILN_DEBUG ? { KILN_DEBUG: '1' } : {}),
      },
    );
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    process.stdout.write(
      `${tool}: ${ms.toFixed(0)} ms; ${r.stderr.trim().split('\n').slice(-1)[0]}\n`,
    );
    if (process.env.KILN_DEBUG) process.stdout.write(r.stderr + r.stdout);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
