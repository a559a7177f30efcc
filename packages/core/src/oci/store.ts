import type { Readable } from 'node:stream';
import type { Digest } from './digest.js';
import type { Descriptor, ParsedManifest, RawManifest } from './manifest.js';

/**
 * Where images live: a registry repository or an OCI image layout folder. Copy, bake and
 * validate work against this, so every source can be every target.
 */
export interface ImageStore {
  /** For logs and errors, e.g. `127.0.0.1:5000/shop` or `oci-layout:out`. */
  readonly label: string;
  hasBlob(desc: Descriptor): Promise<boolean>;
  /** A stream that fails unless the bytes match the descriptor. */
  openBlob(desc: Descriptor): Promise<Readable>;
  readBlob(desc: Descriptor): Promise<Buffer>;
  /** Writes a blob from a source that can be reopened (for retries). Returns bytes sent. */
  putBlob(desc: Descriptor, open: () => Promise<Readable>): Promise<number>;
  /** By digest or tag. */
  getManifest(reference: string): Promise<ParsedManifest>;
  /** The digest a tag or digest resolves to, or undefined when absent. */
  resolve(reference: string): Promise<Digest | undefined>;
  /** `root` manifests are listed in a layout's index.json; children are plain blobs. */
  putManifest(raw: RawManifest, opts?: { tag?: string; root?: boolean }): Promise<void>;
}

/** Target and source in one registry: blobs can be mounted instead of copied. */
export interface MountableStore extends ImageStore {
  readonly registry: string;
  readonly repository: string;
  /** true when the registry mounted the blob from `from`. */
  mountBlob(desc: Descriptor, from: string): Promise<boolean>;
}

export function isMountable(store: ImageStore): store is MountableStore {
  return typeof (store as MountableStore).mountBlob === 'function';
}
