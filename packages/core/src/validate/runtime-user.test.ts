import { describe, expect, it } from '@jest/globals';
import { parseUserSpec, resolveRuntimeUser, USER_ID_MAX } from './runtime-user.js';

async function* chunksOf(text: string | Buffer, size = 7): AsyncIterable<Buffer> {
  const b = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

const PASSWD = [
  'root:x:0:0:root:/root:/bin/sh',
  'daemon:x:1:1::/:/bin/false',
  'app:x:1000:1001::/app:/bin/sh',
  'toor:x:0:0::/root:/bin/sh',
  'empty:x::100::/:/bin/sh', // no uid: Atoi("") fails, the runtime uses 0
  'spaced:x: 1000:100::/:/bin/sh', // " 1000" is not a number: 0
  'wrap:x:4294967296:0::/:/bin/sh', // uint32(2^32) is 0
  'wrap2:x:4294968296:0::/:/bin/sh', // uint32(2^32 + 1000) is 1000
  'huge:x:99999999999999999999:0::/:/bin/sh', // clamped to 2^63-1, uint32 of that is 2^32-1
  'neghuge:x:-99999999999999999999:0::/:/bin/sh', // clamped to -2^63, uint32 of that is 0
  'short:x', // too few fields: uid 0
  'app:x:2000:2000::/:/bin/sh', // a second "app": the first wins
  '  lead:x:3000:3000::/:/bin/sh  ', // the line is trimmed
  '\u00a0nbsp:x:3001:3001::/:/bin/sh', // Unicode space is trimmed too
  'crlf:x:3002:3002::/:/bin/sh\r',
  '#comment:x:3003:3003::/:/bin/sh', // passwd keeps "#" lines as names
  'plus:x:+3004:-5::/:/bin/sh',
  'nobody:x:65534:65534::/:/bin/false',
].join('\n');

const GROUP = ['# comment:x:0:', 'root:x:0:', 'staff:x:50:app', 'wheel:x:10:', 'users:x:100:'].join(
  '\n',
);

type Want = { uid: number; gid: number; source: string } | RegExp;

const CASES: Array<[spec: string, want: Want]> = [
  ['', { uid: 0, gid: 0, source: 'default' }],
  [':50', { uid: 0, gid: 50, source: 'default' }],
  ['root', { uid: 0, gid: 0, source: 'passwd' }],
  ['0', { uid: 0, gid: 0, source: 'passwd' }],
  ['00', { uid: 0, gid: 0, source: 'passwd' }],
  ['+0', { uid: 0, gid: 0, source: 'passwd' }],
  ['-0', { uid: 0, gid: 0, source: 'passwd' }],
  ['0:1000', { uid: 0, gid: 1000, source: 'passwd' }],
  ['toor', { uid: 0, gid: 0, source: 'passwd' }],
  ['empty', { uid: 0, gid: 100, source: 'passwd' }],
  ['spaced', { uid: 0, gid: 100, source: 'passwd' }],
  ['wrap', { uid: 0, gid: 0, source: 'passwd' }],
  ['wrap2', { uid: 1000, gid: 0, source: 'passwd' }],
  ['huge', { uid: 4294967295, gid: 0, source: 'passwd' }],
  ['neghuge', { uid: 0, gid: 0, source: 'passwd' }],
  ['short', { uid: 0, gid: 0, source: 'passwd' }],
  ['app', { uid: 1000, gid: 1001, source: 'passwd' }],
  ['app:staff', { uid: 1000, gid: 50, source: 'passwd' }],
  ['app:0', { uid: 1000, gid: 0, source: 'passwd' }],
  ['app:12345', { uid: 1000, gid: 12345, source: 'passwd' }],
  ['1000', { uid: 1000, gid: 1001, source: 'passwd' }],
  ['+1000', { uid: 1000, gid: 1001, source: 'passwd' }],
  ['001000', { uid: 1000, gid: 1001, source: 'passwd' }],
  ['1000:wheel', { uid: 1000, gid: 10, source: 'passwd' }],
  ['4242', { uid: 4242, gid: 0, source: 'number' }],
  ['4242:4343', { uid: 4242, gid: 4343, source: 'number' }],
  [`${USER_ID_MAX}`, { uid: USER_ID_MAX, gid: 0, source: 'number' }],
  ['lead', { uid: 3000, gid: 3000, source: 'passwd' }],
  ['nbsp', { uid: 3001, gid: 3001, source: 'passwd' }],
  ['crlf', { uid: 3002, gid: 3002, source: 'passwd' }],
  ['#comment', { uid: 3003, gid: 3003, source: 'passwd' }],
  ['plus', { uid: 3004, gid: 4294967291, source: 'passwd' }],
  ['nobody', { uid: 65534, gid: 65534, source: 'passwd' }],
  // Nothing is trimmed from USER, so these are names no line has.
  [' app', /^user " app" is not in \/etc\/passwd/],
  ['app ', /^user "app " is not in \/etc\/passwd/],
  [' 0', /^user " 0" is not in \/etc\/passwd/],
  ['App', /^user "App" is not in \/etc\/passwd/],
  ['ghost', /^user "ghost" is not in \/etc\/passwd, so the runtime cannot resolve it$/],
  ['app:ghosts', /^group "ghosts" is not in \/etc\/group/],
  ['app:comment', /^group "comment" is not in \/etc\/group/], // group skips "#" lines
  ['-1', /^uid -1 is outside 0-2147483647, so the runtime refuses it$/],
  ['2147483648', /^uid 2147483648 is outside 0-2147483647/],
  ['4294967296', /^uid 4294967296 is outside 0-2147483647/],
  ['99999999999999999999', /^uid 99999999999999999999 is outside/],
  ['app:-1', /^gid -1 is outside 0-2147483647/],
  // Only the first ':' splits: the group is "staff:x", a name no group has.
  ['app:staff:x', /^group "staff:x" is not in \/etc\/group/],
];

describe('resolveRuntimeUser: USER as Docker resolves it', () => {
  it.each(CASES)('USER %j', async (spec, want) => {
    const got = await resolveRuntimeUser(spec, chunksOf(PASSWD), chunksOf(GROUP));
    if (want instanceof RegExp) {
      expect(got.resolved).toBe(false);
      expect(got.resolved === false && got.reason).toMatch(want);
    } else expect(got).toMatchObject({ resolved: true, ...want });
  });

  it('reports the line that gave the uid and the name on it', async () => {
    expect(await resolveRuntimeUser('0', chunksOf(PASSWD))).toMatchObject({
      uid: 0,
      passwdLine: 1,
      passwdName: 'root',
    });
    expect(await resolveRuntimeUser('app', chunksOf(PASSWD))).toMatchObject({ passwdLine: 3 });
  });

  it('without /etc/passwd, numbers resolve and names do not', async () => {
    expect(await resolveRuntimeUser('1000:50')).toEqual({
      resolved: true,
      uid: 1000,
      gid: 50,
      source: 'number',
    });
    expect(await resolveRuntimeUser('nobody')).toEqual({
      resolved: false,
      reason: 'user "nobody" cannot be resolved: the image has no /etc/passwd',
    });
    expect(await resolveRuntimeUser('1000:staff', chunksOf(PASSWD))).toEqual({
      resolved: false,
      reason: 'group "staff" cannot be resolved: the image has no /etc/group',
    });
  });

  it('compares names byte for byte, UTF-8 included', async () => {
    const passwd = 'jos\u00e9:x:1500:1500::/:/bin/sh\n';
    expect(await resolveRuntimeUser('jos\u00e9', chunksOf(passwd, 3))).toMatchObject({
      uid: 1500,
      passwdName: 'jos\u00e9',
    });
    // The same letter composed differently is another name to the runtime.
    expect(await resolveRuntimeUser('jose\u0301', chunksOf(passwd))).toMatchObject({
      resolved: false,
    });
  });

  it('fails whatever the USER when a line is too long for the runtime to read', async () => {
    const passwd = `app:x:1000:1000::/:/bin/sh\n${'x'.repeat(64 * 1024)}\n`;
    for (const spec of ['app', '1000']) {
      expect(await resolveRuntimeUser(spec, chunksOf(passwd, 4096))).toEqual({
        resolved: false,
        reason: 'line 2 of /etc/passwd is longer than 65535 bytes, which the runtime refuses',
      });
    }
  });
});

describe('parseUserSpec', () => {
  it('splits at the first colon and keeps numbers apart from names', () => {
    expect(parseUserSpec('')).toEqual({});
    expect(parseUserSpec('app')).toEqual({ user: { name: 'app' } });
    expect(parseUserSpec('+7:g')).toEqual({ user: { name: '+7', id: 7 }, group: { name: 'g' } });
    expect(parseUserSpec(':0')).toEqual({ group: { name: '0', id: 0 } });
    expect(parseUserSpec('1e3')).toEqual({ user: { name: '1e3' } });
    expect(parseUserSpec('0x10')).toEqual({ user: { name: '0x10' } });
  });
});
