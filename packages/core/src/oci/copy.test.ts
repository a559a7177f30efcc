import { describe, expect, it } from '@jest/globals';
import { copyImage, CopyVerificationError } from './copy.js';
import { MemoryStore } from './test-memory-store.js';

const quiet = { log: () => {} };
const amd64 = { os: 'linux', architecture: 'amd64' };
const arm64 = { os: 'linux', architecture: 'arm64' };

function nested(s: MemoryStore) {
  const a = s.image('a', amd64);
  const b = s.image('b', arm64);
  const inner = s.index([a, b]);
  const c = s.image('c', amd64);
  const root = s.index([inner, c]);
  return { a, b, inner, c, root };
}

describe('copyImage with nested indexes', () => {
  it('copies every level whole: blobs first, then children before each index, root last', async () => {
    const src = new MemoryStore('src');
    const dst = new MemoryStore('dst');
    const { a, b, inner, c, root } = nested(src);
    const r = await copyImage(src, dst, root.digest, { ...quiet, tags: ['v1'] });
    expect(r.manifests).toBe(5);
    expect(r.blobs).toBe(6);
    const manifests = dst.writes.filter((w) => w.startsWith('manifest '));
    expect(manifests).toEqual([a, b, inner, c, root, root].map((d) => `manifest ${d.digest}`));
    // Every blob is in place before the first manifest.
    const firstManifest = dst.writes.findIndex((w) => w.startsWith('manifest '));
    expect(dst.writes.slice(firstManifest).every((w) => w.startsWith('manifest '))).toBe(true);
    expect(firstManifest).toBe(6);
    for (const d of [a, b, inner, c, root]) {
      expect(dst.manifests.get(d.digest)?.bytes).toEqual(src.manifests.get(d.digest)?.bytes);
    }
    expect(dst.tags.get('v1')).toBe(root.digest);
  });

  it('never reports success while a child manifest is missing at the target', async () => {
    const src = new MemoryStore('src');
    const dst = new MemoryStore('dst');
    const { b, root } = nested(src);
    dst.drop.add(b.digest);
    const err = await copyImage(src, dst, root.digest, quiet).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CopyVerificationError);
    expect((err as Error).message).toBe(
      `copy to dst did not verify: target holds nothing for ${b.digest} (listed by ${root.digest})`,
    );
  });

  it('writes nothing when a child is refused', async () => {
    const src = new MemoryStore('src');
    const dst = new MemoryStore('dst');
    const a = src.image('a');
    const root = src.index([{ ...a, size: a.size + 1 }]);
    await expect(copyImage(src, dst, root.digest, quiet)).rejects.toThrow(
      `src@${root.digest}: lists ${a.digest} with size ${a.size + 1} but it is ${a.size} bytes (refused)`,
    );
    expect(dst.writes).toEqual([]);
  });
});
