/** Deflate level for content that compresses; pinned with fflate's exact version. */
export declare const DEFLATE_LEVEL: 6;
/** fflate's hash-table size, fixed. */
export declare const DEFLATE_MEM: number;
/** Bytes of earlier input a chunk may refer back to: the deflate window. */
export declare const DICTIONARY_BYTES: number;
/** Entropy (bits per byte) above which a chunk is stored instead of deflated. */
export declare const STORE_ENTROPY: number;
/** Bytes apart that sampleBytes() samples. */
export declare const ENTROPY_STRIDE: number;
/** Adds every ENTROPY_STRIDE-th byte of `data` to `counts` (256 bins); returns the samples added. */
export declare function sampleBytes(data: Uint8Array, counts: Uint32Array): number;
/** Entropy in bits per byte of a histogram of `samples` bytes (Miller-Madow corrected). */
export declare function histogramEntropy(counts: Uint32Array, samples: number): number;
/** histogramEntropy of the sampled bytes of `data`. */
export declare function entropy(data: Uint8Array): number;
/** Level for content that compresses little, and the entropy from which it is used. */
export declare const FAST_LEVEL: number;
export declare const FAST_ENTROPY: number;
/** 0 (stored), FAST_LEVEL or DEFLATE_LEVEL for bytes of `bits` entropy per byte. */
export declare function levelFor(bits: number): number;
/** Stored deflate blocks holding `data`, byte aligned, the last one final when `final`. */
export declare function storedBlocks(data: Uint8Array, final: boolean): Uint8Array;
/** Bytes of stored-block headers a chunk of `length` bytes needs. */
export declare function storedOverhead(length: number): number;
/** storedBlocks of buffer.subarray(0, length), built in place (buffer has storedOverhead spare). */
export declare function storeInPlace(
  buffer: Uint8Array,
  length: number,
  final: boolean,
): Uint8Array;
/** Raw deflate of a chunk at the level levelFor gave; a non-final one ends byte aligned. */
export declare function compressChunk(
  data: Uint8Array,
  dictionary: Uint8Array | undefined,
  final: boolean,
  level: number,
): Uint8Array;
