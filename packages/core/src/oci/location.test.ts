import { describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { checkLayoutOutput, formatLocation, parseLocation } from './location.js';

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

describe('checkLayoutOutput', () => {
  it('accepts a new folder, an empty one and a layout; refuses anything else by name', async () => {
    const top = await mkdtemp(join(tmpdir(), 'kiln-output-'));
    try {
      await checkLayoutOutput(join(top, 'new'), 'oci-layout:new');
      await mkdir(join(top, 'empty'));
      await checkLayoutOutput(join(top, 'empty'), 'oci-layout:empty');
      await mkdir(join(top, 'layout'));
      await writeFile(join(top, 'layout', 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
      await writeFile(join(top, 'layout', 'index.json'), '{}');
      await checkLayoutOutput(join(top, 'layout'), 'oci-layout:layout');

      const src = join(top, 'src');
      await mkdir(src);
      await writeFile(join(src, 'main.c'), 'int main;');
      const refused = checkLayoutOutput(src, 'oci-layout:src:v1');
      await expect(refused).rejects.toThrow(ConfigurationError);
      await expect(checkLayoutOutput(src, 'oci-layout:src:v1')).rejects.toThrow(
        `Input "output" has value "oci-layout:src:v1": ${src} is a folder that is not empty and not an OCI image layout (it has no oci-layout file); name a new or empty folder, or an existing layout`,
      );
      await writeFile(join(top, 'file'), 'x');
      await expect(checkLayoutOutput(join(top, 'file'), 'oci-layout:file')).rejects.toThrow(
        `Input "output" has value "oci-layout:file": ${join(top, 'file')} exists and is not a folder`,
      );
    } finally {
      await rm(top, { recursive: true, force: true });
    }
  });
});
