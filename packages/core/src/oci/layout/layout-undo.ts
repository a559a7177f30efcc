import { lstat, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeLayoutFile } from './layout-files.js';

/** The folders of a layout whose entries a write can add to. */
const FOLDERS: readonly string[][] = [[], ['blobs'], ['blobs', 'sha256'], ['blobs', 'sha512']];

interface Before {
  /** The outermost folder the write will create, when the layout folder does not exist yet. */
  created?: string;
  /** Names each folder held before, by the folder's path below the layout. */
  names: Map<string, Set<string>>;
  index?: Buffer;
}

async function missing(path: string): Promise<boolean> {
  return lstat(path).then(
    () => false,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return true;
      throw err;
    },
  );
}

const namesOf = (path: string): Promise<Set<string> | undefined> =>
  readdir(path).then(
    (names) => new Set(names),
    () => undefined,
  );

async function snapshot(dir: string): Promise<Before> {
  if (await missing(dir)) {
    let created = dir;
    while (dirname(created) !== created && (await missing(dirname(created))))
      created = dirname(created);
    return { created, names: new Map() };
  }
  const names = new Map<string, Set<string>>();
  for (const parts of FOLDERS) {
    const found = await namesOf(join(dir, ...parts));
    if (found) names.set(parts.join('/'), found);
  }
  const before: Before = { names };
  // Only a regular file is kept for restoring; a link there is refused by the write itself.
  const index = join(dir, 'index.json');
  if ((await lstat(index).catch(() => undefined))?.isFile()) before.index = await readFile(index);
  return before;
}

async function undo(dir: string, before: Before, label: string): Promise<void> {
  if (before.created) {
    await rm(before.created, { recursive: true, force: true });
    return;
  }
  // Deepest folders first, so a folder the write created is removed whole from its parent.
  for (const parts of [...FOLDERS].reverse()) {
    const had = before.names.get(parts.join('/'));
    if (!had) continue;
    for (const name of (await namesOf(join(dir, ...parts))) ?? []) {
      if (!had.has(name)) await rm(join(dir, ...parts, name), { recursive: true, force: true });
    }
  }
  if (before.index) {
    const now = await readFile(join(dir, 'index.json')).catch(() => undefined);
    if (!now?.equals(before.index)) await writeLayoutFile(dir, ['index.json'], before.index, label);
  }
}

/**
 * Runs `fn`, which writes an image into the layout at `dir`; if it fails, takes back what it
 * added so a failed write leaves no debris: a folder it created is removed, and a folder that
 * existed keeps exactly its previous entries, blobs and index.json.
 */
export async function undoLayoutWriteOnFailure<T>(
  dir: string,
  label: string,
  fn: () => Promise<T>,
): Promise<T> {
  const before = await snapshot(dir);
  try {
    return await fn();
  } catch (err) {
    // The write's own error is the one to report; a failed clean-up must not hide it.
    await undo(dir, before, label).catch(() => undefined);
    throw err;
  }
}
