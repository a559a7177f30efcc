import { DOCKER_HUB } from '../reference.js';

/** The key `docker login` writes for Docker Hub, and the server URL its helpers store it under. */
export const DOCKER_HUB_INDEX_URL = 'https://index.docker.io/v1/';

// Docker Hub answers to several names; config files written by different tools use any of them.
const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'index.docker.io', 'registry-1.docker.io']);

/**
 * The host[:port] a registry name or config key stands for: `https://ghcr.io`, `ghcr.io/` and
 * `GHCR.io` are all `ghcr.io`; every Docker Hub alias is `docker.io`.
 */
export function registryHost(nameOrUrl: string): string {
  let host = nameOrUrl.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(host);
  if (scheme) host = host.slice(scheme[0].length);
  host = (host.split('/')[0] ?? '').toLowerCase();
  return DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB : host;
}

/** What to send a credential helper: Docker Hub credentials are stored under the index URL. */
export function helperServerURL(host: string): string {
  return host === DOCKER_HUB ? DOCKER_HUB_INDEX_URL : host;
}
