import { posix } from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract as tarExtract, type Extract } from 'tar-stream';
import type { Descriptor } from './manifest.js';
import type { ImageStore } from './store.js';

/** tar-stream does not export its entry type; it is what iterating an extract yields. */
export type LayerEntryStream = Extract extends AsyncIterable<infer E> ? E : never;

/** `./usr//bin/` → `usr/bin`; `..` cannot climb above the root, as in an extraction. */
export function cleanPath(name: string): string {
  const p = posix.normalize(`/${name}`);
  return p === '/' ? '' : p.replace(/^\/+/, '').replace(/\/+$/, '');
}

export type Compression = 'gzip' | 'none';

export function compressionOf(desc: Descriptor): Compression {
  const t = desc.mediaType;
  if (/[+.]gzip$/.test(t)) return 'gzip';
  if (/[+.]zstd$/.test(t)) {
    throw new Error(`layer ${desc.digest} is zstd-compressed (${t}), which cannot be read yet`);
  }
  if (/(?:layer|rootfs).*[.]tar$/.test(t)) return 'none';
  throw new Error(`layer ${desc.digest} has media type ${t}, which is not a filesystem layer`);
}

/** Streams one layer's tar entries; a digest mismatch or corrupt gzip fails the walk. */
export async function forEachLayerEntry(
  store: ImageStore,
  desc: Descriptor,
  visit: (entry: LayerEntryStream) => Promise<void>,
): Promise<void> {
  const compression = compressionOf(desc);
  const blob = await store.openBlob(desc);
  const extract = tarExtract();
  // `pipe` forwards no errors: a failing blob (digest mismatch) or gunzip must fail the
  // extraction, or the loop below could end as if the layer were complete.
  const fail = (err: Error | null): void => {
    if (err) extract.destroy(err);
  };
  const tar =
    compression === 'gzip' ? pipeline(blob, createGunzip(), fail) : blob.on('error', fail);
  tar.pipe(extract);
  try {
    for await (const entry of extract) await visit(entry);
  } finally {
    blob.destroy();
    tar.destroy();
  }
}
