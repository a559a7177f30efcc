import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { copyImage, type Digest, OciLayout, Registries } from '@kiln/core/oci';
import { buildBusyboxLayout } from '../support/busybox-image.js';
import { testEnvironment, type Fault, type FaultProxy, startFaultProxy } from '@kiln/local';

// Each copy through a faulty network either ends with the identical digest at the target or
// fails with a clear error and leaves no manifest there.
const env = testEnvironment();
const run = `${process.pid}-${Date.now()}`;
const quiet = { log: () => {} };
const BLOB_GET = /\/blobs\/sha256:/;

describe('copy through injected faults', () => {
  let layoutDir = '';
  let digest: Digest;
  let layerDigest: string;
  let down: FaultProxy; // in front of the source registry
  let up: FaultProxy; // in front of the target registry
  let waits: number[] = [];
  const registries = new Registries({ sleep: async (ms) => void waits.push(ms), attempts: 4 });
  let n = 0;

  beforeAll(async () => {
    const { layout, tag } = buildBusyboxLayout({ page: `fault test ${run}\n` });
    layoutDir = layout;
    const store = new OciLayout(layout);
    digest = (await store.resolve(tag)) as Digest;
    const m = await store.getManifest(digest);
    if (m.kind !== 'image') throw new Error('image expected');
    layerDigest = (m.manifest.layers[0] as { digest: string }).digest;
    await copyImage(
      store,
      registries.repository(env.registry.host, `faults/src-${run}`),
      digest,
      quiet,
    );
    down = await startFaultProxy(env.registry.host);
    up = await startFaultProxy(env.registry2.host);
  }, 60_000);

  afterEach(() => {
    down.clearFaults();
    up.clearFaults();
    waits = [];
  });

  afterAll(async () => {
    await down?.stop();
    await up?.stop();
    if (layoutDir) rmSync(dirname(layoutDir), { recursive: true, force: true });
  });

  const copyVia = async (): Promise<{ target: string; result: Promise<unknown> }> => {
    const target = `faults/dst-${run}-${++n}`;
    const src = registries.repository(down.host, `faults/src-${run}`);
    const dst = registries.repository(up.host, target);
    return { target, result: copyImage(src, dst, digest, quiet) };
  };

  const targetHasManifest = async (target: string): Promise<boolean> =>
    (await new Registries().repository(env.registry2.host, target).resolve(digest)) !== undefined;

  // Faults on the body target the layer: the config blob is too small to cut mid-way.
  const recovers: Array<[string, 'down' | 'up', (layer: RegExp) => Fault]> = [
    [
      'a burst of 500s on blob reads',
      'down',
      () => ({ kind: 'status', status: 500, times: 2, match: BLOB_GET, method: 'GET' }),
    ],
    [
      'a burst of 503s on upload starts',
      'up',
      () => ({ kind: 'status', status: 503, times: 3, match: /uploads/, method: 'POST' }),
    ],
    [
      '503 on the manifest push',
      'up',
      () => ({ kind: 'status', status: 503, times: 1, match: /manifests/, method: 'PUT' }),
    ],
    [
      'a connection reset mid-blob',
      'down',
      (layer) => ({ kind: 'reset', times: 1, match: layer, afterBytes: 100_000 }),
    ],
    [
      'a truncated body',
      'down',
      (layer) => ({ kind: 'truncate', times: 1, match: layer, bytes: 5000 }),
    ],
    ['one flipped byte', 'down', (layer) => ({ kind: 'flip', times: 1, match: layer })],
  ];

  it.each(recovers)('recovers from %s with the identical digest', async (_name, side, fault) => {
    (side === 'down' ? down : up).addFault(fault(new RegExp(layerDigest)));
    const { target, result } = await copyVia();
    const r = (await result) as { digest: string };
    expect(r.digest).toBe(digest);
    expect(waits.length).toBeGreaterThan(0);
    expect(await targetHasManifest(target)).toBe(true);
  });

  it('honours Retry-After on 429', async () => {
    up.addFault({
      kind: 'status',
      status: 429,
      times: 1,
      retryAfter: '3',
      match: /uploads/,
      method: 'POST',
    });
    const { result } = await copyVia();
    await result;
    expect(waits).toContain(3000);
  });

  it('detects a corrupted blob every time and leaves no manifest', async () => {
    down.addFault({ kind: 'flip', times: 1000, match: new RegExp(layerDigest) });
    const { target, result } = await copyVia();
    await expect(result).rejects.toThrow(/does not match/);
    expect(await targetHasManifest(target)).toBe(false);
    const layerGets = down
      .stats()
      .requests.filter((q) => q.method === 'GET' && q.path.includes(layerDigest));
    expect(layerGets.length).toBeGreaterThanOrEqual(4);
  });

  it('fails clearly on a persistent 503 and leaves no manifest', async () => {
    up.addFault({ kind: 'status', status: 503, times: 1000, match: /uploads/ });
    const { target, result } = await copyVia();
    await expect(result).rejects.toThrow(/POST .*\/blobs\/uploads\/ failed: 503/);
    expect(await targetHasManifest(target)).toBe(false);
  });

  it('fails clearly on a persistently truncated blob and leaves no manifest', async () => {
    down.addFault({ kind: 'truncate', times: 1000, match: BLOB_GET, bytes: 10 });
    const { target, result } = await copyVia();
    await expect(result).rejects.toThrow(/bytes|aborted|closed|premature/i);
    expect(await targetHasManifest(target)).toBe(false);
  });
});
