import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  truncate,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync, createGunzip } from 'node:zlib';
import { gzipSync as fflateGzipSync } from 'fflate';
import { extract, type Header } from 'tar-stream';
import { ConfigurationError } from '../errors.js';
import { resolveCopySpecs } from './copy-spec.js';
import { DeterministicGzip, fixGzipHeader, GZIP_HEADER } from './gzip-stream.js';
import type { LayerEntry } from './layer-entry.js';
import { writeLayer } from './layer-writer.js';

const EPOCH = 1_700_000_000;
let top: string;

beforeEach(async () => {
  top = await mkdtemp(join(tmpdir(), 'kiln-layer-'));
});

afterEach(async () => {
  await rm(top, { recursive: true, force: true });
});

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** The same sample context in `dir`, with explicit modes so the umask does not show. */
async function sampleContext(dir: string, mtime: number): Promise<void> {
  await mkdir(join(dir, 'site', 'css'), { recursive: true });
  await writeFile(join(dir, 'site', 'index.html'), '<h1>hello</h1>\n');
  await writeFile(join(dir, 'site', 'css', 'a.css'), 'body{}\n');
  await writeFile(join(dir, 'app.sh'), '#!/bin/sh\necho hi\n');
  await symlink('css/a.css', join(dir, 'site', 'style.css'));
  await chmod(join(dir, 'site'), 0o755);
  await chmod(join(dir, 'site', 'css'), 0o755);
  await chmod(join(dir, 'site', 'index.html'), 0o644);
  await chmod(join(dir, 'site', 'css', 'a.css'), 0o644);
  await chmod(join(dir, 'app.sh'), 0o755);
  for (const f of ['site/index.html', 'site/css/a.css', 'app.sh', 'site/css', 'site']) {
    await utimes(join(dir, f), mtime, mtime);
  }
}

const LINES = ['site/**:/www/', 'app.sh:/usr/local/bin/app'];

async function bake(name: string, mtime: number, umask: number) {
  const ctx = join(top, name);
  const previous = process.umask(umask);
  try {
    await mkdir(ctx);
    await sampleContext(ctx, mtime);
    const entries = await resolveCopySpecs(LINES, ctx);
    const out = join(top, `${name}.tar.gz`);
    return { result: await writeLayer(entries, { sourceDateEpoch: EPOCH }, out), out, ctx };
  } finally {
    process.umask(previous);
  }
}

interface Listed {
  header: Header;
  body: Buffer;
}

async function listTar(tar: Buffer): Promise<Listed[]> {
  const ex = extract();
  const listed: Listed[] = [];
  const reading = (async () => {
    for await (const entry of ex) {
      const parts: Buffer[] = [];
      for await (const chunk of entry) parts.push(chunk as Buffer);
      listed.push({ header: entry.header, body: Buffer.concat(parts) });
    }
  })();
  ex.end(tar);
  await reading;
  return listed;
}

describe('writeLayer', () => {
  it('gives byte-identical layers from different folders, mtimes and umasks', async () => {
    const a = await bake('one', 1_000_000_000, 0o022);
    const b = await bake('two', 1_600_000_000, 0o077);
    expect(b.result).toEqual(a.result);
    expect(await readFile(b.out)).toEqual(await readFile(a.out));
  });

  it('changes the digests when one byte changes', async () => {
    const a = await bake('one', 1_000_000_000, 0o022);
    await writeFile(join(a.ctx, 'site', 'index.html'), '<h1>hellO</h1>\n');
    const entries = await resolveCopySpecs(LINES, a.ctx);
    const changed = await writeLayer(entries, { sourceDateEpoch: EPOCH }, join(top, 'c.tgz'));
    expect(changed.digest).not.toBe(a.result.digest);
    expect(changed.diffId).not.toBe(a.result.diffId);
  });

  it('reports the digests and sizes of the bytes it wrote', async () => {
    const { result, out } = await bake('one', 1_000_000_000, 0o022);
    const gz = await readFile(out);
    const tar = gunzipSync(gz);
    expect(result).toEqual({
      digest: sha(gz),
      diffId: sha(tar),
      size: gz.length,
      uncompressedSize: tar.length,
    });
  });

  it('writes a sorted tar with uid/gid 0, empty names, one mtime and the source modes', async () => {
    const { out } = await bake('one', 1_000_000_000, 0o022);
    const gunzip = createGunzip();
    const parts: Buffer[] = [];
    gunzip.on('data', (c: Buffer) => parts.push(c));
    await pipeline(createReadStream(out), gunzip);
    const listed = await listTar(Buffer.concat(parts));
    expect(
      listed.map((l) => `${l.header.type} ${l.header.name} ${l.header.mode.toString(8)}`),
    ).toEqual([
      'directory usr/ 755',
      'directory usr/local/ 755',
      'directory usr/local/bin/ 755',
      'file usr/local/bin/app 755',
      'directory www/ 755',
      'directory www/css/ 755',
      'file www/css/a.css 644',
      'file www/index.html 644',
      'symlink www/style.css 777',
    ]);
    for (const { header } of listed) {
      expect(header).toMatchObject({
        uid: 0,
        gid: 0,
        uname: '',
        gname: '',
        devmajor: 0,
        devminor: 0,
      });
      expect(header.mtime.getTime()).toBe(EPOCH * 1000);
      expect(header.pax ?? null).toBeNull(); // short ASCII names: no PAX records (no atime/ctime)
    }
    expect(listed.find((l) => l.header.name === 'www/style.css')?.header.linkname).toBe(
      'css/a.css',
    );
    expect(listed.find((l) => l.header.name === 'www/index.html')?.body.toString()).toBe(
      '<h1>hello</h1>\n',
    );
  });

  it('uses the given uid and gid, keeps mode 0, and writes long or non-ASCII names', async () => {
    const src = join(top, 'f');
    await writeFile(src, 'x');
    const long = `${'d'.repeat(120)}/${'é'.repeat(70)}`;
    const entries: LayerEntry[] = [
      { path: 'z', type: 'file', source: src, mode: 0 },
      { path: long, type: 'file', source: src, mode: 0o4755 },
      { path: 'd'.repeat(120), type: 'dir', mode: 0o700 },
    ];
    const out = join(top, 'l.tgz');
    await writeLayer(entries, { sourceDateEpoch: 0, uid: 1000, gid: 1001 }, out);
    const listed = await listTar(gunzipSync(await readFile(out)));
    expect(listed.map((l) => [l.header.name, l.header.mode, l.header.uid, l.header.gid])).toEqual([
      [`${'d'.repeat(120)}/`, 0o700, 1000, 1001],
      [long, 0o4755, 1000, 1001],
      ['z', 0, 1000, 1001],
    ]);
    expect(listed[0]?.header.mtime.getTime()).toBe(0);
  });

  it('writes the pinned gzip header: no mtime, no name, XFL 0, OS 255', async () => {
    const { out } = await bake('one', 1_000_000_000, 0o022);
    const head = [...(await readFile(out)).subarray(0, 10)];
    expect(head).toEqual([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);
    expect(head).toEqual([...GZIP_HEADER]);
  });

  it('patches the header fflate writes (OS 3, "assume Unix")', () => {
    const raw = fflateGzipSync(new Uint8Array([1, 2, 3]), { level: 6, mtime: 0 });
    expect([...raw.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    fixGzipHeader(raw);
    expect([...raw.subarray(0, 10)]).toEqual([...GZIP_HEADER]);
    expect(() => fixGzipHeader(new Uint8Array([0x1f, 0x8b, 8, 8, 0, 0, 0, 0, 0, 3]))).toThrow(
      /unexpected header byte 3/,
    );
  });

  it('compresses the same bytes identically however the input is chunked', async () => {
    const data = Buffer.alloc(300_000);
    for (let i = 0; i < data.length; i++) data[i] = ((i * 7919) % 251) ^ (i >> 9);
    const gzipIn = async (chunk: number): Promise<Buffer> => {
      const pieces: Buffer[] = [];
      for (let at = 0; at < data.length; at += chunk) pieces.push(data.subarray(at, at + chunk));
      const parts: Buffer[] = [];
      const gz = new DeterministicGzip();
      gz.on('data', (c: Buffer) => parts.push(c));
      await pipeline(Readable.from(pieces), gz);
      return Buffer.concat(parts);
    };
    const [a, b, c] = await Promise.all([gzipIn(512), gzipIn(65_536), gzipIn(100_003)]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(gunzipSync(a)).toEqual(data);
  });

  it('writes the same layer with 0, 1 and 3 compression workers', async () => {
    await mkdir(join(top, 'ctx'));
    // Text and random bytes across several chunks: deflated and stored chunks both.
    const text = Buffer.from('lorem ipsum dolor sit amet '.repeat(200_000));
    await writeFile(join(top, 'ctx', 'a.txt'), text);
    await writeFile(join(top, 'ctx', 'b.bin'), randomBytes(3 * 1024 * 1024 + 17));
    const entries = await resolveCopySpecs(
      ['a.txt:/data/a.txt', 'b.bin:/data/b.bin'],
      join(top, 'ctx'),
    );
    const results = [];
    for (const workers of [0, 1, 3]) {
      const out = join(top, `w${workers}.tgz`);
      results.push({
        ...(await writeLayer(entries, { sourceDateEpoch: EPOCH, workers }, out)),
        out,
      });
    }
    const [a, b, c] = results;
    expect(b?.digest).toBe(a?.digest);
    expect(c?.digest).toBe(a?.digest);
    const tar = gunzipSync(await readFile(a?.out as string));
    expect(sha(tar)).toBe(a?.diffId);
    const listed = await listTar(tar);
    expect(listed.find((l) => l.header.name === 'data/a.txt')?.body.equals(text)).toBe(true);
  }, 60_000);

  it('is readable by the system tar', async () => {
    const { out } = await bake('one', 1_000_000_000, 0o022);
    const listing = execFileSync('tar', ['--numeric-owner', '-tvzf', out], { encoding: 'utf8' });
    const lines = listing.trim().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[3]).toMatch(/^-rwxr-xr-x 0\/0 +18 2023-11-14 \d\d:\d\d usr\/local\/bin\/app$/);
    expect(lines[8]).toMatch(/^lrwxrwxrwx 0\/0 .* www\/style\.css -> css\/a\.css$/);
  });

  it('leaves neither the layer nor a temp file behind when it fails', async () => {
    const src = join(top, 'present');
    await writeFile(src, 'x');
    const out = join(top, 'out.tgz');
    const entries: LayerEntry[] = [
      { path: 'a', type: 'file', source: src, mode: 0o644 },
      { path: 'b', type: 'file', source: join(top, 'missing'), mode: 0o644 },
    ];
    await expect(writeLayer(entries, { sourceDateEpoch: EPOCH }, out)).rejects.toThrow(/ENOENT/);
    expect(await readdir(top)).toEqual(['present']);
  });

  it('refuses a bad source-date-epoch and bad entries before writing', async () => {
    const out = join(top, 'out.tgz');
    await expect(writeLayer([], { sourceDateEpoch: -1 }, out)).rejects.toThrow(ConfigurationError);
    await expect(writeLayer([], { sourceDateEpoch: 1.5 }, out)).rejects.toThrow(
      /Input "source-date-epoch" has value "1.5"/,
    );
    const dup: LayerEntry = { path: 'a', type: 'dir', mode: 0o755 };
    await expect(writeLayer([dup, dup], { sourceDateEpoch: 0 }, out)).rejects.toThrow(/twice/);
    await expect(
      writeLayer([{ path: '../a', type: 'dir', mode: 0o755 }], { sourceDateEpoch: 0 }, out),
    ).rejects.toThrow(/clean relative path/);
    expect(await readdir(top)).toEqual([]);
  });

  // Worker threads add their own heaps; bench:bake-memory measures those. This bounds the pipeline.
  it('streams a 64 MiB file with bounded memory', async () => {
    const big = join(top, 'sparse');
    await writeFile(big, '');
    await truncate(big, 64 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    try {
      const result = await writeLayer(
        [{ path: 'big', type: 'file', source: big, mode: 0o644 }],
        { sourceDateEpoch: EPOCH, workers: 0 },
        join(top, 'big.tgz'),
      );
      expect(result.uncompressedSize).toBe(64 * 1024 * 1024 + 512 + 1024);
    } finally {
      clearInterval(timer);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak - before).toBeLessThan(48 * 1024 * 1024);
  }, 60_000);
});
