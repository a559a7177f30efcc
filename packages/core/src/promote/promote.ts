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
import { Ledger, type LedgerOptions } from '../ledger/store.js';
import type { StoredEntry } from '../ledger/entry.js';
import { info } from '../log.js';
import { copyImage, CopyVerificationError, type CopyResult } from '../oci/copy.js';
import { type Digest, digestProblem } from '../oci/digest.js';
import { descriptorOf } from '../oci/manifest.js';
import { type ImageReference, pinned, repositoryName } from '../oci/reference.js';
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

/** One store per repository, so the source, the target and a ledger may be the same one. */
function storesOf(
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

/**
 * Promotes one digest: every gate (the digest exists, is not quarantined, has passing
 * validation evidence, runs healthy in the source environment, has soaked there), then a copy by
 * digest with all its referrers, a read-back at the target, and a `promote` entry in the target
 * environment's ledger. A failed gate (GateRefusedError) copies and records nothing.
 */
export async function promote(req: PromoteRequest, deps: PromoteDeps): Promise<PromoteResult> {
  const started = Date.now();
  const log = deps.log ?? info;
  const now = deps.now ?? (() => new Date());
  const store = storesOf(
    deps.open ?? ((ref) => deps.registries.repository(ref.registry, ref.repository)),
  );
  const source = store(req.source);
  const target = store(req.target);
  const sourceLedgerStore = store(req.sourceLedger);
  const targetLedgerStore = store(req.targetLedger);
  const sourceLedger = req.sourceEnvironment
    ? new Ledger(sourceLedgerStore, req.sourceEnvironment, deps.ledger)
    : undefined;

  const digest = req.digest ?? (await runningIn(sourceLedger as Ledger));
  const what = `promote of ${pinned(req.source, digest)} to ${req.toEnvironment}`;
  log(`${what}: checking gates`);
  const gates = await runGates(
    [
      () => digestExists(source, digest),
      () => notQuarantined(sourceLedgerStore, digest),
      // A quarantine recorded in the target's own ledger repository counts as much.
      ...(targetLedgerStore !== sourceLedgerStore
        ? [() => notQuarantined(targetLedgerStore, digest)]
        : []),
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
  const entry = await new Ledger(targetLedgerStore, req.toEnvironment, deps.ledger).append(
    {
      action: 'promote',
      outcome: 'promoted',
      digest,
      duration_ms: Date.now() - started,
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
    `recorded promote seq ${entry.entry.seq} in ${targetLedgerStore.label}:kiln-ledger-${req.toEnvironment} (${entry.digest})`,
  );
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
    durationMs: Date.now() - started,
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
