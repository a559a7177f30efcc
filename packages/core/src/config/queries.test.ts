import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../errors.js';
import { parseConfig } from './load-config.js';
import { environment, requiredSource } from './queries.js';

const TEXT = `image: ghcr.io/acme/shop
environments:
  staging: { provider: swarm, target: shop }
  production: { provider: swarm, target: shop, requires: staging, min-soak: 10m }
  constructor: { provider: swarm, target: odd }
`;

describe('environment', () => {
  it('finds an environment by name', async () => {
    const c = await parseConfig(TEXT, '.github/kiln.yml');
    expect(environment(c, 'production')).toMatchObject({ name: 'production', minSoakMs: 600_000 });
    expect(environment(c, 'constructor').target).toBe('odd');
  });

  it('an unknown name names the input, the file and the environments it has', async () => {
    const c = await parseConfig(TEXT, '.github/kiln.yml');
    expect(() => environment(c, 'prod', 'to-environment')).toThrow(ConfigurationError);
    expect(() => environment(c, 'prodution', 'to-environment')).toThrow(
      'Input "to-environment" has value "prodution": .github/kiln.yml has no such environment (did you mean "production"?); its environments: staging, production, constructor',
    );
    // Names every object has are not environments unless the file has them.
    expect(() => environment(c, 'toString')).toThrow(
      'Input "environment" has value "toString": .github/kiln.yml has no such environment; its environments: staging, production, constructor',
    );
  });
});

describe('requiredSource', () => {
  it('is the environment named by requires, or undefined', async () => {
    const c = await parseConfig(TEXT, '.github/kiln.yml');
    expect(requiredSource(c, 'production')?.name).toBe('staging');
    expect(requiredSource(c, environment(c, 'production'))?.name).toBe('staging');
    expect(requiredSource(c, 'staging')).toBeUndefined();
    expect(() => requiredSource(c, 'qa')).toThrow(/^Input "environment" has value "qa": /);
  });
});
