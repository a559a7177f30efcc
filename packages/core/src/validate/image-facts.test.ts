import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LayerEntry } from '../bake/layer-entry.js';
import { writeLayer } from '../bake/layer-writer.js';
import type { OciLayout } from '../oci/layout/oci-layout.js';
import { type Descriptor, encodeManifest, parseManifest } from '../oci/manifest.js';
import type { ImageStore } from '../oci/store.js';
import { MediaType } from '../oci/media-types.js';
import { gzipSync } from 'node:zlib';
import { gatherFacts } from './image-facts.js';
import { putImage, putIndex, tarOf, tempLayout, type TestImage } from './test-image.js';

let layout: OciLayout;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ layout, cleanup } = await tempLayout()));
afterEach(() => cleanup());

const paths = (files: ReadonlyArray<{ path: string }>): string[] => files.map((f) => f.path);

describe('gatherFacts: merged filesystem', () => {
  it('applies file and directory whiteouts to lower layers only', async () => {
    const digest = await putImage(layout, {
      layers: [
        { 'app/': null, 'app/a.txt': 'a', 'app/b.txt': 'b', 'cache/': null, 'cache/x': 'x' },
        // Whiteouts listed after the new entries: they still hide only lower-layer paths.
        { 'app/c.txt': 'c', 'app/.wh.a.txt': '', '.wh.cache': '', 'cache2/': null },
      ],
    });
    const facts = await gatherFacts(layout, digest);
    expect(paths(facts.files)).toEqual(['app', 'app/b.txt', 'app/c.txt', 'cache2']);
  });

  it('an opaque directory hides lower contents but keeps its own layer', async () => {
    const digest = await putImage(layout, {
      layers: [
        { 'etc/': null, 'etc/old.conf': '1', 'etc/sub/deep': '2', keep: 'k' },
        { 'etc/new.conf': '3', 'etc/.wh..wh..opq': '' },
      ],
    });
    const facts = await gatherFacts(layout, digest);
    expect(paths(facts.files)).toEqual(['etc', 'etc/new.conf', 'keep']);
    expect(facts.files.find((f) => f.path === 'etc/new.conf')?.layer).toBe(1);
  });

  it('a file written over a directory removes what was below it', async () => {
    const digest = await putImage(layout, {
      layers: [{ 'data/': null, 'data/x': 'x' }, { data: 'now a file' }],
    });
    const facts = await gatherFacts(layout, digest);
    expect(facts.files.map((f) => [f.path, f.type])).toEqual([['data', 'file']]);
  });

  it('normalises ./ prefixes and keeps the last writer of a path', async () => {
    const digest = await putImage(layout, {
      layers: [[{ path: './srv/app', content: 'v1' }], [{ path: 'srv/app', content: 'version 2' }]],
    });
    const facts = await gatherFacts(layout, digest);
    expect(facts.files).toEqual([expect.objectContaining({ path: 'srv/app', size: 9, layer: 1 })]);
  });

  it('reads uncompressed tar layers too', async () => {
    const digest = await putImage(layout, { uncompressed: true, layers: [{ 'a/b': 'x' }] });
    expect(paths((await gatherFacts(layout, digest)).files)).toEqual(['a/b']);
  });

  it('keeps secrets that a later layer deletes: their bytes still ship', async () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn...\n';
    const digest = await putImage(layout, {
      layers: [
        { 'root/key': key, 'app/.env': 'TOKEN=1' },
        { 'root/.wh.key': '', 'app/.wh..env': '' },
      ],
    });
    const facts = await gatherFacts(layout, digest);
    expect(paths(facts.files)).toEqual([]);
    expect(facts.shadowedSecrets.map((f) => [f.path, f.secret?.reason])).toEqual([
      ['root/key', 'private-key'],
      ['app/.env', 'env-file'],
    ]);
  });

  it('a hard link to a private key is a private key', async () => {
    const digest = await putImage(layout, {
      layers: [
        [
          { path: 'k', content: '-----BEGIN EC PRIVATE KEY-----\n' },
          { path: 'copy', type: 'link', linkname: 'k' },
        ],
      ],
    });
    const facts = await gatherFacts(layout, digest);
    expect(facts.files.map((f) => [f.path, f.secret?.detail])).toEqual([
      ['copy', '-----BEGIN EC PRIVATE KEY-----'],
      ['k', '-----BEGIN EC PRIVATE KEY-----'],
    ]);
  });

  it('does not read past the first 4 KiB or into files of 1 MiB and more', async () => {
    const header = '-----BEGIN RSA PRIVATE KEY-----';
    const digest = await putImage(layout, {
      layers: [
        {
          late: Buffer.concat([Buffer.alloc(5000, 'a'), Buffer.from(header)]),
          big: Buffer.concat([Buffer.from(header), Buffer.alloc(1024 * 1024, 'a')]),
          early: Buffer.concat([Buffer.alloc(100, 'a'), Buffer.from(header)]),
        },
      ],
    });
    const facts = await gatherFacts(layout, digest);
    expect(facts.files.filter((f) => f.secret).map((f) => f.path)).toEqual(['early']);
  });
});

describe('gatherFacts on layers from the bake layer writer', () => {
  it('reads what writeLayer writes', async () => {
    const src = await mkdtemp(join(tmpdir(), 'kiln-validate-src-'));
    try {
      await writeFile(join(src, 'index.html'), '<h1>hi</h1>\n');
      await writeFile(join(src, 'tls.key'), '-----BEGIN PRIVATE KEY-----\nMIIE\n');
      const out = join(src, 'layer.tar.gz');
      const layerEntries: LayerEntry[] = [
        { path: 'www', type: 'dir', mode: 0o755 },
        { path: 'www/index.html', type: 'file', source: join(src, 'index.html'), mode: 0o644 },
        { path: 'www/tls.key', type: 'file', source: join(src, 'tls.key'), mode: 0o600 },
        { path: 'www/home.html', type: 'symlink', linkTarget: 'index.html', mode: 0o777 },
      ];
      const written = await writeLayer(layerEntries, { sourceDateEpoch: 1_700_000_000 }, out);
      const desc = {
        mediaType: MediaType.OciLayerGzip,
        digest: written.digest,
        size: written.size,
      };
      await layout.putBlob(desc, async () => createReadStream(out));
      const digest = await putImage(layout, { bottomLayers: [desc], layers: [] });
      const facts = await gatherFacts(layout, digest);
      expect(facts.files.map((f) => [f.path, f.type, f.mode, f.secret?.reason])).toEqual([
        ['www', 'dir', 0o755, undefined],
        ['www/home.html', 'symlink', 0o777, undefined],
        ['www/index.html', 'file', 0o644, undefined],
        ['www/tls.key', 'file', 0o600, 'private-key'],
      ]);
    } finally {
      await rm(src, { recursive: true, force: true });
    }
  });
});

describe('gatherFacts: image metadata', () => {
  it('reads config, sizes, base and users', async () => {
    const digest = await putImage(layout, {
      layers: [{ 'etc/passwd': 'root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/app:/bin/sh\n' }],
      config: {
        User: 'app',
        Env: ['PATH=/bin'],
        Cmd: null,
        Labels: { 'org.opencontainers.image.base.name': 'ghcr.io/acme/base:1' },
        Healthcheck: { Test: ['CMD', 'true'], Interval: 5e9 },
      },
      annotations: { 'org.opencontainers.image.base.digest': `sha256:${'a'.repeat(64)}` },
    });
    const facts = await gatherFacts(layout, digest);
    const manifest = await layout.getManifest(digest);
    if (manifest.kind !== 'image') throw new Error('expected an image');
    expect(facts).toMatchObject({
      digest,
      manifestDigest: digest,
      platform: 'linux/amd64',
      platforms: ['linux/amd64'],
      layerCount: 1,
      size: {
        total: manifest.manifest.config.size + (manifest.manifest.layers[0]?.size ?? 0),
      },
      base: { name: 'ghcr.io/acme/base:1', digest: `sha256:${'a'.repeat(64)}`, source: 'label' },
      config: {
        user: 'app',
        env: ['PATH=/bin'],
        cmd: [],
        healthcheck: { test: ['CMD', 'true'], intervalNs: 5e9 },
      },
    });
    expect(facts.user).toEqual({
      user: 'app',
      runtime: {
        resolved: true,
        uid: 1000,
        gid: 1000,
        source: 'passwd',
        passwdLine: 2,
        passwdName: 'app',
      },
      passwd: { path: '/etc/passwd', state: 'read', layer: 0, bytes: 56, lines: 2 },
      group: { path: '/etc/group', state: 'absent', why: 'the image has no /etc/group' },
    });
    expect(facts.base.proof).toBeUndefined(); // no registries given: nothing fetched
  });

  it('picks linux/amd64 from an index, or the platform asked for', async () => {
    const arm = { os: 'linux', architecture: 'arm64', variant: 'v8' };
    const amd = { os: 'linux', architecture: 'amd64' };
    const digest = await putIndex(layout, [
      { platform: arm, layers: [{ arm: 'x' }] },
      { platform: amd, layers: [{ amd: 'x' }] },
    ]);
    const facts = await gatherFacts(layout, digest);
    expect(facts).toMatchObject({
      digest,
      platform: 'linux/amd64',
      platforms: ['linux/arm64/v8', 'linux/amd64'],
    });
    expect(facts.manifestDigest).not.toBe(digest);
    expect(paths(facts.files)).toEqual(['amd']);
    const onArm = await gatherFacts(layout, digest, { platform: 'linux/arm64' });
    expect(onArm.platform).toBe('linux/arm64/v8');
    await expect(gatherFacts(layout, digest, { platform: 'linux/s390x' })).rejects.toThrow(
      'has no linux/s390x image (it has: linux/arm64/v8, linux/amd64)',
    );
  });

  it('falls back to the first image of an index without linux/amd64', async () => {
    const digest = await putIndex(layout, [
      { platform: { os: 'linux', architecture: 'arm64' }, layers: [{ a: 'x' }] },
    ]);
    expect((await gatherFacts(layout, digest)).platform).toBe('linux/arm64');
  });

  it('rejects a config that is not an image config', async () => {
    const digest = await putImage(layout, { layers: [], config: { User: 42 } });
    await expect(gatherFacts(layout, digest)).rejects.toThrow(/config is not a valid image config/);
  });

  it('fails when a layer does not match its digest', async () => {
    // An uncompressed tar with one byte changed is still a valid tar: only the digest can tell.
    const digest = await putImage(layout, { uncompressed: true, layers: [{ a: 'x' }] });
    const m = await layout.getManifest(digest);
    if (m.kind !== 'image' || !m.manifest.layers[0]) throw new Error('expected a layer');
    const path = layout.blobPath(m.manifest.layers[0].digest);
    const bytes = await readFile(path);
    bytes[512] = 'y'.charCodeAt(0); // the content block after the 512-byte header
    await writeFile(path, bytes);
    await expect(gatherFacts(layout, digest)).rejects.toThrow(/does not match/);
  });

  it('fails when a gzip layer is valid but not the one the digest names', async () => {
    const digest = await putImage(layout, { layers: [{ a: 'x' }] });
    const m = await layout.getManifest(digest);
    if (m.kind !== 'image' || !m.manifest.layers[0]) throw new Error('expected a layer');
    const other = gzipSync(await tarOf([{ path: 'a', content: 'y' }]));
    expect(other.length).toBe(m.manifest.layers[0].size); // same size: only the digest differs
    await writeFile(layout.blobPath(m.manifest.layers[0].digest), other);
    await expect(gatherFacts(layout, digest)).rejects.toThrow(/does not match/);
  });

  it('refuses layers it cannot read instead of passing them unchecked', async () => {
    const config = await layout.putBuffer(Buffer.from('{}'), MediaType.OciConfig);
    const layer = await layout.putBuffer(
      Buffer.from('zstd?'),
      'application/vnd.oci.image.layer.v1.tar+zstd',
    );
    const raw = parseManifest(
      encodeManifest({
        schemaVersion: 2,
        mediaType: MediaType.OciManifest,
        config,
        layers: [layer],
      }),
    );
    await layout.putManifest(raw, { root: true });
    await expect(gatherFacts(layout, raw.digest)).rejects.toThrow(/zstd-compressed/);
  });
});

describe('gatherFacts: the runtime user from the final filesystem', () => {
  const ROOT_NOBODY = 'root:x:0:0::/root:/bin/sh\nnobody:x:0:0::/:/bin/sh\n';
  const SAFE_NOBODY = 'root:x:0:0::/root:/bin/sh\nnobody:x:65534:65534::/:/bin/sh\n';
  const userOf = async (
    layers: TestImage['layers'],
    User = 'nobody',
  ): Promise<Awaited<ReturnType<typeof gatherFacts>>['user']> =>
    (await gatherFacts(layout, await putImage(layout, { layers, config: { User } }))).user;

  it('follows an absolute symlink into a file of a lower layer', async () => {
    const user = await userOf([
      { 'srv/users': ROOT_NOBODY, 'etc/passwd': SAFE_NOBODY },
      [{ path: 'etc/passwd', type: 'symlink', linkname: '/srv/users' }],
    ]);
    expect(user.runtime).toMatchObject({ resolved: true, uid: 0, passwdLine: 2 });
    expect(user.passwd).toEqual({
      path: '/etc/passwd',
      resolved: '/srv/users',
      symlinks: ['/etc/passwd -> /srv/users'],
      state: 'read',
      layer: 0,
      bytes: ROOT_NOBODY.length,
      lines: 2,
    });
  });

  it('keeps a relative symlink that climbs past the root inside the image', async () => {
    const user = await userOf([
      { 'srv/users': ROOT_NOBODY },
      [{ path: 'etc/passwd', type: 'symlink', linkname: '../../../../srv/./users' }],
    ]);
    expect(user.passwd?.resolved).toBe('/srv/users');
    expect(user.runtime).toMatchObject({ uid: 0 });
  });

  it('follows a symlinked directory and chains of links', async () => {
    const user = await userOf([
      [
        { path: 'private/etc/passwd.real', content: ROOT_NOBODY },
        { path: 'private/etc/passwd', type: 'symlink', linkname: 'passwd.real' },
        { path: 'etc', type: 'symlink', linkname: 'private/etc' },
      ],
    ]);
    expect(user.passwd).toMatchObject({
      resolved: '/private/etc/passwd.real',
      symlinks: ['/etc -> private/etc', '/private/etc/passwd -> passwd.real'],
    });
    expect(user.runtime).toMatchObject({ uid: 0 });
  });

  it('fails on a symlink loop rather than guessing', async () => {
    const user = await userOf([
      [
        { path: 'etc/passwd', type: 'symlink', linkname: 'a' },
        { path: 'etc/a', type: 'symlink', linkname: 'b' },
        { path: 'etc/b', type: 'symlink', linkname: '/etc/a' },
      ],
    ]);
    expect(user.runtime).toEqual({
      resolved: false,
      reason: 'looking up /etc/passwd: too many symlinks resolving /etc/passwd',
    });
  });

  // Docker's overlay2 store refuses a link into a lower layer; engines that apply layers over
  // their parents (containerd's snapshotters) accept it, and then it shares those bytes.
  it('reads a hard link as the bytes it shared when it was extracted', async () => {
    const user = await userOf([
      { 'opt/real': ROOT_NOBODY },
      [{ path: 'etc/passwd', type: 'link', linkname: 'opt/real' }],
      // Replacing the original later does not change the linked bytes.
      { 'opt/real': SAFE_NOBODY },
    ]);
    expect(user.runtime).toMatchObject({ resolved: true, uid: 0 });
    expect(user.passwd).toMatchObject({ state: 'read', layer: 0 });
  });

  it('reads one file linked as both /etc/passwd and /etc/group in one pass', async () => {
    const both = 'nobody:x:0:0::/:/bin/sh\nnogroup:x:4000:\n';
    const user = await userOf(
      [
        [
          { path: 'etc/shared', content: both },
          { path: 'etc/passwd', type: 'link', linkname: 'etc/shared' },
          { path: 'etc/group', type: 'link', linkname: 'etc/passwd' },
        ],
      ],
      'nobody:nogroup',
    );
    expect(user.runtime).toMatchObject({ resolved: true, uid: 0, gid: 4000 });
    expect(user.group).toMatchObject({ state: 'read', bytes: both.length, lines: 2 });
  });

  it('sees /etc/passwd deleted by a whiteout, a directory or a file parent as no file', async () => {
    const gone = await userOf([{ 'etc/passwd': SAFE_NOBODY }, { 'etc/.wh.passwd': '' }]);
    expect(gone.runtime).toEqual({
      resolved: false,
      reason: 'user "nobody" cannot be resolved: the image has no /etc/passwd',
    });
    const dir = await userOf([{ 'etc/passwd/': null }]);
    expect(dir.runtime).toMatchObject({
      reason: 'user "nobody" cannot be resolved: /etc/passwd is not a regular file (dir)',
    });
    const file = await userOf([{ etc: 'not a directory' }], '1000');
    expect(file.runtime).toEqual({
      resolved: false,
      reason: 'looking up /etc/passwd: /etc is not a directory',
    });
  });

  it('reads a passwd of any size whole, streamed', async () => {
    // 12 MiB of other users, then the line that matters: no prefix of the file is enough.
    const filler = Array.from({ length: 400_000 }, (_, i) => `user${i}:x:${10_000 + i}:100::/:/x`);
    const big = `${filler.join('\n')}\n${'#'.repeat(40)}\nnobody:x:0:0::/:/bin/sh\n`;
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    const user = await userOf([{ 'etc/passwd': big }]);
    expect(user.runtime).toMatchObject({ resolved: true, uid: 0, passwdLine: 400_002 });
    expect(user.passwd).toMatchObject({ bytes: big.length, lines: 400_002 });
  }, 60_000);
});

describe('gatherFacts: reading /etc/passwd costs no second read in the usual case', () => {
  /** The layout, counting how often each blob is opened. */
  const counting = (): { store: ImageStore; opened: Map<string, number> } => {
    const opened = new Map<string, number>();
    const store = new Proxy(layout, {
      get(target, key, receiver) {
        if (key === 'openBlob') {
          return (desc: Descriptor) => {
            opened.set(desc.digest, (opened.get(desc.digest) ?? 0) + 1);
            return target.openBlob(desc);
          };
        }
        const v: unknown = Reflect.get(target, key, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    return { store, opened };
  };

  it('reads each layer once when /etc/passwd and /etc/group are plain files', async () => {
    const digest = await putImage(layout, {
      layers: [
        { 'etc/passwd': 'app:x:1000:1000::/:/bin/sh\n', 'etc/group': 'apps:x:1000:\n' },
        { 'etc/passwd': 'app:x:1001:1001::/:/bin/sh\n' },
      ],
      config: { User: 'app:apps' },
    });
    const { store, opened } = counting();
    const facts = await gatherFacts(store, digest);
    expect(facts.user.runtime).toMatchObject({ uid: 1001, gid: 1000 });
    expect([...opened.values()]).toEqual([1, 1]);
  });

  it('reads the layer a symlink leads to once more', async () => {
    const digest = await putImage(layout, {
      layers: [
        { 'srv/passwd': 'app:x:1000:1000::/:/bin/sh\n' },
        [{ path: 'etc/passwd', type: 'symlink', linkname: '/srv/passwd' }],
      ],
      config: { User: 'app' },
    });
    const m = await layout.getManifest(digest);
    if (m.kind !== 'image') throw new Error('expected an image');
    const { store, opened } = counting();
    expect((await gatherFacts(store, digest)).user.runtime).toMatchObject({ uid: 1000 });
    expect(m.manifest.layers.map((l) => opened.get(l.digest))).toEqual([2, 1]);
  });
});
