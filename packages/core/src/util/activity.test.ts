import { describe, expect, it } from '@jest/globals';
import { activity, currentActivity } from './activity.js';

describe('activity', () => {
  it('nests labels outermost first and forgets them outside', async () => {
    expect(currentActivity()).toBeUndefined();
    const seen = await activity('baking app', () =>
      activity('reading layer sha256:ab of base busybox', async () => {
        await new Promise((r) => setTimeout(r, 1));
        return currentActivity();
      }),
    );
    expect(seen).toBe('baking app: reading layer sha256:ab of base busybox');
    expect(currentActivity()).toBeUndefined();
  });

  it('keeps concurrent branches apart', async () => {
    const both = await Promise.all(
      ['a', 'b'].map((l) => activity(l, async () => (await Promise.resolve(), currentActivity()))),
    );
    expect(both).toEqual(['a', 'b']);
  });
});
