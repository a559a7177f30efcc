import { ConfigurationError, errorMessage } from '../../errors.js';
import {
  COLOURS,
  type ColourPool,
  idleColour,
  liveColour,
  otherColour,
  warmExpired,
  warmUntil as warmWindow,
} from '../colours.js';
import { ConvergenceError, digestOf, proveConvergence } from '../converged.js';
import type {
  Colour,
  ConvergenceProof,
  DeployRequest,
  DeployResult,
  FleetState,
  FleetTask,
  TrafficRouter,
} from '../provider.js';
import type { SwarmContext } from './context.js';
import {
  colourService,
  createArgs,
  LABEL,
  type ServiceInspect,
  serviceImage,
  serviceLabel,
  serviceReplicas,
  updateArgs,
} from './spec.js';

/** The two colour services of a target and which one takes traffic. */
export interface Colours {
  live?: Colour;
  services: Record<Colour, ServiceInspect | undefined>;
}

/**
 * Blue-green: the new digest runs as the idle colour's service at full size, proven N/N
 * healthy by the engine and by the router's own checks, optionally previewed, then traffic
 * moves in one switch. The old colour stays warm for keepWarmMs (rollback = one switch back).
 */
export async function blueGreenDeploy(ctx: SwarmContext, r: DeployRequest): Promise<DeployResult> {
  const started = ctx.now();
  const router = requireRouter(ctx);
  const digest = digestOf(r.image) as string;
  const plain = await ctx.inspect(ctx.target);
  if (plain)
    throw new ConfigurationError(
      `service ${ctx.target} runs as a rolling fleet; deploy it with strategy rolling (blue-green runs ${colourService(ctx.target, 'blue')} and ${colourService(ctx.target, 'green')})`,
    );
  let fleet = await readColours(ctx);
  if (await retireExpired(ctx, fleet)) fleet = await readColours(ctx);
  const live = fleet.live;
  const liveSvc = live ? fleet.services[live] : undefined;
  const previous = liveSvc ? serviceImage(liveSvc) : undefined;
  const replicas = r.replicas ?? (liveSvc ? serviceReplicas(liveSvc) : 0);
  if (!replicas)
    throw new ConfigurationError(
      `fleet ${ctx.target} does not exist yet: the first deploy needs replicas`,
    );

  if (live && liveSvc && digestOf(previous ?? '') === digest) {
    const name = colourService(ctx.target, live);
    const tasks = await ctx.tasks(name, liveSvc);
    const proof = proveConvergence(tasks, digest, replicas);
    if (proof.converged) {
      const warmUntil = await settle(ctx, router, fleet, live, tasks, r.keepWarmMs);
      ctx.log(`${name} already runs ${proof.summary} and takes the traffic: unchanged`);
      return {
        outcome: 'unchanged',
        strategy: 'blue-green',
        requested: r.image,
        image: r.image,
        proof,
        durationMs: ctx.now() - started,
        ...(warmUntil ? { warmUntil } : {}),
      };
    }
  }

  const idle = live ? otherColour(live) : 'blue';
  const idleName = colourService(ctx.target, idle);
  const idleSvc = fleet.services[idle];
  if (!idleSvc) {
    if (r.network) await ctx.ensureNetwork(r.network);
    const first = liveSvc ? inherit(r, liveSvc) : r;
    await ctx.run(
      createArgs(idleName, first, {
        target: ctx.target,
        strategy: 'blue-green',
        replicas,
        colour: idle,
      }),
      `create service ${idleName}`,
      idleName,
    );
  } else {
    const warmLabel = serviceLabel(idleSvc, LABEL.warmUntil) ? [LABEL.warmUntil] : [];
    await ctx.run(
      updateArgs(idleName, r, replicas, warmLabel),
      `update service ${idleName}`,
      idleName,
    );
  }
  ctx.log(`${idle} (${idleName}): ${replicas} × ${r.image} starting, no traffic yet`);

  const wasWarm = idleSvc !== undefined && serviceReplicas(idleSvc) > 0;
  const refuse = async (reason: string, reverted = false): Promise<DeployResult> => {
    ctx.log(`${idleName}: ${reason}; traffic stays on ${live ?? 'nothing'}`);
    if (r.autoRollback) {
      await router.setEndpoints(idle, []);
      // A colour that was kept warm goes back to its spec, still warm (the engine may have
      // done it already); a new or retired one goes back to 0.
      if (!wasWarm) await ctx.scale(idleName, 0);
      else if (!reverted)
        await ctx.run(
          ['service', 'rollback', '--detach', idleName],
          `roll back service ${idleName}`,
          idleName,
        );
    }
    if (!live || !previous)
      throw new ConvergenceError(
        `fleet ${ctx.target} did not come up on ${r.image}: ${reason}; there is no earlier digest to return to`,
        proveConvergence(await ctx.tasks(idleName), digest, replicas),
      );
    const back = proveConvergence(
      await ctx.tasks(colourService(ctx.target, live)),
      digestOf(previous) as string,
      replicas,
    );
    if (!back.converged)
      throw new ConvergenceError(
        `fleet ${ctx.target} did not come up on ${r.image} (${reason}), and ${live} is not N/N on ${previous} either: ${back.summary}`,
        back,
      );
    return {
      outcome: 'rolled-back',
      strategy: 'blue-green',
      requested: r.image,
      image: previous,
      previous,
      reason: r.autoRollback
        ? reason
        : `${reason} (the new colour is left running: auto-rollback is off)`,
      proof: back,
      durationMs: ctx.now() - started,
    };
  };

  const deadline = ctx.now() + r.healthTimeoutMs;
  const end = await ctx.waitFor(idleName, digest, replicas, deadline);
  if (end.kind !== 'converged')
    return refuse(await ctx.explain(idleName, end), end.kind === 'reverted');
  const tasks = await ctx.tasks(idleName, end.service);
  await ctx.route(idle, tasks);
  try {
    await router.waitReady(idle, replicas, Math.max(0, deadline - ctx.now()));
    if (r.preview) {
      if (!router.previewUrl) throw new Error('the router has no preview address');
      await r.preview(router.previewUrl);
      ctx.log(`preview ${router.previewUrl}: passed`);
    }
  } catch (err) {
    return refuse(errorMessage(err));
  }

  await router.switchTo(idle);
  ctx.log(`traffic switched to ${idle} (${end.proof.summary})`);
  let warmUntil: string | undefined;
  if (live && liveSvc) {
    const liveName = colourService(ctx.target, live);
    warmUntil = warmWindow(ctx.now(), r.keepWarmMs);
    if (warmUntil) {
      await ctx.label(liveName, { [LABEL.warmUntil]: warmUntil });
      ctx.log(`${live} (${liveName}) kept warm until ${warmUntil}: rollback is one switch back`);
    } else {
      await retire(ctx, live);
    }
  }
  return {
    outcome: 'deployed',
    strategy: 'blue-green',
    requested: r.image,
    image: r.image,
    ...(previous ? { previous } : {}),
    proof: end.proof,
    durationMs: ctx.now() - started,
    ...(router.previewUrl ? { previewUrl: router.previewUrl } : {}),
    ...(warmUntil ? { warmUntil } : {}),
  };
}

/**
 * Switch back to the other colour: at once while it is warm, after scaling it up when retired.
 * With `seen` (current(), just before) holding the warm colour N/N healthy on its digest, the
 * switch comes first: the pool is pointed at those instances, haproxy's own checks must see
 * them up, traffic moves, and only then does a fresh look prove N/N again (what the result
 * reports) while the colour rolled back from is retired.
 */
export async function blueGreenRollback(
  ctx: SwarmContext,
  healthTimeoutMs: number,
  seen?: FleetState,
): Promise<DeployResult> {
  const started = ctx.now();
  const router = requireRouter(ctx);
  const warm = seen?.warm;
  if (seen?.live && seen.image && warm?.tasks && warm.replicas === seen.replicas) {
    const proof = proveConvergence(warm.tasks, digestOf(warm.image) as string, seen.replicas);
    if (proof.converged)
      return switchBackWarm(ctx, router, healthTimeoutMs, started, {
        live: seen.live,
        liveImage: seen.image,
        back: warm.colour,
        image: warm.image,
        replicas: seen.replicas,
        tasks: warm.tasks,
        proof,
        labelled: warm.until !== undefined,
      });
    ctx.log(
      `${warm.colour} is kept warm but not ${proof.summary}: looking again before the switch`,
    );
  }
  const fleet = await readColours(ctx);
  const live = fleet.live;
  const liveSvc = live ? fleet.services[live] : undefined;
  if (!live || !liveSvc) throw new ConfigurationError(`fleet ${ctx.target} takes no traffic`);
  const back = otherColour(live);
  const backName = colourService(ctx.target, back);
  const backSvc = fleet.services[back];
  if (!backSvc)
    throw new ConfigurationError(`fleet ${ctx.target} has no ${back} colour to roll back to`);
  const image = serviceImage(backSvc);
  const replicas = serviceReplicas(liveSvc);
  if (serviceReplicas(backSvc) !== replicas) {
    ctx.log(`${back} (${backName}) was retired: scaling it back to ${replicas}`);
    await ctx.scale(backName, replicas);
  }
  const deadline = ctx.now() + healthTimeoutMs;
  const end = await ctx.waitFor(backName, digestOf(image) as string, replicas, deadline);
  if (end.kind !== 'converged')
    throw new ConvergenceError(
      `${backName} did not come back N/N on ${image}, so traffic stays on ${live}: ${await ctx.explain(backName, end)}`,
      end.proof,
    );
  await ctx.route(back, await ctx.tasks(backName, end.service));
  await router.waitReady(back, replicas, Math.max(0, deadline - ctx.now()));
  await router.switchTo(back);
  ctx.log(`traffic switched back to ${back} (${end.proof.summary})`);
  if (serviceLabel(backSvc, LABEL.warmUntil)) await ctx.label(backName, {}, [LABEL.warmUntil]);
  // The colour rolled back from is the bad one: retired now, its spec kept.
  await retire(ctx, live);
  return {
    outcome: 'rolled-back',
    strategy: 'blue-green',
    requested: image,
    image,
    previous: serviceImage(liveSvc),
    reason: 'rollback requested',
    proof: end.proof,
    durationMs: ctx.now() - started,
  };
}

/** A warm colour already proven N/N in the caller's look. */
interface WarmBack {
  live: Colour;
  liveImage: string;
  back: Colour;
  image: string;
  replicas: number;
  tasks: FleetTask[];
  proof: ConvergenceProof;
  /** Whether its service still carries the keep-warm label (removed after the switch). */
  labelled: boolean;
}

/** The switch first (what restores service), then the proof from a fresh look and the retiring. */
async function switchBackWarm(
  ctx: SwarmContext,
  router: TrafficRouter,
  healthTimeoutMs: number,
  started: number,
  w: WarmBack,
): Promise<DeployResult> {
  const backName = colourService(ctx.target, w.back);
  // Usually a no-op: the pool still holds the colour's instances from when it was live.
  await ctx.route(w.back, w.tasks);
  await router.waitReady(w.back, w.replicas, healthTimeoutMs);
  await router.switchTo(w.back);
  ctx.log(`traffic switched back to ${w.back} (${w.proof.summary} in the look before)`);
  // Requests the bad colour already has finish while the look and the label run.
  const drained = ctx.sleep(ctx.drainMs);
  const [tasks] = await Promise.all([
    ctx.tasks(backName),
    w.labelled ? ctx.label(backName, {}, [LABEL.warmUntil]) : undefined,
  ]);
  const proof = proveConvergence(tasks, digestOf(w.image) as string, w.replicas);
  if (!proof.converged)
    throw new ConvergenceError(
      `traffic switched back to ${w.back}, but ${backName} is no longer N/N on ${w.image} (${proof.problems.join('; ') || proof.summary}); ${w.live} still runs, untouched`,
      proof,
    );
  // An instance the engine replaced since the look gets its place in the pool.
  await ctx.route(w.back, tasks);
  ctx.log(`${backName}: ${proof.summary} after the switch`);
  await drained;
  await retire(ctx, w.live, false);
  return {
    outcome: 'rolled-back',
    strategy: 'blue-green',
    requested: w.image,
    image: w.image,
    previous: w.liveImage,
    reason: 'rollback requested',
    proof,
    durationMs: ctx.now() - started,
  };
}

/** What the colour rules (colours.ts) need of a colour's service. */
function pool(s: ServiceInspect | undefined): ColourPool | undefined {
  if (!s) return undefined;
  const until = serviceLabel(s, LABEL.warmUntil);
  return { replicas: serviceReplicas(s), ...(until ? { warmUntil: until } : {}) };
}

/**
 * Both colour services and the live one: the router's word, else the only colour that runs.
 * `found`: the services already inspected in the same look (by name).
 */
export async function readColours(
  ctx: SwarmContext,
  found?: Map<string, ServiceInspect>,
): Promise<Colours> {
  const names = COLOURS.map((c) => colourService(ctx.target, c));
  const all = found ?? (await ctx.inspectAll(names));
  const [blue, green] = names.map((n) => all.get(n));
  const services = { blue, green };
  const live = liveColour(await ctx.router?.live(), { blue: pool(blue), green: pool(green) });
  return { ...(live ? { live } : {}), services };
}

/**
 * The state a switch to `live` leaves, for a fleet whose live colour already runs the digest:
 * the route on it, no keep-warm label on it, the other colour retired or kept warm per
 * keepWarmMs. A run killed between its switch and its ledger entry (a rollback's) left the
 * colour it switched away from running; the re-run finishes that. Returns the other colour's
 * warm-until when it is kept warm.
 */
async function settle(
  ctx: SwarmContext,
  router: TrafficRouter,
  fleet: Colours,
  live: Colour,
  tasks: FleetTask[],
  keepWarmMs: number,
): Promise<string | undefined> {
  // The balancer may have lost its state (restarted); putting it back restarts nothing.
  await ctx.route(live, tasks);
  const switched = (await router.live()) !== live;
  if (switched) {
    await router.switchTo(live);
    ctx.log(`traffic switched to ${live}: the route did not point at it`);
  }
  const liveName = colourService(ctx.target, live);
  const liveSvc = fleet.services[live];
  if (liveSvc && serviceLabel(liveSvc, LABEL.warmUntil)) {
    // A live colour labelled warm would read as the idle one to a router that lost its state.
    await ctx.label(liveName, {}, [LABEL.warmUntil]);
    ctx.log(`${live} (${liveName}) takes the traffic: its keep-warm label removed`);
  }
  const idle = otherColour(live);
  const idleName = colourService(ctx.target, idle);
  const idleSvc = fleet.services[idle];
  const next = idleColour(pool(idleSvc), keepWarmMs, ctx.now());
  if (next.kind === 'none' || !idleSvc) return undefined;
  const runs = `${idle} (${idleName}) still runs ${ctx.short(serviceImage(idleSvc))} beside the live colour`;
  if (next.kind === 'retire') {
    ctx.log(`${runs} and keep-warm is 0: retiring it`);
    if (serviceLabel(idleSvc, LABEL.warmUntil)) await ctx.label(idleName, {}, [LABEL.warmUntil]);
    // Only traffic this run moved off it can still be in flight.
    await retire(ctx, idle, switched);
    return undefined;
  }
  if (next.label) {
    await ctx.label(idleName, { [LABEL.warmUntil]: next.until });
    ctx.log(`${runs} with no keep-warm window: kept warm until ${next.until}`);
  }
  return next.until;
}

/** Scales warm colours whose keep-warm window has passed to 0; true when it retired one. */
export async function retireExpired(ctx: SwarmContext, fleet: Colours): Promise<boolean> {
  let retired = false;
  for (const c of COLOURS) {
    const s = fleet.services[c];
    if (!warmExpired(pool(s), fleet.live, c, ctx.now())) continue;
    ctx.log(`${c} was kept warm until ${s && serviceLabel(s, LABEL.warmUntil)}: retiring it`);
    await ctx.label(colourService(ctx.target, c), {}, [LABEL.warmUntil]);
    await retire(ctx, c, false);
    retired = true;
  }
  return retired;
}

/** Takes a colour out of the router and scales it to 0, after a drain for requests in flight. */
async function retire(ctx: SwarmContext, colour: Colour, drain = true): Promise<void> {
  if (drain) await ctx.sleep(ctx.drainMs);
  await ctx.router?.setEndpoints(colour, []);
  await ctx.scale(colourService(ctx.target, colour), 0);
  ctx.log(`${colour} (${colourService(ctx.target, colour)}) retired: scaled to 0`);
}

function requireRouter(ctx: SwarmContext): TrafficRouter {
  if (!ctx.router)
    throw new ConfigurationError(
      `blue-green for ${ctx.target} needs a traffic router (the load balancer in front of the fleet)`,
    );
  return ctx.router;
}

/** The second colour's first spec takes the port and network of the first, unless given. */
function inherit(r: DeployRequest, live: ServiceInspect): DeployRequest {
  const port = Number(serviceLabel(live, LABEL.port)) || undefined;
  const network = serviceLabel(live, LABEL.network);
  return {
    ...r,
    ...(r.port === undefined && port !== undefined ? { port } : {}),
    ...(!r.network && network ? { network } : {}),
  };
}
