import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaType } from '../oci/media-types.js';
import { LayerCache } from './layer-cache.js';

describe('LayerCache', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiln-layer-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A cache (proofs remembered at once) holding one entry under key `k`. */
  async function cacheWithEntry(): Promise<{ cache: LayerCache; blob: string }> {
    const cache = new LayerCache(dir, 0n);
    await cache.init();
    const desc = await cache.layout.putBuffer(
      Buffer.from('layer bytes '.repeat(1000)),
      MediaType.OciLayerGzip,
    );
    await cache.put('k', {
      digest: desc.digest,
      diffId: desc.digest,
      size: desc.size,
      uncompressedSize: desc.size,
    });
    return { cache, blob: cache.layout.blobPath(desc.digest) };
  }

  it('reads a hit against its digest once, then trusts it while its stamp is unchanged', async () => {
    const { cache } = await cacheWithEntry();
    const open = jest.spyOn(cache.layout, 'openBlob');
    expect(await cache.get('k')).toBeDefined();
    expect(open).toHaveBeenCalledTimes(1);
    await cache.files.save();
    // A later bake, a new process: the proof comes from the file index.
    const later = new LayerCache(dir, 0n);
    const openLater = jest.spyOn(later.layout, 'openBlob');
    expect(await later.get('k')).toBeDefined();
    expect(openLater).not.toHaveBeenCalled();
  });

  it('reads it again once anything wrote to it, and drops it if it no longer matches', async () => {
    const { cache, blob } = await cacheWithEntry();
    expect(await cache.get('k')).toBeDefined();
    await cache.files.save();
    const bytes = readFileSync(blob);
    bytes[7] = (bytes[7] as number) ^ 0xff; // same size, other bytes
    writeFileSync(blob, bytes);
    const later = new LayerCache(dir, 0n);
    const open = jest.spyOn(later.layout, 'openBlob');
    expect(await later.get('k')).toBeUndefined();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('does not remember a proof for a blob written within the racy window', async () => {
    await cacheWithEntry();
    const cache = new LayerCache(dir); // 3 s window; the blob was just written
    expect(await cache.get('k')).toBeDefined();
    await cache.files.save();
    const later = new LayerCache(dir);
    const open = jest.spyOn(later.layout, 'openBlob');
    expect(await later.get('k')).toBeDefined();
    expect(open).toHaveBeenCalledTimes(1);
  });
});
