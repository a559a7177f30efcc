import type { Readable } from 'node:stream';
import { pack as tarPack, type Header, type Pack } from 'tar-stream';
import { type Digest, digestHex } from '../oci/digest.js';
import type { Descriptor, ImageManifest, Platform } from '../oci/manifest.js';
import { MediaType } from '../oci/media-types.js';
import type { ImageStore } from '../oci/store.js';
import { drained } from '../util/drained.js';

/**
 * A `docker load` archive streamed from any image store, so an image that is only in an OCI
 * layout (a fork PR's bake) can run on the engine without a registry. The classic
 * `docker save` manifest.json can point at any path, so the blobs keep their OCI names.
 */

const CONFIG_TYPES: readonly string[] = [MediaType.OciConfig, MediaType.DockerConfig];

export interface EngineImage {
  /** The image manifest's digest (the child of an index when the root is one). */
  digest: Digest;
  manifest: ImageManifest;
}

/** The image manifest for `platform` (e.g. `linux/amd64`), descending an index if needed. */
export async function engineImage(
  store: ImageStore,
  digest: Digest,
  platform: () => Promise<string>,
): Promise<EngineImage> {
  const root = await store.getManifest(digest);
  if (root.kind === 'image') return { digest, manifest: root.manifest };
  const want = await platform();
  const [os, arch, variant] = want.split('/');
  const fits = (p?: Platform): boolean =>
    p !== undefined &&
    p.os === os &&
    p.architecture === arch &&
    (!variant || !p.variant || p.variant === variant);
  const chosen = root.index.manifests.find((m) => fits(m.platform));
  if (!chosen) {
    const have = root.index.manifests
      .map((m) => (m.platform ? `${m.platform.os}/${m.platform.architecture}` : 'unknown'))
      .join(', ');
    throw new Error(`${store.label}@${digest} has no image for the engine's ${want} (has ${have})`);
  }
  const child = await store.getManifest(chosen.digest);
  if (child.kind !== 'image')
    throw new Error(`${store.label}@${chosen.digest} is a nested index, not an image`);
  return { digest: chosen.digest, manifest: child.manifest };
}

const blobPath = (d: Digest): string => `blobs/sha256/${digestHex(d)}`;

/** Throws unless the engine can run this: an image config and tar layers, sha256 only. */
export function checkLoadable(label: string, m: ImageManifest): void {
  if (!CONFIG_TYPES.includes(m.config.mediaType))
    throw new Error(`${label} is not a container image (config ${m.config.mediaType})`);
  for (const d of [m.config, ...m.layers]) {
    if (!d.digest.startsWith('sha256:'))
      throw new Error(`${label}: docker load needs sha256 blobs, not ${d.digest}`);
  }
  const odd = m.layers.find((l) => !l.mediaType.includes('tar'));
  if (odd) throw new Error(`${label}: layer ${odd.digest} is ${odd.mediaType}, not a tar layer`);
}

/** The archive's bytes; a store failure (missing blob, digest mismatch) fails the iteration. */
export function dockerArchive(
  store: ImageStore,
  manifest: ImageManifest,
  repoTag: string,
): AsyncIterable<Buffer> {
  const pack = tarPack();
  // Docker reads manifest.json after unpacking everything, so entry order is free; a layer used
  // twice is written once.
  const blobs = new Map<Digest, Descriptor>();
  for (const d of [manifest.config, ...manifest.layers]) blobs.set(d.digest, d);
  const index = [
    {
      Config: blobPath(manifest.config.digest),
      RepoTags: [repoTag],
      Layers: manifest.layers.map((l) => blobPath(l.digest)),
    },
  ];
  const produce = async (): Promise<void> => {
    await entry(pack, { name: 'blobs/', type: 'directory', mode: 0o755 });
    await entry(pack, { name: 'blobs/sha256/', type: 'directory', mode: 0o755 });
    for (const d of blobs.values()) {
      // openBlob verifies size and digest: the engine gets only bytes the store vouches for.
      await entry(pack, { name: blobPath(d.digest), size: d.size, mode: 0o644 }, () =>
        store.openBlob(d),
      );
    }
    await entry(pack, { name: 'manifest.json', mode: 0o644 }, Buffer.from(JSON.stringify(index)));
    pack.finalize();
  };
  produce().catch((err: unknown) => pack.destroy(err as Error));
  return {
    [Symbol.asyncIterator]: () => pack[Symbol.asyncIterator]() as AsyncIterator<Buffer>,
  };
}

type Sink = ReturnType<Pack['entry']>;
type HeaderArg = Partial<Header> & Pick<Header, 'name'>;

/** One tar entry; a blob is streamed with backpressure, since layers can be large. */
async function entry(
  pack: Pack,
  header: HeaderArg,
  body?: Buffer | (() => Promise<Readable>),
): Promise<void> {
  const full: HeaderArg = { mtime: new Date(0), uid: 0, gid: 0, ...header };
  if (body === undefined || Buffer.isBuffer(body)) {
    await new Promise<void>((resolve, reject) => {
      const cb = (err?: Error | null): void => (err ? reject(err) : resolve());
      if (body) pack.entry(full, body, cb);
      else pack.entry(full, cb);
    });
    return;
  }
  let sink: Sink | undefined;
  const done = new Promise<void>((resolve, reject) => {
    sink = pack.entry(full, (err) => (err ? reject(err) : resolve()));
  });
  const s = sink as Sink;
  // A failed entry also emits 'error'; `done` reports it, and an unheard 'error' would crash.
  s.on('error', () => {});
  const source = await body();
  // tar-stream's sinks are streamx streams, not Node streams, so no pipeline(): write by hand.
  const write = async (): Promise<void> => {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (!s.write(chunk)) await drained(s);
    }
    s.end(null); // streamx's typings want an argument; null adds no data
  };
  try {
    await Promise.all([write(), done]);
  } finally {
    source.destroy();
  }
}
