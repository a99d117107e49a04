import { describe, expect, it } from 'vitest';
import { mapBounded } from './reviewPool';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapBounded', () => {
  it('never runs more than the limit at once, uses the limit, and keeps the order', async () => {
    let running = 0;
    let most = 0;
    const out = await mapBounded([5, 1, 4, 2, 3, 9, 7], 3, async (item) => {
      running += 1;
      most = Math.max(most, running);
      for (let i = 0; i < item; i += 1) await tick();
      running -= 1;
      return item * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 90, 70]);
    expect(most).toBe(3);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    await expect(
      mapBounded([1, 2, 3, 4, 5], 1, async (item) => {
        started.push(item);
        await tick();
        if (item === 2) throw new Error('two failed');
        return item;
      }),
    ).rejects.toThrow('two failed');
    expect(started).toEqual([1, 2]);
  });

  it('answers an empty list at once', async () => {
    expect(await mapBounded([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});
