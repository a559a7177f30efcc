import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmod, lstat, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { parseCopyLine, resolveCopySpecs } from './copy-spec.js';
import type { LayerEntry } from './layer-entry.js';

let top: string;
let ctx: string;

beforeEach(async () => {
  top = await realpath(await mkdtemp(join(tmpdir(), 'kiln-copy-')));
  ctx = join(top, 'ctx');
  await mkdir(ctx);
  await writeFile(join(top, 'secret.txt'), 'outside');
  await mkdir(join(top, 'outside-dir'));
  await writeFile(join(top, 'outside-dir', 'key'), 'outside');
});

afterEach(async () => {
  await rm(top, { recursive: true, force: true });
});

/** Files (string content), folders (`/` suffix on the key) and symlinks (`-> target`). */
async function tree(spec: Record<string, string>): Promise<void> {
  for (const [path, value] of Object.entries(spec)) {
    const abs = join(ctx, path);
    await mkdir(path.endsWith('/') ? abs : dirname(abs), { recursive: true });
    if (path.endsWith('/')) continue;
    if (value.startsWith('-> ')) await symlink(value.slice(3), abs);
    else await writeFile(abs, value);
  }
}

const summary = (entries: LayerEntry[]): string[] =>
  entries.map((e) => `${e.type} ${e.path}${e.linkTarget ? ` -> ${e.linkTarget}` : ''}`);

async function refused(lines: string[]): Promise<ConfigurationError> {
  const err = await resolveCopySpecs(lines, ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigurationError);
  const message = (err as Error).message;
  expect(message).toContain('Input "copy"');
  expect(message).toContain(JSON.stringify(lines[lines.length - 1]));
  return err as ConfigurationError;
}

describe('parseCopyLine', () => {
  it.each([
    ['app.sh', /must be src:dest/],
    [':/www/', /both sides/],
    ['app.sh:', /both sides/],
    ['app.sh:bin/app.sh', /dest "bin\/app.sh" must be an absolute path/],
    ['/etc/passwd:/x', /must be relative to the context/],
    ['../secret.txt:/x', /outside the context \(through \.\.\)/],
    ['site/../../secret.txt:/x', /outside the context/],
  ])('refuses %j naming the input, the line and the rule', (line, rule) => {
    expect(() => parseCopyLine(line)).toThrow(ConfigurationError);
    expect(() => parseCopyLine(line)).toThrow(`Input "copy" has value ${JSON.stringify(line)}`);
    expect(() => parseCopyLine(line)).toThrow(rule);
  });

  it('splits at the first ":/" and normalises both sides', () => {
    expect(parseCopyLine(' ./site//:/www/ ')).toEqual({
      line: ' ./site//:/www/ ',
      src: 'site',
      dest: 'www',
      intoDir: true,
    });
    expect(parseCopyLine('a:b.txt:/opt/x')).toMatchObject({ src: 'a:b.txt', dest: 'opt/x' });
    expect(parseCopyLine('.:/')).toMatchObject({ src: '.', dest: '', intoDir: true });
  });
});

describe('resolveCopySpecs', () => {
  it('copies a file to a path, or into a folder when dest ends with /', async () => {
    await tree({ 'app.sh': '#!/bin/sh\n' });
    await chmod(join(ctx, 'app.sh'), 0o750);
    const entries = await resolveCopySpecs(['app.sh:/bin/app.sh', 'app.sh:/opt/'], ctx);
    // Each file carries the stamp of the one lstat that found it (the layer key reuses it).
    const found = await lstat(join(ctx, 'app.sh'), { bigint: true });
    expect(entries[1]?.stamp).toEqual({
      dev: found.dev,
      ino: found.ino,
      size: 10n,
      mtimeNs: found.mtimeNs,
      ctimeNs: found.ctimeNs,
    });
    expect(entries.map(({ stamp: _, ...e }) => e)).toEqual([
      { path: 'bin', type: 'dir', mode: 0o755 },
      { path: 'bin/app.sh', type: 'file', mode: 0o750, source: join(ctx, 'app.sh') },
      { path: 'opt', type: 'dir', mode: 0o755 },
      { path: 'opt/app.sh', type: 'file', mode: 0o750, source: join(ctx, 'app.sh') },
    ]);
  });

  it('copies the contents of a folder, recursively, with or without a trailing /', async () => {
    await tree({ 'site/index.html': 'hi', 'site/css/a.css': 'a', 'site/empty/': '' });
    await chmod(join(ctx, 'site'), 0o750);
    const a = await resolveCopySpecs(['site:/srv/www'], ctx);
    const b = await resolveCopySpecs(['site/:/srv/www/'], ctx);
    expect(a).toEqual(b);
    expect(summary(a)).toEqual([
      'dir srv',
      'dir srv/www',
      'dir srv/www/css',
      'file srv/www/css/a.css',
      'dir srv/www/empty',
      'file srv/www/index.html',
    ]);
    expect(a.find((e) => e.path === 'srv/www')?.mode).toBe(0o750); // kept from the source
  });

  it('expands globs, keeping paths below the fixed part of the pattern, dotfiles included', async () => {
    await tree({
      'site/index.html': '1',
      'site/.htaccess': '2',
      'site/css/a.css': '3',
      'bin/a.sh': '4',
      'bin/b.sh': '5',
      'bin/c.txt': '6',
      'conf/app.conf': '7',
    });
    const entries = await resolveCopySpecs(
      ['site/**:/www/', 'bin/*.sh:/usr/bin/', 'conf/*.conf:/etc/app.conf'],
      ctx,
    );
    expect(summary(entries)).toEqual([
      'dir etc',
      'file etc/app.conf',
      'dir usr',
      'dir usr/bin',
      'file usr/bin/a.sh',
      'file usr/bin/b.sh',
      'dir www',
      'file www/.htaccess',
      'dir www/css',
      'file www/css/a.css',
      'file www/index.html',
    ]);
  });

  it('returns sorted, de-duplicated entries; a later line replaces an earlier one', async () => {
    await tree({ 'a/x': 'x', 'b/x': 'other', 'a-b': 'dash' });
    const entries = await resolveCopySpecs(['a:/d/', 'a/x:/d/x', 'b/x:/d/', 'a-b:/d/'], ctx);
    expect(summary(entries)).toEqual(['dir d', 'file d/a-b', 'file d/x']);
    expect(entries.find((e) => e.path === 'd/x')?.source).toBe(join(ctx, 'b/x'));
    // bytewise: '-' (0x2d) sorts before '/' (0x2f)
    const deep = await resolveCopySpecs(['a:/a/', 'a-b:/'], ctx);
    expect(deep.map((e) => e.path)).toEqual(['a', 'a-b', 'a/x']);
  });

  it('keeps symlinks that stay inside the context, as symlinks', async () => {
    await tree({ 'site/css/a.css': 'a', 'site/style': '-> css', 'site/dangling': '-> nothing' });
    const entries = await resolveCopySpecs(['site:/www/'], ctx);
    expect(summary(entries)).toContain('symlink www/style -> css');
    expect(summary(entries)).toContain('symlink www/dangling -> nothing');
    const globbed = await resolveCopySpecs(['site/st*:/www/'], ctx);
    expect(summary(globbed)).toEqual(['dir www', 'symlink www/style -> css']);
  });

  it('ignores blank lines and comments, and an empty list gives no entries', async () => {
    await tree({ 'a.txt': 'a' });
    expect(await resolveCopySpecs(['', '# nothing', '  '], ctx)).toEqual([]);
    expect(summary(await resolveCopySpecs(['# c', 'a.txt:/a.txt', ''], ctx))).toEqual([
      'file a.txt',
    ]);
  });

  describe('refuses, before anything is written,', () => {
    it('a src that does not exist, or a glob that matches nothing', async () => {
      await tree({ 'a.txt': 'a' });
      expect((await refused(['a.txt:/a', 'missing.txt:/x'])).message).toMatch(
        /src "missing.txt" does not exist in the context/,
      );
      expect((await refused(['nope/*.js:/app/'])).message).toMatch(/matches nothing/);
    });

    it('a src that leaves the context through ..', async () => {
      await tree({ 'site/index.html': 'x' });
      expect((await refused(['site/../../secret.txt:/x'])).message).toMatch(/outside the context/);
    });

    it('a symlink to a file outside the context', async () => {
      await tree({ 'link.txt': `-> ${join(top, 'secret.txt')}`, 'rel.txt': '-> ../secret.txt' });
      expect((await refused(['link.txt:/x'])).message).toMatch(/is absolute/);
      expect((await refused(['rel.txt:/x'])).message).toMatch(
        /symlink "rel.txt" -> "..\/secret.txt" points outside the context/,
      );
    });

    it('a symlink out of the context found while walking a folder or matched by a glob', async () => {
      await tree({ 'site/index.html': 'x', 'site/leak': '-> ../../secret.txt' });
      expect((await refused(['site:/www/'])).message).toMatch(/symlink "site\/leak"/);
      expect((await refused(['site/*:/www/'])).message).toMatch(/symlink "site\/leak"/);
      expect((await refused(['**:/www/'])).message).toMatch(/points outside the context/);
    });

    it('a chain of symlinks that ends outside the context', async () => {
      await tree({ hop1: '-> hop2', hop2: '-> ../secret.txt' });
      expect((await refused(['hop1:/x'])).message).toMatch(/symlink "hop1" .* points outside/);
    });

    it('a path through a symlinked folder that leaves the context', async () => {
      await tree({ ext: '-> ../outside-dir' });
      expect((await refused(['ext/key:/x'])).message).toMatch(
        /"ext\/key" resolves outside the context through a symlink/,
      );
      expect((await refused(['ext/*:/x/'])).message).toMatch(/through a symlink/);
    });

    it('sockets and fifos', async () => {
      await tree({ 'run/ok.txt': 'x' });
      execFileSync('mkfifo', [join(ctx, 'run', 'pipe')]);
      expect((await refused(['run:/run/'])).message).toMatch(
        /"run\/pipe" is a socket, fifo or device/,
      );
      expect((await refused(['run/pipe:/p'])).message).toMatch(/socket, fifo or device/);
      await rm(join(ctx, 'run', 'pipe'));
      const server: Server = createServer();
      await new Promise<void>((ok) => server.listen(join(ctx, 'run', 'sock'), ok));
      try {
        expect((await refused(['run/*:/run/'])).message).toMatch(/"run\/sock" is a socket/);
      } finally {
        await new Promise((ok) => server.close(ok));
      }
    });

    it('a glob with several matches when dest does not end with /', async () => {
      await tree({ 'a.sh': 'a', 'b.sh': 'b' });
      expect((await refused(['*.sh:/bin'])).message).toMatch(/dest must end with \//);
    });

    it('a file and a folder at the same path, or a path below a file', async () => {
      await tree({ 'a.txt': 'a', 'site/index.html': 'x' });
      expect((await refused(['site:/www/', 'a.txt:/www'])).message).toMatch(
        /puts a file at "\/www" where line "site:\/www\/" puts a folder/,
      );
      expect((await refused(['a.txt:/opt/thing', 'site:/opt/thing/sub'])).message).toMatch(
        /into "\/opt\/thing", which line "a.txt:\/opt\/thing" makes a file/,
      );
    });

    it('a context that is not an existing folder', async () => {
      await expect(resolveCopySpecs(['a:/a'], join(top, 'nope'))).rejects.toThrow(
        /Input "context" has value .*nope.*: must be an existing folder/,
      );
    });
  });
});
