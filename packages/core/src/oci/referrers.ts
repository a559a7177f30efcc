import { Readable } from 'node:stream';
import { sleep } from '../util/retry.js';
import { type Digest, sha256 } from './digest.js';
import {
  type Descriptor,
  descriptorOf,
  encodeManifest,
  type ImageIndex,
  parseManifest,
  type RawManifest,
} from './manifest.js';
import { EMPTY_JSON, MediaType } from './media-types.js';
import type { Artifact, ArtifactStore, ImageStore } from './store.js';

export type { Artifact } from './store.js';

/** Artifact types Kiln writes; readers outside validate/ and ledger/ match on these. */
export const KilnArtifactType = {
  /** validate-image's report; its subject is the validated image. */
  Validation: 'application/vnd.kiln.validation.v1+json',
  /** One ledger entry; its subject is the image the entry is about. */
  LedgerEntry: 'application/vnd.kiln.ledger.entry.v1+json',
} as const;

/** Annotation on validation evidence: `pass` or `fail`, so a listing answers without a read. */
export const VALIDATION_RESULT_ANNOTATION = 'dev.kiln.validation.result';

/** Tag-schema fallback (OCI distribution spec 1.1): `sha256-<hex>` holds an index of referrers. */
export function fallbackTag(digest: Digest): string {
  return digest.replace(':', '-');
}

/** Rounds of re-read-and-merge before a fallback-index update gives up loudly. */
export const FALLBACK_ATTEMPTS = 8;
/**
 * How long a writer waits after its write before re-reading the fallback index, at least. A
 * registry has no conditional write: another writer that read the index before our write can
 * still write after it, and only a re-read after that moment sees our descriptor gone. The wait
 * also grows with twice our own read-to-write time, since a loaded registry slows every writer.
 */
export const FALLBACK_SETTLE_MS = 50;

/** The wait before a re-read: the floor plus twice the span measured, with jitter up to as much. */
export function settleWait(floorMs: number, spanMs: number): number {
  const base = floorMs + 2 * spanMs;
  // Jitter keeps writers that collided from colliding again in lockstep.
  return Math.round(base + Math.random() * base);
}

export interface FallbackOptions {
  attempts?: number;
  settleMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The fallback index could not be made to hold a descriptor: other writers kept replacing it. */
export class ReferrersConflictError extends Error {
  override readonly name = 'ReferrersConflictError';
  constructor(
    message: string,
    readonly data: { store: string; subject: Digest; referrer: Digest; attempts: number },
  ) {
    super(message);
  }
}

const emptyIndex = (): ImageIndex => ({
  schemaVersion: 2,
  mediaType: MediaType.OciIndex,
  manifests: [],
});

/** The fallback index of `subject`, empty when the tag is absent (or holds no index). */
export async function readFallbackIndex(store: ImageStore, subject: Digest): Promise<ImageIndex> {
  const tag = fallbackTag(subject);
  for (let attempt = 1; ; attempt++) {
    try {
      const m = await store.getManifest(tag);
      return m.kind === 'index' ? m.index : emptyIndex();
    } catch (err) {
      // Absent reads differ by store (404, "no manifest"): ask the store whether the tag exists.
      // It may exist now because another writer created it since: read once more.
      if ((await store.resolve(tag)) === undefined) return emptyIndex();
      if (attempt >= 2) throw err;
    }
  }
}

/** Referrers listed in the fallback index, optionally filtered by artifactType. */
export async function listFallbackReferrers(
  store: ImageStore,
  subject: Digest,
  artifactType?: string,
): Promise<Descriptor[]> {
  const { manifests } = await readFallbackIndex(store, subject);
  return artifactType ? manifests.filter((d) => d.artifactType === artifactType) : manifests;
}

/** Builds an OCI artifact manifest (empty config, artifactType) without pushing it. */
export function buildArtifact(a: Artifact): {
  manifest: RawManifest;
  blobs: Array<{ desc: Descriptor; data: Buffer }>;
  /** The descriptor a referrers listing gives for it. */
  descriptor: Descriptor;
} {
  const config: Descriptor = {
    mediaType: MediaType.OciEmpty,
    digest: sha256(EMPTY_JSON),
    size: EMPTY_JSON.length,
  };
  const layers = a.layers.map((l) => ({
    desc: {
      mediaType: l.mediaType,
      digest: sha256(l.data),
      size: l.data.length,
      ...(l.annotations ? { annotations: l.annotations } : {}),
    },
    data: l.data,
  }));
  const bytes = encodeManifest({
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    artifactType: a.artifactType,
    config,
    layers: layers.map((l) => l.desc),
    ...(a.subject
      ? {
          subject: {
            mediaType: a.subject.mediaType,
            digest: a.subject.digest,
            size: a.subject.size,
          },
        }
      : {}),
    ...(a.annotations ? { annotations: a.annotations } : {}),
  });
  const manifest = parseManifest(bytes);
  const descriptor = descriptorOf(manifest, {
    artifactType: a.artifactType,
    ...(a.annotations ? { annotations: a.annotations } : {}),
  });
  return { manifest, blobs: [{ desc: config, data: EMPTY_JSON }, ...layers], descriptor };
}

/** Writes an artifact's blobs (those missing) and then its manifest by digest, nothing else. */
export async function writeArtifact(
  store: ImageStore,
  a: Artifact,
  opts: { root?: boolean } = {},
): Promise<{ manifest: RawManifest; descriptor: Descriptor }> {
  const { manifest, blobs, descriptor } = buildArtifact(a);
  for (const b of blobs) {
    if (!(await store.hasBlob(b.desc)))
      await store.putBlob(b.desc, async () => Readable.from([b.data]));
  }
  await store.putManifest(manifest, opts.root ? { root: true } : {});
  return { manifest, descriptor };
}

const lists = (index: ImageIndex, d: Digest): boolean =>
  index.manifests.some((m) => m.digest === d);

/**
 * Adds `referrer` to the fallback index of `subject`: read, merge, write, then re-read after a
 * settle window and merge again while another writer's index replaced ours. Every writer merges
 * what it read, so a referrer written by anyone stays listed; one that cannot be kept listed
 * after `attempts` rounds fails loudly instead of being dropped.
 */
export async function addFallbackReferrer(
  store: ImageStore,
  subject: Digest,
  referrer: Descriptor,
  opts: FallbackOptions = {},
): Promise<void> {
  const attempts = opts.attempts ?? FALLBACK_ATTEMPTS;
  const settleMs = opts.settleMs ?? FALLBACK_SETTLE_MS;
  const wait = opts.sleep ?? sleep;
  const tag = fallbackTag(subject);
  let started = Date.now();
  let index = await readFallbackIndex(store, subject);
  if (lists(index, referrer.digest)) return;
  for (let round = 1; round <= attempts; round++) {
    const next = parseManifest(
      encodeManifest({ ...index, manifests: [...index.manifests, referrer] }),
    );
    await store.putManifest(next, { tag });
    await wait(settleWait(settleMs, Date.now() - started));
    started = Date.now();
    index = await readFallbackIndex(store, subject);
    if (lists(index, referrer.digest)) return;
  }
  throw new ReferrersConflictError(
    `${store.label}: referrer ${referrer.digest} of ${subject} was replaced in the fallback index ${tag} by other writers ${attempts} times; it is pushed but not listed`,
    { store: store.label, subject, referrer: referrer.digest, attempts },
  );
}

/** Lists referrers of `subject` in any artifact store (the store's capability). */
export function listReferrers(
  store: ArtifactStore,
  subject: Digest,
  artifactType?: string,
): Promise<Descriptor[]> {
  return store.listReferrers(subject, artifactType);
}

/** Pushes an artifact next to its subject in any artifact store (the store's capability). */
export function pushArtifact(store: ArtifactStore, a: Artifact): Promise<Descriptor> {
  return store.pushArtifact(a);
}
