import { lstat, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigurationError, invalidInput } from '../errors.js';
import { type Digest, digestProblem } from './digest.js';
import { formatReference, type ImageReference, parseReference } from './reference.js';

/**
 * Where an image is: a registry reference, or `oci-layout:DIR[:TAG][@DIGEST]` for runs without
 * a registry (fork PRs). Parsed before any request so a bad value costs nothing.
 */
export type ImageLocation =
  | { kind: 'registry'; ref: ImageReference; reference?: string }
  | { kind: 'layout'; dir: string; reference?: string; tag?: string; digest?: Digest };

const LAYOUT = 'oci-layout:';

export function parseLocation(value: string, input = 'image'): ImageLocation {
  const v = value.trim();
  if (v.startsWith(LAYOUT)) {
    let rest = v.slice(LAYOUT.length);
    let digest: Digest | undefined;
    const at = rest.lastIndexOf('@');
    if (at >= 0) {
      const d = rest.slice(at + 1);
      const problem = digestProblem(d);
      if (problem)
        throw new ConfigurationError(
          `Input "${input}" has value ${JSON.stringify(value)}: digest ${problem}`,
        );
      digest = d as Digest;
      rest = rest.slice(0, at);
    }
    let tag: string | undefined;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.indexOf(':', lastSlash + 1);
    if (colon > 0) {
      tag = rest.slice(colon + 1);
      rest = rest.slice(0, colon);
    }
    if (rest === '') {
      throw new ConfigurationError(
        `Input "${input}" has value ${JSON.stringify(value)}: oci-layout: needs a folder, e.g. oci-layout:build/image`,
      );
    }
    const loc: ImageLocation = { kind: 'layout', dir: resolve(rest) };
    if (tag) loc.tag = tag;
    if (digest) loc.digest = digest;
    const reference = digest ?? tag;
    if (reference) loc.reference = reference;
    return loc;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):(\/\/)?/i.exec(v);
  if (
    scheme &&
    (scheme[2] ||
      ['oci', 'docker', 'docker-archive', 'oci-archive', 'dir'].includes(scheme[1] as string))
  ) {
    throw new ConfigurationError(
      `Input "${input}" has value ${JSON.stringify(value)}: unknown scheme "${scheme[0]}"; use a registry reference (host/repository[:tag][@sha256:…]) or oci-layout:DIR`,
    );
  }
  let ref: ImageReference;
  try {
    ref = parseReference(v);
  } catch (err) {
    throw new ConfigurationError(`Input "${input}": ${(err as Error).message}`);
  }
  const reference = ref.digest ?? ref.tag;
  return reference ? { kind: 'registry', ref, reference } : { kind: 'registry', ref };
}

export function formatLocation(loc: ImageLocation): string {
  if (loc.kind === 'registry') return formatReference(loc.ref);
  return `oci-layout:${loc.dir}${loc.tag ? `:${loc.tag}` : ''}${loc.digest ? `@${loc.digest}` : ''}`;
}

/**
 * Refuses an output folder that is neither new, nor empty, nor an OCI layout (a regular
 * `oci-layout` file): writing blobs into someone's source tree or home folder is never what the
 * user meant. Checked before any request, so a wrong folder costs nothing.
 */
export async function checkLayoutOutput(
  dir: string,
  value: string,
  input = 'output',
): Promise<void> {
  let folder;
  try {
    folder = await stat(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!folder.isDirectory()) throw invalidInput(input, value, `${dir} exists and is not a folder`);
  if ((await readdir(dir)).length === 0) return;
  const marker = await lstat(join(dir, 'oci-layout')).catch(() => undefined);
  if (marker?.isFile()) return;
  throw invalidInput(
    input,
    value,
    `${dir} is a folder that is not empty and not an OCI image layout (it has no oci-layout file); name a new or empty folder, or an existing layout`,
  );
}
