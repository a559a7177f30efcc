import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { OciLayout } from '../oci/layout/oci-layout.js';
import type { Descriptor } from '../oci/manifest.js';
import { MediaType } from '../oci/media-types.js';
import { CachedStore, withBaseCache } from './base-cache.js';

let top = '';
let base: OciLayout;
let cache: OciLayout;
let opened: string[];
let stderr: string[];
const onRunner = process.env.GITHUB_ACTIONS;
const layer = Buffer.from('the base layer, as the registry holds it');

/** The registry side: a layout whose blob reads are counted. */
function countingBase(): OciLayout {
  const layout = new OciLayout(join(top, 'registry'));
  const open = layout.openBlob.bind(layout);
  layout.openBlob = async (desc: Descriptor): Promise<Readable> => {
    opened.push(desc.digest);
    return open(desc);
  };
  return layout;
}

beforeEach(async () => {
  top = await mkdtemp(join(tmpdir(), 'kiln-base-cache-'));
  opened = [];
  stderr = [];
  base = countingBase();
  cache = new OciLayout(join(top, 'cache'));
  await cache.init();
  // Plain lines, as outside a runner, so the warning is read from stderr.
  delete process.env.GITHUB_ACTIONS;
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(async () => {
  jest.restoreAllMocks();
  if (onRunner !== undefined) process.env.GITHUB_ACTIONS = onRunner;
  await rm(top, { recursive: true, force: true });
});

describe('CachedStore', () => {
  it('reads an intact cached blob without asking the registry', async () => {
    const desc = await base.putBuffer(layer, MediaType.OciLayer);
    await cache.putBuffer(layer, MediaType.OciLayer);
    const store = new CachedStore(base, cache);
    expect((await store.readBlob(desc)).equals(layer)).toBe(true);
    expect(opened).toEqual([]);
    expect(store.downloaded).toBe(0);
  });

  it('drops a cached blob that fails its digest check, warns, and fetches it again', async () => {
    const desc = await base.putBuffer(layer, MediaType.OciLayer);
    await cache.init();
    // Same size, other bytes: only the digest check can tell.
    const rotten = Buffer.from(layer);
    rotten[0] = rotten[0]! ^ 0xff;
    await writeFile(cache.blobPath(desc.digest), rotten);

    const store = new CachedStore(base, cache);
    const chunks: Buffer[] = [];
    for await (const c of await store.openBlob(desc)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(layer)).toBe(true);
    expect(opened).toEqual([desc.digest]);
    expect(store.downloaded).toBe(layer.length);
    expect((await readFile(cache.blobPath(desc.digest))).equals(layer)).toBe(true);
    const warnings = stderr
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(
        `^warning: base layer cache: ${desc.digest} failed its digest check \\(.*content digest sha256:[0-9a-f]{64} does not match ${desc.digest}\\); dropped, downloading it again$`,
      ),
    );

    // A second read, and a new store over the repaired cache, need the registry no more.
    await store.readBlob(desc);
    expect(await new CachedStore(base, cache).readBlob(desc)).toEqual(layer);
    expect(opened).toEqual([desc.digest]);
  });

  it('checks and downloads a blob once when it is read concurrently', async () => {
    const desc = await base.putBuffer(layer, MediaType.OciLayer);
    const store = new CachedStore(base, cache);
    await Promise.all([store.readBlob(desc), store.readBlob(desc), store.readBlob(desc)]);
    expect(opened).toEqual([desc.digest]);
    expect(store.downloaded).toBe(layer.length);
  });

  it('drops a link planted in place of a cached blob, leaving its target alone', async () => {
    const desc = await base.putBuffer(layer, MediaType.OciLayer);
    await writeFile(join(top, 'outside'), layer);
    await symlink(join(top, 'outside'), cache.blobPath(desc.digest));
    const store = new CachedStore(base, cache);
    expect((await store.readBlob(desc)).equals(layer)).toBe(true);
    expect(opened).toEqual([desc.digest]);
    expect((await readFile(join(top, 'outside'))).equals(layer)).toBe(true);
    expect(stderr.join('')).toContain(
      `warning: base layer cache: oci-layout:${cache.dir}: blobs/sha256/${desc.digest.slice(7)} is a symbolic link`,
    );
  });
});

describe('withBaseCache', () => {
  it('does not use a cache folder with a link in it, and the bake still runs', async () => {
    const saved = process.env.KILN_CACHE_DIR;
    process.env.KILN_CACHE_DIR = join(top, 'kiln-cache');
    await mkdir(join(top, 'kiln-cache', 'base'), { recursive: true });
    await mkdir(join(top, 'elsewhere'));
    await symlink(join(top, 'elsewhere'), join(top, 'kiln-cache', 'base', 'blobs'));
    try {
      const desc = await base.putBuffer(layer, MediaType.OciLayer);
      const read = await withBaseCache(desc.digest, base, (store) => store.readBlob(desc));
      expect(read.equals(layer)).toBe(true);
      expect(await readdir(join(top, 'elsewhere'))).toEqual([]);
      expect(stderr.join('')).toContain(
        `warning: base layer cache ${join(top, 'kiln-cache', 'base')} not used: oci-layout:${join(top, 'kiln-cache', 'base')}: blobs is a symbolic link`,
      );
    } finally {
      if (saved === undefined) delete process.env.KILN_CACHE_DIR;
      else process.env.KILN_CACHE_DIR = saved;
    }
  });
});
