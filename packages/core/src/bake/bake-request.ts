import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigurationError, invalidInput } from '../errors.js';
import { parseBoolean, parseList, parseMap } from '../inputs/parse.js';
import { type InputReader } from '../inputs/source.js';
import { type ImageLocation, parseLocation } from '../oci/location.js';
import { type ImageReference, parseReference } from '../oci/reference.js';
import { parseCopyLine } from './copy-spec.js';
import { parseSourceDateEpoch } from './source-date.js';

/** Everything bake-image needs, parsed and checked before any file is written or request sent. */
export interface BakeRequest {
  /** Target repository (no tag, no digest). Required to push. */
  repository?: ImageReference;
  context: string;
  dockerfile?: string;
  /** `scratch`, a registry reference or an OCI layout. */
  base: 'scratch' | ImageLocation;
  baseInput: string;
  copy: string[];
  /** The `copy` lines of each app layer, in order (input `layers`; default one layer per line). */
  layerGroups: string[][];
  /** Reuse unchanged app layers from the layer cache (input `layer-cache`, default true). */
  layerCache: boolean;
  /** Compression worker threads (not an input: tests and benchmarks set it); default per core. */
  compressionWorkers?: number;
  entrypoint?: string[];
  cmd?: string[];
  env: Record<string, string>;
  workdir?: string;
  user?: string;
  labels: Record<string, string>;
  expose: string[];
  healthcheck?: string;
  tags: string[];
  platforms: string[];
  /** Empty: take it from SOURCE_DATE_EPOCH or the commit time. */
  sourceDateEpoch?: number;
  push: boolean;
  /** `output: oci-layout:DIR`: bake into a layout instead of a registry. */
  output?: string;
  verifyReproducible: boolean;
}

const PLATFORM = /^[a-z0-9_]+\/[a-z0-9_]+(?:\/[a-z0-9_]+)?$/;
const PORT = /^\d{1,5}(?:\/(?:tcp|udp|sctp))?$/;
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_KEY = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\.[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/i;
const TAG = /^[\w][\w.-]{0,127}$/;

export function hostPlatform(): string {
  const arch: Record<string, string> = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    s390x: 's390x',
    ppc64: 'ppc64le',
  };
  return `linux/${arch[process.arch] ?? process.arch}`;
}

/** `["/bin/app","serve"]` (JSON) or `/bin/app serve` (split on spaces; no shell involved). */
export function parseCommand(input: string, raw: string): string[] | undefined {
  const v = raw.trim();
  if (v === '') return undefined;
  if (v.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch {
      throw invalidInput(input, raw, 'starts with [ but is not a JSON array of strings');
    }
    if (!Array.isArray(parsed) || parsed.some((x) => typeof x !== 'string')) {
      throw invalidInput(input, raw, 'must be a JSON array of strings, e.g. ["/bin/app","serve"]');
    }
    return parsed as string[];
  }
  return v.split(/\s+/);
}

/**
 * Input `layers`: `per-line` (default, each copy line its own layer), `single` (all in one), or
 * groups of line numbers in order, e.g. `1-2, 3, 4-6`, which must cover every line once.
 */
export function parseLayerGroups(raw: string, copy: string[]): string[][] {
  const v = raw.trim();
  if (v === '' || v === 'per-line') return copy.map((line) => [line]);
  if (v === 'single') return copy.length ? [copy] : [];
  const rule = `must be per-line, single, or groups of copy line numbers in order covering lines 1-${copy.length} once each, e.g. 1-2, 3`;
  const groups: string[][] = [];
  let next = 1;
  for (const part of parseList(v, { commas: true })) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    const from = Number(m?.[1]);
    const to = m?.[2] !== undefined ? Number(m[2]) : from;
    if (!m || from !== next || to < from || to > copy.length)
      throw invalidInput('layers', raw, rule);
    groups.push(copy.slice(from - 1, to));
    next = to + 1;
  }
  if (next !== copy.length + 1) throw invalidInput('layers', raw, rule);
  return groups;
}

export function parseBakeRequest(read: InputReader, workspace = process.cwd()): BakeRequest {
  const imageRaw = read('image').trim();
  let repository: ImageReference | undefined;
  if (imageRaw) {
    try {
      repository = parseReference(imageRaw);
    } catch (err) {
      throw new ConfigurationError(`Input "image": ${(err as Error).message}`, { cause: err });
    }
    if (repository.digest || repository.tag) {
      throw invalidInput(
        'image',
        imageRaw,
        'name the repository only (e.g. ghcr.io/acme/shop); put tags in "tags"',
      );
    }
  }

  const context = resolve(workspace, read('context').trim() || '.');
  if (!existsSync(context) || !statSync(context).isDirectory()) {
    throw invalidInput('context', read('context') || '.', 'must be an existing folder');
  }

  const output = read('output').trim() || undefined;
  if (output && !output.startsWith('oci-layout:')) {
    throw invalidInput('output', output, 'must be oci-layout:DIR');
  }
  const push = parseBoolean('push', read('push'), true) && !output;
  if (push && !repository) {
    throw new ConfigurationError(
      'Input "image" is required to push (or set output: oci-layout:DIR, or push: false)',
    );
  }

  const baseInput = read('base').trim() || 'scratch';
  const base = baseInput === 'scratch' ? 'scratch' : parseLocation(baseInput, 'base');
  if (base !== 'scratch' && base.kind === 'registry' && !base.ref.tag && !base.ref.digest) {
    throw invalidInput(
      'base',
      baseInput,
      'name a tag or digest (e.g. alpine:3.20 or repo@sha256:…); the digest it resolves to is recorded',
    );
  }

  const copy = parseList(read('copy'));
  copy.forEach(parseCopyLine);

  const env = parseMap('env', read('env'));
  for (const key of Object.keys(env)) {
    if (!ENV_KEY.test(key))
      throw invalidInput(
        'env',
        key,
        'variable names are letters, digits and _ and do not start with a digit',
      );
  }
  const labels = parseMap('labels', read('labels'));
  for (const key of Object.keys(labels)) {
    if (!LABEL_KEY.test(key)) {
      throw invalidInput(
        'labels',
        key,
        'label keys are dot-separated words of letters, digits, - and _ (e.g. org.opencontainers.image.title)',
      );
    }
  }
  const expose = parseList(read('expose'), { commas: true });
  for (const p of expose) {
    if (!PORT.test(p) || Number(p.split('/')[0]) < 1 || Number(p.split('/')[0]) > 65535) {
      throw invalidInput('expose', p, 'must be PORT or PORT/tcp|udp|sctp with 1 <= PORT <= 65535');
    }
  }
  const tags = parseList(read('tags'), { commas: true });
  for (const t of tags)
    if (!TAG.test(t))
      throw invalidInput(
        'tags',
        t,
        'a tag is up to 128 of [A-Za-z0-9_.-] and starts with a letter, digit or _',
      );
  const platforms = parseList(read('platform'), { commas: true });
  for (const p of platforms)
    if (!PLATFORM.test(p))
      throw invalidInput('platform', p, 'must be os/arch[/variant], e.g. linux/amd64');

  const workdir = read('workdir').trim() || undefined;
  if (workdir && !workdir.startsWith('/'))
    throw invalidInput('workdir', workdir, 'must be an absolute path');
  const dockerfile = read('dockerfile').trim() || undefined;
  if (dockerfile && copy.length) {
    throw new ConfigurationError(
      'Inputs "dockerfile" and "copy" exclude each other: the Dockerfile says what to copy',
    );
  }
  if (!dockerfile && copy.length === 0 && base === 'scratch') {
    throw new ConfigurationError(
      'Input "copy" is required: name at least one src:dest line (or give a dockerfile or a base)',
    );
  }

  const sde = read('source-date-epoch').trim();
  const req: BakeRequest = {
    context,
    base,
    baseInput,
    copy,
    layerGroups: parseLayerGroups(read('layers'), copy),
    layerCache: parseBoolean('layer-cache', read('layer-cache'), true),
    env,
    labels,
    expose,
    tags,
    platforms: platforms.length ? [...new Set(platforms)] : [hostPlatform()],
    push,
    verifyReproducible: parseBoolean('verify-reproducible', read('verify-reproducible'), false),
  };
  if (repository) req.repository = repository;
  if (dockerfile) req.dockerfile = resolve(workspace, dockerfile);
  const entrypoint = parseCommand('entrypoint', read('entrypoint'));
  if (entrypoint) req.entrypoint = entrypoint;
  const cmd = parseCommand('cmd', read('cmd'));
  if (cmd) req.cmd = cmd;
  if (workdir) req.workdir = workdir;
  const user = read('user').trim();
  if (user) req.user = user;
  const healthcheck = read('healthcheck').trim();
  if (healthcheck) req.healthcheck = healthcheck;
  if (sde) req.sourceDateEpoch = parseSourceDateEpoch('source-date-epoch', sde);
  if (output) req.output = output;
  return req;
}
