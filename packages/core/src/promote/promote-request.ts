import { ConfigurationError, invalidInput } from '../errors.js';
import { parseBoolean, parseDuration } from '../inputs/parse.js';
import { type InputReader, required } from '../inputs/source.js';
import type { KilnConfig } from '../config/kiln-config.js';
import { environment, environmentRepository } from '../config/queries.js';
import { ENV_NAME, ENV_NAME_RULE } from '../ledger/env-name.js';
import type { Digest } from '../oci/digest.js';
import {
  configLedgers,
  type LedgerRef,
  ledgerRepositoryFor,
  requireEnvironmentRepository,
} from '../ledger/ledger-repository.js';
import { type ImageReference, parseReference, requireDigest } from '../oci/reference.js';

// Light imports only: the action checks every input with this before the registry client loads.

/** Everything promote needs, checked before any request. */
export interface PromoteRequest {
  /** The digest to promote; undefined: what runs in `fromEnvironment` now, read from its ledger. */
  digest?: Digest;
  /** The repository the digest is read from (no tag, no digest). */
  source: ImageReference;
  /** Where it is copied to (the source repository unless `to-image` names another). */
  target: ImageReference;
  fromEnvironment?: string;
  toEnvironment: string;
  /** The target environment's `requires` in kiln.yml. */
  requires?: string;
  /** The environment whose ledger proves health and soak (from-environment, else `requires`). */
  sourceEnvironment?: string;
  requireValidation: boolean;
  requireHealthy: boolean;
  minSoakMs: number;
  /** Where the source environment's ledger lives. */
  sourceLedger: ImageReference;
  /** Where the target environment's ledger lives (the promote entry goes there). */
  targetLedger: ImageReference;
  /** Every environment's ledger kiln.yml names: a quarantine in any refuses the digest. */
  quarantineLedgers: LedgerRef[];
}

const LAYOUT = 'oci-layout:';
/** A duration as kiln.yml would write it (whole hours or minutes where exact). */
const duration = (ms: number): string =>
  ms % 3_600_000 === 0 && ms > 0
    ? `${ms / 3_600_000}h`
    : ms % 60_000 === 0 && ms > 0
      ? `${ms / 60_000}m`
      : `${ms / 1000}s`;
const repositoryOf = (ref: ImageReference): ImageReference => ({
  registry: ref.registry,
  repository: ref.repository,
});

/** An environment input: a name the ledger can tag, and one the config has when there is one. */
function environmentInput(
  read: InputReader,
  name: string,
  config: KilnConfig | undefined,
): string | undefined {
  const value = read(name).trim();
  if (!value) return undefined;
  if (!ENV_NAME.test(value)) throw invalidInput(name, value, ENV_NAME_RULE);
  if (config) environment(config, value, name);
  return value;
}

/**
 * Parses promote's inputs against kiln.yml (when there is one): which digest, from which
 * repository and environment, to where, and which gates apply. Refuses a tag, a layout, an
 * environment kiln.yml does not know, a source other than the target's `requires`, and a
 * min-soak shorter than kiln.yml's, all before any remote call.
 *
 * Ledgers: kiln.yml's `ledger.repository` when it names one of its own; otherwise each
 * environment's ledger is in the repository its image is in (the target environment's in
 * `to-image` when given).
 */
export function parsePromoteRequest(read: InputReader, config?: KilnConfig): PromoteRequest {
  // Empty: required() throws, naming the input.
  const to = environmentInput(read, 'to-environment', config) ?? required(read, 'to-environment');
  const fromEnvironment = environmentInput(read, 'from-environment', config);
  if (fromEnvironment === to)
    throw invalidInput('from-environment', fromEnvironment, 'must differ from to-environment');

  const imageInput = read('image').trim();
  let source: ImageReference;
  let digest: Digest | undefined;
  if (imageInput) {
    if (imageInput.startsWith(LAYOUT))
      throw invalidInput(
        'image',
        imageInput,
        'promote copies between registries; copy the layout into a registry first (kiln copy)',
      );
    const ref = parseReference(imageInput);
    // With from-environment a bare repository is enough: the ledger names the digest.
    if (ref.digest || ref.tag || !fromEnvironment) digest = requireDigest(ref, 'image').digest;
    source = repositoryOf(ref);
    if (fromEnvironment)
      requireEnvironmentRepository(config, fromEnvironment, source, 'image', imageInput);
  } else if (fromEnvironment && config) {
    source = environmentRepository(config, fromEnvironment);
  } else {
    throw new ConfigurationError(
      fromEnvironment
        ? `Input "image" is required to find the ledger of ${fromEnvironment}: name the repository, or set image: in kiln.yml`
        : 'Input "image" is required: the image to promote, pinned by digest (repo@sha256:…), unless from-environment names the environment to take it from',
    );
  }

  // With kiln.yml the target is the environment's repository; to-image may only repeat it.
  let target = config ? environmentRepository(config, to) : source;
  const toImage = read('to-image').trim();
  if (toImage) {
    const ref = parseReference(toImage);
    if (ref.digest)
      throw invalidInput(
        'to-image',
        toImage,
        'name a repository; the digest comes from image or from-environment',
      );
    if (ref.tag)
      throw invalidInput(
        'to-image',
        toImage,
        'name a repository without a tag: promote copies by digest and moves no tag',
      );
    requireEnvironmentRepository(config, to, ref, 'to-image', toImage);
    target = ref;
  }

  const targetEnv = config?.environments.get(to);
  const requires = targetEnv?.requires;
  if (fromEnvironment && requires && fromEnvironment !== requires)
    throw invalidInput(
      'from-environment',
      fromEnvironment,
      `${to} requires ${requires} (${config?.source.file}): promote into ${to} from ${requires}`,
    );
  const sourceEnvironment = fromEnvironment ?? requires;

  const requireValidation = parseBoolean('require-validation', read('require-validation'), true);
  const requireHealthy = parseBoolean(
    'require-healthy',
    read('require-healthy'),
    sourceEnvironment !== undefined,
  );
  if (requireHealthy && !sourceEnvironment)
    throw invalidInput(
      'require-healthy',
      read('require-healthy'),
      `needs a source environment: give from-environment, or requires: for ${to} in kiln.yml`,
    );

  // kiln.yml's min-soak is the rule for every promotion into the environment, manual or not.
  const floor = targetEnv?.minSoakMs ?? 0;
  const minSoakMs = parseDuration('min-soak', read('min-soak'), floor);
  if (minSoakMs < floor)
    throw invalidInput(
      'min-soak',
      read('min-soak'),
      `is shorter than the min-soak ${duration(floor)} ${config?.source.file} sets for ${to}; the same soak applies to every promotion`,
    );
  if (minSoakMs > 0 && !sourceEnvironment)
    throw invalidInput(
      'min-soak',
      read('min-soak'),
      `needs a source environment to soak in: give from-environment, or requires: for ${to} in kiln.yml`,
    );

  const req: PromoteRequest = {
    source,
    target,
    toEnvironment: to,
    requireValidation,
    requireHealthy,
    minSoakMs,
    sourceLedger: sourceEnvironment
      ? ledgerRepositoryFor(config, sourceEnvironment, source)
      : repositoryOf(source),
    targetLedger: ledgerRepositoryFor(config, to, target),
    quarantineLedgers: configLedgers(config),
  };
  if (digest) req.digest = digest;
  if (fromEnvironment) req.fromEnvironment = fromEnvironment;
  if (requires) req.requires = requires;
  if (sourceEnvironment) req.sourceEnvironment = sourceEnvironment;
  return req;
}
