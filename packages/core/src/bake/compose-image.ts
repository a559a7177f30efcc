import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
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
import { writeLayer } from './layer-writer.js';

export interface ComposedImage {
  root: ParsedManifest;
  appLayer: Descriptor & { diffId: Digest };
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
 * Writes the app layer, a config and manifest per platform, and (for several platforms) an
 * index into `work`. Base layers stay where they are; only their descriptors are used.
 */
export async function composeImage(
  req: BakeRequest,
  entries: LayerEntry[],
  work: OciLayout,
  provenance: BakeProvenance,
  base?: ResolvedBase,
): Promise<ComposedImage> {
  await work.init();
  const tmp = join(work.dir, 'app-layer.tar.gz');
  const layer = await writeLayer(
    entries,
    { sourceDateEpoch: provenance.sourceDateEpoch, ...layerOwner(req.user) },
    tmp,
  );
  const appLayer = {
    mediaType: MediaType.OciLayerGzip,
    digest: layer.digest,
    size: layer.size,
    diffId: layer.diffId,
  };
  await work.putBlob(appLayer, async () => createReadStream(tmp));
  await rm(tmp, { force: true });

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
    const config = buildImageConfig(fromBase?.config, req, platform, layer.diffId, provenance);
    const configDesc = await work.putBuffer(
      Buffer.from(JSON.stringify(config)),
      MediaType.OciConfig,
    );
    const layers = [
      ...(fromBase?.manifest.layers ?? []).map(ociLayer),
      { mediaType: appLayer.mediaType, digest: appLayer.digest, size: appLayer.size },
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
  return { root, appLayer, images };
}
