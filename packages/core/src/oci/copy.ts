import { info } from '../log.js';
import { mapLimit } from '../util/map-limit.js';
import type { Digest } from './digest.js';
import { blobsOf, type Descriptor } from './manifest.js';
import { readManifestTree } from './manifest-tree.js';
import { type ArtifactStore, type ImageStore, isArtifactStore, isMountable } from './store.js';
import { activity } from '../util/activity.js';

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
  /**
   * Also copy every referrer of the digest (evidence, signatures, attestations, SBOMs), and
   * their referrers in turn, after the image, as `regctl image copy --referrers` does.
   */
  referrers?: boolean;
}

/** One referrer copied with an image: listed at the target as a referrer of `subject`. */
export interface CopiedReferrer {
  subject: Digest;
  digest: Digest;
  artifactType?: string;
}

/** Most referrers copied with one image: bounds what a hostile source can make us fetch. */
export const MAX_COPIED_REFERRERS = 1024;

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
  /** With `referrers`: each referrer copied, in the order copied (subjects first). */
  referrers?: CopiedReferrer[];
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
    const bytes = await activity(`copying blob ${blob.digest} to ${target.label}`, () =>
      target.putBlob(blob, () => source.openBlob(blob)),
    );
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
  if (opts.referrers) {
    result.referrers = await copyReferrers(source, target, digest, { ...opts, log });
  }
  return result;
}

/**
 * Copies the referrers of `digest` breadth-first (referrers of referrers too), each one as an
 * image of its own and then listed at the target as a referrer of its subject.
 */
async function copyReferrers(
  source: ImageStore,
  target: ImageStore,
  digest: Digest,
  opts: CopyOptions & { log: (line: string) => void },
): Promise<CopiedReferrer[]> {
  const stores = artifactStores(source, target);
  const copied: CopiedReferrer[] = [];
  const seen = new Set<string>([digest]);
  const subjects: Digest[] = [digest];
  for (let subject = subjects.shift(); subject; subject = subjects.shift()) {
    for (const listed of await stores.source.listReferrers(subject)) {
      if (seen.has(listed.digest)) continue;
      seen.add(listed.digest);
      if (copied.length >= MAX_COPIED_REFERRERS)
        throw new Error(
          `${source.label}@${digest} has more than ${MAX_COPIED_REFERRERS} referrers (refused)`,
        );
      await copyImage(source, target, listed.digest, {
        ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
        log: opts.log,
      });
      await stores.target.indexReferrer(subject, listed);
      copied.push({
        subject,
        digest: listed.digest,
        ...(listed.artifactType ? { artifactType: listed.artifactType } : {}),
      });
      opts.log(`  referrer ${listed.digest.slice(7, 19)} ${listed.artifactType ?? ''} copied`);
      subjects.push(listed.digest);
    }
  }
  return copied;
}

function artifactStores(
  source: ImageStore,
  target: ImageStore,
): { source: ArtifactStore; target: ArtifactStore } {
  for (const s of [source, target]) {
    if (!isArtifactStore(s)) throw new Error(`${s.label} cannot list or store referrers`);
  }
  return { source: source as ArtifactStore, target: target as ArtifactStore };
}
