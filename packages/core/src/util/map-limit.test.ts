import { describe, expect, it } from '@jest/globals';
import { mapLimit } from './map-limit.js';

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('mapLimit', () => {
  it('keeps the results in input order with at most `limit` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapLimit([30, 5, 20, 1, 10], 2, async (ms, i) => {
      most = Math.max(most, ++inFlight);
      await tick(ms);
      inFlight--;
      return i * 10;
    });
    expect(out).toEqual([0, 10, 20, 30, 40]);
    expect(most).toBe(2);
  });

  it('starts nothing new after an error', async () => {
    const started: number[] = [];
    await expect(
      mapLimit([0, 1, 2, 3], 1, async (n) => {
        started.push(n);
        if (n === 1) throw new Error('boom');
        await tick(1);
      }),
    ).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
  });

  it('with settle, throws only once the calls in flight have ended', async () => {
    const ended: string[] = [];
    const run = mapLimit(
      ['fails', 'slow'],
      2,
      async (name) => {
        if (name === 'fails') throw new Error('first');
        await tick(50);
        ended.push(name);
      },
      { settle: true },
    );
    await expect(run).rejects.toThrow('first');
    expect(ended).toEqual(['slow']);
  });

  it('without settle, throws at once', async () => {
    const ended: string[] = [];
    await expect(
      mapLimit(['fails', 'slow'], 2, async (name) => {
        if (name === 'fails') throw new Error('first');
        await tick(50);
        ended.push(name);
      }),
    ).rejects.toThrow('first');
    expect(ended).toEqual([]);
    await tick(60);
  });
});
