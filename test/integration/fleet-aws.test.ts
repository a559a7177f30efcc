import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '@kiln/core/errors';
import { type DeployRequest, type FleetProvider, loadProvider } from '@kiln/core/fleet';
import {
  InstanceRefreshInProgressFault,
  StartInstanceRefreshCommand,
  type StartInstanceRefreshCommandInput,
  UpdateAutoScalingGroupCommand,
} from '@aws-sdk/client-auto-scaling';
import { CreateLaunchTemplateVersionCommand } from '@aws-sdk/client-ec2';
import { describeFleetProvider, type FleetContract } from '../support/fleet-contract.js';
import {
  awsFailure,
  BASE_AMI,
  FakeAws,
  type FakeAwsOptions,
  TEMPLATE_ID,
} from '../support/fake-aws.js';

const hex = (c: string) => c.repeat(64);
const IMAGES = {
  v1: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop@sha256:${hex('1')}`,
  v2: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop@sha256:${hex('2')}`,
  bad: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop@sha256:${hex('b')}`,
};
const REQUEST: Omit<DeployRequest, 'image' | 'strategy'> = {
  batchSize: 1,
  // Ten minutes of AWS time: 60 polls of the fake.
  healthTimeoutMs: 600_000,
  autoRollback: true,
  keepWarmMs: 0,
  replicas: 3,
};

/** A provider on a fake AWS whose clock moves one tick per poll. */
async function awsFleet(
  opts: Partial<FakeAwsOptions> = {},
  settings: Record<string, unknown> = {},
): Promise<{ aws: FakeAws; p: FleetProvider; log: string[] }> {
  const aws = new FakeAws({
    group: 'shop-prod',
    healthy: (image) => image !== IMAGES.bad,
    ...opts,
  });
  const log: string[] = [];
  const p = await loadProvider('aws-asg', {
    target: 'shop-prod',
    log: (l) => log.push(l),
    ...aws.tuning(),
    ...settings,
  });
  return { aws, p, log };
}

describeFleetProvider(
  'aws-asg (aws-sdk-client-mock)',
  async (): Promise<FleetContract> => ({
    fleet: async () => (await awsFleet()).p,
    images: IMAGES,
    pages: { v1: 'v1', v2: 'v2' },
    path: '/',
    replicas: 3,
    request: REQUEST,
    teardown: async () => {},
  }),
  { strategies: ['rolling'] },
);

const deploy = (p: FleetProvider, image: string, extra: Partial<DeployRequest> = {}) =>
  p.deploy({ ...REQUEST, image, strategy: 'rolling', ...extra });

const refreshInputs = (aws: FakeAws): StartInstanceRefreshCommandInput[] =>
  aws.asg.commandCalls(StartInstanceRefreshCommand).map((c) => c.args[0].input);

describe('aws-asg provider', () => {
  it('a successful refresh: a new numbered version with the digest in user data, one refresh with the preferences AutoRollback needs, progress shown, N/N on the version', async () => {
    const { aws, p, log } = await awsFleet(
      { desired: 3, version: '$Latest' },
      { minHealthyPercentage: 66, checkpointPercentages: [50, 100], checkpointDelaySeconds: 60 },
    );
    // A fleet made before Kiln: three instances on version 1 (the base AMI, no container yet).
    expect((await p.current()).tasks.map((t) => t.image)).toEqual(Array(3).fill(BASE_AMI));

    const r = await deploy(p, IMAGES.v2);

    expect(r).toMatchObject({ outcome: 'deployed', image: IMAGES.v2, previous: BASE_AMI });
    expect(r.proof.summary).toBe(`3/3 healthy on sha256:${hex('2')}`);
    expect(r.proof.tasks.map((t) => t.revision)).toEqual(['2', '2', '2']);
    // Version 2 is version 1 with the KILN_IMAGE line set, nothing else.
    expect(aws.imageOf(2)).toBe(IMAGES.v2);
    expect(aws.versions.get(2)?.ImageId).toBe(BASE_AMI);
    expect(Buffer.from(aws.versions.get(2)?.UserData ?? '', 'base64').toString()).toBe(
      `#!/bin/sh\nKILN_IMAGE='${IMAGES.v2}'\ndocker run -d --restart=always -p 80:8080 "$KILN_IMAGE"\n`,
    );
    const create = aws.ec2.commandCalls(CreateLaunchTemplateVersionCommand)[0]?.args[0].input;
    expect(create).toMatchObject({ LaunchTemplateId: TEMPLATE_ID, SourceVersion: '1' });
    // The group asked for $Latest: pinned to 1 first, as AWS rolls back only to a number.
    expect(aws.asg.commandCalls(UpdateAutoScalingGroupCommand)[0]?.args[0].input).toEqual({
      AutoScalingGroupName: 'shop-prod',
      LaunchTemplate: { LaunchTemplateId: TEMPLATE_ID, Version: '1' },
    });
    expect(refreshInputs(aws)).toEqual([
      {
        AutoScalingGroupName: 'shop-prod',
        Strategy: 'Rolling',
        DesiredConfiguration: { LaunchTemplate: { LaunchTemplateId: TEMPLATE_ID, Version: '2' } },
        Preferences: {
          MinHealthyPercentage: 66,
          SkipMatching: true,
          AutoRollback: true,
          CheckpointPercentages: [50, 100],
          CheckpointDelay: 60,
        },
      },
    ]);
    expect(
      log.some((l) => /refresh \S+: InProgress, 33% done, 2 instances to update/.test(l)),
    ).toBe(true);
    expect(
      log.some((l) => /refresh \S+: Successful, 100% done, 0 instances to update/.test(l)),
    ).toBe(true);
    expect(aws.groupVersion).toBe('2');
    expect(Object.fromEntries(aws.tags)).toEqual({
      'kiln:known-good-version': '2',
      'kiln:previous-version': '1',
    });
  });

  it("a failed refresh rolled back by AWS: rolled-back with AWS's reason, proven on the previous version, nothing recorded", async () => {
    const { aws, p, log } = await awsFleet();
    await deploy(p, IMAGES.v1);
    const tags = Object.fromEntries(aws.tags);
    const r = await deploy(p, IMAGES.bad);
    expect(r).toMatchObject({ outcome: 'rolled-back', requested: IMAGES.bad, image: IMAGES.v1 });
    expect(r.reason).toMatch(
      /^AWS rolled instance refresh \S+ back: Instance i-\w+ failed Elastic Load Balancing health checks\. Rolling back\.$/,
    );
    expect(r.proof).toMatchObject({ converged: true, healthy: 3 });
    expect(
      r.proof.tasks.every((t) => t.revision === '2' && t.digest === `sha256:${hex('1')}`),
    ).toBe(true);
    expect(aws.refreshes[0]?.Status).toBe('RollbackSuccessful');
    expect(aws.groupVersion).toBe('2');
    expect(Object.fromEntries(aws.tags)).toEqual(tags);
    expect(log.some((l) => /RollbackInProgress/.test(l))).toBe(true);
  });

  it('a failed refresh without auto-rollback is an error that says where the fleet stands', async () => {
    const { aws, p } = await awsFleet();
    await deploy(p, IMAGES.v1);
    const err = await deploy(p, IMAGES.bad, { autoRollback: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('ConvergenceError');
    expect((err as Error).message).toMatch(
      /ended Failed: Instance i-\w+ failed Elastic Load Balancing health checks\..*auto-rollback is off/,
    );
    expect(refreshInputs(aws).at(-1)?.Preferences?.AutoRollback).toBe(false);
  });

  it('a refresh not done within the health timeout is rolled back by AWS on request, and reported rolled-back', async () => {
    const { aws, p } = await awsFleet({ desired: 3, version: '1' });
    const r = await deploy(p, IMAGES.v1, { healthTimeoutMs: 60_000 });
    expect(r).toMatchObject({ outcome: 'rolled-back', image: BASE_AMI, requested: IMAGES.v1 });
    expect(r.reason).toMatch(
      /^instance refresh \S+ not done within 60000 ms \(InProgress, \d+% done\)$/,
    );
    expect(aws.calls).toContain('RollbackInstanceRefresh');
    expect(r.proof.tasks.every((t) => t.revision === '1' && t.image === BASE_AMI)).toBe(true);
  });

  it('throttling is retried with backoff, once per call, and the deploy goes through', async () => {
    const { aws, p } = await awsFleet();
    aws.failNext('DescribeAutoScalingGroups', awsFailure('Throttling', 'Rate exceeded'), 3);
    aws.failNext(
      'CreateLaunchTemplateVersion',
      awsFailure('RequestLimitExceeded', 'Request limit exceeded.', 'ec2'),
      2,
    );
    const r = await deploy(p, IMAGES.v1);
    expect(r.outcome).toBe('deployed');
    expect(aws.calls.slice(0, 4)).toEqual(Array(4).fill('DescribeAutoScalingGroups'));
    expect(aws.calls.filter((c) => c === 'CreateLaunchTemplateVersion')).toHaveLength(3);
    expect(aws.versions.size).toBe(2);
  });

  it('throttling that never ends is an operational error naming the call, after a bounded number of tries', async () => {
    const { aws, p } = await awsFleet();
    aws.failNext('DescribeAutoScalingGroups', awsFailure('Throttling', 'Rate exceeded'), 100);
    const err = await p.current().catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toBe(
      'Could not describe Auto Scaling group shop-prod: DescribeAutoScalingGroups failed (Throttling): Rate exceeded',
    );
    expect(aws.calls).toHaveLength(8);
  });

  it('a missing permission is a configuration error naming the action and the IAM permission, and nothing is started', async () => {
    const { aws, p } = await awsFleet({ desired: 3, version: '1' });
    aws.failNext(
      'StartInstanceRefresh',
      awsFailure(
        'AccessDenied',
        'User: arn:aws:sts::123456789012:assumed-role/deploy/gh is not authorized to perform: autoscaling:StartInstanceRefresh on resource: shop-prod',
      ),
    );
    const err = await deploy(p, IMAGES.v1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toBe(
      'Could not start an instance refresh of group shop-prod: AWS denied StartInstanceRefresh (AccessDenied): the role needs the IAM permission autoscaling:StartInstanceRefresh: User: arn:aws:sts::123456789012:assumed-role/deploy/gh is not authorized to perform: autoscaling:StartInstanceRefresh on resource: shop-prod',
    );
    expect(aws.refreshes).toEqual([]);
    expect(aws.calls.filter((c) => c === 'StartInstanceRefresh')).toHaveLength(1);
  });

  it('EC2 UnauthorizedOperation names the ec2: permission', async () => {
    const { aws, p } = await awsFleet({ desired: 3, version: '1' });
    aws.failNext(
      'CreateLaunchTemplateVersion',
      awsFailure(
        'UnauthorizedOperation',
        'You are not authorized to perform this operation.',
        'ec2',
      ),
    );
    await expect(deploy(p, IMAGES.v1)).rejects.toThrow(
      /AWS denied CreateLaunchTemplateVersion \(UnauthorizedOperation\): the role needs the IAM permission ec2:CreateLaunchTemplateVersion/,
    );
  });

  it('a re-run finds its own refresh running (the runner died) and watches it instead of starting another', async () => {
    const { aws, p } = await awsFleet({ desired: 3, version: '1' });
    expect(await deployUntilStarted(aws, p, IMAGES.v1)).toBe(1);
    const r = await deploy(p, IMAGES.v1);
    expect(r).toMatchObject({ outcome: 'deployed', image: IMAGES.v1, previous: BASE_AMI });
    expect(aws.calls.filter((c) => c === 'StartInstanceRefresh')).toHaveLength(1);
    expect(aws.calls.filter((c) => c === 'CreateLaunchTemplateVersion')).toHaveLength(1);
    expect(aws.refreshes.map((x) => x.Status)).toEqual(['Successful']);
  });

  it('InstanceRefreshInProgress from StartInstanceRefresh (another run got there first, to the same version): watched, not started again', async () => {
    const { aws, p, log } = await awsFleet({ desired: 3, version: '1' });
    aws.failNext('StartInstanceRefresh', () => {
      const [own] = refreshInputs(aws);
      if (own) aws.startRefresh(own);
      return new InstanceRefreshInProgressFault({
        $metadata: { httpStatusCode: 400 },
        message:
          'An Instance Refresh is already in progress and blocks the execution of this Instance Refresh.',
      });
    });
    const r = await deploy(p, IMAGES.v1);
    expect(r.outcome).toBe('deployed');
    expect(aws.refreshes).toHaveLength(1);
    expect(
      log.some((l) => /refresh \S+ to version 2 is already running: watching it/.test(l)),
    ).toBe(true);
  });

  it('a refresh running to another image is refused, not raced', async () => {
    const { aws, p } = await awsFleet({ desired: 3, version: '1' });
    await deployUntilStarted(aws, p, IMAGES.v1);
    const err = await deploy(p, IMAGES.v2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(
      /^group shop-prod has instance refresh \S+ (Pending|InProgress) to launch template version 2: wait for it to end \(or cancel it\), then deploy again$/,
    );
  });

  it("rollback() inside a running refresh is AWS's own rollback", async () => {
    const { aws, p } = await awsFleet({ desired: 3, version: '1' });
    await deployUntilStarted(aws, p, IMAGES.v1);
    const r = await p.rollback();
    expect(r).toMatchObject({ outcome: 'rolled-back', image: BASE_AMI, previous: IMAGES.v1 });
    expect(aws.calls).toContain('RollbackInstanceRefresh');
    expect(aws.refreshes[0]?.Status).toBe('RollbackSuccessful');
  });

  it('rollback() with nothing recorded before is refused', async () => {
    const { p } = await awsFleet();
    await deploy(p, IMAGES.v1);
    await expect(p.rollback()).rejects.toThrow(
      'group shop-prod has no earlier known-good launch template version recorded (tag kiln:previous-version): deploy an explicit digest instead',
    );
  });

  it('an AMI id as the image: a version with that ImageId, N/N on the AMI', async () => {
    const ami = 'ami-0bbbbbbbbbbbbbbbb';
    const { aws, p } = await awsFleet({
      desired: 2,
      version: '1',
      userData: '#!/bin/sh\necho hello\n',
    });
    const r = await deploy(p, ami, { replicas: 2 });
    expect(r).toMatchObject({ outcome: 'deployed', image: ami, previous: BASE_AMI });
    expect(r.proof.summary).toBe(`2/2 healthy on ${ami}`);
    expect(aws.versions.get(2)?.ImageId).toBe(ami);
    expect(await deploy(p, ami, { replicas: 2 })).toMatchObject({ outcome: 'unchanged' });
  });

  it('user data without a KILN_IMAGE line is refused before any version is made', async () => {
    const { aws, p } = await awsFleet({
      desired: 2,
      version: '1',
      userData: '#!/bin/sh\necho hello\n',
    });
    await expect(deploy(p, IMAGES.v1)).rejects.toThrow(
      /launch template shop version 1 has no KILN_IMAGE= line in its user data/,
    );
    expect(aws.versions.size).toBe(1);
  });

  it('blue-green is refused before any call', async () => {
    const { aws, p } = await awsFleet();
    await expect(
      p.deploy({ ...REQUEST, image: IMAGES.v1, strategy: 'blue-green' }),
    ).rejects.toThrow(ConfigurationError);
    await expect(
      p.deploy({ ...REQUEST, image: IMAGES.v1, strategy: 'blue-green' }),
    ).rejects.toThrow(/strategy rolling only/);
    expect(aws.calls).toEqual([]);
  });

  it('a tag is refused before any call', async () => {
    const { aws, p } = await awsFleet();
    await expect(deploy(p, 'shop:latest')).rejects.toThrow(ConfigurationError);
    expect(aws.calls).toEqual([]);
  });

  it('the region comes from the settings or AWS_REGION; none is a configuration error', async () => {
    await expect(loadProvider('aws-asg', { target: 'shop', env: {} })).rejects.toThrow(
      'provider aws-asg needs a region: set aws-asg.region in kiln.yml or AWS_REGION (aws-actions/configure-aws-credentials sets it)',
    );
    await expect(
      loadProvider('aws-asg', { target: 'shop', env: { AWS_REGION: 'moon' } }),
    ).rejects.toThrow(/must be an AWS region/);
    expect(
      (await loadProvider('aws-asg', { target: 'shop', env: { AWS_REGION: 'eu-west-1' } })).kind,
    ).toBe('aws-asg');
    expect(
      (await loadProvider('aws-asg', { target: 'shop', region: 'us-east-2', env: {} })).target,
    ).toBe('shop');
  });
});

/** Starts a deploy and abandons it once its refresh is running (a runner that died there). */
async function deployUntilStarted(aws: FakeAws, p: FleetProvider, image: string): Promise<number> {
  const before = aws.refreshes.length;
  // The deploy's look for a running refresh goes through; its first poll of its own fails.
  aws.failNext('DescribeInstanceRefreshes', awsFailure('InternalFailure', 'runner gone'), 1, 1);
  await expect(deploy(p, image)).rejects.toThrow(
    /DescribeInstanceRefreshes failed \(InternalFailure\): runner gone/,
  );
  return aws.refreshes.length - before;
}
