import { randomBytes } from 'node:crypto';
import { createGzip } from 'node:zlib';
import { pack } from 'tar-stream';
import {
  type Descriptor,
  type Digest,
  encodeManifest,
  MediaType,
  OciLayout,
  parseManifest,
  sha256,
} from '@kiln/core/oci';

async function gzipTar(files: Record<string, Buffer>): Promise<Buffer> {
  const p = pack();
  const gz = createGzip();
  const chunks: Buffer[] = [];
  gz.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => gz.on('end', r));
  p.pipe(gz);
  for (const [name, data] of Object.entries(files)) p.entry({ name, mtime: new Date(0) }, data);
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** An image of `layers` incompressible layers of `mib` MiB each, written into an OCI layout. */
export async function benchImage(dir: string, layers: number, mib: number): Promise<Digest> {
  const layout = new OciLayout(dir);
  await layout.init();
  const descs: Descriptor[] = [];
  const diffIds: string[] = [];
  for (let i = 0; i < layers; i++) {
    const tar = await gzipTar({ [`data/layer-${i}.bin`]: randomBytes(mib * 1024 * 1024) });
    descs.push(await layout.putBuffer(tar, MediaType.OciLayerGzip));
    diffIds.push(sha256(tar)); // not the real diff ID; registries and copies do not look
  }
  const config = await layout.putBuffer(
    Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: diffIds },
        config: {},
      }),
    ),
    MediaType.OciConfig,
  );
  const manifest = parseManifest(
    encodeManifest({ schemaVersion: 2, mediaType: MediaType.OciManifest, config, layers: descs }),
  );
  await layout.putManifest(manifest, { tag: 'bench' });
  return manifest.digest;
}
