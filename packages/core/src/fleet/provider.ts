/** How a new digest replaces the running one. */
export type Strategy = 'rolling' | 'blue-green';

/** The two pools of a blue-green fleet; the live one takes the traffic. */
export type Colour = 'blue' | 'green';

/** What a deploy did: only `deployed` means the requested digest runs N/N healthy. */
export type DeployOutcome = 'deployed' | 'unchanged' | 'rolled-back';

/** Why a deploy was rolled back, when the engine says it was not the release (DeployResult.failure). */
export type DeployFailure = 'pull';

/** The instance's own health check, when the deploy sets it instead of the image's. */
export interface HealthCheck {
  /** Run inside the instance with a shell; exit 0 is healthy. */
  cmd: string;
  intervalMs?: number;
  timeoutMs?: number;
  retries?: number;
  startPeriodMs?: number;
}

/** One deploy, already parsed and validated at the edge. */
export interface DeployRequest {
  /** `repository@sha256:…`; tags are refused. */
  image: string;
  strategy: Strategy;
  /** Instances replaced at a time (rolling). */
  batchSize: number;
  /** How long the new instances may take to be N/N healthy before the deploy is rolled back. */
  healthTimeoutMs: number;
  /** Roll back by itself when the new digest does not converge (default in the actions: true). */
  autoRollback: boolean;
  /** Blue-green: how long the old colour stays running after the switch; 0 retires it at once. */
  keepWarmMs: number;
  /** How long a replaced batch must stay healthy before the next one starts. */
  monitorMs?: number;
  /** Size of the fleet; required on the first deploy, later deploys keep the current size. */
  replicas?: number;
  /** The port each instance serves on; required on the first deploy when traffic is routed. */
  port?: number;
  /** The network instances join (created when missing); first deploy only. */
  network?: string;
  health?: HealthCheck;
  /** Blue-green: called with the new colour's preview address before the switch; a throw refuses it. */
  preview?: (url: string) => Promise<void>;
}

/** One instance of the fleet as the engine reports it. */
export interface FleetTask {
  id: string;
  node: string;
  /** The engine's task state: `running`, `starting`, `failed` … */
  state: string;
  /** `healthy`, `unhealthy`, `starting`, `none` (no health check) or `unknown` (not observable). */
  health: string;
  /** The image reference the instance was created from. */
  image: string;
  /**
   * What the node's runtime reports it runs (a pod's `containerStatuses[].imageID`), when the
   * engine reports it apart from the spec: then it, not `image`, decides the digest.
   */
  imageId?: string;
  /** Where traffic reaches it (`ip:port`), when known. */
  address?: string;
  /** The engine's last error for the instance. */
  error?: string;
  /** The engine's revision of the spec the instance was made from (a launch template version). */
  revision?: string;
}

/** One instance's line in a convergence proof. */
export interface ProofRow {
  task: string;
  node: string;
  image: string;
  /** The digest the instance runs (from its image reference), if it names one. */
  digest?: string;
  state: string;
  health: string;
  /** The engine's revision the instance was made from, when the proof asked for one. */
  revision?: string;
  ok: boolean;
  /** Why the row does not count, when it does not. */
  why?: string;
}

/** One node's share of a convergence proof. */
export interface NodeCount {
  node: string;
  /** Its instances that run the digest and are healthy. */
  healthy: number;
  /** Its instances the engine wants running. */
  running: number;
}

/** The evidence that a fleet runs one digest N/N healthy (fleet/converged.ts computes it). */
export interface ConvergenceProof {
  converged: boolean;
  digest: string;
  replicas: number;
  /** Instances that run the digest and are healthy. */
  healthy: number;
  /** Instances the engine wants running. */
  running: number;
  tasks: ProofRow[];
  /** Instances per node (as the engine names nodes), so a fleet spread over nodes shows where it runs. */
  nodes: NodeCount[];
  /** `3/3 healthy on sha256:…`, for logs and summaries. */
  summary: string;
  /** What keeps it from converging, one line each. */
  problems: string[];
}

/** What runs now. */
export interface FleetState {
  target: string;
  exists: boolean;
  strategy?: Strategy;
  /** The image the fleet's spec asks for. */
  image?: string;
  /** The image the engine would roll back to. */
  previous?: string;
  replicas: number;
  /** Distinct digests of the instances that run now. */
  digests: string[];
  tasks: FleetTask[];
  /** Blue-green: the colour that takes traffic and, while it is kept warm, the other one. */
  live?: Colour;
  /**
   * The colour kept warm: its image, the end of its window and, where the provider read them
   * in the same look, its size and instances (a switch back then needs no second look).
   */
  warm?: { colour: Colour; image: string; until?: string; replicas?: number; tasks?: FleetTask[] };
}

export interface DeployResult {
  outcome: DeployOutcome;
  strategy: Strategy;
  /** The image asked for. */
  requested: string;
  /** The image the fleet runs now (the previous one after a rollback). */
  image: string;
  /** The image that ran before, if any. */
  previous?: string;
  /** Why it was rolled back. */
  reason?: string;
  /**
   * A rollback that is not the release's fault: `pull`, the engine could not pull the image
   * (blobs gone, registry unreachable), so the release never ran and nothing is known against it.
   */
  failure?: DeployFailure;
  /** N/N on the digest that runs now. */
  proof: ConvergenceProof;
  durationMs: number;
  /** Blue-green: where the new colour answered before the switch. */
  previewUrl?: string;
  /** Blue-green: the old colour stays running until then. */
  warmUntil?: string;
}

/**
 * A fleet on one engine. Providers translate to their engine only; gates, the ledger and the
 * choice of a rollback target live in core, above this interface.
 */
export interface FleetProvider {
  readonly kind: string;
  readonly target: string;
  current(): Promise<FleetState>;
  deploy(request: DeployRequest): Promise<DeployResult>;
  /**
   * Engine-native return to the previous spec, or a switch back to the warm colour. `seen` is
   * what this provider's current() returned just before: a provider may act on it rather than
   * look at the fleet again (what restores service sooner), and prove it after the switch.
   */
  rollback(seen?: FleetState): Promise<DeployResult>;
  /** Whether every running instance runs `digest` and `replicas` of `replicas` are healthy. */
  converged(digest: string, replicas: number): Promise<ConvergenceProof>;
}

/** A load balancer that moves traffic between the pools of a fleet in one step. */
export interface TrafficRouter {
  /** The URL users reach. */
  readonly url?: string;
  /** The colour the live route points at, or undefined before the first switch. */
  live(): Promise<Colour | undefined>;
  /** Makes `addresses` (`ip:port`) the servers of the colour's pool. */
  setEndpoints(colour: Colour, addresses: readonly string[]): Promise<void>;
  /** Waits until the balancer's own checks see `count` servers of the pool up. */
  waitReady(colour: Colour, count: number, timeoutMs: number): Promise<void>;
  /** Moves every new request to `colour`, atomically. */
  switchTo(colour: Colour): Promise<void>;
  /** Where the pool that is not live answers, for a check before the switch. */
  readonly previewUrl?: string;
}

/** A provider whose traffic goes through a router (blue-green needs one). */
export interface TrafficRouting {
  readonly router: TrafficRouter;
}

export function isTrafficRouting(p: FleetProvider): p is FleetProvider & TrafficRouting {
  const router = (p as Partial<TrafficRouting>).router;
  return typeof router === 'object' && router !== null && typeof router.switchTo === 'function';
}
