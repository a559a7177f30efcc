import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  createReadStream,
  createWriteStream,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  type Stats,
  writeFileSync,
} from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { ConfigurationError } from '../../errors.js';

/**
 * File access inside an OCI layout folder that never follows a symbolic link: a layout can come
 * from an untrusted checkout, and a link at `blobs/`, `index.json` or a blob would make Kiln read
 * or write outside the folder. The folder itself may be a link (the user named it); nothing
 * inside it may be. Paths are given as parts below the folder, e.g. `['blobs', 'sha256', hex]`.
 *
 * The checks on the way (lstat, mkdir) and the writes of small files are synchronous calls: a
 * bake makes a hundred or more of them, and each promise-API call cost about 70 µs of this
 * thread against a few µs; blobs are still read and written as streams.
 */

// O_NOFOLLOW refuses a link as the last component atomically; O_NONBLOCK keeps a FIFO planted
// in place of a blob from blocking the open forever (it is then refused as not a regular file).
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const linkError = (label: string, rel: string): ConfigurationError =>
  new ConfigurationError(
    `${label}: ${rel} is a symbolic link; an OCI layout's files and folders must not be links (they could lead outside the layout)`,
  );

const notFileError = (label: string, rel: string): ConfigurationError =>
  new ConfigurationError(`${label}: ${rel} is not a regular file`);

function lstatOrUndefined(path: string): Stats | undefined {
  return lstatSync(path, { throwIfNoEntry: false });
}

/**
 * What is at `parts` below `root`, refusing a link anywhere on the way: undefined when the path
 * (or one of its folders) does not exist.
 */
export async function layoutEntry(
  root: string,
  parts: readonly string[],
  label: string,
): Promise<Stats | undefined> {
  let stats: Stats | undefined;
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join('/');
    stats = lstatOrUndefined(join(root, ...parts.slice(0, i)));
    if (!stats) return undefined;
    if (stats.isSymbolicLink()) throw linkError(label, rel);
    if (i < parts.length && !stats.isDirectory())
      throw new ConfigurationError(`${label}: ${rel} is not a folder`);
  }
  return stats;
}

/** Creates the folders `parts` below `root` (and `root` itself), one level at a time, refusing links. */
export async function layoutDirs(
  root: string,
  parts: readonly string[],
  label: string,
): Promise<string> {
  mkdirSync(root, { recursive: true });
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join('/');
    const path = join(root, ...parts.slice(0, i));
    let stats = lstatOrUndefined(path);
    if (!stats) {
      try {
        mkdirSync(path);
      } catch (err) {
        // Another writer made it first: check what it made.
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      stats = lstatSync(path);
    }
    if (stats.isSymbolicLink()) throw linkError(label, rel);
    if (!stats.isDirectory()) throw new ConfigurationError(`${label}: ${rel} is not a folder`);
  }
  return join(root, ...parts);
}

/**
 * Opens a regular file of the layout for reading (a descriptor); links and special files are
 * refused.
 */
async function openForRead(root: string, parts: readonly string[], label: string): Promise<number> {
  const rel = parts.join('/');
  await layoutEntry(root, parts.slice(0, -1), label);
  let fd: number;
  try {
    fd = openSync(join(root, ...parts), READ_FLAGS);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw linkError(label, rel);
    throw err;
  }
  try {
    if (!fstatSync(fd).isFile()) throw notFileError(label, rel);
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  return fd;
}

/** The bytes of a regular file of the layout (read whole, as everything read this way is). */
export async function readLayoutFile(
  root: string,
  parts: readonly string[],
  label: string,
): Promise<Buffer> {
  const fd = await openForRead(root, parts, label);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A stream of a regular file of the layout. */
export async function openLayoutFile(
  root: string,
  parts: readonly string[],
  label: string,
): Promise<Readable> {
  return createReadStream('', { fd: await openForRead(root, parts, label) });
}

/**
 * Writes a file of the layout: the bytes go to a new temporary file beside it (created
 * exclusively, so nothing planted at that name is followed) and are renamed into place only
 * when complete. A link at the final name is refused rather than replaced.
 */
export async function writeLayoutFile(
  root: string,
  parts: readonly string[],
  data: Buffer | ((sink: Writable) => Promise<void>),
  label: string,
): Promise<void> {
  const dir = await layoutDirs(root, parts.slice(0, -1), label);
  const name = parts[parts.length - 1] as string;
  const existing = lstatOrUndefined(join(dir, name));
  if (existing?.isSymbolicLink()) throw linkError(label, parts.join('/'));
  const tmp = join(dir, `${name}.${randomBytes(6).toString('hex')}.tmp`);
  if (Buffer.isBuffer(data)) {
    try {
      const fd = openSync(tmp, 'wx', 0o644);
      try {
        writeFileSync(fd, data);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, join(dir, name));
    } finally {
      rmSync(tmp, { force: true });
    }
    return;
  }
  try {
    await data(createWriteStream(tmp, { flags: 'wx', mode: 0o644 }));
    await rename(tmp, join(dir, name));
  } finally {
    await rm(tmp, { force: true });
  }
}
