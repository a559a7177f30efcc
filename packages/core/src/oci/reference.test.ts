import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../errors.js';
import { formatReference, parseReference, requireDigest, apiHost } from './reference.js';

const D = 'sha256:' + 'a'.repeat(64);

describe('parseReference', () => {
  it.each([
    ['alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['alpine:3.20', { registry: 'docker.io', repository: 'library/alpine', tag: '3.20' }],
    ['acme/shop', { registry: 'docker.io', repository: 'acme/shop' }],
    ['docker.io/alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['ghcr.io/acme/shop:v1', { registry: 'ghcr.io', repository: 'acme/shop', tag: 'v1' }],
    ['localhost/shop', { registry: 'localhost', repository: 'shop' }],
    ['localhost:5000/a/b', { registry: 'localhost:5000', repository: 'a/b' }],
    [`localhost:5000/a/b@${D}`, { registry: 'localhost:5000', repository: 'a/b', digest: D }],
    [
      `127.0.0.1:5055/x:t@${D}`,
      { registry: '127.0.0.1:5055', repository: 'x', tag: 't', digest: D },
    ],
    ['[::1]:5000/app', { registry: '[::1]:5000', repository: 'app' }],
    ['Registry.Example.com/a', { registry: 'Registry.Example.com', repository: 'a' }],
    ['a.b/c__d/e-f--g/h.i', { registry: 'a.b', repository: 'c__d/e-f--g/h.i' }],
    ['my-registry:443/team/app', { registry: 'my-registry:443', repository: 'team/app' }],
    ['r.io/app:_tag-.1', { registry: 'r.io', repository: 'app', tag: '_tag-.1' }],
  ])('parses %s', (input, expected) => {
    expect(parseReference(input)).toEqual(expected);
  });

  it.each([
    ['', /empty/],
    ['Shop', /must be lowercase/],
    ['ghcr.io/Acme/shop', /must be lowercase/],
    ['ghcr.io/acme//shop', /path components/],
    ['ghcr.io/acme/shop-', /path components/],
    ['ghcr.io/acme/_shop', /path components/],
    ['ghcr.io/a/b:-tag', /tag "-tag"/],
    ['ghcr.io/a/b:' + 't'.repeat(129), /tag/],
    ['ghcr.io/a/b@sha256:abc', /64 lowercase hex/],
    ['ghcr.io/a/b@sha256:' + 'A'.repeat(64), /64 lowercase hex/],
    ['ghcr.io/a/b@md5:' + 'a'.repeat(32), /unsupported algorithm "md5"/],
    ['ghcr.io/a/b@' + 'a'.repeat(64), /algorithm:hex/],
    ['https://ghcr.io/a/b', /no URL scheme/],
    ['-bad.io/a', /registry host/],
    ['localhost:port/a', /registry host/],
  ])('rejects %j', (input, message) => {
    expect(() => parseReference(input)).toThrow(ConfigurationError);
    expect(() => parseReference(input)).toThrow(message);
  });

  it('rejects names longer than 255 characters', () => {
    const long = 'r.io/' + 'a'.repeat(251);
    expect(long.length).toBe(256);
    expect(() => parseReference(long)).toThrow(/longer than 255/);
    expect(parseReference(long.slice(0, 255)).repository).toHaveLength(250);
  });

  it('names the whole value in the error', () => {
    expect(() => parseReference('ghcr.io/a/B')).toThrow('"ghcr.io/a/B"');
  });

  it('formats back to a canonical string', () => {
    expect(formatReference(parseReference('alpine:3'))).toBe('docker.io/library/alpine:3');
    expect(formatReference(parseReference(`localhost:5000/a@${D}`))).toBe(`localhost:5000/a@${D}`);
  });

  it('maps docker.io to its API host', () => {
    expect(apiHost('docker.io')).toBe('registry-1.docker.io');
    expect(apiHost('ghcr.io')).toBe('ghcr.io');
  });
});

describe('requireDigest', () => {
  it('accepts a digest-pinned reference', () => {
    expect(requireDigest(parseReference(`r.io/a@${D}`)).digest).toBe(D);
  });
  it('refuses a tag, naming the input and value', () => {
    expect(() => requireDigest(parseReference('r.io/a:latest'), 'image')).toThrow(
      /Input "image" has value "r.io\/a:latest": it must be pinned by digest/,
    );
  });
});
