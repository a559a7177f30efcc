import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { bake, type BakeResult, parseBakeRequest } from '@kiln/core/bake';
import { ConfigurationError } from '@kiln/core/errors';
import { copyImage, MediaType, OciLayout, Registries } from '@kiln/core/oci';
import { fromRecord } from '@kiln/core/inputs';
import { buildBusyboxLayout } from '../support/busybox-image.js';
import { makeTwoPlatformIndex } from '../support/multi-platform.js';
import {
  testEnvironment,
  freePort,
  sleep,
  waitFor,
  type BakedBase,
  bakeBusyboxBase,
  sampleAppInputs,
  SHOP_CONTEXT,
} from '@kiln/local';

// Bakes examples/shop with the native baker against the real registry and engine, and checks
// the result with tools that share no code with Kiln: skopeo, umoci and the Docker engine.
const env = testEnvironment();
const host = env.registry.host;
const id = `${process.pid}-${Date.now()}`;
const exec = promisify(execFile);
const sha = (b: Buffer): string => 'sha256:' + createHash('sha256').update(b).digest('hex');
const registries = new Registries();
const isoDate = (epoch: number): string =>
  new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');

const bakeWith = (inputs: Record<string, string>): Promise<BakeResult> =>
  bake(parseBakeRequest(fromRecord(inputs)), registries, () => {});

const skopeo = async (args: string[]): Promise<Buffer> =>
  (await exec('skopeo', [...args], { encoding: 'buffer', maxBuffer: 64 << 20 })).stdout;
const rawOf = (ref: string): Promise<Buffer> =>
  skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${ref}`]);

interface ConfigJson {
  created?: string;
  config?: { Labels?: Record<string, string>; User?: string };
}
const configOf = async (ref: string): Promise<ConfigJson> =>
  JSON.parse(
    (await skopeo(['inspect', '--config', '--tls-verify=false', `docker://${ref}`])).toString(),
  ) as ConfigJson;

const docker = async (args: string[]): Promise<string> =>
  (
    await exec('docker', ['-H', env.engine.dockerHost, ...args], { encoding: 'utf8' })
  ).stdout.trim();

/** Sets every file and folder below `dir` to one time, so two copies differ in mtime only. */
async function touchAll(dir: string, when: Date): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    await utimes(join(entry.parentPath, entry.name), when, when);
  }
  await utimes(dir, when, when);
}

describe('bake (native) of the sample app', () => {
  let work = '';
  let savedCacheDir: string | undefined;
  let base: BakedBase;
  let baseRef = '';
  let app: BakeResult;
  const appRepo = `${host}/bake/shop-${id}`;
  const appInputs = (): Record<string, string> =>
    sampleAppInputs(host, baseRef, {
      image: appRepo,
      env: `APP_REVISION=rev-${id}`,
      tags: 'v1, stable',
      labels: 'com.example.team=shop\norg.example.tier=web',
    });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'kiln-bake-test-'));
    // A private base-layer cache, so the test neither reads nor fills the user's.
    savedCacheDir = process.env.KILN_CACHE_DIR;
    process.env.KILN_CACHE_DIR = join(work, 'cache');
    base = await bakeBusyboxBase(host, { repository: `bake/busybox-base-${id}`, registries });
    baseRef = `${base.repository}:${base.tag}`;
    app = await bakeWith(appInputs());
  }, 120_000);

  afterAll(async () => {
    if (savedCacheDir === undefined) delete process.env.KILN_CACHE_DIR;
    else process.env.KILN_CACHE_DIR = savedCacheDir;
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('bakes, pushes and runs in the local engine, answering with its revision', async () => {
    expect(app.image).toBe(`${appRepo}@${app.digest}`);
    const port = await freePort();
    const container = await docker(['run', '-d', '-p', `127.0.0.1:${port}:8080`, app.image]);
    try {
      await waitFor('the shop to answer', async () => {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        return res.ok && (await res.text()).includes('url=/cgi-bin/index.sh');
      });
      const res = await fetch(`http://127.0.0.1:${port}/cgi-bin/index.sh`);
      const cgi = { status: res.status, body: await res.text() };
      expect(cgi.status).toBe(200);
      expect(cgi.body).toContain(`revision <code>rev-${id}</code>`);
      // The health check runs busybox wget inside the container: proves the base's applets.
      await waitFor(
        'the container to report healthy',
        async () =>
          (await docker(['inspect', '--format', '{{.State.Health.Status}}', container])) ===
          'healthy',
        30_000,
      );
      expect(await docker(['inspect', '--format', '{{.Config.User}}', container])).toBe('65534');
    } finally {
      await docker(['rm', '--force', container]);
      await docker(['image', 'rm', '--force', app.image]).catch(() => '');
    }
  }, 90_000);

  describe('the same inputs in two folders, at two times, give one digest', () => {
    /** Two copies of examples/shop with different mtimes, baked 1.1 s apart. */
    const bakeTwice = async (
      prepare: (dir: string) => Promise<void>,
      extra: Record<string, string>,
    ): Promise<[BakeResult, BakeResult]> => {
      const results: BakeResult[] = [];
      for (const [i, when] of [new Date('2001-02-03T04:05:06Z'), new Date()].entries()) {
        const dir = await mkdtemp(join(work, `copy-${i}-`));
        await prepare(dir);
        await touchAll(dir, when);
        if (i > 0) await sleep(1100);
        results.push(await bakeWith(sampleAppInputs(host, baseRef, { context: dir, ...extra })));
      }
      return results as [BakeResult, BakeResult];
    };

    it('with source-date-epoch given', async () => {
      const [a, b] = await bakeTwice((dir) => cp(SHOP_CONTEXT, dir, { recursive: true }), {
        image: `${host}/bake/repro-${id}`,
        'source-date-epoch': '1600000000',
      });
      expect(b.digest).toBe(a.digest);
      expect(b.appLayer.digest).toBe(a.appLayer.digest);
      expect((await configOf(a.image)).created).toBe('2020-09-13T12:26:40Z');
    }, 60_000);

    it('with the date taken from the commit', async () => {
      const commitEpoch = 1_650_000_000;
      // Same tree, author, committer and dates: both folders hold the very same commit.
      const gitCommit = async (dir: string): Promise<void> => {
        await cp(SHOP_CONTEXT, dir, { recursive: true });
        const gitEnv = {
          ...process.env,
          GIT_AUTHOR_DATE: `${commitEpoch} +0000`,
          GIT_COMMITTER_DATE: `${commitEpoch} +0000`,
        };
        const git = (args: string[]): Promise<unknown> =>
          exec(
            'git',
            [
              '-c',
              'user.name=Kiln Test',
              '-c',
              'user.email=kiln@example.invalid',
              '-c',
              'commit.gpgsign=false',
              ...args,
            ],
            { cwd: dir, env: gitEnv },
          );
        await git(['init', '-q']);
        await git(['add', '-A']);
        await git(['commit', '-q', '-m', 'shop']);
      };
      // SOURCE_DATE_EPOCH in the caller's environment would win over the commit time.
      const saved = process.env.SOURCE_DATE_EPOCH;
      delete process.env.SOURCE_DATE_EPOCH;
      try {
        const [a, b] = await bakeTwice(gitCommit, { image: `${host}/bake/repro-git-${id}` });
        expect(b.digest).toBe(a.digest);
        expect(a.sourceDateEpoch).toBe(commitEpoch);
        expect(b.revision).toBe(a.revision);
        expect((await configOf(a.image)).created).toBe(isoDate(commitEpoch));
      } finally {
        if (saved !== undefined) process.env.SOURCE_DATE_EPOCH = saved;
      }
    }, 60_000);
  });

  it('skopeo reads the digest it was given; umoci unpacks an oci-layout output', async () => {
    expect(sha(await rawOf(app.image))).toBe(app.digest);

    const layout = join(work, 'out-layout');
    const bundle = join(work, 'bundle');
    // Same inputs, so the same digest.
    const out = await bakeWith({ ...appInputs(), output: `oci-layout:${layout}:app` });
    expect(out.digest).toBe(app.digest);
    expect(out.image).toBe(`oci-layout:${layout}@${app.digest}`);
    await exec('umoci', ['unpack', '--image', `${layout}:app`, bundle]);
    const page = await stat(join(bundle, 'rootfs', 'www', 'index.html'));
    // Files belong to the numeric user the image runs as (user: 65534).
    expect({ mode: page.mode & 0o7777, uid: page.uid, gid: page.gid }).toEqual({
      mode: 0o644,
      uid: 65534,
      gid: 65534,
    });
    const cgi = await stat(join(bundle, 'rootfs', 'www', 'cgi-bin', 'index.sh'));
    expect(cgi.mode & 0o7777).toBe(0o755);
    // The base's layer is unpacked too: the app layer sits on the busybox layer.
    expect((await stat(join(bundle, 'rootfs', 'bin', 'busybox'))).isFile()).toBe(true);
  }, 60_000);

  describe('multi-platform', () => {
    let baseDir = '';
    let multiBase = '';

    beforeAll(async () => {
      const built = buildBusyboxLayout({ page: `multi ${id}\n` });
      baseDir = dirname(built.layout);
      const index = await makeTwoPlatformIndex(built.layout, built.tag);
      const repo = `bake/multi-base-${id}`;
      await copyImage(
        new OciLayout(built.layout),
        registries.repository(host, repo),
        index.digest,
        {
          tags: ['multi'],
          log: () => {},
        },
      );
      multiBase = `${host}/${repo}:multi`;
    }, 60_000);
    afterAll(async () => {
      if (baseDir) await rm(baseDir, { recursive: true, force: true });
    });

    it('on a two-platform base gives an index whose images share the app layer', async () => {
      const r = await bakeWith(
        sampleAppInputs(host, multiBase, {
          image: `${host}/bake/multi-${id}`,
          platform: 'linux/amd64,linux/arm64',
        }),
      );
      expect(r.mediaType).toBe(MediaType.OciIndex);
      const raw = await rawOf(r.image);
      expect(sha(raw)).toBe(r.digest);
      const index = JSON.parse(raw.toString()) as {
        manifests: Array<{ digest: string; platform: { os: string; architecture: string } }>;
      };
      expect(index.manifests.map((m) => `${m.platform.os}/${m.platform.architecture}`)).toEqual([
        'linux/amd64',
        'linux/arm64',
      ]);
      const appLayers = new Set<string>();
      for (const m of index.manifests) {
        const child = JSON.parse(
          (await rawOf(`${host}/bake/multi-${id}@${m.digest}`)).toString(),
        ) as {
          layers: Array<{ digest: string }>;
        };
        appLayers.add(child.layers[child.layers.length - 1]?.digest ?? '');
      }
      expect([...appLayers]).toEqual([r.appLayer.digest]);
    }, 60_000);

    it('a platform the base lacks fails naming the ones it has, before any push', async () => {
      const repo = `bake/multi-missing-${id}`;
      const err = await bakeWith(
        sampleAppInputs(host, multiBase, {
          image: `${host}/${repo}`,
          platform: 'linux/amd64,linux/s390x',
        }),
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigurationError);
      expect((err as Error).message).toContain('Input "platform" has value "linux/s390x"');
      expect((err as Error).message).toContain('linux/amd64, linux/arm64');
      const tags = await fetch(`http://${host}/v2/${repo}/tags/list`);
      expect(tags.status).toBe(404);
    }, 60_000);
  });

  it('labels the config with revision, created, base name and digest, and the user labels', async () => {
    const labels = (await configOf(app.image)).config?.Labels ?? {};
    expect(app.revision).toMatch(/^[0-9a-f]{40}$/);
    expect(labels).toMatchObject({
      'org.opencontainers.image.revision': app.revision,
      'org.opencontainers.image.created': isoDate(app.sourceDateEpoch),
      'org.opencontainers.image.base.name': baseRef,
      'org.opencontainers.image.base.digest': base.image.split('@')[1],
      'com.example.team': 'shop',
      'org.example.tier': 'web',
    });
    expect(app.base).toEqual({ name: baseRef, digest: base.image.split('@')[1] });
  });

  it('verify-reproducible bakes twice and reports reproducible', async () => {
    const r = await bakeWith({ ...appInputs(), 'verify-reproducible': 'true', push: 'false' });
    expect(r.reproducible).toBe('true');
    expect(r.digest).toBe(app.digest);
    expect(app.reproducible).toBe('unchecked');
  }, 60_000);

  it('tags alias the pushed digest', async () => {
    expect(app.tags).toEqual(['v1', 'stable']);
    for (const tag of app.tags) expect(sha(await rawOf(`${appRepo}:${tag}`))).toBe(app.digest);
  });

  it('a second push of the same image copies no bytes', async () => {
    expect(app.copiedBytes).toBeGreaterThan(0);
    const again = await bakeWith(appInputs());
    expect(again.digest).toBe(app.digest);
    expect(again.copiedBytes).toBe(0);
  }, 60_000);
});
