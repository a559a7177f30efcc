import { info } from '../log.js';
import { mapLimit } from '../util/map-limit.js';
import type { Digest } from './digest.js';
import { blobsOf, type Descriptor } from './manifest.js';
import { readManifestTree } from './manifest-tree.js';
import { type ImageStore, isMountable } from './store.js';

/** The target does not hold what was copied after the copy: never reported as success. */
export class CopyVerificationError extends Error {
  override readonly name = 'CopyVerificationError';
}

export interface CopyOptions {
  /** Tags to set at the target after the digest is in place. */
  tags?: string[];
  /** Blobs in flight at once (default 8). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface CopyResult {
  digest: Digest;
  mediaType: string;
  /** Manifests written (1 for an image, 1 + N for an index of N images; nested indexes count). */
  manifests: number;
  blobs: number;
  /** Bytes of blobs streamed to the target. */
  copiedBytes: number;
  mountedBlobs: number;
  skippedBlobs: number;
}

/**
 * Copies one image or a whole index (every platform, nested indexes included) by digest. Blobs
 * go first (skip what the target has, mount within one registry), manifests last and children
 * before their index at every level, so a failed copy never leaves a manifest whose blobs or
 * children are missing. Ends by reading every manifest back and failing unless the target holds
 * each digest.
 */
export async function copyImage(
  source: ImageStore,
  target: ImageStore,
  digest: Digest,
  opts: CopyOptions = {},
): Promise<CopyResult> {
  const log = opts.log ?? info;
  const result: CopyResult = {
    digest,
    mediaType: '',
    manifests: 0,
    blobs: 0,
    copiedBytes: 0,
    mountedBlobs: 0,
    skippedBlobs: 0,
  };
  const tree = await readManifestTree(source, digest);
  const root = tree.root;
  result.mediaType = root.mediaType;

  // Platform images often share blobs; copy each once.
  const blobs = new Map<string, Descriptor>();
  for (const { manifest } of tree.images) {
    for (const b of blobsOf(manifest.manifest)) blobs.set(b.digest, b);
  }
  result.blobs = blobs.size;
  const mountFrom =
    isMountable(source) &&
    isMountable(target) &&
    source.registry === target.registry &&
    source.repository !== target.repository
      ? source.repository
      : undefined;

  await mapLimit([...blobs.values()], opts.concurrency ?? 8, async (blob) => {
    const short = blob.digest.slice(7, 19);
    if (await target.hasBlob(blob)) {
      result.skippedBlobs++;
      log(`  ${short} exists`);
      return;
    }
    if (mountFrom && isMountable(target) && (await target.mountBlob(blob, mountFrom))) {
      result.mountedBlobs++;
      log(`  ${short} mounted from ${mountFrom}`);
      return;
    }
    // Await first: `x += await y` reads x before the wait and loses concurrent additions.
    const bytes = await target.putBlob(blob, () => source.openBlob(blob));
    result.copiedBytes += bytes;
    log(`  ${short} copied (${blob.size} bytes)`);
  });

  // tree.manifests lists children before their index and the root last: at every level a
  // registry sees an index only after everything it lists is in place.
  for (const m of tree.manifests) {
    await target.putManifest(m, m === root ? { root: true } : {});
    result.manifests++;
  }
  for (const tag of opts.tags ?? []) await target.putManifest(root, { tag });

  // A store may accept an index whose children it does not hold (a layout, a lax registry).
  for (const m of tree.manifests) {
    const readBack = await target.resolve(m.digest);
    if (readBack !== m.digest) {
      const what = m === root ? '' : ` (listed by ${digest})`;
      throw new CopyVerificationError(
        `copy to ${target.label} did not verify: target holds ${readBack ?? 'nothing'} for ${m.digest}${what}`,
      );
    }
  }
  return result;
}
