#!/usr/bin/env node
// Runs jest in ESM mode and ends with the plain line `tests: N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies } from './ensure-deps.mjs';

const root = new URL('..', import.meta.url).pathname;
ensureDependencies(root);
mkdirSync(join(root, '.kiln'), { recursive: true });
// One report per run, so runs side by side do not read each other's counts.
const report = join(root, '.kiln', `jest-report-${process.pid}.json`);
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const args = [jest, '--json', `--outputFile=${report}`, ...process.argv.slice(2)];
const env = {
  ...process.env,
  NODE_OPTIONS:
    `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
};
const run = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  skipped = r.numPendingTests + r.numTodoTests;
  rmSync(report, { force: true });
}
process.stdout.write(
  `\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
);
process.exit(run.status ?? 1);
