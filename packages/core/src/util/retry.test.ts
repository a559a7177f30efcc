import { describe, expect, it } from '@jest/globals';
import { backoffMs, retry } from './retry.js';

describe('retry', () => {
  it('retries until success with growing waits, without real sleeping', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await retry(
      async () => {
        calls++;
        if (calls < 4) throw new Error(`boom ${calls}`);
        return 'ok';
      },
      { sleep: async (ms) => void waits.push(ms), random: () => 1, baseMs: 100 },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('gives up after the last attempt with the last error', async () => {
    let calls = 0;
    await expect(
      retry(
        async () => {
          calls++;
          throw new Error(`fail ${calls}`);
        },
        { attempts: 3, sleep: async () => {} },
      ),
    ).rejects.toThrow('fail 3');
    expect(calls).toBe(3);
  });

  it('stops at once on a non-retryable error', async () => {
    let calls = 0;
    await expect(
      retry(
        async () => {
          calls++;
          throw new Error('bad request');
        },
        { retryable: () => false, sleep: async () => {} },
      ),
    ).rejects.toThrow('bad request');
    expect(calls).toBe(1);
  });

  it('honours a wait chosen by the caller (Retry-After)', async () => {
    const waits: number[] = [];
    let calls = 0;
    await retry(
      async () => {
        if (++calls < 2) throw new Error('429');
      },
      { retryable: () => 3000, sleep: async (ms) => void waits.push(ms) },
    );
    expect(waits).toEqual([3000]);
  });

  it('caps backoff and keeps jitter in the upper half', () => {
    expect(backoffMs(10, 100, 1000, () => 0)).toBe(500);
    expect(backoffMs(10, 100, 1000, () => 1)).toBe(1000);
  });
});
