import { describe, expect, it } from '@jest/globals';
import { fromRecord } from './source.js';
import { DEFAULT_REGISTRY_TIMEOUT_MS, registryOptionsFrom } from './registry-inputs.js';

describe('registryOptionsFrom', () => {
  it('reads the timeout as a duration, 30 minutes when not given', () => {
    expect(registryOptionsFrom(fromRecord({ timeout: '90s' })).timeoutMs).toBe(90_000);
    expect(registryOptionsFrom(fromRecord({})).timeoutMs).toBe(DEFAULT_REGISTRY_TIMEOUT_MS);
    expect(DEFAULT_REGISTRY_TIMEOUT_MS).toBe(30 * 60_000);
  });

  it('refuses a timeout that is not a duration, naming the input', () => {
    expect(() => registryOptionsFrom(fromRecord({ timeout: 'soon' }))).toThrow(
      'Input "timeout" has value "soon": must be a duration such as 90s, 10m, 1h30m or 500ms',
    );
  });
});
