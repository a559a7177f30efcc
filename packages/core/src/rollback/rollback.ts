import {
  type FleetDeps,
  openProvider,
  environmentLedger,
  RolledBackError,
  replaceFleet,
  type ReplaceFleetResult,
} from '../deploy/replace-fleet.js';
import {
  describeQuarantine,
  quarantineRolledBack,
  type RolledBackQuarantine,
} from '../deploy/quarantine-rolled-back.js';
import { ConfigurationError, invalidInput } from '../errors.js';
import { shortDigest } from '../fleet/converged.js';
import {
  assertGatesPassed,
  digestExists,
  type GateResult,
  notQuarantined,
  promotedInto,
  ranHealthyIn,
  runGates,
} from '../gates/index.js';
import { REASON_MAX, type StoredEntry } from '../ledger/entry.js';
import { current, lastKnownGood } from '../ledger/queries.js';
import type { Ledger } from '../ledger/store.js';
import { quarantinedIn } from '../ledger/quarantine-scope.js';
import type { Digest } from '../oci/digest.js';
import { descriptorOf } from '../oci/manifest.js';
import { formatReference, pinned } from '../oci/reference.js';
import type { ArtifactStore, ImageStore } from '../oci/store.js';
import { deployRequestFor, type RollbackRequest, type RollbackTarget } from './rollback-request.js';
import { type RollbackPath, SwitchBackProvider } from './switch-back.js';

/**
 * replace-fleet's gates rollback answers itself, with its own `ran-healthy`, before anything
 * changes (replace-fleet shows them as skipped): a refusal must come before the quarantine.
 */
export const ANSWERED_GATES = ['digest-exists', 'not-quarantined', 'promoted'];

/** The digest a rollback goes to, and how `to` chose it. */
export interface ResolvedTarget {
  digest: Digest;
  /** One line: `previous: …`, `ledger seq 7: …` or `digest given`. */
  how: string;
  /** The ledger entry `to` named (previous, seq). */
  entry?: StoredEntry;
}

/** What the quarantine step did to the digest rolled back from (a failure fails the step). */
export type QuarantineStep = RolledBackQuarantine;

export interface RollbackResult {
  environment: string;
  outcome: ReplaceFleetResult['outcome'];
  /** `repository@sha256:…` rolled back to. */
  to: string;
  toDigest: Digest;
  /** `repository@sha256:…` that ran before (the ledger's current digest). */
  from: string;
  fromDigest: Digest;
  target: ResolvedTarget;
  path: RollbackPath;
  quarantine: QuarantineStep;
  reason: string;
  /** Rollback's own guards, then replace-fleet's gates. */
  gates: GateResult[];
  deploy: ReplaceFleetResult;
  /** From the first ledger read to the ledger entry of the rollback. */
  durationMs: number;
}

/**
 * Rolls an environment back to an earlier known-good digest through replace-fleet's path.
 * Before the fleet is touched (ConfigurationError, nothing changed): the environment runs
 * something by its ledger, and the target is another digest that still exists in the registry,
 * ran healthy in the environment before, is not quarantined, and (kiln.yml `requires:`) was
 * promoted into it. Then the digest rolled back from is quarantined (unless `quarantine` is
 * off), so promote and deploy refuse it, and replace-fleet deploys the target and records a
 * `rollback` entry with the reason. Inside a blue-green keep-warm window that deploy is one
 * traffic switch back (SwitchBackProvider). The quarantine entry is written while the engine
 * moves (the registry and the engine work at the same time, so restoring service does not wait
 * for the registry); the fleet's deploy returns only once it is written, so the chain holds the
 * quarantine before the rollback. The one look at the fleet starts with the rollback, beside
 * the ledger's first read, the target's resolution and the guards, for the same reason.
 */
export async function rollback(req: RollbackRequest, deps: FleetDeps): Promise<RollbackResult> {
  if (req.reason.length > REASON_MAX)
    throw invalidInput(
      'reason',
      `${req.reason.slice(0, 40)}…`,
      `is ${req.reason.length} characters; the ledger keeps at most ${REASON_MAX}`,
    );
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? (() => {});
  const started = now().getTime();
  const { stores, ledger, scope } = await environmentLedger(
    req.fleet,
    req.repository,
    deps,
    now,
    log,
  );
  const image = (d: Digest): string => pinned(req.repository, d);

  // The fleet is looked at from the start, while the ledger is read, the target resolved and
  // the guards run (registry reads, no change anywhere): that look is the one replace-fleet
  // takes and a switch back acts on. A failure of it surfaces where replace-fleet looks, after
  // the ledger and the guards, so a refusal is still what a rollback that cannot go reports.
  const given = deps.provider;
  const opening = given ? Promise.resolve(given) : openProvider(req.fleet, log, deps.tuning);
  const opened = kept(opening);
  const look = kept(given ? given.current() : opening.then((p) => p.current()));
  const from = await current(ledger);
  if (!from)
    throw new ConfigurationError(
      `${req.environment} runs nothing by its ledger (${ledger.tag} in ${stores.ledger.label}): there is nothing to roll back`,
    );
  // Only `previous` chooses among digests: the other targets are checked by the gates below.
  const skip = req.to.kind === 'previous' ? await quarantinedIn(scope) : undefined;
  const target = await resolveTarget(ledger, req.to, from, skip);
  if (target.digest === from)
    throw invalidInput(
      'to',
      target.digest,
      `${req.environment} already runs it (${target.how}): there is nothing to roll back to`,
    );
  log(
    `rollback ${req.environment}: from ${image(from)} to ${image(target.digest)} (${target.how})`,
  );

  const guards = await runGates(
    [
      () => digestExists(stores.image, target.digest),
      () => ranHealthyIn(ledger, target.digest),
      () => notQuarantined(scope, target.digest),
      ...(req.fleet.requires
        ? [() => promotedInto(ledger, target.digest, req.fleet.requires as string)]
        : []),
    ],
    { log },
  );
  assertGatesPassed(guards, `rollback of ${req.environment} to ${image(target.digest)}`);

  // Written only once the fleet was reached and moved onto the target (a rollback that never
  // reached the engine, or whose target did not come up, changed nothing and blames nothing),
  // and before replace-fleet's entry, so the chain holds the quarantine before the rollback.
  let step: QuarantineStep = req.quarantine ? { kind: 'not-moved' } : { kind: 'off' };
  const afterMove = async (): Promise<void> => {
    if (req.quarantine) step = await quarantineFrom(req, deps, stores, from, log);
  };
  const provider = new SwitchBackProvider(await opened(), log, afterMove, look);
  const deploy = await replaceFleet(
    deployRequestFor(req, target.digest),
    { ...deps, provider, stores },
    { action: 'rollback', reason: req.reason, skipGates: ANSWERED_GATES },
  );
  const path = provider.path ?? {
    kind: 'redeploy',
    line: 'rollback path: none: the fleet already ran the digest',
  };
  return {
    environment: req.environment,
    outcome: deploy.outcome,
    to: image(target.digest),
    toDigest: target.digest,
    from: image(from),
    fromDigest: from,
    target,
    path,
    quarantine: step,
    reason: req.reason,
    gates: [...guards.results, ...deploy.gates.filter((g) => g.status !== 'skip')],
    deploy,
    durationMs: Math.max(0, Math.round(now().getTime() - started)),
  };
}

/**
 * Why a finished rollback fails its step (exit 2), after its outputs and summary: the target
 * did not come up (the fleet is back where it was), or the quarantine could not be written.
 */
export function rollbackFailure(r: RollbackResult): Error | undefined {
  if (r.outcome === 'rolled-back') return new RolledBackError(r.deploy);
  if (r.quarantine.kind === 'failed')
    return new Error(
      `rolled back ${r.environment} to ${r.to}, but ${r.fromDigest} could not be quarantined: ${r.quarantine.error}; promote and deploy still accept it until a rollback with quarantine (or a re-run) records it`,
      { cause: r.quarantine.cause },
    );
  return undefined;
}

/**
 * The digest `to` names, read from the environment's ledger for `previous` and a sequence
 * number. `previous` is the newest known-good digest before `from` that is neither `from` nor
 * quarantined (`quarantined`: in any environment): after v1, v2, v3 and a rollback to v2 that
 * quarantined v3, it is v1.
 */
export async function resolveTarget(
  ledger: Ledger,
  to: RollbackTarget,
  from: Digest,
  quarantined: ReadonlySet<Digest> = new Set(),
): Promise<ResolvedTarget> {
  if (to.kind === 'digest') return { digest: to.digest, how: 'digest given' };
  if (to.kind === 'previous') {
    const entry = await lastKnownGood(ledger, from, quarantined);
    if (!entry)
      throw new ConfigurationError(
        `${ledger.env} has no known-good digest before ${from} that is not quarantined in its ledger (${ledger.store.label}): name one with input "to" (a digest or a ledger sequence number)`,
      );
    return {
      digest: entry.entry.digest,
      how: `previous: the last known-good before ${shortDigest(from)} not quarantined, ledger seq ${entry.entry.seq}`,
      entry,
    };
  }
  const head = await ledger.head();
  const last = head?.entry.seq ?? 0;
  if (to.seq > last)
    throw invalidInput(
      'to',
      String(to.seq),
      `${ledger.env}'s ledger has ${last} entries (${ledger.store.label})`,
    );
  // Newest first: the walk stops at the entry asked for, so its cost is the distance back.
  const walked = await ledger.history(last - to.seq + 1);
  const entry = walked.find((s) => s.entry.seq === to.seq);
  if (!entry)
    throw new ConfigurationError(
      `${ledger.env}'s ledger has no entry with seq ${to.seq} on its chain from the head (${ledger.store.label}); check it with a ledger verify`,
    );
  return {
    digest: entry.entry.digest,
    how: `ledger seq ${to.seq}: ${entry.entry.action} ${entry.entry.outcome} at ${entry.entry.at}`,
    entry,
  };
}

/** A promise started now and awaited later: its failure waits for that await, never unhandled. */
function kept<T>(p: Promise<T>): () => Promise<T> {
  const settled = p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return async () => {
    const s = await settled;
    if (s.ok) return s.value;
    throw s.error;
  };
}

/** Quarantines the digest rolled back from, once: a re-run finds the entry and adds none. */
async function quarantineFrom(
  req: RollbackRequest,
  deps: FleetDeps,
  stores: { image: ImageStore; ledger: ArtifactStore },
  from: Digest,
  log: (line: string) => void,
): Promise<QuarantineStep> {
  // A ledger in a repository of its own names the image by its descriptor (it is not there).
  const separate =
    formatReference(req.fleet.ledgerRepository) !==
    formatReference({ registry: req.repository.registry, repository: req.repository.repository });
  const run = deps.run ?? {};
  const step = await quarantineRolledBack(
    stores.ledger,
    req.environment,
    from,
    req.reason,
    async () => ({
      actor: run.actor ?? process.env.USER ?? 'unknown',
      commit: run.commit ?? '',
      run_url: run.runUrl ?? '',
      ...(separate ? { subject: descriptorOf(await stores.image.getManifest(from)) } : {}),
      ledger: { ...(deps.now ? { now: deps.now } : {}), ...deps.ledger },
    }),
  );
  log(`quarantine: ${describeQuarantine(step, from)}`);
  return step;
}
