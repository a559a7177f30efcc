import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ConfigurationError, invalidInput } from '../errors.js';

const run = promisify(execFile);
const MAX = 2 ** 31 - 1; // tar headers and most tools stop at 2038

export function parseSourceDateEpoch(input: string, raw: string): number {
  const v = raw.trim();
  if (!/^\d+$/.test(v) || Number(v) > MAX) {
    throw invalidInput(input, raw, `must be whole seconds since 1970 (0 to ${MAX})`);
  }
  return Number(v);
}

/**
 * The bake's only clock: the input, else SOURCE_DATE_EPOCH, else the commit time of HEAD.
 * Never the wall clock, so the same commit bakes to the same digest on any day.
 */
export async function sourceDateEpoch(
  raw: string,
  cwd: string,
  env = process.env,
): Promise<number> {
  if (raw.trim() !== '') return parseSourceDateEpoch('source-date-epoch', raw);
  if (env.SOURCE_DATE_EPOCH)
    return parseSourceDateEpoch('SOURCE_DATE_EPOCH', env.SOURCE_DATE_EPOCH);
  try {
    if (!mayBeInGitRepository(cwd, env)) throw new Error('no git repository here or above');
    const { stdout } = await run('git', ['log', '-1', '--format=%ct', 'HEAD'], { cwd });
    return parseSourceDateEpoch('source-date-epoch', stdout.trim());
  } catch (err) {
    throw new ConfigurationError(
      `Input "source-date-epoch" is empty and the commit time of HEAD could not be read in ${cwd} (${(err as Error).message.split('\n')[0]}); check out the repository (actions/checkout) or set source-date-epoch`,
      { cause: err },
    );
  }
}

/** The commit being baked, for the revision label: GITHUB_SHA on runners, else `git rev-parse`. */
export async function headRevision(cwd: string, env = process.env): Promise<string | undefined> {
  if (!mayBeInGitRepository(cwd, env)) return undefined;
  try {
    return (await run('git', ['rev-parse', 'HEAD'], { cwd })).stdout.trim();
  } catch {
    return undefined;
  }
}

/**
 * False only when git could not find a repository from `cwd`: no GIT_DIR and no `.git` in it
 * or any folder above. Starting git costs 10 to 15 ms of this thread (a fork of the whole
 * process), for an answer known without it when a context is baked outside a checkout.
 */
export function mayBeInGitRepository(cwd: string, env = process.env): boolean {
  if (env.GIT_DIR) return true;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return true;
    if (dirname(dir) === dir) return false;
  }
}
