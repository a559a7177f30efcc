import { createHash, randomBytes } from 'node:crypto';
import { type BigIntStats, lstatSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { errorMessage } from '../errors.js';
import { debug, warning } from '../log.js';
import { type Digest, digestHex } from '../oci/digest.js';
import { OciLayout } from '../oci/layout/oci-layout.js';
import type { Descriptor } from '../oci/manifest.js';
import { MediaType } from '../oci/media-types.js';
import {
  DEFLATE_LEVEL,
  DEFLATE_MEM,
  ENTROPY_STRIDE,
  FAST_ENTROPY,
  FAST_LEVEL,
  STORE_ENTROPY,
} from './deflate-chunk.mjs';
import { FileIndex, wallClockNs } from './file-index.js';
import { type FileStamp, sortEntries, type LayerEntry } from './layer-entry.js';
import { type LayerOptions, type LayerResult, writeLayer } from './layer-writer.js';
import { SMALL_FILE, SourceFile } from './source-file.js';
import { GZIP_CHUNK, SEGMENT } from './parallel-gzip.js';
import {
  kilnCacheDir,
  onRunnerWithCache,
  restoreRunnerCache,
  saveRunnerCache,
} from './runner-cache.js';

/**
 * What the layer writer's bytes depend on besides its inputs. Any change to the tar layout or
 * the compression (fflate's version, chunk and segment size, level, table size, store rule) must change
 * this, so a cache never serves a layer the current writer would not write.
 */
export const LAYER_WRITER_VERSION = `kiln-layer-5 fflate-0.8.3 chunk-${GZIP_CHUNK}/${SEGMENT} level-${DEFLATE_LEVEL}/${FAST_LEVEL}@${FAST_ENTROPY} mem-${DEFLATE_MEM} store-${STORE_ENTROPY}mm/${ENTROPY_STRIDE}`;

/** Local cache entries unused for this long are dropped after a bake. */
export const LAYER_CACHE_MAX_AGE_MS = 14 * 24 * 3600 * 1000;

/**
 * Files hashed at once while computing a key. Small files are read synchronously, so this only
 * overlaps the reads of large ones with hashing; each stream holds up to two 1 MiB pieces, and
 * several layers compute their keys at once, so it stays small.
 */
const HASH_CONCURRENCY = 2;

/**
 * Bytes of small files a key keeps after reading them, handed to the layer writer on a miss so
 * they are read once; beyond it they are read again (memory stays bounded).
 */
const KEPT_CONTENT_BYTES = 32 * 1024 * 1024;

/** A file whose layer bytes the writer reads itself, and how it looked when it was found. */
interface Stamped {
  source: string;
  stamp: FileStamp;
}

/** The cache key of a layer and what the layer writer needs to trust it afterwards. */
export interface LayerKey {
  key: string;
  /** Files the writer reads again: each must still have its stamp after the layer is written. */
  recheck: Stamped[];
  /** Small files already read for the key: the writer writes these bytes, hashed as they are. */
  contents: Map<string, Buffer>;
  /** A file changed while it was read for the key: the layer is not cached. */
  changed: boolean;
  /** Files whose content hash came from the file index, not from reading them. */
  fromIndex: number;
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return (
    a.dev === b.dev &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeNs === b.mtimeNs &&
    a.ctimeNs === b.ctimeNs
  );
}

const stampOf = (st: BigIntStats): FileStamp => ({
  dev: st.dev,
  ino: st.ino,
  size: st.size,
  mtimeNs: st.mtimeNs,
  ctimeNs: st.ctimeNs,
});

/**
 * Reads a file for its content hash as the layer writer reads it (SourceFile): small files
 * whole (their bytes returned), larger ones streamed through the hash.
 */
async function readForKey(
  source: string,
  keep: boolean,
): Promise<{ sha: string; stamp: FileStamp; body?: Buffer }> {
  const file = SourceFile.open(source);
  try {
    const stamp = stampOf(file.stat);
    const hash = createHash('sha256');
    // Small files in one read: the cost of a tree of thousands of them is the cost per file.
    if (file.size <= SMALL_FILE) {
      const body = file.readWhole();
      return { sha: hash.update(body).digest('hex'), stamp, ...(keep ? { body } : {}) };
    }
    await pipeline(file.stream(), hash);
    return { sha: hash.digest('hex'), stamp };
  } finally {
    file.close();
  }
}

/**
 * Digest of everything a layer's bytes depend on: sorted paths, types, modes, link targets,
 * sizes and content hashes of the entries, owner and mtime, and the writer's version. A file
 * is stamped by the copy resolution's lstat; its content hash comes from `index` when the stamp
 * is unchanged since it was recorded, else from reading it.
 */
export async function layerKey(
  entries: LayerEntry[],
  opts: LayerOptions,
  index?: FileIndex,
): Promise<LayerKey> {
  await index?.load();
  const sorted = sortEntries(entries);
  const files = sorted.filter((e) => e.type === 'file');
  const facts = new Map<string, { size: bigint; sha: string }>();
  const out: LayerKey = { key: '', recheck: [], contents: new Map(), changed: false, fromIndex: 0 };
  let keptBytes = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const entry = files[next++] as LayerEntry;
      const source = entry.source as string;
      // Entries made by hand (not by the copy resolution) are stamped here.
      const stamp = entry.stamp ?? stampOf(lstatSync(source, { bigint: true }));
      const known = index?.lookup(source, stamp);
      if (known) {
        facts.set(source, { size: stamp.size, sha: known });
        out.recheck.push({ source, stamp });
        out.fromIndex++;
        continue;
      }
      const keep = stamp.size <= SMALL_FILE && keptBytes + Number(stamp.size) <= KEPT_CONTENT_BYTES;
      if (keep) keptBytes += Number(stamp.size);
      const readAt = wallClockNs();
      const read = await readForKey(source, keep);
      facts.set(source, { size: stamp.size, sha: read.sha });
      if (!sameStamp(read.stamp, stamp)) {
        out.changed = true;
        continue;
      }
      index?.record(source, stamp, read.sha, readAt);
      if (read.body) out.contents.set(source, read.body);
      else out.recheck.push({ source, stamp });
    }
  };
  await Promise.all(Array.from({ length: HASH_CONCURRENCY }, worker));
  const lines = sorted.map((e) => {
    const f = e.source ? facts.get(e.source) : undefined;
    return [e.path, e.type, e.mode, e.linkTarget ?? '', Number(f?.size ?? 0), f?.sha ?? ''];
  });
  const hash = createHash('sha256').update(
    JSON.stringify([
      LAYER_WRITER_VERSION,
      opts.sourceDateEpoch,
      opts.uid ?? 0,
      opts.gid ?? 0,
      lines,
    ]),
  );
  out.key = hash.digest('hex');
  return out;
}

/** Whether every file the writer read itself still looks as it did when it was found. */
function unchanged(files: Stamped[]): boolean {
  for (const f of files) {
    let st: BigIntStats | undefined;
    try {
      st = lstatSync(f.source, { bigint: true });
    } catch {
      return false; // gone, or a folder on its path replaced
    }
    if (!sameStamp(stampOf(st), f.stamp)) return false;
  }
  return true;
}

const isResult = (v: unknown): v is LayerResult => {
  const r = v as LayerResult;
  return (
    typeof r === 'object' &&
    r !== null &&
    /^sha256:[0-9a-f]{64}$/.test(String(r.digest)) &&
    /^sha256:[0-9a-f]{64}$/.test(String(r.diffId)) &&
    Number.isSafeInteger(r.size) &&
    Number.isSafeInteger(r.uncompressedSize)
  );
};

/**
 * App layers by the digest of their inputs: `keys/<key>.json` names a layer, `blobs/` (an OCI
 * layout) holds it. A hit is proven by reading the blob against its digest; an entry that fails
 * (a rotten disk, a damaged restored cache) is dropped and the layer written again. A blob once
 * proven is remembered in the file index by its stamp, as source files are: while the stamp is
 * the same (nothing wrote to it since; a restored cache has new inodes), it is not read again.
 */
export class LayerCache {
  readonly layout: OciLayout;
  /** Keys this process used or wrote: what a runner's saved cache keeps. */
  readonly used = new Set<string>();
  /** Content hashes of the files of earlier bakes, by stamp. */
  readonly files: FileIndex;
  written = 0;

  /** `racyNs`: how long a blob must be left alone for its proof to be remembered (tests shorten it). */
  constructor(
    readonly dir: string,
    racyNs?: bigint,
  ) {
    this.layout = new OciLayout(dir);
    this.files = new FileIndex(join(dir, 'files.json'), racyNs);
  }

  async init(): Promise<void> {
    await this.layout.init();
    await mkdir(join(this.dir, 'keys'), { recursive: true });
  }

  private keyFile(key: string): string {
    return join(this.dir, 'keys', `${key}.json`);
  }

  /** The cached layer for `key`, proven intact, or undefined. */
  async get(key: string): Promise<LayerResult | undefined> {
    let entry: unknown;
    try {
      entry = JSON.parse(await readFile(this.keyFile(key), 'utf8'));
    } catch {
      return undefined;
    }
    const desc = isResult(entry)
      ? { mediaType: MediaType.OciLayerGzip, digest: entry.digest, size: entry.size }
      : undefined;
    let problem = desc ? undefined : 'unreadable entry';
    if (desc && !problem) {
      try {
        if (!(await this.layout.hasBlob(desc))) problem = 'layer file missing or of the wrong size';
        else await this.prove(desc);
      } catch (err) {
        problem = errorMessage(err);
      }
    }
    if (problem) {
      warning(
        `layer cache: entry ${key} failed its check (${problem}); dropped, writing the layer again`,
      );
      await rm(this.keyFile(key), { force: true });
      if (desc) await rm(this.layout.blobPath(desc.digest), { force: true });
      return undefined;
    }
    const now = new Date();
    await utimes(this.keyFile(key), now, now).catch(() => {});
    this.used.add(key);
    return entry as LayerResult;
  }

  /**
   * Reads a blob against its digest (openBlob verifies while read), unless the file index holds
   * its proof for its current stamp; a proof is remembered only if the stamp held during the read.
   */
  private async prove(desc: Descriptor): Promise<void> {
    await this.files.load();
    const path = this.layout.blobPath(desc.digest);
    const hex = digestHex(desc.digest);
    const stamp = stampOf(lstatSync(path, { bigint: true }));
    if (this.files.lookup(path, stamp) === hex) return;
    const readAt = wallClockNs();
    await pipeline(await this.layout.openBlob(desc), new Writable({ write: (_c, _e, cb) => cb() }));
    if (sameStamp(stampOf(lstatSync(path, { bigint: true })), stamp))
      this.files.record(path, stamp, hex, readAt);
  }

  async put(key: string, result: LayerResult): Promise<void> {
    const file = this.keyFile(key);
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify(result), { flag: 'wx' });
    await rename(tmp, file);
    this.used.add(key);
    this.written++;
  }

  /**
   * Drops entries: all but this bake's (`onlyUsed`, before a runner saves the folder), else those
   * unused for LAYER_CACHE_MAX_AGE_MS; then every blob no entry names.
   */
  async prune(onlyUsed: boolean, now = Date.now()): Promise<void> {
    const keep = new Set<string>();
    for (const name of await readdir(join(this.dir, 'keys'))) {
      const key = name.replace(/\.json$/, '');
      const file = join(this.dir, 'keys', name);
      const old = onlyUsed
        ? !this.used.has(key)
        : now - (await stat(file)).mtimeMs > LAYER_CACHE_MAX_AGE_MS;
      const entry: unknown = old
        ? undefined
        : JSON.parse(await readFile(file, 'utf8').catch(() => 'null'));
      if (!isResult(entry)) await rm(file, { force: true });
      else keep.add(digestHex(entry.digest));
    }
    const blobs = join(this.dir, 'blobs', 'sha256');
    for (const name of await readdir(blobs))
      if (!keep.has(name)) await rm(join(blobs, name), { force: true });
  }
}

/** One app layer, from the cache or written now. */
export interface BakedLayer extends LayerResult {
  cached: boolean;
}

/**
 * The layer of `entries` as a blob of `target`, or of the cache when there is one: a hit costs
 * the hashing of the inputs; a miss writes the layer straight into its final place.
 */
export async function bakeLayer(
  entries: LayerEntry[],
  opts: LayerOptions,
  target: OciLayout,
  cache?: LayerCache,
): Promise<BakedLayer> {
  const key = cache ? await layerKey(entries, opts, cache.files) : undefined;
  if (cache && key) {
    const hit = key.changed ? undefined : await cache.get(key.key);
    if (hit) return { ...hit, cached: true };
  }
  const layout = cache ? cache.layout : target;
  await layout.init();
  const tmp = join(layout.dir, 'blobs', 'sha256', `.layer-${randomBytes(6).toString('hex')}`);
  const result = await writeLayer(entries, opts, tmp, key?.contents);
  await rename(tmp, layout.blobPath(result.digest as Digest));
  if (cache && key) {
    // A file changed between hashing and writing: the layer is right for what was read, but
    // not for the key; it is used and not remembered.
    // Bytes the key read were written as read; files read again must not have changed since.
    if (!key.changed && unchanged(key.recheck)) await cache.put(key.key, result);
    else debug(`layer cache: inputs changed while baking; layer ${result.digest} not cached`);
  }
  return { ...result, cached: false };
}

/**
 * Runs `fn` with the layer cache (undefined when `enabled` is false or the folder cannot be
 * used): a local folder, restored from and saved to the Actions cache on runners.
 */
export async function withLayerCache<T>(
  enabled: boolean,
  fn: (cache: LayerCache | undefined) => Promise<T>,
): Promise<T> {
  if (!enabled) return fn(undefined);
  const dir = kilnCacheDir('layers');
  const runner = onRunnerWithCache();
  const PREFIX = 'kiln-layers-';
  const restored = runner
    ? await restoreRunnerCache(dir, `${PREFIX}none`, 'layer cache', [PREFIX])
    : undefined;
  const cache = new LayerCache(dir);
  try {
    await cache.init();
  } catch (err) {
    warning(`layer cache ${dir} not used: ${errorMessage(err)}`);
    return fn(undefined);
  }
  const result = await fn(cache);
  try {
    await cache.files.save();
  } catch (err) {
    warning(`layer cache ${dir}: file index not saved: ${errorMessage(err)}`);
  }
  try {
    await cache.prune(runner);
  } catch (err) {
    warning(`layer cache ${dir} not pruned: ${errorMessage(err)}`);
  }
  debug(`layer cache ${dir}: ${cache.used.size} layers used, ${cache.written} written`);
  if (runner && cache.written > 0) {
    // Named by this bake's layers, so an identical later bake finds nothing to save.
    const key = `${PREFIX}${createHash('sha256')
      .update([...cache.used].sort().join('\n'))
      .digest('hex')}`;
    if (key !== restored) await saveRunnerCache(dir, key, 'layer cache');
  }
  return result;
}
