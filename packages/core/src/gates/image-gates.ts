import type { Digest } from '../oci/digest.js';
import type { ArtifactStore, ImageStore } from '../oci/store.js';
import type { StoredEntry } from '../ledger/entry.js';
import { isQuarantined, isValidated, quarantineIn } from '../ledger/queries.js';
import type { QuarantineScope } from '../ledger/quarantine-scope.js';
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
 * No environment quarantined the digest: the verified head of every ledger in scope (each
 * environment kiln.yml names) carries its quarantines, so no rewrite of a referrers index hides
 * one; the digest's referrers in each ledger store are searched too, for ledgers kiln.yml does
 * not name. Any one refuses it.
 */
export async function notQuarantined(scope: QuarantineScope, digest: Digest): Promise<GateResult> {
  const found = await firstQuarantine(scope, digest);
  if (!found)
    return {
      gate: 'not-quarantined',
      status: 'pass',
      reason: `no quarantine of ${digest} in the ledgers of ${[...new Set(scope.ledgers.map((l) => l.env))].join(', ')} (${[...new Set(scope.stores.map((s) => s.label))].join(', ')})`,
    };
  const e = found.entry;
  return {
    gate: 'not-quarantined',
    status: 'fail',
    reason: `${digest} was quarantined in ${e.env} (seq ${e.seq}, ${e.at}, by ${e.actor || 'unknown'}): ${e.reason ?? 'no reason given'}`,
    evidence: found.digest,
  };
}

async function firstQuarantine(
  scope: QuarantineScope,
  digest: Digest,
): Promise<StoredEntry | undefined> {
  for (const ledger of scope.ledgers) {
    const entry = await quarantineIn(ledger, digest);
    if (entry) return entry;
  }
  for (const store of scope.stores) {
    const q = await isQuarantined(store, digest);
    if (q.entry) return q.entry;
  }
  return undefined;
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
