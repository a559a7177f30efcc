import type { EnvironmentConfig, KilnConfig } from '../config/kiln-config.js';
import { errorMessage } from '../errors.js';
import { digestOf } from '../fleet/converged.js';
import type { FleetProvider } from '../fleet/provider.js';
import { openFleet } from '../fleet/providers.js';
import type { LedgerAction, LedgerOutcome, StoredEntry } from '../ledger/entry.js';
import { current, deployedSince, lastKnownGood } from '../ledger/queries.js';
import { Ledger } from '../ledger/store.js';
import type { Digest } from '../oci/digest.js';
import type { ArtifactStore } from '../oci/store.js';

/** What the fleet's engine says, for the digest the ledger names (or the one the fleet runs). */
export interface FleetHealth {
  exists: boolean;
  /** The digest the N/N count is about. */
  digest?: string;
  /** Instances that run the digest and are healthy. */
  healthy: number;
  /** The size of the fleet. */
  replicas: number;
  converged: boolean;
  /** Distinct digests the instances run now. */
  running: string[];
  /** What keeps it from N/N, one line each (text from the engine: untrusted). */
  problems: string[];
}

/** One row of `kiln status`. */
export interface EnvironmentStatus {
  environment: string;
  provider: string;
  target: string;
  /** The digest the ledger says runs; undefined: not deployed (through Kiln) yet. */
  digest?: Digest;
  /** When the current run of `digest` began (ISO). */
  since?: string;
  /** Undefined when the fleet could not be read (see fleetError). */
  fleet?: FleetHealth;
  fleetError?: string;
  /** The newest ledger entry; undefined: no ledger for the environment. */
  head?: { seq: number; entry: Digest; action: LedgerAction; outcome: LedgerOutcome; at: string };
  /** The newest digest that ran healthy before the current one: where a rollback goes. */
  lastKnownGood?: { digest: Digest; seq: number; at: string };
}

export interface StatusDeps {
  /** The ledger's repository (`ledger.repository` of kiln.yml, else the image's). */
  store: ArtifactStore;
  /** The fleet of an environment; default: loadProvider with the environment's settings. */
  fleet?: (env: EnvironmentConfig) => Promise<FleetProvider>;
  /** Engine address for environments whose settings name none (DOCKER_HOST). */
  dockerHost?: string;
}

/**
 * A ledger whose head is read once: the queries each start from the head, and one status
 * row must describe one moment, not a head that moved between two of its columns.
 */
class HeadSnapshot extends Ledger {
  private headRead: Promise<StoredEntry | undefined> | undefined;
  override head(): Promise<StoredEntry | undefined> {
    this.headRead ??= super.head();
    return this.headRead;
  }
}

/** The provider for an environment from its kiln.yml settings, loaded on first use. */
export async function environmentFleet(
  env: EnvironmentConfig,
  dockerHost?: string,
): Promise<FleetProvider> {
  if (env.provider !== 'swarm') return openFleet(env);
  const host = env.settings.dockerHost ?? dockerHost;
  return openFleet({
    ...env,
    settings: { ...env.settings, ...(host ? { dockerHost: host } : {}) },
  });
}

/** The fleet's N/N on `digest` (else on what it runs), never throwing: a row shows the error. */
async function fleetHealth(
  provider: FleetProvider,
  digest: Digest | undefined,
): Promise<FleetHealth> {
  const state = await provider.current();
  const want = digest ?? (state.image ? digestOf(state.image) : undefined);
  if (!state.exists || !want)
    return {
      exists: state.exists,
      healthy: 0,
      replicas: state.replicas,
      converged: false,
      running: state.digests,
      problems: state.exists ? ['the fleet names no digest'] : [],
    };
  const proof = await provider.converged(want, state.replicas);
  return {
    exists: true,
    digest: want,
    healthy: proof.healthy,
    replicas: proof.replicas,
    converged: proof.converged,
    running: state.digests,
    problems: proof.problems,
  };
}

/** One environment's row: three ledger reads at most (the head, and the known-good entry). */
async function environmentStatus(
  env: EnvironmentConfig,
  deps: StatusDeps,
): Promise<EnvironmentStatus> {
  const ledger = new HeadSnapshot(deps.store, env.name);
  const fleetOf = deps.fleet ?? ((e: EnvironmentConfig) => environmentFleet(e, deps.dockerHost));
  const [head, digest] = await Promise.all([ledger.head(), current(ledger)]);
  const [since, good, fleet] = await Promise.all([
    digest ? deployedSince(ledger, digest) : undefined,
    head ? lastKnownGood(ledger) : undefined,
    fleetOf(env)
      .then((p) => fleetHealth(p, digest))
      .then(
        (health) => ({ health }),
        (err: unknown) => ({ error: errorMessage(err) }),
      ),
  ]);
  return {
    environment: env.name,
    provider: env.provider,
    target: env.target,
    ...(digest ? { digest } : {}),
    ...(since ? { since: since.toISOString() } : {}),
    ...('health' in fleet ? { fleet: fleet.health } : { fleetError: fleet.error }),
    ...(head
      ? {
          head: {
            seq: head.entry.seq,
            entry: head.digest,
            action: head.entry.action,
            outcome: head.entry.outcome,
            at: head.entry.at,
          },
        }
      : {}),
    ...(good
      ? { lastKnownGood: { digest: good.entry.digest, seq: good.entry.seq, at: good.entry.at } }
      : {}),
  };
}

/**
 * Every environment of the config, in file order: what the ledger says runs, since when, and
 * whether the fleet runs it N/N healthy. Ledger failures (a corrupt entry) fail the status;
 * a fleet that cannot be read is shown on its row.
 */
export async function environmentsStatus(
  config: KilnConfig,
  deps: StatusDeps,
): Promise<EnvironmentStatus[]> {
  return Promise.all([...config.environments.values()].map((e) => environmentStatus(e, deps)));
}
