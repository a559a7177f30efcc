import { describe, expect, it } from '@jest/globals';
import { encodeManifest, parseManifest } from './manifest.js';
import { MediaType } from './media-types.js';
import {
  addFallbackReferrer,
  fallbackTag,
  readFallbackIndex,
  ReferrersConflictError,
} from './referrers.js';
import { MemoryArtifactStore } from './test-artifact-store.js';
import { copyImage } from './copy.js';
import { isArtifactStore } from './store.js';
import { MemoryStore } from './test-memory-store.js';

const instant = { settleMs: 0, sleep: async () => {} };

describe('fallback index', () => {
  it('merges again when another writer replaced the index after our write', async () => {
    const store = new MemoryArtifactStore();
    const subject = store.image('app');
    const mine = store.image('mine');
    const theirs = store.image('theirs');
    const tag = fallbackTag(subject.digest);
    let replaced = 0;
    // Another writer that read the empty index before our write lands its own after it.
    const wait = async () => {
      if (replaced++) return;
      const stale = parseManifest(
        encodeManifest({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: [theirs] }),
      );
      store.tags.set(tag, stale.digest);
      store.manifests.set(stale.digest, { bytes: stale.bytes, mediaType: stale.mediaType });
    };
    await addFallbackReferrer(store, subject.digest, mine, { settleMs: 0, sleep: wait });
    const index = await readFallbackIndex(store, subject.digest);
    expect(index.manifests.map((m) => m.digest)).toEqual([theirs.digest, mine.digest]);
    expect(replaced).toBe(2);
  });

  it('fails loudly, naming the referrer, when other writers replace it every time', async () => {
    const store = new MemoryArtifactStore('reg/app');
    const subject = store.image('app');
    const mine = store.image('mine');
    const wipe = async () => {
      store.tags.delete(fallbackTag(subject.digest));
    };
    const err = await addFallbackReferrer(store, subject.digest, mine, {
      attempts: 3,
      settleMs: 0,
      sleep: wipe,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReferrersConflictError);
    expect((err as Error).message).toBe(
      `reg/app: referrer ${mine.digest} of ${subject.digest} was replaced in the fallback index ${fallbackTag(subject.digest)} by other writers 3 times; it is pushed but not listed`,
    );
  });

  it('does not write when the referrer is already listed', async () => {
    const store = new MemoryArtifactStore();
    const subject = store.image('app');
    const mine = store.image('mine');
    await addFallbackReferrer(store, subject.digest, mine, instant);
    const writes = store.writes.length;
    await addFallbackReferrer(store, subject.digest, mine, instant);
    expect(store.writes.length).toBe(writes);
  });
});

describe('copyImage with referrers', () => {
  it('copies every referrer after the image, referrers of referrers too, and lists them at the target', async () => {
    const source = new MemoryArtifactStore('src');
    const target = new MemoryArtifactStore('dst');
    const image = source.image('app');
    const push = (type: string, subject: typeof image, text: string) =>
      source.pushArtifact({
        artifactType: type,
        layers: [{ mediaType: 'application/json', data: Buffer.from(text) }],
        subject,
      });
    const evidence = await push('application/vnd.kiln.validation.v1+json', image, '{"r":1}');
    const sbom = await push('application/spdx+json', image, '{"sbom":1}');
    const signature = await push('application/vnd.dev.sigstore.bundle+json', evidence, '{"s":1}');
    const r = await copyImage(source, target, image.digest, { referrers: true, log: () => {} });
    expect(r.referrers).toEqual([
      { subject: image.digest, digest: evidence.digest, artifactType: evidence.artifactType },
      { subject: image.digest, digest: sbom.digest, artifactType: sbom.artifactType },
      { subject: evidence.digest, digest: signature.digest, artifactType: signature.artifactType },
    ]);
    const manifests = target.writes.filter((w) => w.startsWith('manifest'));
    expect(manifests[0]).toBe(`manifest ${image.digest}`);
    expect((await target.listReferrers(image.digest)).map((d) => d.digest)).toEqual([
      evidence.digest,
      sbom.digest,
    ]);
    expect((await target.listReferrers(evidence.digest)).map((d) => d.digest)).toEqual([
      signature.digest,
    ]);
    // Without the option nothing but the image moves.
    const plain = new MemoryArtifactStore('plain');
    expect((await copyImage(source, plain, image.digest, { log: () => {} })).referrers).toBe(
      undefined,
    );
    expect(await plain.listReferrers(image.digest)).toEqual([]);
  });

  it('refuses a store without the artifact capability', async () => {
    const source = new MemoryArtifactStore('src');
    const image = source.image('app');
    const bare = new MemoryStore('bare');
    expect(isArtifactStore(bare)).toBe(false);
    expect(isArtifactStore(source)).toBe(true);
    await expect(
      copyImage(source, bare, image.digest, { referrers: true, log: () => {} }),
    ).rejects.toThrow('bare cannot list or store referrers');
  });
});
