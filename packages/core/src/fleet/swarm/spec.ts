import type { Colour, DeployRequest, HealthCheck, Strategy } from '../provider.js';

/** Labels Kiln puts on the services it manages, so a later run knows what it made. */
export const LABEL = {
  target: 'dev.kiln.fleet.target',
  strategy: 'dev.kiln.fleet.strategy',
  colour: 'dev.kiln.fleet.colour',
  port: 'dev.kiln.fleet.port',
  network: 'dev.kiln.fleet.network',
  warmUntil: 'dev.kiln.fleet.warm-until',
} as const;

/** How long a replaced batch must stay healthy before the engine moves on, unless asked. */
export const DEFAULT_MONITOR_MS = 5_000;

/** The parts of `docker service inspect` the provider reads. */
export interface ServiceSpec {
  Name: string;
  Labels?: Record<string, string>;
  Mode?: { Replicated?: { Replicas?: number } };
  TaskTemplate: {
    ContainerSpec: { Image: string; Healthcheck?: { Test?: string[] } };
    Networks?: Array<{ Target: string }>;
  };
  EndpointSpec?: { Ports?: Array<{ TargetPort?: number; PublishMode?: string }> };
}

export interface ServiceInspect {
  ID: string;
  Version?: { Index: number };
  Spec: ServiceSpec;
  PreviousSpec?: ServiceSpec;
  /** `updating`, `paused`, `completed`, `rollback_started`, `rollback_paused`, `rollback_completed`. */
  UpdateStatus?: { State?: string; Message?: string };
}

export interface TaskInspect {
  ID: string;
  NodeID?: string;
  Spec: { ContainerSpec: { Image: string } };
  Status: {
    State: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string };
    PortStatus?: {
      Ports?: Array<{ TargetPort?: number; PublishedPort?: number; PublishMode?: string }>;
    };
  };
}

export interface ContainerInspect {
  Id: string;
  State: { Health?: { Status: string } };
  NetworkSettings: { Networks?: Record<string, { IPAddress?: string }> };
}

/** Engine update states during which the engine is still replacing tasks. */
export const IN_PROGRESS = new Set(['updating', 'rollback_started']);
/** Engine update states after a failed batch: nothing moves until someone acts. */
export const PAUSED = new Set(['paused', 'rollback_paused']);

export const serviceImage = (s: ServiceInspect): string => s.Spec.TaskTemplate.ContainerSpec.Image;
export const serviceReplicas = (s: ServiceInspect): number =>
  s.Spec.Mode?.Replicated?.Replicas ?? 0;
export const serviceLabel = (s: ServiceInspect, key: string): string | undefined =>
  s.Spec.Labels?.[key];

/** The service name of a colour of a blue-green fleet. */
export const colourService = (target: string, colour: Colour): string => `${target}-${colour}`;

/** A Go duration the engine's flags take. */
export const duration = (ms: number): string => `${Math.max(0, Math.round(ms))}ms`;

function healthFlags(h: HealthCheck | undefined): string[] {
  if (!h) return [];
  return [
    '--health-cmd',
    h.cmd,
    ...(h.intervalMs !== undefined ? ['--health-interval', duration(h.intervalMs)] : []),
    ...(h.timeoutMs !== undefined ? ['--health-timeout', duration(h.timeoutMs)] : []),
    ...(h.retries !== undefined ? ['--health-retries', String(h.retries)] : []),
    ...(h.startPeriodMs !== undefined ? ['--health-start-period', duration(h.startPeriodMs)] : []),
  ];
}

/**
 * Flags shared by create and update: the engine's own update and rollback policy (start-first,
 * `batchSize` at a time, a monitor window, rollback on failure) and the health check, so the
 * engine does the replacement and a runner that dies mid-way leaves a fleet that still converges.
 */
export function policyFlags(r: DeployRequest): string[] {
  const batch = String(r.batchSize);
  const monitor = duration(r.monitorMs ?? DEFAULT_MONITOR_MS);
  return [
    '--update-order',
    'start-first',
    '--update-parallelism',
    batch,
    '--update-delay',
    '0s',
    '--update-monitor',
    monitor,
    '--update-max-failure-ratio',
    '0',
    '--update-failure-action',
    r.autoRollback ? 'rollback' : 'pause',
    '--rollback-order',
    'start-first',
    '--rollback-parallelism',
    batch,
    '--rollback-monitor',
    monitor,
    '--rollback-failure-action',
    'pause',
    ...healthFlags(r.health),
    '--with-registry-auth',
  ];
}

/** `docker service create` for the first deploy of a service. */
export function createArgs(
  name: string,
  r: DeployRequest,
  opts: { target: string; strategy: Strategy; replicas: number; colour?: Colour },
): string[] {
  const labels: Record<string, string> = {
    [LABEL.target]: opts.target,
    [LABEL.strategy]: opts.strategy,
    ...(opts.colour ? { [LABEL.colour]: opts.colour } : {}),
    ...(r.port !== undefined ? { [LABEL.port]: String(r.port) } : {}),
    ...(r.network ? { [LABEL.network]: r.network } : {}),
  };
  return [
    'service',
    'create',
    '--detach',
    '--name',
    name,
    '--replicas',
    String(opts.replicas),
    // On a network the router reaches each task at its own address; without one, each task
    // publishes the port on its node (mode=host, a port the engine picks: two tasks on one node
    // and start-first both need their own). The ingress mesh is not used.
    ...(r.network
      ? ['--network', r.network]
      : r.port !== undefined
        ? ['--publish', `mode=host,target=${r.port}`]
        : []),
    ...Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    ...policyFlags(r),
    r.image,
  ];
}

/**
 * `docker service update` to a new digest: one spec change (labels included), so the engine's
 * previous spec is the one before the deploy and its rollback returns there.
 */
export function updateArgs(
  name: string,
  r: DeployRequest,
  replicas?: number,
  removeLabels: readonly string[] = [],
): string[] {
  return [
    'service',
    'update',
    '--detach',
    ...policyFlags(r),
    ...(replicas !== undefined ? ['--replicas', String(replicas)] : []),
    ...removeLabels.flatMap((k) => ['--label-rm', k]),
    '--image',
    r.image,
    name,
  ];
}
