import type { Digest } from '../oci/digest.js';
import type { ImageConfig } from '../oci/image-config.js';
import type { BakeRequest } from './bake-request.js';

/** Values from the commit and the GitHub context: the bake never reads the wall clock. */
export interface BakeProvenance {
  sourceDateEpoch: number;
  revision?: string;
  source?: string;
  version?: string;
  baseName?: string;
  baseDigest?: Digest;
}

export const OCI_LABEL = {
  revision: 'org.opencontainers.image.revision',
  source: 'org.opencontainers.image.source',
  created: 'org.opencontainers.image.created',
  version: 'org.opencontainers.image.version',
  baseName: 'org.opencontainers.image.base.name',
  baseDigest: 'org.opencontainers.image.base.digest',
} as const;

export function isoDate(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** OCI labels from provenance; the user's own labels win. */
export function provenanceLabels(p: BakeProvenance): Record<string, string> {
  const labels: Record<string, string> = { [OCI_LABEL.created]: isoDate(p.sourceDateEpoch) };
  if (p.revision) labels[OCI_LABEL.revision] = p.revision;
  if (p.source) labels[OCI_LABEL.source] = p.source;
  if (p.version) labels[OCI_LABEL.version] = p.version;
  if (p.baseName) labels[OCI_LABEL.baseName] = p.baseName;
  if (p.baseDigest) labels[OCI_LABEL.baseDigest] = p.baseDigest;
  return labels;
}

function mergeEnv(base: string[], extra: Record<string, string>): string[] {
  const out = new Map(base.map((e) => [e.slice(0, Math.max(0, e.indexOf('='))) || e, e]));
  for (const [k, v] of Object.entries(extra)) out.set(k, `${k}=${v}`);
  return [...out.values()];
}

/** An app layer as the config records it: its diff ID and the copy lines that made it. */
export interface AppLayerRecord {
  diffId: Digest;
  lines: string[];
}

/**
 * The image config: the base's, plus the request's settings and one history entry per app
 * layer. Key order is fixed by construction, so the JSON bytes are stable.
 */
export function buildImageConfig(
  base: ImageConfig | undefined,
  req: BakeRequest,
  platform: string,
  appLayers: AppLayerRecord[],
  p: BakeProvenance,
): ImageConfig {
  const [os, architecture, variant] = platform.split('/') as [string, string, string | undefined];
  const b = base?.config ?? {};
  const config: NonNullable<ImageConfig['config']> = { ...b };
  if (req.user !== undefined) config.User = req.user;
  const env = mergeEnv(b.Env ?? [], req.env);
  if (env.length) config.Env = env;
  if (req.entrypoint) {
    config.Entrypoint = req.entrypoint;
    // As in a Dockerfile, a new ENTRYPOINT drops the base's CMD.
    if (!req.cmd) delete config.Cmd;
  }
  if (req.cmd) config.Cmd = req.cmd;
  if (req.workdir) config.WorkingDir = req.workdir;
  if (req.expose.length) {
    const ports = { ...(b.ExposedPorts ?? {}) };
    for (const e of req.expose) ports[e.includes('/') ? e : `${e}/tcp`] = {};
    config.ExposedPorts = Object.fromEntries(
      Object.entries(ports).sort(([x], [y]) => (x < y ? -1 : 1)),
    );
  }
  if (req.healthcheck) {
    config.Healthcheck = {
      Test: ['CMD-SHELL', req.healthcheck],
      Interval: 5_000_000_000,
      Timeout: 3_000_000_000,
      StartPeriod: 2_000_000_000,
      Retries: 3,
    };
  }
  const labels = { ...(b.Labels ?? {}), ...provenanceLabels(p), ...req.labels };
  config.Labels = Object.fromEntries(Object.entries(labels).sort(([x], [y]) => (x < y ? -1 : 1)));

  const created = isoDate(p.sourceDateEpoch);
  const out: ImageConfig = {
    created,
    architecture,
    os,
    ...(variant ? { variant } : {}),
    config,
    rootfs: {
      type: 'layers',
      diff_ids: [...(base?.rootfs?.diff_ids ?? []), ...appLayers.map((l) => l.diffId)],
    },
    history: [
      ...(base?.history ?? []),
      ...appLayers.map((l) => ({
        created,
        created_by: `kiln bake: copy ${l.lines.join(', ')}`,
        comment: 'kiln',
      })),
    ],
  };
  return out;
}
