import { errorMessage } from '../errors.js';
import { ConvergenceError, digestOf, perNodeLine, shortDigest } from '../fleet/converged.js';
import { HaproxyRouter } from '../fleet/haproxy/router.js';
import type {
  ConvergenceProof,
  DeployOutcome,
  DeployRequest,
  DeployResult,
  FleetProvider,
  Strategy,
} from '../fleet/provider.js';
import { type FleetSettings, openFleet, type ProviderTuning } from '../fleet/providers.js';
import {
  digestExists,
  GateRefusedError,
  notQuarantined,
  promotedInto,
  runGates,
} from '../gates/index.js';
import type { GateResult } from '../gates/index.js';
import type { RunContext } from '../github/context.js';
import type { DeploymentHandle, DeploymentRecorder } from '../github/deployments.js';
import type { StoredEntry } from '../ledger/entry.js';
import { current } from '../ledger/queries.js';
import type { Ledger, LedgerOptions } from '../ledger/store.js';
import type { Digest } from '../oci/digest.js';
import { descriptorOf, type Descriptor } from '../oci/manifest.js';
import { formatReference, type ImageReference, pinned, repositoryName } from '../oci/reference.js';
import { type QuarantineScope, quarantineScope, storeCache } from '../ledger/quarantine-scope.js';
import { type LedgerWitness, witnessHead, witnessedLedger } from '../ledger/witness.js';
import type { Registries } from '../oci/registries.js';
import type { ArtifactStore, ImageStore } from '../oci/store.js';
import type { ReplaceFleetRequest } from './deploy-request.js';
import {
  describeQuarantine,
  ledgerReason,
  quarantineRolledBack,
  type RolledBackQuarantine,
  rolledBackReason,
  unquarantined,
} from './quarantine-rolled-back.js';

/** Gate names replaceFleet runs (what `skipGates` may list). */
export const DEPLOY_GATES = ['digest-exists', 'not-quarantined', 'promoted'] as const;

/** What replaceFleet talks to; everything but the registries has a default or is optional. */
export interface FleetDeps {
  registries: Registries;
  /** The fleet; default the request's provider, loaded with import(). */
  provider?: FleetProvider;
  /** Settings the default provider gets beyond kiln.yml and the inputs (clients, clocks). */
  tuning?: ProviderTuning;
  now?: () => Date;
  log?: (line: string) => void;
  /** GitHub Deployments of the environment (statuses in_progress, then success or failure). */
  github?: DeploymentRecorder;
  /** Who and what run the ledger entry names (default: this process's run context). */
  run?: Pick<RunContext, 'actor' | 'commit' | 'runUrl'>;
  /** The image and ledger stores, instead of the registries' (tests). */
  stores?: { image: ImageStore; ledger: ArtifactStore };
  ledger?: LedgerOptions;
  /** Records each ledger head outside the registry; heads must descend from what it recorded. */
  witness?: LedgerWitness;
}

/**
 * The environment's stores, its ledger anchored at the witness (the Ledger checks the name
 * before any call; its head is checked before use), and the quarantine scope around it: every
 * kiln.yml ledger, this one's store shared (one client, one verified head).
 */
export async function environmentLedger(
  fleet: Pick<ReplaceFleetRequest, 'environment' | 'ledgerRepository' | 'quarantineLedgers'>,
  image: ImageReference,
  deps: FleetDeps,
  now: () => Date,
  log: (line: string) => void,
): Promise<{
  stores: { image: ImageStore; ledger: ArtifactStore };
  ledger: Ledger;
  scope: QuarantineScope;
}> {
  const repo = fleet.ledgerRepository;
  const stores = deps.stores ?? {
    image: deps.registries.repository(image.registry, image.repository),
    ledger: deps.registries.repository(repo.registry, repo.repository),
  };
  const options = { now, ...deps.ledger };
  const ledger = await witnessedLedger(stores.ledger, fleet.environment, deps.witness, {
    ...options,
    log,
  });
  const open = storeCache((ref) =>
    repositoryName(ref) === repositoryName(repo)
      ? stores.ledger
      : deps.registries.repository(ref.registry, ref.repository),
  );
  const scope = await quarantineScope(ledger, fleet.quarantineLedgers, open, deps.witness, options);
  return { stores, ledger, scope };
}

export interface ReplaceFleetOptions {
  /** Rollback records a `rollback` entry through the same path. */
  action?: 'deploy' | 'rollback';
  reason?: string;
  /** Gates the caller has already answered (e.g. rollback's own guards); shown as skipped. */
  skipGates?: string[];
}

/** How long each phase took, for the log and the summary. */
export interface PhaseTiming {
  phase: 'gates' | 'deploy' | 'ledger';
  ms: number;
}

export interface ReplaceFleetResult {
  outcome: DeployOutcome;
  environment: string;
  target: string;
  strategy: Strategy;
  /** The image asked for. */
  requestedImage: string;
  /** The image the fleet runs now (the previous one after a rollback). */
  deployedImage: string;
  /** The image the fleet ran before this run, if any. */
  previousImage?: string;
  durationMs: number;
  /** The ledger entry that records this run (the head already saying so, for a repeated run). */
  ledgerEntry: Digest;
  /** Whether this run appended `ledgerEntry` (false: the ledger already said the digest runs). */
  recorded: boolean;
  seq: number;
  proof: ConvergenceProof;
  gates: GateResult[];
  timings: PhaseTiming[];
  reason?: string;
  previewUrl?: string;
  warmUntil?: string;
  /** A deploy rolled back: what became of its digest's quarantine (absent otherwise). */
  quarantine?: RolledBackQuarantine;
}

/**
 * A fleet that could not be kept running: the new digest did not converge and the fleet did not
 * get back to the previous one either (or auto-rollback is off). The ledger holds a `failed`
 * entry when it could be written.
 */
export class FleetFailedError extends Error {
  override readonly name = 'FleetFailedError';
  constructor(
    message: string,
    readonly entry: StoredEntry | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The requested digest did not converge and the fleet is back on the previous one: the step
 * fails (exit 2) after the outputs, the summary and the `rolled-back` entry are written.
 */
export class RolledBackError extends Error {
  override readonly name = 'RolledBackError';
  constructor(readonly result: ReplaceFleetResult) {
    super(
      `${result.requestedImage} did not converge in ${result.environment} (${result.reason ?? 'rolled back'}); the fleet is back on ${result.deployedImage}: ${result.proof.summary}; ledger entry #${result.seq} ${result.ledgerEntry}${result.quarantine ? `; ${describeQuarantine(result.quarantine, digestOf(result.requestedImage) ?? result.requestedImage)}` : ''}`,
    );
  }
}

/**
 * Replaces the environment's fleet with the request's digest: gates (the digest exists, is not
 * quarantined, was promoted from `requires`), then the provider's deploy (the engine replaces
 * the instances and proves N/N), then a ledger entry and GitHub deployment statuses. A refusal
 * (GateRefusedError) changes nothing; a rolled-back deploy is returned as `rolled-back`, never
 * as deployed, with its entry recorded.
 */
export async function replaceFleet(
  req: ReplaceFleetRequest,
  deps: FleetDeps,
  opts: ReplaceFleetOptions = {},
): Promise<ReplaceFleetResult> {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? (() => {});
  const action = opts.action ?? 'deploy';
  const started = now().getTime();
  const image = pinned(req.image, req.digest);
  const timings: PhaseTiming[] = [];
  const timed = async <T>(phase: PhaseTiming['phase'], fn: () => Promise<T>): Promise<T> => {
    const t = now().getTime();
    try {
      return await fn();
    } finally {
      timings.push({ phase, ms: now().getTime() - t });
    }
  };

  const { stores, ledger, scope } = await environmentLedger(req, req.image, deps, now, log);
  const separateLedger =
    formatReference(req.ledgerRepository) !==
    formatReference({ registry: req.image.registry, repository: req.image.repository });

  log(`${action} ${image} to ${req.environment} (${req.provider} ${req.target}, ${req.strategy})`);
  const skip = new Set(opts.skipGates ?? []);
  const gated =
    (gate: string, check: () => Promise<GateResult>) => async (): Promise<GateResult> =>
      skip.has(gate) ? { gate, status: 'skip', reason: 'answered by the caller' } : check();
  const gates = await timed('gates', () =>
    runGates(
      [
        gated('digest-exists', () => digestExists(stores.image, req.digest)),
        gated('not-quarantined', () => notQuarantined(scope, req.digest)),
        ...(req.requires
          ? [gated('promoted', () => promotedInto(ledger, req.digest, req.requires as string))]
          : []),
      ],
      { log },
    ),
  );
  if (!gates.passed)
    throw new GateRefusedError(gates.results, `${action} of ${image} to ${req.environment}`);
  // A ledger in a repository of its own names the image by its descriptor (it is not there).
  const subject: Descriptor | undefined = separateLedger
    ? descriptorOf(await stores.image.getManifest(req.digest))
    : undefined;

  const provider = deps.provider ?? (await openProvider(req, log, deps.tuning));
  const before = await provider.current();
  const ref = deps.run?.commit ?? req.digest;
  const deployment: DeploymentHandle | undefined = deps.github
    ? await deps.github.start({
        environment: req.environment,
        ref,
        digest: req.digest,
        image,
        ...(req.url ? { url: req.url } : {}),
      })
    : undefined;
  await deployment?.setStatus('in_progress');

  const run = deps.run ?? {};
  const entryBase = {
    action,
    digest: req.digest,
    actor: run.actor ?? process.env.USER ?? 'unknown',
    commit: run.commit ?? '',
    run_url: run.runUrl ?? '',
    evidence: [] as Digest[],
  };
  const append = (outcome: 'deployed' | 'unchanged' | 'rolled-back' | 'failed', reason?: string) =>
    ledger.append(
      {
        ...entryBase,
        outcome,
        duration_ms: Math.max(0, Math.round(now().getTime() - started)),
        ...((reason ?? opts.reason)
          ? { reason: ledgerReason((reason ?? opts.reason) as string) }
          : {}),
      },
      subject ? { subject } : {},
    );

  let result: DeployResult;
  try {
    result = await timed('deploy', () => provider.deploy(deployRequest(req, image, log)));
  } catch (err) {
    if (!(err instanceof ConvergenceError)) {
      await deployment?.setStatus('failure', { description: errorMessage(err) });
      throw err;
    }
    // The fleet is neither on the new digest nor back on the old: say so in the ledger.
    const entry = await append('failed', errorMessage(err)).catch((e: unknown) => {
      log(`ledger: the failed deploy could not be recorded: ${errorMessage(e)}`);
      return undefined;
    });
    await deployment?.setStatus('failure', { description: errorMessage(err) });
    await witnessHead(ledger, deps.witness, log);
    throw new FleetFailedError(
      `${action} of ${image} to ${req.environment} failed: ${errorMessage(err)}${entry ? `; ledger entry #${entry.entry.seq} ${entry.digest}` : ''}`,
      entry,
      { cause: err },
    );
  }
  log(`${result.outcome}: ${req.target} ${result.proof.summary}`);
  const spread = perNodeLine(result.proof);
  if (spread) log(`${req.target} ${spread}`);

  // A digest that failed its health here is refused everywhere afterwards. Written before the
  // deploy entry (as rollback writes its quarantine before its own entry), so the head still
  // says what this run did. A rollback that did not come up quarantines nothing: its target ran
  // healthy before, and the rollback action quarantines the digest it rolled back from.
  // An image the engine could not pull never ran: its rollback says nothing against it.
  const quarantining = req.quarantineOnRollback && result.failure !== 'pull';
  let quarantined: RolledBackQuarantine | undefined;
  if (result.outcome === 'rolled-back' && action === 'deploy') {
    quarantined = quarantining
      ? await timed('ledger', () =>
          quarantineRolledBack(
            stores.ledger,
            req.environment,
            req.digest,
            rolledBackReason(req.environment, result.reason),
            {
              actor: entryBase.actor,
              commit: entryBase.commit,
              run_url: entryBase.run_url,
              duration_ms: Math.max(0, Math.round(now().getTime() - started)),
              ...(subject ? { subject } : {}),
              ledger: { now, ...deps.ledger },
            },
          ),
        )
      : unquarantined(result.failure);
    log(`quarantine: ${describeQuarantine(quarantined, req.digest)}`);
  }

  // A repeated run of a digest the ledger already says runs adds nothing; one the engine
  // finished after a runner died (no entry yet) gets its `unchanged` entry now.
  const stored = await timed(
    'ledger',
    async (): Promise<{ entry: StoredEntry; recorded: boolean }> => {
      if (result.outcome === 'unchanged' && action === 'deploy') {
        const head = await ledger.head();
        if (head && (await current(ledger)) === req.digest) return { entry: head, recorded: false };
      }
      const entry = await append(result.outcome, result.reason);
      return { entry, recorded: true };
    },
  );
  log(
    `ledger ${req.environment}: ${stored.recorded ? 'entry' : 'already at'} #${stored.entry.entry.seq} ${stored.entry.entry.action} ${stored.entry.entry.outcome} ${shortDigest(req.digest)} (${stored.entry.digest})`,
  );
  await deployment?.setStatus(result.outcome === 'rolled-back' ? 'failure' : 'success', {
    description: `${result.outcome}: ${result.proof.summary}`,
  });
  // After the status: the witness restates the deployment's newest state with the head.
  await witnessHead(ledger, deps.witness, log);

  const previousImage =
    result.outcome === 'unchanged' ? before.image : (result.previous ?? before.image);
  return {
    outcome: result.outcome,
    environment: req.environment,
    target: req.target,
    strategy: req.strategy,
    requestedImage: image,
    deployedImage: result.image,
    ...(previousImage ? { previousImage } : {}),
    durationMs: Math.max(0, Math.round(now().getTime() - started)),
    ledgerEntry: stored.entry.digest,
    recorded: stored.recorded,
    seq: stored.entry.entry.seq,
    proof: result.proof,
    gates: gates.results,
    timings,
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.previewUrl ? { previewUrl: result.previewUrl } : {}),
    ...(result.warmUntil ? { warmUntil: result.warmUntil } : {}),
    ...(quarantined ? { quarantine: quarantined } : {}),
  };
}

/**
 * The part of a request that names the fleet and how to reach it: what opening the provider
 * needs (rollback opens it before its target, and so the request's digest, is known).
 */
export type FleetOfRequest = Pick<
  ReplaceFleetRequest,
  'provider' | 'target' | 'dockerHost' | 'url' | 'haproxy' | 'kubernetes' | 'kubeconfig' | 'awsAsg'
>;

/** The provider of the request's fleet, with its router; loaded with import() on first use. */
export async function openProvider(
  req: FleetOfRequest,
  log: (line: string) => void,
  tuning?: ProviderTuning,
): Promise<FleetProvider> {
  const router = req.haproxy
    ? new HaproxyRouter({
        socket: req.haproxy.socket,
        mapFile: req.haproxy.mapFile,
        ...(req.url ? { url: req.url } : {}),
        ...(req.haproxy.previewUrl ? { previewUrl: req.haproxy.previewUrl } : {}),
      })
    : undefined;
  return openFleet(fleetSettings(req), {
    log,
    ...(router ? { router } : {}),
    ...(req.kubeconfig ? { kubeconfig: req.kubeconfig } : {}),
    ...(req.url ? { url: req.url } : {}),
    ...(tuning ? { tuning } : {}),
  });
}

/** The request's fleet as kiln.yml describes it, the inputs already merged over it. */
export function fleetSettings(req: FleetOfRequest): FleetSettings {
  const target = req.target;
  switch (req.provider) {
    case 'kubernetes':
      return { provider: 'kubernetes', target, settings: req.kubernetes ?? {} };
    case 'aws-asg':
      return { provider: 'aws-asg', target, settings: req.awsAsg ?? {} };
    default:
      return {
        provider: 'swarm',
        target,
        settings: req.dockerHost ? { dockerHost: req.dockerHost } : {},
      };
  }
}

/** How long a preview check waits for one answer. */
export const PREVIEW_TIMEOUT_MS = 10_000;

/** The provider's request: the parsed inputs, and a preview check when a preview address is set. */
export function deployRequest(
  req: ReplaceFleetRequest,
  image: string,
  log: (line: string) => void,
): DeployRequest {
  return {
    image,
    strategy: req.strategy,
    batchSize: req.batchSize,
    healthTimeoutMs: req.healthTimeoutMs,
    autoRollback: req.autoRollback,
    keepWarmMs: req.keepWarmMs,
    ...(req.replicas !== undefined ? { replicas: req.replicas } : {}),
    ...(req.port !== undefined ? { port: req.port } : {}),
    ...(req.network ? { network: req.network } : {}),
    ...(req.health ? { health: req.health } : {}),
    ...(req.haproxy?.previewUrl
      ? {
          preview: async (url: string) => {
            const res = await fetch(url, { signal: AbortSignal.timeout(PREVIEW_TIMEOUT_MS) });
            await res.body?.cancel();
            log(`preview ${url}: HTTP ${res.status}`);
            if (res.status < 200 || res.status > 299)
              throw new Error(`the preview at ${url} answered HTTP ${res.status}`);
          },
        }
      : {}),
  };
}
