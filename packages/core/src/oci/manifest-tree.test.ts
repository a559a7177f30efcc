import { describe, expect, it } from '@jest/globals';
import type { Digest } from './digest.js';
import { type Descriptor, encodeManifest, ManifestError } from './manifest.js';
import { readManifestTree } from './manifest-tree.js';
import { MediaType } from './media-types.js';
import { MemoryStore } from './test-memory-store.js';

const amd64 = { os: 'linux', architecture: 'amd64' };
const arm64 = { os: 'linux', architecture: 'arm64' };

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ManifestError);
  return (err as Error).message;
}

describe('readManifestTree', () => {
  it('reads nested indexes whole, children before their index, the root last', async () => {
    const s = new MemoryStore('reg/app');
    const a = s.image('a', amd64);
    const b = s.image('b', arm64);
    const inner = s.index([a, b]);
    const c = s.image('c', amd64);
    const root = s.index([inner, c]);
    const tree = await readManifestTree(s, root.digest);
    expect(tree.manifests.map((m) => m.digest)).toEqual([
      a.digest,
      b.digest,
      inner.digest,
      c.digest,
      root.digest,
    ]);
    expect(tree.images.map((i) => [i.manifest.digest, i.platform?.architecture])).toEqual([
      [a.digest, 'amd64'],
      [b.digest, 'arm64'],
      [c.digest, 'amd64'],
    ]);
  });

  it('reads a manifest listed twice once', async () => {
    const s = new MemoryStore();
    const a = s.image('a', amd64);
    const inner = s.index([a]);
    const root = s.index([inner, a]);
    const tree = await readManifestTree(s, root.digest);
    expect(tree.manifests.map((m) => m.digest)).toEqual([a.digest, inner.digest, root.digest]);
    expect(tree.images).toHaveLength(1);
  });

  it('refuses indexes nested deeper than the bound', async () => {
    const s = new MemoryStore('reg/app');
    // chain[0] is an image; chain[n] an index of chain[n - 1], n levels of indexes deep.
    const chain = [s.image('a')];
    for (let n = 1; n <= 4; n++) chain.push(s.index([chain[n - 1] as Descriptor]));
    const [, level4, , , root] = chain as [
      Descriptor,
      Descriptor,
      Descriptor,
      Descriptor,
      Descriptor,
    ];
    const three = (await readManifestTree(s, chain[3]?.digest as Digest, { maxDepth: 3 }))
      .manifests;
    expect(three).toHaveLength(4);
    expect(await refusal(readManifestTree(s, root.digest, { maxDepth: 3 }))).toBe(
      `reg/app@${level4.digest}: indexes nested deeper than 3 levels (refused)`,
    );
  });

  it('refuses an index listing a manifest of an unknown media type, before fetching it', async () => {
    const s = new MemoryStore('reg/app');
    const a = s.image('a');
    const odd = { ...a, mediaType: 'application/vnd.oci.artifact.manifest.v1+json' };
    const root = s.index([odd]);
    expect(await refusal(readManifestTree(s, root.digest))).toBe(
      `reg/app@${root.digest}: lists ${a.digest} with unknown media type "application/vnd.oci.artifact.manifest.v1+json" (refused)`,
    );
  });

  it('refuses a child that is not what its index entry says', async () => {
    const s = new MemoryStore('reg/app');
    const a = s.image('a');
    const inner = s.index([a]);
    // The entry calls an index an image manifest: two readers would walk different trees.
    const lying = s.index([{ ...inner, mediaType: MediaType.OciManifest }]);
    expect(await refusal(readManifestTree(s, lying.digest))).toBe(
      `reg/app@${lying.digest}: lists ${inner.digest} as "${MediaType.OciManifest}" but it is "${MediaType.OciIndex}" (ambiguous; refused)`,
    );
    const wrongSize = s.index([{ ...a, size: a.size + 1 }]);
    expect(await refusal(readManifestTree(s, wrongSize.digest))).toBe(
      `reg/app@${wrongSize.digest}: lists ${a.digest} with size ${a.size + 1} but it is ${a.size} bytes (refused)`,
    );
    // The same digest listed twice with two types is refused at the second entry too.
    const twice = s.index([a, { ...a, mediaType: MediaType.DockerManifest }]);
    expect(await refusal(readManifestTree(s, twice.digest))).toBe(
      `reg/app@${twice.digest}: lists ${a.digest} as "${MediaType.DockerManifest}" but it is "${MediaType.OciManifest}" (ambiguous; refused)`,
    );
  });

  it('refuses a child that is itself ambiguous, naming the child', async () => {
    const s = new MemoryStore('reg/app');
    const a = s.image('a');
    const bad = s.raw(
      encodeManifest({
        schemaVersion: 2,
        mediaType: MediaType.OciIndex,
        manifests: [a],
        layers: [],
      } as never),
      MediaType.OciIndex,
    );
    const root = s.index([bad]);
    expect(await refusal(readManifestTree(s, root.digest))).toBe(
      `reg/app@${bad.digest}: manifest has both "layers" and "manifests" (ambiguous; refused)`,
    );
  });

  it('refuses more manifests than the bound', async () => {
    const s = new MemoryStore('reg/app');
    const root = s.index([s.image('a'), s.image('b'), s.image('c')]);
    await expect(readManifestTree(s, root.digest, { maxManifests: 4 })).resolves.toBeDefined();
    expect(await refusal(readManifestTree(s, root.digest, { maxManifests: 3 }))).toBe(
      `reg/app@${root.digest as Digest}: holds more than 3 manifests (refused)`,
    );
  });
});
