/**
 * Test helper (imported by tests only): builds real images — gzip tar layers, config blob,
 * manifest — into a temporary OCI layout, so rules are checked end to end through the store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack as tarPack, type Header } from 'tar-stream';
import type { Digest } from '../oci/digest.js';
import {
  type Descriptor,
  encodeManifest,
  type ImageManifest,
  parseManifest,
} from '../oci/manifest.js';
import { OciLayout } from '../oci/layout/oci-layout.js';
import { MediaType } from '../oci/media-types.js';

export interface TestEntry {
  path: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  content?: string | Buffer;
  linkname?: string;
  mode?: number;
}

/** Shorthand: `{ 'etc/hosts': 'x', 'var/': null }`; a trailing `/` makes a directory. */
export type Tree = Record<string, string | Buffer | null>;

export function entries(tree: Tree): TestEntry[] {
  return Object.entries(tree).map(([path, content]) =>
    path.endsWith('/') ? { path, type: 'directory' } : { path, content: content ?? '' },
  );
}

export async function tarOf(list: readonly TestEntry[]): Promise<Buffer> {
  const pack = tarPack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  })();
  for (const e of list) {
    const header: Partial<Header> & Pick<Header, 'name'> = {
      name: e.path,
      type: e.type ?? 'file',
      mode: e.mode ?? (e.type === 'directory' ? 0o755 : 0o644),
      mtime: new Date(0),
    };
    if (e.linkname) header.linkname = e.linkname;
    await new Promise<void>((resolve, reject) => {
      pack.entry(header, e.content ?? '', (err) => (err ? reject(err) : resolve()));
    });
  }
  pack.finalize();
  await collected;
  return Buffer.concat(chunks);
}

export interface TestImage {
  layers: ReadonlyArray<readonly TestEntry[] | Tree>;
  /** The `config` object of the image config (User, Labels, Healthcheck, …). */
  config?: Record<string, unknown>;
  annotations?: Record<string, string>;
  platform?: { os: string; architecture: string; variant?: string };
  /** Plain tar layers instead of gzip. */
  uncompressed?: boolean;
  /** Layers already in the layout (e.g. from the bake layer writer), placed below `layers`. */
  bottomLayers?: Descriptor[];
}

export async function tempLayout(): Promise<{ layout: OciLayout; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kiln-validate-'));
  const layout = new OciLayout(join(dir, 'layout'));
  await layout.init();
  return { layout, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function putImage(layout: OciLayout, image: TestImage): Promise<Digest> {
  const layers: Descriptor[] = [...(image.bottomLayers ?? [])];
  for (const layer of image.layers) {
    const tar = await tarOf(Array.isArray(layer) ? layer : entries(layer as Tree));
    layers.push(
      image.uncompressed
        ? await layout.putBuffer(tar, MediaType.OciLayer)
        : await layout.putBuffer(gzipSync(tar), MediaType.OciLayerGzip),
    );
  }
  const platform = image.platform ?? { os: 'linux', architecture: 'amd64' };
  const config = await layout.putBuffer(
    Buffer.from(
      JSON.stringify({
        ...platform,
        config: image.config ?? {},
        rootfs: { type: 'layers', diff_ids: [] },
      }),
    ),
    MediaType.OciConfig,
  );
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    config,
    layers,
  };
  if (image.annotations) manifest.annotations = image.annotations;
  const raw = parseManifest(encodeManifest(manifest));
  await layout.putManifest(raw, { root: true });
  return raw.digest;
}

/** An index over images, each with its descriptor platform. */
export async function putIndex(layout: OciLayout, images: readonly TestImage[]): Promise<Digest> {
  const manifests: Descriptor[] = [];
  for (const image of images) {
    const digest = await putImage(layout, image);
    const m = await layout.getManifest(digest);
    manifests.push({
      mediaType: m.mediaType,
      digest,
      size: m.bytes.length,
      platform: image.platform ?? { os: 'linux', architecture: 'amd64' },
    });
  }
  const raw = parseManifest(
    encodeManifest({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests }),
  );
  await layout.putManifest(raw, { root: true });
  return raw.digest;
}
