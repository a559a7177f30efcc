import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { type Digest, digestHex, sha256 } from '../digest.js';
import {
  type Descriptor,
  descriptorOf,
  type ImageIndex,
  indexSchema,
  type ParsedManifest,
  parseManifest,
  type RawManifest,
} from '../manifest.js';
import { MediaType } from '../media-types.js';
import type { ImageStore } from '../store.js';
import { VerifyStream, verifyBuffer } from '../verify.js';

export const REF_NAME = 'org.opencontainers.image.ref.name';
const LAYOUT_FILE = JSON.stringify({ imageLayoutVersion: '1.0.0' });

/** An OCI image layout folder (`oci-layout`, `index.json`, `blobs/sha256/`) as an image store. */
export class OciLayout implements ImageStore {
  readonly label: string;

  constructor(readonly dir: string) {
    this.label = `oci-layout:${dir}`;
  }

  blobPath(digest: Digest): string {
    return join(this.dir, 'blobs', digest.slice(0, digest.indexOf(':')), digestHex(digest));
  }

  async init(): Promise<void> {
    await mkdir(join(this.dir, 'blobs', 'sha256'), { recursive: true });
    if (!existsSync(join(this.dir, 'oci-layout')))
      await writeFile(join(this.dir, 'oci-layout'), LAYOUT_FILE);
    if (!existsSync(join(this.dir, 'index.json'))) {
      await this.writeIndex({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: [] });
    }
  }

  exists(): boolean {
    return existsSync(join(this.dir, 'oci-layout')) && existsSync(join(this.dir, 'index.json'));
  }

  async readIndex(): Promise<ImageIndex> {
    if (!this.exists())
      throw new Error(`${this.label} is not an OCI image layout (no oci-layout or index.json)`);
    const json: unknown = JSON.parse(await readFile(join(this.dir, 'index.json'), 'utf8'));
    const r = indexSchema.safeParse(json);
    if (!r.success) throw new Error(`${this.label}/index.json is not a valid image index`);
    return r.data;
  }

  private async writeIndex(index: ImageIndex): Promise<void> {
    await atomicWrite(join(this.dir, 'index.json'), Buffer.from(JSON.stringify(index)));
  }

  async hasBlob(desc: Descriptor): Promise<boolean> {
    try {
      return (await stat(this.blobPath(desc.digest))).size === desc.size;
    } catch {
      return false;
    }
  }

  async openBlob(desc: Descriptor): Promise<Readable> {
    const path = this.blobPath(desc.digest);
    if (!existsSync(path)) throw new Error(`${this.label}: blob ${desc.digest} is missing`);
    return createReadStream(path).pipe(new VerifyStream(desc, `${this.label} blob`));
  }

  async readBlob(desc: Descriptor): Promise<Buffer> {
    return verifyBuffer(await readFile(this.blobPath(desc.digest)), desc, `${this.label} blob`);
  }

  /** Verified while written to a temporary file, renamed into place only when complete. */
  async putBlob(desc: Descriptor, open: () => Promise<Readable>): Promise<number> {
    if (await this.hasBlob(desc)) return 0;
    await this.init();
    const final = this.blobPath(desc.digest);
    const tmp = `${final}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await pipeline(
        await open(),
        new VerifyStream(desc, `${this.label} blob`),
        createWriteStream(tmp),
      );
      await rename(tmp, final);
    } finally {
      await rm(tmp, { force: true });
    }
    return desc.size;
  }

  async putBuffer(data: Buffer, mediaType: string): Promise<Descriptor> {
    const raw: Descriptor = { mediaType, digest: sha256(data), size: data.length };
    await this.init();
    if (!(await this.hasBlob(raw))) await atomicWrite(this.blobPath(raw.digest), data);
    return raw;
  }

  async getManifest(reference: string): Promise<ParsedManifest> {
    const digest = await this.resolve(reference);
    if (!digest) throw new Error(`${this.label} has no manifest ${reference}`);
    const bytes = await readFile(this.blobPath(digest));
    const parsed = parseManifest(bytes, undefined, `${this.label}@${digest}`);
    if (parsed.digest !== digest)
      throw new Error(`${this.label}: manifest blob ${digest} is corrupt`);
    return parsed;
  }

  async resolve(reference: string): Promise<Digest | undefined> {
    if (!this.exists()) return undefined;
    const index = await this.readIndex();
    if (reference.includes(':')) {
      return existsSync(this.blobPath(reference as Digest)) ? (reference as Digest) : undefined;
    }
    const byName = index.manifests.filter((m) => m.annotations?.[REF_NAME] === reference);
    if (byName.length) return byName[byName.length - 1]?.digest;
    return undefined;
  }

  /** The manifest a layout holds when no reference is given: its only (or only untagged) entry. */
  async defaultManifest(): Promise<Digest> {
    const index = await this.readIndex();
    if (index.manifests.length === 1) return (index.manifests[0] as Descriptor).digest;
    throw new Error(
      `${this.label} holds ${index.manifests.length} manifests; name one with oci-layout:DIR@sha256:… or oci-layout:DIR:TAG`,
    );
  }

  async putManifest(raw: RawManifest, opts: { tag?: string; root?: boolean } = {}): Promise<void> {
    await this.init();
    if (!existsSync(this.blobPath(raw.digest)))
      await atomicWrite(this.blobPath(raw.digest), raw.bytes);
    if (!opts.root && !opts.tag) return;
    const index = await this.readIndex();
    const desc = descriptorOf(raw, opts.tag ? { annotations: { [REF_NAME]: opts.tag } } : {});
    const kept = index.manifests.filter((m) =>
      opts.tag
        ? m.annotations?.[REF_NAME] !== opts.tag
        : !(m.digest === raw.digest && !m.annotations?.[REF_NAME]),
    );
    await this.writeIndex({ ...index, manifests: [...kept, desc] });
  }
}

async function atomicWrite(path: string, data: Buffer): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}
