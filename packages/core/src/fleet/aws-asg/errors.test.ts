import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../errors.js';
import {
  AwsError,
  awsError,
  callAws,
  isRefreshInProgress,
  isThrottling,
  THROTTLE_ATTEMPTS,
} from './errors.js';

/** An SDK error as the SDK shapes one: the service's code in `name`. */
const sdk = (name: string, message = 'said'): Error => Object.assign(new Error(message), { name });

describe('aws-asg errors', () => {
  it('a denied call names the action and the IAM permission, as a configuration error', () => {
    for (const [code, service, action] of [
      ['AccessDenied', 'autoscaling', 'StartInstanceRefresh'],
      ['UnauthorizedOperation', 'ec2', 'CreateLaunchTemplateVersion'],
      ['AccessDenied', 'elasticloadbalancing', 'DescribeTargetHealth'],
    ] as const) {
      const e = awsError(sdk(code, 'not authorized\nmore'), service, action, 'do it');
      expect(e).toBeInstanceOf(ConfigurationError);
      expect(e.message).toBe(
        `Could not do it: AWS denied ${action} (${code}): the role needs the IAM permission ${service}:${action}: not authorized`,
      );
    }
  });

  it('missing credentials point at configure-aws-credentials; anything unknown is operational with its cause', () => {
    expect(awsError(sdk('ExpiredToken'), 'autoscaling', 'X', 'do it').message).toMatch(
      /aws-actions\/configure-aws-credentials/,
    );
    const cause = sdk('InternalFailure', 'boom');
    const e = awsError(cause, 'autoscaling', 'X', 'do it');
    expect(e).toBeInstanceOf(AwsError);
    expect(e).toMatchObject({ action: 'autoscaling:X', code: 'InternalFailure', cause });
    expect(e.message).toBe('Could not do it: X failed (InternalFailure): boom');
  });

  it('throttling and a running refresh are recognised by code, and once mapped', () => {
    expect(isThrottling(sdk('Throttling'))).toBe(true);
    expect(isThrottling(sdk('RequestLimitExceeded'))).toBe(true);
    expect(isThrottling(Object.assign(sdk('Whatever'), { $retryable: { throttling: true } }))).toBe(
      true,
    );
    expect(isThrottling(sdk('AccessDenied'))).toBe(false);
    expect(isRefreshInProgress(sdk('InstanceRefreshInProgressFault'))).toBe(true);
    expect(
      isRefreshInProgress(awsError(sdk('InstanceRefreshInProgressFault'), 'autoscaling', 'S', 'x')),
    ).toBe(true);
  });

  it('callAws retries only throttling, at most THROTTLE_ATTEMPTS times, with growing waits', async () => {
    const waits: number[] = [];
    let calls = 0;
    const err = await callAws(
      async () => {
        calls++;
        throw sdk('Throttling', 'Rate exceeded');
      },
      { service: 'autoscaling', action: 'DescribeAutoScalingGroups', doing: 'look' },
      { sleep: async (ms) => void waits.push(ms), random: () => 1 },
    ).catch((e: unknown) => e);
    expect(calls).toBe(THROTTLE_ATTEMPTS);
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16000, 20000]);
    expect(err).toBeInstanceOf(AwsError);
    calls = 0;
    await expect(
      callAws(
        async () => {
          calls++;
          throw sdk('AccessDenied');
        },
        { service: 'autoscaling', action: 'A', doing: 'look' },
      ),
    ).rejects.toThrow(ConfigurationError);
    expect(calls).toBe(1);
  });
});
