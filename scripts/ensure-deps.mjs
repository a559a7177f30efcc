#!/usr/bin/env node
// `npm run demo` and `npm test` on a fresh clone: install the npm dependencies first when they
// are missing or older than package-lock.json, so the two commands are the whole setup.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function ensureDependencies(root) {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  process.stderr.write('installing npm dependencies (npm ci) ...\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(
      'npm ci failed: run it yourself in the repository folder, then try again\n',
    );
    process.exit(r.status ?? 1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  ensureDependencies(new URL('..', import.meta.url).pathname);
