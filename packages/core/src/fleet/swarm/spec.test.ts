import { describe, expect, it } from '@jest/globals';
import type { DeployRequest } from '../provider.js';
import { createArgs, updateArgs } from './spec.js';

const IMAGE = `reg.test/shop@sha256:${'1'.repeat(64)}`;
const r: DeployRequest = {
  image: IMAGE,
  strategy: 'rolling',
  batchSize: 2,
  healthTimeoutMs: 60_000,
  autoRollback: true,
  keepWarmMs: 0,
  monitorMs: 3_000,
  port: 8080,
  health: { cmd: 'wget -q -O /dev/null http://127.0.0.1:8080/', intervalMs: 1000, retries: 2 },
};
const POLICY = [
  '--update-order', 'start-first',
  '--update-parallelism', '2',
  '--update-delay', '0s',
  '--update-monitor', '3000ms',
  '--update-max-failure-ratio', '0',
  '--update-failure-action', 'rollback',
  '--rollback-order', 'start-first',
  '--rollback-parallelism', '2',
  '--rollback-monitor', '3000ms',
  '--rollback-failure-action', 'pause',
  '--health-cmd', 'wget -q -O /dev/null http://127.0.0.1:8080/',
  '--health-interval', '1000ms',
  '--health-retries', '2',
  '--with-registry-auth',
]; // prettier-ignore

describe('swarm service argv', () => {
  it('creates on a network with the engine policy and labels', () => {
    expect(
      createArgs('shop', { ...r, network: 'net' }, { target: 'shop', strategy: 'rolling', replicas: 3 }),
    ).toEqual([
      'service', 'create', '--detach', '--name', 'shop', '--replicas', '3',
      '--network', 'net',
      '--label', 'dev.kiln.fleet.target=shop',
      '--label', 'dev.kiln.fleet.strategy=rolling',
      '--label', 'dev.kiln.fleet.port=8080',
      '--label', 'dev.kiln.fleet.network=net',
      ...POLICY,
      IMAGE,
    ]); // prettier-ignore
  });

  it('publishes in host mode with an engine-picked port when there is no network', () => {
    const args = createArgs('shop-blue', r, {
      target: 'shop',
      strategy: 'blue-green',
      replicas: 2,
      colour: 'blue',
    });
    expect(args.slice(7, 9)).toEqual(['--publish', 'mode=host,target=8080']);
    expect(args).toEqual(expect.arrayContaining(['dev.kiln.fleet.colour=blue']));
  });

  it('updates in one call, pausing instead of rolling back when auto-rollback is off', () => {
    expect(updateArgs('shop', { ...r, autoRollback: false }, 3, ['dev.kiln.fleet.warm-until'])).toEqual([
      'service', 'update', '--detach',
      ...POLICY.map((a) => (a === 'rollback' ? 'pause' : a)),
      '--replicas', '3',
      '--label-rm', 'dev.kiln.fleet.warm-until',
      '--image', IMAGE,
      'shop',
    ]); // prettier-ignore
  });
});
