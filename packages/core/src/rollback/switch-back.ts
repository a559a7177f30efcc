import { ConvergenceError, digestOf, shortDigest } from '../fleet/converged.js';
import {
  type ConvergenceProof,
  type DeployRequest,
  type DeployResult,
  type FleetProvider,
  type FleetState,
  isTrafficRouting,
  type TrafficRouter,
} from '../fleet/provider.js';

/** How a rollback reached its digest: one switch back to a warm colour, or a deploy of it. */
export interface RollbackPath {
  kind: 'switch-back' | 'redeploy';
  /** The log line that says which, and why. */
  line: string;
}

/**
 * Which path a rollback to `request.image` takes on the fleet as it is now: inside a blue-green
 * fleet's keep-warm window the colour that still runs the digest takes the traffic back in one
 * switch; anything else is the same deploy any digest gets.
 */
export function rollbackPath(state: FleetState, request: DeployRequest): RollbackPath {
  const digest = digestOf(request.image) as string;
  const short = shortDigest(digest);
  if (state.strategy === 'blue-green' && request.strategy === 'blue-green') {
    // An earlier run switched and died before its ledger entry: the deploy finishes its work.
    if (state.live && state.image && digestOf(state.image) === digest)
      return {
        kind: 'redeploy',
        line: `rollback path: blue-green deploy: the live colour ${state.live} already runs ${short} (an earlier run switched to it), so the deploy finds it unchanged and retires or keeps warm the other colour per keep-warm`,
      };
    const warm = state.warm;
    if (warm && digestOf(warm.image) === digest)
      return {
        kind: 'switch-back',
        line: `rollback path: switch back: ${warm.colour} still runs ${short}${warm.until ? ` (kept warm until ${warm.until})` : ''}, so the rollback is one traffic switch (the provider's rollback)`,
      };
    const why = warm
      ? `the warm colour ${warm.colour} runs ${shortDigest(digestOf(warm.image) ?? warm.image)}`
      : 'no colour is kept warm';
    return {
      kind: 'redeploy',
      line: `rollback path: blue-green deploy: ${why}, so ${short} starts on the idle colour, then traffic switches once`,
    };
  }
  return {
    kind: 'redeploy',
    line: `rollback path: ${request.strategy} deploy of ${short} (${state.exists ? `the fleet is ${state.strategy ?? 'unknown'}` : 'the fleet does not exist'}: there is no warm colour to switch back to)`,
  };
}

/**
 * The fleet as replace-fleet drives it for a rollback: deploy() of the digest a warm colour
 * still runs is the provider's rollback() (one switch back); any other deploy is the provider's
 * own. The path taken is logged and kept in `path`. The provider calls its own rollback
 * `rolled-back`; here it is the requested digest deployed, N/N, which is what the ledger records.
 */
export class SwitchBackProvider implements FleetProvider {
  readonly kind: string;
  readonly target: string;
  /** The path the last deploy() took. */
  path: RollbackPath | undefined;
  /** What current() last saw: replace-fleet looks just before it deploys, and that look decides. */
  private seen: FleetState | undefined;

  /**
   * `afterMove`: work done once the fleet was reached and moved onto the requested digest,
   * before deploy() returns (rollback's quarantine: written only for a rollback that happened,
   * and before the rollback's own entry). It must not reject.
   * `look`: a current() of the inner provider already under way; the first current() is it.
   */
  constructor(
    private readonly inner: FleetProvider,
    private readonly log: (line: string) => void = () => {},
    private readonly afterMove: (moved: DeployResult) => Promise<unknown> = async () => {},
    private look?: () => Promise<FleetState>,
  ) {
    this.kind = inner.kind;
    this.target = inner.target;
  }

  /** The inner provider's router, so the fleet still reads as traffic-routed. */
  get router(): TrafficRouter | undefined {
    return isTrafficRouting(this.inner) ? this.inner.router : undefined;
  }

  async current(): Promise<FleetState> {
    const look = this.look ?? (() => this.inner.current());
    this.look = undefined;
    this.seen = await look();
    return this.seen;
  }

  rollback(): Promise<DeployResult> {
    return this.inner.rollback();
  }

  converged(digest: string, replicas: number): Promise<ConvergenceProof> {
    return this.inner.converged(digest, replicas);
  }

  async deploy(request: DeployRequest): Promise<DeployResult> {
    const moved = await this.move(request);
    if (moved.outcome !== 'rolled-back') await this.afterMove(moved);
    return moved;
  }

  private async move(request: DeployRequest): Promise<DeployResult> {
    const seen = this.seen ?? (await this.inner.current());
    this.seen = undefined;
    const path = rollbackPath(seen, request);
    this.path = path;
    this.log(path.line);
    if (path.kind === 'redeploy') return this.inner.deploy(request);
    // The look that chose the path is the one the switch acts on: no second look before it.
    const back = await this.inner.rollback(seen);
    const digest = digestOf(request.image) as string;
    // The warm colour could have been changed between the look and the switch: only N/N on
    // the requested digest counts as deployed.
    if (digestOf(back.image) !== digest || !back.proof.converged || back.proof.digest !== digest)
      throw new ConvergenceError(
        `the switch back to ${request.image} ended on ${back.image}: ${back.proof.summary}`,
        back.proof,
      );
    // Without the provider's own reason ("rollback requested"): the ledger records the user's.
    const { reason: _reason, ...rest } = back;
    return { ...rest, outcome: 'deployed', requested: request.image, image: request.image };
  }
}
