import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { FileStamp } from './layer-entry.js';

/**
 * How long a file must have been left alone (its ctime this far before it was read) for its hash
 * to be remembered. A change made within the same timestamp tick as the one before keeps the
 * stamp (git calls such files "racily clean"); ticks are a few milliseconds on ext4 and up to
 * 2 s on coarse file systems, so a file changed just before a bake is simply read again next time.
 */
export const RACY_NS = 3_000_000_000n;

const VERSION = 'kiln-file-index-1';

/** Device, inode, size, mtime and ctime: what git's index compares, as one string. */
function stampText(s: FileStamp): string {
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/**
 * Content hashes of files by path and stamp, as git's index keeps them: a file whose stamp is
 * unchanged since it was hashed is not read again to compute a layer key. Kept in the layer
 * cache's folder, so it is trusted as far as the cache is (verify-reproducible checks both).
 * Only this bake's files are written back, so it never grows past one tree.
 */
export class FileIndex {
  private known = new Map<string, [string, string]>();
  private readonly kept = new Map<string, [string, string]>();
  private loaded: Promise<void> | undefined;
  private dirty = false;

  /** `racyNs`: how long a file must be left alone for its hash to be kept (tests shorten it). */
  constructor(
    readonly file: string,
    private readonly racyNs = RACY_NS,
  ) {}

  /** Reads the index once; a missing or unreadable one is empty (every file is read). */
  load(): Promise<void> {
    this.loaded ??= readFile(this.file, 'utf8')
      .then((text) => {
        const data = JSON.parse(text) as { version?: unknown; files?: unknown };
        if (data.version !== VERSION || typeof data.files !== 'object' || !data.files) return;
        for (const [path, v] of Object.entries(data.files as Record<string, unknown>)) {
          if (
            Array.isArray(v) &&
            v.length === 2 &&
            typeof v[0] === 'string' &&
            typeof v[1] === 'string' &&
            /^[0-9a-f]{64}$/.test(v[1])
          )
            this.known.set(path, [v[0], v[1]]);
        }
      })
      .catch(() => {}); // missing, unreadable or not JSON
    return this.loaded;
  }

  /** The content hash recorded for `source` with exactly this stamp, if any. */
  lookup(source: string, stamp: FileStamp): string | undefined {
    const hit = this.known.get(source);
    if (!hit || hit[0] !== stampText(stamp)) return undefined;
    this.kept.set(source, hit);
    return hit[1];
  }

  /**
   * Remembers the hash of content read at `readAtNs` (wall clock) from a file whose stamp was
   * `stamp` before and during the read; unless it changed too recently to be told apart.
   */
  record(source: string, stamp: FileStamp, sha: string, readAtNs: bigint): void {
    const since = readAtNs - this.racyNs;
    if (stamp.ctimeNs > since || stamp.mtimeNs > since) return;
    this.kept.set(source, [stampText(stamp), sha]);
    this.dirty = true;
  }

  /** Writes this bake's entries (temp file + rename), when any was added or one was dropped. */
  async save(): Promise<void> {
    if (!this.dirty && this.kept.size === this.known.size) return;
    const tmp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    const files = Object.fromEntries([...this.kept].sort(([a], [b]) => (a < b ? -1 : 1)));
    try {
      await writeFile(tmp, JSON.stringify({ version: VERSION, files }), { flag: 'wx' });
      await rename(tmp, this.file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    this.known = new Map(this.kept);
    this.dirty = false;
  }
}

/** Wall-clock time in nanoseconds, the clock file timestamps are taken from. */
export function wallClockNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}
