import { ConfigurationError } from '../errors.js';
import { parseReference, requireDigest } from '../oci/reference.js';
import type { DeployRequest } from './provider.js';

/** What a provider accepts beyond a digest-pinned image reference. */
export interface RequestCheckOptions {
  /** An image id the engine itself keeps immutable (an AMI id): accepted without a digest. */
  immutableId?: RegExp;
}

/**
 * Invariants the request parser guarantees, checked again by a provider before its first
 * call, so no call reaches an engine without them: a digest-pinned image, whole positive
 * sizes, a positive health timeout.
 */
export function checkDeployRequest(r: DeployRequest, opts: RequestCheckOptions = {}): void {
  if (!opts.immutableId?.test(r.image)) requireDigest(parseReference(r.image), 'image');
  if (!Number.isInteger(r.batchSize) || r.batchSize < 1)
    throw new ConfigurationError(`batch size ${r.batchSize} must be a whole number of at least 1`);
  if (r.replicas !== undefined && (!Number.isInteger(r.replicas) || r.replicas < 1))
    throw new ConfigurationError(`replicas ${r.replicas} must be a whole number of at least 1`);
  if (!(r.healthTimeoutMs > 0))
    throw new ConfigurationError(`health timeout ${r.healthTimeoutMs} ms must be positive`);
}
