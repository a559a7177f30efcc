import type { KilnConfig } from '../config/kiln-config.js';
import {
  parsePinnedImage,
  parseReplaceFleetRequest,
  type ReplaceFleetRequest,
} from '../deploy/deploy-request.js';
import { environmentRepository } from '../config/queries.js';
import { ConfigurationError, errorMessage, invalidInput } from '../errors.js';
import { requireEnvironmentRepository } from '../ledger/ledger-repository.js';
import { parseBoolean } from '../inputs/parse.js';
import { type InputReader, required } from '../inputs/source.js';
import { type Digest, digestProblem } from '../oci/digest.js';
import {
  formatReference,
  type ImageReference,
  parseReference,
  repositoryName,
} from '../oci/reference.js';

/** Where a rollback goes: what ran healthy before the current digest, a digest, or a ledger entry. */
export type RollbackTarget =
  | { kind: 'previous' }
  | { kind: 'digest'; digest: Digest }
  /** The digest of the environment's ledger entry with this sequence number. */
  | { kind: 'seq'; seq: number };

/** One rollback, parsed and checked before any registry or engine call. */
export interface RollbackRequest {
  environment: string;
  /** The image repository the environment runs (kiln.yml `image:` or the `image` input). */
  repository: ImageReference;
  to: RollbackTarget;
  /** Why: recorded in the rollback entry and in the quarantine of the digest rolled back from. */
  reason: string;
  /** Quarantine the digest rolled back from, so promote and deploy refuse it afterwards. */
  quarantine: boolean;
  /**
   * replace-fleet's request for this environment, as its own parser reads the fleet inputs
   * over kiln.yml; `image` and `digest` are the target's once it is resolved (deployRequestFor).
   */
  fleet: Omit<ReplaceFleetRequest, 'image' | 'digest'>;
}

/** What `to` defaults to. */
export const DEFAULT_ROLLBACK_TARGET = 'previous';

/**
 * Stands in for the digest while replace-fleet's parser reads the fleet inputs: the target is
 * known only after the ledger is read. It never reaches a registry or an engine (the request
 * keeps neither `image` nor `digest` from that parse).
 */
const UNRESOLVED = `sha256:${'0'.repeat(64)}` as Digest;

/**
 * Parses rollback's inputs over the environment's kiln.yml entry. Nothing here touches the
 * network: a bad `to`, a missing reason, an unknown environment or a bad fleet input is refused
 * before anything is read or changed.
 */
export function parseRollbackRequest(read: InputReader, config?: KilnConfig): RollbackRequest {
  const repository = parseRepository(read, config);
  const to = parseTarget(read('to'), repository);
  const reason = required(read, 'reason');
  const quarantine = parseBoolean('quarantine', read('quarantine'), true);
  const parsed = parseReplaceFleetRequest(
    (name) => (name === 'image' ? `${repositoryName(repository)}@${UNRESOLVED}` : read(name)),
    config,
  );
  const { image: _image, digest: _digest, ...fleet } = parsed;
  return { environment: fleet.environment, repository, to, reason, quarantine, fleet };
}

/** The replace-fleet request that deploys `digest` to the rollback's environment. */
export function deployRequestFor(req: RollbackRequest, digest: Digest): ReplaceFleetRequest {
  return {
    ...req.fleet,
    image: { registry: req.repository.registry, repository: req.repository.repository, digest },
    digest,
  };
}

/**
 * The environment's repository: kiln.yml's for the environment (the `image` input, when given,
 * must name it), else the `image` input (a repository, no tag or digest).
 */
function parseRepository(read: InputReader, config: KilnConfig | undefined): ImageReference {
  const raw = read('image').trim();
  const env = read('environment').trim();
  const own = config && env ? environmentRepository(config, env) : undefined;
  if (!raw) {
    if (!own)
      throw new ConfigurationError(
        'Input "image" is required (the image repository the environment runs), unless kiln.yml names `image:`',
      );
    return own;
  }
  let ref: ImageReference;
  try {
    ref = parseReference(raw);
  } catch (err) {
    throw new ConfigurationError(`Input "image": ${errorMessage(err)}`, { cause: err });
  }
  if (ref.tag || ref.digest)
    throw invalidInput(
      'image',
      raw,
      'rollback takes the repository only (no tag or digest): input "to" names the digest',
    );
  if (env) requireEnvironmentRepository(config, env, ref, 'image', raw);
  return ref;
}

/** `previous`, a ledger sequence number, `sha256:…`, or `repository@sha256:…` of this repository. */
function parseTarget(raw: string, repository: ImageReference): RollbackTarget {
  const v = raw.trim() || DEFAULT_ROLLBACK_TARGET;
  if (v === 'previous') return { kind: 'previous' };
  if (/^\d+$/.test(v)) {
    const seq = Number(v);
    if (!Number.isSafeInteger(seq) || seq < 1)
      throw invalidInput('to', raw, 'a ledger sequence number starts at 1');
    return { kind: 'seq', seq };
  }
  if (!v.includes('@') && !v.startsWith('sha256:'))
    throw invalidInput(
      'to',
      raw,
      'must be previous, a ledger sequence number, sha256:… or repository@sha256:… (tags are not accepted: they move)',
    );
  if (v.startsWith('sha256:')) {
    const problem = digestProblem(v);
    if (problem) throw invalidInput('to', raw, `digest ${problem}`);
    return { kind: 'digest', digest: v as Digest };
  }
  const { image, digest } = parsePinnedImage(v, repository, 'to');
  if (repositoryName(image) !== repositoryName(repository))
    throw invalidInput(
      'to',
      raw,
      `names another repository than the environment's ${formatReference(repository)}`,
    );
  return { kind: 'digest', digest };
}
