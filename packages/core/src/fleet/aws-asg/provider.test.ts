import { describe, expect, it } from '@jest/globals';
import { awsAsgSettingsOf, awsRegion } from './provider.js';

describe('aws-asg provider settings', () => {
  it("a kiln.yml aws-asg block maps onto the provider's settings, leaving out what it does not set", () => {
    const arn =
      'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop/0123456789abcdef';
    expect(
      awsAsgSettingsOf('shop-prod', {
        region: 'eu-west-1',
        launchTemplate: 'shop',
        targetGroupArn: arn,
        minHealthyPercentage: 0,
      }),
    ).toEqual({
      target: 'shop-prod',
      region: 'eu-west-1',
      launchTemplate: 'shop',
      targetGroupArns: [arn],
      minHealthyPercentage: 0,
    });
    expect(awsAsgSettingsOf('g', {})).toEqual({ target: 'g' });
  });

  it('the region: the setting over AWS_REGION over AWS_DEFAULT_REGION', () => {
    expect(awsRegion('us-east-2', { AWS_REGION: 'eu-west-1' })).toBe('us-east-2');
    expect(awsRegion(undefined, { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' })).toBe(
      'eu-west-1',
    );
    expect(awsRegion(undefined, { AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-west-2');
  });
});
