import type { DockerCli } from '../../engine/docker-cli.js';
import { sleep as realSleep } from '../../util/retry.js';
import { digestOf, proveConvergence, shortDigest } from '../converged.js';
import type { Colour, ConvergenceProof, FleetTask, TrafficRouter } from '../provider.js';
import { foundPart, isNotFound, swarmError, type TaskRecord } from './errors.js';
import {
  type ContainerInspect,
  IN_PROGRESS,
  LABEL,
  PAUSED,
  type ServiceInspect,
  serviceImage,
  serviceLabel,
  type TaskInspect,
} from './spec.js';

/** The engine calls the swarm provider makes: a narrow slice of the docker CLI, so tests pass a fake. */
export type SwarmClient = Pick<DockerCli, 'run' | 'output'>;

export interface SwarmSettings {
  /** The service (rolling) or the prefix of the two colour services (blue-green). */
  target: string;
  docker: SwarmClient;
  /** The load balancer in front of the fleet; blue-green needs one. */
  router?: TrafficRouter;
  log?: (line: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Time between two looks at the engine. */
  pollMs?: number;
  /** Blue-green: how long the old colour keeps answering requests it already has after the switch. */
  drainMs?: number;
}

/** The label the engine puts on a task's container: the service it belongs to. */
const SERVICE_NAME_LABEL = 'com.docker.swarm.service.name';

/** The first round of a look at tasks (SwarmContext.listTasks). */
export interface TaskListing {
  /** Task ids the engine wants running, by service name. */
  ids: Map<string, string[]>;
  /** Containers of those services running on this engine. */
  local: string[];
  /** Every node the manager knows, by id. */
  nodes: Map<string, SwarmNode>;
}

/** A node as the manager reports it (`docker node ls`). */
export interface SwarmNode {
  /** `Ready`, `Down`, `Unknown` or `Disconnected`. */
  status: string;
  /** `Active`, `Pause` or `Drain`. */
  availability: string;
}

/** How a wait for a digest ended. */
export type WaitEnd =
  | { kind: 'converged'; proof: ConvergenceProof; service: ServiceInspect }
  /** The service's spec no longer asks for the digest: the engine rolled it back (or someone changed it). */
  | { kind: 'reverted'; proof: ConvergenceProof; service: ServiceInspect; message: string }
  | { kind: 'paused'; proof: ConvergenceProof; service: ServiceInspect; message: string }
  | { kind: 'timeout'; proof: ConvergenceProof; service: ServiceInspect | undefined };

const DEFAULT_POLL_MS = 500;
const DEFAULT_DRAIN_MS = 1_000;

/**
 * What the strategies share: the engine (one way: the docker CLI), the clock, the log and the
 * router, and the few engine reads and writes every strategy needs.
 */
export class SwarmContext {
  readonly target: string;
  readonly router: TrafficRouter | undefined;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly pollMs: number;
  readonly drainMs: number;
  private readonly docker: SwarmClient;
  private readonly logLine: (line: string) => void;

  constructor(s: SwarmSettings) {
    this.target = s.target;
    this.docker = s.docker;
    this.router = s.router;
    this.logLine = s.log ?? (() => {});
    this.now = s.now ?? Date.now;
    this.sleep = s.sleep ?? realSleep;
    this.pollMs = s.pollMs ?? DEFAULT_POLL_MS;
    this.drainMs = s.drainMs ?? DEFAULT_DRAIN_MS;
  }

  log(line: string): void {
    this.logLine(line);
  }

  /** Runs a docker command; failures go through errors.ts. */
  async run(args: string[], doing: string, service?: string): Promise<string> {
    try {
      return await this.docker.output(args);
    } catch (err) {
      throw swarmError(err, doing, service);
    }
  }

  async inspect(name: string): Promise<ServiceInspect | undefined> {
    return (await this.inspectAll([name])).get(name);
  }

  /** Several services in one engine call, by name; a missing one is absent from the map. */
  async inspectAll(names: readonly string[]): Promise<Map<string, ServiceInspect>> {
    const found = await this.inspectObjects<ServiceInspect>(
      ['service', 'inspect', ...names],
      `inspect service ${names.join(', ')}`,
      names.length === 1 ? names[0] : undefined,
    );
    return new Map(found.map((s) => [s.Spec.Name, s]));
  }

  /** A many-object inspect: the objects that exist (one missing does not fail the rest). */
  private async inspectObjects<T>(args: string[], doing: string, service?: string): Promise<T[]> {
    let out: string;
    try {
      out = await this.docker.output(args);
    } catch (err) {
      const part = foundPart(err);
      if (part === undefined) throw swarmError(err, doing, service);
      out = part;
    }
    return out ? (JSON.parse(out) as T[]) : [];
  }

  /** A swarm-scoped bridge network: tasks get addresses the host (and its router) can reach. */
  async ensureNetwork(name: string): Promise<void> {
    try {
      const [scope, driver] = (
        await this.docker.output(['network', 'inspect', name, '--format', '{{.Scope}} {{.Driver}}'])
      ).split(' ');
      if (scope !== 'swarm')
        throw swarmError(
          new Error(
            `network ${name} exists with scope ${scope} and driver ${driver}; services need a swarm-scoped network`,
          ),
          `use network ${name}`,
        );
      return;
    } catch (err) {
      if (!isNotFound(err)) throw swarmError(err, `inspect network ${name}`);
    }
    await this.run(
      [
        'network',
        'create',
        '--scope',
        'swarm',
        '--driver',
        'bridge',
        '--label',
        `${LABEL.target}=${this.target}`,
        name,
      ],
      `create network ${name}`,
    );
    this.log(`network ${name} (swarm-scoped bridge) created`);
  }

  /**
   * The tasks the engine wants running, with health and address. Health comes from the
   * container where it runs on this engine; elsewhere a running task of a service with a
   * health check is healthy (the engine reports it running only once its check passed).
   */
  async tasks(name: string, service?: ServiceInspect): Promise<FleetTask[]> {
    const [listing, found] = await Promise.all([
      this.listTasks([name]),
      service ? new Map([[name, service]]) : this.inspectAll([name]),
    ]);
    return (await this.tasksOf(listing, found)).get(name) ?? [];
  }

  /**
   * The first of the two rounds of a look at tasks: each service's task ids and this engine's
   * containers of them, all side by side. A missing service lists none.
   */
  async listTasks(names: readonly string[]): Promise<TaskListing> {
    const only = names.length === 1 ? `=${names[0]}` : '';
    const [ids, local, nodes] = await Promise.all([
      Promise.all(names.map((n) => this.taskIds(n))),
      this.run(
        [
          'ps',
          '--no-trunc',
          '--filter',
          `label=${SERVICE_NAME_LABEL}${only}`,
          '--format',
          `{{.ID}} {{.Label "${SERVICE_NAME_LABEL}"}}`,
        ],
        `list the containers of ${names.join(', ')}`,
      ),
      this.nodes(),
    ]);
    const wanted = new Set(names);
    return {
      ids: new Map(names.map((n, i) => [n, ids[i] ?? []])),
      local: local
        .split('\n')
        .map((l) => l.trim().split(' '))
        .filter((p) => p.length === 2 && wanted.has(p[1] as string))
        .map((p) => p[0] as string),
      nodes,
    };
  }

  /** The swarm's nodes, one engine call (a look reads them once, beside its task listings). */
  private async nodes(): Promise<Map<string, SwarmNode>> {
    const out = await this.run(
      ['node', 'ls', '--format', '{{.ID}} {{.Status}} {{.Availability}}'],
      'list the nodes',
    );
    return new Map(
      out
        .split('\n')
        .map((l) => l.trim().split(' '))
        .filter((p): p is [string, string, string] => p.length === 3)
        .map(([id, status, availability]) => [id, { status, availability }]),
    );
  }

  /** The second round: one task inspect and one container inspect for every listed service. */
  async tasksOf(
    listing: TaskListing,
    services: Map<string, ServiceInspect>,
  ): Promise<Map<string, FleetTask[]>> {
    const ids = [...listing.ids.values()].flat();
    const names = [...listing.ids.keys()].join(', ');
    if (ids.length === 0) return new Map();
    const [tasks, inspected] = await Promise.all([
      this.inspectObjects<TaskInspect>(
        ['inspect', '--type', 'task', ...ids],
        `inspect the tasks of ${names}`,
      ),
      // Gone between the listing and the look: absent here, the next look sees the task's new state.
      listing.local.length
        ? this.inspectObjects<ContainerInspect>(
            ['inspect', '--type', 'container', ...listing.local],
            `inspect the containers of ${names}`,
          )
        : Promise.resolve([]),
    ]);
    const containers = new Map(inspected.map((c) => [c.Id, c]));
    const byId = new Map(tasks.map((t) => [t.ID, t]));
    const out = new Map<string, FleetTask[]>();
    for (const [name, own] of listing.ids) {
      const svc = services.get(name);
      const mine = own.flatMap((id) => byId.get(id) ?? []);
      out.set(name, await this.describe(mine, svc, containers, listing.nodes));
    }
    return out;
  }

  /** Tasks as the provider reports them, from the engine's task and container records. */
  private async describe(
    tasks: TaskInspect[],
    svc: ServiceInspect | undefined,
    containers: Map<string, ContainerInspect>,
    nodes: Map<string, SwarmNode>,
  ): Promise<FleetTask[]> {
    const port = svc ? Number(serviceLabel(svc, LABEL.port)) || undefined : undefined;
    const network = svc ? serviceLabel(svc, LABEL.network) : undefined;
    const hasCheck = (svc?.Spec.TaskTemplate.ContainerSpec.Healthcheck?.Test?.length ?? 0) > 0;
    const addresses = await this.nodeAddresses(tasks, port);
    return tasks.map((t) => {
      const c = containers.get(t.Status.ContainerStatus?.ContainerID ?? '');
      // The manager keeps a task running on a node it lost until it reschedules it; the last
      // health it heard from there says nothing about now.
      const off = t.NodeID ? nodeProblem(t.NodeID, nodes.get(t.NodeID)) : undefined;
      const health = off
        ? `unknown (${off})`
        : c
          ? (c.State.Health?.Status ?? 'none')
          : t.Status.State === 'running' && hasCheck
            ? 'healthy'
            : 'unknown';
      const address = taskAddress(t, c, port, network, addresses);
      return {
        id: t.ID,
        node: t.NodeID ?? '',
        state: t.Status.State,
        health,
        image: t.Spec.ContainerSpec.Image,
        ...(address ? { address } : {}),
        ...(t.Status.Err ? { error: t.Status.Err } : {}),
      };
    });
  }

  private async taskIds(name: string): Promise<string[]> {
    try {
      return (
        await this.docker.output([
          'service',
          'ps',
          name,
          '--filter',
          'desired-state=running',
          '--no-trunc',
          '--format',
          '{{.ID}}',
        ])
      )
        .split('\n')
        .filter(Boolean);
    } catch (err) {
      if (isNotFound(err)) return [];
      throw swarmError(err, `list the tasks of ${name}`, name);
    }
  }

  /** Node addresses, only when tasks publish a port on their node. */
  private async nodeAddresses(
    tasks: TaskInspect[],
    port: number | undefined,
  ): Promise<Map<string, string>> {
    const ids = [
      ...new Set(tasks.filter((t) => hostPort(t, port) !== undefined).map((t) => t.NodeID ?? '')),
    ].filter(Boolean);
    if (ids.length === 0) return new Map();
    const out = await this.run(
      ['node', 'inspect', '--format', '{{.ID}} {{.Status.Addr}}', ...ids],
      'inspect the nodes',
    );
    return new Map(
      out
        .split('\n')
        .map((l) => l.trim().split(' '))
        .filter((p): p is [string, string] => p.length === 2),
    );
  }

  /**
   * Polls until the service runs `digest` N/N healthy with the engine's update finished, the
   * engine takes the digest back, the update pauses, or the deadline passes. `onTasks` sees
   * every look (the rolling strategy keeps the router on the healthy tasks with it).
   */
  async waitFor(
    name: string,
    digest: string,
    replicas: number,
    deadline: number,
    onTasks?: (tasks: FleetTask[]) => Promise<void>,
  ): Promise<WaitEnd> {
    let last = '';
    for (;;) {
      const service = await this.inspect(name);
      const tasks = service ? await this.tasks(name, service) : [];
      if (onTasks) await onTasks(tasks);
      const proof = proveConvergence(tasks, digest, replicas);
      const state = service?.UpdateStatus?.State ?? '';
      const line = `${name}: ${proof.summary}${state ? ` (update ${state})` : ''}`;
      if (line !== last) this.log(line);
      last = line;
      if (service) {
        const message = service.UpdateStatus?.Message ?? '';
        if (digestOf(serviceImage(service)) !== digest)
          return {
            kind: 'reverted',
            proof,
            service,
            message: message || `the service now asks for ${serviceImage(service)}`,
          };
        if (PAUSED.has(state)) return { kind: 'paused', proof, service, message };
        if (proof.converged && !IN_PROGRESS.has(state))
          return { kind: 'converged', proof, service };
      }
      if (this.now() >= deadline) return { kind: 'timeout', proof, service };
      await this.sleep(this.pollMs);
    }
  }

  /** Why a wait did not converge, in the engine's words and the tasks' errors. */
  async explain(name: string, end: WaitEnd): Promise<string> {
    const engine =
      end.kind === 'reverted' || end.kind === 'paused'
        ? `update ${end.service.UpdateStatus?.State ?? end.kind}${end.message ? `: ${end.message}` : ''}`
        : end.kind === 'timeout'
          ? `not N/N healthy in time: ${end.proof.problems.join('; ') || end.proof.summary}`
          : '';
    const tasks = await this.taskErrors(name);
    return [engine, tasks && `tasks: ${tasks}`].filter(Boolean).join('; ');
  }

  /** The engine's errors for the service's recent tasks, for a failure's reason. */
  async taskErrors(name: string): Promise<string> {
    return (await this.taskHistory(name))
      .map((t) => `${t.name} ${t.image} ${t.state}${t.error ? ` ${t.error}` : ''}`)
      .filter((l) => /failed|rejected|unhealthy|error/i.test(l))
      .slice(0, 5)
      .map((l) => l.replace(/@sha256:([0-9a-f]{12})[0-9a-f]+/, '@sha256:$1…'))
      .join('; ');
  }

  /**
   * The service's tasks as the engine keeps them, the ones it replaced included (their errors
   * say why); none when the service or the engine cannot be read (a failure's reason is best-effort).
   */
  async taskHistory(name: string): Promise<TaskRecord[]> {
    try {
      const out = await this.docker.output([
        'service',
        'ps',
        name,
        '--no-trunc',
        '--format',
        '{{json .}}',
      ]);
      return out
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const t = JSON.parse(l) as Record<string, string | undefined>;
          return {
            name: t.Name ?? '',
            image: t.Image ?? '',
            state: t.CurrentState ?? '',
            // The CLI quotes the error when it does not truncate it.
            error: (t.Error ?? '').replace(/^"(.*)"$/s, '$1'),
          };
        });
    } catch {
      return [];
    }
  }

  /** Scales a service (0 retires a colour and keeps its spec for a later switch back). */
  async scale(name: string, replicas: number): Promise<void> {
    await this.run(
      ['service', 'update', '--detach', '--replicas', String(replicas), name],
      `scale ${name} to ${replicas}`,
      name,
    );
  }

  /** Sets or removes service labels (no task restarts: only the service's own labels change). */
  async label(name: string, add: Record<string, string>, remove: string[] = []): Promise<void> {
    const args = [
      ...Object.entries(add).flatMap(([k, v]) => ['--label-add', `${k}=${v}`]),
      ...remove.flatMap((k) => ['--label-rm', k]),
    ];
    if (args.length === 0) return;
    await this.run(['service', 'update', '--detach', ...args, name], `label ${name}`, name);
  }

  /** Points a router pool at the healthy running tasks (what traffic may reach). */
  async route(colour: Colour, tasks: FleetTask[]): Promise<string[]> {
    const addresses = servable(tasks);
    if (this.router) await this.router.setEndpoints(colour, addresses);
    return addresses;
  }

  short(image: string): string {
    const d = digestOf(image);
    return d ? shortDigest(d) : image;
  }
}

/** Addresses of the tasks that may take traffic: running, healthy, reachable. */
export function servable(tasks: readonly FleetTask[]): string[] {
  return tasks
    .filter((t) => t.state === 'running' && t.health === 'healthy' && t.address)
    .map((t) => t.address as string)
    .sort();
}

/**
 * Why a node's tasks do not count as healthy, if they do not: the node is not Ready (the manager
 * has lost it) or is draining (its tasks are being stopped). A paused node's tasks keep running
 * and serving (only new tasks go elsewhere), so they still count.
 */
export function nodeProblem(id: string, node: SwarmNode | undefined): string | undefined {
  const short = id.slice(0, 12);
  if (!node) return `node ${short} is not in the swarm`;
  if (node.status.toLowerCase() !== 'ready') return `node ${short} is ${node.status}`;
  if (node.availability.toLowerCase() === 'drain') return `node ${short} is draining`;
  return undefined;
}

function hostPort(t: TaskInspect, port: number | undefined): number | undefined {
  return t.Status.PortStatus?.Ports?.find(
    (p) => p.PublishMode === 'host' && (port === undefined || p.TargetPort === port),
  )?.PublishedPort;
}

function taskAddress(
  t: TaskInspect,
  c: ContainerInspect | undefined,
  port: number | undefined,
  network: string | undefined,
  nodes: Map<string, string>,
): string | undefined {
  const published = hostPort(t, port);
  if (published !== undefined) {
    const addr = nodes.get(t.NodeID ?? '');
    return addr ? `${addr}:${published}` : undefined;
  }
  if (port === undefined || !c) return undefined;
  const nets = c.NetworkSettings.Networks ?? {};
  const ip = (network ? nets[network] : Object.values(nets)[0])?.IPAddress;
  return ip ? `${ip}:${port}` : undefined;
}
