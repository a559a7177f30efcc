import {
  type Dirent,
  lstatSync,
  readdir as readdirCallback,
  readdirSync,
  readlinkSync,
  realpathSync,
} from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, type FileSystemAdapter } from 'tinyglobby';
import { invalidInput } from '../errors.js';
import type { FileStamp } from './layer-entry.js';

/** A file, folder or symlink of the build context that may go into the image. */
export interface ContextItem {
  /** Host path with every symlinked parent resolved. */
  abs: string;
  kind: 'file' | 'dir' | 'symlink';
  mode: number;
  linkTarget?: string;
  /** Files: the lstat that found it. */
  stamp?: FileStamp;
}

/** Throws the caller's error for a broken rule (it knows which input line is at fault). */
export type Fail = (rule: string) => never;

/**
 * The `context` folder of a bake. Everything copied into an image must stay inside it:
 * checks use real paths, so neither `..` nor a symlink (in a parent folder, as the copied
 * item, or reached while walking a folder) can pull host files into the layer.
 */
export class BuildContext {
  /** Real paths of the folders items were looked up in: once per folder, not once per item. */
  private readonly realDirs = new Map<string, string | undefined>();

  private constructor(readonly root: string) {}

  static async open(context: string): Promise<BuildContext> {
    try {
      const root = await realpath(resolve(context));
      if ((await stat(root)).isDirectory()) return new BuildContext(root);
    } catch {
      // reported below, with the rule
    }
    throw invalidInput('context', context, 'must be an existing folder');
  }

  contains(hostPath: string): boolean {
    const rel = relative(this.root, hostPath);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  }

  /**
   * Looks at one host path; `undefined` when it does not exist. `shown` is how errors name
   * it (relative to the context, as the user wrote it).
   */
  inspect(hostPath: string, shown: string, fail: Fail): ContextItem | undefined {
    if (!this.contains(hostPath)) fail(`"${shown}" resolves outside the context (through ..)`);
    const dir = dirname(hostPath);
    if (!this.realDirs.has(dir)) this.realDirs.set(dir, realpathOrUndefined(dir));
    const real = this.realDirs.get(dir);
    if (real === undefined) return undefined;
    if (!this.contains(real)) fail(`"${shown}" resolves outside the context through a symlink`);
    return this.itemAt(join(real, basename(hostPath)), shown, fail);
  }

  /**
   * The item at `abs`, whose folder is a real path inside the context: one lstat. The walk's
   * calls are synchronous: a few microseconds each, where the promise API's trip through the
   * thread pool made a tree of thousands of files cost tens of microseconds per item.
   */
  private itemAt(abs: string, shown: string, fail: Fail): ContextItem | undefined {
    const st = orIfMissing(() => lstatSync(abs, { bigint: true }), undefined);
    if (st === undefined) return undefined;
    const mode = Number(st.mode & 0o7777n);
    if (st.isFile()) {
      const { dev, ino, size, mtimeNs, ctimeNs } = st;
      return { abs, kind: 'file', mode, stamp: { dev, ino, size, mtimeNs, ctimeNs } };
    }
    if (st.isDirectory()) return { abs, kind: 'dir', mode };
    if (st.isSymbolicLink()) {
      return { abs, kind: 'symlink', mode, linkTarget: this.linkTarget(abs, shown, fail) };
    }
    return fail(
      `"${shown}" is a socket, fifo or device; only files, folders and symlinks can be copied`,
    );
  }

  /** A symlink is kept as a symlink only if it is relative and stays inside the context. */
  private linkTarget(abs: string, shown: string, fail: Fail): string {
    const target = readlinkSync(abs);
    const refuse = (why: string): never =>
      fail(
        `symlink "${shown}" -> "${target}" ${why}; only relative links inside the context are kept`,
      );
    if (isAbsolute(target)) refuse('is absolute');
    if (!this.contains(resolve(dirname(abs), target))) refuse('points outside the context');
    // The lexical check misses chains (a link to a link that leaves); the real path does not.
    // A dangling link that stays inside is kept, as `docker build` keeps it.
    let real: string | undefined;
    try {
      real = realpathSync.native(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') refuse(`cannot be resolved (${code ?? String(err)})`);
    }
    if (real !== undefined && !this.contains(real)) refuse('points outside the context');
    return target;
  }

  /**
   * Every item below a folder, depth first, with its path relative to that folder (`/`
   * separated). Symlinks are never followed. Names are visited in bytewise order so the
   * first error reported is the same on every run. The folder's real path is checked once,
   * after it is read (a folder swapped for a link out of the context is caught), and each
   * item costs one lstat.
   */
  *walk(dir: string, shownDir: string, fail: Fail): Generator<[string, ContextItem]> {
    const names = readdirSync(dir).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const real = realpathOrUndefined(dir);
    if (real === undefined) return; // removed while walking: nothing to copy
    if (!this.contains(real)) fail(`"${shownDir}" resolves outside the context through a symlink`);
    for (const name of names) {
      const shown = shownDir === '.' ? name : `${shownDir}/${name}`;
      const item = this.itemAt(join(real, name), shown, fail);
      if (item === undefined) continue; // removed while walking: nothing to copy
      yield [name, item];
      if (item.kind === 'dir') {
        for (const [rel, child] of this.walk(item.abs, shown, fail)) {
          yield [`${name}/${rel}`, child];
        }
      }
    }
  }

  /**
   * Glob matches relative to the context (folders end in `/`), including symlinks and special
   * files so the caller can keep or refuse them. Matching includes dotfiles, as `docker build`
   * does.
   */
  glob(pattern: string): Promise<string[]> {
    return glob(pattern, {
      cwd: this.root,
      dot: true,
      onlyFiles: false,
      expandDirectories: false,
      followSymbolicLinks: false,
      fs: LIST_LINKS_AS_FILES,
    });
  }
}

/**
 * tinyglobby either follows symlinks (and may crawl out of the context) or drops them from
 * the matches. Neither fits: a matching symlink must be listed so it can be kept or refused,
 * and must not be entered. Its crawler (fdir) decides from the directory entries it reads,
 * so symlinks, sockets, fifos and devices are presented to it as plain files; the caller
 * then looks at each match with lstat.
 */
function readdirListingLinksAsFiles(
  path: string,
  opts: { withFileTypes: true },
  done: (err: NodeJS.ErrnoException | null, entries?: Dirent[]) => void,
): void {
  readdirCallback(path, opts, (err, entries) => done(err, entries?.map(asFileEntry)));
}

function asFileEntry(entry: Dirent): Dirent {
  if (entry.isDirectory() || entry.isFile()) return entry;
  const shown = Object.create(entry) as Dirent;
  shown.isFile = () => true;
  shown.isSymbolicLink = () => false;
  return shown;
}

const LIST_LINKS_AS_FILES: FileSystemAdapter = {
  readdir: readdirListingLinksAsFiles as unknown as FileSystemAdapter['readdir'],
};

function realpathOrUndefined(p: string): string | undefined {
  return orIfMissing(() => realpathSync.native(p), undefined);
}

/** `read()`, or `value` when the path (or a folder on it) does not exist. */
function orIfMissing<T, U>(read: () => T, value: U): T | U {
  try {
    return read();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return value;
    throw err;
  }
}
