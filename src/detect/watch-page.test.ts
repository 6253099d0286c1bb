// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type PageChange, watchPage } from './watch-page';

/** The parts of WXT's context that watchPage uses, over the test's (fake) timers. */
function fakeContext() {
  const controller = new AbortController();
  const cleanups: (() => void)[] = [];
  const ctx = {
    setTimeout: (handler: () => void, ms: number) => window.setTimeout(handler, ms),
    addEventListener: (target: EventTarget, type: string, handler: EventListener) =>
      target.addEventListener(type, handler, { signal: controller.signal }),
    onInvalidated: (cleanup: () => void) => cleanups.push(cleanup),
  } as unknown as ContentScriptContext;
  const invalidate = () => {
    controller.abort();
    for (const cleanup of cleanups) cleanup();
  };
  return { ctx, invalidate };
}

/** WXT's location change event: the new address as `newUrl`. */
const locationChange = (to: string) =>
  Object.assign(new Event('wxt:locationchange'), { newUrl: new URL(to, location.href) });

describe('watchPage', () => {
  let changes: PageChange[];
  let invalidate: () => void;
  let watching: ReturnType<typeof watchPage>;
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<article><p>Text</p></article><div id="ticker"></div>';
    changes = [];
    const fake = fakeContext();
    invalidate = fake.invalidate;
    watching = watchPage(
      fake.ctx,
      (change) => changes.push(change),
      () => false,
    );
  });
  afterEach(() => {
    invalidate();
    vi.useRealTimers();
  });

  const mutate = () => {
    const ticker = document.getElementById('ticker');
    if (ticker) ticker.textContent = String(Math.random());
  };

  it('says a rescan is due from a change until it runs', async () => {
    expect(watching.due()).toBe(false);
    mutate();
    await vi.advanceTimersByTimeAsync(50);
    expect(watching.due()).toBe(true);
    expect(changes).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(changes).toEqual(['content']);
    expect(watching.due()).toBe(false);
  });

  it('rescans once after a burst of late content has settled', async () => {
    for (let i = 0; i < 10; i++) {
      mutate();
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(changes).toEqual(['content']);
  });

  it('keeps a page that mutates constantly (a live ticker) from keeping it busy, without starving it', async () => {
    for (let t = 0; t < 30_000; t += 300) {
      mutate();
      await vi.advanceTimersByTimeAsync(300);
    }
    // At most one rescan every 4 s, and still one at least that often.
    expect(changes.length).toBeLessThanOrEqual(8);
    expect(changes.length).toBeGreaterThanOrEqual(6);
  });

  it('does not rescan for its own UI being added to the page', async () => {
    invalidate();
    const host = document.createElement('firsthand-panel');
    const mine: PageChange[] = [];
    const fake = fakeContext();
    invalidate = fake.invalidate;
    watchPage(
      fake.ctx,
      (change) => mine.push(change),
      (node) => node === host || host.contains(node),
    );
    document.body.append(host);
    host.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(3000);
    expect(mine).toEqual([]);
    mutate();
    await vi.advanceTimersByTimeAsync(3000);
    expect(mine).toEqual(['content']);
  });

  it('answers a navigation promptly, even right after a rescan', async () => {
    mutate();
    await vi.advanceTimersByTimeAsync(1000);
    expect(changes).toEqual(['content']);
    window.dispatchEvent(locationChange('/another-article'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(changes).toEqual(['content', 'navigation']);
  });

  it('takes a jump within the article (#comments, a footnote) for no navigation', async () => {
    window.dispatchEvent(locationChange('#comments'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(changes).toEqual([]);
  });
});
