import type { Digest } from '../oci/digest.js';
import { formatMs } from '../oci/registry/errors.js';
import { effectOf, knownGoodAfter } from '../ledger/chain.js';
import { deployedSince, wasPromotedTo } from '../ledger/queries.js';
import type { Ledger } from '../ledger/store.js';
import type { GateResult } from './gate-result.js';

const where = (ledger: Ledger): string => `${ledger.env} (ledger ${ledger.store.label})`;

/**
 * The digest is what runs, healthy, in the ledger's environment now: the head's current digest
 * (a deploy or rollback that ended deployed or unchanged). A digest that ran there once but was
 * replaced since is not "deployed and healthy" there.
 */
export async function healthyIn(ledger: Ledger, digest: Digest): Promise<GateResult> {
  const gate = 'healthy';
  const head = await ledger.head();
  if (!head)
    return { gate, status: 'fail', reason: `nothing was ever deployed to ${where(ledger)}` };
  const effect = effectOf(head.entry);
  if (effect.current !== digest) {
    const runs = effect.current
      ? `${ledger.env} runs ${effect.current}${effect.since ? ` since ${effect.since}` : ''}`
      : `nothing runs in ${ledger.env}`;
    return {
      gate,
      status: 'fail',
      reason: `${digest} is not deployed and healthy in ${where(ledger)}: ${runs} (ledger seq ${head.entry.seq}: ${head.entry.action} ${head.entry.outcome})`,
    };
  }
  // The newest entry that ran it healthy: the head, or one the head carries in its list.
  const proof = knownGoodAfter(head).find((k) => k.digest === digest);
  return {
    gate,
    status: 'pass',
    reason: `${digest} runs healthy in ${where(ledger)}${effect.since ? ` since ${effect.since}` : ''}${proof ? ` (ledger seq ${proof.seq})` : ''}`,
    ...(proof ? { evidence: proof.entry } : {}),
  };
}

/**
 * The digest has run in the ledger's environment for at least `minSoakMs` without being
 * replaced: counted from the start of its current run (an `unchanged` redeploy does not
 * restart it; a rollback away and back does). 0 skips the gate.
 */
export async function soakedFor(
  ledger: Ledger,
  digest: Digest,
  minSoakMs: number,
  now: Date,
): Promise<GateResult> {
  const gate = 'min-soak';
  if (minSoakMs <= 0) return { gate, status: 'skip', reason: 'min-soak is 0' };
  const since = await deployedSince(ledger, digest);
  if (!since)
    return {
      gate,
      status: 'fail',
      reason: `${digest} is not running in ${where(ledger)}, so it has not soaked there (min-soak ${formatMs(minSoakMs)})`,
    };
  const soaked = now.getTime() - since.getTime();
  if (soaked >= minSoakMs)
    return {
      gate,
      status: 'pass',
      reason: `running in ${ledger.env} for ${formatMs(soaked)} since ${since.toISOString()} (min-soak ${formatMs(minSoakMs)})`,
    };
  return {
    gate,
    status: 'fail',
    reason: `running in ${ledger.env} for ${formatMs(Math.max(0, soaked))} since ${since.toISOString()}, min-soak is ${formatMs(minSoakMs)}: ${formatMs(minSoakMs - soaked)} to go`,
  };
}

/**
 * The digest was promoted into the ledger's environment (kiln.yml `requires: from`): a deploy
 * there refuses a digest that did not come through promote.
 */
export async function promotedInto(
  ledger: Ledger,
  digest: Digest,
  from: string,
): Promise<GateResult> {
  const gate = 'promoted';
  return (await wasPromotedTo(ledger, digest))
    ? {
        gate,
        status: 'pass',
        reason: `${digest} was promoted into ${where(ledger)} (requires ${from})`,
      }
    : {
        gate,
        status: 'fail',
        reason: `${digest} was never promoted into ${where(ledger)}; ${ledger.env} requires ${from}: promote it from ${from} first`,
      };
}
