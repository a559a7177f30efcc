import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { privateTempDir, withTempDir, writeNewFile, writePrivateFile } from './temp-dir.js';

let top = '';
beforeEach(async () => (top = await mkdtemp(join(tmpdir(), 'kiln-temp-test-'))));
afterEach(() => rm(top, { recursive: true, force: true }));

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe('private temporary files', () => {
  it('makes a 0700 folder with a fresh name each time', async () => {
    const a = await privateTempDir('kiln-x-', top);
    const b = await privateTempDir('kiln-x-', top);
    expect(a).not.toBe(b);
    expect(dirname(a)).toBe(top);
    expect(basename(a)).toMatch(/^kiln-x-.{6}$/);
    expect(await mode(a)).toBe(0o700);
  });

  it('never writes through a name that already exists, file or link', async () => {
    const target = join(top, 'target');
    await writeFile(target, 'precious');
    await expect(writeNewFile(target, 'overwritten')).rejects.toThrow(/EEXIST/);
    await symlink(target, join(top, 'link'));
    await expect(writeNewFile(join(top, 'link'), 'through the link')).rejects.toThrow(/EEXIST/);
    await symlink(join(top, 'planted'), join(top, 'dangling'));
    await expect(writeNewFile(join(top, 'dangling'), 'x')).rejects.toThrow(/EEXIST/);
    expect(await readFile(target, 'utf8')).toBe('precious');
    expect(existsSync(join(top, 'planted'))).toBe(false);
  });

  it('writes a report into its own private folder, readable only by this user', async () => {
    const path = await writePrivateFile('kiln-report-', 'r.json', '{}', join(top, 'runner-temp'));
    expect(dirname(dirname(path))).toBe(join(top, 'runner-temp'));
    expect(basename(path)).toBe('r.json');
    expect(await mode(dirname(path))).toBe(0o700);
    expect(await mode(path)).toBe(0o600);
    expect(await readFile(path, 'utf8')).toBe('{}');
    // The same name twice gives two files, not an overwrite.
    const again = await writePrivateFile('kiln-report-', 'r.json', '[]', join(top, 'runner-temp'));
    expect(again).not.toBe(path);
    expect(await readFile(path, 'utf8')).toBe('{}');
  });

  it('removes the work folder whatever happens', async () => {
    let seen = '';
    await expect(
      withTempDir('kiln-w-', async (dir) => {
        seen = dir;
        expect(await mode(dir)).toBe(0o700);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(seen)).toBe(false);
  });
});
