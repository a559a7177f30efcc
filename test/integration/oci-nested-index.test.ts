import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  copyImage,
  type Descriptor,
  type Digest,
  encodeManifest,
  inspectImage,
  MediaType,
  OciLayout,
  parseManifest,
  type ParsedManifest,
  Registries,
} from '@kiln/core/oci';
import { testEnvironment } from '@kiln/local';
import { buildBusyboxLayout, skopeoInspectRaw } from '../support/busybox-image.js';
import { makeTwoPlatformIndex } from '../support/multi-platform.js';
import { digestOf } from '../support/hostile-registry.js';

// An index whose child is an index (as buildx writes with attestations, or a vendor bundle of
// per-variant indexes) is copied whole to every kind of store, children before parents.
const env = testEnvironment();
const quiet = { log: () => {} };
const run = `${process.pid}-${Date.now()}`;

const descriptorOfManifest = (m: ParsedManifest): Descriptor => ({
  mediaType: m.mediaType,
  digest: m.digest,
  size: m.bytes.length,
});

describe('nested indexes against real registries', () => {
  let layoutDir = '';
  let nested: ParsedManifest;
  /** Every manifest of the nested tree: outer index, inner index, three images. */
  let all: Digest[] = [];
  const registries = new Registries({ sleep: async () => {} });

  beforeAll(async () => {
    const { layout, tag } = buildBusyboxLayout({ page: `nested test ${run}\n` });
    layoutDir = layout;
    const store = new OciLayout(layout);
    const image = await store.getManifest(tag);
    const inner = await makeTwoPlatformIndex(layout, tag);
    if (inner.kind !== 'index') throw new Error('expected an index');
    nested = parseManifest(
      encodeManifest({
        schemaVersion: 2,
        mediaType: MediaType.OciIndex,
        manifests: [
          descriptorOfManifest(inner),
          { ...descriptorOfManifest(image), platform: { os: 'linux', architecture: 's390x' } },
        ],
      }),
    );
    await store.putManifest(nested, { tag: 'nested' });
    all = [
      nested.digest,
      inner.digest,
      ...inner.index.manifests.map((m) => m.digest),
      image.digest,
    ];
  }, 60_000);

  afterAll(() => {
    if (layoutDir) rmSync(dirname(layoutDir), { recursive: true, force: true });
  });

  /**
   * skopeo as the independent reader: every manifest by digest, byte for byte, and every image
   * below the root pulled whole (skopeo 1.9 copies a plain index with --all but refuses a nested
   * one, so it copies the inner index and the direct image, which together need every blob).
   */
  const expectAllAt = (repo: string): void => {
    for (const d of all) expect(digestOf(skopeoInspectRaw(`${repo}@${d}`))).toBe(d);
    const out = mkdtempSync(join(tmpdir(), 'kiln-nested-skopeo-'));
    try {
      for (const [n, d] of [all[1], all[4]].entries()) {
        execFileSync('skopeo', [
          'copy',
          '--all',
          '--quiet',
          '--src-tls-verify=false',
          `docker://${repo}@${d}`,
          `oci:${join(out, String(n))}:x`,
        ]);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };

  it('layout -> registry -> registry: every level arrives, byte for byte', async () => {
    const layout = new OciLayout(layoutDir);
    const first = `copy/nested-${run}`;
    const r = await copyImage(
      layout,
      registries.repository(env.registry.host, first),
      nested.digest,
      { ...quiet, tags: ['v1'] },
    );
    expect(r.manifests).toBe(5);
    expect(r.blobs).toBe(4); // three configs, one shared layer
    expectAllAt(`${env.registry.host}/${first}`);
    expect(digestOf(skopeoInspectRaw(`${env.registry.host}/${first}:v1`))).toBe(nested.digest);

    const second = `copy/nested-across-${run}`;
    const again = await copyImage(
      registries.repository(env.registry.host, first),
      registries.repository(env.registry2.host, second),
      nested.digest,
      quiet,
    );
    expect(again.manifests).toBe(5);
    expectAllAt(`${env.registry2.host}/${second}`);

    const inspected = await inspectImage(
      registries.repository(env.registry2.host, second),
      nested.digest,
    );
    expect(inspected.images.map((i) => i.platform?.architecture)).toEqual([
      'amd64',
      'arm64',
      's390x',
    ]);
  }, 60_000);

  it('registry -> OCI layout -> registry, and skopeo reads the layout', async () => {
    const repo = `copy/nested-src-${run}`;
    await copyImage(
      new OciLayout(layoutDir),
      registries.repository(env.registry.host, repo),
      nested.digest,
      quiet,
    );
    const out = mkdtempSync(join(tmpdir(), 'kiln-nested-'));
    try {
      const layout = new OciLayout(join(out, 'layout'));
      const r = await copyImage(
        registries.repository(env.registry.host, repo),
        layout,
        nested.digest,
        { ...quiet, tags: ['v1'] },
      );
      expect(r.manifests).toBe(5);
      for (const d of all) expect(existsSync(layout.blobPath(d))).toBe(true);
      // Only the root is listed in index.json; the children are blobs it reaches.
      const index = await layout.readIndex();
      expect(new Set(index.manifests.map((m) => m.digest))).toEqual(new Set([nested.digest]));
      const raw = execFileSync('skopeo', ['inspect', '--raw', `oci:${layout.dir}:v1`], {
        encoding: 'utf8',
      });
      expect(digestOf(raw)).toBe(nested.digest);

      const back = `copy/nested-back-${run}`;
      await copyImage(
        layout,
        registries.repository(env.registry2.host, back),
        nested.digest,
        quiet,
      );
      expectAllAt(`${env.registry2.host}/${back}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
