import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { formatLocation, parseLocation } from './location.js';

const D = 'sha256:' + 'b'.repeat(64);

describe('parseLocation', () => {
  it('parses registry references', () => {
    expect(parseLocation('ghcr.io/acme/shop:v1')).toEqual({
      kind: 'registry',
      ref: { registry: 'ghcr.io', repository: 'acme/shop', tag: 'v1' },
      reference: 'v1',
    });
    expect(parseLocation('alpine:latest').kind).toBe('registry');
  });
  it('parses OCI layouts with tag and digest', () => {
    expect(parseLocation(`oci-layout:out/img@${D}`)).toEqual({
      kind: 'layout',
      dir: resolve('out/img'),
      digest: D,
      reference: D,
    });
    expect(parseLocation('oci-layout:./out:v2')).toEqual({
      kind: 'layout',
      dir: resolve('out'),
      tag: 'v2',
      reference: 'v2',
    });
    expect(parseLocation('oci-layout:/tmp/a.b/c')).toEqual({ kind: 'layout', dir: '/tmp/a.b/c' });
  });
  it('formats back', () => {
    expect(formatLocation(parseLocation(`oci-layout:/x:t@${D}`))).toBe(`oci-layout:/x:t@${D}`);
  });
  it.each([
    ['docker://a/b', /unknown scheme "docker:\/\/"/],
    ['oci:/tmp/x', /unknown scheme "oci:"/],
    ['https://ghcr.io/a', /unknown scheme/],
    ['oci-layout:', /needs a folder/],
    ['oci-layout:x@sha256:12', /64 lowercase hex/],
    ['ghcr.io/A', /lowercase/],
  ])('rejects %j naming the input', (value, message) => {
    expect(() => parseLocation(value, 'to-image')).toThrow(message);
    expect(() => parseLocation(value, 'to-image')).toThrow(/Input "to-image"/);
  });
});
