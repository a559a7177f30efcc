// Start-up of every committed bundle, as whole processes, side by side in one run with an ncc
// bundle that holds only @actions/core (the baseline library's own cost) and with `node -e 0`
// (the floor). Each is timed from spawn to its first line on stdout or stderr, in a clean
// environment (no NODE_OPTIONS, no NODE_EXTRA_CA_CERTS), interleaved, median of BENCH_RUNS.
// Run: npm run bench:startup
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '@kiln/local';
import { cleanEnv } from './clean-env.js';
import { DIST } from './fixtures.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
// Wall time moves with whatever else the machine does; instructions counted by valgrind do not.
const INSTRUCTIONS = process.env.BENCH_INSTRUCTIONS === '1';

interface Subject {
  name: string;
  argv: string[];
  /** what the process is given to do: the quickest path to its first log line */
  env?: Record<string, string>;
  bytes?: { entry: number; chunks: number };
}

/** An ncc bundle of a one-line action that only logs through @actions/core. */
function baselineBundle(): string {
  const dir = join(ROOT, '.kiln', 'bench', 'core-only');
  const out = join(dir, 'out', 'index.js');
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true });
    const entry = join(dir, 'main.mjs');
    writeFileSync(entry, "import * as core from '@actions/core';\ncore.info('ready');\n");
    execFileSync(
      join(ROOT, 'node_modules', '.bin', 'ncc'),
      ['build', entry, '-o', join(dir, 'out'), '--quiet', '--target', 'es2022'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    // ncc names an .mjs entry's bundle index.mjs
    if (!existsSync(out)) writeFileSync(out, "import './index.mjs';\n");
  }
  return out;
}

/** Bytes of the entry file and of the chunks it may load later with import(). */
function bundleBytes(dir: string): { entry: number; chunks: number } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
  const size = (f: string): number => statSync(join(dir, f)).size;
  const entry = files.filter((f) => /^index\.m?js$/.test(f)).reduce((n, f) => n + size(f), 0);
  return { entry, chunks: files.reduce((n, f) => n + size(f), 0) - entry };
}

function subjects(): Subject[] {
  const list: Subject[] = [{ name: 'node -e 0 (floor)', argv: ['-e', '0'] }];
  const base = baselineBundle();
  list.push({
    name: '@actions/core only (baseline)',
    argv: [base],
    bytes: bundleBytes(join(base, '..')),
  });
  for (const name of readdirSync(DIST).sort()) {
    const entry = join(DIST, name, 'index.js');
    if (!existsSync(entry)) continue;
    // Actions run with no inputs: their first line is the one-line input error, after every
    // module they load before checking inputs is evaluated. The CLI runs `inspect` with no
    // reference: its usage error comes after the command's module is loaded.
    list.push({
      name: `dist/${name}${name === 'kiln' ? ' (command: bake)' : name === 'cli' ? ' (kiln inspect)' : ''}`,
      argv: name === 'cli' ? [entry, 'inspect'] : [entry],
      // The suite entry is timed on a real command, so it loads that command's action.
      env:
        name === 'cli'
          ? {}
          : { GITHUB_ACTIONS: 'true', ...(name === 'kiln' ? { INPUT_COMMAND: 'bake' } : {}) },
      bytes: bundleBytes(join(DIST, name)),
    });
  }
  return list;
}

/** Milliseconds from spawn to the first output byte (or exit, for a silent process). */
function timeToFirstLine(s: Subject): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve(Number(process.hrtime.bigint() - start) / 1e6);
    };
    const child = spawn(process.execPath, s.argv, {
      env: cleanEnv(s.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.once('data', finish);
    child.stderr.once('data', finish);
    child.on('error', reject);
    child.on('close', finish);
  });
}

/**
 * Instructions the process executes, counted by callgrind (deterministic): to its first write
 * on stdout or stderr, and to its end. Callgrind dumps its counts before each write libuv makes
 * (`uv_try_write`, `uv_write`); the first dump holds everything before the first line.
 */
function instructions(s: Subject): { first: number; total: number } {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-startup-'));
  try {
    const file = join(dir, 'callgrind.out');
    const out = spawnSync(
      'valgrind',
      [
        '--tool=callgrind',
        `--callgrind-out-file=${file}`,
        '--dump-before=uv_try_write',
        '--dump-before=uv_write',
        process.execPath,
        ...s.argv,
      ],
      { env: cleanEnv(s.env), encoding: 'utf8' },
    );
    const m = /Collected : (\d+)/.exec(out.stderr ?? '');
    if (!m)
      throw new Error(`valgrind did not count ${s.name}: ${out.error?.message ?? out.stderr}`);
    const total = Number(m[1]);
    // No dump: the process wrote nothing, its end is its "first line".
    const firstDump = join(dir, 'callgrind.out.1');
    if (!existsSync(firstDump)) return { first: total, total };
    const totals = /^totals: (\d+)/m.exec(readFileSync(firstDump, 'utf8'));
    if (!totals) throw new Error(`callgrind wrote no totals for ${s.name}`);
    return { first: Number(totals[1]), total };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  const list = subjects();
  const times = new Map<string, number[]>(list.map((s) => [s.name, []]));
  // Interleaved rounds, so a busy moment of the machine touches every subject alike.
  for (let round = 0; round < RUNS + 1; round++) {
    for (const s of round % 2 ? [...list].reverse() : list) {
      const ms = await timeToFirstLine(s);
      if (round > 0) times.get(s.name)?.push(ms); // round 0 warms the page cache
    }
  }
  const counted = new Map(INSTRUCTIONS ? list.map((s) => [s.name, instructions(s)]) : []);
  const baseline = median(times.get('@actions/core only (baseline)') ?? [1]);
  const baseCount = counted.get('@actions/core only (baseline)') ?? { first: 1, total: 1 };
  const floor = median(times.get('node -e 0 (floor)') ?? [1]);
  const rows = list.map((s) => {
    const m = median(times.get(s.name) ?? []);
    const kib = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;
    const size = s.bytes ? `${kib(s.bytes.entry)} + ${kib(s.bytes.chunks)}` : '-';
    const n = counted.get(s.name);
    const mega = (x: number): string => `${(x / 1e6).toFixed(0)} M`;
    const count =
      n === undefined
        ? ''
        : ` ${mega(n.first)} | ${(n.first / baseCount.first).toFixed(2)}x | ${mega(n.total)} | ${(n.total / baseCount.total).toFixed(2)}x |`;
    return `| ${s.name} | ${size} | ${m.toFixed(0)} ms | ${(m / baseline).toFixed(2)}x | ${(m / floor).toFixed(2)}x |${count}`;
  });
  process.stdout.write(
    [
      `start-up to first log line, median of ${RUNS} interleaved runs, clean environment`,
      '',
      `| bundle | entry + lazy chunks | to first line | vs @actions/core only | vs node -e 0 |${INSTRUCTIONS ? ' instructions to first line | vs @actions/core only | instructions to exit | vs @actions/core only |' : ''}`,
      `|---|---|---|---|---|${INSTRUCTIONS ? '---|---|---|---|' : ''}`,
      ...rows,
      '',
    ].join('\n'),
  );
}

await main();
