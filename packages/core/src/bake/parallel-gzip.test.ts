import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { entropy, STORE_ENTROPY } from './deflate-chunk.mjs';
import { GZIP_HEADER } from './gzip-stream.js';
import { GZIP_CHUNK, ParallelGzip, SEGMENT } from './parallel-gzip.js';

/** Gzips `data` handed over in pieces of `piece` bytes with `workers` workers. */
async function gzip(data: Buffer, workers: number, piece: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const gz = new ParallelGzip(async (b) => {
    parts.push(Uint8Array.from(b));
  }, workers);
  for (let at = 0; at < data.length; at += piece) await gz.push(data.subarray(at, at + piece));
  await gz.end();
  return Buffer.concat(parts);
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Text that compresses, then random bytes that do not, over several chunks. */
function mixed(): Buffer {
  const words = Array.from({ length: 500 }, (_, i) => `w${(i * 7919) % 1000}`);
  let text = '';
  for (let i = 0; text.length < 2.5 * GZIP_CHUNK; i++) text += `${words[(i * 31) % 500]} `;
  return Buffer.concat([Buffer.from(text), randomBytes(2 * GZIP_CHUNK + 123)]);
}

describe('ParallelGzip', () => {
  it('gives the same bytes for any number of workers and any input pieces', async () => {
    const data = mixed();
    const one = await gzip(data, 0, 65_536);
    for (const [workers, piece] of [
      [1, 1000],
      [2, GZIP_CHUNK],
      [4, 333_333],
    ] as const) {
      expect(sha(await gzip(data, workers, piece))).toBe(sha(one));
    }
    expect(gunzipSync(one).equals(data)).toBe(true);
    // One gzip member, read by the system gzip too.
    expect(execFileSync('gzip', ['-dc'], { input: one, maxBuffer: 64 << 20 }).equals(data)).toBe(
      true,
    );
    expect([...one.subarray(0, 10)]).toEqual([...GZIP_HEADER]);
  }, 60_000);

  it('stores random bytes (chosen from the bytes) and deflates text', async () => {
    const random = randomBytes(GZIP_CHUNK * 2);
    expect(entropy(random)).toBeGreaterThan(STORE_ENTROPY);
    const stored = await gzip(random, 2, 100_000);
    // Two chunks of 17 stored blocks (5 bytes each), the empty final chunk's final block (2),
    // header and trailer (18): deflate would have made it larger.
    expect(stored.length).toBe(random.length + 5 * 34 + 2 + 18);
    expect(gunzipSync(stored).equals(random)).toBe(true);
    const text = Buffer.from('abc def ghi '.repeat(200_000));
    expect(entropy(text)).toBeLessThan(STORE_ENTROPY);
    expect((await gzip(text, 2, 100_000)).length).toBeLessThan(text.length / 50);
  }, 60_000);

  it('ends a chunk where its content turns random or back, at a segment border', async () => {
    // Small text files, then a large random file, then text again, as in a tar of a web root:
    // the random bytes are stored from their first whole segment on, not deflated with the
    // text around them, and the text after them is still deflated.
    const text = Buffer.from('<p>page</p>\n'.repeat(Math.ceil((1.5 * SEGMENT) / 12)));
    const random = randomBytes(3 * GZIP_CHUNK);
    const data = Buffer.concat([text, random, text]);
    const digests = new Set<string>();
    for (const [workers, piece] of [
      [0, 10_000],
      [2, 65_537],
    ] as const) {
      const out = await gzip(data, workers, piece);
      digests.add(sha(out));
      expect(gunzipSync(out).equals(data)).toBe(true);
      const firstWhole = 2 * SEGMENT;
      expect(out.includes(data.subarray(firstWhole, firstWhole + 60_000))).toBe(true);
      expect(out.length).toBeLessThan(random.length + text.length / 4);
    }
    expect(digests.size).toBe(1);
  }, 60_000);

  it('handles empty input and an exact number of chunks', async () => {
    expect(gunzipSync(await gzip(Buffer.alloc(0), 2, 1)).length).toBe(0);
    const exact = Buffer.alloc(2 * GZIP_CHUNK, 7);
    const a = await gzip(exact, 0, GZIP_CHUNK);
    expect(sha(await gzip(exact, 3, 4096))).toBe(sha(a));
    expect(gunzipSync(a).equals(exact)).toBe(true);
  }, 60_000);

  it('decodes content that interleaves text and binary (a sync flush that ends off a byte boundary is stored)', async () => {
    // Every third byte from a fixed pseudo-random stream, the rest text: fflate's sync flush
    // once left such chunks off their bit, and the next chunk then read as garbage.
    const noise = Buffer.concat(
      Array.from({ length: (12 * GZIP_CHUNK) / 32 / 3 + 1 }, (_, i) =>
        createHash('sha256').update(String(i)).digest(),
      ),
    );
    const data = Buffer.alloc(12 * GZIP_CHUNK);
    for (let i = 0; i < data.length; i++)
      data[i] = i % 3 === 0 ? (noise[i / 3] as number) : 65 + (i % 20);
    const one = await gzip(data, 0, GZIP_CHUNK);
    expect(gunzipSync(one).equals(data)).toBe(true);
    expect(sha(await gzip(data, 3, 65536))).toBe(sha(one));
  }, 60_000);
});
