import { describe, expect, it } from '@jest/globals';
import { sha256 } from './digest.js';
import { ManifestError, parseManifest } from './manifest.js';
import { retryVerdict } from './registry/errors.js';
import { MediaType } from './media-types.js';

const desc = (n: string) => ({
  mediaType: MediaType.OciLayerGzip,
  digest: sha256(n),
  size: n.length,
});

describe('parseManifest', () => {
  it('keeps the exact bytes and digests them', () => {
    const bytes = Buffer.from(
      `{ "schemaVersion": 2, "mediaType": "${MediaType.OciManifest}", "config": ${JSON.stringify(desc('c'))}, "layers": [] }`,
    );
    const m = parseManifest(bytes);
    expect(m.kind).toBe('image');
    expect(m.bytes).toBe(bytes);
    expect(m.digest).toBe(sha256(bytes));
  });
  it('recognises indexes and Docker manifest lists', () => {
    const list = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.DockerManifestList,
        manifests: [desc('a')],
      }),
    );
    expect(parseManifest(list).kind).toBe('index');
    const noType = Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [] }));
    expect(parseManifest(noType, MediaType.OciIndex).kind).toBe('index');
  });
  it('rejects invalid JSON and bad digests with the place named', () => {
    expect(() => parseManifest(Buffer.from('{'), undefined, 'r/a@x')).toThrow(
      /^r\/a@x: manifest is not valid JSON \(.*; refused\)$/,
    );
    const hostile = parseManifest.bind(undefined, Buffer.from('{"a":\n::error::x'), undefined, 'r');
    expect(hostile).toThrow(/^r: manifest is not valid JSON \([^\n]*; refused\)$/);
    const bad = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        config: { ...desc('c'), digest: 'sha256:zz' },
        layers: [],
      }),
    );
    expect(() => parseManifest(bad)).toThrow(/not a valid image manifest/);
  });
});

describe('parseManifest refuses what two readers could read differently', () => {
  const ref = '127.0.0.1:5000/app@sha256:' + 'a'.repeat(64);
  const image = { schemaVersion: 2, config: desc('c'), layers: [desc('l')] };
  const index = {
    schemaVersion: 2,
    manifests: [{ ...desc('m'), mediaType: MediaType.OciManifest }],
  };
  const refused = (value: unknown, contentType?: string): ManifestError => {
    const bytes = Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value));
    try {
      parseManifest(bytes, contentType, ref);
    } catch (err) {
      expect(err).toBeInstanceOf(ManifestError);
      return err as ManifestError;
    }
    throw new Error('expected a refusal');
  };

  it.each([
    ['an array', '[]'],
    ['a string', '"manifest"'],
    ['null', 'null'],
    ['a number', '2'],
    ['a boolean', 'true'],
  ])('JSON that is %s', (kind, text) => {
    expect(refused(Buffer.from(text)).message).toBe(
      `${ref}: manifest is not a JSON object (got ${kind}; refused)`,
    );
  });

  it('both "layers" and "manifests"', () => {
    const both = { ...index, mediaType: MediaType.OciIndex, layers: [desc('l')] };
    expect(refused(both, MediaType.OciIndex).message).toBe(
      `${ref}: manifest has both "layers" and "manifests" (ambiguous; refused)`,
    );
  });

  it('"config" together with "manifests"', () => {
    expect(refused({ ...index, config: desc('c') }).message).toBe(
      `${ref}: manifest has both "config" and "manifests" (ambiguous; refused)`,
    );
  });

  it('a body mediaType that disagrees with the Content-Type (CVE-2021-41190)', () => {
    const m = { ...image, mediaType: MediaType.OciManifest };
    expect(refused(m, MediaType.OciIndex).message).toBe(
      `${ref}: manifest declares media type "${MediaType.OciManifest}" but was served as "${MediaType.OciIndex}" (ambiguous; refused)`,
    );
    // Same kind, other format: still two different documents to two readers.
    expect(refused(m, MediaType.DockerManifest).message).toBe(
      `${ref}: manifest declares media type "${MediaType.OciManifest}" but was served as "${MediaType.DockerManifest}" (ambiguous; refused)`,
    );
  });

  it('a body mediaType that disagrees with the body', () => {
    expect(refused({ ...image, mediaType: MediaType.OciIndex }).message).toBe(
      `${ref}: manifest declares media type "${MediaType.OciIndex}" but its body is an image manifest (ambiguous; refused)`,
    );
    expect(refused({ ...index, mediaType: MediaType.DockerManifest }).message).toBe(
      `${ref}: manifest declares media type "${MediaType.DockerManifest}" but its body is an image index (ambiguous; refused)`,
    );
  });

  it('a Content-Type that disagrees with a body without mediaType', () => {
    expect(refused(image, MediaType.DockerManifestList).message).toBe(
      `${ref}: manifest was served as "${MediaType.DockerManifestList}" but its body is an image manifest (ambiguous; refused)`,
    );
    expect(refused(index, `${MediaType.OciManifest}; charset=utf-8`).message).toBe(
      `${ref}: manifest was served as "${MediaType.OciManifest}" but its body is an image index (ambiguous; refused)`,
    );
  });

  it('unknown media types in the body or the Content-Type', () => {
    const schema1 = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
    expect(refused({ ...image, mediaType: schema1 }).message).toBe(
      `${ref}: manifest has unknown media type "${schema1}" (refused)`,
    );
    expect(refused(image, 'application/vnd.oci.artifact.manifest.v1+json').message).toBe(
      `${ref}: manifest was served with unknown Content-Type "application/vnd.oci.artifact.manifest.v1+json" (refused)`,
    );
    expect(refused({ ...image, mediaType: 7 }).message).toBe(
      `${ref}: manifest "mediaType" is a number, not a string (refused)`,
    );
  });

  it('quotes hostile text on one line and bounded', () => {
    const hostile = '\n::error::pwned ' + 'x'.repeat(500);
    const message = refused({ ...image, mediaType: hostile }).message;
    expect(message).not.toContain('\n');
    expect(message).toContain('"\\n::error::pwned x');
    expect(message.length).toBeLessThan(ref.length + 200);
  });

  it('a document that is neither an image nor an index', () => {
    expect(refused({ schemaVersion: 2, fsLayers: [] }).message).toBe(
      `${ref}: manifest has neither "manifests" nor "config" and "layers" (refused)`,
    );
  });

  it('is never retried, whatever text it carries', () => {
    const err = refused({ ...image, mediaType: 'timed out aborted socket hang up' });
    expect(retryVerdict(err)).toBe(false);
  });

  it('accepts a missing body mediaType when the Content-Type is clear and agrees', () => {
    const m = parseManifest(Buffer.from(JSON.stringify(image)), MediaType.OciManifest, ref);
    expect(m.kind).toBe('image');
    expect(m.mediaType).toBe(MediaType.OciManifest);
    const i = parseManifest(Buffer.from(JSON.stringify(index)), MediaType.DockerManifestList, ref);
    expect(i.kind).toBe('index');
    expect(i.mediaType).toBe(MediaType.DockerManifestList);
  });

  it('lets the body decide under a generic or missing Content-Type', () => {
    const typed = Buffer.from(
      JSON.stringify({ ...index, mediaType: MediaType.DockerManifestList }),
    );
    expect(parseManifest(typed, 'application/json', ref).mediaType).toBe(
      MediaType.DockerManifestList,
    );
    expect(parseManifest(Buffer.from(JSON.stringify(index)), 'text/plain', ref).mediaType).toBe(
      MediaType.OciIndex,
    );
    expect(parseManifest(Buffer.from(JSON.stringify(image)), undefined, ref).mediaType).toBe(
      MediaType.OciManifest,
    );
  });

  it('accepts a matching Content-Type with parameters and other case', () => {
    const m = { ...image, mediaType: MediaType.OciManifest };
    const parsed = parseManifest(
      Buffer.from(JSON.stringify(m)),
      'Application/VND.oci.image.manifest.v1+json; charset=utf-8',
      ref,
    );
    expect(parsed.mediaType).toBe(MediaType.OciManifest);
  });
});
