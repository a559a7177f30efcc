import { describe, expect, it } from '@jest/globals';
import { parseKeyValueFile, parsePathFile } from './file-commands.js';

describe('file commands', () => {
  it('reads name=value lines and heredocs, in order', () => {
    expect(
      parseKeyValueFile('a=1\nb<<EOF\nx=y\n\nz\nEOF\nc=d=e\r\na=2\n', 'GITHUB_OUTPUT'),
    ).toEqual([
      ['a', '1'],
      ['b', 'x=y\n\nz'],
      ['c', 'd=e'],
      ['a', '2'],
    ]);
  });

  it('refuses a heredoc without its closing delimiter, and a line with no =', () => {
    expect(() => parseKeyValueFile('a<<EOF\nx\n', 'GITHUB_ENV')).toThrow(
      "GITHUB_ENV: matching delimiter not found 'EOF'",
    );
    expect(() => parseKeyValueFile('just text\n', 'GITHUB_OUTPUT')).toThrow(
      "GITHUB_OUTPUT: invalid format 'just text'",
    );
  });

  it('reads GITHUB_PATH one folder a line', () => {
    expect(parsePathFile('/a\n\n  /b \n')).toEqual(['/a', '/b']);
  });
});
