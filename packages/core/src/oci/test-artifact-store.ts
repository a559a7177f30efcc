/**
 * Test helper (imported by tests only): the in-memory store with the artifact capability, the
 * same fallback index a registry without the referrers API gets, a count of every call, and a
 * hook run before each tag write so a test can play another writer at that exact moment.
 */
import type { Digest } from './digest.js';
import type { Descriptor, RawManifest } from './manifest.js';
import { encodeManifest, parseManifest } from './manifest.js';
import { MediaType } from './media-types.js';
import {
  addFallbackReferrer,
  type FallbackOptions,
  fallbackTag,
  listFallbackReferrers,
} from './referrers.js';
import type { Artifact, ArtifactStore } from './store.js';
import { writeArtifact } from './referrers.js';
import { MemoryStore } from './test-memory-store.js';

export class MemoryArtifactStore extends MemoryStore implements ArtifactStore {
  /** Calls per method name, e.g. `getManifest`, `readBlob`, `resolve`. */
  readonly calls = new Map<string, number>();
  /** Runs before every counted call (name and arguments); the call waits for it. */
  beforeCall?: (name: string, args: unknown[]) => Promise<void>;
  /** Runs before a manifest is written under `tag`; the write happens after it resolves. */
  beforeTag?: (tag: string, raw: RawManifest) => Promise<void>;
  /** Fallback-index options (tests pass a zero settle and an instant sleep). */
  fallback: FallbackOptions = { settleMs: 0, sleep: async () => {} };

  constructor(label = 'memory') {
    super(label);
    for (const name of ['hasBlob', 'readBlob', 'putBlob', 'getManifest', 'resolve', 'putManifest'])
      this.count(name);
  }

  /** Wraps a method so each call is counted. */
  private count(name: string): void {
    const self = this as unknown as Record<string, (...args: unknown[]) => unknown>;
    const original = self[name] as (...args: unknown[]) => unknown;
    self[name] = async (...args: unknown[]) => {
      this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
      if (this.beforeCall) await this.beforeCall(name, args);
      return original.apply(this, args);
    };
  }

  /** Every call counted so far. */
  totalCalls(): number {
    return [...this.calls.values()].reduce((a, b) => a + b, 0);
  }

  override async putManifest(raw: RawManifest, opts: { tag?: string; root?: boolean } = {}) {
    if (opts.tag && this.beforeTag) await this.beforeTag(opts.tag, raw);
    return super.putManifest(raw, opts);
  }

  listReferrers(subject: Digest, artifactType?: string): Promise<Descriptor[]> {
    return listFallbackReferrers(this, subject, artifactType);
  }

  async pushArtifact(artifact: Artifact): Promise<Descriptor> {
    const { descriptor } = await writeArtifact(this, artifact);
    if (artifact.subject)
      await addFallbackReferrer(this, artifact.subject.digest, descriptor, this.fallback);
    return descriptor;
  }

  indexReferrer(subject: Digest, referrer: Descriptor): Promise<void> {
    return addFallbackReferrer(this, subject, referrer, this.fallback);
  }

  /** Empties `subject`'s fallback index, as a hostile registry writer can: one tag write. */
  async forgetReferrers(subject: Digest): Promise<void> {
    const empty = { schemaVersion: 2 as const, mediaType: MediaType.OciIndex, manifests: [] };
    await super.putManifest(parseManifest(encodeManifest(empty)), { tag: fallbackTag(subject) });
  }
}
