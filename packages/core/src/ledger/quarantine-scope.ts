import type { Digest } from '../oci/digest.js';
import { repositoryName, type ImageReference } from '../oci/reference.js';
import { quarantinedAfter } from './chain.js';
import type { ArtifactStore } from '../oci/store.js';
import type { LedgerRef } from './ledger-repository.js';
import type { Ledger, LedgerOptions } from './store.js';
import { type LedgerWitness, witnessedLedger } from './witness.js';

/** Where a digest's quarantine is looked for. */
export interface QuarantineScope {
  /** Every environment's ledger kiln.yml names: each head carries its quarantines. */
  ledgers: Ledger[];
  /** Stores whose referrers of the digest are searched too (ledgers kiln.yml does not name). */
  stores: ArtifactStore[];
}

/**
 * The ledgers of `refs` (kiln.yml's environments), anchored at their witnessed heads, with
 * `own` (the ledgers the action reads and writes) in place of theirs, so one verified head
 * serves both; and the stores of all of them for the referrers search.
 */
export async function quarantineScope(
  own: Ledger | Ledger[],
  refs: readonly LedgerRef[],
  open: (ref: ImageReference) => ArtifactStore,
  witness: LedgerWitness | undefined,
  opts: LedgerOptions = {},
): Promise<QuarantineScope> {
  const mine = Array.isArray(own) ? own : [own];
  const others = refs.filter(
    (r) => !mine.some((l) => r.env === l.env && open(r.repository).label === l.store.label),
  );
  const ledgers = [
    ...mine,
    ...(await Promise.all(
      others.map((r) => witnessedLedger(open(r.repository), r.env, witness, opts)),
    )),
  ];
  const stores = new Map<string, ArtifactStore>();
  for (const l of ledgers) stores.set(l.store.label, l.store);
  return { ledgers, stores: [...stores.values()] };
}

/** Stores opened once per repository, so ledgers in one repository share a client. */
export function storeCache(
  open: (ref: ImageReference) => ArtifactStore,
): (ref: ImageReference) => ArtifactStore {
  const stores = new Map<string, ArtifactStore>();
  return (ref) => {
    const key = repositoryName(ref);
    let s = stores.get(key);
    if (!s) stores.set(key, (s = open(ref)));
    return s;
  };
}

/** Every digest the scope's ledgers quarantine, from their (verified) heads. */
export async function quarantinedIn(scope: QuarantineScope): Promise<Set<Digest>> {
  const heads = await Promise.all(scope.ledgers.map((l) => l.head()));
  return new Set(heads.flatMap((h) => (h ? quarantinedAfter(h).map((q) => q.digest) : [])));
}
