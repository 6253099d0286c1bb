import { describe, expect, it } from 'vitest';
import { oneAtATime } from './one-at-a-time';

describe('oneAtATime', () => {
  it('runs one at a time, and requests during a run make one more run, not several', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const finish: (() => void)[] = [];
    const work = () =>
      new Promise<void>((resolve) => {
        runs++;
        running++;
        most = Math.max(most, running);
        finish.push(() => {
          running--;
          resolve();
        });
      });
    let after = 0;
    const one = oneAtATime(work, { after: () => after++, alive: () => true });
    one.request();
    one.request();
    one.request();
    expect(one.idle()).toBe(false);
    finish.shift()?.();
    await expect.poll(() => runs).toBe(2);
    finish.shift()?.();
    await expect.poll(() => one.idle()).toBe(true);
    expect([runs, after, most]).toEqual([2, 2, 1]);
  });

  it('makes no more run once it is no longer alive', async () => {
    let runs = 0;
    let alive = true;
    let finished = 0;
    let finish = () => {};
    const one = oneAtATime(
      () =>
        new Promise<void>((resolve) => {
          runs++;
          finish = resolve;
        }),
      { after: () => finished++, alive: () => alive },
    );
    one.request();
    one.request();
    alive = false;
    finish();
    // The positive signal: the first run is over, and the one asked for was not started.
    await expect.poll(() => finished).toBe(1);
    expect(runs).toBe(1);
  });
});
