import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../config/load-config.js';
import { ConfigurationError } from '../errors.js';
import { fromRecord } from '../inputs/source.js';
import { redact } from '../log.js';
import { deployRequestFor, parseRollbackRequest } from './rollback-request.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const base = {
  environment: 'staging',
  image: 'registry.example/acme/shop',
  target: 'shop',
  reason: 'checkout errors',
};
const parse = (over: Record<string, string> = {}) =>
  parseRollbackRequest(fromRecord({ ...base, ...over }));
const refused = (over: Record<string, string>): string => {
  try {
    parse(over);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigurationError);
    return (err as Error).message;
  }
  throw new Error('not refused');
};

describe('parseRollbackRequest', () => {
  it('defaults: to previous, quarantine on, the fleet inputs read by replace-fleet’s parser', () => {
    const r = parse();
    expect(r).toMatchObject({
      environment: 'staging',
      repository: { registry: 'registry.example', repository: 'acme/shop' },
      to: { kind: 'previous' },
      reason: 'checkout errors',
      quarantine: true,
      fleet: {
        environment: 'staging',
        provider: 'swarm',
        target: 'shop',
        strategy: 'rolling',
        autoRollback: true,
        ledgerRepository: { registry: 'registry.example', repository: 'acme/shop' },
      },
    });
    // The stand-in digest of the fleet parse is not kept.
    expect(r.fleet).not.toHaveProperty('image');
    expect(r.fleet).not.toHaveProperty('digest');
  });

  it('to: a sequence number, a bare digest, or a pinned reference of the same repository', () => {
    expect(parse({ to: '7' }).to).toEqual({ kind: 'seq', seq: 7 });
    expect(parse({ to: ` ${D1} ` }).to).toEqual({ kind: 'digest', digest: D1 });
    expect(parse({ to: `registry.example/acme/shop@${D1}` }).to).toEqual({
      kind: 'digest',
      digest: D1,
    });
    expect(parse({ quarantine: 'false' }).quarantine).toBe(false);
  });

  it('refuses a tag, another repository, seq 0, a short digest, and says which input', () => {
    expect(refused({ to: 'registry.example/acme/shop:v1' })).toMatch(
      /^Input "to" has value "registry.example\/acme\/shop:v1": must be previous, a ledger sequence number, sha256:… or repository@sha256:… \(tags are not accepted/,
    );
    expect(refused({ to: 'v1' })).toMatch(/^Input "to" has value "v1": must be previous/);
    expect(refused({ to: `registry.example/other@${D1}` })).toBe(
      `Input "to" has value "registry.example/other@${D1}": names another repository than the environment's registry.example/acme/shop`,
    );
    expect(refused({ to: '0' })).toBe(
      'Input "to" has value "0": a ledger sequence number starts at 1',
    );
    expect(refused({ to: 'sha256:abc' })).toMatch(/^Input "to" has value "sha256:abc": digest /);
  });

  it('requires a reason and a repository; the image input is a repository only', () => {
    expect(refused({ reason: '  ' })).toBe('Input "reason" is required');
    expect(refused({ image: '' })).toMatch(/^Input "image" is required .* unless kiln.yml/);
    expect(refused({ image: `registry.example/acme/shop@${D1}` })).toMatch(
      /^Input "image" has value .*: rollback takes the repository only \(no tag or digest\): input "to" names the digest$/,
    );
    expect(refused({ image: 'registry.example/acme/shop:latest' })).toMatch(
      /rollback takes the repository only/,
    );
  });

  it('fleet inputs are checked by replace-fleet’s rules before any call', () => {
    expect(refused({ strategy: 'canary' })).toMatch(/^Input "strategy" has value "canary"/);
    expect(refused({ strategy: 'blue-green' })).toMatch(/haproxy-socket/);
    expect(refused({ environment: '' })).toBe('Input "environment" is required');
  });

  it('kiln.yml gives the repository and the environment’s fleet; inputs still win', async () => {
    const config = await parseConfig(
      [
        'image: registry.example/acme/shop',
        'environments:',
        '  production:',
        '    provider: swarm',
        '    target: shop-prod',
        '    strategy: rolling',
        '    batch-size: 2',
        '    swarm: { replicas: 3 }',
      ].join('\n'),
      'kiln.yml',
    );
    const r = parseRollbackRequest(
      fromRecord({ environment: 'production', reason: 'r', to: D1, 'batch-size': '3' }),
      config,
    );
    expect(r.repository).toEqual({ registry: 'registry.example', repository: 'acme/shop' });
    expect(r.fleet).toMatchObject({ target: 'shop-prod', batchSize: 3, replicas: 3 });
    expect(() =>
      parseRollbackRequest(fromRecord({ environment: 'prod', reason: 'r' }), config),
    ).toThrow(/^Input "environment" has value "prod": kiln.yml has no such environment/);
  });

  it('deployRequestFor pins the resolved digest in the environment’s repository', () => {
    const req = deployRequestFor(parse(), D1 as `sha256:${string}`);
    expect(req.image).toEqual({
      registry: 'registry.example',
      repository: 'acme/shop',
      digest: D1,
    });
    expect(req.digest).toBe(D1);
    expect(req.target).toBe('shop');
  });

  it('kubeconfig: carried to the fleet request of a Kubernetes environment, masked; refused on swarm', () => {
    const kubeconfig =
      'apiVersion: v1\nkind: Config\nusers: [{ name: ci, user: { token: t-4f1e } }]\n';
    const r = parse({ provider: 'kubernetes', kubeconfig });
    expect(r.fleet).toMatchObject({ provider: 'kubernetes', kubeconfig });
    expect(deployRequestFor(r, D1 as never).kubeconfig).toBe(kubeconfig);
    expect(redact(`read ${kubeconfig}`)).toBe('read ***');
    expect(refused({ kubeconfig: 'x: y' })).toBe(
      'Input "kubeconfig" is only used with provider kubernetes (this environment runs on swarm)',
    );
  });
});
