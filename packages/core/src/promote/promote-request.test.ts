import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../config/load-config.js';
import type { KilnConfig } from '../config/kiln-config.js';
import { ConfigurationError } from '../errors.js';
import { fromRecord } from '../inputs/source.js';
import { parsePromoteRequest } from './promote-request.js';

const D = `sha256:${'a'.repeat(64)}`;
const IMAGE = `registry.test/acme/shop@${D}`;

const CONFIG = `
image: registry.test/acme/shop
environments:
  dev: { provider: swarm, target: shop-dev }
  staging: { provider: swarm, target: shop-staging }
  production: { provider: swarm, target: shop, requires: staging, min-soak: 10m }
`;

const config = (extra = ''): Promise<KilnConfig> => parseConfig(CONFIG + extra, '.github/kiln.yml');
const parse = (inputs: Record<string, string>, c?: KilnConfig) =>
  parsePromoteRequest(fromRecord(inputs), c);
const refuses = (inputs: Record<string, string>, message: string, c?: KilnConfig) => {
  let thrown: unknown;
  try {
    parse(inputs, c);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(ConfigurationError);
  expect((thrown as Error).message).toBe(message);
};

describe('parsePromoteRequest', () => {
  it('a digest-pinned image to an environment, without a config: only validation is gated', () => {
    expect(parse({ image: IMAGE, 'to-environment': 'production' })).toEqual({
      digest: D,
      quarantineLedgers: [],
      source: { registry: 'registry.test', repository: 'acme/shop' },
      target: { registry: 'registry.test', repository: 'acme/shop' },
      toEnvironment: 'production',
      requireValidation: true,
      requireHealthy: false,
      minSoakMs: 0,
      sourceLedger: { registry: 'registry.test', repository: 'acme/shop' },
      targetLedger: { registry: 'registry.test', repository: 'acme/shop' },
    });
  });

  it('from-environment with kiln.yml: the repository from the config, health and soak from requires', async () => {
    const r = parse(
      { 'from-environment': 'staging', 'to-environment': 'production' },
      await config(),
    );
    expect(r).toMatchObject({
      source: { registry: 'registry.test', repository: 'acme/shop' },
      fromEnvironment: 'staging',
      sourceEnvironment: 'staging',
      requires: 'staging',
      requireHealthy: true,
      requireValidation: true,
      minSoakMs: 600_000,
    });
    expect(r.digest).toBeUndefined();
  });

  it('a manual promotion with image is held to the same requires and min-soak', async () => {
    const r = parse({ image: IMAGE, 'to-environment': 'production' }, await config());
    expect(r).toMatchObject({
      digest: D,
      sourceEnvironment: 'staging',
      requireHealthy: true,
      minSoakMs: 600_000,
    });
    expect(r.fromEnvironment).toBeUndefined();
    // A longer soak may be asked for, a shorter one not.
    expect(
      parse({ image: IMAGE, 'to-environment': 'production', 'min-soak': '1h' }, await config())
        .minSoakMs,
    ).toBe(3_600_000);
    refuses(
      { image: IMAGE, 'to-environment': 'production', 'min-soak': '1m' },
      'Input "min-soak" has value "1m": is shorter than the min-soak 10m .github/kiln.yml sets for production; the same soak applies to every promotion',
      await config(),
    );
  });

  it('to-image names another repository or registry; the ledger follows the image', () => {
    const r = parse({
      image: IMAGE,
      'to-environment': 'production',
      'to-image': 'prod.test:5000/acme/shop',
    });
    expect(r.target).toEqual({ registry: 'prod.test:5000', repository: 'acme/shop' });
    expect(r.targetLedger).toEqual(r.target);
    expect(r.sourceLedger).toEqual(r.source);
  });

  it('kiln.yml ledger.repository holds both environments’ ledgers', async () => {
    const c = await config('ledger: { repository: registry.test/acme/ledger }\n');
    const r = parse({ image: IMAGE, 'from-environment': 'dev', 'to-environment': 'staging' }, c);
    const ledger = { registry: 'registry.test', repository: 'acme/ledger' };
    expect(r.sourceLedger).toEqual(ledger);
    expect(r.targetLedger).toEqual(ledger);
  });

  it('require-healthy and require-validation can be turned off, and parse as booleans', async () => {
    const r = parse(
      {
        'from-environment': 'dev',
        'to-environment': 'staging',
        'require-healthy': 'false',
        'require-validation': 'no',
      },
      await config(),
    );
    expect(r).toMatchObject({ requireHealthy: false, requireValidation: false, minSoakMs: 0 });
    refuses(
      { image: IMAGE, 'to-environment': 'x', 'require-validation': 'maybe' },
      'Input "require-validation" has value "maybe": must be one of true, yes, 1, on, false, no, 0, off',
    );
  });

  it.each([
    [
      { image: 'registry.test/acme/shop:1.0', 'to-environment': 'production' },
      'Input "image" has value "registry.test/acme/shop:1.0": it must be pinned by digest (repository@sha256:…); tags are mutable and are not accepted here',
    ],
    [
      // Even with from-environment, a tag is not a name for a digest.
      { image: 'registry.test/acme/shop:1.0', 'from-environment': 'a', 'to-environment': 'b' },
      'Input "image" has value "registry.test/acme/shop:1.0": it must be pinned by digest (repository@sha256:…); tags are mutable and are not accepted here',
    ],
    [
      { image: 'registry.test/acme/shop', 'to-environment': 'production' },
      'Input "image" has value "registry.test/acme/shop": it must be pinned by digest (repository@sha256:…); tags are mutable and are not accepted here',
    ],
    [
      { image: `oci-layout:out@${D}`, 'to-environment': 'production' },
      `Input "image" has value "oci-layout:out@${D}": promote copies between registries; copy the layout into a registry first (kiln copy)`,
    ],
    [{ image: IMAGE }, 'Input "to-environment" is required'],
    [
      { 'to-environment': 'production' },
      'Input "image" is required: the image to promote, pinned by digest (repo@sha256:…), unless from-environment names the environment to take it from',
    ],
    [
      { 'from-environment': 'staging', 'to-environment': 'production' },
      'Input "image" is required to find the ledger of staging: name the repository, or set image: in kiln.yml',
    ],
    [
      { image: IMAGE, 'to-environment': 'prod/eu' },
      'Input "to-environment" has value "prod/eu": must be an environment name: letters, digits, "_", "." and "-" (at most 116, not starting with "." or "-")',
    ],
    [
      { image: IMAGE, 'from-environment': 'staging', 'to-environment': 'staging' },
      'Input "from-environment" has value "staging": must differ from to-environment',
    ],
    [
      { image: IMAGE, 'to-environment': 'production', 'to-image': `registry.test/other@${D}` },
      `Input "to-image" has value "registry.test/other@${D}": name a repository; the digest comes from image or from-environment`,
    ],
    [
      { image: IMAGE, 'to-environment': 'production', 'to-image': 'registry.test/other:prod' },
      'Input "to-image" has value "registry.test/other:prod": name a repository without a tag: promote copies by digest and moves no tag',
    ],
    [
      { image: IMAGE, 'to-environment': 'production', 'require-healthy': 'true' },
      'Input "require-healthy" has value "true": needs a source environment: give from-environment, or requires: for production in kiln.yml',
    ],
    [
      { image: IMAGE, 'to-environment': 'production', 'min-soak': '5m' },
      'Input "min-soak" has value "5m": needs a source environment to soak in: give from-environment, or requires: for production in kiln.yml',
    ],
    [
      { image: IMAGE, 'to-environment': 'production', 'min-soak': 'soon' },
      'Input "min-soak" has value "soon": must be a duration such as 90s, 10m, 1h30m or 500ms',
    ],
  ])('refuses %j before any request', (inputs, message) => refuses(inputs, message));

  it('refuses environments kiln.yml does not have, and a source other than requires', async () => {
    const c = await config();
    refuses(
      { image: IMAGE, 'to-environment': 'prod' },
      'Input "to-environment" has value "prod": .github/kiln.yml has no such environment (did you mean "production"?); its environments: dev, staging, production',
      c,
    );
    refuses(
      { 'from-environment': 'dev', 'to-environment': 'production' },
      'Input "from-environment" has value "dev": production requires staging (.github/kiln.yml): promote into production from staging',
      c,
    );
  });
});
