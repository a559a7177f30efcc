import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { debug, warning } from '../log.js';
import { type Digest, digestHex } from '../oci/digest.js';
import { OciLayout } from '../oci/layout/oci-layout.js';
import type { Descriptor, ParsedManifest, RawManifest } from '../oci/manifest.js';
import type { ImageStore } from '../oci/store.js';

/** Reads base blobs through a local layout, so each base layer is downloaded once per machine. */
export class CachedStore implements ImageStore {
  readonly label: string;
  downloaded = 0;

  constructor(
    private readonly inner: ImageStore,
    private readonly cache: OciLayout,
  ) {
    this.label = inner.label;
  }

  private async ensure(desc: Descriptor): Promise<void> {
    if (await this.cache.hasBlob(desc)) return;
    // Await first: `x += await y` reads x before the wait and loses concurrent additions.
    const bytes = await this.cache.putBlob(desc, () => this.inner.openBlob(desc));
    this.downloaded += bytes;
  }

  async hasBlob(desc: Descriptor): Promise<boolean> {
    return (await this.cache.hasBlob(desc)) || this.inner.hasBlob(desc);
  }

  async openBlob(desc: Descriptor): Promise<Readable> {
    await this.ensure(desc);
    return this.cache.openBlob(desc);
  }

  async readBlob(desc: Descriptor): Promise<Buffer> {
    await this.ensure(desc);
    return this.cache.readBlob(desc);
  }

  putBlob(desc: Descriptor, open: () => Promise<Readable>): Promise<number> {
    return this.inner.putBlob(desc, open);
  }

  getManifest(reference: string): Promise<ParsedManifest> {
    return this.inner.getManifest(reference);
  }

  resolve(reference: string): Promise<Digest | undefined> {
    return this.inner.resolve(reference);
  }

  putManifest(raw: RawManifest, opts?: { tag?: string; root?: boolean }): Promise<void> {
    return this.inner.putManifest(raw, opts);
  }
}

export function baseCacheDir(env = process.env): string {
  if (env.KILN_CACHE_DIR) return join(env.KILN_CACHE_DIR, 'base');
  if (env.RUNNER_TEMP) return join(env.RUNNER_TEMP, 'kiln-base-cache');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'kiln', 'base');
}

const onRunnerWithCache = (env = process.env): boolean =>
  env.GITHUB_ACTIONS === 'true' && Boolean(env.ACTIONS_RESULTS_URL ?? env.ACTIONS_CACHE_URL);

/**
 * Runs `fn` with a base-blob cache: a local folder, restored from and saved to the GitHub
 * Actions cache on runners (keyed by base digest). Cache trouble is a warning, never a failure.
 */
export async function withBaseCache<T>(
  baseDigest: Digest,
  base: ImageStore,
  fn: (store: CachedStore) => Promise<T>,
): Promise<T> {
  const dir = baseCacheDir();
  const key = `kiln-base-${digestHex(baseDigest)}`;
  let hit = false;
  const useActionsCache = onRunnerWithCache();
  if (useActionsCache) {
    try {
      const cache = await import('@actions/cache');
      hit = (await cache.restoreCache([dir], key)) === key;
    } catch (err) {
      warning(`base layer cache not restored: ${(err as Error).message}`);
    }
  }
  const layout = new OciLayout(dir);
  await layout.init();
  const store = new CachedStore(base, layout);
  const result = await fn(store);
  debug(`base cache ${dir}: ${store.downloaded} bytes downloaded${hit ? ' (restored)' : ''}`);
  if (useActionsCache && !hit && store.downloaded > 0) {
    try {
      const cache = await import('@actions/cache');
      await cache.saveCache([dir], key);
    } catch (err) {
      warning(`base layer cache not saved: ${(err as Error).message}`);
    }
  }
  return result;
}
