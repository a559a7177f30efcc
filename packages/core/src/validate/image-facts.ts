import { ConfigurationError } from '../errors.js';
import type { Digest } from '../oci/digest.js';
import { platformString } from '../oci/inspect.js';
import type { Descriptor, ImageManifest, ParsedManifest } from '../oci/manifest.js';
import type { Registries } from '../oci/registries.js';
import type { ImageStore } from '../oci/store.js';
import { type BaseProof, proveBase } from './base-proof.js';
import { type ConfigFacts, parseImageConfig } from './image-config.js';
import { ImageTree } from './image-path.js';
import { ImageUserReader, type UserFacts } from './image-user.js';
import { type FileFact, walkLayers } from './layer-walk.js';
import { platformMatches } from './platform-match.js';

export const LABEL_BASE_NAME = 'org.opencontainers.image.base.name';
export const LABEL_BASE_DIGEST = 'org.opencontainers.image.base.digest';
export const LABEL_REVISION = 'org.opencontainers.image.revision';

export const DEFAULT_PLATFORM = 'linux/amd64';

/** Everything the policy rules look at, read once from the store. Rules stay pure functions. */
export interface ImageFacts {
  /** The digest asked about: an index or an image manifest. */
  digest: Digest;
  /** The image manifest the facts describe; differs from `digest` for an index. */
  manifestDigest: Digest;
  /** e.g. `linux/amd64`. */
  platform: string;
  /** Every platform an index offers (just `platform` for a single image). */
  platforms: string[];
  manifest: ImageManifest;
  /** Manifest annotations over the index's. */
  annotations: Record<string, string>;
  config: ConfigFacts;
  /** Compressed bytes: config blob plus layers, as a pull transfers them. */
  size: { total: number; config: number; layers: number[] };
  layerCount: number;
  /** The base image as recorded at bake time; both absent for a `FROM scratch` image. */
  base: {
    name?: string;
    digest?: string;
    source: 'label' | 'annotation' | 'none';
    /** The recorded base fetched and compared layer by layer; absent when not asked for. */
    proof?: BaseProof;
  };
  /** The merged filesystem, sorted by path. */
  files: FileFact[];
  /** Files with a secret signal that a later layer hid, but whose bytes still ship. */
  shadowedSecrets: FileFact[];
  /** Who the runtime would run the image as, resolved through the image's own files. */
  user: UserFacts;
}

export interface GatherOptions {
  /** Platform to check in an index, e.g. `linux/arm64`. Default linux/amd64, else the first. */
  platform?: string;
  /**
   * Where to fetch the recorded base from, so `allowed-bases` can compare its layers with the
   * image's. Without it no base is fetched and `allowed-bases` cannot pass a recorded base.
   */
  baseRegistries?: Registries;
}

export async function gatherFacts(
  store: ImageStore,
  digest: Digest,
  opts: GatherOptions = {},
): Promise<ImageFacts> {
  const root = await store.getManifest(digest);
  const { image, platforms, indexAnnotations, platform } = await pickImage(store, root, opts);
  const manifest = image.manifest;
  const where = `${store.label}@${image.digest}`;
  if (manifest.config.size > 8 * 1024 * 1024) {
    throw new Error(`${where}: config blob of ${manifest.config.size} bytes is too large`);
  }
  const config = parseImageConfig(await store.readBlob(manifest.config), `${where} config`);
  const users = new ImageUserReader(config.user);
  const walk = await walkLayers(store, manifest.layers, { tap: users.tap });
  const user = await users.gather(store, manifest.layers, new ImageTree(walk.files));
  const annotations = { ...indexAnnotations, ...manifest.annotations };
  const layers = manifest.layers.map((l) => l.size);
  const configPlatform = platformString(
    config.os && config.architecture
      ? { os: config.os, architecture: config.architecture, variant: config.variant }
      : undefined,
  );
  const base = baseOf(config.labels, annotations);
  const chosenPlatform = platform ?? configPlatform;
  if (opts.baseRegistries && base.name) {
    base.proof = await proveBase(
      opts.baseRegistries,
      base.digest ? { name: base.name, digest: base.digest } : { name: base.name },
      chosenPlatform,
      manifest.layers,
    );
  }
  return {
    digest: root.digest,
    manifestDigest: image.digest,
    platform: chosenPlatform,
    platforms: platforms ?? [configPlatform],
    manifest,
    annotations,
    config,
    size: {
      total: manifest.config.size + layers.reduce((a, b) => a + b, 0),
      config: manifest.config.size,
      layers,
    },
    layerCount: manifest.layers.length,
    base,
    files: walk.files,
    shadowedSecrets: walk.shadowedSecrets,
    user,
  };
}

type ImageManifestOf = ParsedManifest & { kind: 'image' };

async function pickImage(
  store: ImageStore,
  root: ParsedManifest,
  opts: GatherOptions,
): Promise<{
  image: ImageManifestOf;
  platforms?: string[];
  platform?: string;
  indexAnnotations?: Record<string, string>;
}> {
  if (root.kind === 'image') return { image: root };
  // Attestation manifests (buildx) sit in the index with platform unknown/unknown.
  const images = root.index.manifests.filter(
    (d) =>
      d.platform?.os !== 'unknown' &&
      d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest',
  );
  const platforms = images.map((d) => platformString(d.platform));
  const wanted = opts.platform ?? DEFAULT_PLATFORM;
  const chosen: Descriptor | undefined =
    images.find((d) => platformMatches(d.platform, wanted)) ??
    (opts.platform === undefined ? images[0] : undefined);
  if (!chosen) {
    throw new ConfigurationError(
      `Image index ${root.digest} has no ${wanted} image (it has: ${platforms.join(', ') || 'none'})`,
    );
  }
  const child = await store.getManifest(chosen.digest);
  if (child.kind !== 'image') {
    throw new Error(`${store.label}@${chosen.digest}: nested image indexes are not supported`);
  }
  const picked = {
    image: child,
    platforms,
    platform: platformString(chosen.platform),
  };
  return root.index.annotations ? { ...picked, indexAnnotations: root.index.annotations } : picked;
}

function baseOf(
  labels: Record<string, string>,
  annotations: Record<string, string>,
): ImageFacts['base'] {
  const fromLabels = labels[LABEL_BASE_NAME] !== undefined;
  const from = fromLabels ? labels : annotations;
  const name = from[LABEL_BASE_NAME];
  const digest = from[LABEL_BASE_DIGEST] ?? annotations[LABEL_BASE_DIGEST];
  const base: ImageFacts['base'] = {
    source: fromLabels ? 'label' : name !== undefined ? 'annotation' : 'none',
  };
  if (name) base.name = name;
  if (digest) base.digest = digest;
  return base;
}
