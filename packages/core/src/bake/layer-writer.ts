import { createHash, randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pack as tarPack, type Header, type Pack } from 'tar-stream';
import { invalidInput } from '../errors.js';
import type { Digest } from '../oci/digest.js';
import { defaultCompressionWorkers } from './deflate-pool.js';
import { ParallelGzip } from './parallel-gzip.js';
import { sortEntries, type LayerEntry } from './layer-entry.js';
import { SMALL_FILE, SourceFile } from './source-file.js';
import { drained } from '../util/drained.js';

export interface LayerOptions {
  /** Seconds since the epoch; the mtime of every entry. */
  sourceDateEpoch: number;
  uid?: number;
  gid?: number;
  /** Compression worker threads; 0 compresses on this thread. The bytes are the same either way. */
  workers?: number;
}

export interface LayerResult {
  /** sha256 of the gzip bytes: the blob digest in the manifest. */
  digest: Digest;
  /** sha256 of the uncompressed tar: the diff ID in the image config. */
  diffId: Digest;
  /** Gzip bytes. */
  size: number;
  uncompressedSize: number;
}

/**
 * tar-stream writes mtime as a 32-bit signed number of seconds and ids as 6 octal digits;
 * larger values would be silently mangled, so they are refused.
 */
const MAX_EPOCH = 2 ** 31 - 1;
const MAX_ID = 0o777777;

/**
 * tar-stream replaces a falsy mode with its 0644/0755 default; giving it the full st_mode
 * (type bits included, masked off again in the header) keeps a real mode 0 as 0.
 */
const TYPE_BITS: Record<LayerEntry['type'], number> = {
  file: 0o100000,
  dir: 0o040000,
  symlink: 0o120000,
};

/**
 * Writes `entries` as a reproducible gzip-compressed tar layer to `outFile`: sorted bytewise,
 * uid/gid 0 unless given, empty user/group names, one fixed mtime, no atime/ctime, pinned
 * gzip compressed in parallel chunks (parallel-gzip.ts). File contents are streamed with
 * backpressure, so memory stays bounded whatever the file sizes. The layer appears under `outFile` only once complete (temp file + rename).
 * `contents` holds files already read (by source path; the layer key read them), not read again.
 */
export async function writeLayer(
  entries: LayerEntry[],
  opts: LayerOptions,
  outFile: string,
  contents?: ReadonlyMap<string, Buffer>,
): Promise<LayerResult> {
  const sorted = sortEntries(entries);
  checkEntries(sorted);
  const base = baseHeader(opts);

  const tmp = join(dirname(outFile), `.${basename(outFile)}.${randomBytes(6).toString('hex')}.tmp`);
  const pack = tarPack();
  const tarHash = createHash('sha256');
  const gzHash = createHash('sha256');
  let tarSize = 0;
  let gzSize = 0;
  try {
    const out = await open(tmp, 'wx');
    try {
      const gzip = new ParallelGzip(async (bytes) => {
        gzHash.update(bytes);
        gzSize += bytes.length;
        await writeAll(out, bytes);
      }, opts.workers ?? defaultCompressionWorkers());
      // tar-stream's streams are streamx streams, not Node streams; reading the pack through
      // its async iterator gives backpressure: the next tar bytes are asked for only once the
      // compressor has room.
      const written = (async () => {
        for await (const chunk of pack as AsyncIterable<Buffer>) {
          tarHash.update(chunk);
          tarSize += chunk.length;
          await gzip.push(chunk);
        }
        await gzip.end();
      })();
      const produced = addEntries(pack, sorted, base, contents).catch((err: unknown) => {
        pack.destroy(err as Error);
        throw err;
      });
      // Both are awaited so neither can reject unobserved. A producer failure destroys the
      // pack with its error, which the writer then reports; a write failure (disk full) makes
      // the producer fail only as a consequence. So the writer's error is the cause when both fail.
      const [prod, pipe] = await Promise.allSettled([produced, written]);
      if (pipe.status === 'rejected') throw pipe.reason;
      if (prod.status === 'rejected') throw prod.reason;
    } finally {
      await out.close();
    }
    await rename(tmp, outFile);
  } catch (err) {
    pack.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
  return {
    digest: `sha256:${gzHash.digest('hex')}` as Digest,
    diffId: `sha256:${tarHash.digest('hex')}` as Digest,
    size: gzSize,
    uncompressedSize: tarSize,
  };
}

/** FileHandle.write may write less than asked; a layer must never lose bytes. */
async function writeAll(out: FileHandle, bytes: Uint8Array): Promise<void> {
  let at = 0;
  while (at < bytes.length) {
    const { bytesWritten } = await out.write(bytes, at, bytes.length - at);
    at += bytesWritten;
  }
}

type HeaderArgument = Partial<Header> & Pick<Header, 'name'>;
type Sink = ReturnType<Pack['entry']>;

type BaseHeader = Required<Pick<HeaderArgument, 'uid' | 'gid' | 'uname' | 'gname' | 'mtime'>> &
  Pick<HeaderArgument, 'devmajor' | 'devminor'>;

function baseHeader(opts: LayerOptions): BaseHeader {
  const epoch = opts.sourceDateEpoch;
  if (!Number.isInteger(epoch) || epoch < 0 || epoch > MAX_EPOCH) {
    throw invalidInput(
      'source-date-epoch',
      String(epoch),
      `must be a whole number of seconds between 0 and ${MAX_EPOCH}`,
    );
  }
  const id = (name: string, v: number | undefined): number => {
    const n = v ?? 0;
    if (!Number.isInteger(n) || n < 0 || n > MAX_ID) {
      throw new RangeError(`layer ${name} ${n} must be an integer between 0 and ${MAX_ID}`);
    }
    return n;
  };
  return {
    uid: id('uid', opts.uid),
    gid: id('gid', opts.gid),
    uname: '',
    gname: '',
    devmajor: 0,
    devminor: 0,
    mtime: new Date(epoch * 1000),
  };
}

/** Entries come from code, not users: a bad one is a bug, reported before any byte is written. */
function checkEntries(sorted: readonly LayerEntry[]): void {
  let previous: string | undefined;
  for (const e of sorted) {
    const parts = e.path.split('/');
    if (e.path.includes('\0') || parts.some((p) => p === '' || p === '.' || p === '..')) {
      throw new Error(`layer entry path ${JSON.stringify(e.path)} is not a clean relative path`);
    }
    if (e.path === previous)
      throw new Error(`layer entry ${JSON.stringify(e.path)} is listed twice`);
    if (e.type === 'file' && !e.source) throw new Error(`layer file ${e.path} has no source`);
    if (e.type === 'symlink' && !e.linkTarget)
      throw new Error(`layer symlink ${e.path} has no target`);
    if (!Number.isInteger(e.mode) || e.mode < 0)
      throw new Error(`layer entry ${e.path} has a bad mode`);
    previous = e.path;
  }
}

async function addEntries(
  pack: Pack,
  sorted: readonly LayerEntry[],
  base: BaseHeader,
  contents: ReadonlyMap<string, Buffer> = new Map(),
): Promise<void> {
  for (const e of sorted) {
    const header: HeaderArgument = {
      ...base,
      name: e.type === 'dir' ? `${e.path}/` : e.path,
      type: e.type === 'dir' ? 'directory' : e.type,
      mode: TYPE_BITS[e.type] | (e.mode & 0o7777),
      size: 0,
      ...(e.type === 'symlink' ? { linkname: e.linkTarget as string } : {}),
    };
    const given = e.type === 'file' ? contents.get(e.source as string) : undefined;
    if (given) await addBuffer(pack, header, given);
    else if (e.type === 'file') await addFile(pack, header, e.source as string);
    else await entryOf(pack, header).done;
  }
  pack.finalize();
}

function addBuffer(pack: Pack, header: HeaderArgument, body: Buffer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const sink = pack.entry({ ...header, size: body.length }, body, (err) =>
      err ? reject(err) : resolve(),
    );
    sink.on('error', () => {}); // reported through the callback
  });
}

async function addFile(pack: Pack, header: HeaderArgument, source: string): Promise<void> {
  const file = SourceFile.open(source);
  try {
    const size = file.size;
    if (size <= SMALL_FILE) {
      await addBuffer(pack, header, file.readWhole());
      return;
    }
    const { sink, done } = entryOf(pack, { ...header, size });
    const body = async (): Promise<void> => {
      // Read exactly the size put in the header; a file that shrinks meanwhile makes
      // tar-stream fail the entry ("Size mismatch") rather than write a corrupt tar.
      for await (const chunk of file.stream() as AsyncIterable<Buffer>) {
        if (!sink.write(chunk)) await drained(sink);
      }
      sink.end(null); // streamx's typings want an argument; null adds no data
    };
    await Promise.all([body(), done]);
  } finally {
    file.close();
  }
}

function entryOf(pack: Pack, header: HeaderArgument): { sink: Sink; done: Promise<void> } {
  let sink: Sink | undefined;
  const done = new Promise<void>((resolve, reject) => {
    sink = pack.entry(header, (err) => (err ? reject(err) : resolve()));
  });
  // A failed entry also emits 'error'; it is reported through `done`, and an unheard
  // 'error' event would crash the process.
  (sink as Sink).on('error', () => {});
  return { sink: sink as Sink, done };
}
