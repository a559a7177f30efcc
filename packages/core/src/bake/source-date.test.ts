import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headRevision, mayBeInGitRepository, sourceDateEpoch } from './source-date.js';

const outside = mkdtempSync(join(tmpdir(), 'kiln-source-date-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe('source date and revision', () => {
  it('knows without starting git that a folder outside any checkout has no repository', async () => {
    const deep = join(outside, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    expect(mayBeInGitRepository(deep, {})).toBe(false);
    expect(await headRevision(deep, {})).toBeUndefined();
    await expect(sourceDateEpoch('', deep, {})).rejects.toThrow(
      /source-date-epoch.*no git repository here or above|no git repository here or above.*source-date-epoch/,
    );
    // git decides when GIT_DIR points elsewhere.
    expect(mayBeInGitRepository(deep, { GIT_DIR: '/elsewhere/.git' })).toBe(true);
  });

  it('finds a .git above the context, and asks git there', async () => {
    const repo = join(outside, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'app', 'src'), { recursive: true });
    expect(mayBeInGitRepository(join(repo, 'app', 'src'), {})).toBe(true);
    // This checkout is a real repository: its HEAD is read by git.
    expect(await headRevision(process.cwd())).toMatch(/^[0-9a-f]{40}$/);
  });

  it('takes the input, then SOURCE_DATE_EPOCH, before git', async () => {
    expect(await sourceDateEpoch('12', outside, { SOURCE_DATE_EPOCH: '34' })).toBe(12);
    expect(await sourceDateEpoch('', outside, { SOURCE_DATE_EPOCH: '34' })).toBe(34);
  });
});
