import { errorMessage } from '../errors.js';
import type { DeployFailure } from '../fleet/provider.js';
import { REASON_MAX } from '../ledger/limits.js';
import type { StoredEntry } from '../ledger/entry.js';
import { type EntryContext, isQuarantined, quarantine } from '../ledger/queries.js';
import type { Digest } from '../oci/digest.js';
import type { ArtifactStore } from '../oci/store.js';

/** What became of the quarantine of a deploy's digest it rolled back, or of a rollback's. */
export type RolledBackQuarantine =
  /** This run wrote the quarantine entry. */
  | { kind: 'quarantined'; entry: Digest; seq: number; reason: string }
  /** An earlier entry (any environment) already quarantines the digest: nothing added. */
  | { kind: 'already'; entry: Digest; seq: number; env: string }
  /** Off: deploy's input quarantine-on-rollback, or rollback's input quarantine, is false. */
  | { kind: 'off' }
  /** The engine could not pull the image: the release never ran, so nothing is held against it. */
  | { kind: 'not-pulled' }
  /** A rollback that did not reach and move the fleet quarantines nothing: it changed nothing. */
  | { kind: 'not-moved' }
  /** The entry could not be written; promote and deploy still accept the digest. */
  | { kind: 'failed'; error: string; cause: unknown };

/** Why a rolled-back deploy's digest gets no quarantine entry: never pulled, or the input is off. */
export function unquarantined(failure: DeployFailure | undefined): RolledBackQuarantine {
  return failure === 'pull' ? { kind: 'not-pulled' } : { kind: 'off' };
}

/** The ledger's reason for quarantining a rolled-back digest: the environment and what failed. */
export function rolledBackReason(environment: string, why: string | undefined): string {
  return ledgerReason(`rolled back in ${environment}: ${why?.trim() || 'it did not converge'}`);
}

/**
 * An engine's reason as the ledger keeps it: at most REASON_MAX characters. Engine text (task
 * errors of every replica) can be longer, and the fleet has already moved by then: the entry
 * must still be written.
 */
export function ledgerReason(why: string): string {
  return why.length <= REASON_MAX ? why : `${why.slice(0, REASON_MAX - 1)}…`;
}

/**
 * Quarantines `digest` in `env`'s ledger unless an entry already does (a re-run adds none):
 * a deploy rolled back, and the digest a rollback leaves. `ctx` may be read only when an entry
 * is written (rollback reads the image's descriptor then); its failure is the step's.
 * Never rejects: the deploy it follows is recorded whatever becomes of the quarantine.
 */
export async function quarantineRolledBack(
  store: ArtifactStore,
  env: string,
  digest: Digest,
  reason: string,
  ctx: EntryContext | (() => Promise<EntryContext>),
): Promise<RolledBackQuarantine> {
  try {
    const known = await isQuarantined(store, digest);
    if (known.quarantined && known.entry) {
      const e = known.entry.entry;
      return { kind: 'already', entry: known.entry.digest, seq: e.seq, env: e.env };
    }
    const context = typeof ctx === 'function' ? await ctx() : ctx;
    const stored: StoredEntry = await quarantine(store, env, digest, reason, context);
    return { kind: 'quarantined', entry: stored.digest, seq: stored.entry.seq, reason };
  } catch (cause) {
    return { kind: 'failed', error: errorMessage(cause), cause };
  }
}

/** One line for the log, the summary and the step's error. */
export function describeQuarantine(q: RolledBackQuarantine, digest: string): string {
  switch (q.kind) {
    case 'quarantined':
      return `${digest} quarantined (ledger seq ${q.seq}): promote and deploy refuse it in every environment`;
    case 'already':
      return `${digest} was already quarantined (${q.env}, ledger seq ${q.seq})`;
    case 'off':
      return `${digest} not quarantined (input quarantine-on-rollback is false)`;
    case 'not-moved':
      return `${digest} not quarantined: the rollback did not move the fleet off it`;
    case 'not-pulled':
      return `${digest} not quarantined: it could not be pulled, the release was never tried`;
    case 'failed':
      return `${digest} could not be quarantined: ${q.error}; promote and deploy still accept it`;
  }
}
