import type { Digest } from '../oci/digest.js';
import type { ArtifactStore, ImageStore } from '../oci/store.js';
import { isQuarantined, isValidated } from '../ledger/queries.js';
import type { GateResult } from './gate-result.js';

/** The digest is in `store` (a deploy, promote or rollback never acts on a digest that is gone). */
export async function digestExists(store: ImageStore, digest: Digest): Promise<GateResult> {
  const found = await store.resolve(digest);
  return found === digest
    ? {
        gate: 'digest-exists',
        status: 'pass',
        reason: `${store.label} holds ${digest}`,
        evidence: `${store.label}@${digest}`,
      }
    : {
        gate: 'digest-exists',
        status: 'fail',
        reason: `${store.label} has no manifest ${digest} (deleted, or never pushed there)`,
      };
}

/**
 * No environment quarantined the digest: quarantine entries are referrers of the digest in the
 * ledger's store, so one listing answers for every environment whose ledger lives there.
 */
export async function notQuarantined(store: ArtifactStore, digest: Digest): Promise<GateResult> {
  const q = await isQuarantined(store, digest);
  if (!q.quarantined || !q.entry)
    return {
      gate: 'not-quarantined',
      status: 'pass',
      reason: `no quarantine entry for ${digest} in ${store.label}`,
    };
  const e = q.entry.entry;
  return {
    gate: 'not-quarantined',
    status: 'fail',
    reason: `${digest} was quarantined in ${e.env} (seq ${e.seq}, ${e.at}, by ${e.actor || 'unknown'}): ${e.reason ?? 'no reason given'}`,
    evidence: q.entry.digest,
  };
}

/** Validation evidence that passed exists for the digest (`require-validation`). */
export async function validated(store: ArtifactStore, digest: Digest): Promise<GateResult> {
  const v = await isValidated(store, digest);
  return {
    gate: 'validated',
    status: v.ok ? 'pass' : 'fail',
    reason: `${v.reason} in ${store.label}`,
    ...(v.evidence ? { evidence: v.evidence.digest } : {}),
  };
}
