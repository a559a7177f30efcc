import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { pack } from 'tar-stream';
import {
  copyImage,
  type Descriptor,
  type Digest,
  encodeManifest,
  MediaType,
  OciLayout,
  parseManifest,
  Registries,
  sha256,
} from '@kiln/core/oci';
import { ROOT } from '@kiln/local';

/** The bundles a bench runs: BENCH_DIST (built elsewhere, e.g. from uncommitted sources), else the committed dist/. */
export const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist');

/** `skopeo copy --all` between two references on the local (plain http) registries, as argv. */
export function skopeoCopyArgs(from: string, to: string): string[] {
  return [
    'copy',
    '--all',
    '--quiet',
    '--src-tls-verify=false',
    '--dest-tls-verify=false',
    `docker://${from}`,
    `docker://${to}`,
  ];
}

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

/** A fresh bench image (see benchImage), written to `dir` and pushed to `host`/`repository`. */
export async function pushBenchImage(
  dir: string,
  host: string,
  repository: string,
  layers: number,
  mib: number,
): Promise<Digest> {
  const digest = await benchImage(dir, layers, mib);
  const target = new Registries().repository(host, repository);
  await copyImage(new OciLayout(dir), target, digest, { log: () => {} });
  return digest;
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

/** A node_modules-like tree: `packages` folders of `files` small JS files (1-4 KiB) and a package.json. */
export function writeNodeModules(dir: string, packages: number, files: number): void {
  for (let p = 0; p < packages; p++) {
    const pkg = join(dir, `pkg-${p}`, 'lib');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(
      join(dir, `pkg-${p}`, 'package.json'),
      JSON.stringify({ name: `pkg-${p}`, version: '1.0.0', main: 'lib/index.js' }),
    );
    for (let f = 0; f < files; f++) {
      const body =
        `// pkg-${p} file ${f} ${randomBytes(6).toString('hex')}\n` +
        `export function f${f}(x) { return x * ${f} + ${p}; }\n`.repeat(
          20 + ((p * 31 + f * 7) % 60),
        );
      writeFileSync(join(pkg, `f${f}.js`), body);
    }
  }
}

/**
 * Pseudo-text that compresses about as well as source code (gzip -6 to roughly a quarter):
 * words from a fixed vocabulary with numbers, in lines.
 */
export function textBytes(size: number, seed: number): Buffer {
  const vocabulary =
    'const let function return export import from await async if else for while new this class extends value result error data index length string number object array map filter reduce push options config request response handler module require default true false null undefined'.split(
      ' ',
    );
  const out = Buffer.alloc(size);
  let at = 0;
  let x = seed >>> 0 || 1;
  while (at < size) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const word = x % 7 === 0 ? String(x % 10000) : (vocabulary[x % vocabulary.length] as string);
    at += out.write(x % 11 === 0 ? `${word};\n` : `${word} `, at);
  }
  return out;
}
