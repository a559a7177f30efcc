import type { Digest } from './digest.js';
import {
  checkListed,
  checkListedType,
  ManifestError,
  type ParsedManifest,
  type Platform,
} from './manifest.js';
import type { ImageStore } from './store.js';

/** Deepest nesting of indexes followed: the root index is level 1, an index it lists level 2. */
export const MAX_INDEX_DEPTH = 8;
/** Most distinct manifests one image may hold: bounds what a hostile index can make us fetch. */
export const MAX_TREE_MANIFESTS = 1024;

/** An image manifest reached from the root, with the platform its parent index gives it. */
export interface TreeImage {
  manifest: ParsedManifest & { kind: 'image' };
  platform?: Platform;
}

/** Every manifest an image or index needs, read and checked once. */
export interface ManifestTree {
  root: ParsedManifest;
  /** Each distinct manifest once, children before the indexes that list them: root last. */
  manifests: ParsedManifest[];
  /** Each distinct image manifest once, in listing order. */
  images: TreeImage[];
}

export interface TreeLimits {
  maxDepth?: number;
  maxManifests?: number;
}

/**
 * Reads `digest` and, for an index, every manifest below it, however deep (nested indexes
 * included), up to the limits. Each child must be what its index entry says (type, size,
 * digest), so a copy or an inspection sees the same tree every reader sees.
 */
export async function readManifestTree(
  store: ImageStore,
  digest: Digest,
  limits: TreeLimits = {},
): Promise<ManifestTree> {
  const maxDepth = limits.maxDepth ?? MAX_INDEX_DEPTH;
  const maxManifests = limits.maxManifests ?? MAX_TREE_MANIFESTS;
  const manifests: ParsedManifest[] = [];
  const images: TreeImage[] = [];
  const done = new Map<string, ParsedManifest>();
  const open = new Set<string>();

  const visit = async (m: ParsedManifest, level: number, platform?: Platform): Promise<void> => {
    const where = `${store.label}@${m.digest}`;
    if (m.kind === 'image') {
      images.push(platform ? { manifest: m, platform } : { manifest: m });
    } else {
      if (level > maxDepth)
        throw new ManifestError(where, `indexes nested deeper than ${maxDepth} levels (refused)`);
      open.add(m.digest);
      for (const listed of m.index.manifests) {
        checkListedType(where, listed);
        // Content addressing makes a cycle impossible unless the store lies about digests.
        if (open.has(listed.digest))
          throw new ManifestError(where, `lists ${listed.digest}, which lists it back (refused)`);
        const seen = done.get(listed.digest);
        if (seen) {
          checkListed(where, listed, seen);
          continue;
        }
        if (done.size + open.size >= maxManifests)
          throw new ManifestError(
            `${store.label}@${digest}`,
            `holds more than ${maxManifests} manifests (refused)`,
          );
        const child = await store.getManifest(listed.digest);
        checkListed(where, listed, child);
        await visit(child, level + 1, listed.platform);
      }
      open.delete(m.digest);
    }
    done.set(m.digest, m);
    manifests.push(m);
  };

  const root = await store.getManifest(digest);
  await visit(root, 1);
  return { root, manifests, images };
}
