import { describe, expect, it } from '@jest/globals';
import { redact } from '../../log.js';
import { Authenticator, basicAuthorization } from './auth.js';
import { InsecureRealmError } from './errors.js';

const creds = async (): Promise<{ username: string; password: string }> => ({
  username: 'u',
  password: 'p-auth-test',
});

describe('Authenticator', () => {
  it('refuses a plain-http token realm for an https registry before sending anything', async () => {
    const auth = new Authenticator('registry.example', creds, Date.now, { scheme: 'https' });
    const challenge = {
      scheme: 'bearer' as const,
      params: { realm: 'http://127.0.0.1:9/token', service: 'registry.example' },
    };
    expect(await auth.challenged(challenge, ['repository:a:pull'], undefined)).toBe(true);
    const err = await auth.authorization(['repository:a:pull']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InsecureRealmError);
    expect((err as Error).message).toBe(
      'registry.example is https but names the token realm http://127.0.0.1:9/token over plain http: refusing to send credentials or take a token there',
    );
  });

  it('answers a Basic challenge with masked credentials', async () => {
    const auth = new Authenticator('registry.example', creds, Date.now, { scheme: 'https' });
    await auth.challenged({ scheme: 'basic', params: {} }, [], undefined);
    const header = await auth.authorization([]);
    const encoded = Buffer.from('u:p-auth-test').toString('base64');
    expect(header).toBe(`Basic ${encoded}`);
    expect(redact(`sent ${encoded}`)).toBe('sent ***');
  });

  it('masks the base64 form wherever Basic is built', () => {
    const header = basicAuthorization('someone', 'pw-123');
    expect(redact(header)).toBe('Basic ***');
  });
});
