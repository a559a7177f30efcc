/**
 * Test helper (imported by tests only): an image store in memory that serves manifests as a
 * registry does (with their media type as Content-Type) and records what was written, in order.
 */
import { Readable } from 'node:stream';
import { type Digest, sha256 } from './digest.js';
import {
  type Descriptor,
  encodeManifest,
  type ImageIndex,
  type ImageManifest,
  type ParsedManifest,
  parseManifest,
  type RawManifest,
} from './manifest.js';
import { MediaType } from './media-types.js';
import type { ImageStore } from './store.js';
import { verifyBuffer } from './verify.js';

export class MemoryStore implements ImageStore {
  readonly blobs = new Map<string, Buffer>();
  readonly manifests = new Map<string, { bytes: Buffer; mediaType: string }>();
  readonly tags = new Map<string, Digest>();
  /** `blob <digest>` and `manifest <digest>` lines, in the order they were written. */
  readonly writes: string[] = [];
  /** Manifests this store accepts and silently drops (a lax or broken target). */
  readonly drop = new Set<string>();

  constructor(readonly label = 'memory') {}

  async hasBlob(desc: Descriptor): Promise<boolean> {
    return this.blobs.has(desc.digest);
  }

  async openBlob(desc: Descriptor): Promise<Readable> {
    return Readable.from([await this.readBlob(desc)]);
  }

  async readBlob(desc: Descriptor): Promise<Buffer> {
    const data = this.blobs.get(desc.digest);
    if (!data) throw new Error(`${this.label}: no blob ${desc.digest}`);
    return verifyBuffer(data, desc, `${this.label} blob`);
  }

  async putBlob(desc: Descriptor, open: () => Promise<Readable>): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const c of await open()) chunks.push(c as Buffer);
    this.blobs.set(desc.digest, verifyBuffer(Buffer.concat(chunks), desc, this.label));
    this.writes.push(`blob ${desc.digest}`);
    return desc.size;
  }

  async getManifest(reference: string): Promise<ParsedManifest> {
    const digest = (await this.resolve(reference)) ?? reference;
    const stored = this.manifests.get(digest);
    if (!stored) throw new Error(`${this.label}: no manifest ${reference}`);
    return parseManifest(stored.bytes, stored.mediaType, `${this.label}@${reference}`);
  }

  async resolve(reference: string): Promise<Digest | undefined> {
    if (this.manifests.has(reference)) return reference as Digest;
    return this.tags.get(reference);
  }

  async putManifest(raw: RawManifest, opts: { tag?: string; root?: boolean } = {}): Promise<void> {
    if (this.drop.has(raw.digest)) return;
    this.manifests.set(raw.digest, { bytes: raw.bytes, mediaType: raw.mediaType });
    if (opts.tag) this.tags.set(opts.tag, raw.digest);
    this.writes.push(`manifest ${raw.digest}`);
  }

  /** Stores a blob and returns its descriptor. */
  blob(data: string, mediaType: string = MediaType.OciLayerGzip): Descriptor {
    const bytes = Buffer.from(data);
    const desc = { mediaType, digest: sha256(bytes), size: bytes.length };
    this.blobs.set(desc.digest, bytes);
    return desc;
  }

  /** Stores an image of one config and one layer named `name`; returns its descriptor. */
  image(name: string, platform?: Descriptor['platform']): Descriptor {
    const manifest: ImageManifest = {
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      config: this.blob(`{"name":"${name}"}`, MediaType.OciConfig),
      layers: [this.blob(`layer of ${name}`)],
    };
    return this.raw(encodeManifest(manifest), MediaType.OciManifest, platform);
  }

  /** Stores an index listing `manifests`; returns its descriptor. */
  index(manifests: Descriptor[], platform?: Descriptor['platform']): Descriptor {
    const index: ImageIndex = { schemaVersion: 2, mediaType: MediaType.OciIndex, manifests };
    return this.raw(encodeManifest(index), MediaType.OciIndex, platform);
  }

  /** Stores manifest bytes as they are (hostile ones too); returns a descriptor of them. */
  raw(bytes: Buffer, mediaType: string, platform?: Descriptor['platform']): Descriptor {
    const desc: Descriptor = { mediaType, digest: sha256(bytes), size: bytes.length };
    this.manifests.set(desc.digest, { bytes, mediaType });
    return platform ? { ...desc, platform } : desc;
  }
}
