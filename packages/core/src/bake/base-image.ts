import { ConfigurationError, invalidInput } from '../errors.js';
import type { Digest } from '../oci/digest.js';
import { type ImageConfig, parseImageConfigJson } from '../oci/image-config.js';
import { formatLocation, type ImageLocation } from '../oci/location.js';
import { openStore, resolveLocation } from '../oci/open-store.js';
import type { ImageManifest, ParsedManifest } from '../oci/manifest.js';
import type { Registries } from '../oci/registries.js';
import { RegistryError } from '../oci/registry/errors.js';
import { platformString } from '../oci/inspect.js';
import type { ImageStore } from '../oci/store.js';

export interface ResolvedBase {
  /** As the user wrote it, canonicalised (recorded in the base.name label). */
  name: string;
  digest: Digest;
  store: ImageStore;
  root: ParsedManifest;
}

/** Resolves the base to the digest it names today; that digest is what gets recorded. */
export async function resolveBase(
  input: string,
  loc: ImageLocation,
  registries: Registries,
): Promise<ResolvedBase> {
  const store = openStore(loc, registries);
  let digest: Digest;
  try {
    digest = await resolveLocation(loc, store);
  } catch (err) {
    if (err instanceof ConfigurationError)
      throw invalidInput('base', input, `could not be resolved: ${err.message}`);
    if (err instanceof RegistryError && [401, 403, 404].includes(err.status)) {
      throw invalidInput('base', input, `could not be resolved: ${err.message}`);
    }
    throw new Error(`Input "base" (${input}) could not be resolved: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const root = await store.getManifest(digest);
  const name =
    loc.kind === 'registry'
      ? formatLocation({ ...loc, ref: { ...loc.ref, digest: undefined } })
      : formatLocation(loc);
  return { name, digest, store, root };
}

export interface BasePlatformImage {
  manifest: ImageManifest;
  config: ImageConfig;
}

const matches = (
  want: string,
  p: { os: string; architecture: string; variant?: string },
): boolean => {
  const [os, arch, variant] = want.split('/');
  return p.os === os && p.architecture === arch && (!variant || p.variant === variant);
};

/** The base's image for one platform; a missing platform names the ones the base has. */
export async function basePlatformImage(
  base: ResolvedBase,
  platform: string,
): Promise<BasePlatformImage> {
  let image: ParsedManifest = base.root;
  if (base.root.kind === 'index') {
    const entry = base.root.index.manifests.find(
      (m) => m.platform && matches(platform, m.platform),
    );
    if (!entry) {
      const have = base.root.index.manifests.map((m) => platformString(m.platform)).join(', ');
      throw invalidInput(
        'platform',
        platform,
        `base ${base.name} has no such platform (it has: ${have})`,
      );
    }
    image = await base.store.getManifest(entry.digest);
  }
  if (image.kind !== 'image')
    throw new Error(`base ${base.name}: nested indexes are not supported`);
  const config = parseImageConfigJson(
    await base.store.readBlob(image.manifest.config),
    `base ${base.name} config`,
  );
  if (base.root.kind === 'image' && config.os && config.architecture) {
    const own = {
      os: config.os,
      architecture: config.architecture,
      ...(config.variant ? { variant: config.variant } : {}),
    };
    if (!matches(platform, own)) {
      throw invalidInput(
        'platform',
        platform,
        `base ${base.name} is a single ${platformString(own)} image`,
      );
    }
  }
  return { manifest: image.manifest, config };
}
