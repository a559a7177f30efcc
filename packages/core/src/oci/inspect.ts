import type { Digest } from './digest.js';
import type { Descriptor, ImageManifest, ParsedManifest, Platform } from './manifest.js';
import { readManifestTree } from './manifest-tree.js';
import type { ImageStore } from './store.js';
import { z } from 'zod';

export interface ImageSummary {
  digest: Digest;
  mediaType: string;
  artifactType?: string;
  platform?: Platform;
  layers: Descriptor[];
  config: Descriptor;
  /** manifest + config + layers, in bytes */
  size: number;
}

export interface InspectResult {
  digest: Digest;
  mediaType: string;
  /** Bytes of every distinct blob and manifest the image needs. */
  size: number;
  images: ImageSummary[];
}

const configPlatform = z.object({
  architecture: z.string(),
  os: z.string(),
  variant: z.string().optional(),
});

function summarise(m: ParsedManifest & { kind: 'image' }, platform?: Platform): ImageSummary {
  const manifest: ImageManifest = m.manifest;
  const size =
    m.bytes.length + manifest.config.size + manifest.layers.reduce((n, l) => n + l.size, 0);
  const s: ImageSummary = {
    digest: m.digest,
    mediaType: m.mediaType,
    layers: manifest.layers,
    config: manifest.config,
    size,
  };
  if (platform) s.platform = platform;
  if (manifest.artifactType) s.artifactType = manifest.artifactType;
  return s;
}

/**
 * What `kiln inspect` and job summaries show: digest, media type, size, platforms, layers. The
 * images of nested indexes are listed with the others.
 */
export async function inspectImage(store: ImageStore, digest: Digest): Promise<InspectResult> {
  const tree = await readManifestTree(store, digest);
  const root = tree.root;
  const images: ImageSummary[] = [];
  if (root.kind === 'index') {
    for (const { manifest, platform } of tree.images) images.push(summarise(manifest, platform));
  } else {
    let platform: Platform | undefined;
    const config = root.manifest.config;
    if (config.mediaType.includes('config') && config.size < 4 * 1024 * 1024) {
      const parsed = configPlatform.safeParse(
        JSON.parse((await store.readBlob(config)).toString('utf8')),
      );
      if (parsed.success) platform = parsed.data;
    }
    images.push(summarise(root, platform));
  }
  // Every distinct manifest (nested indexes too) and blob, counted once.
  const seen = new Map<string, number>(tree.manifests.map((m) => [m.digest, m.bytes.length]));
  for (const i of images) {
    for (const b of [i.config, ...i.layers]) seen.set(b.digest, b.size);
  }
  return {
    digest: root.digest,
    mediaType: root.mediaType,
    size: [...seen.values()].reduce((a, b) => a + b, 0),
    images,
  };
}

export function platformString(p?: Platform): string {
  return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown';
}
