import { DockerCli } from '../../engine/docker-cli.js';
import { ConfigurationError } from '../../errors.js';
import { sleep } from '../../util/retry.js';
import { COLOURS, otherColour } from '../colours.js';
import { digestOf, proveConvergence } from '../converged.js';
import type {
  ConvergenceProof,
  DeployRequest,
  DeployResult,
  FleetProvider,
  FleetState,
  FleetTask,
  TrafficRouter,
} from '../provider.js';
import { checkDeployRequest } from '../request-check.js';
import { blueGreenDeploy, blueGreenRollback, readColours } from './blue-green.js';
import { SwarmContext, type SwarmSettings } from './context.js';
import { isNotFound, pullFailure, swarmError } from './errors.js';
import { rollingDeploy, rollingRollback } from './rolling.js';
import { colourService, LABEL, serviceImage, serviceLabel, serviceReplicas } from './spec.js';

/** Settings of the swarm provider; the engine client defaults to the docker CLI on DOCKER_HOST. */
export interface SwarmProviderSettings extends Omit<SwarmSettings, 'docker'> {
  docker?: SwarmSettings['docker'];
  /** DOCKER_HOST for the default client (unix, tcp with TLS, ssh: whatever the CLI speaks). */
  dockerHost?: string;
  /** rollback() has no request: how long the fleet may take to be back N/N. */
  rollbackTimeoutMs?: number;
}

const DEFAULT_ROLLBACK_TIMEOUT_MS = 120_000;
/** Swarm service names: the engine's own rule (letters, digits, dashes; 63 at most). */
const SERVICE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,56}$/;

/** A fleet on Docker swarm: a rolling service or a pair of colour services behind a router. */
export class SwarmProvider implements FleetProvider {
  readonly kind = 'swarm';
  readonly target: string;
  private readonly ctx: SwarmContext;
  private readonly rollbackTimeoutMs: number;

  constructor(settings: SwarmProviderSettings) {
    if (!SERVICE_NAME.test(settings.target))
      throw new ConfigurationError(
        `Fleet target ${JSON.stringify(settings.target)} is not a valid swarm service name: letters, digits, "_", "." and "-", starting with a letter or digit, at most 57 characters (the colour suffix needs the rest)`,
      );
    this.target = settings.target;
    this.rollbackTimeoutMs = settings.rollbackTimeoutMs ?? DEFAULT_ROLLBACK_TIMEOUT_MS;
    this.ctx = new SwarmContext({
      ...settings,
      docker: settings.docker ?? new DockerCli({ dockerHost: settings.dockerHost }),
    });
  }

  /** The load balancer in front of the fleet (present only when one was given). */
  get router(): TrafficRouter | undefined {
    return this.ctx.router;
  }

  /**
   * One look at the fleet in two rounds of engine calls: the services (one inspect) beside the
   * task listings of every name the fleet may run under, then one task and one container
   * inspect for what runs. A switch back acts on this look, not on another.
   */
  async current(): Promise<FleetState> {
    const names = [this.target, ...COLOURS.map((c) => colourService(this.target, c))];
    const [found, listing] = await Promise.all([
      this.ctx.inspectAll(names),
      this.ctx.listTasks(names),
    ]);
    const plain = found.get(this.target);
    if (plain) {
      const tasks = (await this.ctx.tasksOf(listing, found)).get(this.target) ?? [];
      const previous = plain.PreviousSpec?.TaskTemplate.ContainerSpec.Image;
      return {
        target: this.target,
        exists: true,
        strategy: 'rolling',
        image: serviceImage(plain),
        ...(previous ? { previous } : {}),
        replicas: serviceReplicas(plain),
        digests: digests(tasks),
        tasks,
      };
    }
    const fleet = await readColours(this.ctx, found);
    const liveSvc = fleet.live ? fleet.services[fleet.live] : undefined;
    if (!fleet.live || !liveSvc)
      return { target: this.target, exists: false, replicas: 0, digests: [], tasks: [] };
    const other = otherColour(fleet.live);
    const otherSvc = fleet.services[other];
    const warmSvc = otherSvc && serviceReplicas(otherSvc) > 0 ? otherSvc : undefined;
    const all = await this.ctx.tasksOf(listing, found);
    const tasks = all.get(colourService(this.target, fleet.live)) ?? [];
    const warmTasks = all.get(colourService(this.target, other)) ?? [];
    const until = warmSvc && serviceLabel(warmSvc, LABEL.warmUntil);
    const warm = warmSvc
      ? {
          colour: other,
          image: serviceImage(warmSvc),
          ...(until ? { until } : {}),
          replicas: serviceReplicas(warmSvc),
          tasks: warmTasks,
        }
      : undefined;
    return {
      target: this.target,
      exists: true,
      strategy: 'blue-green',
      image: serviceImage(liveSvc),
      ...(otherSvc ? { previous: serviceImage(otherSvc) } : {}),
      replicas: serviceReplicas(liveSvc),
      digests: digests(tasks),
      tasks,
      live: fleet.live,
      ...(warm ? { warm } : {}),
    };
  }

  async deploy(request: DeployRequest): Promise<DeployResult> {
    checkDeployRequest(request);
    const result =
      request.strategy === 'blue-green'
        ? await blueGreenDeploy(this.ctx, request)
        : await rollingDeploy(this.ctx, request);
    return result.outcome === 'rolled-back' ? this.whyRolledBack(result, request) : result;
  }

  /**
   * A rolled-back deploy whose tasks could not pull the image says so (`failure: 'pull'`): the
   * release never ran, so its rollback says nothing about it. Read from the tasks the engine
   * kept, whichever strategy ran them.
   */
  private async whyRolledBack(result: DeployResult, request: DeployRequest): Promise<DeployResult> {
    const names =
      request.strategy === 'blue-green'
        ? COLOURS.map((c) => colourService(this.target, c))
        : [this.target];
    const tasks = (await Promise.all(names.map((n) => this.ctx.taskHistory(n)))).flat();
    const pull = pullFailure(tasks, request.image);
    if (!pull) return result;
    // The engine's words for the pull alone (the wait's own reason repeats them once per task),
    // the digest shortened as in every task line.
    const said = pull.replace(/@sha256:([0-9a-f]{12})[0-9a-f]+/g, '@sha256:$1…');
    const reason = `the image could not be pulled: ${said}`;
    this.ctx.log(`${this.target}: ${reason}; the release never ran`);
    return { ...result, failure: 'pull', reason };
  }

  /** `seen`: this provider's current() just before; a blue-green switch back acts on it. */
  async rollback(seen?: FleetState): Promise<DeployResult> {
    if (seen?.target === this.target && seen.strategy === 'blue-green')
      return blueGreenRollback(this.ctx, this.rollbackTimeoutMs, seen);
    const plain = await this.ctx.inspect(this.target);
    if (plain) return rollingRollback(this.ctx, plain, this.rollbackTimeoutMs);
    return blueGreenRollback(this.ctx, this.rollbackTimeoutMs);
  }

  async converged(digest: string, replicas: number): Promise<ConvergenceProof> {
    const state = await this.current();
    return proveConvergence(state.exists ? state.tasks : [], digest, replicas);
  }

  /**
   * Removes the fleet's services (and the network when Kiln created it), waiting for their
   * containers to go. Not part of the provider interface: a teardown for demos and tests.
   */
  async remove(network?: string): Promise<string[]> {
    const removed: string[] = [];
    for (const name of [
      this.target,
      colourService(this.target, 'blue'),
      colourService(this.target, 'green'),
    ]) {
      try {
        await this.ctx.run(['service', 'rm', name], `remove service ${name}`, name);
        removed.push(name);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    for (const name of removed) await this.containersGone(name);
    if (network) await this.removeNetwork(network);
    await this.ctx.router?.setEndpoints('blue', []);
    await this.ctx.router?.setEndpoints('green', []);
    return removed;
  }

  private async containersGone(name: string, timeoutMs = 60_000): Promise<void> {
    const end = this.ctx.now() + timeoutMs;
    while (this.ctx.now() < end) {
      const left = await this.ctx.run(
        ['ps', '--all', '--quiet', '--filter', `label=com.docker.swarm.service.name=${name}`],
        `list the containers of ${name}`,
      );
      if (left === '') return;
      await sleep(250);
    }
    throw swarmError(
      new Error(`containers of ${name} were still there ${timeoutMs / 1000} s after service rm`),
      `remove service ${name}`,
      name,
    );
  }

  /** Removes the network if Kiln made it; the engine may need a moment after its last task left. */
  private async removeNetwork(network: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const owner = await this.ctx.run(
          ['network', 'inspect', network, '--format', `{{index .Labels "${LABEL.target}"}}`],
          `inspect network ${network}`,
        );
        if (owner !== this.target) return;
        await this.ctx.run(['network', 'rm', network], `remove network ${network}`);
        return;
      } catch (err) {
        if (isNotFound(err)) return;
        if (attempt >= 20) throw err;
        await sleep(500);
      }
    }
  }
}

function digests(tasks: FleetTask[]): string[] {
  return [...new Set(tasks.map((t) => digestOf(t.image) ?? t.image))].sort();
}
