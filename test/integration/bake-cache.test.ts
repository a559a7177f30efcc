import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { fromRecord } from '@kiln/core/inputs';
import { Registries } from '@kiln/core/oci';
import {
  testEnvironment,
  type FaultProxy,
  startFaultProxy,
  bakeBusyboxBase,
  sampleAppInputs,
} from '@kiln/local';

// Base layers are downloaded once per machine: a second bake reads them from the local cache.
const env = testEnvironment();
const run = `${process.pid}-${Date.now()}`;

describe('base-layer cache', () => {
  let work = '';
  let proxy: FaultProxy;
  let baseRef = '';
  const saved = process.env.KILN_CACHE_DIR;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'kiln-bake-cache-'));
    // The base is baked here too: with caches of its own, or its layer would already be in the
    // app layer cache below and never be downloaded.
    process.env.KILN_CACHE_DIR = join(work, 'base-bake-cache');
    const base = await bakeBusyboxBase(env.registry.host, { repository: `cache/base-${run}` });
    process.env.KILN_CACHE_DIR = join(work, 'cache');
    proxy = await startFaultProxy(env.registry.host);
    baseRef = base.image.replace(env.registry.host, proxy.host);
  }, 60_000);

  afterAll(async () => {
    await proxy?.stop();
    if (saved === undefined) delete process.env.KILN_CACHE_DIR;
    else process.env.KILN_CACHE_DIR = saved;
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const bakeToLayout = async (n: number): Promise<string> => {
    const inputs = sampleAppInputs(proxy.host, baseRef, {
      output: `oci-layout:${join(work, `out-${n}`)}`,
      'source-date-epoch': '1700000000',
    });
    return (await bake(parseBakeRequest(fromRecord(inputs)), new Registries(), () => {})).digest;
  };

  it('downloads the base layer for the first bake only', async () => {
    proxy.resetStats();
    const first = await bakeToLayout(1);
    const firstDown = proxy.stats().blobBytesDown;
    expect(firstDown).toBeGreaterThan(1_000_000); // the busybox layer
    expect(
      readdirSync(join(work, 'cache', 'base', 'blobs', 'sha256')).length,
    ).toBeGreaterThanOrEqual(1);

    proxy.resetStats();
    const second = await bakeToLayout(2);
    expect(second).toBe(first);
    // Only the base's small config is read again; no layer bytes cross the network.
    expect(proxy.stats().blobBytesDown).toBeLessThan(10_000);
  }, 60_000);
});
