import { chmod, mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary file and report Kiln writes goes through here: into a fresh folder that only
 * this user can enter, never at a predictable name in a shared temporary folder (where another
 * user could plant a link or read what is written).
 */

/** A new folder, mode 0700 and an unpredictable name, under `parent` (default the system's temp folder). */
export async function privateTempDir(prefix: string, parent: string = tmpdir()): Promise<string> {
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(join(parent, prefix));
  // mkdtemp(3) already uses 0700; make it explicit rather than trust every platform's default.
  await chmod(dir, 0o700);
  return dir;
}

/** Writes a file that must not exist yet (O_EXCL): nothing planted at the name is followed or overwritten. */
export async function writeNewFile(
  path: string,
  data: Buffer | string,
  mode = 0o600,
): Promise<void> {
  const handle = await open(path, 'wx', mode);
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

/**
 * Writes `name` into a fresh private folder under `parent` and returns its path: for files that
 * outlive the step, such as a validation report a later step uploads.
 */
export async function writePrivateFile(
  prefix: string,
  name: string,
  data: Buffer | string,
  parent?: string,
): Promise<string> {
  const path = join(await privateTempDir(prefix, parent), name);
  await writeNewFile(path, data);
  return path;
}

/** Runs `fn` in a fresh private temporary folder and removes it afterwards, whatever happens. */
export async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await privateTempDir(prefix);
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
