import type { Descriptor } from '../oci/manifest.js';
import { type Artifact, type ImageStore, isArtifactStore } from '../oci/store.js';

/**
 * Stores an artifact next to its subject through the store's artifact capability: the referrers
 * API (or its fallback tag) in a registry, the same fallback index in an OCI layout, so evidence
 * travels with the image either way.
 */
export async function storeArtifact(store: ImageStore, artifact: Artifact): Promise<Descriptor> {
  if (!isArtifactStore(store))
    throw new Error(`${store.label} cannot store artifacts next to an image`);
  return store.pushArtifact(artifact);
}
