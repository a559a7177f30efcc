import * as zlib from 'node:zlib';
import { debug } from '../log.js';
import { GZIP_HEADER } from './gzip-stream.js';
import {
  compressChunk,
  DICTIONARY_BYTES,
  histogramEntropy,
  levelFor,
  sampleBytes,
  storedOverhead,
  storeInPlace,
} from './deflate-chunk.mjs';
import { type Deflated, deflatePool } from './deflate-pool.js';

/**
 * Bytes of input per independently compressed chunk. Part of the output format: changing it
 * changes every layer digest (and so the layer writer's version).
 */
export const GZIP_CHUNK = 1024 * 1024;

/**
 * Bytes whose randomness is judged at a time. A chunk ends early, at a segment's start, where
 * the content turns from random-looking (stored) to compressible or back: a chunk holding small
 * files and the start of a large random one is not deflated whole for nothing. Part of the
 * output format too; GZIP_CHUNK is a multiple of it.
 */
export const SEGMENT = 64 * 1024;

/** CRC-32 of the gzip trailer; Node's own where it has one (20.15+), the same numbers anyway. */
const crc32: (data: Uint8Array, value: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (zlib as unknown as { crc32: (d: Uint8Array, v: number) => number }).crc32
    : crc32Table;

let table: Uint32Array | undefined;
function crc32Table(data: Uint8Array, value: number): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++)
    c = (table[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * Input buffers back from compression, reused by later chunks and later layers of the process:
 * no chunk-sized garbage per chunk, none zeroed per layer. Bounded, so memory stays bounded.
 */
const spareChunks: Uint8Array[] = [];
const MAX_SPARE_CHUNKS = 4;
/** A chunk buffer: the chunk, and room for its stored-block headers (storeInPlace). */
const STAGE_BYTES = GZIP_CHUNK + storedOverhead(GZIP_CHUNK);

function recycle(buffer: ArrayBufferLike): void {
  if (buffer.byteLength === STAGE_BYTES && spareChunks.length < MAX_SPARE_CHUNKS)
    spareChunks.push(new Uint8Array(buffer));
}

/**
 * A single gzip member written from chunks of the input (GZIP_CHUNK at most), compressed in
 * parallel: each chunk is its own deflate run primed with the 32 KiB before it and ending byte
 * aligned (see deflate-chunk.mjs), so the chunks' outputs concatenate into one valid deflate
 * stream. Chunk borders depend only on the bytes (a full chunk, or a change between
 * random-looking and compressible segments), so the output is the same for any number of
 * workers, any scheduling and any way the input arrives. At most a few chunks per compressing
 * thread are in flight: memory stays bounded whatever the layer size.
 */
export class ParallelGzip {
  private stage: Uint8Array;
  private staged = 0;
  /** Histogram of the staged chunk's sampled bytes (its full segments), and their count. */
  private readonly counts = new Uint32Array(256);
  private samples = 0;
  /** Whether the staged chunk's full segments look random; undefined before the first. */
  private random: boolean | undefined;
  /** Histogram of the segment just filled. */
  private readonly segmentCounts = new Uint32Array(256);
  private dictionary: Uint8Array | undefined;
  private crc = 0;
  private length = 0;
  /** Compressed chunks in input order, not yet written. */
  private readonly inFlight: Array<Promise<Deflated>> = [];
  private readonly maxInFlight: number;
  /** The write in progress, if any. */
  private writing: Promise<void> = Promise.resolve();
  private started = false;
  private chunks = 0;
  /** Worker threads that compressed a chunk of this member (0 for this thread). */
  private readonly usedWorkers = new Set<number>();

  /**
   * `write` receives the gzip bytes in order, one call at a time. `workers` 0 compresses on
   * this thread.
   */
  constructor(
    private readonly write: (bytes: Uint8Array) => Promise<void>,
    private readonly workers: number,
  ) {
    // Two per compressor (the workers and this thread): each has its next chunk at hand.
    this.maxInFlight = (workers + 1) * 2;
    this.stage = this.nextStage();
  }

  private nextStage(): Uint8Array {
    return spareChunks.pop() ?? new Uint8Array(STAGE_BYTES);
  }

  /**
   * Starts writing the oldest compressed chunk once the previous write has ended, and keeps its
   * input buffer for a later chunk. The write goes on while the next chunks are read and
   * compressed; at most one is in progress, so the output stays in order and bounded.
   */
  private async writeOldest(): Promise<void> {
    const { out, data, worker } = await (this.inFlight.shift() as Promise<Deflated>);
    this.usedWorkers.add(worker ?? 0);
    await this.writing;
    // A stored chunk's output is its input buffer: reused once written, the others at once.
    const inPlace = out.buffer === data.buffer;
    if (!inPlace) recycle(data.buffer);
    this.writing = this.write(out).then(() => {
      if (inPlace) recycle(data.buffer);
    });
    // Awaited before the next write or at the end; a failure must not go unheard meanwhile.
    this.writing.catch(() => {});
  }

  /** Takes the next input bytes; resolves once there is room for more. */
  async push(data: Uint8Array): Promise<void> {
    this.crc = crc32(data, this.crc);
    this.length += data.length;
    let at = 0;
    while (at < data.length) {
      const n = Math.min(SEGMENT - (this.staged % SEGMENT), data.length - at);
      this.stage.set(data.subarray(at, at + n), this.staged);
      this.staged += n;
      at += n;
      if (this.staged % SEGMENT === 0) await this.segmentFilled();
    }
  }

  /**
   * Judges the segment just filled; one that looks random after compressible ones (or the
   * reverse) starts the next chunk, the staged ones before it are dispatched.
   */
  private async segmentFilled(): Promise<void> {
    const start = this.staged - SEGMENT;
    const segment = this.stage.subarray(start, this.staged);
    const counts = this.segmentCounts;
    counts.fill(0);
    const samples = sampleBytes(segment, counts);
    const random = levelFor(histogramEntropy(counts, samples)) === 0;
    if (this.random !== undefined && random !== this.random) {
      // Copied out first: storing the chunk in place moves bytes over the segment.
      const next = this.nextStage();
      next.set(segment);
      this.staged = start;
      await this.dispatch(false, next);
      this.staged = SEGMENT;
    } else if (this.staged === GZIP_CHUNK) {
      this.add(counts, samples);
      await this.dispatch(false);
      return;
    }
    this.add(counts, samples);
    this.random = random;
  }

  private add(counts: Uint32Array, samples: number): void {
    for (let b = 0; b < 256; b++) (this.counts[b] as number) += counts[b] as number;
    this.samples += samples;
  }

  /** Compresses what is left, writes the trailer and resolves when every byte is written. */
  async end(): Promise<void> {
    // The last, partial segment is judged with its chunk.
    const tail = this.staged - (this.staged % SEGMENT);
    this.samples += sampleBytes(this.stage.subarray(tail, this.staged), this.counts);
    await this.dispatch(true);
    while (this.inFlight.length) await this.writeOldest();
    await this.writing;
    const trailer = new Uint8Array(8);
    const view = new DataView(trailer.buffer);
    view.setUint32(0, this.crc >>> 0, true);
    view.setUint32(4, this.length % 2 ** 32, true); // ISIZE is the length modulo 2^32
    await this.write(trailer);
    const threads = [...this.usedWorkers].filter((w) => w !== 0).length;
    // Says whether the workers loaded (a bundle without a loadable worker file compresses here).
    debug(
      `gzip: ${this.length} bytes in ${this.chunks} chunks, ${threads} of ${this.workers} compression workers used${this.usedWorkers.has(0) ? ', some chunks on the calling thread' : ''}`,
    );
  }

  /** Compresses the staged chunk; the next one is staged in `next` (a fresh buffer if none). */
  private async dispatch(final: boolean, next?: Uint8Array): Promise<void> {
    if (!this.started) {
      this.started = true;
      await this.write(Uint8Array.from(GZIP_HEADER));
    }
    const data = this.stage.subarray(0, this.staged);
    const dictionary = this.dictionary;
    this.dictionary = data.slice(Math.max(0, data.length - DICTIONARY_BYTES));
    // Incompressible chunks are stored here, in their own buffer: that costs less than a trip to a
    // worker, which stays free for chunks that deflate. A layer of one chunk (most small
    // layers) never waits for a worker either. The pool decides about the others.
    const level = levelFor(histogramEntropy(this.counts, this.samples));
    this.counts.fill(0);
    this.samples = 0;
    this.random = undefined;
    const stored = level === 0;
    const inline =
      stored || this.workers === 0 || (final && this.inFlight.length === 0 && !dictionary);
    const out = inline
      ? Promise.resolve({
          out: stored
            ? storeInPlace(this.stage, this.staged, final)
            : compressChunk(data, dictionary, final, level),
          data,
        })
      : deflatePool(this.workers).deflate(data, dictionary, final, level);
    // Awaited in order below; a failure while an earlier chunk is awaited must not go unheard.
    out.catch(() => {});
    this.inFlight.push(out);
    this.chunks++;
    if (!final) this.stage = next ?? this.nextStage();
    this.staged = 0;
    while (this.inFlight.length >= this.maxInFlight) await this.writeOldest();
  }
}
