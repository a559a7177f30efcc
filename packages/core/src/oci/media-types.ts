export const MediaType = {
  OciManifest: 'application/vnd.oci.image.manifest.v1+json',
  OciIndex: 'application/vnd.oci.image.index.v1+json',
  OciConfig: 'application/vnd.oci.image.config.v1+json',
  OciLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  OciLayer: 'application/vnd.oci.image.layer.v1.tar',
  OciEmpty: 'application/vnd.oci.empty.v1+json',
  DockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  DockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  DockerConfig: 'application/vnd.docker.container.image.v1+json',
  DockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

export const MANIFEST_TYPES = [
  MediaType.OciManifest,
  MediaType.OciIndex,
  MediaType.DockerManifest,
  MediaType.DockerManifestList,
] as const;

export const INDEX_TYPES: readonly string[] = [MediaType.OciIndex, MediaType.DockerManifestList];

/** Image manifest types (a config and layers), as opposed to index types. */
export const IMAGE_MANIFEST_TYPES: readonly string[] = [
  MediaType.OciManifest,
  MediaType.DockerManifest,
];

/** Whether a media type names an image index or a Docker manifest list. */
export function isIndexType(mediaType: string): boolean {
  return INDEX_TYPES.includes(mediaType);
}

/** What a manifest media type describes; undefined for a type Kiln does not know (refused). */
export function manifestKind(mediaType: string): 'image' | 'index' | undefined {
  if (INDEX_TYPES.includes(mediaType)) return 'index';
  if (IMAGE_MANIFEST_TYPES.includes(mediaType)) return 'image';
  return undefined;
}

/**
 * Content-Types some registries and proxies send for any JSON: they say nothing about the
 * manifest, so the body alone decides (as containers/image treats them).
 */
export const GENERIC_CONTENT_TYPES: readonly string[] = [
  'application/json',
  'text/plain',
  'application/octet-stream',
];

/** The OCI empty descriptor's blob: the two bytes `{}`. */
export const EMPTY_JSON = Buffer.from('{}');
