import { homedir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import { warning } from '../log.js';

/** The bake's caches: base layers and app layers, each a folder of its own. */
export type CacheKind = 'base' | 'layers';

/** `KILN_CACHE_DIR/<kind>`, else the runner's temp folder, else the user's cache folder. */
export function kilnCacheDir(kind: CacheKind, env = process.env): string {
  if (env.KILN_CACHE_DIR) return join(env.KILN_CACHE_DIR, kind);
  if (env.RUNNER_TEMP)
    return join(env.RUNNER_TEMP, kind === 'base' ? 'kiln-base-cache' : 'kiln-layer-cache');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'kiln', kind);
}

/** Whether the GitHub Actions cache service is reachable (a runner that has one). */
export const onRunnerWithCache = (env = process.env): boolean =>
  env.GITHUB_ACTIONS === 'true' && Boolean(env.ACTIONS_RESULTS_URL ?? env.ACTIONS_CACHE_URL);

/**
 * Restores `dir` from the Actions cache: the entry `key`, else the newest whose key starts
 * with one of `restoreKeys`. Returns the key restored; trouble is a warning, never a failure.
 */
export async function restoreRunnerCache(
  dir: string,
  key: string,
  what: string,
  restoreKeys: string[] = [],
): Promise<string | undefined> {
  try {
    const cache = await import('@actions/cache');
    return await cache.restoreCache([dir], key, restoreKeys);
  } catch (err) {
    warning(`${what} not restored: ${errorMessage(err)}`);
    return undefined;
  }
}

/** Saves `dir` to the Actions cache under `key`; trouble is a warning, never a failure. */
export async function saveRunnerCache(dir: string, key: string, what: string): Promise<void> {
  try {
    const cache = await import('@actions/cache');
    await cache.saveCache([dir], key);
  } catch (err) {
    warning(`${what} not saved: ${errorMessage(err)}`);
  }
}
