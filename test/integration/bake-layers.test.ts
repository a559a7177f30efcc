import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bake, type BakeResult, parseBakeRequest } from '@kiln/core/bake';
import { ConfigurationError } from '@kiln/core/errors';
import { fromRecord } from '@kiln/core/inputs';
import { Registries } from '@kiln/core/oci';

// Layers that change alone, the layer cache and parallel compression, on an OCI layout output
// checked with umoci (which shares no code with Kiln).
const exec = promisify(execFile);
const COPY = 'bin:/app/bin/\nlib:/app/lib/\nwww:/www/';

describe('app layers per copy line, the layer cache, compression workers', () => {
  let work = '';
  let ctx = '';
  let n = 0;
  const saved = process.env.KILN_CACHE_DIR;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'kiln-bake-layers-'));
    process.env.KILN_CACHE_DIR = join(work, 'cache');
    ctx = join(work, 'ctx');
    for (const d of ['bin', 'lib', 'www']) await mkdir(join(ctx, d), { recursive: true });
    await writeFile(join(ctx, 'bin', 'app'), Buffer.alloc(3 * 1024 * 1024 + 5, 1));
    for (let i = 0; i < 300; i++)
      await writeFile(join(ctx, 'lib', `m${i}.js`), `export const v${i} = ${i};\n`);
    await writeFile(join(ctx, 'www', 'index.html'), '<p>one</p>\n');
  });

  afterAll(async () => {
    if (saved === undefined) delete process.env.KILN_CACHE_DIR;
    else process.env.KILN_CACHE_DIR = saved;
    if (work) await rm(work, { recursive: true, force: true });
  });

  const bakeIt = (extra: Record<string, string> = {}, workers?: number): Promise<BakeResult> => {
    const req = parseBakeRequest(
      fromRecord({
        context: ctx,
        copy: COPY,
        output: `oci-layout:${join(work, `out-${++n}`)}:app`,
        'source-date-epoch': '1700000000',
        ...extra,
      }),
    );
    if (workers !== undefined) req.compressionWorkers = workers;
    return bake(req, new Registries(), () => {});
  };

  it('gives each copy line its own layer; after one file changes only its layer is new', async () => {
    const first = await bakeIt();
    expect(first.appLayers.map((l) => l.lines)).toEqual([
      ['bin:/app/bin/'],
      ['lib:/app/lib/'],
      ['www:/www/'],
    ]);
    expect(first.layers.map((l) => l.from)).toEqual(['app', 'app', 'app']);
    const again = await bakeIt();
    expect(again.digest).toBe(first.digest);
    expect(again.appLayers.map((l) => l.cached)).toEqual([true, true, true]);

    await writeFile(join(ctx, 'www', 'index.html'), '<p>two</p>\n');
    const changed = await bakeIt();
    expect(changed.appLayers.map((l) => l.cached)).toEqual([true, true, false]);
    expect(changed.appLayers.slice(0, 2).map((l) => l.digest)).toEqual(
      first.appLayers.slice(0, 2).map((l) => l.digest),
    );
    expect(changed.appLayers[2]?.digest).not.toBe(first.appLayers[2]?.digest);

    // umoci applies the layers in order: the image holds every file.
    const bundle = join(work, 'bundle');
    await exec('umoci', ['unpack', '--image', `${join(work, `out-${n}`)}:app`, bundle]);
    expect(await readFile(join(bundle, 'rootfs', 'www', 'index.html'), 'utf8')).toBe(
      '<p>two</p>\n',
    );
    expect((await readdir(join(bundle, 'rootfs', 'app', 'lib'))).length).toBe(300);
  }, 120_000);

  it('groups lines with layers, and refuses groups that skip or reorder lines', async () => {
    const single = await bakeIt({ layers: 'single' });
    expect(single.appLayers.map((l) => l.lines)).toEqual([
      ['bin:/app/bin/', 'lib:/app/lib/', 'www:/www/'],
    ]);
    const grouped = await bakeIt({ layers: '1-2, 3' });
    expect(grouped.appLayers.map((l) => l.lines.length)).toEqual([2, 1]);
    for (const bad of ['1, 3', '2-3, 1', '1-4', 'first']) {
      expect(() =>
        parseBakeRequest(fromRecord({ context: ctx, copy: COPY, layers: bad, push: 'false' })),
      ).toThrow(ConfigurationError);
    }
    expect(() =>
      parseBakeRequest(fromRecord({ context: ctx, copy: COPY, layers: '1, 3', push: 'false' })),
    ).toThrow(
      'Input "layers" has value "1, 3": must be per-line, single, or groups of copy line numbers in order covering lines 1-3 once each',
    );
  }, 60_000);

  it('gives one digest with 0, 1 and 3 compression workers, without the cache', async () => {
    const digests = new Set<string>();
    for (const workers of [0, 1, 3])
      digests.add((await bakeIt({ 'layer-cache': 'false' }, workers)).digest);
    expect(digests.size).toBe(1);
    expect([...digests][0]).toBe((await bakeIt()).digest);
  }, 120_000);

  it('drops a corrupt cache entry and writes the layer again', async () => {
    const good = await bakeIt();
    const blobs = join(work, 'cache', 'layers', 'blobs', 'sha256');
    const hex = good.appLayers[0]?.digest.split(':')[1] as string;
    const bytes = await readFile(join(blobs, hex));
    const mid = bytes.length >> 1;
    bytes[mid] = (bytes[mid] as number) ^ 0xff; // same size, other bytes
    await writeFile(join(blobs, hex), bytes);
    const again = await bakeIt();
    expect(again.digest).toBe(good.digest);
    expect(again.appLayers.map((l) => l.cached)).toEqual([false, true, true]);
    expect((await readFile(join(blobs, hex))).equals(bytes)).toBe(false);
  }, 60_000);

  it('verify-reproducible names the layer and files when a cache entry lies', async () => {
    const good = await bakeIt();
    // An intact entry (its blob matches its digest) filed under the wrong key: the www layer's
    // key now names the lib layer.
    const keys = join(work, 'cache', 'layers', 'keys');
    const entries = await Promise.all(
      (await readdir(keys)).map(async (f) => ({
        f,
        v: JSON.parse(await readFile(join(keys, f), 'utf8')) as { digest: string },
      })),
    );
    const www = entries.find((e) => e.v.digest === good.appLayers[2]?.digest);
    const lib = entries.find((e) => e.v.digest === good.appLayers[1]?.digest);
    await writeFile(join(keys, www?.f as string), JSON.stringify(lib?.v));
    const err = await bakeIt({ 'verify-reproducible': 'true' }).catch((e: unknown) => e as Error);
    expect((err as Error).name).toBe('NotReproducibleError');
    const message = (err as Error).message;
    expect(message).toContain(
      'app layer 3 of 3 (copy www:/www/) differs (the first from the layer cache)',
    );
    expect(message).toContain('app/lib/m0.js: only in the first bake');
    expect(message).not.toContain('app layer 1 of 3');
  }, 60_000);
});
