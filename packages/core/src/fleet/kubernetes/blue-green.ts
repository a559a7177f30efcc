import type { V1Deployment } from '@kubernetes/client-node';
import { ConfigurationError } from '../../errors.js';
import {
  type ColourPool,
  COLOURS,
  idleColour,
  liveColour,
  otherColour,
  warmExpired,
  warmUntil as warmWindow,
} from '../colours.js';
import { ConvergenceError, digestOf, proveConvergence } from '../converged.js';
import type { Colour, ConvergenceProof, DeployRequest, DeployResult } from '../provider.js';
import type { KubeContext } from './context.js';
import { pullFailure } from './errors.js';
import {
  ANNOTATION,
  annotation,
  colourDeployment,
  containerPort,
  deploymentReplicas,
  imagePatch,
  LABEL,
  newDeployment,
  rolloutStatus,
} from './spec.js';

/** The two colour Deployments of a target and which one the Service selects. */
export interface Colours {
  live?: Colour;
  deployments: Record<Colour, V1Deployment | undefined>;
}

/**
 * Blue-green: the new digest rolls out as the idle colour's Deployment at full size, proven
 * N/N ready from its pods' image ids, then the Service's selector moves to that colour in one
 * patch (its endpoints are the ready pods it selects). The old colour stays warm for
 * keepWarmMs, so a rollback is one selector patch back.
 */
export async function blueGreenDeploy(ctx: KubeContext, r: DeployRequest): Promise<DeployResult> {
  const started = ctx.now();
  const digest = digestOf(r.image) as string;
  if (await ctx.deployment(ctx.target))
    throw new ConfigurationError(
      `Deployment ${ctx.target} runs as a rolling fleet; deploy it with strategy rolling (blue-green runs ${colourDeployment(ctx.target, 'blue')} and ${colourDeployment(ctx.target, 'green')})`,
    );
  let fleet = await readColours(ctx);
  if (await retireExpired(ctx, fleet)) fleet = await readColours(ctx);
  const live = fleet.live;
  const liveDep = live ? fleet.deployments[live] : undefined;
  const previous = liveDep ? ctx.image(liveDep) : undefined;
  const replicas = r.replicas ?? (liveDep ? deploymentReplicas(liveDep) : 0);
  if (!replicas)
    throw new ConfigurationError(
      `fleet ${ctx.target} does not exist yet: the first deploy needs replicas`,
    );

  if (live && liveDep && digestOf(previous ?? '') === digest) {
    const proof = proveConvergence(await ctx.tasks(liveDep), digest, replicas);
    if (proof.converged && rolloutStatus(liveDep).kind === 'complete') {
      const warmUntil = await settle(ctx, fleet, live, r.port, r.keepWarmMs);
      ctx.log(
        `${liveDep.metadata?.name} already runs ${proof.summary} and takes the traffic: unchanged`,
      );
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
  const idleName = colourDeployment(ctx.target, idle);
  const idleDep = fleet.deployments[idle];
  const wasWarm = idleDep !== undefined && deploymentReplicas(idleDep) > 0;
  let port = r.port;
  if (!idleDep) {
    const body = liveDep
      ? sibling(ctx, liveDep, idleName, idle, r.image, replicas)
      : newDeployment(idleName, ctx.namespace, r, {
          target: ctx.target,
          strategy: 'blue-green',
          replicas,
          colour: idle,
          ...(ctx.container ? { container: ctx.container } : {}),
        });
    port ??= containerPort(body, ctx.container);
    await ctx.createDeployment(body);
  } else {
    port ??= containerPort(idleDep, ctx.container);
    // Its warm-until stays until the switch: a refused release leaves it warm, as it was.
    await ctx.patchDeployment(
      idleName,
      imagePatch(ctx.containerName(idleDep), r.image, {
        replicas,
        annotations: { [ANNOTATION.rolledBackFrom]: null },
      }),
    );
  }
  ctx.log(`${idle} (${idleName}): ${replicas} × ${r.image} rolling out, no traffic yet`);

  const refuse = async (reason: string, proof: ConvergenceProof): Promise<DeployResult> => {
    ctx.log(`${idleName}: ${reason}; traffic stays on ${live ?? 'nothing'}`);
    const now = await ctx.deployment(idleName);
    // Read before the colour is scaled away: an image no pod could pull never ran.
    const pull = now ? pullFailure(await ctx.tasks(now), r.image) : undefined;
    if (r.autoRollback) {
      // A new or retired colour goes back to 0; a warm one back to its previous revision, still warm.
      if (!wasWarm) await ctx.scale(idleName, 0);
      else if (now) await ctx.undo(now, r.image);
    }
    if (!live || !liveDep || !previous)
      throw new ConvergenceError(
        `fleet ${ctx.target} did not come up on ${r.image}: ${reason}; there is no earlier digest to return to`,
        proof,
      );
    const back = proveConvergence(await ctx.tasks(liveDep), digestOf(previous) as string, replicas);
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
      ...(pull ? { failure: 'pull' as const } : {}),
      reason: `${pull ? `the image could not be pulled: ${pull}` : reason}${r.autoRollback ? '' : ' (the new colour is left running: auto-rollback is off)'}`,
      proof: back,
      durationMs: ctx.now() - started,
    };
  };

  const end = await ctx.waitFor(idleName, digest, replicas, ctx.now() + r.healthTimeoutMs);
  if (end.kind !== 'converged') return refuse(ctx.explain(end), end.proof);
  if (r.preview)
    return refuse(
      'a preview check was asked for, and the Kubernetes provider has no preview address',
      end.proof,
    );

  await ctx.selectColour(idle, port);
  ctx.log(
    `traffic switched to ${idle}: service ${ctx.serviceName} selects ${idleName} (${end.proof.summary})`,
  );
  if (annotation(end.deployment, ANNOTATION.warmUntil))
    await ctx.annotate(idleName, { [ANNOTATION.warmUntil]: null });
  let warmUntil: string | undefined;
  if (live && liveDep) {
    const liveName = colourDeployment(ctx.target, live);
    warmUntil = warmWindow(ctx.now(), r.keepWarmMs);
    if (warmUntil) {
      await ctx.annotate(liveName, { [ANNOTATION.warmUntil]: warmUntil });
      ctx.log(`${live} (${liveName}) kept warm until ${warmUntil}: rollback is one switch back`);
    } else await retire(ctx, live);
  }
  return {
    outcome: 'deployed',
    strategy: 'blue-green',
    requested: r.image,
    image: r.image,
    ...(previous ? { previous } : {}),
    proof: end.proof,
    durationMs: ctx.now() - started,
    ...(warmUntil ? { warmUntil } : {}),
  };
}

/** Switch back to the other colour: at once while it is warm, after scaling it up when retired. */
export async function blueGreenRollback(
  ctx: KubeContext,
  healthTimeoutMs: number,
): Promise<DeployResult> {
  const started = ctx.now();
  const fleet = await readColours(ctx);
  const live = fleet.live;
  const liveDep = live ? fleet.deployments[live] : undefined;
  if (!live || !liveDep) throw new ConfigurationError(`fleet ${ctx.target} takes no traffic`);
  const back = otherColour(live);
  const backName = colourDeployment(ctx.target, back);
  const backDep = fleet.deployments[back];
  if (!backDep)
    throw new ConfigurationError(`fleet ${ctx.target} has no ${back} colour to roll back to`);
  const image = ctx.image(backDep);
  const replicas = deploymentReplicas(liveDep);
  if (deploymentReplicas(backDep) !== replicas) {
    ctx.log(`${back} (${backName}) was retired: scaling it back to ${replicas}`);
    await ctx.scale(backName, replicas);
  }
  const end = await ctx.waitFor(
    backName,
    digestOf(image) as string,
    replicas,
    ctx.now() + healthTimeoutMs,
  );
  if (end.kind !== 'converged')
    throw new ConvergenceError(
      `${backName} did not come back N/N on ${image}, so traffic stays on ${live}: ${ctx.explain(end)}`,
      end.proof,
    );
  await ctx.selectColour(back, containerPort(backDep, ctx.container));
  ctx.log(`traffic switched back to ${back} (${end.proof.summary})`);
  if (annotation(backDep, ANNOTATION.warmUntil))
    await ctx.annotate(backName, { [ANNOTATION.warmUntil]: null });
  // The colour rolled back from is the bad one: retired now, its spec kept.
  await retire(ctx, live);
  return {
    outcome: 'rolled-back',
    strategy: 'blue-green',
    requested: image,
    image,
    previous: ctx.image(liveDep),
    reason: 'rollback requested',
    proof: end.proof,
    durationMs: ctx.now() - started,
  };
}

function pool(dep: V1Deployment | undefined): ColourPool | undefined {
  if (!dep) return undefined;
  const until = annotation(dep, ANNOTATION.warmUntil);
  return { replicas: deploymentReplicas(dep), ...(until ? { warmUntil: until } : {}) };
}

/** Both colour Deployments and the live one: the Service's selector, else the only colour that runs. */
export async function readColours(ctx: KubeContext): Promise<Colours> {
  const [blue, green] = await Promise.all(
    COLOURS.map((c) => ctx.deployment(colourDeployment(ctx.target, c))),
  );
  const deployments = { blue, green };
  const live = liveColour(await ctx.selectedColour(), { blue: pool(blue), green: pool(green) });
  return { ...(live ? { live } : {}), deployments };
}

/**
 * The state a switch to `live` leaves, for a fleet whose live colour already runs the digest:
 * the Service on it, no keep-warm annotation on it, the other colour retired or kept warm per
 * keepWarmMs. A run killed between its switch and its ledger entry (a rollback's) left the
 * colour it switched away from running; the re-run finishes that. Returns the other colour's
 * warm-until when it is kept warm.
 */
async function settle(
  ctx: KubeContext,
  fleet: Colours,
  live: Colour,
  port: number | undefined,
  keepWarmMs: number,
): Promise<string | undefined> {
  const liveName = colourDeployment(ctx.target, live);
  const liveDep = fleet.deployments[live];
  // The Service may select nothing (edited, recreated); pointing it back restarts nothing.
  const switched = await ctx.selectColour(
    live,
    port ?? (liveDep && containerPort(liveDep, ctx.container)),
  );
  if (switched)
    ctx.log(`traffic switched to ${live}: service ${ctx.serviceName} did not select it`);
  if (liveDep && annotation(liveDep, ANNOTATION.warmUntil)) {
    // A live colour marked warm would read as the idle one to a Service that selects no colour.
    await ctx.annotate(liveName, { [ANNOTATION.warmUntil]: null });
    ctx.log(`${live} (${liveName}) takes the traffic: its keep-warm annotation removed`);
  }
  const idle = otherColour(live);
  const idleName = colourDeployment(ctx.target, idle);
  const idleDep = fleet.deployments[idle];
  const next = idleColour(pool(idleDep), keepWarmMs, ctx.now());
  if (next.kind === 'none' || !idleDep) return undefined;
  const runs = `${idle} (${idleName}) still runs ${ctx.short(ctx.image(idleDep))} beside the live colour`;
  if (next.kind === 'retire') {
    ctx.log(`${runs} and keep-warm is 0: retiring it`);
    if (annotation(idleDep, ANNOTATION.warmUntil))
      await ctx.annotate(idleName, { [ANNOTATION.warmUntil]: null });
    // Only traffic this run moved off it can still be in flight.
    await retire(ctx, idle, switched);
    return undefined;
  }
  if (next.label) {
    await ctx.annotate(idleName, { [ANNOTATION.warmUntil]: next.until });
    ctx.log(`${runs} with no keep-warm window: kept warm until ${next.until}`);
  }
  return next.until;
}

/** Scales warm colours whose keep-warm window has passed to 0; true when it retired one. */
export async function retireExpired(ctx: KubeContext, fleet: Colours): Promise<boolean> {
  let retired = false;
  for (const c of COLOURS) {
    const dep = fleet.deployments[c];
    if (!warmExpired(pool(dep), fleet.live, c, ctx.now())) continue;
    ctx.log(
      `${c} was kept warm until ${annotation(dep as V1Deployment, ANNOTATION.warmUntil)}: retiring it`,
    );
    await ctx.annotate(colourDeployment(ctx.target, c), { [ANNOTATION.warmUntil]: null });
    await retire(ctx, c, false);
    retired = true;
  }
  return retired;
}

/** Scales a colour to 0 after a drain for requests in flight; its Deployment stays for a switch back. */
async function retire(ctx: KubeContext, colour: Colour, drain = true): Promise<void> {
  if (drain) await ctx.sleep(ctx.drainMs);
  const name = colourDeployment(ctx.target, colour);
  await ctx.scale(name, 0);
  ctx.log(`${colour} (${name}) retired: scaled to 0`);
}

/** The second colour's first Deployment: the live one's spec, relabelled, on the new image. */
function sibling(
  ctx: KubeContext,
  live: V1Deployment,
  name: string,
  colour: Colour,
  image: string,
  replicas: number,
): V1Deployment {
  const spec = structuredClone(live.spec) as NonNullable<V1Deployment['spec']>;
  const labels = { ...(spec.template.metadata?.labels ?? {}), [LABEL.colour]: colour };
  spec.replicas = replicas;
  spec.selector = { matchLabels: { ...(spec.selector.matchLabels ?? {}), [LABEL.colour]: colour } };
  spec.template.metadata = { ...(spec.template.metadata ?? {}), labels };
  const container = ctx.containerName(live);
  for (const c of spec.template.spec?.containers ?? []) if (c.name === container) c.image = image;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: ctx.namespace,
      labels: { ...(live.metadata?.labels ?? {}), [LABEL.colour]: colour },
    },
    spec,
  };
}
