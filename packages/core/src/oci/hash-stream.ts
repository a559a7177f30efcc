import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { Digest } from './digest.js';

/** Pass-through that computes the sha256 and byte count of what flows through it. */
export class HashStream extends Transform {
  private readonly hash = createHash('sha256');
  protected count = 0;
  private digest: Digest | undefined;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.count += chunk.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.digest = `sha256:${this.hash.digest('hex')}`;
    done();
  }

  /** Digest and size of everything that went through; only once the stream has ended. */
  result(): { digest: Digest; size: number } {
    if (this.digest === undefined) throw new Error('HashStream: result() before the end');
    return { digest: this.digest, size: this.count };
  }
}
