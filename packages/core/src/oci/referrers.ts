import { Readable } from 'node:stream';
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
import type { RegistryRepository } from './registry/repository.js';
import { RegistryError } from './registry/errors.js';

/** Tag-schema fallback (OCI distribution spec 1.1): `sha256-<hex>` holds an index of referrers. */
export function fallbackTag(digest: Digest): string {
  return digest.replace(':', '-');
}

const emptyIndex = (): ImageIndex => ({
  schemaVersion: 2,
  mediaType: MediaType.OciIndex,
  manifests: [],
});

async function readFallback(repo: RegistryRepository, subject: Digest): Promise<ImageIndex> {
  try {
    const m = await repo.getManifest(fallbackTag(subject));
    return m.kind === 'index' ? m.index : emptyIndex();
  } catch (err) {
    if (err instanceof RegistryError && err.status === 404) return emptyIndex();
    throw err;
  }
}

/** Lists referrers of `subject`, through the referrers API or the fallback tag. */
export async function listReferrers(
  repo: RegistryRepository,
  subject: Digest,
  artifactType?: string,
): Promise<Descriptor[]> {
  const api = await repo.referrersApi(subject, artifactType);
  const manifests =
    api?.kind === 'index' ? api.index.manifests : (await readFallback(repo, subject)).manifests;
  return artifactType ? manifests.filter((d) => d.artifactType === artifactType) : manifests;
}

export interface Artifact {
  artifactType: string;
  /** One layer per entry: the payload blobs. */
  layers: Array<{ mediaType: string; data: Buffer; annotations?: Record<string, string> }>;
  annotations?: Record<string, string>;
  subject?: Descriptor;
}

/** Builds an OCI artifact manifest (empty config, artifactType) without pushing it. */
export function buildArtifact(a: Artifact): {
  manifest: RawManifest;
  blobs: Array<{ desc: Descriptor; data: Buffer }>;
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
  return { manifest, blobs: [{ desc: config, data: EMPTY_JSON }, ...layers] };
}

/**
 * Pushes an artifact whose subject is an image. When the registry did not acknowledge the
 * subject (no OCI-Subject header), the client maintains the fallback tag index itself.
 */
export async function pushArtifact(repo: RegistryRepository, a: Artifact): Promise<Descriptor> {
  const { manifest, blobs } = buildArtifact(a);
  for (const b of blobs) {
    if (!(await repo.hasBlob(b.desc)))
      await repo.putBlob(b.desc, async () => Readable.from([b.data]));
  }
  const { subjectHeader } = await repo.putManifestWithSubject(manifest);
  const desc = descriptorOf(manifest, {
    artifactType: a.artifactType,
    ...(a.annotations ? { annotations: a.annotations } : {}),
  });
  if (a.subject && !subjectHeader) {
    const index = await readFallback(repo, a.subject.digest);
    if (!index.manifests.some((m) => m.digest === desc.digest)) {
      const next = parseManifest(
        encodeManifest({ ...index, manifests: [...index.manifests, desc] }),
      );
      await repo.putManifest(next, { tag: fallbackTag(a.subject.digest) });
    }
  }
  return desc;
}
