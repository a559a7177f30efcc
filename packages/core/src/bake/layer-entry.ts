/**
 * What a file looked like when the copy resolution found it (its one lstat): the layer cache's
 * key reuses it, and a file whose stamp changes while a layer is baked is not cached.
 */
export interface FileStamp {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** One entry of an image layer, as the copy resolution hands it to the layer writer. */
export interface LayerEntry {
  /** In-image path without leading or trailing slash, e.g. `www/index.html`. */
  path: string;
  type: 'file' | 'dir' | 'symlink';
  /** Absolute host path of the bytes to copy (files only). */
  source?: string;
  /** Target of a symlink, kept verbatim (relative). */
  linkTarget?: string;
  /** Permission bits (0o7777 at most) kept from the source. */
  mode: number;
  /** Files found in the context: the source's stamp when it was found. */
  stamp?: FileStamp;
}

/** Directories implied by a deeper path get the usual mode, as `mkdir -p` under umask 022. */
export const IMPLIED_DIR_MODE = 0o755;

/**
 * Bytewise order of the UTF-8 paths. `localeCompare` and UTF-16 order differ between
 * environments and for non-ASCII names; the tar must list entries the same way everywhere.
 */
export function comparePaths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function sortEntries(entries: readonly LayerEntry[]): LayerEntry[] {
  return entries
    .map((entry) => ({ entry, key: Buffer.from(entry.path, 'utf8') }))
    .sort((x, y) => Buffer.compare(x.key, y.key))
    .map((x) => x.entry);
}

/** Joins in-image paths where `''` is the image root. */
export function imageJoin(dir: string, name: string): string {
  if (dir === '') return name;
  if (name === '') return dir;
  return `${dir}/${name}`;
}

/** `a/b/c` -> [`a`, `a/b`]. */
export function parentPaths(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
