import { describe, expect, it, jest } from '@jest/globals';

// Which credentials each registry is asked with: the explicit ones go to the target only.
const resolveCredentials = jest.fn(
  async (_registry: string, _opts: Record<string, unknown>) => undefined,
);
jest.unstable_mockModule('./auth/credentials.js', () => ({ resolveCredentials }));
const { Registries } = await import('./registries.js');

const askFor = async (
  registries: InstanceType<typeof Registries>,
  host: string,
): Promise<Record<string, unknown>> => {
  resolveCredentials.mockClear();
  // The transport loads credentials lazily, on the first challenge; call the loader directly.
  const transport = registries.transport(host) as unknown as {
    opts: { credentials: () => Promise<unknown> };
  };
  await transport.opts.credentials();
  return resolveCredentials.mock.calls[0]?.[1] as Record<string, unknown>;
};

describe('Registries credentials', () => {
  it('sends explicit credentials only to the registry they belong to', async () => {
    const registries = new Registries({
      username: 'u',
      password: 'p',
      credentialsRegistry: 'ghcr.io',
      dockerConfig: '/x',
    });
    expect(await askFor(registries, 'ghcr.io')).toEqual({
      username: 'u',
      password: 'p',
      configPath: '/x',
    });
    expect(await askFor(registries, 'docker.io')).toEqual({ configPath: '/x' });
  });

  it('sends them everywhere when no target is named (kiln copy with one login)', async () => {
    const registries = new Registries({ username: 'u', password: 'p' });
    expect(await askFor(registries, 'quay.io')).toMatchObject({ username: 'u', password: 'p' });
  });
});
