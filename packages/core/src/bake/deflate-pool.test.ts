import { describe, expect, it } from '@jest/globals';
import { textBytes } from '../../../../bench/fixtures.js';
import { compressChunk, DEFLATE_LEVEL } from './deflate-chunk.mjs';
import { DeflatePool } from './deflate-pool.js';

const CHUNK = 256 * 1024;

/** Distinct chunks of text, each with its own expected output from this thread. */
function chunks(n: number): Array<{ data: Uint8Array; expected: Buffer }> {
  return Array.from({ length: n }, (_, i) => {
    const data = new Uint8Array(textBytes(CHUNK, 100 + i));
    return { data, expected: Buffer.from(compressChunk(data, undefined, false, DEFLATE_LEVEL)) };
  });
}

/** Waits until the pool has a loaded worker, so chunks go to workers rather than stay here. */
async function loaded(pool: DeflatePool): Promise<void> {
  pool.warm();
  const slots = (pool as unknown as { slots: Array<{ ready: boolean }> }).slots;
  while (!slots.some((s) => s.ready)) await new Promise((r) => setTimeout(r, 10));
}

describe('DeflatePool', () => {
  it('gives every chunk its own output, with two chunks posted to each worker at once', async () => {
    const pool = new DeflatePool(2);
    await loaded(pool);
    const all = chunks(12);
    // Copies go to the pool: the input buffers travel to the workers.
    const results = await Promise.all(
      all.map(({ data }) => pool.deflate(Uint8Array.from(data), undefined, false, DEFLATE_LEVEL)),
    );
    results.forEach((r, i) => {
      expect(Buffer.from(r.out)).toEqual(all[i]?.expected);
      expect(Buffer.from(r.data)).toEqual(Buffer.from(all[i]?.data as Uint8Array));
    });
    // Some went to workers (numbered), some stayed here once both workers had two posted.
    expect(results.some((r) => r.worker !== undefined)).toBe(true);
    expect(results.some((r) => r.worker === undefined)).toBe(true);
  }, 60_000);

  it('fails the chunks a worker held when it dies, and compresses later ones', async () => {
    const pool = new DeflatePool(1);
    await loaded(pool);
    type Chunk = { data: Uint8Array; expected: Buffer };
    const [a, b, c] = chunks(3) as [Chunk, Chunk, Chunk];
    const first = pool.deflate(Uint8Array.from(a.data), undefined, false, DEFLATE_LEVEL);
    const second = pool.deflate(Uint8Array.from(b.data), undefined, false, DEFLATE_LEVEL);
    const slots = (
      pool as unknown as { slots: Array<{ worker: { terminate(): Promise<number> } }> }
    ).slots;
    await slots[0]?.worker.terminate();
    await expect(first).rejects.toThrow(/compression worker failed/);
    await expect(second).rejects.toThrow(/compression worker failed/);
    const later = await pool.deflate(Uint8Array.from(c.data), undefined, false, DEFLATE_LEVEL);
    expect(Buffer.from(later.out)).toEqual(c.expected);
  }, 60_000);
});
