import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  copyImage,
  type Digest,
  inspectImage,
  OciLayout,
  openStore,
  parseLocation,
  Registries,
  resolveLocation,
} from '@kiln/core/oci';
import { buildBusyboxLayout, skopeoInspectRaw } from '../support/busybox-image.js';
import { makeTwoPlatformIndex } from '../support/multi-platform.js';
import { testEnvironment, startFaultProxy, type FaultProxy } from '@kiln/local';

const env = testEnvironment();
const quiet = { log: () => {} };
const sha = (s: string | Buffer): string =>
  'sha256:' + createHash('sha256').update(s).digest('hex');
const run = `${process.pid}-${Date.now()}`;

describe('copy by digest against real registries', () => {
  let layoutDir = '';
  let imageDigest: Digest;
  let indexDigest: Digest;
  let proxy: FaultProxy;
  const registries = new Registries({ sleep: async () => {} });

  beforeAll(async () => {
    const { layout, tag } = buildBusyboxLayout({ page: `copy test ${run}\n` });
    layoutDir = layout;
    const layoutStore = new OciLayout(layout);
    imageDigest = (await layoutStore.resolve(tag)) as Digest;
    indexDigest = (await makeTwoPlatformIndex(layout, tag)).digest;
    proxy = await startFaultProxy(env.registry.host);
    // Seed the first registry from the layout (this is the layout -> registry path).
    const seed = registries.repository(env.registry.host, `copy/src-${run}`);
    await copyImage(layoutStore, seed, imageDigest, quiet);
    await copyImage(layoutStore, seed, indexDigest, quiet);
  }, 60_000);

  afterAll(async () => {
    await proxy?.stop();
    if (layoutDir) rmSync(dirname(layoutDir), { recursive: true, force: true });
  });

  it('within one registry mounts every blob and moves no layer bytes', async () => {
    const through = new Registries({ sleep: async () => {} });
    const src = through.repository(proxy.host, `copy/src-${run}`);
    const dst = through.repository(proxy.host, `copy/mounted-${run}`);
    proxy.resetStats();
    const r = await copyImage(src, dst, imageDigest, quiet);
    expect(r.digest).toBe(imageDigest);
    expect(r.mountedBlobs).toBe(2);
    expect(r.copiedBytes).toBe(0);
    expect(proxy.stats().blobBytesDown).toBe(0);
    expect(proxy.stats().blobBytesUp).toBe(0);
    expect(sha(skopeoInspectRaw(`${env.registry.host}/copy/mounted-${run}@${imageDigest}`))).toBe(
      imageDigest,
    );
  });

  it('across registries keeps the digest, byte for byte', async () => {
    const src = registries.repository(env.registry.host, `copy/src-${run}`);
    const dst = registries.repository(env.registry2.host, `copy/across-${run}`);
    const r = await copyImage(src, dst, imageDigest, { ...quiet, tags: ['v1'] });
    // Every byte of every blob, counted once even though blobs upload in parallel.
    const m = await src.getManifest(imageDigest);
    if (m.kind !== 'image') throw new Error('image manifest expected');
    expect(r.copiedBytes).toBe(
      m.manifest.config.size + m.manifest.layers.reduce((n, l) => n + l.size, 0),
    );
    const raw = skopeoInspectRaw(`${env.registry2.host}/copy/across-${run}:v1`);
    expect(sha(raw)).toBe(imageDigest);
    // A second copy finds every blob in place.
    const again = await copyImage(src, dst, imageDigest, quiet);
    expect(again.skippedBlobs).toBe(2);
    expect(again.copiedBytes).toBe(0);
  });

  it('copies an index with two platforms whole', async () => {
    const src = registries.repository(env.registry.host, `copy/src-${run}`);
    const dst = registries.repository(env.registry2.host, `copy/index-${run}`);
    const r = await copyImage(src, dst, indexDigest, quiet);
    expect(r.manifests).toBe(3);
    expect(r.blobs).toBe(3); // two configs, one shared layer
    const raw = skopeoInspectRaw(`${env.registry2.host}/copy/index-${run}@${indexDigest}`);
    expect(sha(raw)).toBe(indexDigest);
    const index = JSON.parse(raw) as {
      manifests: Array<{ digest: string; platform: { architecture: string } }>;
    };
    expect(index.manifests.map((m) => m.platform.architecture)).toEqual(['amd64', 'arm64']);
    for (const m of index.manifests) {
      expect(sha(skopeoInspectRaw(`${env.registry2.host}/copy/index-${run}@${m.digest}`))).toBe(
        m.digest,
      );
    }
    const inspected = await inspectImage(dst, indexDigest);
    expect(inspected.images).toHaveLength(2);
  });

  it('copies registry -> OCI layout -> registry and skopeo reads the layout', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kiln-layout-'));
    try {
      const loc = parseLocation(`oci-layout:${out}:v1`);
      const layout = openStore(loc, registries);
      await copyImage(
        registries.repository(env.registry.host, `copy/src-${run}`),
        layout,
        indexDigest,
        {
          ...quiet,
          tags: ['v1'],
        },
      );
      expect(await resolveLocation(loc, layout)).toBe(indexDigest);
      const skopeoRaw = execFileSync('skopeo', ['inspect', '--raw', `oci:${out}:v1`], {
        encoding: 'utf8',
      });
      expect(sha(skopeoRaw)).toBe(indexDigest);
      const back = registries.repository(env.registry2.host, `copy/from-layout-${run}`);
      await copyImage(layout, back, indexDigest, quiet);
      expect(await back.resolve(indexDigest)).toBe(indexDigest);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('copies a Docker schema 2 manifest byte for byte', async () => {
    // skopeo writes the Docker media types; the client must keep those exact bytes.
    const docker = `${env.registry.host}/copy/docker-v2-${run}:v2`;
    execFileSync('skopeo', [
      'copy',
      '--quiet',
      '--dest-tls-verify=false',
      '--format',
      'v2s2',
      `oci:${layoutDir}:latest`,
      `docker://${docker}`,
    ]);
    const raw = skopeoInspectRaw(docker);
    expect(JSON.parse(raw).mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    const src = registries.repository(env.registry.host, `copy/docker-v2-${run}`);
    const dst = registries.repository(env.registry2.host, `copy/docker-v2-${run}`);
    const digest = (await src.resolve('v2')) as Digest;
    expect(digest).toBe(sha(raw));
    const r = await copyImage(src, dst, digest, quiet);
    expect(r.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    expect(sha(skopeoInspectRaw(`${env.registry2.host}/copy/docker-v2-${run}@${digest}`))).toBe(
      digest,
    );
  });

  it('uploads large blobs in chunks', async () => {
    const chunked = new Registries({ upload: { chunkThreshold: 64 * 1024, chunkSize: 100_000 } });
    const src = registries.repository(env.registry.host, `copy/src-${run}`);
    const dst = chunked.repository(proxy.host, `copy/chunked-${run}`);
    proxy.resetStats();
    await copyImage(
      src,
      chunked.repository(env.registry2.host, `copy/chunk-src-${run}`),
      imageDigest,
      quiet,
    );
    const r = await copyImage(
      chunked.repository(env.registry2.host, `copy/chunk-src-${run}`),
      dst,
      imageDigest,
      quiet,
    );
    expect(r.copiedBytes).toBeGreaterThan(1_000_000);
    const patches = proxy.stats().requests.filter((q) => q.method === 'PATCH');
    expect(patches.length).toBeGreaterThanOrEqual(10);
    expect(sha(skopeoInspectRaw(`${env.registry.host}/copy/chunked-${run}@${imageDigest}`))).toBe(
      imageDigest,
    );
  });
});
