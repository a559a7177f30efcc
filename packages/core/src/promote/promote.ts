import { ConfigurationError } from '../errors.js';
import {
  assertGatesPassed,
  digestExists,
  type GateResult,
  healthyIn,
  notQuarantined,
  runGates,
  skipped,
  soakedFor,
  validated,
} from '../gates/index.js';
import { current } from '../ledger/queries.js';
import type { Ledger, LedgerOptions } from '../ledger/store.js';
import { quarantineScope, storeCache } from '../ledger/quarantine-scope.js';
import { type LedgerWitness, witnessHead, witnessedLedger } from '../ledger/witness.js';
import type { StoredEntry } from '../ledger/entry.js';
import { info } from '../log.js';
import { copyImage, CopyVerificationError, type CopyResult } from '../oci/copy.js';
import { type Digest, digestProblem } from '../oci/digest.js';
import { descriptorOf } from '../oci/manifest.js';
import { type ImageReference, pinned } from '../oci/reference.js';
import type { Registries } from '../oci/registries.js';
import type { ArtifactStore } from '../oci/store.js';
import type { PromoteRequest } from './promote-request.js';

/** Who and what run the promote entry is recorded with. */
export interface PromoteContext {
  actor: string;
  commit: string;
  run_url: string;
}

export interface PromoteDeps {
  registries: Registries;
  /** Opens a repository's store (default: from `registries`); tests pass in-memory stores. */
  open?: (ref: ImageReference) => ArtifactStore;
  context: PromoteContext;
  /** The clock min-soak is measured with. */
  now?: () => Date;
  log?: (line: string) => void;
  ledger?: LedgerOptions;
  /** Records the target's ledger head outside the registry; heads must descend from it. */
  witness?: LedgerWitness;
}

/** The copy proven at the target, and the entry that records it. */
export interface PromoteResult {
  /** `target@digest`. */
  image: string;
  digest: Digest;
  /** `source@digest`. */
  source: string;
  from?: string;
  to: string;
  gates: GateResult[];
  copy: CopyResult;
  /** Read back at the target: its digest, and the validation gate evaluated there. */
  readBack: { digest: Digest; mediaType: string; validated?: GateResult };
  ledger: { repository: string; entry: StoredEntry };
  durationMs: number;
}

/**
 * The copy finished but the target does not hold the image's validation evidence, so a gate
 * evaluated there would refuse it: operational (exit 2), nothing recorded.
 */
export class PromoteVerificationError extends Error {
  override readonly name = 'PromoteVerificationError';
}

/**
 * Promotes one digest: every gate (the digest exists, is not quarantined, has passing
 * validation evidence, runs healthy in the source environment, has soaked there), then a copy by
 * digest with all its referrers, a read-back at the target, and a `promote` entry in the target
 * environment's ledger. A failed gate (GateRefusedError) copies and records nothing.
 */
export async function promote(req: PromoteRequest, deps: PromoteDeps): Promise<PromoteResult> {
  const log = deps.log ?? info;
  const now = deps.now ?? (() => new Date());
  const started = now().getTime();
  // One store per repository, so the source, the target and a ledger may be the same one.
  const store = storeCache(
    deps.open ?? ((ref) => deps.registries.repository(ref.registry, ref.repository)),
  );
  const source = store(req.source);
  const target = store(req.target);
  const targetLedgerStore = store(req.targetLedger);
  const opts = { ...deps.ledger, log };
  const targetLedger = await witnessedLedger(
    targetLedgerStore,
    req.toEnvironment,
    deps.witness,
    opts,
  );
  const sourceLedger = req.sourceEnvironment
    ? await witnessedLedger(store(req.sourceLedger), req.sourceEnvironment, deps.witness, opts)
    : undefined;
  const scope = await quarantineScope(
    sourceLedger ? [targetLedger, sourceLedger] : [targetLedger],
    req.quarantineLedgers,
    store,
    deps.witness,
    deps.ledger,
  );

  const digest = req.digest ?? (await runningIn(sourceLedger as Ledger));
  const what = `promote of ${pinned(req.source, digest)} to ${req.toEnvironment}`;
  log(`${what}: checking gates`);
  const gates = await runGates(
    [
      () => digestExists(source, digest),
      // Every environment's ledger: a digest quarantined anywhere goes nowhere.
      () => notQuarantined(scope, digest),
      () =>
        req.requireValidation
          ? validated(source, digest)
          : Promise.resolve(skipped('validated', 'require-validation is false')),
      () =>
        sourceLedger && req.requireHealthy
          ? healthyIn(sourceLedger, digest)
          : Promise.resolve(
              skipped(
                'healthy',
                sourceLedger ? 'require-healthy is false' : 'no source environment',
              ),
            ),
      () =>
        sourceLedger
          ? soakedFor(sourceLedger, digest, req.minSoakMs, now())
          : Promise.resolve(skipped('min-soak', 'min-soak is 0')),
    ],
    { log },
  );
  assertGatesPassed(gates, what);

  log(`copying ${digest} with its referrers from ${source.label} to ${target.label}`);
  const copy = await copyImage(source, target, digest, { referrers: true, log });
  const back = await target.getManifest(digest);
  if (back.digest !== digest)
    throw new CopyVerificationError(
      `${target.label} holds ${back.digest} where ${digest} was copied`,
    );
  const readBack: PromoteResult['readBack'] = { digest: back.digest, mediaType: back.mediaType };
  if (req.requireValidation) {
    // The evidence travelled with the image: the same gate passes at the target.
    readBack.validated = await validated(target, digest);
    if (readBack.validated.status !== 'pass')
      throw new PromoteVerificationError(
        `${what}: copied, but the validation gate fails at ${target.label}: ${readBack.validated.reason}; nothing was recorded`,
      );
  }

  const evidence = gates.results
    .filter((g) => g.status === 'pass' && g.evidence && !digestProblem(g.evidence))
    .map((g) => g.evidence as Digest);
  const entry = await targetLedger.append(
    {
      action: 'promote',
      outcome: 'promoted',
      digest,
      duration_ms: now().getTime() - started,
      actor: deps.context.actor,
      commit: deps.context.commit,
      run_url: deps.context.run_url,
      evidence: [...new Set(evidence)],
      ...(req.sourceEnvironment ? { from: req.sourceEnvironment } : {}),
    },
    // The ledger may live in a repository of its own: the subject is the image at the target.
    { subject: descriptorOf(back) },
  );
  log(
    `recorded promote seq ${entry.entry.seq} in ${targetLedgerStore.label}:${targetLedger.tag} (${entry.digest})`,
  );
  await witnessHead(targetLedger, deps.witness, log);
  return {
    image: pinned(req.target, digest),
    digest,
    source: pinned(req.source, digest),
    ...(req.sourceEnvironment ? { from: req.sourceEnvironment } : {}),
    to: req.toEnvironment,
    gates: gates.results,
    copy,
    readBack,
    ledger: { repository: targetLedgerStore.label, entry },
    durationMs: now().getTime() - started,
  };
}

/** The digest running in the source environment, for `from-environment` without a digest. */
async function runningIn(ledger: Ledger): Promise<Digest> {
  const digest = await current(ledger);
  if (!digest)
    throw new ConfigurationError(
      `Input "from-environment" is ${JSON.stringify(ledger.env)}: nothing runs there according to its ledger (${ledger.store.label}:${ledger.tag}); deploy it there first, or name the digest in "image"`,
    );
  return digest;
}
