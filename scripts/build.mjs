#!/usr/bin/env node
// Bundles each action entry (packages/actions/src/<name>/main.ts) and the CLI with ncc into
// dist/<name>/. With --check, builds into a temporary folder and fails if dist/ differs.
import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  cpSync,
  mkdirSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundleWorkers } from './bundle-workers.mjs';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const ncc = join(root, 'node_modules', '.bin', 'ncc');

function entries() {
  const dir = join(root, 'packages/actions/src');
  const list = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'main.ts')))
    .map((d) => ({ name: d.name, file: join(dir, d.name, 'main.ts') }));
  list.push({ name: 'cli', file: join(root, 'packages/cli/src/main.ts') });
  return list;
}

/** One ncc build; transpile only, since `npm run typecheck` checks the types once for all. */
function bundle(file, out) {
  return new Promise((resolve, reject) => {
    execFile(
      ncc,
      [
        'build',
        file,
        '-o',
        out,
        '--quiet',
        '--transpile-only',
        '--license',
        'licenses.txt',
        '--target',
        'es2022',
      ],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        process.stdout.write(stdout);
        process.stderr.write(stderr);
        if (err) reject(new Error(`ncc build ${relative(root, file)} failed`, { cause: err }));
        else resolve();
      },
    );
  });
}

/** Builds every entry, as many at a time as the machine has cores. */
async function build(outRoot) {
  const queue = entries();
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const out = join(outRoot, next.name);
      rmSync(out, { recursive: true, force: true });
      await bundle(next.file, out);
      process.stdout.write(`built dist/${next.name}\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  bundleWorkers(outRoot);
}

function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name), base) : [relative(base, join(dir, d.name))],
  );
}

if (!check) {
  // The suite entry's table of inputs per command is generated from the action.yml files; the
  // check mode leaves sources alone (a unit test fails while the table is stale).
  execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/command-inputs.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  mkdirSync(join(root, 'dist'), { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'kiln-dist-'));
  await build(tmp);
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  cpSync(tmp, join(root, 'dist'), { recursive: true });
  chmodSync(join(root, 'dist'), 0o755);
  rmSync(tmp, { recursive: true, force: true });
} else {
  const tmp = mkdtempSync(join(tmpdir(), 'kiln-dist-'));
  await build(tmp);
  const want = listFiles(tmp).sort();
  const have = listFiles(join(root, 'dist')).sort();
  const differ = [...new Set([...want, ...have])].filter((f) => {
    const a = join(tmp, f);
    const b = join(root, 'dist', f);
    return !existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b));
  });
  rmSync(tmp, { recursive: true, force: true });
  if (differ.length > 0) {
    process.stderr.write(
      `dist/ is out of sync with the sources (run \`npm run build\` and commit):\n${differ.map((f) => `  dist/${f}`).join('\n')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write('dist/ is in sync with the sources\n');
}
