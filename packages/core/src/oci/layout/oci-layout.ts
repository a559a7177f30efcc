import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Digest, digestHex, digestProblem, sha256 } from '../digest.js';
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
import { addFallbackReferrer, listFallbackReferrers, writeArtifact } from '../referrers.js';
import type { Artifact, ArtifactStore } from '../store.js';
import { VerifyStream, verifyBuffer } from '../verify.js';
import {
  layoutDirs,
  layoutEntry,
  openLayoutFile,
  readLayoutFile,
  writeLayoutFile,
} from './layout-files.js';

export const REF_NAME = 'org.opencontainers.image.ref.name';
const LAYOUT_FILE = JSON.stringify({ imageLayoutVersion: '1.0.0' });

/**
 * An OCI image layout folder (`oci-layout`, `index.json`, `blobs/sha256/`) as an image store.
 * Every file is read and written through layout-files.ts, which refuses symbolic links inside
 * the folder: a layout from an untrusted checkout cannot lead Kiln outside it.
 */
export class OciLayout implements ArtifactStore {
  readonly label: string;

  constructor(readonly dir: string) {
    this.label = `oci-layout:${dir}`;
  }

  blobPath(digest: Digest): string {
    return join(this.dir, ...this.blobParts(digest));
  }

  /** The blob's path below the layout; a malformed digest could name a path outside it. */
  private blobParts(digest: Digest): string[] {
    const problem = digestProblem(digest);
    if (problem) throw new Error(`${this.label}: digest ${JSON.stringify(digest)} ${problem}`);
    return ['blobs', digest.slice(0, digest.indexOf(':')), digestHex(digest)];
  }

  async init(): Promise<void> {
    await layoutDirs(this.dir, ['blobs', 'sha256'], this.label);
    if (!(await layoutEntry(this.dir, ['oci-layout'], this.label)))
      await writeLayoutFile(this.dir, ['oci-layout'], Buffer.from(LAYOUT_FILE), this.label);
    if (!(await layoutEntry(this.dir, ['index.json'], this.label))) {
      await this.writeIndex({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: [] });
    }
  }

  /** Whether the folder holds `oci-layout` and `index.json` (a link at either is refused). */
  async exists(): Promise<boolean> {
    return Boolean(
      (await layoutEntry(this.dir, ['oci-layout'], this.label)) &&
      (await layoutEntry(this.dir, ['index.json'], this.label)),
    );
  }

  async readIndex(): Promise<ImageIndex> {
    if (!(await this.exists()))
      throw new Error(`${this.label} is not an OCI image layout (no oci-layout or index.json)`);
    const bytes = await readLayoutFile(this.dir, ['index.json'], this.label);
    const json: unknown = JSON.parse(bytes.toString('utf8'));
    const r = indexSchema.safeParse(json);
    if (!r.success) throw new Error(`${this.label}/index.json is not a valid image index`);
    return r.data;
  }

  private async writeIndex(index: ImageIndex): Promise<void> {
    await writeLayoutFile(this.dir, ['index.json'], Buffer.from(JSON.stringify(index)), this.label);
  }

  /** Whether the blob file is there; a link in its place is refused, not counted as absent. */
  private async blobStored(digest: Digest): Promise<{ size: number } | undefined> {
    const stats = await layoutEntry(this.dir, this.blobParts(digest), this.label);
    return stats?.isFile() ? { size: stats.size } : undefined;
  }

  async hasBlob(desc: Descriptor): Promise<boolean> {
    return (await this.blobStored(desc.digest))?.size === desc.size;
  }

  async openBlob(desc: Descriptor): Promise<Readable> {
    if (!(await this.blobStored(desc.digest)))
      throw new Error(`${this.label}: blob ${desc.digest} is missing`);
    const file = await openLayoutFile(this.dir, this.blobParts(desc.digest), this.label);
    return file.pipe(new VerifyStream(desc, `${this.label} blob`));
  }

  async readBlob(desc: Descriptor): Promise<Buffer> {
    const bytes = await readLayoutFile(this.dir, this.blobParts(desc.digest), this.label);
    return verifyBuffer(bytes, desc, `${this.label} blob`);
  }

  /** Verified while written to a temporary file, renamed into place only when complete. */
  async putBlob(desc: Descriptor, open: () => Promise<Readable>): Promise<number> {
    if (await this.hasBlob(desc)) return 0;
    await this.init();
    await writeLayoutFile(
      this.dir,
      this.blobParts(desc.digest),
      async (sink) => pipeline(await open(), new VerifyStream(desc, `${this.label} blob`), sink),
      this.label,
    );
    return desc.size;
  }

  async putBuffer(data: Buffer, mediaType: string): Promise<Descriptor> {
    const raw: Descriptor = { mediaType, digest: sha256(data), size: data.length };
    await this.init();
    if (!(await this.hasBlob(raw)))
      await writeLayoutFile(this.dir, this.blobParts(raw.digest), data, this.label);
    return raw;
  }

  async getManifest(reference: string): Promise<ParsedManifest> {
    const digest = await this.resolve(reference);
    if (!digest) throw new Error(`${this.label} has no manifest ${reference}`);
    const bytes = await readLayoutFile(this.dir, this.blobParts(digest), this.label);
    const parsed = parseManifest(bytes, undefined, `${this.label}@${digest}`);
    if (parsed.digest !== digest)
      throw new Error(`${this.label}: manifest blob ${digest} is corrupt`);
    return parsed;
  }

  async resolve(reference: string): Promise<Digest | undefined> {
    if (!(await this.exists())) return undefined;
    const index = await this.readIndex();
    if (reference.includes(':')) {
      if (digestProblem(reference)) return undefined;
      return (await this.blobStored(reference as Digest)) ? (reference as Digest) : undefined;
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
    if (!(await this.blobStored(raw.digest)))
      await writeLayoutFile(this.dir, this.blobParts(raw.digest), raw.bytes, this.label);
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

  /** Referrers of `subject`, from the same `sha256-<hex>` fallback index a registry keeps. */
  listReferrers(subject: Digest, artifactType?: string): Promise<Descriptor[]> {
    return listFallbackReferrers(this, subject, artifactType);
  }

  /**
   * Writes an artifact as a root manifest of index.json (tools that walk the layout see it) and
   * lists it in its subject's fallback index, exactly as in a registry without the referrers API.
   */
  async pushArtifact(artifact: Artifact): Promise<Descriptor> {
    const { descriptor } = await writeArtifact(this, artifact, { root: true });
    if (artifact.subject) await addFallbackReferrer(this, artifact.subject.digest, descriptor);
    return descriptor;
  }

  indexReferrer(subject: Digest, referrer: Descriptor): Promise<void> {
    return addFallbackReferrer(this, subject, referrer);
  }
}
