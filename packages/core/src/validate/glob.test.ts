import { describe, expect, it } from '@jest/globals';
import { globToRegExp } from './glob.js';

const cases: Array<[string, string[], string[]]> = [
  ['**/*.pem', ['a.pem', 'etc/ssl/b.pem', '.hidden.pem'], ['a.pem.bak', 'etc/pem']],
  ['*.pem', ['a.pem'], ['etc/a.pem']],
  ['/root/.ssh', ['root/.ssh'], ['root/.ssh/id_rsa', 'x/root/.ssh']],
  ['root/.ssh/', ['root/.ssh'], ['root/.sshrc']],
  ['root/**', ['root', 'root/a', 'root/a/b'], ['rootx', 'x/root/a']],
  ['a/**/b', ['a/b', 'a/x/b', 'a/x/y/b'], ['a/xb', 'b']],
  ['**', ['a', 'a/b/c'], []],
  ['etc/{shadow,gshadow}', ['etc/shadow', 'etc/gshadow'], ['etc/shadowx']],
  ['a?c', ['abc'], ['a/c', 'ac']],
  ['[!a]x', ['bx'], ['ax', '/x']],
  ['data[0-9]', ['data1'], ['datax']],
  ['a**b', ['ab', 'axxb'], ['a/b']],
  ['\\*', ['*'], ['x']],
  ['a.b+(c)', ['a.b+(c)'], ['axb+(c)']],
];

describe('globToRegExp', () => {
  it.each(cases)('%s', (glob, yes, no) => {
    const re = globToRegExp(glob);
    for (const p of yes) expect([p, re.test(p)]).toEqual([p, true]);
    for (const p of no) expect([p, re.test(p)]).toEqual([p, false]);
  });

  it.each([
    ['', 'the pattern is empty'],
    ['a[b', '"[" at position 2 has no closing "]"'],
    ['{a,b', '"{" has no closing "}"'],
    ['a\\', 'the pattern ends with a lone "\\"'],
  ])('rejects %j', (glob, message) => {
    expect(() => globToRegExp(glob)).toThrow(message);
  });
});
