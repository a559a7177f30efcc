import type { Digest } from './digest.js';
import type { Descriptor, ImageManifest, ParsedManifest, Platform } from './manifest.js';
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

/** What `kiln inspect` and job summaries show: digest, media type, size, platforms, layers. */
export async function inspectImage(store: ImageStore, digest: Digest): Promise<InspectResult> {
  const root = await store.getManifest(digest);
  const images: ImageSummary[] = [];
  if (root.kind === 'index') {
    for (const d of root.index.manifests) {
      const child = await store.getManifest(d.digest);
      if (child.kind === 'image') images.push(summarise(child, d.platform));
    }
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
  const seen = new Map<string, number>([[root.digest, root.bytes.length]]);
  for (const i of images) {
    seen.set(i.digest, i.size - i.config.size - i.layers.reduce((n, l) => n + l.size, 0));
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
