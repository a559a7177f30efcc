import { knownGoodAfter } from '../ledger/chain.js';
import { wasHealthy } from '../ledger/queries.js';
import type { Ledger } from '../ledger/store.js';
import type { Digest } from '../oci/digest.js';
import type { GateResult } from './gate-result.js';

/**
 * The digest ran healthy in the ledger's environment at some time (a deploy or rollback there
 * ended deployed or unchanged): a rollback goes only to a digest the environment has seen
 * working. The head's known-good list answers recent digests in one read; an older one is
 * looked up among the digest's own ledger referrers.
 */
export async function ranHealthyIn(ledger: Ledger, digest: Digest): Promise<GateResult> {
  const gate = 'ran-healthy';
  const where = `${ledger.env} (ledger ${ledger.store.label})`;
  const head = await ledger.head();
  const kept = head ? knownGoodAfter(head).find((k) => k.digest === digest) : undefined;
  if (kept)
    return {
      gate,
      status: 'pass',
      reason: `${digest} ran healthy in ${where} (ledger seq ${kept.seq}, ${kept.at})`,
      evidence: kept.entry,
    };
  if (head && (await wasHealthy(ledger, digest)))
    return {
      gate,
      status: 'pass',
      reason: `${digest} ran healthy in ${where} (an entry older than the head's known-good list)`,
    };
  return {
    gate,
    status: 'fail',
    reason: `${digest} never ran healthy in ${where}: a rollback goes only to a digest that did`,
  };
}
