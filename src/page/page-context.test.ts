// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';
import { ContentScriptContext } from './page-context';

// What the detection script uses of WXT's context, checked against WXT's own types.
type Used = Pick<WxtContext, 'isValid' | 'signal' | 'onInvalidated' | 'setTimeout' | 'addEventListener'>;
const used = (ctx: ContentScriptContext): Used => ctx;

afterEach(() => vi.useRealTimers());

describe("the detection script's context", () => {
  it('dispatches nothing to the page when it starts or when the address changes', async () => {
    vi.useFakeTimers();
    const heard: string[] = [];
    const listen = (target: EventTarget) => {
      const dispatch = target.dispatchEvent.bind(target);
      vi.spyOn(target, 'dispatchEvent').mockImplementation((event) => {
        heard.push(event.type);
        return dispatch(event);
      });
    };
    listen(window);
    listen(document);
    const ctx = used(new ContentScriptContext());
    const changes: string[] = [];
    ctx.addEventListener(window, 'wxt:locationchange', () => changes.push(location.href));
    history.pushState({}, '', '/another-article');
    await vi.advanceTimersByTimeAsync(1100);
    expect(changes).toEqual([location.href]);
    expect(heard).toEqual([]);
  });

  it('stops its timers once invalidated, and says so', async () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext();
    const ran = vi.fn();
    const invalidated = vi.fn();
    ctx.onInvalidated(invalidated);
    ctx.setTimeout(ran, 10);
    ctx.notifyInvalidated();
    await vi.advanceTimersByTimeAsync(20);
    expect(ran).not.toHaveBeenCalled();
    expect(invalidated).toHaveBeenCalledTimes(1);
    expect(ctx.isValid).toBe(false);
  });

  it('removes its listeners with it', () => {
    const ctx = new ContentScriptContext();
    const clicked = vi.fn();
    ctx.addEventListener(document, 'click', clicked);
    document.dispatchEvent(new Event('click'));
    ctx.notifyInvalidated();
    document.dispatchEvent(new Event('click'));
    expect(clicked).toHaveBeenCalledTimes(1);
  });
});
