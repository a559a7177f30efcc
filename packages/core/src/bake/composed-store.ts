import type { Readable } from 'node:stream';
import type { Digest } from '../oci/digest.js';
import type { Descriptor, ParsedManifest, RawManifest } from '../oci/manifest.js';
import type { OciLayout } from '../oci/layout/oci-layout.js';
import type { ImageStore } from '../oci/store.js';

/**
 * A baked image before it is pushed: new blobs and manifests in a work layout, base layers
 * still in the base's store. Copying from here moves base layers only when the target lacks them.
 */
export class ComposedStore implements ImageStore {
  readonly label: string;

  /** App layers the layer cache holds are read from it, in place, never copied into `work`. */
  constructor(
    private readonly work: OciLayout,
    private readonly layers?: OciLayout,
    private readonly base?: ImageStore,
  ) {
    this.label = work.label;
  }

  private async from(desc: Descriptor): Promise<ImageStore> {
    if (await this.work.hasBlob(desc)) return this.work;
    if (this.layers && (await this.layers.hasBlob(desc))) return this.layers;
    return this.base ?? this.work;
  }

  async hasBlob(desc: Descriptor): Promise<boolean> {
    return (await this.from(desc)).hasBlob(desc);
  }

  async openBlob(desc: Descriptor): Promise<Readable> {
    return (await this.from(desc)).openBlob(desc);
  }

  async readBlob(desc: Descriptor): Promise<Buffer> {
    return (await this.from(desc)).readBlob(desc);
  }

  putBlob(desc: Descriptor, open: () => Promise<Readable>): Promise<number> {
    return this.work.putBlob(desc, open);
  }

  getManifest(reference: string): Promise<ParsedManifest> {
    return this.work.getManifest(reference);
  }

  resolve(reference: string): Promise<Digest | undefined> {
    return this.work.resolve(reference);
  }

  putManifest(raw: RawManifest, opts?: { tag?: string; root?: boolean }): Promise<void> {
    return this.work.putManifest(raw, opts);
  }
}
