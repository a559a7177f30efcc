import type { V1Deployment } from '@kubernetes/client-node';
import { ConfigurationError } from '../../errors.js';
import { ConvergenceError, digestOf, proveConvergence } from '../converged.js';
import type { DeployRequest, DeployResult } from '../provider.js';
import type { KubeContext, WaitEnd } from './context.js';
import { pullFailure } from './errors.js';
import {
  ANNOTATION,
  annotation,
  deploymentReplicas,
  imagePatch,
  label,
  LABEL,
  newDeployment,
  previousReplicaSet,
  rolloutStatus,
} from './spec.js';

/**
 * Rolling: one Deployment, replaced by the deployment controller itself (its image patched to
 * the digest, as `kubectl set image`), watched as `kubectl rollout status` does and proven N/N
 * from the pods' image ids. A rollout that stalls is undone to the previous ReplicaSet
 * (`kubectl rollout undo`) and reported `rolled-back`, never deployed.
 */
export async function rollingDeploy(ctx: KubeContext, r: DeployRequest): Promise<DeployResult> {
  const started = ctx.now();
  const name = ctx.target;
  const digest = digestOf(r.image) as string;
  const existing = await ctx.deployment(name);
  if (existing && label(existing, LABEL.strategy) === 'blue-green')
    throw new ConfigurationError(
      `Deployment ${name} is a colour of a blue-green fleet; deploy it with strategy blue-green`,
    );
  const deadline = () => ctx.now() + r.healthTimeoutMs;

  if (!existing) {
    if (!r.replicas)
      throw new ConfigurationError(
        `Deployment ${name} does not exist in namespace ${ctx.namespace}: create it (kubectl apply) or give replicas for a first deploy`,
      );
    await ctx.createDeployment(
      newDeployment(name, ctx.namespace, r, {
        target: name,
        strategy: 'rolling',
        replicas: r.replicas,
        ...(ctx.container ? { container: ctx.container } : {}),
      }),
    );
    await ctx.selectColour(undefined, r.port);
    ctx.log(`Deployment ${name} created: ${r.replicas} × ${r.image}`);
    const end = await ctx.waitFor(name, digest, r.replicas, deadline());
    if (end.kind !== 'converged')
      throw new ConvergenceError(
        `Deployment ${name} did not reach ${end.proof.summary} within ${r.healthTimeoutMs} ms; there is no earlier revision to return to, so it stays as the controller left it: ${ctx.explain(end)}`,
        end.proof,
      );
    return result(ctx, r, 'deployed', r.image, undefined, end, started);
  }

  const current = ctx.image(existing);
  const replicas = r.replicas ?? deploymentReplicas(existing);
  const status = rolloutStatus(existing);
  if (digestOf(current) === digest && status.kind === 'complete') {
    // Already asked for and rolled out: nothing to do, nothing restarted.
    const now = proveConvergence(await ctx.tasks(existing), digest, replicas);
    if (now.converged && replicas === deploymentReplicas(existing)) {
      ctx.log(`Deployment ${name} already runs ${now.summary}: unchanged`);
      const before = await previousImage(ctx, existing);
      return {
        outcome: 'unchanged',
        strategy: 'rolling',
        requested: r.image,
        image: r.image,
        ...(before ? { previous: before } : {}),
        proof: now,
        durationMs: ctx.now() - started,
      };
    }
  }

  // A rollout to this digest still under way (a runner that died mid-deploy): watch it
  // finish; the previous revision is what it replaces. Anything else gets one patch.
  const inFlight = digestOf(current) === digest && status.kind === 'progressing';
  const before = inFlight ? ((await previousImage(ctx, existing)) ?? current) : current;
  if (inFlight) {
    ctx.log(
      `Deployment ${name}: a rollout to ${ctx.short(r.image)} is already under way: watching it`,
    );
  } else {
    await ctx.patchDeployment(
      name,
      imagePatch(ctx.containerName(existing), r.image, {
        ...(replicas !== deploymentReplicas(existing) ? { replicas } : {}),
        ...(annotation(existing, ANNOTATION.rolledBackFrom)
          ? { annotations: { [ANNOTATION.rolledBackFrom]: null } }
          : {}),
      }),
    );
    ctx.log(`Deployment ${name}: image set to ${ctx.short(r.image)}; the controller rolls it out`);
  }
  const end = await ctx.waitFor(name, digest, replicas, deadline());
  if (end.kind === 'converged') return result(ctx, r, 'deployed', r.image, before, end, started);
  return recover(ctx, r, end, before, replicas, started);
}

/** After a rollout that did not converge: undone to the previous ReplicaSet, then proven N/N there. */
async function recover(
  ctx: KubeContext,
  r: DeployRequest,
  end: WaitEnd,
  previous: string,
  replicas: number,
  started: number,
): Promise<DeployResult> {
  const name = ctx.target;
  const reason = ctx.explain(end);
  if (end.kind === 'reverted')
    // Someone else wrote the Deployment meanwhile: theirs is the newer intent; Kiln undoes nothing.
    throw new ConvergenceError(
      `Deployment ${name} changed while it rolled out ${r.image}: ${reason}; left as it is`,
      end.proof,
    );
  if (!r.autoRollback || !end.deployment)
    throw new ConvergenceError(
      `Deployment ${name} did not converge on ${r.image} (${end.proof.summary}) and ${r.autoRollback ? 'is gone' : 'auto-rollback is off, so it stays as the controller left it'}: ${reason}`,
      end.proof,
    );
  ctx.log(
    `Deployment ${name}: ${reason}; undoing to the previous revision (${ctx.short(previous)})`,
  );
  // Read before the undo scales the new pods away: an image no pod could pull never ran.
  const pull = pullFailure(await ctx.tasks(end.deployment), r.image);
  const back = await ctx.undo(end.deployment, r.image);
  if (!back || digestOf(back) === undefined)
    throw new ConvergenceError(
      `Deployment ${name} did not converge on ${r.image} (${reason}), and it has no earlier revision on a digest to undo to`,
      end.proof,
    );
  const done = await ctx.waitFor(
    name,
    digestOf(back) as string,
    replicas,
    ctx.now() + r.healthTimeoutMs,
  );
  if (done.kind !== 'converged')
    throw new ConvergenceError(
      `Deployment ${name} did not converge on ${r.image} (${reason}), and not back on ${back} either: ${done.proof.summary}: ${ctx.explain(done)}`,
      done.proof,
    );
  return {
    ...result(ctx, r, 'rolled-back', back, back, done, started),
    ...(pull ? { failure: 'pull', reason: `the image could not be pulled: ${pull}` } : { reason }),
  };
}

/** `kubectl rollout undo`: back to the previous revision, watched to N/N. */
export async function rollingRollback(
  ctx: KubeContext,
  existing: V1Deployment,
  healthTimeoutMs: number,
): Promise<DeployResult> {
  const started = ctx.now();
  const name = ctx.target;
  const current = ctx.image(existing);
  const from = annotation(existing, ANNOTATION.rolledBackFrom);
  if (from)
    // The previous revision is now the release rolled back from: "back" would redeploy it.
    throw new ConfigurationError(
      `Deployment ${name} was already rolled back to ${current} (from ${from}); its previous revision is the release it rolled back from: deploy an explicit digest instead`,
    );
  const replicas = deploymentReplicas(existing);
  const back = await ctx.undo(existing, current);
  if (!back || digestOf(back) === undefined)
    throw new ConfigurationError(
      `Deployment ${name} has no previous revision on a digest to roll back to`,
    );
  ctx.log(`Deployment ${name}: undoing from ${ctx.short(current)} to ${ctx.short(back)}`);
  const end = await ctx.waitFor(
    name,
    digestOf(back) as string,
    replicas,
    ctx.now() + healthTimeoutMs,
  );
  if (end.kind !== 'converged')
    throw new ConvergenceError(
      `Deployment ${name} did not converge back on ${back}: ${end.proof.summary}: ${ctx.explain(end)}`,
      end.proof,
    );
  return {
    outcome: 'rolled-back',
    strategy: 'rolling',
    requested: back,
    image: back,
    previous: current,
    reason: 'rollback requested',
    proof: end.proof,
    durationMs: ctx.now() - started,
  };
}

/** The image of the previous revision (what an undo would return to), if any. */
export async function previousImage(
  ctx: KubeContext,
  dep: V1Deployment,
): Promise<string | undefined> {
  const rs = previousReplicaSet(dep, await ctx.replicaSets(dep));
  const name = ctx.containerName(dep);
  return rs?.spec?.template?.spec?.containers.find((c) => c.name === name)?.image;
}

function result(
  ctx: KubeContext,
  r: DeployRequest,
  outcome: DeployResult['outcome'],
  image: string,
  previous: string | undefined,
  end: WaitEnd,
  started: number,
): DeployResult {
  ctx.log(`Deployment ${ctx.target}: ${end.proof.summary}`);
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
