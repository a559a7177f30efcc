import { posix } from 'node:path';
import type { FileFact, FileType } from './layer-walk.js';

/**
 * How many path components (symlink targets included) a lookup may walk: the bound of moby's
 * FollowSymlinkInScope, which is how Docker finds /etc/passwd inside a container's root.
 */
export const PATH_STEPS_MAX = 255;

/** What a path is in the merged filesystem, as lstat would say (hard links seen through). */
export type PathKind = Exclude<FileType, 'hardlink'>;

/** The merged filesystem as lookups need it: entries by path, plus directories only implied. */
export class ImageTree {
  private readonly byPath: ReadonlyMap<string, FileFact>;
  private readonly impliedDirs = new Set<string>();

  constructor(files: readonly FileFact[]) {
    this.byPath = new Map(files.map((f) => [f.path, f]));
    for (const f of files) {
      for (let cut = f.path.lastIndexOf('/'); cut > 0; cut = f.path.lastIndexOf('/', cut - 1)) {
        this.impliedDirs.add(f.path.slice(0, cut));
      }
    }
  }

  get(path: string): FileFact | undefined {
    return this.byPath.get(path);
  }

  /** lstat of a root-relative path: its kind, `missing`, or `notdir` when a parent is not a directory. */
  lstat(
    path: string,
  ): { kind: PathKind; fact?: FileFact; linkTarget?: string } | 'missing' | 'notdir' {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = this.kindOf(parts.slice(0, i).join('/'));
      if (parent === undefined) return 'missing';
      if (parent.kind !== 'dir') return 'notdir';
    }
    return this.kindOf(path) ?? 'missing';
  }

  private kindOf(
    path: string,
  ): { kind: PathKind; fact?: FileFact; linkTarget?: string } | undefined {
    const fact = this.byPath.get(path);
    if (!fact) return this.impliedDirs.has(path) ? { kind: 'dir' } : undefined;
    if (fact.type !== 'hardlink') {
      return fact.linkTarget !== undefined
        ? { kind: fact.type, fact, linkTarget: fact.linkTarget }
        : { kind: fact.type, fact };
    }
    // A hard link is whatever it links to; one to nothing could not have been extracted.
    if (!fact.linked) return { kind: 'other', fact };
    const l = fact.linked;
    return l.linkTarget !== undefined
      ? { kind: l.type, fact, linkTarget: l.linkTarget }
      : { kind: l.type, fact };
  }
}

export type ScopedPath =
  | { ok: true; path: string; symlinks: string[] }
  | { ok: false; reason: string; symlinks: string[] };

/**
 * Resolves every symlink in `path` (absolute or relative targets) without leaving the image
 * root, as FollowSymlinkInScope does: `..` stops at the root, a missing component is kept as
 * written, a component below a non-directory is an error, and more than PATH_STEPS_MAX steps
 * is a loop. Returns the root-relative path and the symlinks followed on the way.
 */
export function resolveInImage(tree: ImageTree, path: string): ScopedPath {
  const symlinks: string[] = [];
  let rest = posix.normalize(`/${path}`).slice(1);
  let done = ''; // resolved so far, root-relative, no symlinks in it
  for (let steps = 0; rest !== ''; steps++) {
    if (steps > PATH_STEPS_MAX) {
      return { ok: false, reason: `too many symlinks resolving /${path}`, symlinks };
    }
    const slash = rest.indexOf('/');
    const part = slash < 0 ? rest : rest.slice(0, slash);
    rest = slash < 0 ? '' : rest.slice(slash + 1);
    if (part === '' || part === '.') continue;
    const next = posix.normalize(`/${done}/${part}`).slice(1);
    if (next === '') {
      done = '';
      continue;
    }
    const stat = tree.lstat(next);
    if (stat === 'notdir') {
      return { ok: false, reason: `/${posix.dirname(next)} is not a directory`, symlinks };
    }
    if (stat === 'missing' || stat.kind !== 'symlink') {
      done = next;
      continue;
    }
    const target = stat.linkTarget ?? '';
    symlinks.push(`/${next} -> ${target}`);
    // A relative target continues from the symlink's directory, which is `done`.
    if (target.startsWith('/')) done = '';
    rest = rest === '' ? target : `${target}/${rest}`;
  }
  return { ok: true, path: done, symlinks };
}
