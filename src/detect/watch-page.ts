import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Quiet time after the last change before a rescan: late content arrives in bursts. */
const SETTLE_MS = 800;
/** However busy the page (a live ticker), at most one rescan in this long. */
const MIN_INTERVAL_MS = 4000;

/**
 * Calls `rescan` when the page shows a new article (single-page-app navigation) or its
 * article grows (late content), debounced and rate-limited so a page that mutates
 * constantly never keeps the extension busy. `ignore` tells mutations of our own UI apart.
 */
export function watchPage(ctx: ContentScriptContext, rescan: () => void, ignore: (node: Node) => boolean): void {
  let timer: number | undefined;
  let last = 0;
  const schedule = (delay: number) => {
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.max(delay, last + MIN_INTERVAL_MS - Date.now());
    timer = ctx.setTimeout(() => {
      timer = undefined;
      last = Date.now();
      rescan();
    }, wait);
  };

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    last = 0; // a new article deserves a prompt answer
    schedule(SETTLE_MS);
  });
  const observer = new MutationObserver((records) => {
    if (records.every((r) => ignore(r.target))) return;
    schedule(SETTLE_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
}
