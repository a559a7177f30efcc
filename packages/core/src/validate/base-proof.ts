import { errorMessage } from '../errors.js';
import type { Digest } from '../oci/digest.js';
import { parseLocation } from '../oci/location.js';
import { openStore } from '../oci/open-store.js';
import type { Descriptor, ParsedManifest } from '../oci/manifest.js';
import type { Registries } from '../oci/registries.js';
import { platformMatches } from './platform-match.js';

/**
 * The evidence that an image is built on its recorded base: the base's layers, fetched by the
 * recorded reference, against the image's first layers. Equal digests mean equal bytes, so a
 * match proves the base; a label alone proves nothing.
 */
export interface BaseProof {
  /** What was fetched: `name@digest`, or the name alone when no digest was recorded. */
  reference: string;
  /** The base's image manifest for the image's platform. */
  manifestDigest?: Digest;
  /** The base's layers, bottom first. */
  expected: Digest[];
  /** The image's first layers, as many as the base has (fewer if the image has fewer). */
  actual: Digest[];
  proven: boolean;
  /** Why the base could not be read; `proven` is false. */
  error?: string;
}

/** Fetches the recorded base and compares its layers with the start of the image's. */
export async function proveBase(
  registries: Registries,
  base: { name: string; digest?: string },
  platform: string,
  layers: readonly Descriptor[],
): Promise<BaseProof> {
  const proof: BaseProof = { reference: base.name, expected: [], actual: [], proven: false };
  try {
    const loc = parseLocation(base.name, 'base');
    const digest =
      (loc.kind === 'registry' ? loc.ref.digest : loc.digest) ??
      (base.digest as Digest | undefined);
    const reference = digest ?? loc.reference ?? 'latest';
    if (digest) proof.reference = `${base.name.split('@')[0] as string}@${digest}`;
    const store = openStore(loc, registries);
    let manifest: ParsedManifest = await store.getManifest(reference);
    if (manifest.kind === 'index') {
      const child = manifest.index.manifests.find((d) => platformMatches(d.platform, platform));
      if (!child) {
        proof.error = `${proof.reference} has no ${platform} image`;
        return proof;
      }
      manifest = await store.getManifest(child.digest);
    }
    if (manifest.kind !== 'image') {
      proof.error = `${proof.reference}: nested image indexes are not supported`;
      return proof;
    }
    proof.manifestDigest = manifest.digest;
    proof.expected = manifest.manifest.layers.map((l) => l.digest);
    proof.actual = layers.slice(0, proof.expected.length).map((l) => l.digest);
    proof.proven =
      proof.actual.length === proof.expected.length &&
      proof.expected.every((d, i) => d === proof.actual[i]);
  } catch (err) {
    proof.error = `could not read base ${proof.reference}: ${errorMessage(err)}`;
  }
  return proof;
}
