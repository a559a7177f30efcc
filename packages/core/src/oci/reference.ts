import { ConfigurationError } from '../errors.js';
import { type Digest, digestProblem } from './digest.js';

/**
 * Image references per the distribution reference grammar
 * (github.com/distribution/reference): [domain[:port]/]path[:tag][@digest].
 */
export interface ImageReference {
  /** Registry host as used on the wire, e.g. `ghcr.io`, `localhost:5000`, `registry-1.docker.io`. */
  registry: string;
  /** Repository path inside the registry, e.g. `library/alpine`, `acme/shop`. */
  repository: string;
  tag?: string;
  digest?: Digest;
}

export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';
const NAME_MAX = 255;

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|${IPV6})(?::[0-9]+)?$`,
);
const TAG = /^[\w][\w.-]{0,127}$/;

function bad(value: string, rule: string): ConfigurationError {
  return new ConfigurationError(`Image reference ${JSON.stringify(value)} is invalid: ${rule}`);
}

/** A first path component is a registry when it has a dot, a port, is localhost or has uppercase. */
function looksLikeDomain(component: string): boolean {
  return (
    component.includes('.') ||
    component.includes(':') ||
    component === 'localhost' ||
    component.startsWith('[') ||
    component !== component.toLowerCase()
  );
}

export function parseReference(value: string): ImageReference {
  const input = value.trim();
  if (input === '') throw bad(value, 'it is empty');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    throw bad(value, 'a reference has no URL scheme; write host/repository[:tag][@digest]');
  }

  let rest = input;
  let digest: Digest | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const d = rest.slice(at + 1);
    const problem = digestProblem(d);
    if (problem) throw bad(value, `digest ${problem}`);
    digest = d as Digest;
    rest = rest.slice(0, at);
  }

  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) {
      throw bad(value, `tag "${tag}" must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`);
    }
  }

  if (rest.length > NAME_MAX) throw bad(value, `the name is longer than ${NAME_MAX} characters`);

  const slash = rest.indexOf('/');
  let registry = DOCKER_HUB;
  let repository = rest;
  if (slash > 0 && looksLikeDomain(rest.slice(0, slash))) {
    registry = rest.slice(0, slash);
    repository = rest.slice(slash + 1);
    if (!DOMAIN.test(registry))
      throw bad(value, `registry host "${registry}" is not a valid host[:port]`);
  }
  if (repository !== repository.toLowerCase()) {
    throw bad(value, `repository "${repository}" must be lowercase`);
  }
  if (!PATH.test(repository)) {
    throw bad(
      value,
      `repository "${repository}" must be lowercase path components of [a-z0-9] joined by . _ __ or -, separated by /`,
    );
  }
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;

  const ref: ImageReference = { registry, repository };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

export type PinnedReference = ImageReference & { digest: Digest };

/** Deploy, promote and rollback take `repo@sha256:…` only: tags are aliases, not identities. */
export function requireDigest(ref: ImageReference, input = 'image'): PinnedReference {
  if (!ref.digest) {
    throw new ConfigurationError(
      `Input "${input}" has value ${JSON.stringify(formatReference(ref))}: it must be pinned by digest (repository@sha256:…); tags are mutable and are not accepted here`,
    );
  }
  return ref as PinnedReference;
}

/** Host to talk to: Docker Hub's API host differs from its reference name. */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}

export function repositoryName(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}`;
}

export function formatReference(ref: ImageReference): string {
  return `${repositoryName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** `repo@digest`, the only form later actions accept. */
export function pinned(ref: ImageReference, digest: Digest): string {
  return `${repositoryName(ref)}@${digest}`;
}
