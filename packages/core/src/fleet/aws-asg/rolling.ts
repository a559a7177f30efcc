import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import { ConfigurationError } from '../../errors.js';
import { ConvergenceError } from '../converged.js';
import type { ConvergenceProof, DeployRequest, DeployResult } from '../provider.js';
import {
  type AwsContext,
  desiredVersion,
  type GroupTemplate,
  type RefreshEnd,
  short,
  tag,
} from './context.js';
import { TAG } from './spec.js';

/** Where a deploy started from: the group's version and what it runs. */
interface From {
  t: GroupTemplate;
  replicas: number;
  started: number;
}

/**
 * Rolling: a numbered launch template version with the image, then one instance refresh that
 * AWS performs (SkipMatching, MinHealthyPercentage, checkpoints, AutoRollback with the desired
 * configuration it needs), watched until every InService instance is on the version and
 * healthy in the target group. AWS's own rollback is reported as `rolled-back`, never deployed.
 */
export async function rollingDeploy(ctx: AwsContext, r: DeployRequest): Promise<DeployResult> {
  const started = ctx.now();
  const deadline = started + r.healthTimeoutMs;
  const group = await ctx.group();
  const t = await ctx.template(group);
  const from: From = { t, replicas: group.DesiredCapacity ?? 0, started };

  // A refresh still running (a runner that died mid-deploy): watch it when it goes where this
  // deploy goes, refuse when it goes elsewhere.
  const running = await ctx.activeRefresh();
  if (running) {
    const to = desiredVersion(running);
    if (to === undefined || (await ctx.versionImage(t.id, to)) !== r.image) throw ctx.busy(running);
    ctx.log(
      `group ${ctx.target}: refresh ${running.InstanceRefreshId} to ${short(r.image)} is already running: watching it`,
    );
    return finish(ctx, r, running.InstanceRefreshId as string, to, from, deadline);
  }

  if (from.replicas === 0) return firstDeploy(ctx, r, group, t, deadline, started);

  if (t.image === r.image) {
    // Already asked for: unchanged when proved, else the refresh below replaces the stragglers.
    const now = await ctx.prove(t.id, t.version, r.image, from.replicas);
    if (now.converged) {
      ctx.log(`${ctx.target} already runs ${now.summary}: unchanged`);
      const before = Number(tag(group, TAG.previous));
      const previous = before ? await ctx.versionImage(t.id, before) : undefined;
      return {
        outcome: 'unchanged',
        strategy: 'rolling',
        requested: r.image,
        image: r.image,
        ...(previous ? { previous } : {}),
        proof: now,
        durationMs: ctx.now() - started,
      };
    }
  }

  const { version } =
    t.image === r.image ? { version: t.version } : await ctx.versionFor(t, group, r.image);
  if (!t.pinned) {
    // AWS rolls back only to a numbered version: name the one the group runs now.
    await ctx.updateGroup(t, t.version);
    ctx.log(
      `group ${ctx.target}: launch template pinned to version ${t.version} (was a moving version)`,
    );
  }
  const id = await ctx.startRefresh(t, version, r.autoRollback);
  return finish(ctx, r, id, version, from, deadline);
}

/** An empty group: set the version and the size, then prove N/N (nothing to refresh). */
async function firstDeploy(
  ctx: AwsContext,
  r: DeployRequest,
  group: AutoScalingGroup,
  t: GroupTemplate,
  deadline: number,
  started: number,
): Promise<DeployResult> {
  if (!r.replicas)
    throw new ConfigurationError(
      `Auto Scaling group ${ctx.target} has no instances yet: the first deploy needs replicas`,
    );
  const { version } =
    t.image === r.image ? { version: t.version } : await ctx.versionFor(t, group, r.image);
  await ctx.updateGroup(t, version, { DesiredCapacity: r.replicas });
  ctx.log(
    `group ${ctx.target}: ${r.replicas} × ${short(r.image)} (launch template version ${version})`,
  );
  const proof = await ctx.waitConverged(t.id, version, r.image, r.replicas, deadline);
  if (!proof.converged)
    throw new ConvergenceError(
      `group ${ctx.target} did not reach ${proof.summary} within ${r.healthTimeoutMs} ms; there is no earlier version to return to, so it stays as AWS left it: ${proof.problems.join('; ')}`,
      proof,
    );
  await ctx.record(version, undefined);
  return result(ctx, r, 'deployed', r.image, undefined, proof, started);
}

/** Watches the refresh to its end and reports what runs: deployed, rolled-back, or an error. */
async function finish(
  ctx: AwsContext,
  r: DeployRequest,
  id: string,
  version: number,
  from: From,
  deadline: number,
): Promise<DeployResult> {
  const end = await ctx.watchRefresh(id, deadline);
  if (end.status === 'Successful') {
    const proof = await ctx.waitConverged(from.t.id, version, r.image, from.replicas, deadline);
    if (proof.converged) {
      await ctx.record(version, from.t.version);
      return result(ctx, r, 'deployed', r.image, from.t.image, proof, from.started);
    }
    // AWS finished (its health check is not the target group's) but the balancer disagrees.
    return recover(ctx, r, from, {
      ...end,
      status: 'unhealthy',
      reason: `the refresh succeeded but the target group does not see ${proof.summary}: ${proof.problems.join('; ')}`,
    });
  }
  return recover(ctx, r, from, end);
}

/**
 * After a refresh that did not converge: AWS rolled back (proved on the previous version),
 * or Kiln rolls back (AWS's rollback of a running refresh, or a new refresh to the previous
 * version once it ended), or an error that says where the fleet stands.
 */
async function recover(
  ctx: AwsContext,
  r: DeployRequest,
  from: From,
  end: RefreshEnd,
): Promise<DeployResult> {
  const reason = describe(end, r.healthTimeoutMs);
  const back = from.t;
  const backImage = back.image ?? '(the previous version)';
  const prove = (): Promise<ConvergenceProof> =>
    ctx.waitConverged(
      back.id,
      back.version,
      backImage,
      from.replicas,
      ctx.now() + r.healthTimeoutMs,
    );
  const fail = (what: string, proof: ConvergenceProof): never => {
    throw new ConvergenceError(
      `group ${ctx.target} did not converge on ${r.image} (${reason}), ${what}: ${proof.summary}${proof.problems.length ? `: ${proof.problems.join('; ')}` : ''}`,
      proof,
    );
  };

  if (end.status === 'RollbackFailed')
    fail(
      'and AWS could not roll it back',
      await ctx.prove(back.id, back.version, backImage, from.replicas),
    );
  if (end.status === 'RollbackSuccessful' || end.status === 'Cancelled') {
    ctx.log(`group ${ctx.target}: ${reason}`);
  } else if (!r.autoRollback) {
    fail(
      'and auto-rollback is off, so it stays as AWS left it',
      await ctx.prove(back.id, back.version, backImage, from.replicas),
    );
  } else if (end.status === 'timeout') {
    // AWS may be rolling it back already; else Kiln asks it to.
    if (end.refresh.Status !== 'RollbackInProgress') {
      ctx.log(`group ${ctx.target}: ${reason}; asking AWS to roll the refresh back`);
      await ctx.rollbackRefresh();
    }
    const undone = await ctx.watchRefresh(
      end.refresh.InstanceRefreshId as string,
      ctx.now() + r.healthTimeoutMs,
    );
    if (undone.status !== 'RollbackSuccessful')
      fail(
        `and its rollback ended ${undone.status}${undone.reason ? ` (${undone.reason})` : ''}`,
        await ctx.prove(back.id, back.version, backImage, from.replicas),
      );
  } else {
    // Failed without AWS's rollback, or succeeded but unhealthy: a refresh back, as rollback() does.
    ctx.log(
      `group ${ctx.target}: ${reason}; refreshing back to launch template version ${back.version}`,
    );
    const id = await ctx.startRefresh(back, back.version, false);
    const again = await ctx.watchRefresh(id, ctx.now() + r.healthTimeoutMs);
    if (again.status !== 'Successful')
      fail(
        `and the refresh back to version ${back.version} ended ${again.status}`,
        await ctx.prove(back.id, back.version, backImage, from.replicas),
      );
  }
  const proof = await prove();
  if (!proof.converged) fail(`and not back on ${backImage} either`, proof);
  return { ...result(ctx, r, 'rolled-back', backImage, backImage, proof, from.started), reason };
}

/**
 * rollback(): inside a running refresh, AWS's own rollback; outside one, a new refresh to the
 * version Kiln recorded before the known-good one (AWS cannot roll back a finished refresh).
 */
export async function rollingRollback(ctx: AwsContext, timeoutMs: number): Promise<DeployResult> {
  const started = ctx.now();
  const group = await ctx.group();
  const t = await ctx.template(group);
  const replicas = group.DesiredCapacity ?? 0;
  const running = await ctx.activeRefresh();
  if (running?.InstanceRefreshId) {
    const to = desiredVersion(running);
    const from = to !== undefined ? await ctx.versionImage(t.id, to) : undefined;
    await ctx.rollbackRefresh();
    ctx.log(
      `group ${ctx.target}: rolling refresh ${running.InstanceRefreshId} back to version ${t.version}`,
    );
    const end = await ctx.watchRefresh(running.InstanceRefreshId, ctx.now() + timeoutMs);
    const proof = await ctx.waitConverged(
      t.id,
      t.version,
      t.image ?? '',
      replicas,
      ctx.now() + timeoutMs,
    );
    if (end.status !== 'RollbackSuccessful' || !proof.converged)
      throw new ConvergenceError(
        `group ${ctx.target}: the rollback of refresh ${running.InstanceRefreshId} ended ${end.status}${end.reason ? ` (${end.reason})` : ''}: ${proof.summary}`,
        proof,
      );
    return rolledBack(ctx, t.image ?? '', from, proof, started);
  }

  const previous = Number(tag(group, TAG.previous));
  if (!previous || previous === t.version)
    throw new ConfigurationError(
      `group ${ctx.target} has no earlier known-good launch template version recorded (tag ${TAG.previous}): deploy an explicit digest instead`,
    );
  const image = await ctx.versionImage(t.id, previous);
  if (!image)
    throw new ConfigurationError(
      `launch template ${t.name} version ${previous} names no image to return to`,
    );
  ctx.log(
    `group ${ctx.target}: rolling back from ${short(t.image ?? '')} (version ${t.version}) to ${short(image)} (version ${previous})`,
  );
  const id = await ctx.startRefresh(t, previous, true);
  const end = await ctx.watchRefresh(id, ctx.now() + timeoutMs);
  const proof =
    end.status === 'Successful'
      ? await ctx.waitConverged(t.id, previous, image, replicas, ctx.now() + timeoutMs)
      : await ctx.prove(t.id, previous, image, replicas);
  if (!proof.converged)
    throw new ConvergenceError(
      `group ${ctx.target} did not converge back on ${image} (refresh ${id} ${describe(end, timeoutMs)}): ${proof.summary}`,
      proof,
    );
  // The version rolled back from is not recorded as a place to go back to.
  await ctx.record(previous, undefined);
  return rolledBack(ctx, image, t.image, proof, started);
}

function rolledBack(
  ctx: AwsContext,
  image: string,
  from: string | undefined,
  proof: ConvergenceProof,
  started: number,
): DeployResult {
  return {
    outcome: 'rolled-back',
    strategy: 'rolling',
    requested: image,
    image,
    ...(from ? { previous: from } : {}),
    proof,
    durationMs: ctx.now() - started,
  };
}

/** A refresh's end in a sentence for the result's reason. */
function describe(end: RefreshEnd, timeoutMs: number): string {
  const said = end.reason ? `: ${end.reason}` : '';
  switch (end.status) {
    case 'timeout':
      return `instance refresh ${end.refresh.InstanceRefreshId} not done within ${timeoutMs} ms (${end.refresh.Status}, ${end.refresh.PercentageComplete ?? 0}% done)`;
    case 'RollbackSuccessful':
      return `AWS rolled instance refresh ${end.refresh.InstanceRefreshId} back${said}`;
    case 'unhealthy':
      return end.reason;
    default:
      return `instance refresh ${end.refresh.InstanceRefreshId} ended ${end.status}${said}`;
  }
}

function result(
  ctx: AwsContext,
  r: DeployRequest,
  outcome: DeployResult['outcome'],
  image: string,
  previous: string | undefined,
  proof: ConvergenceProof,
  started: number,
): DeployResult {
  return {
    outcome,
    strategy: 'rolling',
    requested: r.image,
    image,
    ...(previous ? { previous } : {}),
    proof,
    durationMs: ctx.now() - started,
  };
}
