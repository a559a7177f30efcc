import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { writeReportFile } from './report.js';

const digest = `sha256:${'ab'.repeat(32)}` as const;
let top = '';
beforeEach(async () => (top = await mkdtemp(join(tmpdir(), 'kiln-report-file-'))));
afterEach(() => rm(top, { recursive: true, force: true }));

describe('writeReportFile', () => {
  it('writes into a fresh 0700 folder, so a link planted at the old fixed name is not followed', async () => {
    // The name the report used to have, directly in the shared folder: a trap for a writer.
    await writeFile(join(top, 'victim'), 'precious');
    await symlink(join(top, 'victim'), join(top, `kiln-validation-${'ab'.repeat(6)}.json`));
    const path = await writeReportFile(Buffer.from('{"result":"pass"}\n'), digest, top);
    expect(basename(path)).toBe(`kiln-validation-${'ab'.repeat(6)}.json`);
    expect(basename(dirname(path))).toMatch(/^kiln-report-.{6}$/);
    expect(dirname(dirname(path))).toBe(top);
    expect((await stat(dirname(path))).mode & 0o777).toBe(0o700);
    expect(await readFile(path, 'utf8')).toBe('{"result":"pass"}\n');
    expect(await readFile(join(top, 'victim'), 'utf8')).toBe('precious');
    expect((await readdir(top)).length).toBe(3);
  });

  it('defaults to RUNNER_TEMP', async () => {
    const saved = process.env.RUNNER_TEMP;
    process.env.RUNNER_TEMP = top;
    try {
      expect(dirname(dirname(await writeReportFile(Buffer.from('{}'), digest)))).toBe(top);
    } finally {
      if (saved === undefined) delete process.env.RUNNER_TEMP;
      else process.env.RUNNER_TEMP = saved;
    }
  });
});
