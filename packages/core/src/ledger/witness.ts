import { errorMessage } from '../errors.js';
import type { Digest } from '../oci/digest.js';
import type { ArtifactStore } from '../oci/store.js';
import { Ledger, type LedgerOptions, type WitnessedHead } from './store.js';

/**
 * Somewhere outside the registry that remembers each environment's newest ledger head: a
 * registry writer can rewrite or truncate a hash chain consistently, but cannot make the head
 * descend from one the witness recorded. On GitHub, the environment's Deployment statuses; for
 * local runs, a state file.
 */
export interface LedgerWitness {
  /** For logs and errors, e.g. `GitHub Deployments of acme/shop`. */
  readonly label: string;
  /** The head last recorded for `env`'s ledger in the store labelled `ledger`, if any. */
  last(env: string, ledger: string): Promise<WitnessedHead | undefined>;
  /** Records `head` as `env`'s newest; returns false when there was nowhere to record it. */
  record(env: string, ledger: string, head: { digest: Digest; seq: number }): Promise<boolean>;
}

/**
 * `env`'s ledger in `store`, anchored at the head the witness last recorded: every head it
 * reads must descend from that one. A witness that cannot be read is a warning, and the ledger
 * is checked link by link only.
 */
export async function witnessedLedger(
  store: ArtifactStore,
  env: string,
  witness: LedgerWitness | undefined,
  opts: LedgerOptions & { log?: (line: string) => void } = {},
): Promise<Ledger> {
  const { log, ...options } = opts;
  // The name is checked before the witness is asked.
  new Ledger(store, env, options);
  let anchor: WitnessedHead | undefined;
  if (witness) {
    try {
      anchor = await witness.last(env, store.label);
    } catch (err) {
      log?.(
        `witness: ${witness.label} could not be read (${errorMessage(err)}); the ledger of ${env} is checked link by link only`,
      );
    }
  }
  return new Ledger(store, env, { ...options, ...(anchor ? { anchor } : {}) });
}

/**
 * Records the newest head `ledger` verified or wrote with the witness. Never throws: a run that
 * did its work is not failed by its witness; the log says what was not recorded.
 */
export async function witnessHead(
  ledger: Ledger,
  witness: LedgerWitness | undefined,
  log: (line: string) => void,
): Promise<void> {
  const head = ledger.verifiedHead;
  if (!witness || !head) return;
  const what = `#${head.entry.seq} ${head.digest}`;
  try {
    const done = await witness.record(ledger.env, ledger.store.label, {
      digest: head.digest,
      seq: head.entry.seq,
    });
    log(
      done
        ? `witness: ${ledger.env} head ${what} recorded in ${witness.label}`
        : `witness: ${ledger.env} head ${what} not recorded: ${witness.label} has nothing of ${ledger.env} to record it on yet`,
    );
  } catch (err) {
    log(
      `witness: ${ledger.env} head ${what} could not be recorded in ${witness.label}: ${errorMessage(err)}`,
    );
  }
}
