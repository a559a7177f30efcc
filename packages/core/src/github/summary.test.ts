import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { code, details, heading, inlineCode, table, writeSummary } from './summary.js';

describe('summary markdown', () => {
  it('builds a table, escaping pipes and newlines and padding short rows', () => {
    expect(table(['Image', 'Size'], [['a|b', 12], ['two\nlines', undefined], ['short']])).toBe(
      [
        '| Image | Size |',
        '| --- | --- |',
        '| a\\|b | 12 |',
        '| two<br>lines |  |',
        '| short |  |',
      ].join('\n'),
    );
  });

  it('details escapes its HTML summary and leaves the body as markdown', () => {
    expect(details('a <b>', '**x**')).toBe(
      '<details><summary>a &lt;b&gt;</summary>\n\n**x**\n\n</details>',
    );
  });

  it('fences code with more backticks than it contains', () => {
    expect(code('echo hi\n', 'sh')).toBe('```sh\necho hi\n```');
    expect(code('a ```` b')).toBe('`````\na ```` b\n`````');
    expect(inlineCode('sha256:ab').source).toBe('`sha256:ab`');
    expect(inlineCode('a`b').source).toBe('`` a`b ``');
    expect(inlineCode('a\nb').source).toBe('`a b`');
    expect(heading('Gates', 2)).toBe('## Gates');
  });
});

describe('writeSummary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-summary-'));
  const saved = process.env.GITHUB_STEP_SUMMARY;
  afterAll(() => {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    else process.env.GITHUB_STEP_SUMMARY = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends to GITHUB_STEP_SUMMARY, and does nothing without it', async () => {
    const file = join(dir, 'summary.md');
    writeFileSync(file, 'earlier step\n');
    process.env.GITHUB_STEP_SUMMARY = file;
    await writeSummary('### one');
    await writeSummary(table(['k'], [['v']]));
    expect(readFileSync(file, 'utf8')).toBe('earlier step\n### one\n| k |\n| --- |\n| v |\n');

    delete process.env.GITHUB_STEP_SUMMARY;
    await writeSummary('ignored');
    expect(readFileSync(file, 'utf8')).not.toContain('ignored');
  });
});
