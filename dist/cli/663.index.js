export const id = 663;
export const ids = [663];
export const modules = {

/***/ 37663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  NotReproducibleError: () => (/* reexport */ NotReproducibleError),
  RACY_NS: () => (/* reexport */ RACY_NS),
  bake: () => (/* reexport */ bake),
  bakeImage: () => (/* reexport */ bakeImage),
  bakeSummary: () => (/* reexport */ bakeSummary),
  bakeWithDockerfile: () => (/* reexport */ bakeWithDockerfile),
  hostPlatform: () => (/* reexport */ bake_request/* hostPlatform */.ol),
  normaliseModes: () => (/* reexport */ normaliseModes),
  parseBakeRequest: () => (/* reexport */ bake_request/* parseBakeRequest */.u1),
  parseCommand: () => (/* reexport */ bake_request/* parseCommand */.RM),
  parseCopyLine: () => (/* reexport */ copy_spec/* parseCopyLine */.TU),
  parseLayerGroups: () => (/* reexport */ bake_request/* parseLayerGroups */.X$),
  resolveCopyLayers: () => (/* reexport */ copy_spec/* resolveCopyLayers */.iQ),
  resolveCopySpecs: () => (/* reexport */ copy_spec/* resolveCopySpecs */.yj),
  writeLayer: () => (/* reexport */ writeLayer)
});

// EXTERNAL MODULE: ./packages/core/src/bake/copy-spec.ts + 1 modules
var copy_spec = __webpack_require__(93158);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var src_log = __webpack_require__(88315);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(51306);
;// CONCATENATED MODULE: ./packages/core/src/bake/deflate-chunk.mjs
// One chunk of a layer's deflate stream, compressed on its own so chunks can be compressed in
// parallel (worker threads) and still give the same bytes as one thread: a chunk's output
// depends only on its own bytes and the 32 KiB before it, never on timing or the pool size.
//
// Plain JavaScript on purpose: it is also the entry of the compression worker, which Node runs
// without a TypeScript loader. Types are in deflate-chunk.d.mts.




/** Deflate level for content that compresses; pinned with fflate's exact version. */
const DEFLATE_LEVEL = 6;

/**
 * Deflate level for content that compresses little (machine code, media): entropy at or above
 * FAST_ENTROPY bits per byte. There level 4 writes output within 1% of level 6's (busybox 0.4%,
 * node 0.9% larger) in about two thirds of the time; text (4 to 5.5 bits) keeps level 6.
 */
const FAST_LEVEL = 4;
const FAST_ENTROPY = 6;

/**
 * fflate's hash-table size (a 2^(12 + mem) entry table per chunk). Fixed, because fflate
 * otherwise derives it from the input length. 4 (a 64 Ki-entry hash, zlib's default is 32 Ki)
 * compresses text as small and as fast as larger tables, and each chunk allocates 128 KiB for it
 * instead of 2 MiB: workers collect less garbage, so their memory stays low.
 */
const DEFLATE_MEM = 4;

/** Bytes of earlier input a chunk may refer back to: the deflate window. */
const DICTIONARY_BYTES = 32 * 1024;

/**
 * Order-0 entropy (bits per byte) above which a chunk is stored instead of deflated. Random
 * and already-compressed data (images, archives) measure above 7.99 and deflate cannot shrink
 * it; fflate would spend most of a layer's time failing to. The choice is made from the bytes.
 */
const STORE_ENTROPY = 7.99;

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
    const back = (0,external_node_zlib_.inflateRawSync)(joined, opts);
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
const ENTROPY_STRIDE = 7;

/**
 * Adds every ENTROPY_STRIDE-th byte of `data`, from its first, to the 256 `counts`; returns how
 * many it added. Histograms of consecutive segments add up to the histogram of their chunk.
 */
function sampleBytes(data, counts) {
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
function histogramEntropy(counts, samples) {
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
function entropy(data) {
  const counts = new Uint32Array(256);
  return histogramEntropy(counts, sampleBytes(data, counts));
}

/**
 * Stored (uncompressed) deflate blocks holding `data`, byte aligned, the last one final when
 * `final` is set. An empty non-final input gives nothing; an empty final one a final empty block.
 */
function storedBlocks(data, final) {
  const buffer = new Uint8Array(data.length + storedOverhead(data.length));
  buffer.set(data);
  return storeInPlace(buffer, data.length, final);
}

/** Bytes of stored-block headers a chunk of `length` bytes needs (one per 65535 bytes, at least one). */
function storedOverhead(length) {
  return 5 * Math.max(1, Math.ceil(length / STORED_BLOCK));
}

/**
 * storedBlocks(buffer.subarray(0, length), final) built inside `buffer` itself, which must hold
 * storedOverhead(length) bytes more: the bytes move up to make room for the block headers, so
 * an incompressible chunk costs no new buffer (nor the garbage of one per chunk).
 */
function storeInPlace(buffer, length, final) {
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
function levelFor(bits) {
  if (bits > STORE_ENTROPY) return 0;
  return bits >= FAST_ENTROPY ? FAST_LEVEL : DEFLATE_LEVEL;
}

/**
 * Raw deflate of one chunk that levelFor said to deflate, at that level, primed with
 * `dictionary` (the 32 KiB before the chunk). A non-final chunk ends with a sync flush (byte
 * aligned, 00 00 FF FF), so the next chunk's deflate can simply follow it.
 */
function compressChunk(data, dictionary, final, level) {
  const parts = [];
  let size = 0;
  const opts = { level, mem: DEFLATE_MEM };
  if (dictionary && dictionary.length) opts.dictionary = dictionary;
  const deflate = new esm/* Deflate */.Gy(opts, (part) => {
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
if (!external_node_worker_threads_.isMainThread && external_node_worker_threads_.workerData && external_node_worker_threads_.workerData.kilnDeflate && external_node_worker_threads_.parentPort) {
  const port = external_node_worker_threads_.parentPort;
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

;// CONCATENATED MODULE: ./packages/core/src/bake/deflate-pool.ts





/** The most compression workers a bake starts, whatever the machine reports. */
const MAX_COMPRESSION_WORKERS = 16;
/**
 * Workers to compress with: `KILN_COMPRESS_WORKERS` (0 = on the calling thread only), else one
 * per core but one: the calling thread compresses too whenever every worker has its next chunk
 * (DeflatePool.deflate), and each worker costs about 40 MiB.
 */
function defaultCompressionWorkers(env = process.env) {
    const asked = env.KILN_COMPRESS_WORKERS?.trim();
    if (asked && /^\d+$/.test(asked))
        return Math.min(Number(asked), MAX_COMPRESSION_WORKERS);
    return Math.max(1, Math.min((0,external_node_os_.availableParallelism)() - 1, MAX_COMPRESSION_WORKERS));
}
/** Young-generation size of a compression worker. */
const WORKER_YOUNG_MIB = 4;
/**
 * Chunks posted to a worker at once: the one it compresses and the next. The worker starts the
 * next as soon as it ends one, without waiting for this thread's event loop, which may be busy
 * compressing a chunk of its own for a hundred milliseconds.
 */
const POSTED_PER_WORKER = 2;
/**
 * A fixed set of worker threads running compressChunk (started one at a time, on demand). Which
 * worker compresses a chunk does not matter (the output depends on the chunk alone), so jobs go to whichever is idle. Workers are
 * unreferenced while idle, so a pool left alive never keeps the process from exiting.
 */
class DeflatePool {
    size;
    slots = [];
    queue = [];
    /** Set when a worker could not start (e.g. a bundle without the worker file): compress here. */
    broken = false;
    started = 0;
    constructor(size) {
        this.size = size;
    }
    /** Whether every loaded worker has its next chunk posted behind the one it compresses. */
    saturated() {
        const ready = this.slots.filter((s) => s.ready);
        return (ready.length > 0 &&
            this.queue.length === 0 &&
            ready.every((s) => s.jobs.length >= POSTED_PER_WORKER));
    }
    /** Starts the first worker ahead of the first chunk: loading it takes 0.1 to 0.3 s. */
    warm() {
        // Nothing waits on it yet (chunks compress here until a worker is ready): its loading must
        // not keep alive a process that ends up needing no worker (a bake of cached layers).
        if (!this.broken && this.slots.length === 0 && this.size > 0)
            this.start().worker.unref();
    }
    /**
     * compressChunk of one chunk, on a worker; on this thread while no worker has loaded yet (the
     * first chunks of a process do not wait for one), when every worker already has its next
     * chunk posted (this thread is one more compressor), for a last chunk when no worker is free,
     * or if workers cannot run.
     */
    deflate(data, dictionary, final, level) {
        if (!this.broken && this.slots.length === 0)
            this.start();
        // A layer's last chunk is what its caller waits for: queued behind a busy worker it would
        // keep this thread waiting, so it is compressed here unless a worker is free.
        const last = final && !this.slots.some((s) => s.ready && s.jobs.length === 0);
        if (this.broken || !this.slots.some((s) => s.ready) || this.saturated() || last) {
            try {
                return Promise.resolve({ out: compressChunk(data, dictionary, final, level), data });
            }
            catch (err) {
                return Promise.reject(err);
            }
        }
        return new Promise((resolve, reject) => {
            this.queue.push({
                data,
                dictionary,
                final,
                level,
                resolve: (out, back, worker) => resolve({ out, data: back, worker }),
                reject,
            });
            this.pump();
        });
    }
    pump() {
        while (this.queue.length) {
            // An idle worker first, else one with room for its next chunk; a new worker only when
            // none is idle or loading.
            const ready = this.slots.filter((s) => s.ready);
            const idle = ready.find((s) => s.jobs.length === 0);
            const starting = this.slots.some((s) => !s.ready);
            if (!idle && !starting && this.slots.length < this.size)
                this.start();
            const slot = idle ?? ready.find((s) => s.jobs.length < POSTED_PER_WORKER);
            if (!slot)
                return;
            const job = this.queue.shift();
            slot.jobs.push(job);
            slot.worker.ref();
            // Moved, not copied; a worker that has said `ready` has loaded, so a chunk it dies with is
            // an error, while one that fails to load never received any.
            const { data, dictionary, final, level } = job;
            slot.worker.postMessage({ data, dictionary, final, level }, [job.data.buffer]);
        }
    }
    start() {
        const worker = new external_node_worker_threads_.Worker(__webpack_require__.ab + "deflate-chunk.mjs", {
            workerData: { kilnDeflate: true },
            // fflate allocates its buffers per chunk; a small young generation collects them after a
            // few chunks instead of letting each worker hold tens of MiB of dead buffers.
            resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MIB },
        });
        const slot = { worker, id: ++this.started, ready: false, jobs: [] };
        // Referenced while it starts or works, so the process waits for it; idle, it is not.
        worker.on('message', (msg) => {
            if (msg.ready) {
                slot.ready = true;
                worker.unref();
                this.pump();
                return;
            }
            const job = slot.jobs.shift();
            if (slot.jobs.length === 0)
                worker.unref();
            if (job) {
                if (msg.out && msg.data)
                    job.resolve(msg.out, msg.data, slot.id);
                else
                    job.reject(new Error(`compression worker: ${msg.error ?? 'no output'}`));
            }
            this.pump();
        });
        worker.on('error', (err) => this.lost(slot, err));
        worker.on('exit', (code) => this.lost(slot, new Error(`compression worker exited (${code})`)));
        this.slots.push(slot);
        return slot;
    }
    /**
     * A worker that fails (most often: its file cannot be loaded) is dropped and its chunk
     * compressed here; the bytes are the same, only slower.
     */
    lost(slot, err) {
        const at = this.slots.indexOf(slot);
        if (at < 0)
            return;
        this.slots.splice(at, 1);
        // Its chunks went to the worker and are gone with it.
        for (const job of slot.jobs.splice(0))
            job.reject(new Error(`compression worker failed: ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err }));
        if (slot.ready) {
            this.pump();
            return;
        }
        if (!this.broken)
            (0,src_log/* debug */.Yz)(`compression workers unavailable, compressing in-thread: ${(0,errors/* errorMessage */.gJ)(err)}`);
        this.broken = true;
        for (const job of this.queue.splice(0)) {
            try {
                job.resolve(compressChunk(job.data, job.dictionary, job.final, job.level), job.data);
            }
            catch (e) {
                job.reject(e);
            }
        }
    }
}
const pools = new Map();
/** Starts loading a compression worker now, so the first compressed chunk finds it ready. */
function warmDeflatePool(size = defaultCompressionWorkers()) {
    if (size > 0)
        deflatePool(size).warm();
}
/** The process's pool of `size` workers, started on first use and kept for later layers. */
function deflatePool(size) {
    let pool = pools.get(size);
    if (!pool) {
        pool = new DeflatePool(size);
        pools.set(size, pool);
    }
    return pool;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./packages/core/src/bake/gzip-stream.ts


/**
 * Deterministic gzip. Node's zlib output differs by platform (header OS byte) and by zlib
 * version, so layers are compressed with fflate, pinned to an exact version in package.json:
 * the same tar bytes give the same gzip bytes on every runner, which keeps the layer digest
 * (and so the image digest) reproducible.
 */
const GZIP_LEVEL = 6;
/**
 * The only header this writer emits: magic, CM=deflate, FLG=0 (no name, comment or extra),
 * MTIME=0, XFL=0 (RFC 1952: 2 is for level 9, 4 for the fastest levels; 6 is neither),
 * OS=255 "unknown" whatever the build platform is.
 */
const GZIP_HEADER = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff];
/**
 * fflate's streaming deflate decides where blocks end from how much input it holds when
 * `push` is called, so its output depends on the chunking of the input. Stream chunk sizes
 * vary from run to run (file reads, tar headers, buffered reads), so input is re-cut into
 * fixed slices before it reaches fflate. 64 KiB fits fflate's own 96 KiB window buffer,
 * which then never grows.
 */
const SLICE = 64 * 1024;
class DeterministicGzip extends external_node_stream_.Transform {
    gzip;
    stage = new Uint8Array(SLICE);
    staged = 0;
    headerFixed = false;
    constructor() {
        super();
        // `mtime: 0` keeps fflate from writing the current time; `mem` is fixed because fflate
        // otherwise derives it from the size of the final slice.
        this.gzip = new esm/* Gzip */.Ne({ level: GZIP_LEVEL, mem: 8, mtime: 0 }, (data) => this.output(data));
    }
    _transform(chunk, _enc, done) {
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
        }
        catch (err) {
            done(err);
        }
    }
    _flush(done) {
        try {
            this.gzip.push(this.stage.subarray(0, this.staged), true);
            done();
        }
        catch (err) {
            done(err);
        }
    }
    output(data) {
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
function fixGzipHeader(first) {
    if (first.length < GZIP_HEADER.length)
        throw new Error('gzip: header missing from first output');
    for (let i = 0; i < 4; i++) {
        if (first[i] !== GZIP_HEADER[i]) {
            throw new Error(`gzip: unexpected header byte ${i}: ${first[i]} (expected ${GZIP_HEADER[i]})`);
        }
    }
    first.set(GZIP_HEADER.slice(4), 4);
}

;// CONCATENATED MODULE: ./packages/core/src/bake/parallel-gzip.ts





/**
 * Bytes of input per independently compressed chunk. Part of the output format: changing it
 * changes every layer digest (and so the layer writer's version).
 */
const GZIP_CHUNK = 1024 * 1024;
/**
 * Bytes whose randomness is judged at a time. A chunk ends early, at a segment's start, where
 * the content turns from random-looking (stored) to compressible or back: a chunk holding small
 * files and the start of a large random one is not deflated whole for nothing. Part of the
 * output format too; GZIP_CHUNK is a multiple of it.
 */
const SEGMENT = 64 * 1024;
/** CRC-32 of the gzip trailer; Node's own where it has one (20.15+), the same numbers anyway. */
const crc32 = typeof external_node_zlib_.crc32 === 'function'
    ? external_node_zlib_.crc32
    : crc32Table;
let table;
function crc32Table(data, value) {
    if (!table) {
        table = new Uint32Array(256);
        for (let n = 0; n < 256; n++) {
            let c = n;
            for (let k = 0; k < 8; k++)
                c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            table[n] = c >>> 0;
        }
    }
    let c = ~value;
    for (let i = 0; i < data.length; i++)
        c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
    return ~c >>> 0;
}
/**
 * Input buffers back from compression, reused by later chunks and later layers of the process:
 * no chunk-sized garbage per chunk, none zeroed per layer. Bounded, so memory stays bounded.
 */
const spareChunks = [];
const MAX_SPARE_CHUNKS = 4;
/** A chunk buffer: the chunk, and room for its stored-block headers (storeInPlace). */
const STAGE_BYTES = GZIP_CHUNK + storedOverhead(GZIP_CHUNK);
function recycle(buffer) {
    if (buffer.byteLength === STAGE_BYTES && spareChunks.length < MAX_SPARE_CHUNKS)
        spareChunks.push(new Uint8Array(buffer));
}
/**
 * A single gzip member written from chunks of the input (GZIP_CHUNK at most), compressed in
 * parallel: each chunk is its own deflate run primed with the 32 KiB before it and ending byte
 * aligned (see deflate-chunk.mjs), so the chunks' outputs concatenate into one valid deflate
 * stream. Chunk borders depend only on the bytes (a full chunk, or a change between
 * random-looking and compressible segments), so the output is the same for any number of
 * workers, any scheduling and any way the input arrives. At most a few chunks per compressing
 * thread are in flight: memory stays bounded whatever the layer size.
 */
class ParallelGzip {
    write;
    workers;
    stage;
    staged = 0;
    /** Histogram of the staged chunk's sampled bytes (its full segments), and their count. */
    counts = new Uint32Array(256);
    samples = 0;
    /** Whether the staged chunk's full segments look random; undefined before the first. */
    random;
    /** Histogram of the segment just filled. */
    segmentCounts = new Uint32Array(256);
    dictionary;
    crc = 0;
    length = 0;
    /** Compressed chunks in input order, not yet written. */
    inFlight = [];
    maxInFlight;
    /** The write in progress, if any. */
    writing = Promise.resolve();
    started = false;
    chunks = 0;
    /** Worker threads that compressed a chunk of this member (0 for this thread). */
    usedWorkers = new Set();
    /**
     * `write` receives the gzip bytes in order, one call at a time. `workers` 0 compresses on
     * this thread.
     */
    constructor(write, workers) {
        this.write = write;
        this.workers = workers;
        // Two per compressor (the workers and this thread): each has its next chunk at hand.
        this.maxInFlight = (workers + 1) * 2;
        this.stage = this.nextStage();
    }
    nextStage() {
        return spareChunks.pop() ?? new Uint8Array(STAGE_BYTES);
    }
    /**
     * Starts writing the oldest compressed chunk once the previous write has ended, and keeps its
     * input buffer for a later chunk. The write goes on while the next chunks are read and
     * compressed; at most one is in progress, so the output stays in order and bounded.
     */
    async writeOldest() {
        const { out, data, worker } = await this.inFlight.shift();
        this.usedWorkers.add(worker ?? 0);
        await this.writing;
        // A stored chunk's output is its input buffer: reused once written, the others at once.
        const inPlace = out.buffer === data.buffer;
        if (!inPlace)
            recycle(data.buffer);
        this.writing = this.write(out).then(() => {
            if (inPlace)
                recycle(data.buffer);
        });
        // Awaited before the next write or at the end; a failure must not go unheard meanwhile.
        this.writing.catch(() => { });
    }
    /** Takes the next input bytes; resolves once there is room for more. */
    async push(data) {
        this.crc = crc32(data, this.crc);
        this.length += data.length;
        let at = 0;
        while (at < data.length) {
            const n = Math.min(SEGMENT - (this.staged % SEGMENT), data.length - at);
            this.stage.set(data.subarray(at, at + n), this.staged);
            this.staged += n;
            at += n;
            if (this.staged % SEGMENT === 0)
                await this.segmentFilled();
        }
    }
    /**
     * Judges the segment just filled; one that looks random after compressible ones (or the
     * reverse) starts the next chunk, the staged ones before it are dispatched.
     */
    async segmentFilled() {
        const start = this.staged - SEGMENT;
        const segment = this.stage.subarray(start, this.staged);
        const counts = this.segmentCounts;
        counts.fill(0);
        const samples = sampleBytes(segment, counts);
        const random = levelFor(histogramEntropy(counts, samples)) === 0;
        if (this.random !== undefined && random !== this.random) {
            // Copied out first: storing the chunk in place moves bytes over the segment.
            const next = this.nextStage();
            next.set(segment);
            this.staged = start;
            await this.dispatch(false, next);
            this.staged = SEGMENT;
        }
        else if (this.staged === GZIP_CHUNK) {
            this.add(counts, samples);
            await this.dispatch(false);
            return;
        }
        this.add(counts, samples);
        this.random = random;
    }
    add(counts, samples) {
        for (let b = 0; b < 256; b++)
            this.counts[b] += counts[b];
        this.samples += samples;
    }
    /** Compresses what is left, writes the trailer and resolves when every byte is written. */
    async end() {
        // The last, partial segment is judged with its chunk.
        const tail = this.staged - (this.staged % SEGMENT);
        this.samples += sampleBytes(this.stage.subarray(tail, this.staged), this.counts);
        await this.dispatch(true);
        while (this.inFlight.length)
            await this.writeOldest();
        await this.writing;
        const trailer = new Uint8Array(8);
        const view = new DataView(trailer.buffer);
        view.setUint32(0, this.crc >>> 0, true);
        view.setUint32(4, this.length % 2 ** 32, true); // ISIZE is the length modulo 2^32
        await this.write(trailer);
        const threads = [...this.usedWorkers].filter((w) => w !== 0).length;
        // Says whether the workers loaded (a bundle without a loadable worker file compresses here).
        (0,src_log/* debug */.Yz)(`gzip: ${this.length} bytes in ${this.chunks} chunks, ${threads} of ${this.workers} compression workers used${this.usedWorkers.has(0) ? ', some chunks on the calling thread' : ''}`);
    }
    /** Compresses the staged chunk; the next one is staged in `next` (a fresh buffer if none). */
    async dispatch(final, next) {
        if (!this.started) {
            this.started = true;
            await this.write(Uint8Array.from(GZIP_HEADER));
        }
        const data = this.stage.subarray(0, this.staged);
        const dictionary = this.dictionary;
        this.dictionary = data.slice(Math.max(0, data.length - DICTIONARY_BYTES));
        // Incompressible chunks are stored here, in their own buffer: that costs less than a trip to a
        // worker, which stays free for chunks that deflate. A layer of one chunk (most small
        // layers) never waits for a worker either. The pool decides about the others.
        const level = levelFor(histogramEntropy(this.counts, this.samples));
        this.counts.fill(0);
        this.samples = 0;
        this.random = undefined;
        const stored = level === 0;
        const inline = stored || this.workers === 0 || (final && this.inFlight.length === 0 && !dictionary);
        const out = inline
            ? Promise.resolve({
                out: stored
                    ? storeInPlace(this.stage, this.staged, final)
                    : compressChunk(data, dictionary, final, level),
                data,
            })
            : deflatePool(this.workers).deflate(data, dictionary, final, level);
        // Awaited in order below; a failure while an earlier chunk is awaited must not go unheard.
        out.catch(() => { });
        this.inFlight.push(out);
        this.chunks++;
        if (!final)
            this.stage = next ?? this.nextStage();
        this.staged = 0;
        while (this.inFlight.length >= this.maxInFlight)
            await this.writeOldest();
    }
}

// EXTERNAL MODULE: ./packages/core/src/bake/layer-entry.ts
var layer_entry = __webpack_require__(78643);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./packages/core/src/bake/source-file.ts


/**
 * Files up to this size are read in one call and added whole: a tree of thousands of small
 * files (node_modules) is bound by the cost per file, which a read stream multiplies.
 */
const SMALL_FILE = 256 * 1024;
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
class SourceFile {
    source;
    fd;
    stat;
    constructor(source, fd) {
        this.source = source;
        this.fd = fd;
        try {
            this.stat = (0,external_node_fs_.fstatSync)(fd, { bigint: true });
        }
        catch (err) {
            (0,external_node_fs_.closeSync)(fd);
            throw err;
        }
        if (!this.stat.isFile()) {
            this.close();
            throw new Error(`layer source ${source} is no longer a regular file`);
        }
    }
    static open(source) {
        return new SourceFile(source, (0,external_node_fs_.openSync)(source, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW));
    }
    get size() {
        return Number(this.stat.size);
    }
    /** Exactly `size` bytes from the start, in as few reads as it takes. */
    readWhole(size = this.size) {
        const body = Buffer.allocUnsafe(size);
        let at = 0;
        while (at < size) {
            const n = (0,external_node_fs_.readSync)(this.descriptor(), body, at, size - at, at);
            if (n === 0)
                break;
            at += n;
        }
        // The same refusal tar-stream makes for a streamed file that shrinks meanwhile.
        if (at !== size)
            throw new Error(`Size mismatch: ${this.source} shrank while it was read`);
        return body;
    }
    /** The first `size` bytes as a stream of large pieces; the file stays open (close() it). */
    stream(size = this.size) {
        return (0,external_node_fs_.createReadStream)('', {
            fd: this.descriptor(),
            start: 0,
            end: size - 1,
            autoClose: false,
            highWaterMark: READ_PIECE,
        });
    }
    close() {
        if (this.fd === undefined)
            return;
        const fd = this.fd;
        this.fd = undefined;
        (0,external_node_fs_.closeSync)(fd);
    }
    descriptor() {
        if (this.fd === undefined)
            throw new Error(`layer source ${this.source} is closed`);
        return this.fd;
    }
}

// EXTERNAL MODULE: ./packages/core/src/util/drained.ts
var drained = __webpack_require__(3501);
;// CONCATENATED MODULE: ./packages/core/src/bake/layer-writer.ts










/**
 * tar-stream writes mtime as a 32-bit signed number of seconds and ids as 6 octal digits;
 * larger values would be silently mangled, so they are refused.
 */
const MAX_EPOCH = 2 ** 31 - 1;
const MAX_ID = 0o777777;
/**
 * tar-stream replaces a falsy mode with its 0644/0755 default; giving it the full st_mode
 * (type bits included, masked off again in the header) keeps a real mode 0 as 0.
 */
const TYPE_BITS = {
    file: 0o100000,
    dir: 0o040000,
    symlink: 0o120000,
};
/**
 * Writes `entries` as a reproducible gzip-compressed tar layer to `outFile`: sorted bytewise,
 * uid/gid 0 unless given, empty user/group names, one fixed mtime, no atime/ctime, pinned
 * gzip compressed in parallel chunks (parallel-gzip.ts). File contents are streamed with
 * backpressure, so memory stays bounded whatever the file sizes. The layer appears under `outFile` only once complete (temp file + rename).
 * `contents` holds files already read (by source path; the layer key read them), not read again.
 */
async function writeLayer(entries, opts, outFile, contents) {
    const sorted = (0,layer_entry/* sortEntries */.R3)(entries);
    checkEntries(sorted);
    const base = baseHeader(opts);
    const tmp = (0,external_node_path_.join)((0,external_node_path_.dirname)(outFile), `.${(0,external_node_path_.basename)(outFile)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    const pack = (0,tar_stream.pack)();
    const tarHash = (0,external_node_crypto_.createHash)('sha256');
    const gzHash = (0,external_node_crypto_.createHash)('sha256');
    let tarSize = 0;
    let gzSize = 0;
    try {
        const out = await (0,promises_.open)(tmp, 'wx');
        try {
            const gzip = new ParallelGzip(async (bytes) => {
                gzHash.update(bytes);
                gzSize += bytes.length;
                await writeAll(out, bytes);
            }, opts.workers ?? defaultCompressionWorkers());
            // tar-stream's streams are streamx streams, not Node streams; reading the pack through
            // its async iterator gives backpressure: the next tar bytes are asked for only once the
            // compressor has room.
            const written = (async () => {
                for await (const chunk of pack) {
                    tarHash.update(chunk);
                    tarSize += chunk.length;
                    await gzip.push(chunk);
                }
                await gzip.end();
            })();
            const produced = addEntries(pack, sorted, base, contents).catch((err) => {
                pack.destroy(err);
                throw err;
            });
            // Both are awaited so neither can reject unobserved. A producer failure destroys the
            // pack with its error, which the writer then reports; a write failure (disk full) makes
            // the producer fail only as a consequence. So the writer's error is the cause when both fail.
            const [prod, pipe] = await Promise.allSettled([produced, written]);
            if (pipe.status === 'rejected')
                throw pipe.reason;
            if (prod.status === 'rejected')
                throw prod.reason;
        }
        finally {
            await out.close();
        }
        await (0,promises_.rename)(tmp, outFile);
    }
    catch (err) {
        pack.destroy();
        await (0,promises_.rm)(tmp, { force: true });
        throw err;
    }
    return {
        digest: `sha256:${gzHash.digest('hex')}`,
        diffId: `sha256:${tarHash.digest('hex')}`,
        size: gzSize,
        uncompressedSize: tarSize,
    };
}
/** FileHandle.write may write less than asked; a layer must never lose bytes. */
async function writeAll(out, bytes) {
    let at = 0;
    while (at < bytes.length) {
        const { bytesWritten } = await out.write(bytes, at, bytes.length - at);
        at += bytesWritten;
    }
}
function baseHeader(opts) {
    const epoch = opts.sourceDateEpoch;
    if (!Number.isInteger(epoch) || epoch < 0 || epoch > MAX_EPOCH) {
        throw (0,errors/* invalidInput */.aY)('source-date-epoch', String(epoch), `must be a whole number of seconds between 0 and ${MAX_EPOCH}`);
    }
    const id = (name, v) => {
        const n = v ?? 0;
        if (!Number.isInteger(n) || n < 0 || n > MAX_ID) {
            throw new RangeError(`layer ${name} ${n} must be an integer between 0 and ${MAX_ID}`);
        }
        return n;
    };
    return {
        uid: id('uid', opts.uid),
        gid: id('gid', opts.gid),
        uname: '',
        gname: '',
        devmajor: 0,
        devminor: 0,
        mtime: new Date(epoch * 1000),
    };
}
/** Entries come from code, not users: a bad one is a bug, reported before any byte is written. */
function checkEntries(sorted) {
    let previous;
    for (const e of sorted) {
        const parts = e.path.split('/');
        if (e.path.includes('\0') || parts.some((p) => p === '' || p === '.' || p === '..')) {
            throw new Error(`layer entry path ${JSON.stringify(e.path)} is not a clean relative path`);
        }
        if (e.path === previous)
            throw new Error(`layer entry ${JSON.stringify(e.path)} is listed twice`);
        if (e.type === 'file' && !e.source)
            throw new Error(`layer file ${e.path} has no source`);
        if (e.type === 'symlink' && !e.linkTarget)
            throw new Error(`layer symlink ${e.path} has no target`);
        if (!Number.isInteger(e.mode) || e.mode < 0)
            throw new Error(`layer entry ${e.path} has a bad mode`);
        previous = e.path;
    }
}
async function addEntries(pack, sorted, base, contents = new Map()) {
    for (const e of sorted) {
        const header = {
            ...base,
            name: e.type === 'dir' ? `${e.path}/` : e.path,
            type: e.type === 'dir' ? 'directory' : e.type,
            mode: TYPE_BITS[e.type] | (e.mode & 0o7777),
            size: 0,
            ...(e.type === 'symlink' ? { linkname: e.linkTarget } : {}),
        };
        const given = e.type === 'file' ? contents.get(e.source) : undefined;
        if (given)
            await addBuffer(pack, header, given);
        else if (e.type === 'file')
            await addFile(pack, header, e.source);
        else
            await entryOf(pack, header).done;
    }
    pack.finalize();
}
function addBuffer(pack, header, body) {
    return new Promise((resolve, reject) => {
        const sink = pack.entry({ ...header, size: body.length }, body, (err) => err ? reject(err) : resolve());
        sink.on('error', () => { }); // reported through the callback
    });
}
async function addFile(pack, header, source) {
    const file = SourceFile.open(source);
    try {
        const size = file.size;
        if (size <= SMALL_FILE) {
            await addBuffer(pack, header, file.readWhole());
            return;
        }
        const { sink, done } = entryOf(pack, { ...header, size });
        const body = async () => {
            // Read exactly the size put in the header; a file that shrinks meanwhile makes
            // tar-stream fail the entry ("Size mismatch") rather than write a corrupt tar.
            for await (const chunk of file.stream()) {
                if (!sink.write(chunk))
                    await (0,drained/* drained */.o)(sink);
            }
            sink.end(null); // streamx's typings want an argument; null adds no data
        };
        await Promise.all([body(), done]);
    }
    finally {
        file.close();
    }
}
function entryOf(pack, header) {
    let sink;
    const done = new Promise((resolve, reject) => {
        sink = pack.entry(header, (err) => (err ? reject(err) : resolve()));
    });
    // A failed entry also emits 'error'; it is reported through `done`, and an unheard
    // 'error' event would crash the process.
    sink.on('error', () => { });
    return { sink: sink, done };
}

// EXTERNAL MODULE: ./packages/core/src/bake/bake-request.ts
var bake_request = __webpack_require__(74334);
// EXTERNAL MODULE: ./packages/core/src/github/context.ts
var context = __webpack_require__(9594);
// EXTERNAL MODULE: ./packages/core/src/oci/copy.ts
var oci_copy = __webpack_require__(34134);
// EXTERNAL MODULE: ./packages/core/src/oci/inspect.ts
var inspect = __webpack_require__(11695);
// EXTERNAL MODULE: ./packages/core/src/oci/layout/oci-layout.ts
var oci_layout = __webpack_require__(6138);
// EXTERNAL MODULE: ./packages/core/src/oci/layout/layout-undo.ts
var layout_undo = __webpack_require__(58041);
// EXTERNAL MODULE: ./packages/core/src/oci/location.ts
var oci_location = __webpack_require__(49768);
// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var reference = __webpack_require__(93966);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var digest = __webpack_require__(3547);
// EXTERNAL MODULE: ./packages/core/src/oci/registry/errors.ts
var registry_errors = __webpack_require__(15020);
// EXTERNAL MODULE: ./packages/core/src/util/temp-dir.ts
var temp_dir = __webpack_require__(70456);
// EXTERNAL MODULE: ./packages/core/src/util/activity.ts
var activity = __webpack_require__(83385);
;// CONCATENATED MODULE: ./packages/core/src/bake/runner-cache.ts




/** `KILN_CACHE_DIR/<kind>`, else the runner's temp folder, else the user's cache folder. */
function kilnCacheDir(kind, env = process.env) {
    if (env.KILN_CACHE_DIR)
        return (0,external_node_path_.join)(env.KILN_CACHE_DIR, kind);
    if (env.RUNNER_TEMP)
        return (0,external_node_path_.join)(env.RUNNER_TEMP, kind === 'base' ? 'kiln-base-cache' : 'kiln-layer-cache');
    return (0,external_node_path_.join)(env.XDG_CACHE_HOME ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.cache'), 'kiln', kind);
}
/** Whether the GitHub Actions cache service is reachable (a runner that has one). */
const onRunnerWithCache = (env = process.env) => env.GITHUB_ACTIONS === 'true' && Boolean(env.ACTIONS_RESULTS_URL ?? env.ACTIONS_CACHE_URL);
/**
 * Restores `dir` from the Actions cache: the entry `key`, else the newest whose key starts
 * with one of `restoreKeys`. Returns the key restored; trouble is a warning, never a failure.
 */
async function restoreRunnerCache(dir, key, what, restoreKeys = []) {
    try {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(131)]).then(__webpack_require__.bind(__webpack_require__, 57131));
        return await cache.restoreCache([dir], key, restoreKeys);
    }
    catch (err) {
        (0,src_log/* warning */.$e)(`${what} not restored: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return undefined;
    }
}
/** Saves `dir` to the Actions cache under `key`; trouble is a warning, never a failure. */
async function saveRunnerCache(dir, key, what) {
    try {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(131)]).then(__webpack_require__.bind(__webpack_require__, 57131));
        await cache.saveCache([dir], key);
    }
    catch (err) {
        (0,src_log/* warning */.$e)(`${what} not saved: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/bake/base-cache.ts











/** Reads base blobs through a local layout, so each base layer is downloaded once per machine. */
class CachedStore {
    inner;
    cache;
    label;
    downloaded = 0;
    /** Blobs proven intact in the cache by this process, or being made so. */
    ready = new Map();
    constructor(inner, cache) {
        this.inner = inner;
        this.cache = cache;
        this.label = inner.label;
    }
    /** Once per blob: the cached copy proven by its digest, else (re)downloaded into the cache. */
    ensure(desc) {
        let done = this.ready.get(desc.digest);
        if (!done) {
            done = this.fill(desc);
            this.ready.set(desc.digest, done);
            // A failed fill is not remembered: a later read tries again.
            done.catch(() => this.ready.delete(desc.digest));
        }
        return done;
    }
    async fill(desc) {
        if (await this.cachedPlainFile(desc)) {
            // A cached blob can rot on disk or arrive corrupt with a restored Actions cache; left in
            // place it would fail every later bake, so it is dropped and fetched again.
            const problem = await this.corruption(desc);
            if (!problem)
                return;
            (0,src_log/* warning */.$e)(`base layer cache: ${desc.digest} failed its digest check (${problem}); dropped, downloading it again`);
            await (0,promises_.rm)(this.cache.blobPath(desc.digest), { force: true });
        }
        // Await first: `x += await y` reads x before the wait and loses concurrent additions.
        const bytes = await (0,activity/* activity */.E)(`reading layer ${desc.digest} of base ${this.inner.label}`, () => this.cache.putBlob(desc, () => this.inner.openBlob(desc)));
        this.downloaded += bytes;
    }
    /**
     * Whether the cache holds the blob; a link in its place (a restored cache keeps links) is
     * dropped with a warning. The cache's folders were checked by init(), so only the link goes.
     */
    async cachedPlainFile(desc) {
        try {
            return await this.cache.hasBlob(desc);
        }
        catch (err) {
            if (!(0,errors/* isConfigurationError */.p0)(err))
                throw err;
            (0,src_log/* warning */.$e)(`base layer cache: ${(0,errors/* errorMessage */.gJ)(err)}; dropped, downloading it again`);
            await (0,promises_.rm)(this.cache.blobPath(desc.digest), { force: true });
            return false;
        }
    }
    /** Why the cached copy does not match its digest, or undefined when it does. */
    async corruption(desc) {
        const discard = new external_node_stream_.Writable({ write: (_chunk, _enc, cb) => cb() });
        try {
            await (0,external_node_stream_promises_.pipeline)(await this.cache.openBlob(desc), discard);
            return undefined;
        }
        catch (err) {
            if (err instanceof registry_errors/* DigestMismatchError */.h)
                return (0,errors/* errorMessage */.gJ)(err);
            throw err;
        }
    }
    async hasBlob(desc) {
        return (await this.cache.hasBlob(desc)) || this.inner.hasBlob(desc);
    }
    async openBlob(desc) {
        await this.ensure(desc);
        return this.cache.openBlob(desc);
    }
    async readBlob(desc) {
        await this.ensure(desc);
        return this.cache.readBlob(desc);
    }
    putBlob(desc, open) {
        return this.inner.putBlob(desc, open);
    }
    getManifest(reference) {
        return this.inner.getManifest(reference);
    }
    resolve(reference) {
        return this.inner.resolve(reference);
    }
    putManifest(raw, opts) {
        return this.inner.putManifest(raw, opts);
    }
}
function baseCacheDir(env = process.env) {
    return kilnCacheDir('base', env);
}
/**
 * Runs `fn` with a base-blob cache: a local folder, restored from and saved to the GitHub
 * Actions cache on runners (keyed by base digest). Cache trouble is a warning, never a failure.
 */
async function withBaseCache(baseDigest, base, fn) {
    const dir = baseCacheDir();
    const key = `kiln-base-${(0,digest/* digestHex */.sU)(baseDigest)}`;
    let hit = false;
    const useActionsCache = onRunnerWithCache();
    if (useActionsCache)
        hit = (await restoreRunnerCache(dir, key, 'base layer cache')) === key;
    const layout = new oci_layout/* OciLayout */.A(dir);
    try {
        await layout.init();
    }
    catch (err) {
        // A cache folder with links in it (or not a folder at all) is not used, never followed.
        (0,src_log/* warning */.$e)(`base layer cache ${dir} not used: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return (0,temp_dir/* withTempDir */.E8)('kiln-base-cache-', async (tmp) => {
            const fresh = new oci_layout/* OciLayout */.A(tmp);
            await fresh.init();
            return fn(new CachedStore(base, fresh));
        });
    }
    const store = new CachedStore(base, layout);
    const result = await fn(store);
    (0,src_log/* debug */.Yz)(`base cache ${dir}: ${store.downloaded} bytes downloaded${hit ? ' (restored)' : ''}`);
    if (useActionsCache && !hit && store.downloaded > 0) {
        await saveRunnerCache(dir, key, 'base layer cache');
    }
    return result;
}

// EXTERNAL MODULE: ./packages/core/src/oci/image-config.ts
var image_config = __webpack_require__(7097);
// EXTERNAL MODULE: ./packages/core/src/oci/open-store.ts
var open_store = __webpack_require__(52119);
;// CONCATENATED MODULE: ./packages/core/src/bake/base-image.ts






/** Resolves the base to the digest it names today; that digest is what gets recorded. */
async function resolveBase(input, loc, registries) {
    const store = (0,open_store/* openStore */.C)(loc, registries);
    let digest;
    try {
        digest = await (0,open_store/* resolveLocation */.K)(loc, store);
    }
    catch (err) {
        if (err instanceof errors/* ConfigurationError */.j1)
            throw (0,errors/* invalidInput */.aY)('base', input, `could not be resolved: ${err.message}`);
        if (err instanceof registry_errors/* RegistryError */.gl && [401, 403, 404].includes(err.status)) {
            throw (0,errors/* invalidInput */.aY)('base', input, `could not be resolved: ${err.message}`);
        }
        throw new Error(`Input "base" (${input}) could not be resolved: ${err.message}`, {
            cause: err,
        });
    }
    const root = await store.getManifest(digest);
    const name = loc.kind === 'registry'
        ? (0,oci_location/* formatLocation */.j$)({ ...loc, ref: { ...loc.ref, digest: undefined } })
        : (0,oci_location/* formatLocation */.j$)(loc);
    return { name, digest, store, root };
}
const matches = (want, p) => {
    const [os, arch, variant] = want.split('/');
    return p.os === os && p.architecture === arch && (!variant || p.variant === variant);
};
/** The base's image for one platform; a missing platform names the ones the base has. */
async function basePlatformImage(base, platform) {
    let image = base.root;
    if (base.root.kind === 'index') {
        const entry = base.root.index.manifests.find((m) => m.platform && matches(platform, m.platform));
        if (!entry) {
            const have = base.root.index.manifests.map((m) => (0,inspect/* platformString */.F)(m.platform)).join(', ');
            throw (0,errors/* invalidInput */.aY)('platform', platform, `base ${base.name} has no such platform (it has: ${have})`);
        }
        image = await base.store.getManifest(entry.digest);
    }
    if (image.kind !== 'image')
        throw new Error(`base ${base.name}: nested indexes are not supported`);
    const config = (0,image_config/* parseImageConfigJson */.X3)(await base.store.readBlob(image.manifest.config), `base ${base.name} config`);
    if (base.root.kind === 'image' && config.os && config.architecture) {
        const own = {
            os: config.os,
            architecture: config.architecture,
            ...(config.variant ? { variant: config.variant } : {}),
        };
        if (!matches(platform, own)) {
            throw (0,errors/* invalidInput */.aY)('platform', platform, `base ${base.name} is a single ${(0,inspect/* platformString */.F)(own)} image`);
        }
    }
    return { manifest: image.manifest, config };
}

;// CONCATENATED MODULE: ./packages/core/src/bake/composed-store.ts
/**
 * A baked image before it is pushed: new blobs and manifests in a work layout, base layers
 * still in the base's store. Copying from here moves base layers only when the target lacks them.
 */
class ComposedStore {
    work;
    layers;
    base;
    label;
    /** App layers the layer cache holds are read from it, in place, never copied into `work`. */
    constructor(work, layers, base) {
        this.work = work;
        this.layers = layers;
        this.base = base;
        this.label = work.label;
    }
    async from(desc) {
        if (await this.work.hasBlob(desc))
            return this.work;
        if (this.layers && (await this.layers.hasBlob(desc)))
            return this.layers;
        return this.base ?? this.work;
    }
    async hasBlob(desc) {
        return (await this.from(desc)).hasBlob(desc);
    }
    async openBlob(desc) {
        return (await this.from(desc)).openBlob(desc);
    }
    async readBlob(desc) {
        return (await this.from(desc)).readBlob(desc);
    }
    putBlob(desc, open) {
        return this.work.putBlob(desc, open);
    }
    getManifest(reference) {
        return this.work.getManifest(reference);
    }
    resolve(reference) {
        return this.work.resolve(reference);
    }
    putManifest(raw, opts) {
        return this.work.putManifest(raw, opts);
    }
}

// EXTERNAL MODULE: ./packages/core/src/oci/manifest.ts
var oci_manifest = __webpack_require__(74890);
// EXTERNAL MODULE: ./packages/core/src/oci/media-types.ts
var media_types = __webpack_require__(22715);
;// CONCATENATED MODULE: ./packages/core/src/bake/image-config-builder.ts
const OCI_LABEL = {
    revision: 'org.opencontainers.image.revision',
    source: 'org.opencontainers.image.source',
    created: 'org.opencontainers.image.created',
    version: 'org.opencontainers.image.version',
    baseName: 'org.opencontainers.image.base.name',
    baseDigest: 'org.opencontainers.image.base.digest',
};
function isoDate(epochSeconds) {
    return new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');
}
/** OCI labels from provenance; the user's own labels win. */
function provenanceLabels(p) {
    const labels = { [OCI_LABEL.created]: isoDate(p.sourceDateEpoch) };
    if (p.revision)
        labels[OCI_LABEL.revision] = p.revision;
    if (p.source)
        labels[OCI_LABEL.source] = p.source;
    if (p.version)
        labels[OCI_LABEL.version] = p.version;
    if (p.baseName)
        labels[OCI_LABEL.baseName] = p.baseName;
    if (p.baseDigest)
        labels[OCI_LABEL.baseDigest] = p.baseDigest;
    return labels;
}
function mergeEnv(base, extra) {
    const out = new Map(base.map((e) => [e.slice(0, Math.max(0, e.indexOf('='))) || e, e]));
    for (const [k, v] of Object.entries(extra))
        out.set(k, `${k}=${v}`);
    return [...out.values()];
}
/**
 * The image config: the base's, plus the request's settings and one history entry per app
 * layer. Key order is fixed by construction, so the JSON bytes are stable.
 */
function buildImageConfig(base, req, platform, appLayers, p) {
    const [os, architecture, variant] = platform.split('/');
    const b = base?.config ?? {};
    const config = { ...b };
    if (req.user !== undefined)
        config.User = req.user;
    const env = mergeEnv(b.Env ?? [], req.env);
    if (env.length)
        config.Env = env;
    if (req.entrypoint) {
        config.Entrypoint = req.entrypoint;
        // As in a Dockerfile, a new ENTRYPOINT drops the base's CMD.
        if (!req.cmd)
            delete config.Cmd;
    }
    if (req.cmd)
        config.Cmd = req.cmd;
    if (req.workdir)
        config.WorkingDir = req.workdir;
    if (req.expose.length) {
        const ports = { ...(b.ExposedPorts ?? {}) };
        for (const e of req.expose)
            ports[e.includes('/') ? e : `${e}/tcp`] = {};
        config.ExposedPorts = Object.fromEntries(Object.entries(ports).sort(([x], [y]) => (x < y ? -1 : 1)));
    }
    if (req.healthcheck) {
        config.Healthcheck = {
            Test: ['CMD-SHELL', req.healthcheck],
            Interval: 5_000_000_000,
            Timeout: 3_000_000_000,
            StartPeriod: 2_000_000_000,
            Retries: 3,
        };
    }
    const labels = { ...(b.Labels ?? {}), ...provenanceLabels(p), ...req.labels };
    config.Labels = Object.fromEntries(Object.entries(labels).sort(([x], [y]) => (x < y ? -1 : 1)));
    const created = isoDate(p.sourceDateEpoch);
    const out = {
        created,
        architecture,
        os,
        ...(variant ? { variant } : {}),
        config,
        rootfs: {
            type: 'layers',
            diff_ids: [...(base?.rootfs?.diff_ids ?? []), ...appLayers.map((l) => l.diffId)],
        },
        history: [
            ...(base?.history ?? []),
            ...appLayers.map((l) => ({
                created,
                created_by: `kiln bake: copy ${l.lines.join(', ')}`,
                comment: 'kiln',
            })),
        ],
    };
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/bake/file-index.ts


/**
 * How long a file must have been left alone (its ctime this far before it was read) for its hash
 * to be remembered. A change made within the same timestamp tick as the one before keeps the
 * stamp (git calls such files "racily clean"); ticks are a few milliseconds on ext4 and up to
 * 2 s on coarse file systems, so a file changed just before a bake is simply read again next time.
 */
const RACY_NS = 3000000000n;
const VERSION = 'kiln-file-index-1';
/** Device, inode, size, mtime and ctime: what git's index compares, as one string. */
function stampText(s) {
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}
/**
 * Content hashes of files by path and stamp, as git's index keeps them: a file whose stamp is
 * unchanged since it was hashed is not read again to compute a layer key. Kept in the layer
 * cache's folder, so it is trusted as far as the cache is (verify-reproducible checks both).
 * Only this bake's files are written back, so it never grows past one tree.
 */
class FileIndex {
    file;
    racyNs;
    known = new Map();
    kept = new Map();
    loaded;
    dirty = false;
    /** `racyNs`: how long a file must be left alone for its hash to be kept (tests shorten it). */
    constructor(file, racyNs = RACY_NS) {
        this.file = file;
        this.racyNs = racyNs;
    }
    /** Reads the index once; a missing or unreadable one is empty (every file is read). */
    load() {
        this.loaded ??= (0,promises_.readFile)(this.file, 'utf8')
            .then((text) => {
            const data = JSON.parse(text);
            if (data.version !== VERSION || typeof data.files !== 'object' || !data.files)
                return;
            for (const [path, v] of Object.entries(data.files)) {
                if (Array.isArray(v) &&
                    v.length === 2 &&
                    typeof v[0] === 'string' &&
                    typeof v[1] === 'string' &&
                    /^[0-9a-f]{64}$/.test(v[1]))
                    this.known.set(path, [v[0], v[1]]);
            }
        })
            .catch(() => { }); // missing, unreadable or not JSON
        return this.loaded;
    }
    /** The content hash recorded for `source` with exactly this stamp, if any. */
    lookup(source, stamp) {
        const hit = this.known.get(source);
        if (!hit || hit[0] !== stampText(stamp))
            return undefined;
        this.kept.set(source, hit);
        return hit[1];
    }
    /**
     * Remembers the hash of content read at `readAtNs` (wall clock) from a file whose stamp was
     * `stamp` before and during the read; unless it changed too recently to be told apart.
     */
    record(source, stamp, sha, readAtNs) {
        const since = readAtNs - this.racyNs;
        if (stamp.ctimeNs > since || stamp.mtimeNs > since)
            return;
        this.kept.set(source, [stampText(stamp), sha]);
        this.dirty = true;
    }
    /** Writes this bake's entries (temp file + rename), when any was added or one was dropped. */
    async save() {
        if (!this.dirty && this.kept.size === this.known.size)
            return;
        const tmp = `${this.file}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
        const files = Object.fromEntries([...this.kept].sort(([a], [b]) => (a < b ? -1 : 1)));
        try {
            await (0,promises_.writeFile)(tmp, JSON.stringify({ version: VERSION, files }), { flag: 'wx' });
            await (0,promises_.rename)(tmp, this.file);
        }
        catch (err) {
            await (0,promises_.rm)(tmp, { force: true });
            throw err;
        }
        this.known = new Map(this.kept);
        this.dirty = false;
    }
}
/** Wall-clock time in nanoseconds, the clock file timestamps are taken from. */
function wallClockNs() {
    return BigInt(Date.now()) * 1000000n;
}

;// CONCATENATED MODULE: ./packages/core/src/bake/layer-cache.ts


















/**
 * What the layer writer's bytes depend on besides its inputs. Any change to the tar layout or
 * the compression (fflate's version, chunk and segment size, level, table size, store rule) must change
 * this, so a cache never serves a layer the current writer would not write.
 */
const LAYER_WRITER_VERSION = `kiln-layer-5 fflate-0.8.3 chunk-${GZIP_CHUNK}/${SEGMENT} level-${DEFLATE_LEVEL}/${FAST_LEVEL}@${FAST_ENTROPY} mem-${DEFLATE_MEM} store-${STORE_ENTROPY}mm/${ENTROPY_STRIDE}`;
/** Local cache entries unused for this long are dropped after a bake. */
const LAYER_CACHE_MAX_AGE_MS = 14 * 24 * 3600 * 1000;
/**
 * Files hashed at once while computing a key. Small files are read synchronously, so this only
 * overlaps the reads of large ones with hashing; each stream holds up to two 1 MiB pieces, and
 * several layers compute their keys at once, so it stays small.
 */
const HASH_CONCURRENCY = 2;
/**
 * Bytes of small files a key keeps after reading them, handed to the layer writer on a miss so
 * they are read once; beyond it they are read again (memory stays bounded).
 */
const KEPT_CONTENT_BYTES = 32 * 1024 * 1024;
function sameStamp(a, b) {
    return (a.dev === b.dev &&
        a.ino === b.ino &&
        a.size === b.size &&
        a.mtimeNs === b.mtimeNs &&
        a.ctimeNs === b.ctimeNs);
}
const stampOf = (st) => ({
    dev: st.dev,
    ino: st.ino,
    size: st.size,
    mtimeNs: st.mtimeNs,
    ctimeNs: st.ctimeNs,
});
/**
 * Reads a file for its content hash as the layer writer reads it (SourceFile): small files
 * whole (their bytes returned), larger ones streamed through the hash.
 */
async function readForKey(source, keep) {
    const file = SourceFile.open(source);
    try {
        const stamp = stampOf(file.stat);
        const hash = (0,external_node_crypto_.createHash)('sha256');
        // Small files in one read: the cost of a tree of thousands of them is the cost per file.
        if (file.size <= SMALL_FILE) {
            const body = file.readWhole();
            return { sha: hash.update(body).digest('hex'), stamp, ...(keep ? { body } : {}) };
        }
        await (0,external_node_stream_promises_.pipeline)(file.stream(), hash);
        return { sha: hash.digest('hex'), stamp };
    }
    finally {
        file.close();
    }
}
/**
 * Digest of everything a layer's bytes depend on: sorted paths, types, modes, link targets,
 * sizes and content hashes of the entries, owner and mtime, and the writer's version. A file
 * is stamped by the copy resolution's lstat; its content hash comes from `index` when the stamp
 * is unchanged since it was recorded, else from reading it.
 */
async function layerKey(entries, opts, index) {
    await index?.load();
    const sorted = (0,layer_entry/* sortEntries */.R3)(entries);
    const files = sorted.filter((e) => e.type === 'file');
    const facts = new Map();
    const out = { key: '', recheck: [], contents: new Map(), changed: false, fromIndex: 0 };
    let keptBytes = 0;
    let next = 0;
    const worker = async () => {
        while (next < files.length) {
            const entry = files[next++];
            const source = entry.source;
            // Entries made by hand (not by the copy resolution) are stamped here.
            const stamp = entry.stamp ?? stampOf((0,external_node_fs_.lstatSync)(source, { bigint: true }));
            const known = index?.lookup(source, stamp);
            if (known) {
                facts.set(source, { size: stamp.size, sha: known });
                out.recheck.push({ source, stamp });
                out.fromIndex++;
                continue;
            }
            const keep = stamp.size <= SMALL_FILE && keptBytes + Number(stamp.size) <= KEPT_CONTENT_BYTES;
            if (keep)
                keptBytes += Number(stamp.size);
            const readAt = wallClockNs();
            const read = await readForKey(source, keep);
            facts.set(source, { size: stamp.size, sha: read.sha });
            if (!sameStamp(read.stamp, stamp)) {
                out.changed = true;
                continue;
            }
            index?.record(source, stamp, read.sha, readAt);
            if (read.body)
                out.contents.set(source, read.body);
            else
                out.recheck.push({ source, stamp });
        }
    };
    await Promise.all(Array.from({ length: HASH_CONCURRENCY }, worker));
    const lines = sorted.map((e) => {
        const f = e.source ? facts.get(e.source) : undefined;
        return [e.path, e.type, e.mode, e.linkTarget ?? '', Number(f?.size ?? 0), f?.sha ?? ''];
    });
    const hash = (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify([
        LAYER_WRITER_VERSION,
        opts.sourceDateEpoch,
        opts.uid ?? 0,
        opts.gid ?? 0,
        lines,
    ]));
    out.key = hash.digest('hex');
    return out;
}
/** Whether every file the writer read itself still looks as it did when it was found. */
function unchanged(files) {
    for (const f of files) {
        let st;
        try {
            st = (0,external_node_fs_.lstatSync)(f.source, { bigint: true });
        }
        catch {
            return false; // gone, or a folder on its path replaced
        }
        if (!sameStamp(stampOf(st), f.stamp))
            return false;
    }
    return true;
}
const isResult = (v) => {
    const r = v;
    return (typeof r === 'object' &&
        r !== null &&
        /^sha256:[0-9a-f]{64}$/.test(String(r.digest)) &&
        /^sha256:[0-9a-f]{64}$/.test(String(r.diffId)) &&
        Number.isSafeInteger(r.size) &&
        Number.isSafeInteger(r.uncompressedSize));
};
/**
 * App layers by the digest of their inputs: `keys/<key>.json` names a layer, `blobs/` (an OCI
 * layout) holds it. A hit is proven by reading the blob against its digest; an entry that fails
 * (a rotten disk, a damaged restored cache) is dropped and the layer written again. A blob once
 * proven is remembered in the file index by its stamp, as source files are: while the stamp is
 * the same (nothing wrote to it since; a restored cache has new inodes), it is not read again.
 */
class LayerCache {
    dir;
    layout;
    /** Keys this process used or wrote: what a runner's saved cache keeps. */
    used = new Set();
    /** Content hashes of the files of earlier bakes, by stamp. */
    files;
    written = 0;
    /** `racyNs`: how long a blob must be left alone for its proof to be remembered (tests shorten it). */
    constructor(dir, racyNs) {
        this.dir = dir;
        this.layout = new oci_layout/* OciLayout */.A(dir);
        this.files = new FileIndex((0,external_node_path_.join)(dir, 'files.json'), racyNs);
    }
    async init() {
        await this.layout.init();
        await (0,promises_.mkdir)((0,external_node_path_.join)(this.dir, 'keys'), { recursive: true });
    }
    keyFile(key) {
        return (0,external_node_path_.join)(this.dir, 'keys', `${key}.json`);
    }
    /** The cached layer for `key`, proven intact, or undefined. */
    async get(key) {
        let entry;
        try {
            entry = JSON.parse(await (0,promises_.readFile)(this.keyFile(key), 'utf8'));
        }
        catch {
            return undefined;
        }
        const desc = isResult(entry)
            ? { mediaType: media_types/* MediaType */.zu.OciLayerGzip, digest: entry.digest, size: entry.size }
            : undefined;
        let problem = desc ? undefined : 'unreadable entry';
        if (desc && !problem) {
            try {
                if (!(await this.layout.hasBlob(desc)))
                    problem = 'layer file missing or of the wrong size';
                else
                    await this.prove(desc);
            }
            catch (err) {
                problem = (0,errors/* errorMessage */.gJ)(err);
            }
        }
        if (problem) {
            (0,src_log/* warning */.$e)(`layer cache: entry ${key} failed its check (${problem}); dropped, writing the layer again`);
            await (0,promises_.rm)(this.keyFile(key), { force: true });
            if (desc)
                await (0,promises_.rm)(this.layout.blobPath(desc.digest), { force: true });
            return undefined;
        }
        const now = new Date();
        await (0,promises_.utimes)(this.keyFile(key), now, now).catch(() => { });
        this.used.add(key);
        return entry;
    }
    /**
     * Reads a blob against its digest (openBlob verifies while read), unless the file index holds
     * its proof for its current stamp; a proof is remembered only if the stamp held during the read.
     */
    async prove(desc) {
        await this.files.load();
        const path = this.layout.blobPath(desc.digest);
        const hex = (0,digest/* digestHex */.sU)(desc.digest);
        const stamp = stampOf((0,external_node_fs_.lstatSync)(path, { bigint: true }));
        if (this.files.lookup(path, stamp) === hex)
            return;
        const readAt = wallClockNs();
        await (0,external_node_stream_promises_.pipeline)(await this.layout.openBlob(desc), new external_node_stream_.Writable({ write: (_c, _e, cb) => cb() }));
        if (sameStamp(stampOf((0,external_node_fs_.lstatSync)(path, { bigint: true })), stamp))
            this.files.record(path, stamp, hex, readAt);
    }
    async put(key, result) {
        const file = this.keyFile(key);
        const tmp = `${file}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
        await (0,promises_.writeFile)(tmp, JSON.stringify(result), { flag: 'wx' });
        await (0,promises_.rename)(tmp, file);
        this.used.add(key);
        this.written++;
    }
    /**
     * Drops entries: all but this bake's (`onlyUsed`, before a runner saves the folder), else those
     * unused for LAYER_CACHE_MAX_AGE_MS; then every blob no entry names.
     */
    async prune(onlyUsed, now = Date.now()) {
        const keep = new Set();
        for (const name of await (0,promises_.readdir)((0,external_node_path_.join)(this.dir, 'keys'))) {
            const key = name.replace(/\.json$/, '');
            const file = (0,external_node_path_.join)(this.dir, 'keys', name);
            const old = onlyUsed
                ? !this.used.has(key)
                : now - (await (0,promises_.stat)(file)).mtimeMs > LAYER_CACHE_MAX_AGE_MS;
            const entry = old
                ? undefined
                : JSON.parse(await (0,promises_.readFile)(file, 'utf8').catch(() => 'null'));
            if (!isResult(entry))
                await (0,promises_.rm)(file, { force: true });
            else
                keep.add((0,digest/* digestHex */.sU)(entry.digest));
        }
        const blobs = (0,external_node_path_.join)(this.dir, 'blobs', 'sha256');
        for (const name of await (0,promises_.readdir)(blobs))
            if (!keep.has(name))
                await (0,promises_.rm)((0,external_node_path_.join)(blobs, name), { force: true });
    }
}
/**
 * The layer of `entries` as a blob of `target`, or of the cache when there is one: a hit costs
 * the hashing of the inputs; a miss writes the layer straight into its final place.
 */
async function bakeLayer(entries, opts, target, cache) {
    const key = cache ? await layerKey(entries, opts, cache.files) : undefined;
    if (cache && key) {
        const hit = key.changed ? undefined : await cache.get(key.key);
        if (hit)
            return { ...hit, cached: true };
    }
    const layout = cache ? cache.layout : target;
    await layout.init();
    const tmp = (0,external_node_path_.join)(layout.dir, 'blobs', 'sha256', `.layer-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    const result = await writeLayer(entries, opts, tmp, key?.contents);
    await (0,promises_.rename)(tmp, layout.blobPath(result.digest));
    if (cache && key) {
        // A file changed between hashing and writing: the layer is right for what was read, but
        // not for the key; it is used and not remembered.
        // Bytes the key read were written as read; files read again must not have changed since.
        if (!key.changed && unchanged(key.recheck))
            await cache.put(key.key, result);
        else
            (0,src_log/* debug */.Yz)(`layer cache: inputs changed while baking; layer ${result.digest} not cached`);
    }
    return { ...result, cached: false };
}
/**
 * Runs `fn` with the layer cache (undefined when `enabled` is false or the folder cannot be
 * used): a local folder, restored from and saved to the Actions cache on runners.
 */
async function withLayerCache(enabled, fn) {
    if (!enabled)
        return fn(undefined);
    const dir = kilnCacheDir('layers');
    const runner = onRunnerWithCache();
    const PREFIX = 'kiln-layers-';
    const restored = runner
        ? await restoreRunnerCache(dir, `${PREFIX}none`, 'layer cache', [PREFIX])
        : undefined;
    const cache = new LayerCache(dir);
    try {
        await cache.init();
    }
    catch (err) {
        (0,src_log/* warning */.$e)(`layer cache ${dir} not used: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return fn(undefined);
    }
    const result = await fn(cache);
    try {
        await cache.files.save();
    }
    catch (err) {
        (0,src_log/* warning */.$e)(`layer cache ${dir}: file index not saved: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    try {
        await cache.prune(runner);
    }
    catch (err) {
        (0,src_log/* warning */.$e)(`layer cache ${dir} not pruned: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    (0,src_log/* debug */.Yz)(`layer cache ${dir}: ${cache.used.size} layers used, ${cache.written} written`);
    if (runner && cache.written > 0) {
        // Named by this bake's layers, so an identical later bake finds nothing to save.
        const key = `${PREFIX}${(0,external_node_crypto_.createHash)('sha256')
            .update([...cache.used].sort().join('\n'))
            .digest('hex')}`;
        if (key !== restored)
            await saveRunnerCache(dir, key, 'layer cache');
    }
    return result;
}

// EXTERNAL MODULE: ./packages/core/src/util/map-limit.ts
var map_limit = __webpack_require__(17650);
;// CONCATENATED MODULE: ./packages/core/src/bake/compose-image.ts






/**
 * App layers written at once. Each holds at most two chunks per compressing thread (the workers
 * and the calling thread) in memory, so memory stays bounded; more would only queue on the
 * same threads.
 */
const LAYERS_AT_ONCE = 3;
/** Files belong to a numeric `user` (uid[:gid]) when one is asked for; names stay root-owned. */
function layerOwner(user) {
    const m = user ? /^(\d+)(?::(\d+))?$/.exec(user) : null;
    if (!m)
        return {};
    const uid = Number(m[1]);
    return { uid, gid: m[2] !== undefined ? Number(m[2]) : uid };
}
/** Docker's layer media types hold the same bytes as OCI's; an OCI manifest names them the OCI way. */
function ociLayer(d) {
    const mediaType = d.mediaType === media_types/* MediaType */.zu.DockerLayerGzip ? media_types/* MediaType */.zu.OciLayerGzip : d.mediaType;
    return { mediaType, digest: d.digest, size: d.size };
}
/**
 * Writes the app layers (one per group of copy lines, reused from `cache` when unchanged), a
 * config and manifest per platform, and (for several platforms) an index into `work`. Layers
 * written anew go straight to their final place (the cache, else `work`); base layers stay where
 * they are; only their descriptors are used.
 */
async function composeImage(req, layers, work, provenance, base, cache) {
    await work.init();
    const opts = {
        sourceDateEpoch: provenance.sourceDateEpoch,
        ...layerOwner(req.user),
        ...(req.compressionWorkers !== undefined ? { workers: req.compressionWorkers } : {}),
    };
    // Layers are baked side by side: one reads and hashes files on this thread while another's
    // chunks compress on the workers. Each layer's bytes depend on its entries only.
    const appLayers = await (0,map_limit/* mapLimit */.s)(layers, LAYERS_AT_ONCE, async ({ lines, entries }) => {
        const layer = await bakeLayer(entries, opts, work, cache);
        return {
            mediaType: media_types/* MediaType */.zu.OciLayerGzip,
            digest: layer.digest,
            size: layer.size,
            diffId: layer.diffId,
            lines,
            cached: layer.cached,
        };
    }, { settle: true });
    const annotations = {
        [OCI_LABEL.created]: isoDate(provenance.sourceDateEpoch),
    };
    if (base) {
        annotations[OCI_LABEL.baseName] = base.name;
        annotations[OCI_LABEL.baseDigest] = base.digest;
    }
    const images = [];
    for (const platform of req.platforms) {
        const fromBase = base ? await basePlatformImage(base, platform) : undefined;
        const config = buildImageConfig(fromBase?.config, req, platform, appLayers, provenance);
        const configDesc = await work.putBuffer(Buffer.from(JSON.stringify(config)), media_types/* MediaType */.zu.OciConfig);
        const layers = [
            ...(fromBase?.manifest.layers ?? []).map(ociLayer),
            ...appLayers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
        ];
        const manifest = (0,oci_manifest/* parseManifest */.Ng)((0,oci_manifest/* encodeManifest */.Gb)({
            schemaVersion: 2,
            mediaType: media_types/* MediaType */.zu.OciManifest,
            config: configDesc,
            layers,
            annotations,
        }));
        await work.putManifest(manifest);
        images.push({ platform, manifest, layers });
    }
    let root;
    if (images.length === 1) {
        root = images[0].manifest;
    }
    else {
        root = (0,oci_manifest/* parseManifest */.Ng)((0,oci_manifest/* encodeManifest */.Gb)({
            schemaVersion: 2,
            mediaType: media_types/* MediaType */.zu.OciIndex,
            manifests: images.map(({ platform, manifest }) => {
                const [os, architecture, variant] = platform.split('/');
                return {
                    mediaType: manifest.mediaType,
                    digest: manifest.digest,
                    size: manifest.bytes.length,
                    platform: { os, architecture, ...(variant ? { variant } : {}) },
                };
            }),
            annotations,
        }));
    }
    await work.putManifest(root, { root: true });
    return { root, appLayers, images };
}

// EXTERNAL MODULE: ./packages/core/src/oci/layer-entries.ts
var layer_entries = __webpack_require__(73215);
;// CONCATENATED MODULE: ./packages/core/src/bake/layer-diff.ts


async function summarise(store, desc) {
    const out = new Map();
    await (0,layer_entries/* forEachLayerEntry */.A_)(store, desc, async (entry) => {
        const hash = (0,external_node_crypto_.createHash)('sha256');
        for await (const chunk of entry)
            hash.update(chunk);
        const h = entry.header;
        out.set((0,layer_entries/* cleanPath */.ts)(h.name), {
            type: String(h.type ?? 'file'),
            size: h.size ?? 0,
            mode: (h.mode ?? 0) & 0o7777,
            uid: h.uid ?? 0,
            gid: h.gid ?? 0,
            mtime: h.mtime ? Math.floor(h.mtime.getTime() / 1000) : 0,
            link: h.linkname ?? '',
            sha256: hash.digest('hex'),
        });
    });
    return out;
}
/** Files that differ between two layers, each with the attributes that differ. */
async function diffLayers(a, da, b, db) {
    const [x, y] = await Promise.all([summarise(a, da), summarise(b, db)]);
    const lines = [];
    for (const path of [...new Set([...x.keys(), ...y.keys()])].sort()) {
        const p = x.get(path);
        const q = y.get(path);
        if (!p || !q) {
            lines.push(`${path}: only in the ${p ? 'first' : 'second'} bake`);
            continue;
        }
        const fields = Object.keys(p).filter((k) => p[k] !== q[k]);
        if (fields.length)
            lines.push(`${path}: ${fields.map((k) => `${k} ${p[k]} != ${q[k]}`).join(', ')}`);
    }
    return lines;
}

// EXTERNAL MODULE: ./packages/core/src/bake/source-date.ts
var source_date = __webpack_require__(97231);
;// CONCATENATED MODULE: ./packages/core/src/bake/bake.ts





















class NotReproducibleError extends Error {
    name = 'NotReproducibleError';
}
/** Git keeps only the executable bit; so does the layer, or checkouts under other umasks differ. */
function normaliseModes(entries) {
    return entries.map((e) => ({
        ...e,
        mode: e.type === 'dir' ? 0o755 : e.type === 'symlink' ? 0o777 : e.mode & 0o111 ? 0o755 : 0o644,
    }));
}
/** What the commit says (its time, its id): git is asked at most once per fact, in parallel. */
function readCommit(req, ctx, env = process.env) {
    const commit = ctx.commit;
    const date = req.sourceDateEpoch !== undefined
        ? Promise.resolve(req.sourceDateEpoch)
        : (0,source_date/* sourceDateEpoch */.pA)('', req.context, env);
    const revision = commit !== undefined ? Promise.resolve(commit) : (0,source_date/* headRevision */.qX)(req.context, env);
    return Promise.all([date, revision]).then(([sourceDateEpoch, revision]) => ({
        sourceDateEpoch,
        revision,
    }));
}
function provenanceFor(commit, base, ctx, env = process.env) {
    const p = { sourceDateEpoch: commit.sourceDateEpoch };
    const revision = commit.revision;
    if (revision)
        p.revision = revision;
    if (ctx.serverUrl && ctx.repo)
        p.source = `${ctx.serverUrl}/${ctx.repo.owner}/${ctx.repo.repo}`;
    // Only a git tag names a version: tags are aliases and must not change the digest.
    if (env.GITHUB_REF_TYPE === 'tag' && env.GITHUB_REF_NAME)
        p.version = env.GITHUB_REF_NAME;
    if (base) {
        p.baseName = base.name;
        p.baseDigest = base.digest;
    }
    return p;
}
/** Bakes twice and names the layers (by their copy lines) and files that differ, if any. */
async function checkReproducible(first, firstStore, again) {
    const second = await again();
    if (second.image.root.digest === first.root.digest)
        return;
    const lines = [
        `two bakes of the same inputs gave ${first.root.digest} and ${second.image.root.digest}`,
    ];
    let differing = 0;
    for (const [i, a] of first.appLayers.entries()) {
        const b = second.image.appLayers[i];
        if (!b || b.digest === a.digest)
            continue;
        differing++;
        const from = a.cached ? ' (the first from the layer cache)' : '';
        lines.push(`app layer ${i + 1} of ${first.appLayers.length} (copy ${a.lines.join(', ')}) differs${from}: ${a.digest} vs ${b.digest}`);
        lines.push(...(await diffLayers(firstStore, a, second.store, b)).slice(0, 50));
    }
    if (differing === 0) {
        lines.push('the app layers are identical; the image config differs (check env, labels and the source date)');
    }
    throw new NotReproducibleError(lines.join('\n  '));
}
/**
 * App layers go into an output layout as hard links where the file system allows: a layer is
 * written once, never copied again (copyImage then finds it present). Anything else is copied.
 */
async function linkAppLayers(layers, from, to) {
    await to.init();
    for (const layer of layers) {
        if (await to.hasBlob(layer))
            continue;
        for (const layout of from) {
            if (!(await layout.hasBlob(layer)))
                continue;
            const linked = await (0,promises_.link)(layout.blobPath(layer.digest), to.blobPath(layer.digest)).then(() => true, () => false);
            if (linked)
                break;
        }
    }
}
/**
 * bake-image: resolve the copy lines (all checks, before any request), resolve the base to a
 * digest, compose the image in a work layout, optionally bake again to prove reproducibility,
 * then copy it by digest to the registry or the output layout.
 */
async function bake(req, registries, log = src_log/* info */.pq) {
    // git runs while the copy lines are resolved and the base is read; a failure (no commit to
    // date the bake from) is reported after the input checks, as before.
    const ctx = (0,context/* readRunContext */.$)();
    const commit = readCommit(req, ctx);
    commit.catch(() => { });
    // A compression worker loads meanwhile too, ready by the first chunk worth sending it.
    warmDeflatePool(req.compressionWorkers);
    // No copy lines (a base and settings only) still give one, empty, app layer.
    const groups = req.layerGroups.length ? req.layerGroups : [[]];
    const layers = (await (0,copy_spec/* resolveCopyLayers */.iQ)(groups, req.context)).map((entries, i) => ({
        lines: groups[i],
        entries: normaliseModes(entries),
    }));
    const output = req.output ? (0,oci_location/* parseLocation */.zS)(req.output, 'output') : undefined;
    if (output && output.kind !== 'layout')
        throw new Error('unreachable: output is checked to be oci-layout');
    if (output)
        await (0,oci_location/* checkLayoutOutput */.aE)(output.dir, req.output, 'output');
    const from = req.base;
    const base = from === 'scratch'
        ? undefined
        : await (0,activity/* activity */.E)(`reading base image ${req.baseInput}`, () => resolveBase(req.baseInput, from, registries));
    if (base)
        log(`base ${base.name}@${base.digest}`);
    const provenance = provenanceFor(await commit, base, ctx);
    const run = async (baseStore) => withLayerCache(req.layerCache, (cache) => (0,temp_dir/* withTempDir */.E8)('kiln-bake-', async (dir) => {
        const work = new oci_layout/* OciLayout */.A((0,external_node_path_.join)(dir, 'first'));
        const composeInto = (layout, layerCache) => composeImage(req, layers, layout, provenance, base && baseStore ? { ...base, store: baseStore } : undefined, layerCache);
        const image = await composeInto(work, cache);
        for (const [i, l] of image.appLayers.entries()) {
            log(`app layer ${i + 1}/${image.appLayers.length} ${l.digest} (${l.size} bytes, ${layers[i]?.entries.length ?? 0} entries${l.cached ? ', from the layer cache' : ''})`);
        }
        const firstStore = new ComposedStore(work, cache?.layout);
        let reproducible = 'unchecked';
        if (req.verifyReproducible) {
            // The second bake reads no cache: it writes every layer again, so a cached layer is
            // checked against a fresh one too.
            await checkReproducible(image, firstStore, async () => {
                const layout = new oci_layout/* OciLayout */.A((0,external_node_path_.join)(dir, 'second'));
                return { image: await composeInto(layout), store: layout };
            });
            reproducible = 'true';
            log('reproducible: a second bake gave the same digest');
        }
        const source = new ComposedStore(work, cache?.layout, baseStore);
        const digest = image.root.digest;
        let target;
        let name = `oci-layout:${work.dir}`;
        if (output) {
            target = new oci_layout/* OciLayout */.A(output.dir);
            name = `oci-layout:${output.dir}`;
        }
        else if (req.push && req.repository) {
            target = registries.repository(req.repository.registry, req.repository.repository);
            name = (0,reference/* repositoryName */.aR)(req.repository);
        }
        const tags = [...req.tags, ...(output?.tag ? [output.tag] : [])];
        // Inspected before the copy: once the copy succeeds, nothing is left that can fail.
        const inspected = await (0,inspect/* inspectImage */.m)(source, digest);
        let copiedBytes = 0;
        if (target) {
            const to = target;
            const copy = () => (0,oci_copy/* copyImage */.L1)(source, to, digest, { tags, log });
            const copied = output
                ? await (0,layout_undo/* undoLayoutWriteOnFailure */.r)(output.dir, name, async () => {
                    await linkAppLayers(image.appLayers, [work, ...(cache ? [cache.layout] : [])], to);
                    return copy();
                })
                : await copy();
            copiedBytes = copied.copiedBytes;
        }
        const firstImage = image.images[0];
        const top = image.appLayers[image.appLayers.length - 1];
        const baseCount = firstImage.layers.length - image.appLayers.length;
        const result = {
            digest,
            image: `${name}@${digest}`,
            tags: target ? tags : [],
            mediaType: image.root.mediaType,
            size: inspected.size,
            platforms: req.platforms,
            appLayer: { mediaType: top.mediaType, digest: top.digest, size: top.size },
            appLayers: image.appLayers.map((l) => ({
                mediaType: l.mediaType,
                digest: l.digest,
                size: l.size,
                lines: l.lines,
                cached: l.cached,
            })),
            layers: firstImage.layers.map((l, i) => ({ ...l, from: i < baseCount ? 'base' : 'app' })),
            reproducible,
            sourceDateEpoch: provenance.sourceDateEpoch,
            copiedBytes,
        };
        if (base)
            result.base = { name: base.name, digest: base.digest };
        if (provenance.revision)
            result.revision = provenance.revision;
        return result;
    }));
    return base ? withBaseCache(base.digest, base.store, (cached) => run(cached)) : run();
}

// EXTERNAL MODULE: ./packages/core/src/engine/docker-cli.ts
var docker_cli = __webpack_require__(19649);
// EXTERNAL MODULE: ./packages/core/src/bake/build-context.ts
var build_context = __webpack_require__(40881);
;// CONCATENATED MODULE: ./packages/core/src/bake/dockerfile-baker.ts








const TAG = /^[\w][\w.-]{0,127}$/;
const PLATFORM = /^[a-z0-9_]+\/[a-z0-9_]+(?:\/[a-z0-9_.]+)?$/;
const dockerfile_baker_MAX_EPOCH = 2 ** 31 - 1;
/**
 * Builds a Dockerfile with the local engine and pushes it, then reports the digest the
 * registry holds. An image ID is a local config hash that no later action can pull; the
 * registry's manifest digest is the identity deploy, promote and rollback take.
 */
async function bakeWithDockerfile(opts) {
    const log = opts.log ?? src_log/* info */.pq;
    const checked = await checkInputs(opts);
    const repoName = `${opts.repository.registry}/${opts.repository.repository}`;
    const firstTag = checked.tags[0] ?? temporaryTag(checked.contextDir);
    const ref = `${repoName}:${firstTag}`;
    const epoch = String(opts.sourceDateEpoch);
    const common = [
        '--file',
        checked.dockerfile,
        // Both the env and the build arg: BuildKit reads the build arg, and a Dockerfile may
        // `ARG SOURCE_DATE_EPOCH` to use it in RUN steps.
        '--build-arg',
        `SOURCE_DATE_EPOCH=${epoch}`,
        ...Object.entries(opts.buildArgs ?? {})
            .filter(([k]) => k !== 'SOURCE_DATE_EPOCH') // checked equal above; passed once
            .flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
        ...Object.entries(opts.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
        ...(opts.platform ? ['--platform', opts.platform] : []),
    ];
    const env = { ...process.env, SOURCE_DATE_EPOCH: epoch };
    const docker = new docker_cli/* DockerCli */.Vo({ dockerHost: opts.dockerHost, env });
    const run = async (cli, args) => {
        log((0,src_log/* redact */.E$)(`$ ${(0,docker_cli/* formatCommand */.fE)([cli.binary, ...args])}`));
        const out = await cli.run(args);
        return `${out.stdout}\n${out.stderr}`;
    };
    const buildx = await buildxFeatures(docker);
    let pushedDigest;
    if (buildx) {
        const output = ['type=image', `name=${ref}`, 'push=true'];
        if (buildx.rewriteTimestamp)
            output.push('rewrite-timestamp=true');
        await run(docker, [
            'buildx',
            'build',
            '--progress=plain',
            ...common,
            // Provenance attestations would turn the result into an index whose digest changes
            // with every build; the ledger keeps Kiln's own evidence instead.
            ...(buildx.provenanceFlag ? ['--provenance=false'] : []),
            '--output',
            output.join(','),
            checked.contextDir,
        ]);
    }
    else {
        // DOCKER_BUILDKIT=0: a client whose env asks for BuildKit without buildx refuses to build.
        const classic = new docker_cli/* DockerCli */.Vo({
            dockerHost: opts.dockerHost,
            env: { ...env, DOCKER_BUILDKIT: '0' },
        });
        await run(classic, ['build', ...common, '--tag', ref, checked.contextDir]);
        const pushed = await run(docker, ['push', ref]);
        pushedDigest = /: digest: (sha256:[a-f0-9]{64})/.exec(pushed)?.[1];
    }
    const repo = opts.registries.repository(opts.repository.registry, opts.repository.repository);
    const digest = await repo.resolve(firstTag);
    if (!digest)
        throw new Error(`pushed ${ref}, but ${repoName} has no tag ${firstTag}`);
    if (pushedDigest && pushedDigest !== digest) {
        throw new Error(`docker pushed ${ref} as ${pushedDigest}, but the registry now holds ${digest} for that tag (another push moved it?)`);
    }
    // The other tags are set on the very manifest bytes the registry holds; another docker push
    // could re-encode the manifest and give a tag a different digest.
    const rest = checked.tags.slice(1);
    if (rest.length > 0) {
        const raw = await repo.getManifest(digest);
        for (const tag of rest)
            await repo.putManifest(raw, { tag });
    }
    const image = (0,reference/* pinned */.dp)(opts.repository, digest);
    log(`baked ${image} (${buildx ? 'buildx' : 'classic docker build'}) tags: ${[firstTag, ...rest].join(', ')}`);
    return { digest, image, builder: buildx ? 'buildx' : 'classic' };
}
/** Every input rule, checked before the first docker command. */
async function checkInputs(opts) {
    if (opts.repository.digest) {
        throw (0,errors/* invalidInput */.aY)('image', (0,reference/* formatReference */.FH)(opts.repository), 'must be a repository without a digest; the digest is the result of the bake');
    }
    if (!opts.push) {
        throw new errors/* ConfigurationError */.j1('Input "push" is false, but the Dockerfile baker needs a registry: it reports the digest the registry holds, which exists only after a push. Set push: true, or bake without a Dockerfile (the native baker) with output: oci-layout:DIR');
    }
    const ctx = await build_context/* BuildContext */.C.open(opts.context);
    const dockerfile = await checkDockerfile(opts.dockerfile, opts.context, ctx);
    const tags = [...new Set([...(opts.repository.tag ? [opts.repository.tag] : []), ...opts.tags])];
    for (const tag of tags) {
        if (!TAG.test(tag))
            throw (0,errors/* invalidInput */.aY)('tags', tag, 'each tag must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}');
    }
    checkPairs('labels', opts.labels);
    checkPairs('build-args', opts.buildArgs ?? {});
    const sde = opts.buildArgs?.SOURCE_DATE_EPOCH;
    if (sde !== undefined && sde !== String(opts.sourceDateEpoch)) {
        throw (0,errors/* invalidInput */.aY)('build-args', `SOURCE_DATE_EPOCH=${sde}`, `conflicts with source-date-epoch ${opts.sourceDateEpoch}; set source-date-epoch instead`);
    }
    if (opts.platform !== undefined && !PLATFORM.test(opts.platform)) {
        throw (0,errors/* invalidInput */.aY)('platform', opts.platform, 'the Dockerfile baker builds one platform, written os/arch[/variant], e.g. linux/amd64');
    }
    const e = opts.sourceDateEpoch;
    if (!Number.isInteger(e) || e < 0 || e > dockerfile_baker_MAX_EPOCH) {
        throw (0,errors/* invalidInput */.aY)('source-date-epoch', String(e), `must be whole seconds between 0 and ${dockerfile_baker_MAX_EPOCH}`);
    }
    return { contextDir: ctx.root, dockerfile, tags };
}
/** The real path of the Dockerfile, which must be a file inside the context. */
async function checkDockerfile(value, context, ctx) {
    const abs = (0,external_node_path_.resolve)(value);
    const real = await (0,promises_.realpath)(abs).catch(() => undefined);
    if (real === undefined || !(await (0,promises_.stat)(real)).isFile()) {
        throw (0,errors/* invalidInput */.aY)('dockerfile', value, `must be an existing file (looked for ${abs}; the path is relative to the working directory, like docker build -f)`);
    }
    // Kiln keeps everything a bake reads inside the context, so the commit alone defines the
    // image; the real path also catches a symlink that leads out of it.
    if (!ctx.contains(real)) {
        throw (0,errors/* invalidInput */.aY)('dockerfile', value, `must be inside the context "${context}" (${ctx.root}), but it is ${real}`);
    }
    return real;
}
/** `--label` / `--build-arg` take `k=v` and split at the first `=`: a key must not hold one. */
function checkPairs(input, pairs) {
    for (const [k, v] of Object.entries(pairs)) {
        if (k === '' || /[=\s]/.test(k) || /[\r\n\0]/.test(v)) {
            throw (0,errors/* invalidInput */.aY)(input, `${k}=${v}`, 'keys must be non-empty without "=" or whitespace, values must be single-line');
        }
    }
}
/** A tag unique to this build, so the read-back cannot see another build's push. */
function temporaryTag(contextDir) {
    const seed = `${contextDir}\n${Date.now()}\n${process.pid}\n${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`;
    return `kiln-${(0,external_node_crypto_.createHash)('sha256').update(seed).digest('hex').slice(0, 16)}`;
}
/** undefined when buildx is not installed: the classic builder is used. */
async function buildxFeatures(docker) {
    const version = await docker.output(['buildx', 'version']).catch(() => undefined);
    if (version === undefined)
        return undefined;
    const inspect = await docker.output(['buildx', 'inspect']).catch(() => '');
    const buildkit = /Build[Kk]it(?: version)?:\s*v?(\d+)\.(\d+)/.exec(inspect);
    return {
        provenanceFlag: atLeast(/v(\d+)\.(\d+)/.exec(version), 0, 10),
        rewriteTimestamp: atLeast(buildkit, 0, 13),
    };
}
function atLeast(m, major, minor) {
    if (!m)
        return false;
    const [ma, mi] = [Number(m[1]), Number(m[2])];
    return ma > major || (ma === major && mi >= minor);
}

;// CONCATENATED MODULE: ./packages/core/src/bake/bake-image.ts








/** The native baker, or the local engine when a Dockerfile is given; same result either way. */
async function bakeImage(req, registries, log = src_log/* info */.pq) {
    if (!req.dockerfile)
        return bake(req, registries, log);
    if (!req.repository || !req.push) {
        throw new errors/* ConfigurationError */.j1('Input "dockerfile" needs "image" and push: true: the Dockerfile baker reports the digest the registry holds (for runs without a registry use the native baker with output: oci-layout:DIR)');
    }
    if (req.verifyReproducible) {
        throw new errors/* ConfigurationError */.j1('Input "verify-reproducible" is supported by the native baker only (leave "dockerfile" empty)');
    }
    if (req.platforms.length > 1) {
        throw new errors/* ConfigurationError */.j1('Input "platform" may name one platform with "dockerfile"; the native baker builds several');
    }
    const epoch = req.sourceDateEpoch ?? (await (0,source_date/* sourceDateEpoch */.pA)('', req.context));
    const revision = (0,context/* readRunContext */.$)().commit ?? (await (0,source_date/* headRevision */.qX)(req.context));
    const labels = {
        ...provenanceLabels({ sourceDateEpoch: epoch, ...(revision ? { revision } : {}) }),
        ...req.labels,
    };
    const built = await bakeWithDockerfile({
        context: req.context,
        dockerfile: req.dockerfile,
        repository: req.repository,
        tags: req.tags,
        ...(req.platforms[0] ? { platform: req.platforms[0] } : {}),
        sourceDateEpoch: epoch,
        labels,
        push: true,
        registries,
        log,
    });
    const store = registries.repository(req.repository.registry, req.repository.repository);
    const inspected = await (0,inspect/* inspectImage */.m)(store, built.digest);
    const layers = inspected.images[0]?.layers ?? [];
    // The Dockerfile's last layer is the app's; a Dockerfile with no layer of its own has none.
    const last = layers[layers.length - 1];
    if (!last)
        throw new Error(`${built.image} has no layers`);
    const result = {
        digest: built.digest,
        image: built.image,
        tags: req.tags,
        mediaType: inspected.mediaType,
        size: inspected.size,
        platforms: req.platforms,
        appLayer: last,
        appLayers: [{ ...last, lines: [], cached: false }],
        layers: layers.map((l) => ({ ...l, from: 'app' })),
        reproducible: 'unchecked',
        sourceDateEpoch: epoch,
        copiedBytes: 0,
    };
    if (revision)
        result.revision = revision;
    return result;
}

// EXTERNAL MODULE: ./packages/core/src/github/summary.ts
var summary = __webpack_require__(51561);
;// CONCATENATED MODULE: ./packages/core/src/bake/bake-summary.ts

const size = (n) => n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MiB`
    : n >= 1024
        ? `${(n / 1024).toFixed(1)} KiB`
        : `${n} B`;
/**
 * Job summary for bake-image: what was baked, from what, and whether it is reproducible.
 * Names, tags and layer sources come from inputs and registries: text, escaped by table().
 */
function bakeSummary(r) {
    const rows = [
        ['image', (0,summary/* inlineCode */.ti)(r.image)],
        ['base', r.base ? (0,summary/* inlineCode */.ti)(`${r.base.name}@${r.base.digest}`) : 'scratch'],
        ['platforms', r.platforms.join(', ')],
        ['tags', r.tags.length ? new summary/* Markdown */.oz(r.tags.map((t) => (0,summary/* inlineCode */.ti)(t)).join(' ')) : '—'],
        ['total size', size(r.size)],
        ['revision', r.revision ? (0,summary/* inlineCode */.ti)(r.revision) : '—'],
        ['source date', `${new Date(r.sourceDateEpoch * 1000).toISOString()} (${r.sourceDateEpoch})`],
        [
            'reproducible',
            r.reproducible === 'unchecked'
                ? 'not checked (set verify-reproducible: true)'
                : r.reproducible === 'true'
                    ? '✅ second bake gave the same digest'
                    : '❌',
        ],
    ];
    const layers = r.layers.map((l, i) => [
        String(i + 1),
        l.from,
        (0,summary/* inlineCode */.ti)(l.digest),
        size(l.size),
    ]);
    return [
        '### bake-image',
        (0,summary/* table */.tp)(['', ''], rows),
        '',
        '#### Layers',
        (0,summary/* table */.tp)(['#', 'from', 'digest', 'size'], layers),
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./packages/core/src/bake/index.ts
// The bake domain: request parsing, the native and Dockerfile bakers, the summary.










/***/ }),

/***/ 34134:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dq: () => (/* binding */ CopyVerificationError),
/* harmony export */   F_: () => (/* binding */ MAX_COPIED_REFERRERS),
/* harmony export */   L1: () => (/* binding */ copyImage)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88315);
/* harmony import */ var _util_map_limit_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17650);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74890);
/* harmony import */ var _manifest_tree_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35999);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(35850);
/* harmony import */ var _util_activity_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83385);






/** The target does not hold what was copied after the copy: never reported as success. */
class CopyVerificationError extends Error {
    name = 'CopyVerificationError';
}
/** Most referrers copied with one image: bounds what a hostile source can make us fetch. */
const MAX_COPIED_REFERRERS = 1024;
/**
 * Copies one image or a whole index (every platform, nested indexes included) by digest. Blobs
 * go first (skip what the target has, mount within one registry), manifests last and children
 * before their index at every level, so a failed copy never leaves a manifest whose blobs or
 * children are missing. Ends by reading every manifest back and failing unless the target holds
 * each digest.
 */
async function copyImage(source, target, digest, opts = {}) {
    const log = opts.log ?? _log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq;
    const result = {
        digest,
        mediaType: '',
        manifests: 0,
        blobs: 0,
        copiedBytes: 0,
        mountedBlobs: 0,
        skippedBlobs: 0,
    };
    const tree = await (0,_manifest_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .readManifestTree */ .GY)(source, digest);
    const root = tree.root;
    result.mediaType = root.mediaType;
    // Platform images often share blobs; copy each once.
    const blobs = new Map();
    for (const { manifest } of tree.images) {
        for (const b of (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .blobsOf */ .OR)(manifest.manifest))
            blobs.set(b.digest, b);
    }
    result.blobs = blobs.size;
    const mountFrom = (0,_store_js__WEBPACK_IMPORTED_MODULE_4__/* .isMountable */ .y)(source) &&
        (0,_store_js__WEBPACK_IMPORTED_MODULE_4__/* .isMountable */ .y)(target) &&
        source.registry === target.registry &&
        source.repository !== target.repository
        ? source.repository
        : undefined;
    await (0,_util_map_limit_js__WEBPACK_IMPORTED_MODULE_5__/* .mapLimit */ .s)([...blobs.values()], opts.concurrency ?? 8, async (blob) => {
        const short = blob.digest.slice(7, 19);
        if (await target.hasBlob(blob)) {
            result.skippedBlobs++;
            log(`  ${short} exists`);
            return;
        }
        if (mountFrom && (0,_store_js__WEBPACK_IMPORTED_MODULE_4__/* .isMountable */ .y)(target) && (await target.mountBlob(blob, mountFrom))) {
            result.mountedBlobs++;
            log(`  ${short} mounted from ${mountFrom}`);
            return;
        }
        // Await first: `x += await y` reads x before the wait and loses concurrent additions.
        const bytes = await (0,_util_activity_js__WEBPACK_IMPORTED_MODULE_3__/* .activity */ .E)(`copying blob ${blob.digest} to ${target.label}`, () => target.putBlob(blob, () => source.openBlob(blob)));
        result.copiedBytes += bytes;
        log(`  ${short} copied (${blob.size} bytes)`);
    });
    // tree.manifests lists children before their index and the root last: at every level a
    // registry sees an index only after everything it lists is in place.
    for (const m of tree.manifests) {
        await target.putManifest(m, m === root ? { root: true } : {});
        result.manifests++;
    }
    for (const tag of opts.tags ?? [])
        await target.putManifest(root, { tag });
    // A store may accept an index whose children it does not hold (a layout, a lax registry).
    for (const m of tree.manifests) {
        const readBack = await target.resolve(m.digest);
        if (readBack !== m.digest) {
            const what = m === root ? '' : ` (listed by ${digest})`;
            throw new CopyVerificationError(`copy to ${target.label} did not verify: target holds ${readBack ?? 'nothing'} for ${m.digest}${what}`);
        }
    }
    if (opts.referrers) {
        result.referrers = await copyReferrers(source, target, digest, { ...opts, log });
    }
    return result;
}
/**
 * Copies the referrers of `digest` breadth-first (referrers of referrers too), each one as an
 * image of its own and then listed at the target as a referrer of its subject.
 */
async function copyReferrers(source, target, digest, opts) {
    const stores = artifactStores(source, target);
    const copied = [];
    const seen = new Set([digest]);
    const subjects = [digest];
    for (let subject = subjects.shift(); subject; subject = subjects.shift()) {
        for (const listed of await stores.source.listReferrers(subject)) {
            if (seen.has(listed.digest))
                continue;
            seen.add(listed.digest);
            if (copied.length >= MAX_COPIED_REFERRERS)
                throw new Error(`${source.label}@${digest} has more than ${MAX_COPIED_REFERRERS} referrers (refused)`);
            await copyImage(source, target, listed.digest, {
                ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
                log: opts.log,
            });
            await stores.target.indexReferrer(subject, listed);
            copied.push({
                subject,
                digest: listed.digest,
                ...(listed.artifactType ? { artifactType: listed.artifactType } : {}),
            });
            opts.log(`  referrer ${listed.digest.slice(7, 19)} ${listed.artifactType ?? ''} copied`);
            subjects.push(listed.digest);
        }
    }
    return copied;
}
function artifactStores(source, target) {
    for (const s of [source, target]) {
        if (!(0,_store_js__WEBPACK_IMPORTED_MODULE_4__/* .isArtifactStore */ .A)(s))
            throw new Error(`${s.label} cannot list or store referrers`);
    }
    return { source: source, target: target };
}


/***/ }),

/***/ 58041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ undoLayoutWriteOnFailure)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _layout_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64004);



/** The folders of a layout whose entries a write can add to. */
const FOLDERS = [[], ['blobs'], ['blobs', 'sha256'], ['blobs', 'sha512']];
async function missing(path) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(path).then(() => false, (err) => {
        if (err.code === 'ENOENT')
            return true;
        throw err;
    });
}
const namesOf = (path) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(path).then((names) => new Set(names), () => undefined);
async function snapshot(dir) {
    if (await missing(dir)) {
        let created = dir;
        while ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(created) !== created && (await missing((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(created))))
            created = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(created);
        return { created, names: new Map() };
    }
    const names = new Map();
    for (const parts of FOLDERS) {
        const found = await namesOf((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, ...parts));
        if (found)
            names.set(parts.join('/'), found);
    }
    const before = { names };
    // Only a regular file is kept for restoring; a link there is refused by the write itself.
    const index = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'index.json');
    if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(index).catch(() => undefined))?.isFile())
        before.index = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(index);
    return before;
}
async function undo(dir, before, label) {
    if (before.created) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(before.created, { recursive: true, force: true });
        return;
    }
    // Deepest folders first, so a folder the write created is removed whole from its parent.
    for (const parts of [...FOLDERS].reverse()) {
        const had = before.names.get(parts.join('/'));
        if (!had)
            continue;
        for (const name of (await namesOf((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, ...parts))) ?? []) {
            if (!had.has(name))
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, ...parts, name), { recursive: true, force: true });
        }
    }
    if (before.index) {
        const now = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'index.json')).catch(() => undefined);
        if (!now?.equals(before.index))
            await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_2__/* .writeLayoutFile */ .OM)(dir, ['index.json'], before.index, label);
    }
}
/**
 * Runs `fn`, which writes an image into the layout at `dir`; if it fails, takes back what it
 * added so a failed write leaves no debris: a folder it created is removed, and a folder that
 * existed keeps exactly its previous entries, blobs and index.json.
 */
async function undoLayoutWriteOnFailure(dir, label, fn) {
    const before = await snapshot(dir);
    try {
        return await fn();
    }
    catch (err) {
        // The write's own error is the one to report; a failed clean-up must not hide it.
        await undo(dir, before, label).catch(() => undefined);
        throw err;
    }
}


/***/ }),

/***/ 17650:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/**
 * Runs `fn` over items with at most `limit` in flight; stops starting new ones on the first
 * error. The error is thrown at once, or with `settle` only once the calls in flight have
 * ended (for work that writes files, so nothing is still writing when the caller cleans up).
 */
async function mapLimit(items, limit, fn, { settle = false } = {}) {
    const results = new Array(items.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (!failed && next < items.length) {
            const i = next++;
            try {
                results[i] = await fn(items[i], i);
            }
            catch (err) {
                failed = true;
                throw err;
            }
        }
    };
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
    if (!settle)
        await Promise.all(workers);
    else {
        const rejected = (await Promise.allSettled(workers)).find((r) => r.status === 'rejected');
        if (rejected)
            throw rejected.reason;
    }
    return results;
}


/***/ })

};
