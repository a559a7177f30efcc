import { type BigIntStats, closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { createReadStream, type ReadStream } from 'node:fs';

/**
 * Files up to this size are read in one call and added whole: a tree of thousands of small
 * files (node_modules) is bound by the cost per file, which a read stream multiplies.
 */
export const SMALL_FILE = 256 * 1024;

/** Read size for larger files: fewer, larger pieces through the tar writer and the hashes. */
const READ_PIECE = 1024 * 1024;

/**
 * A layer source, opened as the layer writer reads it. O_NOFOLLOW and a regular file only: the
 * source was checked when the copy was resolved, and a file swapped for a symlink or anything
 * else since then must not pull in bytes from outside the context.
 *
 * Opened, stated, read and closed with synchronous calls: for a small file each takes a few
 * microseconds, against a round trip through libuv's thread pool per call for the promise API,
 * which made a tree of small files cost about 70 µs of this thread per file.
 */
export class SourceFile {
  private fd: number | undefined;
  readonly stat: BigIntStats;

  private constructor(
    readonly source: string,
    fd: number,
  ) {
    this.fd = fd;
    try {
      this.stat = fstatSync(fd, { bigint: true });
    } catch (err) {
      closeSync(fd);
      throw err;
    }
    if (!this.stat.isFile()) {
      this.close();
      throw new Error(`layer source ${source} is no longer a regular file`);
    }
  }

  static open(source: string): SourceFile {
    return new SourceFile(source, openSync(source, constants.O_RDONLY | constants.O_NOFOLLOW));
  }

  get size(): number {
    return Number(this.stat.size);
  }

  /** Exactly `size` bytes from the start, in as few reads as it takes. */
  readWhole(size = this.size): Buffer {
    const body = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const n = readSync(this.descriptor(), body, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    // The same refusal tar-stream makes for a streamed file that shrinks meanwhile.
    if (at !== size) throw new Error(`Size mismatch: ${this.source} shrank while it was read`);
    return body;
  }

  /** The first `size` bytes as a stream of large pieces; the file stays open (close() it). */
  stream(size = this.size): ReadStream {
    return createReadStream('', {
      fd: this.descriptor(),
      start: 0,
      end: size - 1,
      autoClose: false,
      highWaterMark: READ_PIECE,
    });
  }

  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
  }

  private descriptor(): number {
    if (this.fd === undefined) throw new Error(`layer source ${this.source} is closed`);
    return this.fd;
  }
}
