import { z } from 'zod';
import { type Digest, digestProblem, sha256 } from './digest.js';
import { errorMessage } from '../errors.js';
import { GENERIC_CONTENT_TYPES, manifestKind, MediaType } from './media-types.js';

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

/**
 * A manifest Kiln refuses: not JSON, not an object, ambiguous, of an unknown type, or not
 * matching its schema. Operational (exit 2) and never retried: asking again returns the same
 * bytes. The message starts with the reference it came from.
 */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  constructor(
    readonly reference: string,
    problem: string,
  ) {
    super(`${reference}: ${problem}`);
  }
}

/** Longest piece of registry-supplied text quoted in an error. */
const QUOTED_MAX = 120;

/** Quotes untrusted text for an error: JSON escapes keep it on one line, length is bounded. */
function quoted(value: string): string {
  const cut = value.length > QUOTED_MAX ? `${value.slice(0, QUOTED_MAX)}…` : value;
  return JSON.stringify(cut);
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** `application/vnd.oci.image.index.v1+json; charset=utf-8` → the bare, lower-case type. */
function bareContentType(contentType: string | undefined): string | undefined {
  const bare = contentType?.split(';')[0]?.trim().toLowerCase();
  return bare ? bare : undefined;
}

const KIND_NAME = { image: 'an image manifest', index: 'an image index' } as const;

/**
 * Parses manifest bytes from a registry (with its Content-Type) or a layout (without), and
 * refuses anything two readers could understand differently (the CVE-2021-41190 class): a body
 * with both `manifests` and `layers`/`config`, a `mediaType` that disagrees with the body's shape
 * or with the Content-Type, and media types Kiln does not know. `where` names the reference.
 */
export function parseManifest(
  bytes: Buffer,
  contentType?: string,
  where = 'manifest',
): ParsedManifest {
  const refuse = (problem: string): ManifestError => new ManifestError(where, problem);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    // The parser's message quotes the input: keep it on one line and short (log.ts escapes).
    const detail = errorMessage(err).replace(/\s+/g, ' ');
    throw refuse(`manifest is not valid JSON (${detail.slice(0, QUOTED_MAX)}; refused)`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw refuse(`manifest is not a JSON object (got ${jsonKind(json)}; refused)`);
  }
  const body = json as Record<string, unknown>;
  const isIndexShape = 'manifests' in body;
  for (const key of ['layers', 'config']) {
    if (isIndexShape && key in body)
      throw refuse(`manifest has both "${key}" and "manifests" (ambiguous; refused)`);
  }
  const declared = body.mediaType;
  if (declared !== undefined && typeof declared !== 'string')
    throw refuse(`manifest "mediaType" is ${jsonKind(declared)}, not a string (refused)`);
  if (declared !== undefined && !manifestKind(declared))
    throw refuse(`manifest has unknown media type ${quoted(declared)} (refused)`);

  const served = bareContentType(contentType);
  const servedClear = served !== undefined && !GENERIC_CONTENT_TYPES.includes(served);
  if (servedClear && !manifestKind(served))
    throw refuse(`manifest was served with unknown Content-Type ${quoted(served)} (refused)`);
  if (servedClear && declared !== undefined && declared !== served) {
    throw refuse(
      `manifest declares media type ${quoted(declared)} but was served as ${quoted(served)} (ambiguous; refused)`,
    );
  }

  const shape = isIndexShape ? 'index' : 'layers' in body || 'config' in body ? 'image' : undefined;
  if (!shape) throw refuse('manifest has neither "manifests" nor "config" and "layers" (refused)');
  // No clear type from the body or the response: the shape decides, as for an OCI layout.
  const mediaType =
    declared ??
    (servedClear ? served : shape === 'index' ? MediaType.OciIndex : MediaType.OciManifest);
  const kind = manifestKind(mediaType);
  if (kind !== shape) {
    const said = declared !== undefined ? 'declares media type' : 'was served as';
    throw refuse(
      `manifest ${said} ${quoted(mediaType)} but its body is ${KIND_NAME[shape]} (ambiguous; refused)`,
    );
  }

  const digest = sha256(bytes);
  if (shape === 'index') {
    const r = indexSchema.safeParse(json);
    if (!r.success)
      throw refuse(`manifest is not a valid image index: ${z.prettifyError(r.error)}`);
    return { kind: 'index', index: r.data, bytes, digest, mediaType };
  }
  const r = imageManifestSchema.safeParse(json);
  if (!r.success)
    throw refuse(`manifest is not a valid image manifest: ${z.prettifyError(r.error)}`);
  return { kind: 'image', manifest: r.data, bytes, digest, mediaType };
}

/**
 * Refuses an index entry whose manifest is not what the entry says: a child read as another
 * type than its descriptor names is one document with two meanings (the CVE-2021-41190 class
 * again, one level down). `parent` names the index that lists it.
 */
export function checkListed(parent: string, listed: Descriptor, child: ParsedManifest): void {
  const problem =
    child.mediaType !== listed.mediaType
      ? `lists ${listed.digest} as ${quoted(listed.mediaType)} but it is ${quoted(child.mediaType)} (ambiguous; refused)`
      : child.bytes.length !== listed.size
        ? `lists ${listed.digest} with size ${listed.size} but it is ${child.bytes.length} bytes (refused)`
        : child.digest !== listed.digest
          ? `lists ${listed.digest} but the store returned ${child.digest} (refused)`
          : undefined;
  if (problem) throw new ManifestError(parent, problem);
}

/** Refuses an index entry of a media type Kiln does not know, before anything is fetched. */
export function checkListedType(parent: string, listed: Descriptor): void {
  if (!manifestKind(listed.mediaType)) {
    throw new ManifestError(
      parent,
      `lists ${listed.digest} with unknown media type ${quoted(listed.mediaType)} (refused)`,
    );
  }
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
