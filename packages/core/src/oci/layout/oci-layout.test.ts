import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ConfigurationError } from '../../errors.js';
import { type Digest, digestHex, sha256 } from '../digest.js';
import { MediaType } from '../media-types.js';
import { OciLayout } from './oci-layout.js';

// A layout can come from an untrusted checkout: a link inside it must never lead a read or a
// write outside the folder. Each case plants a link to a folder or file outside and checks the
// exact refusal and that the outside is untouched.

let top = '';
let dir = '';
let outside = '';
const data = Buffer.from('layer bytes');
const digest = sha256(data);
const desc = { mediaType: MediaType.OciLayer, digest, size: data.length };
const label = (): string => `oci-layout:${dir}`;
const linkMessage = (rel: string): string =>
  `${label()}: ${rel} is a symbolic link; an OCI layout's files and folders must not be links (they could lead outside the layout)`;

beforeEach(async () => {
  top = await mkdtemp(join(tmpdir(), 'kiln-layout-'));
  dir = join(top, 'layout');
  outside = join(top, 'outside');
  await mkdir(outside);
  await writeFile(join(outside, 'target'), 'precious');
});
afterEach(() => rm(top, { recursive: true, force: true }));

const outsideIsUntouched = async (): Promise<void> => {
  expect((await readdir(outside)).sort()).toEqual(['target']);
  expect(await readFile(join(outside, 'target'), 'utf8')).toBe('precious');
};

describe('OciLayout writes', () => {
  it('round-trips blobs and manifests in a plain folder', async () => {
    const layout = new OciLayout(dir);
    expect(await layout.putBuffer(data, MediaType.OciLayer)).toEqual(desc);
    expect((await layout.readBlob(desc)).equals(data)).toBe(true);
    const streamed: Buffer[] = [];
    for await (const c of await layout.openBlob(desc)) streamed.push(c as Buffer);
    expect(Buffer.concat(streamed).equals(data)).toBe(true);
    const other = Buffer.from('other');
    const d2 = { mediaType: MediaType.OciLayer, digest: sha256(other), size: other.length };
    expect(await layout.putBlob(d2, async () => Readable.from([other]))).toBe(other.length);
    expect(await layout.hasBlob(d2)).toBe(true);
    // Nothing but the blobs is left in the blob folder (no temporary files).
    expect((await readdir(join(dir, 'blobs', 'sha256'))).sort()).toEqual(
      [digestHex(digest), digestHex(d2.digest)].sort(),
    );
  });

  it.each([
    ['blobs', async () => symlink(outside, join(dir, 'blobs'))],
    [
      'blobs/sha256',
      async () => {
        await mkdir(join(dir, 'blobs'));
        await symlink(outside, join(dir, 'blobs', 'sha256'));
      },
    ],
  ])('refuses a layout whose %s is a link to a folder outside', async (rel, plant) => {
    await mkdir(dir);
    await plant();
    const layout = new OciLayout(dir);
    await expect(layout.putBuffer(data, MediaType.OciLayer)).rejects.toThrow(
      new ConfigurationError(linkMessage(rel)),
    );
    await expect(layout.putBlob(desc, async () => Readable.from([data]))).rejects.toThrow(
      linkMessage(rel),
    );
    await outsideIsUntouched();
  });

  it.each(['index.json', 'oci-layout'])(
    'refuses a layout whose %s is a link (dangling or not), writing nothing through it',
    async (name) => {
      await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
      await symlink(join(outside, 'target'), join(dir, name));
      const layout = new OciLayout(dir);
      await expect(layout.init()).rejects.toThrow(linkMessage(name));
      await outsideIsUntouched();
      // A dangling link is the classic trap: writeFile would create its target.
      await rm(join(dir, name));
      await symlink(join(outside, 'created'), join(dir, name));
      await expect(layout.init()).rejects.toThrow(linkMessage(name));
      await outsideIsUntouched();
    },
  );

  it('refuses to read index.json through a link', async () => {
    const layout = new OciLayout(dir);
    await layout.init();
    await writeFile(join(outside, 'index.json'), '{"schemaVersion":2,"manifests":[]}');
    await rm(join(dir, 'index.json'));
    await symlink(join(outside, 'index.json'), join(dir, 'index.json'));
    await expect(layout.readIndex()).rejects.toThrow(linkMessage('index.json'));
  });

  it('refuses a blob that is a link, for writes and for reads', async () => {
    const layout = new OciLayout(dir);
    await layout.init();
    const rel = `blobs/sha256/${digestHex(digest)}`;
    await writeFile(join(outside, 'secret'), data); // same bytes: the digest would even match
    await symlink(join(outside, 'secret'), join(dir, rel));
    await expect(layout.hasBlob(desc)).rejects.toThrow(linkMessage(rel));
    await expect(layout.putBuffer(data, MediaType.OciLayer)).rejects.toThrow(linkMessage(rel));
    await expect(layout.readBlob(desc)).rejects.toThrow(linkMessage(rel));
    await expect(layout.openBlob(desc)).rejects.toThrow(linkMessage(rel));
    await expect(layout.getManifest(digest)).rejects.toThrow(linkMessage(rel));
    expect(await readFile(join(outside, 'secret'))).toEqual(data);
  });

  it('refuses a blob that is not a regular file (a FIFO would hang the read)', async () => {
    const layout = new OciLayout(dir);
    await layout.init();
    const rel = `blobs/sha256/${digestHex(digest)}`;
    execFileSync('mkfifo', [join(dir, rel)]);
    await expect(layout.readBlob(desc)).rejects.toThrow(`${label()}: ${rel} is not a regular file`);
  });

  it('refuses a malformed digest instead of building a path from it', async () => {
    const layout = new OciLayout(dir);
    await layout.init();
    expect(() => layout.blobPath('sha256:../../outside/target' as Digest)).toThrow(
      /digest "sha256:..\/..\/outside\/target" must be algorithm:hex/,
    );
    expect(await layout.resolve('sha256:../../outside/target')).toBeUndefined();
  });
});
