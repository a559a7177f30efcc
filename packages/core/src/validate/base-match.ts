import { formatReference, parseReference } from '../oci/reference.js';

export const SCRATCH = 'scratch';

/**
 * Whether a recorded base image name is allowed by one `allowed-bases` entry.
 *
 * An entry is a prefix of the image name, matched at a name boundary: `ghcr.io/acme` allows
 * `ghcr.io/acme/base:1` and `ghcr.io/acme:1` but not `ghcr.io/acme-evil/x`. An entry with
 * `@sha256:` pins one exact base: same repository and digest. Names are compared as written and
 * in canonical form, so `docker.io/library/` allows a base recorded as `alpine:3.20`.
 */
export function baseAllowed(entry: string, name: string, digest?: string): boolean {
  if (entry === SCRATCH || name === SCRATCH) return entry === name;
  const names = [name, canonical(name)].filter((n): n is string => n !== undefined);
  const at = entry.indexOf('@');
  if (at >= 0) {
    const repo = entry.slice(0, at);
    const pinned = entry.slice(at + 1);
    return names.some((n) => {
      const r = reference(n);
      const ownDigest = r?.digest ?? digest;
      return ownDigest === pinned && (repositoryOf(n) === repo || sameRepository(n, repo));
    });
  }
  return names.some((n) => hasPrefix(n, entry));
}

function hasPrefix(name: string, prefix: string): boolean {
  if (name === prefix) return true;
  if (!name.startsWith(prefix)) return false;
  return /[/:@]$/.test(prefix) || '/:@'.includes(name.charAt(prefix.length));
}

function reference(name: string): ReturnType<typeof parseReference> | undefined {
  try {
    return parseReference(name);
  } catch {
    return undefined;
  }
}

function canonical(name: string): string | undefined {
  const r = reference(name);
  return r ? formatReference(r) : undefined;
}

/** `ghcr.io/acme/base:1@sha256:…` → `ghcr.io/acme/base`. */
function repositoryOf(name: string): string {
  const noDigest = name.split('@')[0] as string;
  const colon = noDigest.lastIndexOf(':');
  return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}

function sameRepository(name: string, repo: string): boolean {
  const a = reference(name);
  const b = reference(repo);
  return !!a && !!b && a.registry === b.registry && a.repository === b.repository;
}
