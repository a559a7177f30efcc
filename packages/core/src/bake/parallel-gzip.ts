import * as zlib from 'node:zlib';
import { debug } from '../log.js';
import { GZIP_HEADER } from './gzip-stream.js';
import { deflateChunk, DICTIONARY_BYTES } from './deflate-chunk.mjs';
import { type Deflated, deflatePool } from './deflate-pool.js';

/**
 * Bytes of input per independently compressed chunk. Part of the output format: changing it
 * changes every layer digest (and so the layer writer's version).
 */
export const GZIP_CHUNK = 1024 * 1024;

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
 * A single gzip member written from fixed-size chunks of the input, compressed in parallel:
 * each chunk is its own deflate run primed with the 32 KiB before it and ending byte aligned
 * (see deflate-chunk.mjs), so the chunks' outputs concatenate into one valid deflate stream.
 * Chunk borders depend only on the byte count, so the output is the same for any number of
 * workers, any scheduling and any way the input arrives. At most a few chunks per worker are
 * in flight: memory stays bounded whatever the layer size.
 */
export class ParallelGzip {
  /** Input buffers back from compression, reused: no chunk-sized garbage per chunk. */
  private readonly spare: Uint8Array[] = [];
  private stage: Uint8Array;
  private staged = 0;
  private dictionary: Uint8Array | undefined;
  private crc = 0;
  private length = 0;
  /** Compressed chunks in input order, not yet written. */
  private readonly inFlight: Array<Promise<Deflated>> = [];
  private readonly maxInFlight: number;
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
    this.maxInFlight = Math.max(1, workers * 2);
    this.stage = this.nextStage();
  }

  private nextStage(): Uint8Array {
    return this.spare.pop() ?? new Uint8Array(GZIP_CHUNK);
  }

  /** Writes the oldest compressed chunk and keeps its input buffer for a later chunk. */
  private async writeOldest(): Promise<void> {
    const { out, data, worker } = await (this.inFlight.shift() as Promise<Deflated>);
    this.usedWorkers.add(worker ?? 0);
    if (data.buffer.byteLength === GZIP_CHUNK) this.spare.push(new Uint8Array(data.buffer));
    await this.write(out);
  }

  /** Takes the next input bytes; resolves once there is room for more. */
  async push(data: Uint8Array): Promise<void> {
    this.crc = crc32(data, this.crc);
    this.length += data.length;
    let at = 0;
    while (at < data.length) {
      const n = Math.min(GZIP_CHUNK - this.staged, data.length - at);
      this.stage.set(data.subarray(at, at + n), this.staged);
      this.staged += n;
      at += n;
      if (this.staged === GZIP_CHUNK) await this.dispatch(false);
    }
  }

  /** Compresses what is left, writes the trailer and resolves when every byte is written. */
  async end(): Promise<void> {
    await this.dispatch(true);
    while (this.inFlight.length) await this.writeOldest();
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

  private async dispatch(final: boolean): Promise<void> {
    if (!this.started) {
      this.started = true;
      await this.write(Uint8Array.from(GZIP_HEADER));
    }
    const data = this.stage.subarray(0, this.staged);
    const dictionary = this.dictionary;
    this.dictionary = data.slice(Math.max(0, data.length - DICTIONARY_BYTES));
    // A layer of one chunk (most small layers) never waits for a worker.
    const inline = this.workers === 0 || (final && this.inFlight.length === 0 && !dictionary);
    const out = inline
      ? Promise.resolve({ out: deflateChunk(data, dictionary, final), data })
      : deflatePool(this.workers).deflate(data, dictionary, final);
    // Awaited in order below; a failure while an earlier chunk is awaited must not go unheard.
    out.catch(() => {});
    this.inFlight.push(out);
    this.chunks++;
    if (!final) this.stage = this.nextStage();
    this.staged = 0;
    while (this.inFlight.length >= this.maxInFlight) await this.writeOldest();
  }
}
