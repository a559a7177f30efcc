import { describe, expect, it } from '@jest/globals';
import { parseChallenge } from './challenge.js';
import { retryAfterMs, retryVerdict, RegistryError, DigestMismatchError } from './errors.js';
import { isLoopback, schemeFor } from './transport.js';

describe('parseChallenge', () => {
  it('parses a Bearer challenge with quoted params', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:a/b:pull' },
    });
  });
  it('keeps commas inside quotes and accepts unquoted values', () => {
    expect(
      parseChallenge('Bearer realm=https://r/t, scope="repository:a:pull,push"')?.params,
    ).toEqual({
      realm: 'https://r/t',
      scope: 'repository:a:pull,push',
    });
  });
  it('parses Basic and ignores unknown schemes', () => {
    expect(parseChallenge('Basic realm="Registry Realm"')?.scheme).toBe('basic');
    expect(parseChallenge('Negotiate abc')).toBeUndefined();
    expect(parseChallenge(undefined)).toBeUndefined();
  });
});

describe('retry policy', () => {
  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
  it('retries 408/429/5xx and resets, not 4xx', () => {
    const err = (status: number, after?: number): RegistryError =>
      new RegistryError('GET', 'u', status, [], '', after);
    expect(retryVerdict(err(503))).toBe(true);
    expect(retryVerdict(err(429, 2000))).toBe(2000);
    expect(retryVerdict(err(408))).toBe(true);
    expect(retryVerdict(err(404))).toBe(false);
    expect(retryVerdict(err(401))).toBe(false);
    expect(retryVerdict(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true);
    expect(retryVerdict(new DigestMismatchError('flip'))).toBe(true);
    expect(retryVerdict(new Error('bad json'))).toBe(false);
  });
});

describe('scheme selection', () => {
  it('uses plain HTTP only for loopback and listed hosts', () => {
    expect(isLoopback('127.0.0.1:5000')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('[::1]:5000')).toBe(true);
    expect(isLoopback('127.0.0.1.evil.com')).toBe(false);
    expect(schemeFor('ghcr.io')).toBe('https');
    expect(schemeFor('10.0.0.5:5000', ['10.0.0.5:5000'])).toBe('http');
    expect(schemeFor('10.0.0.5:5000', ['10.0.0.5'])).toBe('https');
  });
});
