// The working tree the repository's workflows run on, for the demo and the e2e workflow tests:
// a copy of this checkout's workflows, actions, bundles and app, as a git repository.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../services.js';
import { DemoError } from './demo-error.js';

const run = promisify(execFile);

/** What the workspace holds of this checkout: the workflows, the actions and their bundles, the app. */
const COPIED = [
  '.github/kiln.yml',
  '.github/workflows/release.yml',
  '.github/workflows/rollback.yml',
  '.github/workflows/pr.yml',
  'actions',
  'dist',
  'examples/shop',
  'examples/kiln-policy.yml',
];

/** `git` in the working tree `dir`, as the demo's commits are made (no user config read). */
export async function gitIn(dir: string, args: string[]): Promise<string> {
  const { stdout } = await run(
    'git',
    ['-C', dir, '-c', 'user.name=Kiln demo', '-c', 'user.email=demo@kiln.invalid', ...args],
    { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } },
  );
  return stdout.trim();
}

/**
 * A fresh working tree in `dir`: this checkout's workflows (as committed), actions and their
 * bundles, and the app, as a git repository; `config` rewrites the text of .github/kiln.yml
 * (the registry, and for a test its own service names).
 */
export async function makeWorkspace(dir: string, config: (text: string) => string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  for (const path of COPIED) {
    if (!existsSync(join(ROOT, path)))
      throw new DemoError(
        `${path} is missing from this checkout${path === 'dist' ? ' (run npm run build)' : ''}`,
      );
    cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  }
  const file = join(dir, '.github/kiln.yml');
  writeFileSync(file, config(readFileSync(file, 'utf8')));
  // The bundles are used from the working tree as they are; kept out of git, so no commit
  // hashes their 100 MB again.
  writeFileSync(join(dir, '.gitignore'), 'build/\ndist/\n');
  await gitIn(dir, ['init', '-q', '-b', 'main']);
}

/** Commits everything in `dir`'s working tree; returns the commit. */
export async function commitAll(dir: string, message: string): Promise<string> {
  await gitIn(dir, ['add', '-A']);
  await gitIn(dir, ['commit', '-q', '--allow-empty', '-m', message]);
  return gitIn(dir, ['rev-parse', 'HEAD']);
}
