#!/usr/bin/env node
// Bundles each action entry (packages/actions/src/<name>/main.ts) and the CLI with ncc into
// dist/<name>/. With --check, builds into a temporary folder and fails if dist/ differs.
import { execFileSync } from 'node:child_process';
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
import { tmpdir } from 'node:os';
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

function build(outRoot) {
  for (const { name, file } of entries()) {
    const out = join(outRoot, name);
    rmSync(out, { recursive: true, force: true });
    execFileSync(
      ncc,
      ['build', file, '-o', out, '--quiet', '--license', 'licenses.txt', '--target', 'es2022'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    process.stdout.write(`built dist/${name}\n`);
  }
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
  build(tmp);
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  cpSync(tmp, join(root, 'dist'), { recursive: true });
  chmodSync(join(root, 'dist'), 0o755);
  rmSync(tmp, { recursive: true, force: true });
} else {
  const tmp = mkdtempSync(join(tmpdir(), 'kiln-dist-'));
  build(tmp);
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
