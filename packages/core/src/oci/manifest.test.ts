import { describe, expect, it } from '@jest/globals';
import { sha256 } from './digest.js';
import { parseManifest } from './manifest.js';
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
      /r\/a@x is not valid JSON/,
    );
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
