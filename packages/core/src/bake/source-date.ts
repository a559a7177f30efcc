import { execFile } from 'node:child_process';
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
export async function headRevision(cwd: string): Promise<string | undefined> {
  try {
    return (await run('git', ['rev-parse', 'HEAD'], { cwd })).stdout.trim();
  } catch {
    return undefined;
  }
}
