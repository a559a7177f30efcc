import { rm } from 'node:fs/promises';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { errorMessage, isConfigurationError } from '../errors.js';
import { debug, warning } from '../log.js';
import { type Digest, digestHex } from '../oci/digest.js';
import { OciLayout } from '../oci/layout/oci-layout.js';
import type { Descriptor, ParsedManifest, RawManifest } from '../oci/manifest.js';
import { DigestMismatchError } from '../oci/registry/errors.js';
import type { ImageStore } from '../oci/store.js';
import { withTempDir } from '../util/temp-dir.js';
import { activity } from '../util/activity.js';
import {
  kilnCacheDir,
  onRunnerWithCache,
  restoreRunnerCache,
  saveRunnerCache,
} from './runner-cache.js';

/** Reads base blobs through a local layout, so each base layer is downloaded once per machine. */
export class CachedStore implements ImageStore {
  readonly label: string;
  downloaded = 0;
  /** Blobs proven intact in the cache by this process, or being made so. */
  private readonly ready = new Map<Digest, Promise<void>>();

  constructor(
    private readonly inner: ImageStore,
    private readonly cache: OciLayout,
  ) {
    this.label = inner.label;
  }

  /** Once per blob: the cached copy proven by its digest, else (re)downloaded into the cache. */
  private ensure(desc: Descriptor): Promise<void> {
    let done = this.ready.get(desc.digest);
    if (!done) {
      done = this.fill(desc);
      this.ready.set(desc.digest, done);
      // A failed fill is not remembered: a later read tries again.
      done.catch(() => this.ready.delete(desc.digest));
    }
    return done;
  }

  private async fill(desc: Descriptor): Promise<void> {
    if (await this.cachedPlainFile(desc)) {
      // A cached blob can rot on disk or arrive corrupt with a restored Actions cache; left in
      // place it would fail every later bake, so it is dropped and fetched again.
      const problem = await this.corruption(desc);
      if (!problem) return;
      warning(
        `base layer cache: ${desc.digest} failed its digest check (${problem}); dropped, downloading it again`,
      );
      await rm(this.cache.blobPath(desc.digest), { force: true });
    }
    // Await first: `x += await y` reads x before the wait and loses concurrent additions.
    const bytes = await activity(`reading layer ${desc.digest} of base ${this.inner.label}`, () =>
      this.cache.putBlob(desc, () => this.inner.openBlob(desc)),
    );
    this.downloaded += bytes;
  }

  /**
   * Whether the cache holds the blob; a link in its place (a restored cache keeps links) is
   * dropped with a warning. The cache's folders were checked by init(), so only the link goes.
   */
  private async cachedPlainFile(desc: Descriptor): Promise<boolean> {
    try {
      return await this.cache.hasBlob(desc);
    } catch (err) {
      if (!isConfigurationError(err)) throw err;
      warning(`base layer cache: ${errorMessage(err)}; dropped, downloading it again`);
      await rm(this.cache.blobPath(desc.digest), { force: true });
      return false;
    }
  }

  /** Why the cached copy does not match its digest, or undefined when it does. */
  private async corruption(desc: Descriptor): Promise<string | undefined> {
    const discard = new Writable({ write: (_chunk, _enc, cb) => cb() });
    try {
      await pipeline(await this.cache.openBlob(desc), discard);
      return undefined;
    } catch (err) {
      if (err instanceof DigestMismatchError) return errorMessage(err);
      throw err;
    }
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
  return kilnCacheDir('base', env);
}

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
  if (useActionsCache) hit = (await restoreRunnerCache(dir, key, 'base layer cache')) === key;
  const layout = new OciLayout(dir);
  try {
    await layout.init();
  } catch (err) {
    // A cache folder with links in it (or not a folder at all) is not used, never followed.
    warning(`base layer cache ${dir} not used: ${errorMessage(err)}`);
    return withTempDir('kiln-base-cache-', async (tmp) => {
      const fresh = new OciLayout(tmp);
      await fresh.init();
      return fn(new CachedStore(base, fresh));
    });
  }
  const store = new CachedStore(base, layout);
  const result = await fn(store);
  debug(`base cache ${dir}: ${store.downloaded} bytes downloaded${hit ? ' (restored)' : ''}`);
  if (useActionsCache && !hit && store.downloaded > 0) {
    await saveRunnerCache(dir, key, 'base layer cache');
  }
  return result;
}
