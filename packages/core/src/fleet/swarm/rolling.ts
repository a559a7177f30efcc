import { ConfigurationError } from '../../errors.js';
import { ConvergenceError, digestOf, proveConvergence } from '../converged.js';
import type { Colour, DeployRequest, DeployResult, FleetTask } from '../provider.js';
import { type SwarmContext, type WaitEnd, servable } from './context.js';
import {
  createArgs,
  IN_PROGRESS,
  LABEL,
  type ServiceInspect,
  serviceImage,
  serviceLabel,
  serviceReplicas,
  updateArgs,
} from './spec.js';

/**
 * Rolling: one service, replaced by the engine itself (`docker service update` to the digest,
 * start-first, `batchSize` at a time, health-gated, failure action rollback) and watched until
 * N/N run the digest. The engine's own rollback is reported as `rolled-back`, never deployed.
 */
export async function rollingDeploy(ctx: SwarmContext, r: DeployRequest): Promise<DeployResult> {
  const started = ctx.now();
  const name = ctx.target;
  const digest = digestOf(r.image) as string;
  const existing = await ctx.inspect(name);
  if (existing && serviceLabel(existing, LABEL.strategy) === 'blue-green')
    throw new ConfigurationError(
      `service ${name} is a colour of a blue-green fleet; deploy it with strategy blue-green`,
    );
  const pool = await livePool(ctx);
  const follow = ctx.router ? followTasks(ctx, pool) : undefined;
  const deadline = () => ctx.now() + r.healthTimeoutMs;

  if (!existing) {
    if (!r.replicas)
      throw new ConfigurationError(
        `service ${name} does not exist yet: the first deploy needs replicas`,
      );
    if (r.network) await ctx.ensureNetwork(r.network);
    await ctx.run(
      createArgs(name, r, { target: name, strategy: 'rolling', replicas: r.replicas }),
      `create service ${name}`,
      name,
    );
    ctx.log(`service ${name} created: ${r.replicas} × ${r.image}`);
    const end = await ctx.waitFor(name, digest, r.replicas, deadline(), follow);
    if (end.kind !== 'converged')
      throw new ConvergenceError(
        `service ${name} did not reach ${end.proof.summary} within ${r.healthTimeoutMs} ms; there is no earlier digest to return to, so it stays as the engine left it: ${await ctx.explain(name, end)}`,
        end.proof,
      );
    return result(r, 'deployed', r.image, undefined, end, started, ctx);
  }

  const previous = serviceImage(existing);
  const replicas = r.replicas ?? serviceReplicas(existing);
  if (digestOf(previous) === digest) {
    // Already asked for and converged: nothing to do, nothing restarted.
    const now = proveConvergence(await ctx.tasks(name, existing), digest, replicas);
    if (now.converged && replicas === serviceReplicas(existing)) {
      if (follow) await follow(await ctx.tasks(name, existing));
      ctx.log(`${name} already runs ${now.summary}: unchanged`);
      return {
        outcome: 'unchanged',
        strategy: 'rolling',
        requested: r.image,
        image: r.image,
        ...(existing.PreviousSpec
          ? { previous: existing.PreviousSpec.TaskTemplate.ContainerSpec.Image }
          : {}),
        proof: now,
        durationMs: ctx.now() - started,
      };
    }
  }

  // An update to this digest still under way (a runner that died mid-deploy): watch it
  // finish; its previous spec is what it replaces. Anything else gets one update.
  const inFlight =
    digestOf(previous) === digest && IN_PROGRESS.has(existing.UpdateStatus?.State ?? '');
  const before = inFlight
    ? (existing.PreviousSpec?.TaskTemplate.ContainerSpec.Image ?? previous)
    : previous;
  if (inFlight) {
    ctx.log(
      `service ${name}: an update to ${ctx.short(r.image)} is already under way: watching it`,
    );
  } else {
    await ctx.run(updateArgs(name, r, replicas), `update service ${name} to ${r.image}`, name);
    ctx.log(
      `service ${name}: update to ${ctx.short(r.image)} issued (start-first, ${r.batchSize} at a time)`,
    );
  }
  const end = await ctx.waitFor(name, digest, replicas, deadline(), follow);
  if (end.kind === 'converged') return result(r, 'deployed', r.image, before, end, started, ctx);
  return recover(ctx, r, end, before, replicas, started, follow);
}

/** After a failed update: the engine's rollback finished, or Kiln starts it; then proven N/N on the previous digest. */
async function recover(
  ctx: SwarmContext,
  r: DeployRequest,
  end: WaitEnd,
  previous: string,
  replicas: number,
  started: number,
  follow: ((tasks: FleetTask[]) => Promise<void>) | undefined,
): Promise<DeployResult> {
  const name = ctx.target;
  const reason = await ctx.explain(name, end);
  if (end.kind !== 'reverted') {
    if (!r.autoRollback)
      throw new ConvergenceError(
        `service ${name} did not converge on ${r.image} (${end.proof.summary}) and auto-rollback is off, so it stays as the engine left it: ${reason}`,
        end.proof,
      );
    ctx.log(`service ${name}: ${reason}; rolling back to ${ctx.short(previous)}`);
    await ctx.run(['service', 'rollback', '--detach', name], `roll back service ${name}`, name);
  } else {
    ctx.log(`service ${name}: the engine rolled the update back: ${reason}`);
  }
  const back = await ctx.waitFor(
    name,
    digestOf(previous) as string,
    replicas,
    ctx.now() + r.healthTimeoutMs,
    follow,
  );
  if (back.kind !== 'converged')
    throw new ConvergenceError(
      `service ${name} did not converge on ${r.image} (${reason}), and not back on ${previous} either: ${back.proof.summary}: ${await ctx.explain(name, back)}`,
      back.proof,
    );
  return { ...result(r, 'rolled-back', previous, previous, back, started, ctx), reason };
}

/** `docker service rollback`: back to the engine's previous spec, watched to N/N. */
export async function rollingRollback(
  ctx: SwarmContext,
  existing: ServiceInspect,
  healthTimeoutMs: number,
): Promise<DeployResult> {
  const started = ctx.now();
  const name = ctx.target;
  const current = serviceImage(existing);
  const previous = existing.PreviousSpec?.TaskTemplate.ContainerSpec.Image;
  if ((existing.UpdateStatus?.State ?? '').startsWith('rollback'))
    // The engine's previous spec is now the release rolled back from: "back" would redeploy it.
    throw new ConfigurationError(
      `service ${name} was already rolled back to ${current}; the engine's previous spec is the release it rolled back from: deploy an explicit digest instead`,
    );
  if (!previous || digestOf(previous) === undefined)
    throw new ConfigurationError(`service ${name} has no previous digest to roll back to`);
  const replicas = serviceReplicas(existing);
  await ctx.run(['service', 'rollback', '--detach', name], `roll back service ${name}`, name);
  ctx.log(`service ${name}: rolling back from ${ctx.short(current)} to ${ctx.short(previous)}`);
  const pool = await livePool(ctx);
  const follow = ctx.router ? followTasks(ctx, pool) : undefined;
  const end = await ctx.waitFor(
    name,
    digestOf(previous) as string,
    replicas,
    ctx.now() + healthTimeoutMs,
    follow,
  );
  if (end.kind !== 'converged')
    throw new ConvergenceError(
      `service ${name} did not converge back on ${previous}: ${end.proof.summary}: ${await ctx.explain(name, end)}`,
      end.proof,
    );
  return {
    outcome: 'rolled-back',
    strategy: 'rolling',
    requested: previous,
    image: previous,
    previous: current,
    reason: 'rollback requested',
    proof: end.proof,
    durationMs: ctx.now() - started,
  };
}

/** The router pool a rolling fleet lives in: whatever is live, blue before the first switch. */
async function livePool(ctx: SwarmContext): Promise<Colour> {
  return (await ctx.router?.live()) ?? 'blue';
}

/**
 * Keeps the router on the healthy running tasks while the engine replaces them (new ones in
 * as they turn healthy, old ones out as the engine retires them), and makes the pool live.
 */
function followTasks(ctx: SwarmContext, pool: Colour): (tasks: FleetTask[]) => Promise<void> {
  let last = '';
  let live = false;
  return async (tasks) => {
    const addresses = servable(tasks);
    // Never empty the pool while nothing new is healthy yet: a draining task beats no task.
    if (addresses.length === 0) return;
    const key = addresses.join(',');
    if (key !== last) {
      await ctx.route(pool, tasks);
      last = key;
    }
    if (!live) {
      if ((await ctx.router?.live()) !== pool) await ctx.router?.switchTo(pool);
      live = true;
    }
  };
}

function result(
  r: DeployRequest,
  outcome: DeployResult['outcome'],
  image: string,
  previous: string | undefined,
  end: WaitEnd,
  started: number,
  ctx: SwarmContext,
): DeployResult {
  ctx.log(`service ${ctx.target}: ${end.proof.summary}`);
  return {
    outcome,
    strategy: 'rolling',
    requested: r.image,
    image,
    ...(previous ? { previous } : {}),
    proof: end.proof,
    durationMs: ctx.now() - started,
  };
}
