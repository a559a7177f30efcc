import {
  type AutoScalingGroup,
  AutoScalingClient,
  AutoScalingServiceException,
  CreateOrUpdateTagsCommand,
  type CreateOrUpdateTagsCommandInput,
  type CreateOrUpdateTagsCommandOutput,
  DeleteTagsCommand,
  type DeleteTagsCommandInput,
  type DeleteTagsCommandOutput,
  DescribeAutoScalingGroupsCommand,
  type DescribeAutoScalingGroupsCommandInput,
  type DescribeAutoScalingGroupsCommandOutput,
  DescribeInstanceRefreshesCommand,
  type DescribeInstanceRefreshesCommandInput,
  type DescribeInstanceRefreshesCommandOutput,
  type InstanceRefresh,
  InstanceRefreshInProgressFault,
  ActiveInstanceRefreshNotFoundFault,
  RollbackInstanceRefreshCommand,
  type RollbackInstanceRefreshCommandInput,
  type RollbackInstanceRefreshCommandOutput,
  StartInstanceRefreshCommand,
  type StartInstanceRefreshCommandInput,
  type StartInstanceRefreshCommandOutput,
  UpdateAutoScalingGroupCommand,
  type UpdateAutoScalingGroupCommandInput,
  type UpdateAutoScalingGroupCommandOutput,
} from '@aws-sdk/client-auto-scaling';
import {
  CreateLaunchTemplateVersionCommand,
  type CreateLaunchTemplateVersionCommandInput,
  type CreateLaunchTemplateVersionCommandOutput,
  DescribeLaunchTemplateVersionsCommand,
  type DescribeLaunchTemplateVersionsCommandInput,
  type DescribeLaunchTemplateVersionsCommandOutput,
  EC2Client,
  EC2ServiceException,
  type ResponseLaunchTemplateData,
} from '@aws-sdk/client-ec2';
import {
  DescribeTargetHealthCommand,
  type DescribeTargetHealthCommandInput,
  type DescribeTargetHealthCommandOutput,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';

/**
 * A small AWS for the aws-asg provider: one Auto Scaling group, its launch template and target
 * group, simulated by aws-sdk-client-mock on the SDK's own clients (every handler typed by the
 * SDK's command input and output). Time moves only in `tick()`, which the provider's sleep
 * calls: each tick, pending instances come up, target health settles, and a running refresh
 * replaces one instance (or fails, or rolls back) as AWS documents it.
 */
export interface FakeAwsOptions {
  group: string;
  /** Whether an instance running `image` passes the target group's health check. */
  healthy: (image: string) => boolean;
  /** Instances at the start, all on version 1 (default 0: an empty group). */
  desired?: number;
  /** The version the group asks for at the start (default `$Latest`). */
  version?: string;
  /** Version 1's user data (text); default a script with an empty KILN_IMAGE= line. */
  userData?: string;
  /** Ticks an unhealthy new instance gets before the refresh fails. */
  failAfter?: number;
}

interface Instance {
  id: string;
  version: number;
  state: 'Pending' | 'InService';
  health: 'initial' | 'healthy' | 'unhealthy';
  unhealthyFor: number;
}

export const REGION = 'eu-west-1';
/** How much AWS time one provider poll is on the fake. */
const POLL_MS = 10_000;
export const TEMPLATE_ID = 'lt-0123456789abcdef0';
export const TEMPLATE_NAME = 'shop';
export const BASE_AMI = 'ami-0aaaaaaaaaaaaaaaa';
export const TARGET_GROUP =
  'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop/0123456789abcdef';
export const DEFAULT_USER_DATA =
  '#!/bin/sh\nKILN_IMAGE=\ndocker run -d --restart=always -p 80:8080 "$KILN_IMAGE"\n';

const credentials = { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake' };
const meta = { $metadata: { httpStatusCode: 200 } };

/** An AWS error as the SDK raises one for a code its model does not name (Throttling, AccessDenied …). */
export function awsFailure(
  code: string,
  message: string,
  service: 'autoscaling' | 'ec2' = 'autoscaling',
) {
  const opts = {
    name: code,
    $fault: 'client' as const,
    $metadata: { httpStatusCode: 400 },
    message,
  };
  return service === 'ec2' ? new EC2ServiceException(opts) : new AutoScalingServiceException(opts);
}

export class FakeAws {
  readonly clients = {
    autoScaling: new AutoScalingClient({ region: REGION, credentials }),
    ec2: new EC2Client({ region: REGION, credentials }),
    elb: new ElasticLoadBalancingV2Client({ region: REGION, credentials }),
  };
  readonly asg = mockClient(this.clients.autoScaling);
  readonly ec2 = mockClient(this.clients.ec2);
  readonly elb = mockClient(this.clients.elb);
  /** Every action called, in order (`StartInstanceRefresh` …), failed ones included. */
  readonly calls: string[] = [];
  readonly versions = new Map<number, ResponseLaunchTemplateData>();
  readonly refreshes: InstanceRefresh[] = [];
  instances: Instance[] = [];
  groupVersion: string;
  desired: number;
  tags = new Map<string, string>();
  ticks = 0;
  private next = 0;
  private readonly failures = new Map<string, Array<Error | (() => Error) | undefined>>();
  private readonly opts: FakeAwsOptions;
  private refreshAutoRollback = new Map<string, boolean>();

  constructor(opts: FakeAwsOptions) {
    this.opts = opts;
    this.groupVersion = opts.version ?? '$Latest';
    this.desired = opts.desired ?? 0;
    this.versions.set(1, {
      ImageId: BASE_AMI,
      InstanceType: 't3.small',
      UserData: b64(opts.userData ?? DEFAULT_USER_DATA),
    });
    for (let i = 0; i < this.desired; i++)
      this.instances.push(this.launch(1, 'InService', 'healthy'));
    this.install();
  }

  /**
   * After `after` more calls of `action` go through, the next `times` fail with `err` (a
   * function makes the error when the call comes, and may change the world first).
   */
  failNext(action: string, err: Error | (() => Error), times = 1, after = 0): void {
    this.failures.set(action, [
      ...(this.failures.get(action) ?? []),
      ...Array<undefined>(after).fill(undefined),
      ...Array<Error | (() => Error)>(times).fill(err),
    ]);
  }

  /** What a numbered version runs: its KILN_IMAGE line, else its AMI (read independently of Kiln). */
  imageOf(version: number): string {
    const data = this.versions.get(version) ?? {};
    const text = Buffer.from(data.UserData ?? '', 'base64').toString('utf8');
    return /^KILN_IMAGE='?([^'\s]+)'?$/m.exec(text)?.[1] ?? data.ImageId ?? '';
  }

  /**
   * The provider's clients and clock on this fake: one poll is ten seconds of AWS time (a tick),
   * and a retried call waits for nothing.
   */
  tuning(): {
    clients: FakeAws['clients'];
    now: () => number;
    sleep: () => Promise<void>;
    pollMs: number;
    retry: { sleep: () => Promise<void>; random: () => number };
  } {
    let now = 0;
    return {
      clients: this.clients,
      now: () => now,
      sleep: async () => {
        now += POLL_MS;
        await this.tick();
      },
      pollMs: POLL_MS,
      retry: { sleep: async () => {}, random: () => 0 },
    };
  }

  /** One step of AWS's time. */
  async tick(): Promise<void> {
    this.ticks++;
    for (const i of this.instances) {
      if (i.state === 'Pending') {
        i.state = 'InService';
        continue;
      }
      if (i.health === 'initial')
        i.health = this.opts.healthy(this.imageOf(i.version)) ? 'healthy' : 'unhealthy';
      if (i.health === 'unhealthy') i.unhealthyFor++;
    }
    const active = this.active();
    if (active) this.step(active);
    const resolved = this.resolve(this.groupVersion);
    while (this.instances.length < this.desired) this.instances.push(this.launch(resolved));
    while (this.instances.length > this.desired) this.instances.pop();
  }

  private step(r: InstanceRefresh): void {
    if (r.Status === 'Pending') r.Status = 'InProgress';
    const target = Number(r.DesiredConfiguration?.LaunchTemplate?.Version);
    const back = this.resolve(this.groupVersion);
    const rollingBack = r.Status === 'RollbackInProgress';
    const goal = rollingBack ? back : target;
    const on = this.instances.filter((i) => i.version === goal);
    if (!rollingBack) {
      const sick = on.find((i) => i.unhealthyFor >= (this.opts.failAfter ?? 2));
      if (sick) {
        const reason = `Instance ${sick.id} failed Elastic Load Balancing health checks.`;
        if (this.refreshAutoRollback.get(r.InstanceRefreshId ?? '')) {
          r.Status = 'RollbackInProgress';
          r.StatusReason = `${reason} Rolling back.`;
          r.RollbackDetails = {
            RollbackReason: reason,
            RollbackStartTime: new Date(),
            InstancesToUpdateOnRollback: on.length,
            PercentageCompleteOnRollback: 0,
          };
        } else {
          r.Status = 'Failed';
          r.StatusReason = reason;
          r.EndTime = new Date();
        }
        return;
      }
    }
    const settled = on.filter((i) => i.state === 'InService' && i.health === 'healthy').length;
    const pct = Math.floor((settled * 100) / Math.max(1, this.desired));
    if (rollingBack && r.RollbackDetails) {
      r.RollbackDetails.PercentageCompleteOnRollback = pct;
      r.RollbackDetails.InstancesToUpdateOnRollback = this.desired - settled;
    } else {
      r.PercentageComplete = pct;
      r.InstancesToUpdate = this.desired - settled;
    }
    if (settled === this.desired && this.instances.length === this.desired) {
      r.Status = rollingBack ? 'RollbackSuccessful' : 'Successful';
      r.EndTime = new Date();
      if (!rollingBack) this.groupVersion = String(target);
      return;
    }
    // One at a time, only while every instance is up (min healthy); unhealthy ones first.
    const up = this.instances.every((i) => i.state === 'InService' && i.health === 'healthy');
    const old = this.instances
      .filter((i) => i.version !== goal)
      .sort((a, b) => Number(a.health === 'healthy') - Number(b.health === 'healthy'))[0];
    if (old && (up || rollingBack)) {
      this.instances = this.instances.filter((i) => i !== old);
      this.instances.push(this.launch(goal));
    }
  }

  /** Starts a refresh as AWS does (also for a test that plays another runner); its id. */
  startRefresh(input: StartInstanceRefreshCommandInput): string {
    const p = input.Preferences ?? {};
    // AWS's documented limits of AutoRollback.
    if (p.AutoRollback && !input.DesiredConfiguration)
      throw awsFailure('ValidationError', 'AutoRollback requires a DesiredConfiguration');
    if (p.AutoRollback && !/^\d+$/.test(this.groupVersion))
      throw awsFailure(
        'ValidationError',
        'AutoRollback is not supported when the group uses $Latest or $Default',
      );
    const id = `${(++this.next).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
    this.refreshAutoRollback.set(id, p.AutoRollback === true);
    this.refreshes.unshift({
      InstanceRefreshId: id,
      AutoScalingGroupName: this.opts.group,
      Status: 'Pending',
      StatusReason: 'Waiting for instances to warm up before continuing.',
      StartTime: new Date(),
      PercentageComplete: 0,
      InstancesToUpdate: this.desired,
      Preferences: p,
      ...(input.DesiredConfiguration ? { DesiredConfiguration: input.DesiredConfiguration } : {}),
      Strategy: 'Rolling',
    });
    return id;
  }

  private active(): InstanceRefresh | undefined {
    return this.refreshes.find((r) =>
      ['Pending', 'InProgress', 'RollbackInProgress'].includes(r.Status ?? ''),
    );
  }

  private launch(
    version: number,
    state: Instance['state'] = 'Pending',
    health: Instance['health'] = 'initial',
  ): Instance {
    return {
      id: `i-${(++this.next).toString(16).padStart(17, '0')}`,
      version,
      state,
      health,
      unhealthyFor: 0,
    };
  }

  private resolve(version: string): number {
    if (version === '$Latest') return Math.max(...this.versions.keys());
    if (version === '$Default') return 1;
    return Number(version);
  }

  private group(): AutoScalingGroup {
    return {
      AutoScalingGroupName: this.opts.group,
      MinSize: 0,
      MaxSize: 10,
      DesiredCapacity: this.desired,
      DefaultCooldown: 300,
      AvailabilityZones: ['eu-west-1a', 'eu-west-1b'],
      HealthCheckType: 'ELB',
      CreatedTime: new Date(0),
      LaunchTemplate: {
        LaunchTemplateId: TEMPLATE_ID,
        LaunchTemplateName: TEMPLATE_NAME,
        Version: this.groupVersion,
      },
      TargetGroupARNs: [TARGET_GROUP],
      Instances: this.instances.map((i, n) => ({
        InstanceId: i.id,
        InstanceType: 't3.small',
        AvailabilityZone: n % 2 ? 'eu-west-1b' : 'eu-west-1a',
        LifecycleState: i.state,
        HealthStatus: 'Healthy',
        LaunchTemplate: {
          LaunchTemplateId: TEMPLATE_ID,
          LaunchTemplateName: TEMPLATE_NAME,
          Version: String(i.version),
        },
        ProtectedFromScaleIn: false,
      })),
      Tags: [...this.tags].map(([Key, Value]) => ({
        ResourceId: this.opts.group,
        ResourceType: 'auto-scaling-group',
        Key,
        Value,
        PropagateAtLaunch: false,
      })),
    };
  }

  /** Records the call and throws an injected failure, if one is queued for it. */
  private enter(action: string): void {
    this.calls.push(action);
    const queued = this.failures.get(action);
    const err = queued?.shift();
    if (err) throw typeof err === 'function' ? err() : err;
  }

  private install(): void {
    this.asg
      .on(DescribeAutoScalingGroupsCommand)
      .callsFake(
        (input: DescribeAutoScalingGroupsCommandInput): DescribeAutoScalingGroupsCommandOutput => {
          this.enter('DescribeAutoScalingGroups');
          const wanted = input.AutoScalingGroupNames ?? [];
          return {
            ...meta,
            AutoScalingGroups: wanted.includes(this.opts.group) ? [this.group()] : [],
          };
        },
      );
    this.asg
      .on(UpdateAutoScalingGroupCommand)
      .callsFake(
        (input: UpdateAutoScalingGroupCommandInput): UpdateAutoScalingGroupCommandOutput => {
          this.enter('UpdateAutoScalingGroup');
          this.own(input.AutoScalingGroupName);
          if (input.LaunchTemplate?.Version) this.groupVersion = input.LaunchTemplate.Version;
          if (input.DesiredCapacity !== undefined) {
            if (input.DesiredCapacity > 10)
              throw awsFailure(
                'ValidationError',
                'Desired capacity:11 must be between the specified min size:0 and max size:10',
              );
            this.desired = input.DesiredCapacity;
          }
          return { ...meta };
        },
      );
    this.asg
      .on(StartInstanceRefreshCommand)
      .callsFake((input: StartInstanceRefreshCommandInput): StartInstanceRefreshCommandOutput => {
        this.enter('StartInstanceRefresh');
        this.own(input.AutoScalingGroupName);
        if (this.active())
          throw new InstanceRefreshInProgressFault({
            $metadata: { httpStatusCode: 400 },
            message:
              'An Instance Refresh is already in progress and blocks the execution of this Instance Refresh.',
          });
        return { ...meta, InstanceRefreshId: this.startRefresh(input) };
      });
    this.asg
      .on(RollbackInstanceRefreshCommand)
      .callsFake(
        (input: RollbackInstanceRefreshCommandInput): RollbackInstanceRefreshCommandOutput => {
          this.enter('RollbackInstanceRefresh');
          this.own(input.AutoScalingGroupName);
          const r = this.active();
          if (!r || r.Status === 'RollbackInProgress')
            throw new ActiveInstanceRefreshNotFoundFault({
              $metadata: { httpStatusCode: 400 },
              message: 'No in progress or pending Instance Refresh found',
            });
          r.Status = 'RollbackInProgress';
          r.StatusReason = 'Rollback started by the user.';
          r.RollbackDetails = {
            RollbackReason: 'Rollback started by the user.',
            RollbackStartTime: new Date(),
          };
          return {
            ...meta,
            ...(r.InstanceRefreshId ? { InstanceRefreshId: r.InstanceRefreshId } : {}),
          };
        },
      );
    this.asg
      .on(DescribeInstanceRefreshesCommand)
      .callsFake(
        (input: DescribeInstanceRefreshesCommandInput): DescribeInstanceRefreshesCommandOutput => {
          this.enter('DescribeInstanceRefreshes');
          this.own(input.AutoScalingGroupName);
          const ids = input.InstanceRefreshIds;
          const found = this.refreshes.filter(
            (r) => !ids || ids.includes(r.InstanceRefreshId ?? ''),
          );
          return {
            ...meta,
            InstanceRefreshes: structuredClone(found.slice(0, input.MaxRecords ?? 50)),
          };
        },
      );
    this.asg
      .on(CreateOrUpdateTagsCommand)
      .callsFake((input: CreateOrUpdateTagsCommandInput): CreateOrUpdateTagsCommandOutput => {
        this.enter('CreateOrUpdateTags');
        for (const t of input.Tags ?? []) {
          this.own(t.ResourceId);
          if (t.PropagateAtLaunch !== false)
            throw new Error('Kiln tags must not propagate to instances');
          this.tags.set(t.Key ?? '', t.Value ?? '');
        }
        return { ...meta };
      });
    this.asg
      .on(DeleteTagsCommand)
      .callsFake((input: DeleteTagsCommandInput): DeleteTagsCommandOutput => {
        this.enter('DeleteTags');
        for (const t of input.Tags ?? []) this.tags.delete(t.Key ?? '');
        return { ...meta };
      });
    this.ec2
      .on(DescribeLaunchTemplateVersionsCommand)
      .callsFake(
        (
          input: DescribeLaunchTemplateVersionsCommandInput,
        ): DescribeLaunchTemplateVersionsCommandOutput => {
          this.enter('DescribeLaunchTemplateVersions');
          if (input.LaunchTemplateId !== TEMPLATE_ID)
            throw awsFailure('InvalidLaunchTemplateId.NotFound', 'no such template', 'ec2');
          return {
            ...meta,
            LaunchTemplateVersions: (input.Versions ?? [])
              .map((v) => this.resolve(v))
              .filter((n) => this.versions.has(n))
              .map((n) => ({
                LaunchTemplateId: TEMPLATE_ID,
                LaunchTemplateName: TEMPLATE_NAME,
                VersionNumber: n,
                DefaultVersion: n === 1,
                LaunchTemplateData: structuredClone(this.versions.get(n)),
              })),
          };
        },
      );
    this.ec2
      .on(CreateLaunchTemplateVersionCommand)
      .callsFake(
        (
          input: CreateLaunchTemplateVersionCommandInput,
        ): CreateLaunchTemplateVersionCommandOutput => {
          this.enter('CreateLaunchTemplateVersion');
          const source = this.versions.get(this.resolve(input.SourceVersion ?? '$Latest'));
          if (!source)
            throw awsFailure('InvalidLaunchTemplateId.VersionNotFound', 'no such version', 'ec2');
          const n = Math.max(...this.versions.keys()) + 1;
          const data = { ...source, ...(input.LaunchTemplateData as ResponseLaunchTemplateData) };
          this.versions.set(n, data);
          return {
            ...meta,
            LaunchTemplateVersion: {
              LaunchTemplateId: TEMPLATE_ID,
              VersionNumber: n,
              ...(input.VersionDescription ? { VersionDescription: input.VersionDescription } : {}),
              LaunchTemplateData: data,
            },
          };
        },
      );
    this.elb
      .on(DescribeTargetHealthCommand)
      .callsFake((input: DescribeTargetHealthCommandInput): DescribeTargetHealthCommandOutput => {
        this.enter('DescribeTargetHealth');
        if (input.TargetGroupArn !== TARGET_GROUP)
          throw awsFailure('TargetGroupNotFound', 'One or more target groups not found');
        return {
          ...meta,
          TargetHealthDescriptions: this.instances
            .filter((i) => i.state === 'InService')
            .map((i) => ({
              Target: { Id: i.id, Port: 80 },
              HealthCheckPort: '80',
              TargetHealth:
                i.health === 'healthy'
                  ? { State: 'healthy' }
                  : i.health === 'initial'
                    ? { State: 'initial', Reason: 'Elb.RegistrationInProgress' }
                    : {
                        State: 'unhealthy',
                        Reason: 'Target.FailedHealthChecks',
                        Description: 'Health checks failed',
                      },
            })),
        };
      });
  }

  private own(name: string | undefined): void {
    if (name !== this.opts.group)
      throw awsFailure('ValidationError', `AutoScalingGroup name not found - ${name}`);
  }
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
