import { z } from 'zod';
import { type Digest, digestProblem, sha256 } from './digest.js';
import { isIndexType, MANIFEST_TYPES, MediaType } from './media-types.js';

/** Registry JSON is validated once here; the rest of core trusts these types. */
const digestSchema = z
  .string()
  .refine((d) => digestProblem(d) === undefined, { message: 'invalid digest' })
  .transform((d) => d as Digest);

export const platformSchema = z.object({
  architecture: z.string(),
  os: z.string(),
  variant: z.string().optional(),
  'os.version': z.string().optional(),
  'os.features': z.array(z.string()).optional(),
});
export type Platform = z.infer<typeof platformSchema>;

export const descriptorSchema = z.object({
  mediaType: z.string(),
  digest: digestSchema,
  size: z.number().int().nonnegative(),
  urls: z.array(z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  platform: platformSchema.optional(),
  artifactType: z.string().optional(),
  data: z.string().optional(),
});
export type Descriptor = z.infer<typeof descriptorSchema>;

export const imageManifestSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  artifactType: z.string().optional(),
  config: descriptorSchema,
  layers: z.array(descriptorSchema),
  subject: descriptorSchema.optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});
export type ImageManifest = z.infer<typeof imageManifestSchema>;

export const indexSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  artifactType: z.string().optional(),
  manifests: z.array(descriptorSchema),
  subject: descriptorSchema.optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});
export type ImageIndex = z.infer<typeof indexSchema>;

/** A manifest with its exact bytes: re-serialising would change the digest. */
export interface RawManifest {
  bytes: Buffer;
  digest: Digest;
  mediaType: string;
}

export type ParsedManifest =
  | (RawManifest & { kind: 'index'; index: ImageIndex })
  | (RawManifest & { kind: 'image'; manifest: ImageManifest });

export function parseManifest(
  bytes: Buffer,
  contentType?: string,
  where = 'manifest',
): ParsedManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new Error(`${where} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  const declared = (json as { mediaType?: unknown }).mediaType;
  const mediaType =
    typeof declared === 'string'
      ? declared
      : contentType && (MANIFEST_TYPES as readonly string[]).includes(contentType)
        ? contentType
        : 'manifests' in (json as object)
          ? MediaType.OciIndex
          : MediaType.OciManifest;
  const digest = sha256(bytes);
  if (isIndexType(mediaType) || (!declared && 'manifests' in (json as object))) {
    const r = indexSchema.safeParse(json);
    if (!r.success)
      throw new Error(`${where} is not a valid image index: ${z.prettifyError(r.error)}`);
    return { kind: 'index', index: r.data, bytes, digest, mediaType };
  }
  const r = imageManifestSchema.safeParse(json);
  if (!r.success)
    throw new Error(`${where} is not a valid image manifest: ${z.prettifyError(r.error)}`);
  return { kind: 'image', manifest: r.data, bytes, digest, mediaType };
}

/** Serialise a manifest we create. Our own JSON is canonical enough: we keep the bytes after. */
export function encodeManifest(value: ImageManifest | ImageIndex): Buffer {
  return Buffer.from(JSON.stringify(value));
}

export function descriptorOf(raw: RawManifest, extra: Partial<Descriptor> = {}): Descriptor {
  return { mediaType: raw.mediaType, digest: raw.digest, size: raw.bytes.length, ...extra };
}

/** Blobs an image manifest references, config first. */
export function blobsOf(m: ImageManifest): Descriptor[] {
  return [m.config, ...m.layers];
}
