import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { sha256 } from '../oci/digest.js';
import { parseConfig } from './load-config.js';

const FULL = `image: ghcr.io/acme/shop
ledger:
  repository: ghcr.io/acme/kiln-ledger
environments:
  staging:
    provider: swarm
    target: shop-staging
    strategy: rolling
    batch-size: 2
    health-timeout: 90s
    url: https://staging.acme.example/
    swarm:
      replicas: 3
      port: 8080
      network: shop
      docker-host: ssh://deploy@swarm.acme.example
  production:
    provider: kubernetes
    target: shop
    requires: staging
    min-soak: 1h30m
    strategy: blue-green
    keep-warm: 10m
    kubernetes:
      namespace: shop
      context: prod-eu
      container: app
  edge:
    provider: aws-asg
    target: shop-edge-asg
    requires: production
    min-soak: 600
    aws-asg:
      region: eu-west-1
      launch-template: lt-0abcdef1234567890
      target-group-arn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop/0123456789abcdef
      min-healthy-percentage: 90
`;

/** The message of the ConfigurationError parsing `text` as kiln.yml throws. */
async function problem(text: string, opts = {}): Promise<string> {
  try {
    await parseConfig(text, '.github/kiln.yml', opts);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigurationError);
    return (err as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

const ENV = 'image: ghcr.io/acme/shop\nenvironments:\n';

describe('parseConfig', () => {
  it('reads every key, typed, in file order', async () => {
    const c = await parseConfig(FULL, '.github/kiln.yml');
    expect(c.image).toEqual({ registry: 'ghcr.io', repository: 'acme/shop' });
    expect(c.ledger.repository).toEqual({ registry: 'ghcr.io', repository: 'acme/kiln-ledger' });
    expect(c.source).toEqual({ file: '.github/kiln.yml', sha256: sha256(FULL) });
    expect([...c.environments.keys()]).toEqual(['staging', 'production', 'edge']);
    expect(c.environments.get('staging')).toEqual({
      name: 'staging',
      provider: 'swarm',
      target: 'shop-staging',
      strategy: 'rolling',
      batchSize: 2,
      healthTimeoutMs: 90_000,
      url: 'https://staging.acme.example/',
      settings: {
        replicas: 3,
        port: 8080,
        network: 'shop',
        dockerHost: 'ssh://deploy@swarm.acme.example',
      },
    });
    expect(c.environments.get('production')).toEqual({
      name: 'production',
      provider: 'kubernetes',
      target: 'shop',
      requires: 'staging',
      minSoakMs: 5_400_000,
      strategy: 'blue-green',
      keepWarmMs: 600_000,
      settings: { namespace: 'shop', context: 'prod-eu', container: 'app' },
    });
    expect(c.environments.get('edge')).toEqual({
      name: 'edge',
      provider: 'aws-asg',
      target: 'shop-edge-asg',
      requires: 'production',
      minSoakMs: 600_000,
      settings: {
        region: 'eu-west-1',
        launchTemplate: 'lt-0abcdef1234567890',
        targetGroupArn:
          'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop/0123456789abcdef',
        minHealthyPercentage: 90,
      },
    });
  });

  it('defaults the ledger to the image repository and settings to none', async () => {
    const c = await parseConfig(`${ENV}  staging: { provider: swarm, target: shop }\n`, 'k.yml');
    expect(c.ledger.repository).toBe(c.image);
    expect(c.environments.get('staging')).toEqual({
      name: 'staging',
      provider: 'swarm',
      target: 'shop',
      settings: {},
    });
  });

  it('reads the example config, anchors and x- keys included', async () => {
    const file = join('examples', 'kiln.yml');
    const c = await parseConfig(await readFile(file, 'utf8'), file);
    expect(c.image).toEqual({ registry: '127.0.0.1:5000', repository: 'kiln/shop' });
    expect(c.environments.get('production')).toMatchObject({
      requires: 'staging',
      strategy: 'blue-green',
      settings: { replicas: 3, network: 'kiln-demo' },
    });
  });

  it('reads the README example, and reports its misspellings as the README shows', async () => {
    const readme = await readFile('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration: .github/kiln.yml'));
    const [, example = ''] = /```yaml\n(.*?)```/s.exec(section) ?? [];
    const c = await parseConfig(example, '.github/kiln.yml');
    expect([...c.environments.keys()]).toEqual(['staging', 'production', 'edge']);
    const shown = [...section.matchAll(/^(\.github\/kiln\.yml:.*?)(?:…)?$/gm)].map((m) => m[1]);
    expect(shown).toHaveLength(2);
    expect(await problem(example.replace('health-timeout: 60s', 'healt-timeout: 60s'))).toContain(
      shown[0],
    );
    expect(await problem(example.replace('requires: staging ', 'requires: stagin  '))).toBe(
      shown[1],
    );
  });

  it('takes an image in place of the file’s, checked by the same rule', async () => {
    const text = `${ENV}  staging: { provider: swarm, target: shop }\n`;
    const c = await parseConfig(text, 'k.yml', { image: '127.0.0.1:41234/kiln/shop' });
    expect(c.image).toEqual({ registry: '127.0.0.1:41234', repository: 'kiln/shop' });
    expect(c.ledger.repository).toEqual(c.image);
    expect(await problem(text, { image: '127.0.0.1:41234/kiln/shop:v1' })).toBe(
      '.github/kiln.yml:1:8: image: must be an image repository such as ghcr.io/acme/shop, without a tag or digest (each deploy names the digest it runs), got "127.0.0.1:41234/kiln/shop:v1" (the image given in place of .github/kiln.yml\'s)',
    );
  });

  it('merges <<: keys', async () => {
    const c = await parseConfig(
      `x-base: &base { provider: swarm, strategy: rolling }\n${ENV}  staging:\n    <<: *base\n    target: shop\n`,
      'k.yml',
    );
    expect(c.environments.get('staging')).toMatchObject({ provider: 'swarm', strategy: 'rolling' });
  });

  it('names an unknown key with its path and position, and the key it was meant to be', async () => {
    expect(
      await problem(
        `${ENV}  staging:\n    provider: swarm\n    target: shop\n    healt-timeout: 30s\n`,
      ),
    ).toBe(
      '.github/kiln.yml:6:5: environments.staging.healt-timeout: unknown key (did you mean "health-timeout"?); known keys of environments.staging: provider, target, requires, min-soak, strategy, batch-size, health-timeout, keep-warm, url, image, swarm, kubernetes, aws-asg',
    );
    expect(await problem('imag: x\nenvironments:\n  s: { provider: swarm, target: shop }\n')).toBe(
      [
        '.github/kiln.yml:1:1: image: is required; it must be an image repository such as ghcr.io/acme/shop',
        '.github/kiln.yml:1:1: imag: unknown key (did you mean "image"?); known keys: image, ledger, environments',
      ].join('\n'),
    );
    expect(
      await problem(
        `${ENV}  s:\n    provider: swarm\n    target: shop\n    swarm: { replica: 3 }\n`,
      ),
    ).toBe(
      '.github/kiln.yml:6:14: environments.s.swarm.replica: unknown key (did you mean "replicas"?); known keys of environments.s.swarm: replicas, port, network, docker-host',
    );
    expect(
      await problem(`${ENV}  s: { provider: swarm, target: shop }\nledger: { repo: x }\n`),
    ).toBe(
      [
        '.github/kiln.yml:4:1: ledger.repository: is required; it must be an image repository such as ghcr.io/acme/shop',
        '.github/kiln.yml:4:11: ledger.repo: unknown key (did you mean "repository"?); known keys of ledger: repository',
      ].join('\n'),
    );
  });

  it('names a missing key at the map that lacks it', async () => {
    expect(await problem(`${ENV}  staging:\n    provider: swarm\n`)).toBe(
      '.github/kiln.yml:3:3: environments.staging.target: is required; it must be the name of the swarm service, Kubernetes Deployment or Auto Scaling group',
    );
    expect(await problem('image: ghcr.io/acme/shop\n')).toBe(
      '.github/kiln.yml:1:1: environments: is required; it must be a map of environment name to its settings',
    );
  });

  it('reports a bad value at the value, with the rule and the value', async () => {
    const env = (lines: string): string =>
      `${ENV}  staging:\n    provider: swarm\n    target: shop\n${lines}`;
    expect(await problem(`${ENV}  staging: { provider: swarn, target: shop }\n`)).toBe(
      '.github/kiln.yml:3:24: environments.staging.provider: must be one of swarm, kubernetes, aws-asg (did you mean "swarm"?), got "swarn"',
    );
    expect(await problem(env('    strategy: bluegreen\n'))).toBe(
      '.github/kiln.yml:6:15: environments.staging.strategy: must be one of rolling, blue-green (did you mean "blue-green"?), got "bluegreen"',
    );
    expect(await problem(env('    min-soak: 10 minutes\n'))).toBe(
      '.github/kiln.yml:6:15: environments.staging.min-soak: must be a duration such as 90s, 10m, 1h30m or 500ms, got "10 minutes"',
    );
    expect(await problem(env('    health-timeout: 0s\n'))).toBe(
      '.github/kiln.yml:6:21: environments.staging.health-timeout: must be longer than 0, got "0s"',
    );
    expect(await problem(env('    batch-size: -1.5\n'))).toBe(
      '.github/kiln.yml:6:17: environments.staging.batch-size: must be a whole number of at least 1, got -1.5',
    );
    expect(await problem(env('    url: ftp://x.example/\n'))).toBe(
      '.github/kiln.yml:6:10: environments.staging.url: must be an http or https URL, got "ftp://x.example/"',
    );
    expect(await problem(env('    requires:\n'))).toBe(
      '.github/kiln.yml:6:14: environments.staging.requires: must be the name of another environment, got an empty value',
    );
    expect(await problem(env('    swarm: { port: 70000 }\n'))).toBe(
      '.github/kiln.yml:6:20: environments.staging.swarm.port: must be a whole number from 1 to 65535, got 70000',
    );
    expect(await problem(env('    swarm: { docker-host: /var/run/docker.sock }\n'))).toBe(
      '.github/kiln.yml:6:27: environments.staging.swarm.docker-host: must be an engine address such as unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host, got "/var/run/docker.sock"',
    );
    expect(
      await problem(
        `${ENV}  p:\n    provider: aws-asg\n    target: a\n    aws-asg: { region: eu-west, min-healthy-percentage: 101 }\n`,
      ),
    ).toBe(
      [
        '.github/kiln.yml:6:24: environments.p.aws-asg.region: must be an AWS region such as us-east-1, got "eu-west"',
        '.github/kiln.yml:6:57: environments.p.aws-asg.min-healthy-percentage: must be a whole number from 0 to 100, got 101',
      ].join('\n'),
    );
    expect(
      await problem(
        `${ENV}  p:\n    provider: kubernetes\n    target: shop\n    kubernetes: { namespace: Shop }\n`,
      ),
    ).toBe(
      '.github/kiln.yml:6:30: environments.p.kubernetes.namespace: must be a namespace name: lower-case letters, digits and -, at most 63 characters, got "Shop"',
    );
  });

  it('names the kind of value a key wants when it gets another', async () => {
    expect(await problem(`${ENV}  staging:\n`)).toBe(
      '.github/kiln.yml:3:11: environments.staging: must be a map with provider:, target: and the settings of the environment, got an empty value',
    );
    expect(await problem(`${ENV}  s: { provider: swarm, target: a, swarm: 3 }\n`)).toBe(
      ".github/kiln.yml:3:43: environments.s.swarm: must be a map of this provider's settings, got 3",
    );
    expect(
      await problem(`${ENV}  s: { provider: swarm, target: a }\nledger: ghcr.io/acme/l\n`),
    ).toBe('.github/kiln.yml:4:9: ledger: must be a map with repository:, got "ghcr.io/acme/l"');
    expect(await problem(`${ENV}  s: { provider: swarm, target: [a] }\n`)).toBe(
      '.github/kiln.yml:3:33: environments.s.target: must be the name of the swarm service, Kubernetes Deployment or Auto Scaling group, got a list',
    );
  });

  it('wants a repository for image and ledger, without tag or digest', async () => {
    const envs = 'environments:\n  s: { provider: swarm, target: shop }\n';
    expect(await problem(`image: ghcr.io/acme/shop:1.0\n${envs}`)).toBe(
      '.github/kiln.yml:1:8: image: must be an image repository such as ghcr.io/acme/shop, without a tag or digest (each deploy names the digest it runs), got "ghcr.io/acme/shop:1.0"',
    );
    expect(await problem(`image: ghcr.io/Acme/shop\n${envs}`)).toBe(
      '.github/kiln.yml:1:8: image: repository "Acme/shop" must be lowercase, got "ghcr.io/Acme/shop"',
    );
    expect(await problem(`image: 42\n${envs}`)).toBe(
      '.github/kiln.yml:1:8: image: must be an image repository such as ghcr.io/acme/shop, got 42',
    );
    expect(
      await problem(
        `image: ghcr.io/acme/shop\nledger:\n  repository: ghcr.io/acme/l@sha256:${'a'.repeat(64)}\n${envs}`,
      ),
    ).toMatch(
      /^\.github\/kiln\.yml:3:15: ledger\.repository: must be an image repository such as ghcr\.io\/acme\/shop, without a tag or digest/,
    );
  });

  it('checks environment names like GitHub environment names', async () => {
    expect(await problem(`${ENV}  Prod: { provider: swarm, target: shop }\n`)).toBe(
      '.github/kiln.yml:3:3: environments.Prod: must be an environment name: lower-case letters, digits, - and _, starting with a letter or digit, at most 116 characters, got "Prod"',
    );
    expect(
      await problem(`${ENV}  ${'a'.repeat(117)}: { provider: swarm, target: shop }\n`),
    ).toMatch(
      /^\.github\/kiln\.yml:3:3: environments\.a+: must be an environment name: .*at most 116 characters/,
    );
    expect(await problem(`${ENV}  {}\n`)).toBe(
      '.github/kiln.yml:3:3: environments: must name at least one environment, got a map',
    );
    expect(await problem('image: ghcr.io/acme/shop\nenvironments: [staging]\n')).toBe(
      '.github/kiln.yml:2:15: environments: must be a map of environment name to its settings, got a list',
    );
  });

  it('checks the target as its provider names things', async () => {
    expect(await problem(`${ENV}  s: { provider: swarm, target: "shop.web" }\n`)).toBe(
      '.github/kiln.yml:3:33: environments.s.target: must be a swarm service name: letters and digits, joined by - or _, at most 63 characters, got "shop.web"',
    );
    expect(await problem(`${ENV}  k: { provider: kubernetes, target: Shop }\n`)).toBe(
      '.github/kiln.yml:3:38: environments.k.target: must be a Deployment name: lower-case letters, digits, - and ., at most 253 characters, got "Shop"',
    );
    const k = await parseConfig(`${ENV}  k: { provider: kubernetes, target: shop.web }\n`, 'k.yml');
    expect(k.environments.get('k')?.target).toBe('shop.web');
  });

  it('refuses settings for a provider the environment does not use', async () => {
    expect(
      await problem(
        `${ENV}  s:\n    provider: swarm\n    target: shop\n    kubernetes: { namespace: shop }\n`,
      ),
    ).toBe(
      ".github/kiln.yml:6:5: environments.s.kubernetes: settings for provider kubernetes, but this environment's provider is swarm, got a map",
    );
  });

  it('refuses keep-warm with the rolling strategy', async () => {
    expect(
      await problem(
        `${ENV}  s:\n    provider: swarm\n    target: shop\n    strategy: rolling\n    keep-warm: 5m\n`,
      ),
    ).toBe(
      '.github/kiln.yml:7:5: environments.s.keep-warm: applies to strategy blue-green only (strategy is rolling), got 300000',
    );
  });

  it('wants requires to name another environment', async () => {
    const base = `${ENV}  staging: { provider: swarm, target: shop }\n`;
    expect(
      await problem(`${base}  production: { provider: swarm, target: shop, requires: stagin }\n`),
    ).toBe(
      '.github/kiln.yml:4:58: environments.production.requires: must name another environment of this file (did you mean "staging"?): staging, got "stagin"',
    );
    expect(await problem(`${ENV}  solo: { provider: swarm, target: shop, requires: solo }\n`)).toBe(
      '.github/kiln.yml:3:52: environments.solo.requires: must name another environment, not this one, got "solo"',
    );
    // A name that is also a property of every object is not an environment unless written.
    expect(
      await problem(`${ENV}  solo: { provider: swarm, target: shop, requires: constructor }\n`),
    ).toBe(
      '.github/kiln.yml:3:52: environments.solo.requires: must name another environment of this file: there is none, got "constructor"',
    );
  });

  it('finds a cycle of requires and reports it once, from its first member', async () => {
    expect(
      await problem(
        `${ENV}  dev: { provider: swarm, target: a }\n` +
          `  qa: { provider: swarm, target: b, requires: prod }\n` +
          `  staging: { provider: swarm, target: c, requires: qa }\n` +
          `  prod: { provider: swarm, target: d, requires: staging }\n` +
          `  edge: { provider: swarm, target: e, requires: prod }\n`,
      ),
    ).toBe(
      '.github/kiln.yml:4:47: environments.qa.requires: makes a cycle qa -> prod -> staging -> qa; a digest could never enter any of them, got "prod"',
    );
  });

  it('reports YAML syntax errors, duplicate keys and several documents with their position', async () => {
    expect(await problem(`${ENV}  s: { provider: swarm, target: a }\n  s: {}\n`)).toMatch(
      /^\.github\/kiln\.yml:4:3: Map keys must be unique/,
    );
    expect(await problem('image: [1\n')).toMatch(/^\.github\/kiln\.yml:\d+:\d+: /);
    expect(await problem('image: a\n---\nimage: b\n')).toBe(
      '.github/kiln.yml:2:1: Source contains multiple documents; please use YAML.parseAllDocuments()',
    );
  });

  it('wants a map at the top', async () => {
    const rule =
      'a Kiln config is a map with image: and environments:, e.g. "image: ghcr.io/acme/shop"';
    expect(await problem('- image: x\n')).toBe(`.github/kiln.yml:1:1: ${rule}`);
    expect(await problem('')).toBe(`.github/kiln.yml:1:1: ${rule}`);
  });

  it('refuses an alias bomb before expanding it, naming where', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const bomb = `x-bomb:\n  ${levels.join('\n  ')}\n${ENV}  s: { provider: swarm, target: a }\n`;
    expect(await problem(bomb)).toBe(
      '.github/kiln.yml:3:10: YAML aliases here expand past the limit of 100 (Excessive alias count indicates a resource exhaustion attack); write the values out instead',
    );
    const many = `x-a: &a 1\nx-list: [${Array(101).fill('*a').join(', ')}]\n${ENV}  s: { provider: swarm, target: a }\n`;
    expect(await problem(many)).toBe(
      '.github/kiln.yml:2:10: YAML aliases here expand past the limit of 100 (101 aliases); write the values out instead',
    );
  });

  it('refuses an alias without its anchor, and one inside the node it names', async () => {
    expect(await problem(`${ENV}  s: *nope\n`)).toBe(
      '.github/kiln.yml:3:6: alias *nope has no anchor &nope before it',
    );
    expect(
      await problem(`x-loop: &l { again: *l }\n${ENV}  s: { provider: swarm, target: a }\n`),
    ).toBe(
      '.github/kiln.yml:1:21: alias *l is inside the node &l it refers to (a value cannot contain itself)',
    );
  });

  it('lists every problem, in file order', async () => {
    expect(
      (
        await problem(
          `image: ghcr.io/acme/shop:1\n${'environments:\n'}  s: { provider: swarm, target: shop, bogus: 1, batch-size: 0 }\n`,
        )
      ).split('\n'),
    ).toEqual([
      expect.stringMatching(/^\.github\/kiln\.yml:1:8: image: /),
      expect.stringMatching(/^\.github\/kiln\.yml:3:39: environments\.s\.bogus: unknown key;/),
      '.github/kiln.yml:3:61: environments.s.batch-size: must be a whole number of at least 1, got 0',
    ]);
  });
});
