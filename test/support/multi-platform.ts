import { Readable } from 'node:stream';
import {
  type Descriptor,
  encodeManifest,
  MediaType,
  OciLayout,
  parseManifest,
  type ParsedManifest,
} from '@kiln/core/oci';

/**
 * Turns the single-platform image in `layout` into a two-platform index (linux/amd64 and
 * linux/arm64) sharing the same layer, so index copies can be checked. Returns the index digest.
 */
export async function makeTwoPlatformIndex(
  layoutDir: string,
  tag: string,
): Promise<ParsedManifest> {
  const layout = new OciLayout(layoutDir);
  const image = await layout.getManifest(tag);
  if (image.kind !== 'image') throw new Error('expected an image manifest');
  const config = JSON.parse(
    (await layout.readBlob(image.manifest.config)).toString('utf8'),
  ) as Record<string, unknown>;
  const children: Descriptor[] = [];
  for (const architecture of ['amd64', 'arm64']) {
    const cfgBytes = Buffer.from(JSON.stringify({ ...config, architecture, os: 'linux' }));
    const cfg = await layout.putBuffer(cfgBytes, MediaType.OciConfig);
    const m = parseManifest(
      encodeManifest({ ...image.manifest, mediaType: MediaType.OciManifest, config: cfg }),
    );
    await layout.putManifest(m);
    children.push({
      mediaType: m.mediaType,
      digest: m.digest,
      size: m.bytes.length,
      platform: { os: 'linux', architecture },
    });
  }
  const index = parseManifest(
    encodeManifest({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: children }),
  );
  await layout.putManifest(index, { tag: `${tag}-multi` });
  return index;
}

export const streamOf = (data: Buffer): Promise<Readable> => Promise.resolve(Readable.from([data]));
