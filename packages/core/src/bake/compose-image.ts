import type { Digest } from '../oci/digest.js';
import type { OciLayout } from '../oci/layout/oci-layout.js';
import {
  type Descriptor,
  encodeManifest,
  parseManifest,
  type ParsedManifest,
} from '../oci/manifest.js';
import { MediaType } from '../oci/media-types.js';
import { basePlatformImage, type ResolvedBase } from './base-image.js';
import type { BakeRequest } from './bake-request.js';
import {
  buildImageConfig,
  type BakeProvenance,
  isoDate,
  OCI_LABEL,
} from './image-config-builder.js';
import type { LayerEntry } from './layer-entry.js';
import { bakeLayer, type LayerCache } from './layer-cache.js';
import { mapLimit } from '../util/map-limit.js';

/**
 * App layers written at once. Each holds at most two chunks per compressing thread (the workers
 * and the calling thread) in memory, so memory stays bounded; more would only queue on the
 * same threads.
 */
const LAYERS_AT_ONCE = 3;

/** An app layer of a composed image: the copy lines it holds, and whether the cache had it. */
export type AppLayer = Descriptor & { diffId: Digest; lines: string[]; cached: boolean };

export interface ComposedImage {
  root: ParsedManifest;
  /** In order, one per group of copy lines; the last one is the image's top layer. */
  appLayers: AppLayer[];
  /** One per platform, in the order asked. */
  images: Array<{ platform: string; manifest: ParsedManifest; layers: Descriptor[] }>;
}

/** Files belong to a numeric `user` (uid[:gid]) when one is asked for; names stay root-owned. */
export function layerOwner(user: string | undefined): { uid?: number; gid?: number } {
  const m = user ? /^(\d+)(?::(\d+))?$/.exec(user) : null;
  if (!m) return {};
  const uid = Number(m[1]);
  return { uid, gid: m[2] !== undefined ? Number(m[2]) : uid };
}

/** Docker's layer media types hold the same bytes as OCI's; an OCI manifest names them the OCI way. */
function ociLayer(d: Descriptor): Descriptor {
  const mediaType =
    d.mediaType === MediaType.DockerLayerGzip ? MediaType.OciLayerGzip : d.mediaType;
  return { mediaType, digest: d.digest, size: d.size };
}

/**
 * Writes the app layers (one per group of copy lines, reused from `cache` when unchanged), a
 * config and manifest per platform, and (for several platforms) an index into `work`. Layers
 * written anew go straight to their final place (the cache, else `work`); base layers stay where
 * they are; only their descriptors are used.
 */
export async function composeImage(
  req: BakeRequest,
  layers: Array<{ lines: string[]; entries: LayerEntry[] }>,
  work: OciLayout,
  provenance: BakeProvenance,
  base?: ResolvedBase,
  cache?: LayerCache,
): Promise<ComposedImage> {
  await work.init();
  const opts = {
    sourceDateEpoch: provenance.sourceDateEpoch,
    ...layerOwner(req.user),
    ...(req.compressionWorkers !== undefined ? { workers: req.compressionWorkers } : {}),
  };
  // Layers are baked side by side: one reads and hashes files on this thread while another's
  // chunks compress on the workers. Each layer's bytes depend on its entries only.
  const appLayers: AppLayer[] = await mapLimit(
    layers,
    LAYERS_AT_ONCE,
    async ({ lines, entries }) => {
      const layer = await bakeLayer(entries, opts, work, cache);
      return {
        mediaType: MediaType.OciLayerGzip,
        digest: layer.digest,
        size: layer.size,
        diffId: layer.diffId,
        lines,
        cached: layer.cached,
      };
    },
    { settle: true },
  );

  const annotations: Record<string, string> = {
    [OCI_LABEL.created]: isoDate(provenance.sourceDateEpoch),
  };
  if (base) {
    annotations[OCI_LABEL.baseName] = base.name;
    annotations[OCI_LABEL.baseDigest] = base.digest;
  }

  const images: ComposedImage['images'] = [];
  for (const platform of req.platforms) {
    const fromBase = base ? await basePlatformImage(base, platform) : undefined;
    const config = buildImageConfig(fromBase?.config, req, platform, appLayers, provenance);
    const configDesc = await work.putBuffer(
      Buffer.from(JSON.stringify(config)),
      MediaType.OciConfig,
    );
    const layers = [
      ...(fromBase?.manifest.layers ?? []).map(ociLayer),
      ...appLayers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    ];
    const manifest = parseManifest(
      encodeManifest({
        schemaVersion: 2,
        mediaType: MediaType.OciManifest,
        config: configDesc,
        layers,
        annotations,
      }),
    );
    await work.putManifest(manifest);
    images.push({ platform, manifest, layers });
  }

  let root: ParsedManifest;
  if (images.length === 1) {
    root = (images[0] as { manifest: ParsedManifest }).manifest;
  } else {
    root = parseManifest(
      encodeManifest({
        schemaVersion: 2,
        mediaType: MediaType.OciIndex,
        manifests: images.map(({ platform, manifest }) => {
          const [os, architecture, variant] = platform.split('/') as [
            string,
            string,
            string | undefined,
          ];
          return {
            mediaType: manifest.mediaType,
            digest: manifest.digest,
            size: manifest.bytes.length,
            platform: { os, architecture, ...(variant ? { variant } : {}) },
          };
        }),
        annotations,
      }),
    );
  }
  await work.putManifest(root, { root: true });
  return { root, appLayers, images };
}
