import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaType } from '../media-types.js';
import { undoLayoutWriteOnFailure } from './layout-undo.js';
import { OciLayout } from './oci-layout.js';

let top = '';
beforeEach(async () => (top = await mkdtemp(join(tmpdir(), 'kiln-undo-'))));
afterEach(() => rm(top, { recursive: true, force: true }));

/** Every file below `dir`, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** Writes a blob and a tagged manifest, as a copy does, then fails like a dropped connection. */
const failingWrite = (layout: OciLayout) => async (): Promise<never> => {
  await layout.putBuffer(Buffer.from('new layer'), MediaType.OciLayer);
  const bytes = Buffer.from(
    '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}',
  );
  await layout.putManifest(
    {
      bytes,
      digest: (await layout.putBuffer(bytes, MediaType.OciIndex)).digest,
      mediaType: MediaType.OciIndex,
    },
    { tag: 'new' },
  );
  throw new Error('connection lost');
};

describe('undoLayoutWriteOnFailure', () => {
  it('removes a folder the failed write created, with the parents it created', async () => {
    const dir = join(top, 'a', 'b', 'out');
    const layout = new OciLayout(dir);
    await expect(undoLayoutWriteOnFailure(dir, layout.label, failingWrite(layout))).rejects.toThrow(
      'connection lost',
    );
    expect(await readdir(top)).toEqual([]);
  });

  it('leaves an empty folder empty', async () => {
    const dir = join(top, 'out');
    await mkdir(dir);
    const layout = new OciLayout(dir);
    await expect(undoLayoutWriteOnFailure(dir, layout.label, failingWrite(layout))).rejects.toThrow(
      'connection lost',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps an existing layout exactly as it was: its blobs and its index.json', async () => {
    const dir = join(top, 'out');
    const layout = new OciLayout(dir);
    await layout.putBuffer(Buffer.from('old layer'), MediaType.OciLayer);
    const bytes = Buffer.from('{"schemaVersion":2,"manifests":[]}');
    const old = await layout.putBuffer(bytes, MediaType.OciIndex);
    await layout.putManifest(
      { bytes, digest: old.digest, mediaType: MediaType.OciIndex },
      { tag: 'old' },
    );
    const files = await tree(dir);
    const index = await readFile(join(dir, 'index.json'));

    await expect(undoLayoutWriteOnFailure(dir, layout.label, failingWrite(layout))).rejects.toThrow(
      'connection lost',
    );
    expect(await tree(dir)).toEqual(files);
    expect((await readFile(join(dir, 'index.json'))).equals(index)).toBe(true);
  });

  it('keeps what a successful write added', async () => {
    const dir = join(top, 'out');
    const layout = new OciLayout(dir);
    const desc = await undoLayoutWriteOnFailure(dir, layout.label, () =>
      layout.putBuffer(Buffer.from('kept'), MediaType.OciLayer),
    );
    expect(await layout.hasBlob(desc)).toBe(true);
  });
});
