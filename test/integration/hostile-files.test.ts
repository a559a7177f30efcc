import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest,
} from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bake, type BakeResult, parseBakeRequest } from '@kiln/core/bake';
import { ConfigurationError } from '@kiln/core/errors';
import { fromRecord } from '@kiln/core/inputs';
import { copyImage, digestHex, OciLayout, Registries } from '@kiln/core/oci';
import {
  bakeBusyboxBase,
  type FaultProxy,
  sampleAppInputs,
  startFaultProxy,
  testEnvironment,
} from '@kiln/local';
import { runKiln } from '../support/run-cli.js';

// Issue 9, files: what Kiln writes to disk cannot be steered outside the folder it was given,
// a wrong output folder is refused before any request, a failed write leaves nothing behind,
// and a rotten cache heals itself. Each case asserts what is left on disk.
const env = testEnvironment();
const run = `${process.pid}-${Date.now()}`;

let work = '';
let proxy: FaultProxy;
let baseRef = '';
let outside = '';
let stderr: string[] = [];
const savedCache = process.env.KILN_CACHE_DIR;
const savedRunner = process.env.GITHUB_ACTIONS;
let cacheN = 0;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiln-hostile-files-'));
  const base = await bakeBusyboxBase(env.registry.host, { repository: `files/base-${run}` });
  proxy = await startFaultProxy(env.registry.host);
  baseRef = base.image.replace(env.registry.host, proxy.host);
}, 60_000);

afterAll(async () => {
  await proxy?.stop();
  if (savedCache === undefined) delete process.env.KILN_CACHE_DIR;
  else process.env.KILN_CACHE_DIR = savedCache;
  if (savedRunner !== undefined) process.env.GITHUB_ACTIONS = savedRunner;
  if (work) await rm(work, { recursive: true, force: true });
});

beforeEach(async () => {
  // A fresh base cache per test, so each bake reads the base through the proxy.
  process.env.KILN_CACHE_DIR = join(work, `cache-${++cacheN}`);
  outside = join(work, `outside-${cacheN}`);
  await mkdir(outside);
  await writeFile(join(outside, 'target'), 'precious');
  proxy.clearFaults();
  proxy.resetStats();
  // Plain log lines (not workflow commands), so warnings are read from stderr.
  delete process.env.GITHUB_ACTIONS;
  stderr = [];
  const write = process.stderr.write.bind(process.stderr);
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return write(chunk);
  });
});
afterEach(() => {
  jest.restoreAllMocks();
});

const bakeTo = (dir: string, overrides: Record<string, string> = {}): Promise<BakeResult> =>
  bake(
    parseBakeRequest(
      fromRecord(
        sampleAppInputs(proxy.host, baseRef, {
          output: `oci-layout:${dir}`,
          'source-date-epoch': '1700000000',
          ...overrides,
        }),
      ),
    ),
    new Registries(),
    () => {},
  );

/** Every entry below `dir` (files, folders and links), relative, with a file's sha256. */
async function snapshot(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name);
    const rel = path.slice(dir.length + 1);
    if (e.isFile())
      out.push(
        `${rel} ${createHash('sha256')
          .update(await readFile(path))
          .digest('hex')}`,
      );
    else out.push(`${rel} ${e.isSymbolicLink() ? 'link' : 'dir'}`);
  }
  return out.sort();
}

const outsideIsUntouched = async (): Promise<void> => {
  expect(await readdir(outside)).toEqual(['target']);
  expect(await readFile(join(outside, 'target'), 'utf8')).toBe('precious');
};

const linkRefusal = (dir: string, rel: string): string =>
  `oci-layout:${dir}: ${rel} is a symbolic link; an OCI layout's files and folders must not be links (they could lead outside the layout)`;

describe('output: oci-layout:DIR', () => {
  it('refuses a non-empty folder that is not a layout, before any request', async () => {
    const dir = join(work, 'src-tree');
    await mkdir(dir);
    await writeFile(join(dir, 'main.c'), 'int main;');
    const before = await snapshot(dir);
    const failed = bakeTo(dir);
    await expect(failed).rejects.toBeInstanceOf(ConfigurationError);
    await expect(failed).rejects.toThrow(
      `Input "output" has value "oci-layout:${dir}": ${dir} is a folder that is not empty and not an OCI image layout (it has no oci-layout file); name a new or empty folder, or an existing layout`,
    );
    expect(proxy.stats().requests).toEqual([]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('kiln copy refuses the same folder as DST, exit 1, before any request', async () => {
    const dir = join(work, `copy-not-a-layout-${cacheN}`);
    await mkdir(dir);
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const before = await snapshot(dir);
    const r = await runKiln(['copy', baseRef, `oci-layout:${dir}`]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `kiln: Input "DST" has value "oci-layout:${dir}": ${dir} is a folder that is not empty and not an OCI image layout (it has no oci-layout file); name a new or empty folder, or an existing layout`,
    );
    expect(proxy.stats().requests).toEqual([]);
    expect(await snapshot(dir)).toEqual(before);
  }, 30_000);

  it.each([
    ['blobs', (dir: string) => symlink(outside, join(dir, 'blobs'))],
    [
      'blobs/sha256',
      async (dir: string) => {
        await mkdir(join(dir, 'blobs'));
        await symlink(outside, join(dir, 'blobs', 'sha256'));
      },
    ],
    ['index.json', (dir: string) => symlink(join(outside, 'target'), join(dir, 'index.json'))],
  ])(
    'refuses a layout whose %s is a link outside, writing nothing there',
    async (rel, plant) => {
      const dir = join(work, `planted-${cacheN}`);
      await mkdir(dir);
      await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
      await plant(dir);
      const before = await snapshot(dir);
      const failed = bakeTo(dir);
      await expect(failed).rejects.toBeInstanceOf(ConfigurationError);
      await expect(failed).rejects.toThrow(linkRefusal(dir, rel));
      await outsideIsUntouched();
      expect(await snapshot(dir)).toEqual(before);
    },
    60_000,
  );
});

describe('a failed write leaves no debris', () => {
  /** Makes every GET of the base's layers fail (404 is not retried), once the copy needs them. */
  const failBaseLayers = (result: BakeResult): void => {
    for (const l of result.layers.filter((x) => x.from === 'base')) {
      proxy.addFault({
        kind: 'status',
        status: 404,
        times: 100,
        method: 'GET',
        match: new RegExp(`/blobs/${l.digest}`),
      });
    }
  };
  let clean: BakeResult;

  beforeAll(async () => {
    process.env.KILN_CACHE_DIR = join(work, 'cache-clean');
    clean = await bakeTo(join(work, 'clean'));
  }, 60_000);

  it('removes the folder (and parents) a failed bake created', async () => {
    failBaseLayers(clean);
    const dir = join(work, 'new-parent', 'out');
    await expect(bakeTo(dir)).rejects.toThrow(/404/);
    // The copy had begun: the proxy was asked for the base layer.
    expect(proxy.stats().requests.some((r) => r.status === 404)).toBe(true);
    expect(existsSync(join(work, 'new-parent'))).toBe(false);
  }, 60_000);

  it('keeps an existing layout exactly as it was, index.json included', async () => {
    const dir = join(work, `existing-${cacheN}`);
    // An image without the busybox base, so the next bake must fetch the base layer.
    await bakeTo(dir, { base: 'scratch', 'source-date-epoch': '1600000000' });
    const before = await snapshot(dir);
    process.env.KILN_CACHE_DIR = join(work, `cache-${cacheN}-again`);
    failBaseLayers(clean);
    await expect(bakeTo(dir, { tags: 'next' })).rejects.toThrow(/404/);
    expect(proxy.stats().requests.some((r) => r.status === 404)).toBe(true);
    expect(await snapshot(dir)).toEqual(before);
  }, 60_000);
});

describe('reading a layout', () => {
  it('refuses a blob that is a link out of the folder, even one whose bytes match', async () => {
    const dir = join(work, `linked-${cacheN}`);
    const result = await bakeTo(dir);
    const rel = `blobs/sha256/${digestHex(result.appLayer.digest)}`;
    // Same bytes outside, linked in: the digest check alone would pass it.
    await writeFile(join(outside, 'layer'), await readFile(join(dir, rel)));
    await rm(join(dir, rel));
    await symlink(join(outside, 'layer'), join(dir, rel));
    const to = new OciLayout(join(work, `copy-${cacheN}`));
    await expect(copyImage(new OciLayout(dir), to, result.digest)).rejects.toThrow(
      linkRefusal(dir, rel),
    );
  }, 60_000);
});

describe('base layer cache', () => {
  it('replaces a cached blob that fails its digest check; the bake gives the clean digest', async () => {
    const first = await bakeTo(join(work, `first-${cacheN}`));
    const cacheBlobs = join(process.env.KILN_CACHE_DIR as string, 'base', 'blobs', 'sha256');
    const layer = first.layers.find((l) => l.from === 'base');
    if (!layer) throw new Error('the sample app has a base layer');
    const path = join(cacheBlobs, digestHex(layer.digest));
    const bytes = await readFile(path);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] as number) ^ 0xff; // same size, rotten
    await writeFile(path, bytes);

    proxy.resetStats();
    stderr = [];
    const second = await bakeTo(join(work, `second-${cacheN}`));
    expect(second.digest).toBe(first.digest);
    // Fetched again through the registry, and the cache holds the right bytes now.
    expect(proxy.stats().blobBytesDown).toBeGreaterThanOrEqual(layer.size);
    expect(
      `sha256:${createHash('sha256')
        .update(await readFile(path))
        .digest('hex')}`,
    ).toBe(layer.digest);
    const warnings = stderr
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('warning: base layer cache'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `warning: base layer cache: ${layer.digest} failed its digest check (`,
    );
    expect(warnings[0]).toMatch(/; dropped, downloading it again$/);
  }, 60_000);
});
