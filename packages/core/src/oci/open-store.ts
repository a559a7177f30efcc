import { ConfigurationError } from '../errors.js';
import type { Digest } from './digest.js';
import { OciLayout } from './layout/oci-layout.js';
import { formatLocation, type ImageLocation } from './location.js';
import type { Registries } from './registries.js';
import type { ImageStore } from './store.js';

// Apart from location.ts, so parsing a location (every action's input check) loads no store.

/** The store a location names: an OCI layout folder or a registry repository. */
export function openStore(loc: ImageLocation, registries: Registries): ImageStore {
  return loc.kind === 'layout'
    ? new OciLayout(loc.dir)
    : registries.repository(loc.ref.registry, loc.ref.repository);
}

/** The digest a location names, resolving tags (and a layout's single entry). */
export async function resolveLocation(loc: ImageLocation, store: ImageStore): Promise<Digest> {
  if (loc.kind === 'layout' && loc.digest) return loc.digest;
  if (loc.kind === 'registry' && loc.ref.digest) return loc.ref.digest;
  if (loc.kind === 'layout' && !loc.reference) return (store as OciLayout).defaultManifest();
  const reference = loc.reference ?? 'latest';
  const digest = await store.resolve(reference);
  if (!digest)
    throw new ConfigurationError(
      `${formatLocation(loc)}: ${reference} not found in ${store.label}`,
    );
  return digest;
}
