import type { TransformCallback } from 'node:stream';
import { sha256 } from './digest.js';
import { HashStream } from './hash-stream.js';
import type { Descriptor } from './manifest.js';
import { DigestMismatchError } from './registry/errors.js';

/**
 * Passes bytes through while hashing them; fails the stream at its end unless size and
 * digest match the descriptor. Every downloaded byte goes through one of these.
 */
export class VerifyStream extends HashStream {
  constructor(
    private readonly expected: Pick<Descriptor, 'digest' | 'size'>,
    private readonly where: string,
  ) {
    super();
    if (!expected.digest.startsWith('sha256:')) {
      throw new Error(`${where}: only sha256 content can be verified, got ${expected.digest}`);
    }
  }

  override _transform(chunk: Buffer, enc: BufferEncoding, cb: TransformCallback): void {
    // Stop at the first byte too many rather than hashing a stream that never ends.
    if (this.count + chunk.length > this.expected.size) {
      cb(
        new DigestMismatchError(
          `${this.where}: more than the expected ${this.expected.size} bytes for ${this.expected.digest}`,
        ),
      );
      return;
    }
    super._transform(chunk, enc, cb);
  }

  override _flush(cb: TransformCallback): void {
    super._flush((err) => {
      if (err) return cb(err);
      const { digest, size } = this.result();
      if (size !== this.expected.size) {
        return cb(
          new DigestMismatchError(
            `${this.where}: got ${size} of ${this.expected.size} bytes for ${this.expected.digest}`,
          ),
        );
      }
      if (digest !== this.expected.digest) {
        return cb(
          new DigestMismatchError(
            `${this.where}: content digest ${digest} does not match ${this.expected.digest}`,
          ),
        );
      }
      cb();
    });
  }
}

export function verifyBuffer(
  data: Buffer,
  expected: Pick<Descriptor, 'digest' | 'size'>,
  where: string,
): Buffer {
  const actual = sha256(data);
  if (data.length !== expected.size || actual !== expected.digest) {
    throw new DigestMismatchError(
      `${where}: content digest ${actual} (${data.length} bytes) does not match ${expected.digest} (${expected.size} bytes)`,
    );
  }
  return data;
}
