import { createHash, randomBytes } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DockerCli, formatCommand } from '../engine/docker-cli.js';
import { ConfigurationError, invalidInput } from '../errors.js';
import { info, redact } from '../log.js';
import type { Digest } from '../oci/digest.js';
import { formatReference, type ImageReference, pinned } from '../oci/reference.js';
import type { Registries } from '../oci/registries.js';
import { BuildContext } from './build-context.js';

export interface DockerfileBakeOptions {
  /** The build context folder. */
  context: string;
  /** Relative to the working directory, as `docker build -f` and docker/build-push-action take it. */
  dockerfile: string;
  /** Target repository; a tag on it is used as the first tag, a digest is refused. */
  repository: ImageReference;
  tags: string[];
  /** One `os/arch[/variant]`. */
  platform?: string;
  sourceDateEpoch: number;
  labels: Record<string, string>;
  buildArgs?: Record<string, string>;
  push: boolean;
  dockerHost?: string;
  registries: Registries;
  log?: (line: string) => void;
}

export interface DockerfileBakeResult {
  /** The manifest digest the registry holds for the pushed tag. */
  digest: Digest;
  /** `repo@sha256:…`. */
  image: string;
  builder: 'buildx' | 'classic';
}

const TAG = /^[\w][\w.-]{0,127}$/;
const PLATFORM = /^[a-z0-9_]+\/[a-z0-9_]+(?:\/[a-z0-9_.]+)?$/;
const MAX_EPOCH = 2 ** 31 - 1;

interface CheckedInputs {
  contextDir: string;
  dockerfile: string;
  tags: string[];
}

/**
 * Builds a Dockerfile with the local engine and pushes it, then reports the digest the
 * registry holds. An image ID is a local config hash that no later action can pull; the
 * registry's manifest digest is the identity deploy, promote and rollback take.
 */
export async function bakeWithDockerfile(
  opts: DockerfileBakeOptions,
): Promise<DockerfileBakeResult> {
  const log = opts.log ?? info;
  const checked = await checkInputs(opts);
  const repoName = `${opts.repository.registry}/${opts.repository.repository}`;
  const firstTag = checked.tags[0] ?? temporaryTag(checked.contextDir);
  const ref = `${repoName}:${firstTag}`;

  const epoch = String(opts.sourceDateEpoch);
  const common = [
    '--file',
    checked.dockerfile,
    // Both the env and the build arg: BuildKit reads the build arg, and a Dockerfile may
    // `ARG SOURCE_DATE_EPOCH` to use it in RUN steps.
    '--build-arg',
    `SOURCE_DATE_EPOCH=${epoch}`,
    ...Object.entries(opts.buildArgs ?? {})
      .filter(([k]) => k !== 'SOURCE_DATE_EPOCH') // checked equal above; passed once
      .flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
    ...Object.entries(opts.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    ...(opts.platform ? ['--platform', opts.platform] : []),
  ];
  const env = { ...process.env, SOURCE_DATE_EPOCH: epoch };
  const docker = new DockerCli({ dockerHost: opts.dockerHost, env });
  const run = async (cli: DockerCli, args: string[]): Promise<string> => {
    log(redact(`$ ${formatCommand([cli.binary, ...args])}`));
    const out = await cli.run(args);
    return `${out.stdout}\n${out.stderr}`;
  };

  const buildx = await buildxFeatures(docker);
  let pushedDigest: string | undefined;
  if (buildx) {
    const output = ['type=image', `name=${ref}`, 'push=true'];
    if (buildx.rewriteTimestamp) output.push('rewrite-timestamp=true');
    await run(docker, [
      'buildx',
      'build',
      '--progress=plain',
      ...common,
      // Provenance attestations would turn the result into an index whose digest changes
      // with every build; the ledger keeps Kiln's own evidence instead.
      ...(buildx.provenanceFlag ? ['--provenance=false'] : []),
      '--output',
      output.join(','),
      checked.contextDir,
    ]);
  } else {
    // DOCKER_BUILDKIT=0: a client whose env asks for BuildKit without buildx refuses to build.
    const classic = new DockerCli({
      dockerHost: opts.dockerHost,
      env: { ...env, DOCKER_BUILDKIT: '0' },
    });
    await run(classic, ['build', ...common, '--tag', ref, checked.contextDir]);
    const pushed = await run(docker, ['push', ref]);
    pushedDigest = /: digest: (sha256:[a-f0-9]{64})/.exec(pushed)?.[1];
  }

  const repo = opts.registries.repository(opts.repository.registry, opts.repository.repository);
  const digest = await repo.resolve(firstTag);
  if (!digest) throw new Error(`pushed ${ref}, but ${repoName} has no tag ${firstTag}`);
  if (pushedDigest && pushedDigest !== digest) {
    throw new Error(
      `docker pushed ${ref} as ${pushedDigest}, but the registry now holds ${digest} for that tag (another push moved it?)`,
    );
  }
  // The other tags are set on the very manifest bytes the registry holds; another docker push
  // could re-encode the manifest and give a tag a different digest.
  const rest = checked.tags.slice(1);
  if (rest.length > 0) {
    const raw = await repo.getManifest(digest);
    for (const tag of rest) await repo.putManifest(raw, { tag });
  }
  const image = pinned(opts.repository, digest);
  log(
    `baked ${image} (${buildx ? 'buildx' : 'classic docker build'}) tags: ${[firstTag, ...rest].join(', ')}`,
  );
  return { digest, image, builder: buildx ? 'buildx' : 'classic' };
}

/** Every input rule, checked before the first docker command. */
async function checkInputs(opts: DockerfileBakeOptions): Promise<CheckedInputs> {
  if (opts.repository.digest) {
    throw invalidInput(
      'image',
      formatReference(opts.repository),
      'must be a repository without a digest; the digest is the result of the bake',
    );
  }
  if (!opts.push) {
    throw new ConfigurationError(
      'Input "push" is false, but the Dockerfile baker needs a registry: it reports the digest the registry holds, which exists only after a push. Set push: true, or bake without a Dockerfile (the native baker) with output: oci-layout:DIR',
    );
  }
  const ctx = await BuildContext.open(opts.context);
  const dockerfile = await checkDockerfile(opts.dockerfile, opts.context, ctx);

  const tags = [...new Set([...(opts.repository.tag ? [opts.repository.tag] : []), ...opts.tags])];
  for (const tag of tags) {
    if (!TAG.test(tag))
      throw invalidInput('tags', tag, 'each tag must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}');
  }
  checkPairs('labels', opts.labels);
  checkPairs('build-args', opts.buildArgs ?? {});
  const sde = opts.buildArgs?.SOURCE_DATE_EPOCH;
  if (sde !== undefined && sde !== String(opts.sourceDateEpoch)) {
    throw invalidInput(
      'build-args',
      `SOURCE_DATE_EPOCH=${sde}`,
      `conflicts with source-date-epoch ${opts.sourceDateEpoch}; set source-date-epoch instead`,
    );
  }
  if (opts.platform !== undefined && !PLATFORM.test(opts.platform)) {
    throw invalidInput(
      'platform',
      opts.platform,
      'the Dockerfile baker builds one platform, written os/arch[/variant], e.g. linux/amd64',
    );
  }
  const e = opts.sourceDateEpoch;
  if (!Number.isInteger(e) || e < 0 || e > MAX_EPOCH) {
    throw invalidInput(
      'source-date-epoch',
      String(e),
      `must be whole seconds between 0 and ${MAX_EPOCH}`,
    );
  }
  return { contextDir: ctx.root, dockerfile, tags };
}

/** The real path of the Dockerfile, which must be a file inside the context. */
async function checkDockerfile(value: string, context: string, ctx: BuildContext): Promise<string> {
  const abs = resolve(value);
  const real = await realpath(abs).catch(() => undefined);
  if (real === undefined || !(await stat(real)).isFile()) {
    throw invalidInput(
      'dockerfile',
      value,
      `must be an existing file (looked for ${abs}; the path is relative to the working directory, like docker build -f)`,
    );
  }
  // Kiln keeps everything a bake reads inside the context, so the commit alone defines the
  // image; the real path also catches a symlink that leads out of it.
  if (!ctx.contains(real)) {
    throw invalidInput(
      'dockerfile',
      value,
      `must be inside the context "${context}" (${ctx.root}), but it is ${real}`,
    );
  }
  return real;
}

/** `--label` / `--build-arg` take `k=v` and split at the first `=`: a key must not hold one. */
function checkPairs(input: string, pairs: Record<string, string>): void {
  for (const [k, v] of Object.entries(pairs)) {
    if (k === '' || /[=\s]/.test(k) || /[\r\n\0]/.test(v)) {
      throw invalidInput(
        input,
        `${k}=${v}`,
        'keys must be non-empty without "=" or whitespace, values must be single-line',
      );
    }
  }
}

/** A tag unique to this build, so the read-back cannot see another build's push. */
function temporaryTag(contextDir: string): string {
  const seed = `${contextDir}\n${Date.now()}\n${process.pid}\n${randomBytes(8).toString('hex')}`;
  return `kiln-${createHash('sha256').update(seed).digest('hex').slice(0, 16)}`;
}

interface BuildxFeatures {
  /** `--provenance` exists from buildx 0.10; older versions add no attestations anyway. */
  provenanceFlag: boolean;
  /** `rewrite-timestamp` needs BuildKit 0.13 in the builder (the docker driver's may be older). */
  rewriteTimestamp: boolean;
}

/** undefined when buildx is not installed: the classic builder is used. */
async function buildxFeatures(docker: DockerCli): Promise<BuildxFeatures | undefined> {
  const version = await docker.output(['buildx', 'version']).catch(() => undefined);
  if (version === undefined) return undefined;
  const inspect = await docker.output(['buildx', 'inspect']).catch(() => '');
  const buildkit = /Build[Kk]it(?: version)?:\s*v?(\d+)\.(\d+)/.exec(inspect);
  return {
    provenanceFlag: atLeast(/v(\d+)\.(\d+)/.exec(version), 0, 10),
    rewriteTimestamp: atLeast(buildkit, 0, 13),
  };
}

function atLeast(m: RegExpExecArray | null, major: number, minor: number): boolean {
  if (!m) return false;
  const [ma, mi] = [Number(m[1]), Number(m[2])];
  return ma > major || (ma === major && mi >= minor);
}
