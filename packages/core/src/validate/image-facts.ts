import { ConfigurationError } from '../errors.js';
import type { Digest } from '../oci/digest.js';
import { platformString } from '../oci/inspect.js';
import type { Descriptor, ImageManifest, ParsedManifest, Platform } from '../oci/manifest.js';
import type { ImageStore } from '../oci/store.js';
import { type ConfigFacts, parseImageConfig } from './image-config.js';
import { type FileFact, walkLayers } from './layer-walk.js';

export const LABEL_BASE_NAME = 'org.opencontainers.image.base.name';
export const LABEL_BASE_DIGEST = 'org.opencontainers.image.base.digest';
export const LABEL_REVISION = 'org.opencontainers.image.revision';

export const DEFAULT_PLATFORM = 'linux/amd64';
const PASSWD = 'etc/passwd';

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
  base: { name?: string; digest?: string; source: 'label' | 'annotation' | 'none' };
  /** The merged filesystem, sorted by path. */
  files: FileFact[];
  /** Files with a secret signal that a later layer hid, but whose bytes still ship. */
  shadowedSecrets: FileFact[];
  /** User name → uid from the image's `/etc/passwd`, to see through `USER toor` with uid 0. */
  users: ReadonlyMap<string, number>;
}

export interface GatherOptions {
  /** Platform to check in an index, e.g. `linux/arm64`. Default linux/amd64, else the first. */
  platform?: string;
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
  const walk = await walkLayers(store, manifest.layers, { capture: [PASSWD] });
  const annotations = { ...indexAnnotations, ...manifest.annotations };
  const layers = manifest.layers.map((l) => l.size);
  const configPlatform = platformString(
    config.os && config.architecture
      ? { os: config.os, architecture: config.architecture, variant: config.variant }
      : undefined,
  );
  return {
    digest: root.digest,
    manifestDigest: image.digest,
    platform: platform ?? configPlatform,
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
    base: baseOf(config.labels, annotations),
    files: walk.files,
    shadowedSecrets: walk.shadowedSecrets,
    users: parsePasswd(walk.files.find((f) => f.path === PASSWD)?.text),
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
    images.find((d) => matches(d.platform, wanted)) ??
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

/** `linux/arm64` matches linux/arm64 of any variant; `linux/arm/v7` needs that variant. */
function matches(p: Platform | undefined, wanted: string): boolean {
  if (!p) return false;
  const [os, architecture, variant] = wanted.split('/');
  return p.os === os && p.architecture === architecture && (!variant || p.variant === variant);
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

/** A Map, not an object: user names such as `constructor` must not meet Object.prototype. */
function parsePasswd(text: string | undefined): Map<string, number> {
  const users = new Map<string, number>();
  for (const line of (text ?? '').split('\n')) {
    const [name, , uid] = line.split(':');
    // The first entry wins, as getpwnam returns it.
    if (name && uid && /^\d+$/.test(uid) && !users.has(name)) users.set(name, Number(uid));
  }
  return users;
}
