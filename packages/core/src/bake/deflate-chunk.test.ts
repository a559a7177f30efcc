import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { textBytes } from '../../../../bench/fixtures.js';
import {
  DEFLATE_LEVEL,
  compressChunk,
  DICTIONARY_BYTES,
  entropy,
  ENTROPY_STRIDE,
  FAST_LEVEL,
  levelFor,
  sampleBytes,
  storedBlocks,
  storedOverhead,
  storeInPlace,
} from './deflate-chunk.mjs';

const CHUNK = 1024 * 1024;
const text = textBytes;
/** How a whole buffer would be compressed, decided from its bytes. */
const levelOf = (data: Uint8Array): number => levelFor(entropy(data));

describe('deflate-chunk', () => {
  it('ends every non-final chunk of text byte aligned, deflated and never stored', () => {
    // fflate's own sync flush left about one such chunk in five unreadable (then stored).
    for (let seed = 1; seed <= 12; seed++) {
      const all = new Uint8Array(text(CHUNK + DICTIONARY_BYTES, seed));
      const dictionary = all.subarray(0, DICTIONARY_BYTES);
      const data = all.subarray(DICTIONARY_BYTES);
      const out = compressChunk(data, dictionary, false, levelOf(data));
      expect(out.length).toBeLessThan(data.length / 2);
      expect([...out.subarray(-4)]).toEqual([0, 0, 0xff, 0xff]);
      // Closed with an empty final stored block, the run decodes to the chunk.
      const closed = Buffer.concat([out, Uint8Array.of(1, 0, 0, 0xff, 0xff)]);
      expect(inflateRawSync(closed, { dictionary }).equals(data)).toBe(true);
    }
  });

  it('gives the same bytes for the same chunk and dictionary', () => {
    const all = new Uint8Array(text(CHUNK / 4 + DICTIONARY_BYTES, 99));
    const dictionary = all.subarray(0, DICTIONARY_BYTES);
    const data = all.subarray(DICTIONARY_BYTES);
    expect(Buffer.from(compressChunk(data, dictionary, false, levelOf(data)))).toEqual(
      Buffer.from(compressChunk(data, dictionary, false, levelOf(data))),
    );
  });

  it('stores a chunk in its own buffer with the bytes storedBlocks gives', () => {
    for (const length of [0, 1, 65_534, 65_535, 65_536, 3 * 65_535 + 7, CHUNK]) {
      for (const final of [false, true]) {
        const data = new Uint8Array(text(length, length + 1));
        const buffer = new Uint8Array(length + storedOverhead(length));
        buffer.set(data);
        const inPlace = storeInPlace(buffer, length, final);
        expect(inPlace.buffer).toBe(buffer.buffer);
        expect(Buffer.from(inPlace)).toEqual(Buffer.from(storedBlocks(data, final)));
        const closed = final
          ? inPlace
          : Buffer.concat([inPlace, Uint8Array.of(1, 0, 0, 0xff, 0xff)]);
        expect(inflateRawSync(closed).equals(Buffer.from(data))).toBe(true);
      }
    }
  });

  it('chooses how to compress a chunk from its bytes: stored, the fast level or the pinned one', () => {
    // Seeded bytes: sha256 blocks for random data; 96 symbols of them for bytes that, like
    // machine code, compress little (about 6.6 bits per byte).
    const random = Buffer.concat(
      Array.from({ length: CHUNK / 32 }, (_, i) => createHash('sha256').update(String(i)).digest()),
    );
    const narrow = Uint8Array.from(random, (b) => 32 + (b % 96));
    expect(levelOf(random)).toBe(0);
    expect(levelOf(narrow)).toBe(FAST_LEVEL);
    expect(levelOf(text(CHUNK, 5))).toBe(DEFLATE_LEVEL);
    const out = compressChunk(narrow, undefined, true, levelOf(narrow));
    expect(inflateRawSync(out).equals(Buffer.from(narrow))).toBe(true);
  });

  it('samples every ENTROPY_STRIDE-th byte from the first, whatever the length', () => {
    // The sampled positions are part of the output format: they decide what is stored.
    const bytes = new Uint8Array(text(200, 3));
    for (let n = 0; n <= bytes.length; n++) {
      const data = bytes.subarray(0, n);
      const counts = new Uint32Array(256);
      const expected = new Uint32Array(256);
      let samples = 0;
      for (let i = 0; i < n; i += ENTROPY_STRIDE, samples++)
        (expected[data[i] as number] as number)++;
      expect(sampleBytes(data, counts)).toBe(samples);
      expect([...counts]).toEqual([...expected]);
    }
  });
});
