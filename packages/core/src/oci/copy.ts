import { info } from '../log.js';
import { mapLimit } from '../util/map-limit.js';
import type { Digest } from './digest.js';
import { blobsOf, type Descriptor, type ParsedManifest } from './manifest.js';
import { type ImageStore, isMountable } from './store.js';

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
  /** Manifests written (1 for an image, 1 + N for an index of N images). */
  manifests: number;
  blobs: number;
  /** Bytes of blobs streamed to the target. */
  copiedBytes: number;
  mountedBlobs: number;
  skippedBlobs: number;
}

/**
 * Copies one image or a whole index (every platform) by digest. Blobs go first (skip what the
 * target has, mount within one registry), manifests last and children before their index, so
 * a failed copy never leaves a manifest whose blobs are missing. Ends by reading the target
 * digest back and failing unless it equals the source.
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
  const root = await source.getManifest(digest);
  result.mediaType = root.mediaType;

  const images: ParsedManifest[] = [];
  if (root.kind === 'index') {
    for (const child of root.index.manifests) images.push(await source.getManifest(child.digest));
  } else {
    images.push(root);
  }

  // Platform images often share blobs; copy each once.
  const blobs = new Map<string, Descriptor>();
  for (const m of images) {
    if (m.kind === 'image') for (const b of blobsOf(m.manifest)) blobs.set(b.digest, b);
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

  for (const m of images) {
    if (m !== root) {
      await target.putManifest(m);
      result.manifests++;
    }
  }
  await target.putManifest(root, { root: true });
  result.manifests++;
  for (const tag of opts.tags ?? []) await target.putManifest(root, { tag });

  const readBack = await target.resolve(digest);
  if (readBack !== digest) {
    throw new Error(
      `copy to ${target.label} did not verify: target holds ${readBack ?? 'nothing'} for ${digest}`,
    );
  }
  return result;
}
