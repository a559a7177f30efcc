import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../config/load-config.js';
import { ConfigurationError } from '../errors.js';
import { fromRecord } from '../inputs/source.js';
import { redact } from '../log.js';
import { DEPLOY_DEFAULTS, parseReplaceFleetRequest } from './deploy-request.js';

const D = `sha256:${'a'.repeat(64)}`;
const IMAGE = `registry.example/acme/shop@${D}`;

const CONFIG = `
image: registry.example/acme/shop
environments:
  staging:
    provider: swarm
    target: shop-staging
    strategy: rolling
    batch-size: 2
    health-timeout: 90s
    swarm: { replicas: 3, port: 8080, network: shop, docker-host: "ssh://deploy@staging" }
  production:
    provider: swarm
    target: shop
    requires: staging
    strategy: blue-green
    keep-warm: 2m
    url: https://shop.example
    swarm: { replicas: 4 }
  k8s:
    provider: kubernetes
    target: shop
    strategy: blue-green
    kubernetes: { namespace: shop-prod, context: prod-eu, container: app }
  edge:
    provider: aws-asg
    target: shop-asg
    aws-asg: { region: eu-west-1, launch-template: shop-lt, min-healthy-percentage: 90 }
`;

const config = () => parseConfig(CONFIG, '.github/kiln.yml');
const parse = (inputs: Record<string, string>, cfg?: Awaited<ReturnType<typeof config>>) =>
  parseReplaceFleetRequest(fromRecord(inputs), cfg);

describe('parseReplaceFleetRequest', () => {
  it('takes the environment from kiln.yml; inputs override it', async () => {
    const cfg = await config();
    const r = parse({ image: IMAGE, environment: 'staging' }, cfg);
    expect(r).toMatchObject({
      digest: D,
      environment: 'staging',
      provider: 'swarm',
      target: 'shop-staging',
      strategy: 'rolling',
      batchSize: 2,
      healthTimeoutMs: 90_000,
      autoRollback: true,
      quarantineOnRollback: true,
      keepWarmMs: DEPLOY_DEFAULTS.keepWarmMs,
      replicas: 3,
      port: 8080,
      network: 'shop',
      dockerHost: 'ssh://deploy@staging',
      ledgerRepository: { registry: 'registry.example', repository: 'acme/shop' },
    });
    expect(r.requires).toBeUndefined();
    const o = parse(
      {
        image: IMAGE,
        environment: 'staging',
        target: 'other',
        'batch-size': '1',
        'health-timeout': '10s',
        'auto-rollback': 'false',
        'quarantine-on-rollback': 'false',
        replicas: '2',
      },
      cfg,
    );
    expect(o).toMatchObject({
      target: 'other',
      batchSize: 1,
      healthTimeoutMs: 10_000,
      autoRollback: false,
      quarantineOnRollback: false,
      replicas: 2,
    });
  });

  it('carries requires and url; a bare digest takes kiln.yml’s repository', async () => {
    const r = parse(
      { image: D, environment: 'production', 'haproxy-socket': '/run/lb/haproxy.sock' },
      await config(),
    );
    expect(r).toMatchObject({
      image: { registry: 'registry.example', repository: 'acme/shop', digest: D },
      requires: 'staging',
      url: 'https://shop.example',
      strategy: 'blue-green',
      keepWarmMs: 120_000,
      replicas: 4,
      haproxy: { socket: '/run/lb/haproxy.sock', mapFile: '/run/lb/routes.map' },
    });
  });

  it('refuses a tag, naming the input and the rule', () => {
    expect(() =>
      parse({ image: 'registry.example/acme/shop:1.0', environment: 'e', target: 't' }),
    ).toThrow(
      'Input "image" has value "registry.example/acme/shop:1.0": it must be pinned by digest (repository@sha256:…); tags are mutable and are not accepted here',
    );
    expect(() => parse({ image: D, environment: 'e', target: 't' })).toThrow(
      /a bare digest needs the repository from kiln.yml/,
    );
  });

  it('carries the kubernetes block of kiln.yml and the kubeconfig input, masked', async () => {
    const cfg = await config();
    const kubeconfig = 'apiVersion: v1\nkind: Config\n';
    const req = parse({ image: IMAGE, environment: 'k8s', kubeconfig }, cfg);
    expect(req).toMatchObject({
      provider: 'kubernetes',
      target: 'shop',
      // The Service's selector is the switch: no haproxy needed.
      strategy: 'blue-green',
      kubernetes: { namespace: 'shop-prod', context: 'prod-eu', container: 'app' },
      kubeconfig,
    });
    expect(req.haproxy).toBeUndefined();
    expect(req.awsAsg).toBeUndefined();
    expect(redact(`read ${kubeconfig}`)).toBe('read ***');
    // Without kiln.yml the provider input alone opens an empty block.
    expect(
      parse({ image: IMAGE, environment: 'e', target: 't', provider: 'kubernetes' }),
    ).toMatchObject({ provider: 'kubernetes', kubernetes: {} });
    expect(() => parse({ image: IMAGE, environment: 'staging', kubeconfig: 'x: y' }, cfg)).toThrow(
      'Input "kubeconfig" is only used with provider kubernetes (this environment runs on swarm)',
    );
  });

  it('carries the aws-asg block of kiln.yml; blue-green is left to the provider to refuse', async () => {
    const cfg = await config();
    const req = parse({ image: IMAGE, environment: 'edge' }, cfg);
    expect(req).toMatchObject({
      provider: 'aws-asg',
      target: 'shop-asg',
      awsAsg: { region: 'eu-west-1', launchTemplate: 'shop-lt', minHealthyPercentage: 90 },
    });
    expect(req.kubernetes).toBeUndefined();
    expect(parse({ image: IMAGE, environment: 'edge', strategy: 'blue-green' }, cfg)).toMatchObject(
      { provider: 'aws-asg', strategy: 'blue-green' },
    );
    expect(() => parse({ image: IMAGE, environment: 'k8s' }, undefined)).toThrow(
      /Input "target" is required/,
    );
    expect(() => parse({ image: IMAGE, environment: 'e', target: 't', provider: 'nomad' })).toThrow(
      'Input "provider" has value "nomad": must be one of swarm, kubernetes, aws-asg',
    );
  });

  it('refuses an unknown environment, a provider other than kiln.yml’s, and bad values', async () => {
    const cfg = await config();
    expect(() => parse({ image: IMAGE, environment: 'stagin' }, cfg)).toThrow(
      /Input "environment" has value "stagin": .github\/kiln.yml has no such environment/,
    );
    expect(() => parse({ image: IMAGE, environment: '-prod', target: 't' })).toThrow(
      'Input "environment" has value "-prod": must be an environment name',
    );
    const cases: Array<[Record<string, string>, RegExp]> = [
      [
        { strategy: 'canary' },
        /Input "strategy" has value "canary": must be one of rolling, blue-green/,
      ],
      [
        { 'batch-size': '0' },
        /Input "batch-size" has value "0": must be an integer between 1 and 1000/,
      ],
      [{ 'health-timeout': '0s' }, /Input "health-timeout" has value "0s": must be longer than 0s/],
      [{ 'auto-rollback': 'maybe' }, /Input "auto-rollback" has value "maybe"/],
      [{ 'quarantine-on-rollback': 'often' }, /Input "quarantine-on-rollback" has value "often"/],
      [{ 'docker-host': '/var/run/docker.sock' }, /Input "docker-host" .* unix:\/\//],
      [{ 'health-interval': '1s' }, /Input "health-interval" .* only used with health-cmd/],
      [{ 'preview-url': 'http://x/' }, /Input "preview-url" .* needs haproxy-socket/],
      [
        { strategy: 'blue-green' },
        /blue-green moves traffic through a load balancer: set input "haproxy-socket"/,
      ],
    ];
    for (const [extra, message] of cases) {
      const run = () => parse({ image: IMAGE, environment: 'e', target: 't', ...extra });
      expect(run).toThrow(ConfigurationError);
      expect(run).toThrow(message);
    }
  });

  it('a health command replaces the image’s with a short interval', () => {
    const r = parse({
      image: IMAGE,
      environment: 'e',
      target: 't',
      'health-cmd': 'wget -q -O /dev/null http://127.0.0.1:8080/',
      'health-interval': '1s',
    });
    expect(r.health).toEqual({
      cmd: 'wget -q -O /dev/null http://127.0.0.1:8080/',
      intervalMs: 1000,
      // A slow answer is allowed 5 s, however often the check runs.
      timeoutMs: 5000,
      retries: 3,
      startPeriodMs: 0,
    });
  });
});
