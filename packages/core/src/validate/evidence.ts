import { Readable } from 'node:stream';
import { OciLayout } from '../oci/layout/oci-layout.js';
import type { Descriptor } from '../oci/manifest.js';
import { descriptorOf } from '../oci/manifest.js';
import { buildArtifact, pushArtifact, type Artifact } from '../oci/referrers.js';
import { RegistryRepository } from '../oci/registry/repository.js';
import type { ImageStore } from '../oci/store.js';

/**
 * Stores an artifact next to its subject: through the referrers API (or its fallback tag) in
 * a registry, or as an extra manifest listed in a layout's index.json, so evidence travels
 * with the image either way.
 */
export async function storeArtifact(store: ImageStore, artifact: Artifact): Promise<Descriptor> {
  if (store instanceof RegistryRepository) return pushArtifact(store, artifact);
  if (!(store instanceof OciLayout)) throw new Error(`cannot store artifacts in ${store.label}`);
  const { manifest, blobs } = buildArtifact(artifact);
  for (const b of blobs) await store.putBlob(b.desc, async () => Readable.from([b.data]));
  await store.putManifest(manifest, { root: true });
  return descriptorOf(manifest, { artifactType: artifact.artifactType });
}
