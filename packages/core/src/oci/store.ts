import type { Readable } from 'node:stream';
import type { Digest } from './digest.js';
import type { Descriptor, ParsedManifest, RawManifest } from './manifest.js';

/** An OCI artifact to push: an empty config, `artifactType`, payload layers and an optional subject. */
export interface Artifact {
  artifactType: string;
  /** One layer per entry: the payload blobs. */
  layers: Array<{ mediaType: string; data: Buffer; annotations?: Record<string, string> }>;
  annotations?: Record<string, string>;
  subject?: Descriptor;
}

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

/**
 * A store that keeps artifacts next to their subject (evidence, ledger entries, signatures):
 * registries and OCI layouts alike, with the same annotations and the same referrers index.
 */
export interface ArtifactStore extends ImageStore {
  /** Referrers of `subject` (descriptors carry artifactType and annotations), optionally filtered. */
  listReferrers(subject: Digest, artifactType?: string): Promise<Descriptor[]>;
  /**
   * Pushes blobs, then the artifact manifest by digest; keeps the referrers fallback index
   * (`sha256-<hex>` tag) with re-read-and-merge on races. Returns the artifact's descriptor.
   */
  pushArtifact(artifact: Artifact): Promise<Descriptor>;
  /**
   * Lists a manifest already in the store (its `subject` = `subject`) as a referrer, e.g. one
   * copied from another store; a no-op where the registry's referrers API lists it by itself.
   */
  indexReferrer(subject: Digest, referrer: Descriptor): Promise<void>;
}

/** Whether the store can list and push referrers (the capability, not the class, decides). */
export function isArtifactStore(store: ImageStore): store is ArtifactStore {
  const s = store as Partial<ArtifactStore>;
  return (
    typeof s.listReferrers === 'function' &&
    typeof s.pushArtifact === 'function' &&
    typeof s.indexReferrer === 'function'
  );
}
