import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { debug } from '../log.js';
import { errorMessage } from '../errors.js';
import { compressChunk } from './deflate-chunk.mjs';

/** The most compression workers a bake starts, whatever the machine reports. */
export const MAX_COMPRESSION_WORKERS = 16;

/**
 * Workers to compress with: `KILN_COMPRESS_WORKERS` (0 = on the calling thread only), else one
 * per core but one: the calling thread compresses too whenever every worker has its next chunk
 * (DeflatePool.deflate), and each worker costs about 40 MiB.
 */
export function defaultCompressionWorkers(env = process.env): number {
  const asked = env.KILN_COMPRESS_WORKERS?.trim();
  if (asked && /^\d+$/.test(asked)) return Math.min(Number(asked), MAX_COMPRESSION_WORKERS);
  return Math.max(1, Math.min(availableParallelism() - 1, MAX_COMPRESSION_WORKERS));
}

/** Young-generation size of a compression worker. */
const WORKER_YOUNG_MIB = 4;

interface Job {
  data: Uint8Array;
  dictionary: Uint8Array | undefined;
  final: boolean;
  level: number;
  /** The output, the input buffer handed back (it travelled to the worker and back), the worker. */
  resolve: (out: Uint8Array, data: Uint8Array, worker?: number) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Numbered in start order, for the debug log. */
  id: number;
  ready: boolean;
  /** Chunks posted to the worker, in the order it compresses them. */
  jobs: Job[];
}

/**
 * Chunks posted to a worker at once: the one it compresses and the next. The worker starts the
 * next as soon as it ends one, without waiting for this thread's event loop, which may be busy
 * compressing a chunk of its own for a hundred milliseconds.
 */
const POSTED_PER_WORKER = 2;

/** What a chunk compressed on the pool gives back. */
export interface Deflated {
  out: Uint8Array;
  /** The input buffer, usable again. */
  data: Uint8Array;
  /** The worker thread that compressed it; undefined when compressed on this thread. */
  worker?: number;
}

/**
 * A fixed set of worker threads running compressChunk (started one at a time, on demand). Which
 * worker compresses a chunk does not matter (the output depends on the chunk alone), so jobs go to whichever is idle. Workers are
 * unreferenced while idle, so a pool left alive never keeps the process from exiting.
 */
export class DeflatePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  /** Set when a worker could not start (e.g. a bundle without the worker file): compress here. */
  private broken = false;
  private started = 0;

  constructor(readonly size: number) {}

  /** Whether every loaded worker has its next chunk posted behind the one it compresses. */
  private saturated(): boolean {
    const ready = this.slots.filter((s) => s.ready);
    return (
      ready.length > 0 &&
      this.queue.length === 0 &&
      ready.every((s) => s.jobs.length >= POSTED_PER_WORKER)
    );
  }

  /** Starts the first worker ahead of the first chunk: loading it takes 0.1 to 0.3 s. */
  warm(): void {
    // Nothing waits on it yet (chunks compress here until a worker is ready): its loading must
    // not keep alive a process that ends up needing no worker (a bake of cached layers).
    if (!this.broken && this.slots.length === 0 && this.size > 0) this.start().worker.unref();
  }

  /**
   * compressChunk of one chunk, on a worker; on this thread while no worker has loaded yet (the
   * first chunks of a process do not wait for one), when every worker already has its next
   * chunk posted (this thread is one more compressor), for a last chunk when no worker is free,
   * or if workers cannot run.
   */
  deflate(
    data: Uint8Array,
    dictionary: Uint8Array | undefined,
    final: boolean,
    level: number,
  ): Promise<Deflated> {
    if (!this.broken && this.slots.length === 0) this.start();
    // A layer's last chunk is what its caller waits for: queued behind a busy worker it would
    // keep this thread waiting, so it is compressed here unless a worker is free.
    const last = final && !this.slots.some((s) => s.ready && s.jobs.length === 0);
    if (this.broken || !this.slots.some((s) => s.ready) || this.saturated() || last) {
      try {
        return Promise.resolve({ out: compressChunk(data, dictionary, final, level), data });
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    return new Promise<Deflated>((resolve, reject) => {
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

  private pump(): void {
    while (this.queue.length) {
      // An idle worker first, else one with room for its next chunk; a new worker only when
      // none is idle or loading.
      const ready = this.slots.filter((s) => s.ready);
      const idle = ready.find((s) => s.jobs.length === 0);
      const starting = this.slots.some((s) => !s.ready);
      if (!idle && !starting && this.slots.length < this.size) this.start();
      const slot = idle ?? ready.find((s) => s.jobs.length < POSTED_PER_WORKER);
      if (!slot) return;
      const job = this.queue.shift() as Job;
      slot.jobs.push(job);
      slot.worker.ref();
      // Moved, not copied; a worker that has said `ready` has loaded, so a chunk it dies with is
      // an error, while one that fails to load never received any.
      const { data, dictionary, final, level } = job;
      slot.worker.postMessage({ data, dictionary, final, level }, [job.data.buffer as ArrayBuffer]);
    }
  }

  private start(): Slot {
    const worker = new Worker(new URL('./deflate-chunk.mjs', import.meta.url), {
      workerData: { kilnDeflate: true },
      // fflate allocates its buffers per chunk; a small young generation collects them after a
      // few chunks instead of letting each worker hold tens of MiB of dead buffers.
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MIB },
    });
    const slot: Slot = { worker, id: ++this.started, ready: false, jobs: [] };
    // Referenced while it starts or works, so the process waits for it; idle, it is not.
    worker.on(
      'message',
      (msg: { ready?: boolean; out?: Uint8Array; data?: Uint8Array; error?: string }) => {
        if (msg.ready) {
          slot.ready = true;
          worker.unref();
          this.pump();
          return;
        }
        const job = slot.jobs.shift();
        if (slot.jobs.length === 0) worker.unref();
        if (job) {
          if (msg.out && msg.data) job.resolve(msg.out, msg.data, slot.id);
          else job.reject(new Error(`compression worker: ${msg.error ?? 'no output'}`));
        }
        this.pump();
      },
    );
    worker.on('error', (err) => this.lost(slot, err));
    worker.on('exit', (code) => this.lost(slot, new Error(`compression worker exited (${code})`)));
    this.slots.push(slot);
    return slot;
  }

  /**
   * A worker that fails (most often: its file cannot be loaded) is dropped and its chunk
   * compressed here; the bytes are the same, only slower.
   */
  private lost(slot: Slot, err: Error): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    // Its chunks went to the worker and are gone with it.
    for (const job of slot.jobs.splice(0))
      job.reject(new Error(`compression worker failed: ${errorMessage(err)}`, { cause: err }));
    if (slot.ready) {
      this.pump();
      return;
    }
    if (!this.broken)
      debug(`compression workers unavailable, compressing in-thread: ${errorMessage(err)}`);
    this.broken = true;
    for (const job of this.queue.splice(0)) {
      try {
        job.resolve(compressChunk(job.data, job.dictionary, job.final, job.level), job.data);
      } catch (e) {
        job.reject(e as Error);
      }
    }
  }
}

const pools = new Map<number, DeflatePool>();

/** Starts loading a compression worker now, so the first compressed chunk finds it ready. */
export function warmDeflatePool(size = defaultCompressionWorkers()): void {
  if (size > 0) deflatePool(size).warm();
}

/** The process's pool of `size` workers, started on first use and kept for later layers. */
export function deflatePool(size: number): DeflatePool {
  let pool = pools.get(size);
  if (!pool) {
    pool = new DeflatePool(size);
    pools.set(size, pool);
  }
  return pool;
}
