import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsAsgSettings } from '../../config/kiln-config.js';
import { ConfigurationError, invalidInput } from '../../errors.js';
import { AMI_ID, pinnedIdOf, proveConvergence } from '../converged.js';
import type {
  ConvergenceProof,
  DeployRequest,
  DeployResult,
  FleetProvider,
  FleetState,
} from '../provider.js';
import { checkDeployRequest } from '../request-check.js';
import { blueGreenRefusal } from './blue-green.js';
import { AwsContext, type AwsClients, type AwsSettings, tag } from './context.js';
import { rollingDeploy, rollingRollback } from './rolling.js';
import { TAG } from './spec.js';

/** Settings of the aws-asg provider; the clients default to the SDK's, on the environment's credentials. */
export interface AwsAsgProviderSettings extends Omit<AwsSettings, 'clients'> {
  clients?: AwsClients;
  /** Where the group is; default AWS_REGION (as aws-actions/configure-aws-credentials sets it). */
  region?: string;
  /** rollback() has no request: how long the fleet may take to be back N/N. */
  rollbackTimeoutMs?: number;
  /** The process environment the region is read from (tests pass their own). */
  env?: NodeJS.ProcessEnv;
}

/** Instance refreshes take minutes per batch; rollback() gets as long as a deploy usually does. */
const DEFAULT_ROLLBACK_TIMEOUT_MS = 30 * 60_000;
/** AWS's rule for group names: 1 to 255 characters, no control characters. */
const GROUP_NAME = /^[^\p{Cc}]{1,255}$/u;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The region from the settings, else the environment; none is a configuration error. */
export function awsRegion(region: string | undefined, env: NodeJS.ProcessEnv): string {
  const value = region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!value)
    throw new ConfigurationError(
      'provider aws-asg needs a region: set aws-asg.region in kiln.yml or AWS_REGION (aws-actions/configure-aws-credentials sets it)',
    );
  if (!REGION.test(value))
    throw invalidInput('region', value, 'must be an AWS region such as us-east-1');
  return value;
}

/**
 * The SDK's clients on the default credential chain (the environment variables, web identity
 * token or profile aws-actions/configure-aws-credentials leaves). Their own retries are off:
 * errors.ts retries throttling, so there is one layer of retries, not two.
 */
export function defaultClients(region: string): AwsClients {
  const config = { region, maxAttempts: 1 };
  return {
    autoScaling: new AutoScalingClient(config),
    ec2: new EC2Client(config),
    elb: new ElasticLoadBalancingV2Client(config),
  };
}

/** The provider's settings from a kiln.yml `aws-asg:` block (the deploy request wires them). */
export function awsAsgSettingsOf(target: string, s: AwsAsgSettings): AwsAsgProviderSettings {
  return {
    target,
    ...(s.region ? { region: s.region } : {}),
    ...(s.launchTemplate ? { launchTemplate: s.launchTemplate } : {}),
    ...(s.targetGroupArn ? { targetGroupArns: [s.targetGroupArn] } : {}),
    ...(s.minHealthyPercentage !== undefined
      ? { minHealthyPercentage: s.minHealthyPercentage }
      : {}),
  };
}

/** A fleet on an EC2 Auto Scaling group: launch template versions, rolled out by instance refresh. */
export class AwsAsgProvider implements FleetProvider {
  readonly kind = 'aws-asg';
  readonly target: string;
  private readonly ctx: AwsContext;
  private readonly rollbackTimeoutMs: number;

  constructor(settings: AwsAsgProviderSettings) {
    if (!GROUP_NAME.test(settings.target))
      throw new ConfigurationError(
        `Fleet target ${JSON.stringify(settings.target)} is not an Auto Scaling group name: 1 to 255 characters, no control characters`,
      );
    const pct = settings.minHealthyPercentage;
    if (pct !== undefined && !(Number.isInteger(pct) && pct >= 0 && pct <= 100))
      throw invalidInput(
        'min-healthy-percentage',
        String(pct),
        'must be a whole number from 0 to 100',
      );
    const points = settings.checkpointPercentages ?? [];
    if (
      points.some(
        (p, i) =>
          !Number.isInteger(p) || p < 1 || p > 100 || (i > 0 && p <= (points[i - 1] as number)),
      )
    )
      throw invalidInput(
        'checkpoint-percentages',
        points.join(','),
        'must be rising whole percentages from 1 to 100',
      );
    this.target = settings.target;
    this.rollbackTimeoutMs = settings.rollbackTimeoutMs ?? DEFAULT_ROLLBACK_TIMEOUT_MS;
    this.ctx = new AwsContext({
      ...settings,
      clients:
        settings.clients ?? defaultClients(awsRegion(settings.region, settings.env ?? process.env)),
    });
  }

  async current(): Promise<FleetState> {
    const group = await this.ctx.findGroup();
    if (!group || (group.DesiredCapacity ?? 0) === 0)
      return { target: this.target, exists: false, replicas: 0, digests: [], tasks: [] };
    const t = await this.ctx.template(group);
    const tasks = await this.ctx.tasks(group, t.id);
    const before = Number(tag(group, TAG.previous));
    const previous = before ? await this.ctx.versionImage(t.id, before) : undefined;
    return {
      target: this.target,
      exists: true,
      strategy: 'rolling',
      ...(t.image ? { image: t.image } : {}),
      ...(previous ? { previous } : {}),
      replicas: group.DesiredCapacity ?? 0,
      digests: [...new Set(tasks.map((x) => pinnedIdOf(x.image) ?? x.image))].sort(),
      tasks,
    };
  }

  async deploy(request: DeployRequest): Promise<DeployResult> {
    // An AMI id is as immutable as a digest; anything else must be pinned by digest.
    checkDeployRequest(request, { immutableId: AMI_ID });
    if (request.strategy === 'blue-green') throw blueGreenRefusal(this.target);
    return rollingDeploy(this.ctx, request);
  }

  async rollback(): Promise<DeployResult> {
    return rollingRollback(this.ctx, this.rollbackTimeoutMs);
  }

  /** N/N on `digest` (or AMI id), counted on the version the group asks for. */
  async converged(digest: string, replicas: number): Promise<ConvergenceProof> {
    const group = await this.ctx.findGroup();
    if (!group) return proveConvergence([], digest, replicas);
    const t = await this.ctx.template(group);
    return proveConvergence(await this.ctx.tasks(group, t.id), digest, replicas, {
      want: String(t.version),
      noun: 'launch template version',
    });
  }
}
