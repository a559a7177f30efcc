// One chunk of a layer's deflate stream, compressed on its own so chunks can be compressed in
// parallel (worker threads) and still give the same bytes as one thread: a chunk's output
// depends only on its own bytes and the 32 KiB before it, never on timing or the pool size.
//
// Plain JavaScript on purpose: it is also the entry of the compression worker, which Node runs
// without a TypeScript loader. Types are in deflate-chunk.d.mts.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { inflateRawSync } from 'node:zlib';
import { Deflate } from 'fflate';

/** Deflate level for content that compresses; pinned with fflate's exact version. */
export const DEFLATE_LEVEL = 6;

/**
 * Deflate level for content that compresses little (machine code, media): entropy at or above
 * FAST_ENTROPY bits per byte. There level 4 writes output within 1% of level 6's (busybox 0.4%,
 * node 0.9% larger) in about two thirds of the time; text (4 to 5.5 bits) keeps level 6.
 */
export const FAST_LEVEL = 4;
export const FAST_ENTROPY = 6;

/**
 * fflate's hash-table size (a 2^(12 + mem) entry table per chunk). Fixed, because fflate
 * otherwise derives it from the input length. 4 (a 64 Ki-entry hash, zlib's default is 32 Ki)
 * compresses text as small and as fast as larger tables, and each chunk allocates 128 KiB for it
 * instead of 2 MiB: workers collect less garbage, so their memory stays low.
 */
export const DEFLATE_MEM = 4;

/** Bytes of earlier input a chunk may refer back to: the deflate window. */
export const DICTIONARY_BYTES = 32 * 1024;

/**
 * Order-0 entropy (bits per byte) above which a chunk is stored instead of deflated. Random
 * and already-compressed data (images, archives) measure above 7.99 and deflate cannot shrink
 * it; fflate would spend most of a layer's time failing to. The choice is made from the bytes.
 */
export const STORE_ENTROPY = 7.99;

const STORED_BLOCK = 65535;

/** An empty final stored block: what a byte-aligned deflate run can be closed with. */
const FINAL_EMPTY = Uint8Array.of(1, 0, 0, 0xff, 0xff);

/**
 * The empty stored block that ends a non-final chunk byte aligned (a sync flush), written after
 * fflate's plain flush. fflate 0.8.3's own sync flush places that block from its packed bit
 * state (bit offset | pending byte << 3) as if it were a bit offset, and forgets the block's
 * 3-bit header: about one chunk in five of text came out unreadable. `state` is that packed
 * state (`Deflate.s.r`, internal to the exact fflate version this file is pinned with).
 */
function syncFlushTail(state) {
  const bit = state & 7;
  const pending = state >> 3;
  // The header's 3 zero bits follow the pending bits; LEN/NLEN start on the next whole byte.
  if (bit === 0) return Uint8Array.of(0, 0, 0, 0xff, 0xff);
  if (bit <= 5) return Uint8Array.of(pending, 0, 0, 0xff, 0xff);
  return Uint8Array.of(pending, 0, 0, 0, 0xff, 0xff);
}

/**
 * Whether a non-final run (`out`, with FINAL_EMPTY's room at its end) decodes to `data` and ends on a block boundary, byte aligned: the
 * proof that the next chunk's output will be read from the right bit, whatever fflate did.
 * Checked with Node's zlib, so the answer depends only on the bytes, and the output stays the
 * same on any machine.
 */
function endsAligned(out, data, dictionary) {
  const joined = out;
  joined.set(FINAL_EMPTY, out.length - FINAL_EMPTY.length);
  try {
    // One output buffer of the chunk's size: zlib's default 16 KiB pieces, joined after, cost
    // about a third more.
    const opts = { chunkSize: Math.max(64, data.length + 64) };
    if (dictionary && dictionary.length) opts.dictionary = dictionary;
    const back = inflateRawSync(joined, opts);
    return Buffer.from(data.buffer, data.byteOffset, data.length).equals(back);
  } catch {
    return false;
  }
}

/**
 * Bytes apart that sampleBytes() samples. 7 is prime to the periods of binary records (2, 4, 8,
 * 16 bytes: integers, floats, pixels), so every byte position of a record is sampled alike and
 * such data does not look random, at a seventh of the cost of counting every byte.
 */
export const ENTROPY_STRIDE = 7;

/**
 * Adds every ENTROPY_STRIDE-th byte of `data`, from its first, to the 256 `counts`; returns how
 * many it added. Histograms of consecutive segments add up to the histogram of their chunk.
 */
export function sampleBytes(data, counts) {
  const n = data.length;
  const s = ENTROPY_STRIDE;
  let i = 0;
  // Four samples per step: independent increments, about twice as fast as one at a time.
  for (; i + 3 * s < n; i += 4 * s) {
    counts[data[i]]++;
    counts[data[i + s]]++;
    counts[data[i + 2 * s]]++;
    counts[data[i + 3 * s]]++;
  }
  for (; i < n; i += s) counts[data[i]]++;
  return Math.ceil(n / s);
}

/**
 * Shannon entropy in bits per byte of a histogram of `samples` bytes, with the Miller-Madow
 * correction: the plain estimate falls short by about (bins - 1) / (2 N ln 2), which from the
 * 9 Ki samples of a 64 KiB segment puts random bytes at 7.980, below STORE_ENTROPY; corrected
 * they measure 8.000 (one standard deviation 0.002), from a segment as from a whole chunk.
 */
export function histogramEntropy(counts, samples) {
  if (samples === 0) return 0;
  let bits = 0;
  let bins = 0;
  for (let b = 0; b < 256; b++) {
    const c = counts[b];
    if (c) {
      const p = c / samples;
      bits -= p * Math.log2(p);
      bins++;
    }
  }
  return bits + (bins - 1) / (2 * samples * Math.LN2);
}

/** histogramEntropy of `data`'s sampled bytes. */
export function entropy(data) {
  const counts = new Uint32Array(256);
  return histogramEntropy(counts, sampleBytes(data, counts));
}

/**
 * Stored (uncompressed) deflate blocks holding `data`, byte aligned, the last one final when
 * `final` is set. An empty non-final input gives nothing; an empty final one a final empty block.
 */
export function storedBlocks(data, final) {
  const buffer = new Uint8Array(data.length + storedOverhead(data.length));
  buffer.set(data);
  return storeInPlace(buffer, data.length, final);
}

/** Bytes of stored-block headers a chunk of `length` bytes needs (one per 65535 bytes, at least one). */
export function storedOverhead(length) {
  return 5 * Math.max(1, Math.ceil(length / STORED_BLOCK));
}

/**
 * storedBlocks(buffer.subarray(0, length), final) built inside `buffer` itself, which must hold
 * storedOverhead(length) bytes more: the bytes move up to make room for the block headers, so
 * an incompressible chunk costs no new buffer (nor the garbage of one per chunk).
 */
export function storeInPlace(buffer, length, final) {
  if (length === 0 && !final) return buffer.subarray(0, 0);
  const blocks = Math.max(1, Math.ceil(length / STORED_BLOCK));
  // From the last block down: each moves up past the headers before it, never over bytes not
  // yet moved.
  for (let b = blocks - 1; b >= 0; b--) {
    const from = b * STORED_BLOCK;
    const size = Math.min(STORED_BLOCK, length - from);
    const at = from + 5 * b;
    buffer.copyWithin(at + 5, from, from + size);
    const last = final && b === blocks - 1;
    buffer[at] = last ? 1 : 0;
    buffer[at + 1] = size & 0xff;
    buffer[at + 2] = size >> 8;
    buffer[at + 3] = ~size & 0xff;
    buffer[at + 4] = (~size >> 8) & 0xff;
  }
  return buffer.subarray(0, length + blocks * 5);
}

/**
 * How bytes of `bits` entropy per byte are compressed: 0 (stored) for random-looking bytes,
 * FAST_LEVEL for bytes that compress little, else DEFLATE_LEVEL.
 */
export function levelFor(bits) {
  if (bits > STORE_ENTROPY) return 0;
  return bits >= FAST_ENTROPY ? FAST_LEVEL : DEFLATE_LEVEL;
}

/**
 * Raw deflate of one chunk that levelFor said to deflate, at that level, primed with
 * `dictionary` (the 32 KiB before the chunk). A non-final chunk ends with a sync flush (byte
 * aligned, 00 00 FF FF), so the next chunk's deflate can simply follow it.
 */
export function compressChunk(data, dictionary, final, level) {
  const parts = [];
  let size = 0;
  const opts = { level, mem: DEFLATE_MEM };
  if (dictionary && dictionary.length) opts.dictionary = dictionary;
  const deflate = new Deflate(opts, (part) => {
    parts.push(part);
    size += part.length;
  });
  deflate.push(data, Boolean(final));
  if (!final) {
    deflate.flush(false);
    const tail = syncFlushTail(deflate.s.r);
    parts.push(tail);
    size += tail.length;
  }
  // Room for an empty final block after the run: the aligned-decode proof reads it in place.
  const out = new Uint8Array(size + FINAL_EMPTY.length);
  let put = 0;
  for (const p of parts) {
    out.set(p, put);
    put += p.length;
  }
  const run = out.subarray(0, size);
  // Never seen to fail since the tail above; if it did, storing keeps the layer valid.
  return final || endsAligned(out, data, dictionary) ? run : storedBlocks(data, false);
}

// As a worker: one job at a time, a chunk the caller decided to deflate (levelFor); the
// input comes and goes back moved, not copied, so neither side collects a chunk-sized garbage
// buffer per chunk. `ready` tells the pool the file loaded.
if (!isMainThread && workerData && workerData.kilnDeflate && parentPort) {
  const port = parentPort;
  port.on('message', (job) => {
    try {
      const out = compressChunk(job.data, job.dictionary, job.final, job.level);
      const moved = out.buffer === job.data.buffer ? [out.buffer] : [out.buffer, job.data.buffer];
      port.postMessage({ out, data: job.data }, moved);
    } catch (err) {
      port.postMessage({ error: String((err && err.stack) || err), data: job.data }, [
        job.data.buffer,
      ]);
    }
  });
  port.postMessage({ ready: true });
}
