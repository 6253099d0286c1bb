import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { articleUrl } from '@/src/messaging/article-url';

/** Quiet time after the last change before a rescan: late content arrives in bursts. */
export const SETTLE_MS = 800;
/** However busy the page (a live ticker), at most one rescan in this long... */
export const MIN_INTERVAL_MS = 4000;
/** ...and at least one this long after a change, even if the page never falls quiet. */
const MAX_WAIT_MS = 2500;

export type PageChange = 'navigation' | 'content';

/**
 * What the watcher needs of a content script's context: timers and listeners that stop
 * when the script does (WXT's context, or src/page/page-context.ts's).
 */
export type PageLifetime = Pick<ContentScriptContext, 'setTimeout' | 'addEventListener' | 'onInvalidated'>;

/**
 * Calls `rescan` when the page shows a new article (single-page-app navigation, through the
 * Navigation API where present) or its content changes (late content), debounced and
 * rate-limited so that a page that mutates constantly never keeps the extension busy, yet
 * never starves it either. `ignore` tells mutations of our own UI apart.
 */
export function watchPage(
  ctx: PageLifetime,
  rescan: (change: PageChange) => void,
  ignore: (node: Node) => boolean,
): { due(): boolean } {
  let timer: number | undefined;
  let firstChange = 0;
  let lastRun = 0;
  let pending: PageChange = 'content';

  const schedule = (change: PageChange) => {
    const now = Date.now();
    if (change === 'navigation') {
      pending = 'navigation';
      lastRun = 0; // a new article deserves a prompt answer
    }
    if (timer === undefined) firstChange = now;
    else clearTimeout(timer);
    // Settle, but not past the max wait from the first change of this burst, and never
    // sooner than the rate limit allows.
    const settle = Math.min(now + SETTLE_MS, firstChange + MAX_WAIT_MS);
    const due = Math.max(settle, lastRun + MIN_INTERVAL_MS);
    timer = ctx.setTimeout(() => {
      timer = undefined;
      lastRun = Date.now();
      const kind = pending;
      pending = 'content';
      rescan(kind);
    }, due - now);
  };

  // A new address is a new article, unless only its fragment changed (#comments, a footnote).
  let article = articleUrl(location.href);
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    const next = articleUrl((event as Event & { newUrl?: URL }).newUrl?.href ?? location.href);
    if (next === article) return;
    article = next;
    schedule('navigation');
  });
  const observer = new MutationObserver((records) => {
    if (records.every((r) => ours(r, ignore))) return;
    schedule('content');
  });
  // The root, not <body>: some apps replace <body> itself, and some documents have none.
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
  // Whether a rescan is due: the page changed since it was last read, or is changing.
  return { due: () => timer !== undefined };
}

/** A mutation of our own UI: inside it, or only our host being added to or removed from the page. */
function ours(r: MutationRecord, ignore: (node: Node) => boolean): boolean {
  if (ignore(r.target)) return true;
  if (r.type !== 'childList') return false;
  const nodes = [...r.addedNodes, ...r.removedNodes];
  return nodes.length > 0 && nodes.every(ignore);
}
