import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OciLayout } from '../oci/layout/oci-layout.js';
import { MediaType } from '../oci/media-types.js';
import { diffLayers } from './layer-diff.js';
import { writeLayer } from './layer-writer.js';

// verify-reproducible names the files that differ between two bakes; this pins that down.
describe('diffLayers', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiln-layer-diff-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const layer = async (name: string, files: Record<string, string>, epoch = 1_700_000_000) => {
    const src = join(dir, name);
    const layout = new OciLayout(join(dir, `${name}-layout`));
    const entries = Object.entries(files).map(([path, text]) => {
      writeFileSync(`${src}-${path.replace(/\//g, '_')}`, text);
      return {
        path,
        type: 'file' as const,
        mode: 0o644,
        source: `${src}-${path.replace(/\//g, '_')}`,
      };
    });
    const out = join(dir, `${name}.tar.gz`);
    const r = await writeLayer(entries, { sourceDateEpoch: epoch }, out);
    const desc = { mediaType: MediaType.OciLayerGzip, digest: r.digest, size: r.size };
    await layout.putBlob(desc, async () => createReadStream(out));
    return { layout, desc };
  };

  it('names each file that differs and how', async () => {
    const a = await layer('a', { 'www/index.html': 'one', 'www/same.txt': 'same', 'only-a': 'x' });
    const b = await layer('b', { 'www/index.html': 'two', 'www/same.txt': 'same' }, 1_700_000_001);
    const lines = await diffLayers(a.layout, a.desc, b.layout, b.desc);
    expect(lines).toEqual([
      'only-a: only in the first bake',
      expect.stringMatching(
        /^www\/index\.html: mtime 1700000000 != 1700000001, sha256 [a-f0-9]+ != [a-f0-9]+$/,
      ),
      'www/same.txt: mtime 1700000000 != 1700000001',
    ]);
  });

  it('finds nothing between identical layers', async () => {
    const a = await layer('c', { f: 'same' });
    const b = await layer('d', { f: 'same' });
    expect(a.desc.digest).toBe(b.desc.digest);
    expect(await diffLayers(a.layout, a.desc, b.layout, b.desc)).toEqual([]);
  });
});
