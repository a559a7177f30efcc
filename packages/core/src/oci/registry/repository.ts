import { Readable } from 'node:stream';
import { activity } from '../../util/activity.js';
import type { Digest } from '../digest.js';
import {
  type Descriptor,
  type ParsedManifest,
  parseManifest,
  type RawManifest,
} from '../manifest.js';
import { MANIFEST_TYPES } from '../media-types.js';
import { addFallbackReferrer, buildArtifact, listFallbackReferrers } from '../referrers.js';
import type { Artifact, ArtifactStore, MountableStore } from '../store.js';
import { VerifyStream, verifyBuffer } from '../verify.js';
import { ConnectionLostError, DigestMismatchError } from './errors.js';
import { discard, header, type HttpResponse, readBody } from './http.js';
import type { RegistryTransport } from './transport.js';

export interface UploadOptions {
  /** Blobs larger than this go up in chunks (PATCH with Content-Range). */
  chunkThreshold?: number;
  chunkSize?: number;
}

const ACCEPT = [...MANIFEST_TYPES].join(', ');
/** The largest manifest (or referrers index) read. */
const MANIFEST_LIMIT = 4 * 1024 * 1024;
/** The largest tag list read. */
const TAG_LIST_LIMIT = 16 * 1024 * 1024;
/** Default size above which a blob goes up in chunks, and the chunk size. */
const CHUNK_THRESHOLD = 256 * 1024 * 1024;
const CHUNK_SIZE = 32 * 1024 * 1024;
const DIGEST_REF = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** One repository in a registry, speaking the OCI distribution API. */
export class RegistryRepository implements MountableStore, ArtifactStore {
  readonly label: string;
  readonly registry: string;

  constructor(
    private readonly transport: RegistryTransport,
    readonly repository: string,
    private readonly upload: UploadOptions = {},
  ) {
    this.registry = transport.registry;
    this.label = `${transport.registry}/${repository}`;
  }

  private get pull(): string[] {
    return [`repository:${this.repository}:pull`];
  }

  private get push(): string[] {
    return [`repository:${this.repository}:pull,push`];
  }

  private path(kind: 'blobs' | 'manifests' | 'referrers' | 'tags', ref = ''): string {
    return `/v2/${this.repository}/${kind}/${ref}`;
  }

  async hasBlob(desc: Descriptor): Promise<boolean> {
    const res = await this.transport.request({
      method: 'HEAD',
      path: this.path('blobs', desc.digest),
      scopes: this.pull,
      expect: [200, 404],
    });
    await discard(res);
    return res.status === 200;
  }

  async openBlob(desc: Descriptor): Promise<Readable> {
    const res = await this.transport.request({
      method: 'GET',
      path: this.path('blobs', desc.digest),
      scopes: this.pull,
      expect: [200],
    });
    const verify = new VerifyStream(desc, `${this.label} blob`);
    res.body.on('error', (err) => verify.destroy(err));
    res.body.on('aborted', () =>
      verify.destroy(
        new ConnectionLostError(`${this.label}: connection closed mid-blob ${desc.digest}`),
      ),
    );
    return res.body.pipe(verify);
  }

  async readBlob(desc: Descriptor): Promise<Buffer> {
    // Reading and verifying are part of each attempt: the transport's loop is the only one.
    return this.transport.request(
      {
        method: 'GET',
        path: this.path('blobs', desc.digest),
        scopes: this.pull,
        expect: [200],
      },
      async (res) =>
        verifyBuffer(
          await readBody(res, undefined, `blob ${desc.digest} of ${this.label}`),
          desc,
          `${this.label} blob`,
        ),
    );
  }

  /** Cross-repository mount; on 202 the registry opened an upload instead, which we cancel. */
  async mountBlob(desc: Descriptor, from: string): Promise<boolean> {
    const query = new URLSearchParams({ mount: desc.digest, from });
    const res = await this.transport.request({
      method: 'POST',
      path: `${this.path('blobs', 'uploads/')}?${query}`,
      scopes: [...this.push, `repository:${from}:pull`],
      expect: [201, 202],
    });
    await discard(res);
    if (res.status === 201) return true;
    const location = header(res, 'location');
    if (location) {
      await this.transport
        .request({ method: 'DELETE', path: location, scopes: this.push, expect: [204, 404] })
        .then(discard)
        .catch(() => {});
    }
    return false;
  }

  async putBlob(desc: Descriptor, open: () => Promise<Readable>): Promise<number> {
    // A streamed body cannot be replayed by the transport: the whole upload is the unit retried.
    const what = `upload of ${desc.digest.slice(0, 19)} to ${this.label}`;
    return activity(`uploading blob ${desc.digest} to ${this.label}`, () =>
      this.transport.operation(what, () => this.uploadOnce(desc, open)),
    );
  }

  private async startUpload(): Promise<string> {
    const res = await this.transport.request({
      method: 'POST',
      path: this.path('blobs', 'uploads/'),
      scopes: this.push,
      expect: [202],
    });
    await discard(res);
    const location = header(res, 'location');
    if (!location) throw new Error(`${this.label}: upload started without a Location header`);
    return location;
  }

  private async uploadOnce(desc: Descriptor, open: () => Promise<Readable>): Promise<number> {
    const started = await openWhileStarting(open, () => this.startUpload());
    let location = started.location;
    const source = started.source;
    const threshold = this.upload.chunkThreshold ?? CHUNK_THRESHOLD;
    if (desc.size <= threshold) {
      const res = await this.transport.request({
        method: 'PUT',
        path: withDigest(location, desc.digest),
        scopes: this.push,
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(desc.size),
        },
        body: source,
        expect: [201],
      });
      await discard(res);
      return desc.size;
    }
    const chunkSize = this.upload.chunkSize ?? CHUNK_SIZE;
    let offset = 0;
    for await (const chunk of chunks(source, chunkSize)) {
      const res = await this.transport.request({
        method: 'PATCH',
        path: location,
        scopes: this.push,
        headers: {
          'content-type': 'application/octet-stream',
          'content-range': `${offset}-${offset + chunk.length - 1}`,
        },
        body: chunk,
        expect: [202],
      });
      await discard(res);
      offset += chunk.length;
      location = header(res, 'location') ?? location;
    }
    const res = await this.transport.request({
      method: 'PUT',
      path: withDigest(location, desc.digest),
      scopes: this.push,
      body: Buffer.alloc(0),
      expect: [201],
    });
    await discard(res);
    return offset;
  }

  async getManifest(reference: string): Promise<ParsedManifest> {
    const name = `${this.label}@${reference}`;
    return this.transport.request(
      {
        method: 'GET',
        path: this.path('manifests', reference),
        scopes: this.pull,
        headers: { accept: ACCEPT },
        expect: [200],
      },
      async (res) => {
        const bytes = await readBody(res, MANIFEST_LIMIT, `manifest ${name}`);
        const parsed = parseManifest(bytes, header(res, 'content-type'), name);
        if (DIGEST_REF.test(reference) && parsed.digest !== reference) {
          throw new DigestMismatchError(
            `${this.label}: manifest ${reference} came back with digest ${parsed.digest}`,
          );
        }
        return parsed;
      },
    );
  }

  async resolve(reference: string): Promise<Digest | undefined> {
    const res = await this.transport.request({
      method: 'HEAD',
      path: this.path('manifests', reference),
      scopes: this.pull,
      headers: { accept: ACCEPT },
      expect: [200, 404],
    });
    await discard(res);
    if (res.status === 404) return undefined;
    const digest = header(res, 'docker-content-digest');
    if (digest) return digest as Digest;
    return (await this.getManifest(reference)).digest;
  }

  async putManifest(raw: RawManifest, opts: { tag?: string } = {}): Promise<void> {
    await this.putManifestAt(raw, raw.digest);
    if (opts.tag) await this.putManifestAt(raw, opts.tag);
  }

  /**
   * Pushes by digest and says whether the registry acknowledged the manifest's subject
   * (OCI-Subject header): if not, the client keeps the referrers fallback tag itself.
   */
  async putManifestWithSubject(raw: RawManifest): Promise<{ subjectHeader: boolean }> {
    const res = await this.putManifestAt(raw, raw.digest);
    return { subjectHeader: header(res, 'oci-subject') !== undefined };
  }

  /** One PUT of the exact bytes, refusing a registry that stored them under another digest. */
  private async putManifestAt(raw: RawManifest, reference: string): Promise<HttpResponse> {
    const res = await this.transport.request({
      method: 'PUT',
      path: this.path('manifests', reference),
      scopes: this.push,
      headers: { 'content-type': raw.mediaType },
      body: raw.bytes,
      expect: [201],
    });
    await discard(res);
    const echoed = header(res, 'docker-content-digest');
    if (echoed && echoed !== raw.digest) {
      throw new DigestMismatchError(
        `${this.label}: registry stored manifest as ${echoed}, expected ${raw.digest}`,
      );
    }
    return res;
  }

  /** Referrers API; undefined when the registry does not implement it. */
  async referrersApi(digest: Digest, artifactType?: string): Promise<ParsedManifest | undefined> {
    const query = artifactType ? `?${new URLSearchParams({ artifactType })}` : '';
    const res = await this.transport.request({
      method: 'GET',
      path: `${this.path('referrers', digest)}${query}`,
      scopes: this.pull,
      headers: { accept: 'application/vnd.oci.image.index.v1+json' },
      expect: [200, 404],
    });
    const bytes = await readBody(res, MANIFEST_LIMIT, `referrers of ${this.label}@${digest}`);
    if (res.status === 404) return undefined;
    const contentType = header(res, 'content-type') ?? '';
    if (!contentType.includes('application/vnd.oci.image.index.v1+json')) return undefined;
    return parseManifest(bytes, contentType, `${this.label} referrers of ${digest}`);
  }

  /** Referrers of `subject`: the referrers API when the registry has one, else the fallback tag. */
  async listReferrers(subject: Digest, artifactType?: string): Promise<Descriptor[]> {
    const api = await this.referrersApi(subject, artifactType);
    if (api?.kind !== 'index') return listFallbackReferrers(this, subject, artifactType);
    // A registry may ignore the filter (it says so in OCI-Filters-Applied): filter again.
    const listed = api.index.manifests;
    return artifactType ? listed.filter((d) => d.artifactType === artifactType) : listed;
  }

  /**
   * Pushes an artifact by digest. When the registry did not acknowledge its subject (no
   * OCI-Subject header), the client keeps the fallback tag index itself, merging on races.
   */
  async pushArtifact(artifact: Artifact): Promise<Descriptor> {
    const { manifest, blobs, descriptor } = buildArtifact(artifact);
    for (const b of blobs) {
      if (!(await this.hasBlob(b.desc)))
        await this.putBlob(b.desc, async () => Readable.from([b.data]));
    }
    const { subjectHeader } = await this.putManifestWithSubject(manifest);
    if (artifact.subject && !subjectHeader)
      await addFallbackReferrer(this, artifact.subject.digest, descriptor);
    return descriptor;
  }

  async indexReferrer(subject: Digest, referrer: Descriptor): Promise<void> {
    if ((await this.referrersApi(subject))?.kind === 'index') return;
    await addFallbackReferrer(this, subject, referrer);
  }

  async tags(): Promise<string[]> {
    const res = await this.transport.request({
      method: 'GET',
      path: this.path('tags', 'list'),
      scopes: this.pull,
      expect: [200, 404],
    });
    const body = await readBody(res, TAG_LIST_LIMIT, `tag list of ${this.label}`);
    if (res.status === 404) return [];
    return ((JSON.parse(body.toString('utf8')) as { tags?: string[] | null }).tags ?? []).sort();
  }

  async deleteManifest(digest: Digest): Promise<void> {
    const res = await this.transport.request({
      method: 'DELETE',
      path: this.path('manifests', digest),
      scopes: [`repository:${this.repository}:delete`, ...this.push],
      expect: [202, 404],
    });
    await discard(res);
  }
}

/**
 * Opens the source while the registry starts the upload: one round trip less before bytes flow.
 * The upload's answer decides: if it fails, the opened source is closed and that failure is
 * what the caller sees. An error of the source before anyone reads it is kept (not an uncaught
 * 'error') and thrown here, so the upload never sends a dead stream.
 */
async function openWhileStarting(
  open: () => Promise<Readable>,
  start: () => Promise<string>,
): Promise<{ location: string; source: Readable }> {
  const opening = open().then((s) => {
    s.on('error', () => {}); // kept in s.errored; the upload's own listener reports it
    return s;
  });
  opening.catch(() => {}); // a failed open is thrown below, not reported as unhandled meanwhile
  let location: string;
  try {
    location = await start();
  } catch (err) {
    await opening.then(
      (s) => s.destroy(),
      () => {},
    );
    throw err;
  }
  const source = await opening;
  if (source.errored) throw source.errored;
  return { location, source };
}

function withDigest(location: string, digest: Digest): string {
  return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}

/** Re-chunks a stream into buffers of `size` bytes (the last may be shorter): memory stays bounded. */
async function* chunks(source: Readable, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const piece of source) {
    let buf = piece as Buffer;
    while (length + buf.length >= size) {
      const take = size - length;
      pending.push(buf.subarray(0, take));
      yield Buffer.concat(pending);
      buf = buf.subarray(take);
      pending = [];
      length = 0;
    }
    if (buf.length) {
      pending.push(buf);
      length += buf.length;
    }
  }
  if (length) yield Buffer.concat(pending);
}
