import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { Descriptor } from './manifest.js';
import { DigestMismatchError } from './registry/errors.js';

/**
 * Passes bytes through while hashing them; fails the stream at its end unless size and
 * digest match the descriptor. Every downloaded byte goes through one of these.
 */
export class VerifyStream extends Transform {
  private readonly hash = createHash('sha256');
  private bytes = 0;

  constructor(
    private readonly expected: Pick<Descriptor, 'digest' | 'size'>,
    private readonly where: string,
  ) {
    super();
    if (!expected.digest.startsWith('sha256:')) {
      throw new Error(`${where}: only sha256 content can be verified, got ${expected.digest}`);
    }
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.expected.size) {
      cb(
        new DigestMismatchError(
          `${this.where}: more than the expected ${this.expected.size} bytes for ${this.expected.digest}`,
        ),
      );
      return;
    }
    this.hash.update(chunk);
    cb(null, chunk);
  }

  override _flush(cb: TransformCallback): void {
    if (this.bytes !== this.expected.size) {
      cb(
        new DigestMismatchError(
          `${this.where}: got ${this.bytes} of ${this.expected.size} bytes for ${this.expected.digest}`,
        ),
      );
      return;
    }
    const actual = `sha256:${this.hash.digest('hex')}`;
    if (actual !== this.expected.digest) {
      cb(
        new DigestMismatchError(
          `${this.where}: content digest ${actual} does not match ${this.expected.digest}`,
        ),
      );
      return;
    }
    cb();
  }
}

export function verifyBuffer(
  data: Buffer,
  expected: Pick<Descriptor, 'digest' | 'size'>,
  where: string,
): Buffer {
  const actual = `sha256:${createHash('sha256').update(data).digest('hex')}`;
  if (data.length !== expected.size || actual !== expected.digest) {
    throw new DigestMismatchError(
      `${where}: content digest ${actual} (${data.length} bytes) does not match ${expected.digest} (${expected.size} bytes)`,
    );
  }
  return data;
}
