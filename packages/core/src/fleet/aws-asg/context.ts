import {
  type AutoScalingClient,
  type AutoScalingGroup,
  CreateOrUpdateTagsCommand,
  DeleteTagsCommand,
  DescribeAutoScalingGroupsCommand,
  DescribeInstanceRefreshesCommand,
  type InstanceRefresh,
  type LaunchTemplateSpecification,
  RollbackInstanceRefreshCommand,
  StartInstanceRefreshCommand,
  UpdateAutoScalingGroupCommand,
  type UpdateAutoScalingGroupCommandInput,
} from '@aws-sdk/client-auto-scaling';
import {
  CreateLaunchTemplateVersionCommand,
  DescribeLaunchTemplateVersionsCommand,
  type EC2Client,
  type ResponseLaunchTemplateData,
} from '@aws-sdk/client-ec2';
import {
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { ConfigurationError } from '../../errors.js';
import type { RetryOptions } from '../../util/retry.js';
import { sleep as realSleep } from '../../util/retry.js';
import { AMI_ID, pinnedIdOf, proveConvergence, shortDigest } from '../converged.js';
import type { ConvergenceProof, FleetTask } from '../provider.js';
import { type AwsService, callAws, isRefreshInProgress } from './errors.js';
import {
  ACTIVE_REFRESH,
  instanceState,
  isWanted,
  TAG,
  targetHealth,
  versionImage,
  withImage,
} from './spec.js';

/** The calls the provider makes: the SDK clients' `send`, so tests pass aws-sdk-client-mock's. */
export interface AwsClients {
  autoScaling: Pick<AutoScalingClient, 'send'>;
  ec2: Pick<EC2Client, 'send'>;
  elb: Pick<ElasticLoadBalancingV2Client, 'send'>;
}

export interface AwsSettings {
  /** The Auto Scaling group. */
  target: string;
  clients: AwsClients;
  /** The launch template to version (name or `lt-…`); default: the one the group uses. */
  launchTemplate?: string;
  /** Where health is read; default: every target group attached to the group. */
  targetGroupArns?: string[];
  /** Instances kept in service during a refresh, in percent (AWS's default is 90). */
  minHealthyPercentage?: number;
  /** Refresh pauses at these percentages for `checkpointDelaySeconds`. */
  checkpointPercentages?: number[];
  checkpointDelaySeconds?: number;
  /** Seconds a new instance gets before its health counts (else the group's own). */
  instanceWarmupSeconds?: number;
  log?: (line: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Time between two looks at AWS. */
  pollMs?: number;
  /** The throttling retries (sleep and backoff), for tests. */
  retry?: Omit<RetryOptions, 'retryable'>;
}

/** The group's launch template, resolved to a number. */
export interface GroupTemplate {
  id: string;
  name: string;
  /** The numbered version the group asks for (`$Latest` and `$Default` resolved). */
  version: number;
  /** Whether the group names that number itself (AWS can only roll back to a numbered version). */
  pinned: boolean;
  /** What instances of that version run (container reference or AMI id). */
  image: string | undefined;
}

/** How a watched refresh ended. */
export interface RefreshEnd {
  status: string;
  refresh: InstanceRefresh;
  /** The service's reason, when it gave one. */
  reason: string;
}

const DEFAULT_POLL_MS = 15_000;
const DEFAULT_MIN_HEALTHY = 90;
const NOUN = 'launch template version';

/**
 * What the strategies share: the three clients (every call through errors.ts), the clock and
 * the log, and the few reads and writes of a group, its template and its refreshes.
 */
export class AwsContext {
  readonly target: string;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly pollMs: number;
  readonly minHealthyPercentage: number;
  private readonly s: AwsSettings;
  private readonly versions = new Map<string, ResponseLaunchTemplateData>();

  constructor(s: AwsSettings) {
    this.s = s;
    this.target = s.target;
    this.now = s.now ?? Date.now;
    this.sleep = s.sleep ?? realSleep;
    this.pollMs = s.pollMs ?? DEFAULT_POLL_MS;
    this.minHealthyPercentage = s.minHealthyPercentage ?? DEFAULT_MIN_HEALTHY;
  }

  log(line: string): void {
    this.s.log?.(line);
  }

  /** One call: throttling retried, failures mapped, in errors.ts. */
  private call<T>(service: AwsService, action: string, doing: string, fn: () => Promise<T>) {
    return callAws(fn, { service, action, doing }, { sleep: this.sleep, ...this.s.retry });
  }

  /** The group, or undefined when AWS has none of that name. */
  async findGroup(): Promise<AutoScalingGroup | undefined> {
    const out = await this.call(
      'autoscaling',
      'DescribeAutoScalingGroups',
      `describe Auto Scaling group ${this.target}`,
      () =>
        this.s.clients.autoScaling.send(
          new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [this.target] }),
        ),
    );
    return out.AutoScalingGroups?.find((g) => g.AutoScalingGroupName === this.target);
  }

  /** The group; Kiln never creates one (subnets, roles and balancers are infrastructure code's). */
  async group(): Promise<AutoScalingGroup> {
    const g = await this.findGroup();
    if (!g)
      throw new ConfigurationError(
        `Auto Scaling group ${this.target} does not exist (or is not in this region): create it with its launch template and target group first; Kiln replaces what it runs`,
      );
    return g;
  }

  /** The group's launch template, its version resolved to a number and what that version runs. */
  async template(group: AutoScalingGroup): Promise<GroupTemplate> {
    const spec = groupTemplate(group);
    if (!spec?.LaunchTemplateId)
      throw new ConfigurationError(
        `Auto Scaling group ${this.target} does not use a launch template${group.LaunchConfigurationName ? ` (it uses launch configuration ${group.LaunchConfigurationName})` : ''}: Kiln deploys by launch template versions; move the group to a launch template`,
      );
    if (
      this.s.launchTemplate &&
      this.s.launchTemplate !== spec.LaunchTemplateId &&
      this.s.launchTemplate !== spec.LaunchTemplateName
    )
      throw new ConfigurationError(
        `Auto Scaling group ${this.target} uses launch template ${spec.LaunchTemplateName ?? spec.LaunchTemplateId}, not ${this.s.launchTemplate} as aws-asg.launch-template says`,
      );
    const asked = spec.Version ?? '$Default';
    const pinned = /^\d+$/.test(asked);
    const [v] = await this.describeVersions(spec.LaunchTemplateId, [asked]);
    if (!v?.VersionNumber)
      throw new ConfigurationError(
        `launch template ${spec.LaunchTemplateId} has no version ${asked}, which group ${this.target} asks for`,
      );
    return {
      id: spec.LaunchTemplateId,
      name: spec.LaunchTemplateName ?? v.LaunchTemplateName ?? spec.LaunchTemplateId,
      version: v.VersionNumber,
      pinned,
      image: versionImage(v.LaunchTemplateData ?? {}),
    };
  }

  /** What instances of a numbered version run. Versions never change, so each is read once. */
  async versionImage(templateId: string, version: number): Promise<string | undefined> {
    return versionImage(await this.versionData(templateId, version));
  }

  private async versionData(templateId: string, version: number) {
    const key = `${templateId}/${version}`;
    const known = this.versions.get(key);
    if (known) return known;
    const [v] = await this.describeVersions(templateId, [String(version)]);
    const data = v?.LaunchTemplateData ?? {};
    this.versions.set(key, data);
    return data;
  }

  private async describeVersions(templateId: string, versions: string[]) {
    const out = await this.call(
      'ec2',
      'DescribeLaunchTemplateVersions',
      `read launch template ${templateId} version ${versions.join(', ')}`,
      () =>
        this.s.clients.ec2.send(
          new DescribeLaunchTemplateVersionsCommand({
            LaunchTemplateId: templateId,
            Versions: versions,
          }),
        ),
    );
    const found = out.LaunchTemplateVersions ?? [];
    for (const v of found)
      if (v.VersionNumber && v.LaunchTemplateData)
        this.versions.set(`${templateId}/${v.VersionNumber}`, v.LaunchTemplateData);
    return found;
  }

  /**
   * A numbered version that runs `image`: the one Kiln recorded as previous when it runs it
   * (a return to a known-good release reuses its AMI too), else a new version from `base`
   * with the image (the AMI, or the KILN_IMAGE line of its user data).
   */
  async versionFor(
    t: GroupTemplate,
    group: AutoScalingGroup,
    image: string,
  ): Promise<{ version: number; created: boolean }> {
    const recorded = Number(tag(group, TAG.previous));
    if (recorded && (await this.versionImage(t.id, recorded)) === image)
      return { version: recorded, created: false };
    const base = await this.versionData(t.id, t.version);
    const where = `launch template ${t.name} version ${t.version}`;
    const isAmi = AMI_ID.test(image);
    const inUserData = versionImage({ UserData: base.UserData });
    if (isAmi && inUserData !== undefined)
      throw new ConfigurationError(
        `${where} runs the container ${inUserData} from its user data; deploy a container image (repo@sha256:…) to it, not an AMI`,
      );
    const data = isAmi ? { ImageId: image } : { UserData: withImage(base.UserData, image, where) };
    const out = await this.call(
      'ec2',
      'CreateLaunchTemplateVersion',
      `create a version of launch template ${t.name}`,
      () =>
        this.s.clients.ec2.send(
          new CreateLaunchTemplateVersionCommand({
            LaunchTemplateId: t.id,
            SourceVersion: String(t.version),
            VersionDescription: `kiln: ${short(image)}`.slice(0, 255),
            LaunchTemplateData: data,
          }),
        ),
    );
    const version = out.LaunchTemplateVersion?.VersionNumber;
    if (!version)
      throw new ConfigurationError(
        `EC2 created a version of launch template ${t.name} but did not say its number`,
      );
    this.log(`launch template ${t.name}: version ${version} runs ${short(image)}`);
    return { version, created: true };
  }

  /** Sets the group's launch template version (and size); no instance is replaced by this. */
  async updateGroup(
    t: GroupTemplate,
    version: number,
    extra: Omit<UpdateAutoScalingGroupCommandInput, 'AutoScalingGroupName'> = {},
  ): Promise<void> {
    await this.call(
      'autoscaling',
      'UpdateAutoScalingGroup',
      `set group ${this.target} to launch template version ${version}`,
      () =>
        this.s.clients.autoScaling.send(
          new UpdateAutoScalingGroupCommand({
            AutoScalingGroupName: this.target,
            LaunchTemplate: { LaunchTemplateId: t.id, Version: String(version) },
            ...extra,
          }),
        ),
    );
  }

  /** The group's instances with their template version, image and target health. */
  async tasks(group: AutoScalingGroup, templateId: string): Promise<FleetTask[]> {
    const instances = (group.Instances ?? []).filter((i) => isWanted(i.LifecycleState));
    const health = await this.targetHealth(group);
    return Promise.all(
      instances.map(async (i): Promise<FleetTask> => {
        const lt = i.LaunchTemplate;
        const version = /^\d+$/.test(lt?.Version ?? '') ? Number(lt?.Version) : undefined;
        const sameTemplate = lt?.LaunchTemplateId === templateId;
        const image =
          sameTemplate && version !== undefined
            ? await this.versionImage(templateId, version)
            : undefined;
        const th = health.get(i.InstanceId ?? '');
        return {
          id: i.InstanceId ?? '',
          node: i.AvailabilityZone ?? '',
          state: instanceState(i.LifecycleState),
          health: targetHealth(th?.state),
          image: image ?? i.ImageId ?? '(unknown)',
          ...(lt?.Version
            ? { revision: sameTemplate ? lt.Version : `${lt.LaunchTemplateId}/${lt.Version}` }
            : {}),
          ...(th?.reason ? { error: th.reason } : {}),
        };
      }),
    );
  }

  /**
   * Each instance's worst state over the target groups: the health signal. An instance counts
   * healthy only when every target group the fleet serves through says so.
   */
  private async targetHealth(
    group: AutoScalingGroup,
  ): Promise<Map<string, { state: string; reason?: string }>> {
    const arns = this.s.targetGroupArns?.length
      ? this.s.targetGroupArns
      : (group.TargetGroupARNs ?? []);
    if (arns.length === 0)
      throw new ConfigurationError(
        `Auto Scaling group ${this.target} has no target group: Kiln takes the load balancer's target health as the health signal; attach one or set aws-asg.target-group-arn`,
      );
    const worst = new Map<string, { state: string; reason?: string }>();
    for (const arn of arns) {
      const out = await this.call(
        'elasticloadbalancing',
        'DescribeTargetHealth',
        `read the target health of ${arn}`,
        () => this.s.clients.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn })),
      );
      const seen = new Set<string>();
      for (const d of out.TargetHealthDescriptions ?? []) {
        const id = d.Target?.Id;
        if (!id) continue;
        seen.add(id);
        const state = d.TargetHealth?.State ?? 'unknown';
        const reason = d.TargetHealth?.Description ?? d.TargetHealth?.Reason;
        const before = worst.get(id);
        if (!before || before.state === 'healthy')
          worst.set(id, { state, ...(reason ? { reason } : {}) });
      }
      // An instance a target group does not list is not served by it: not healthy.
      for (const i of group.Instances ?? [])
        if (i.InstanceId && !seen.has(i.InstanceId))
          worst.set(i.InstanceId, { state: 'unused', reason: `not registered in ${arn}` });
    }
    return worst;
  }

  /** The N/N proof on `image` and `version`, from one fresh look at the group. */
  async prove(
    templateId: string,
    version: number,
    image: string,
    replicas: number,
  ): Promise<ConvergenceProof> {
    const group = await this.group();
    return proveConvergence(
      await this.tasks(group, templateId),
      pinnedIdOf(image) ?? image,
      replicas,
      {
        want: String(version),
        noun: NOUN,
      },
    );
  }

  /** Polls the proof until it holds or the deadline passes. */
  async waitConverged(
    templateId: string,
    version: number,
    image: string,
    replicas: number,
    deadline: number,
  ): Promise<ConvergenceProof> {
    let last = '';
    for (;;) {
      const proof = await this.prove(templateId, version, image, replicas);
      const line = `${this.target}: ${proof.summary} (launch template version ${version})`;
      if (line !== last) this.log(line);
      last = line;
      if (proof.converged || this.now() >= deadline) return proof;
      await this.sleep(this.pollMs);
    }
  }

  /** The group's most recent refreshes, newest first. */
  async refreshes(ids?: string[]): Promise<InstanceRefresh[]> {
    const out = await this.call(
      'autoscaling',
      'DescribeInstanceRefreshes',
      `read the instance refreshes of group ${this.target}`,
      () =>
        this.s.clients.autoScaling.send(
          new DescribeInstanceRefreshesCommand({
            AutoScalingGroupName: this.target,
            ...(ids ? { InstanceRefreshIds: ids } : { MaxRecords: 5 }),
          }),
        ),
    );
    return out.InstanceRefreshes ?? [];
  }

  /** The refresh still running on the group, if one is. */
  async activeRefresh(): Promise<InstanceRefresh | undefined> {
    return (await this.refreshes()).find((r) => ACTIVE_REFRESH.has(r.Status ?? ''));
  }

  /**
   * Starts a refresh to `version` (SkipMatching: instances already on it stay; AutoRollback:
   * AWS returns to the group's version if it fails). When one is running already, returns that
   * one if it goes to the same version, and refuses otherwise: two deploys never race.
   */
  async startRefresh(t: GroupTemplate, version: number, autoRollback: boolean): Promise<string> {
    const checkpoints = this.s.checkpointPercentages?.length
      ? {
          CheckpointPercentages: this.s.checkpointPercentages,
          ...(this.s.checkpointDelaySeconds !== undefined
            ? { CheckpointDelay: this.s.checkpointDelaySeconds }
            : {}),
        }
      : {};
    try {
      const out = await this.call(
        'autoscaling',
        'StartInstanceRefresh',
        `start an instance refresh of group ${this.target}`,
        () =>
          this.s.clients.autoScaling.send(
            new StartInstanceRefreshCommand({
              AutoScalingGroupName: this.target,
              Strategy: 'Rolling',
              DesiredConfiguration: {
                LaunchTemplate: { LaunchTemplateId: t.id, Version: String(version) },
              },
              Preferences: {
                MinHealthyPercentage: this.minHealthyPercentage,
                SkipMatching: true,
                AutoRollback: autoRollback,
                ...checkpoints,
                ...(this.s.instanceWarmupSeconds !== undefined
                  ? { InstanceWarmup: this.s.instanceWarmupSeconds }
                  : {}),
              },
            }),
          ),
      );
      if (!out.InstanceRefreshId)
        throw new ConfigurationError(`AWS started a refresh of ${this.target} but gave no id`);
      this.log(
        `group ${this.target}: instance refresh ${out.InstanceRefreshId} to launch template version ${version} started (min healthy ${this.minHealthyPercentage}%, skip matching${autoRollback ? ', auto rollback' : ''})`,
      );
      return out.InstanceRefreshId;
    } catch (err) {
      if (!isRefreshInProgress(err)) throw err;
      const running = await this.activeRefresh();
      if (running?.InstanceRefreshId && desiredVersion(running) === version) {
        this.log(
          `group ${this.target}: refresh ${running.InstanceRefreshId} to version ${version} is already running: watching it`,
        );
        return running.InstanceRefreshId;
      }
      throw this.busy(running);
    }
  }

  /** Refuses to start over a refresh that goes somewhere else. */
  busy(running: InstanceRefresh | undefined): ConfigurationError {
    const to = running ? desiredVersion(running) : undefined;
    return new ConfigurationError(
      `group ${this.target} has instance refresh ${running?.InstanceRefreshId ?? '(unknown)'} ${running?.Status ?? 'running'}${to ? ` to launch template version ${to}` : ''}: wait for it to end (or cancel it), then deploy again`,
    );
  }

  /** AWS's own rollback of a running refresh: the instances replaced so far go back. */
  async rollbackRefresh(): Promise<string | undefined> {
    const out = await this.call(
      'autoscaling',
      'RollbackInstanceRefresh',
      `roll back the instance refresh of group ${this.target}`,
      () =>
        this.s.clients.autoScaling.send(
          new RollbackInstanceRefreshCommand({ AutoScalingGroupName: this.target }),
        ),
    );
    return out.InstanceRefreshId;
  }

  /** Polls a refresh to its end (or the deadline), logging its progress as AWS reports it. */
  async watchRefresh(id: string, deadline: number): Promise<RefreshEnd> {
    let last = '';
    for (;;) {
      const [r] = await this.refreshes([id]);
      if (!r) throw new ConfigurationError(`instance refresh ${id} of ${this.target} is gone`);
      const line = progress(r);
      if (line !== last) this.log(`group ${this.target}: refresh ${id}: ${line}`);
      last = line;
      const status = r.Status ?? 'unknown';
      const reason = r.StatusReason ?? r.RollbackDetails?.RollbackReason ?? '';
      if (!ACTIVE_REFRESH.has(status)) return { status, refresh: r, reason };
      if (this.now() >= deadline) return { status: 'timeout', refresh: r, reason };
      await this.sleep(this.pollMs);
    }
  }

  /** Records the version proved N/N (and the one before it, where rollback() goes). */
  async record(knownGood: number, previous: number | undefined): Promise<void> {
    const tags = [
      [TAG.knownGood, String(knownGood)],
      ...(previous !== undefined && previous !== knownGood
        ? [[TAG.previous, String(previous)]]
        : []),
    ] as const;
    await this.call('autoscaling', 'CreateOrUpdateTags', `tag group ${this.target}`, () =>
      this.s.clients.autoScaling.send(
        new CreateOrUpdateTagsCommand({
          Tags: tags.map(([Key, Value]) => ({
            ResourceId: this.target,
            ResourceType: 'auto-scaling-group',
            Key,
            Value,
            PropagateAtLaunch: false,
          })),
        }),
      ),
    );
    if (previous === undefined || previous === knownGood)
      await this.call('autoscaling', 'DeleteTags', `untag group ${this.target}`, () =>
        this.s.clients.autoScaling.send(
          new DeleteTagsCommand({
            Tags: [
              { ResourceId: this.target, ResourceType: 'auto-scaling-group', Key: TAG.previous },
            ],
          }),
        ),
      );
  }
}

/** The launch template the group launches from (its own, or its mixed instances policy's). */
export function groupTemplate(group: AutoScalingGroup): LaunchTemplateSpecification | undefined {
  return (
    group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification
  );
}

/** A tag of the group. */
export function tag(group: AutoScalingGroup, key: string): string | undefined {
  return group.Tags?.find((t) => t.Key === key)?.Value;
}

/** The launch template version a refresh goes to. */
export function desiredVersion(r: InstanceRefresh): number | undefined {
  const v = r.DesiredConfiguration?.LaunchTemplate?.Version ?? '';
  return /^\d+$/.test(v) ? Number(v) : undefined;
}

/** A refresh's progress as AWS reports it: status, percentage, instances left, reason. */
export function progress(r: InstanceRefresh): string {
  const rollingBack = r.Status === 'RollbackInProgress' || r.Status === 'RollbackSuccessful';
  const pct = rollingBack ? r.RollbackDetails?.PercentageCompleteOnRollback : r.PercentageComplete;
  const left = rollingBack ? r.RollbackDetails?.InstancesToUpdateOnRollback : r.InstancesToUpdate;
  return [
    r.Status ?? 'unknown',
    pct !== undefined ? `${pct}% done` : undefined,
    left !== undefined ? `${left} instance${left === 1 ? '' : 's'} to update` : undefined,
    r.StatusReason || undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Short form of an image for log lines. */
export function short(image: string): string {
  const id = pinnedIdOf(image);
  return id ? shortDigest(id) : image;
}
