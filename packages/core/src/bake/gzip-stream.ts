import { Transform, type TransformCallback } from 'node:stream';
import { Gzip } from 'fflate';

/**
 * Deterministic gzip. Node's zlib output differs by platform (header OS byte) and by zlib
 * version, so layers are compressed with fflate, pinned to an exact version in package.json:
 * the same tar bytes give the same gzip bytes on every runner, which keeps the layer digest
 * (and so the image digest) reproducible.
 */

export const GZIP_LEVEL = 6 as const;

/**
 * The only header this writer emits: magic, CM=deflate, FLG=0 (no name, comment or extra),
 * MTIME=0, XFL=0 (RFC 1952: 2 is for level 9, 4 for the fastest levels; 6 is neither),
 * OS=255 "unknown" whatever the build platform is.
 */
export const GZIP_HEADER: readonly number[] = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff];

/**
 * fflate's streaming deflate decides where blocks end from how much input it holds when
 * `push` is called, so its output depends on the chunking of the input. Stream chunk sizes
 * vary from run to run (file reads, tar headers, buffered reads), so input is re-cut into
 * fixed slices before it reaches fflate. 64 KiB fits fflate's own 96 KiB window buffer,
 * which then never grows.
 */
const SLICE = 64 * 1024;

export class DeterministicGzip extends Transform {
  private readonly gzip: Gzip;
  private readonly stage = new Uint8Array(SLICE);
  private staged = 0;
  private headerFixed = false;

  constructor() {
    super();
    // `mtime: 0` keeps fflate from writing the current time; `mem` is fixed because fflate
    // otherwise derives it from the size of the final slice.
    this.gzip = new Gzip({ level: GZIP_LEVEL, mem: 8, mtime: 0 }, (data) => this.output(data));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      let at = 0;
      // Whole slices straight from the chunk when nothing is staged: no copy.
      while (this.staged === 0 && chunk.length - at >= SLICE) {
        this.gzip.push(chunk.subarray(at, at + SLICE), false);
        at += SLICE;
      }
      while (at < chunk.length) {
        const n = Math.min(SLICE - this.staged, chunk.length - at);
        this.stage.set(chunk.subarray(at, at + n), this.staged);
        this.staged += n;
        at += n;
        if (this.staged === SLICE) {
          // fflate copies the slice into its window before returning, so `stage` is reusable.
          this.gzip.push(this.stage, false);
          this.staged = 0;
        }
      }
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.gzip.push(this.stage.subarray(0, this.staged), true);
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  private output(data: Uint8Array): void {
    if (!this.headerFixed) {
      fixGzipHeader(data);
      this.headerFixed = true;
    }
    // fflate hands out a fresh array per call, so it can be wrapped without a copy.
    this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }
}

/**
 * fflate 0.8.3 writes OS=3 ("assume Unix") and fills MTIME unless told 0. Overwrite the
 * variable bytes with the pinned header, and refuse anything unexpected (a name, flags) so
 * that a changed fflate can never silently change layer digests.
 */
export function fixGzipHeader(first: Uint8Array): void {
  if (first.length < GZIP_HEADER.length) throw new Error('gzip: header missing from first output');
  for (let i = 0; i < 4; i++) {
    if (first[i] !== GZIP_HEADER[i]) {
      throw new Error(
        `gzip: unexpected header byte ${i}: ${first[i]} (expected ${GZIP_HEADER[i]})`,
      );
    }
  }
  first.set(GZIP_HEADER.slice(4), 4);
}
