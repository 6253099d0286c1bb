import type { Corner } from '@/src/settings/corners';
import { PILL_SELECTOR } from './pill';

/**
 * The pill keeps clear of the page's own bars and buttons. It sits in a corner of the
 * viewport, where pages put what stays on screen too: a cookie banner along the bottom
 * with its buttons at the right, a chat button, "back to top", a sticky header. Drawn over
 * them in the top layer, it would take their clicks, and a reader could not answer the
 * cookie banner at all: the extension must never break the page. So the pill moves out of
 * their way, up from a bottom corner (down from a top one), and back when they go.
 *
 * Only what stays put on screen counts (an element that is fixed or sticky, or inside one):
 * the article scrolls out from under the pill. And only a bar, not a backdrop: an element
 * taller than `MAX_SHARE` of the viewport (a dialog's backdrop, a sidebar) is not climbed
 * over; the pill stays in its corner, where the reader can still move it (the panel's
 * corner control).
 */

/** The space between the pill and what it keeps clear of, in px. */
export const GAP = 8;
/** The most the pill moves, as a share of the viewport's height. */
export const MAX_SHARE = 0.4;
/** How often the pill looks again while the page is visible (banners come late and go). */
export const LOOK_EVERY_MS = 2000;
/**
 * The most space between two of the points it looks at along the pill: anything at least
 * this wide under it is found (a chat button is 40 to 60 px wide, in the same corner).
 */
export const STEP = 32;

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box of what stays on screen at a point of the viewport, if the page has something there. */
export type Probe = (x: number, y: number) => Rect | null;

/**
 * How far to move the pill from its corner (px, 0 for not at all) so that nothing `probe`
 * finds lies under it: `pill` is its box in the corner, unmoved. It looks along the pill's
 * middle, at most `STEP` apart (not inside a box already found), then again where the first
 * move put it (a chat button above a cookie banner), a few times at most.
 */
export function liftToClear(corner: Corner, pill: Rect, viewportHeight: number, probe: Probe): number {
  const fromBottom = corner.startsWith('bottom');
  const most = viewportHeight * MAX_SHARE;
  let lift = 0;
  for (let round = 0; round < 3; round++) {
    const shift = fromBottom ? -lift : lift;
    const [top, bottom] = [pill.top + shift, pill.bottom + shift];
    const [left, right] = [pill.left, pill.right];
    const y = (top + bottom) / 2;
    const span = right - left - 4;
    const steps = Math.max(2, Math.ceil(span / STEP));
    const found: Rect[] = [];
    let need = lift;
    for (let i = 0; i <= steps; i++) {
      const x = left + 2 + (span * i) / steps;
      if (found.some((b) => x >= b.left && x < b.right && y >= b.top && y < b.bottom)) continue;
      const box = probe(x, y);
      if (!box) continue;
      found.push(box);
      if (box.bottom - box.top > most) continue;
      need = Math.max(need, fromBottom ? pill.bottom - box.top + GAP : box.bottom + GAP - pill.top);
    }
    if (need <= lift) break;
    lift = need;
  }
  return lift > most ? 0 : Math.ceil(lift);
}

/**
 * What the page has on screen at a point: the topmost of its elements there that takes
 * clicks (`elementsFromPoint` leaves out what has `pointer-events: none`), not ours, looked
 * for inside the shadow roots it is in too (consent tools draw their banners in one), and
 * the box of the fixed or sticky element it is, or is in; null when that element scrolls
 * with the page, or there is none. A fixed layer taller than the limit that lets clicks
 * through to a banner inside it answers with the largest box within the limit on the way
 * to it: the banner, not the layer. (A sticky element that is not stuck, or a fixed one in
 * a transformed ancestor, scrolls with the page yet counts: the pill moves for it while it
 * is there, and back after.)
 */
export function pageProbe(
  doc: Document,
  isOurs: (element: Element) => boolean,
  shadowOf: (element: Element) => ShadowRoot | null = (element) => element.shadowRoot,
): Probe {
  const view = doc.defaultView;
  const most = (view?.innerHeight ?? 0) * MAX_SHARE;
  return (x, y) => {
    let hit = doc.elementsFromPoint(x, y).find((element) => !isOurs(element));
    for (let depth = 0; hit && depth < 4; depth++) {
      const deeper = shadowOf(hit)?.elementsFromPoint(x, y)[0];
      if (!deeper || deeper === hit) break;
      hit = deeper;
    }
    // Only a positioned element is fixed or sticky: the element, then its offset parents
    // (a fixed element has none), rather than the style of every ancestor.
    const path: Element[] = [];
    for (let e = hit ?? null; e && e !== doc.body && e !== doc.documentElement; e = offsetParent(e)) {
      const position = view?.getComputedStyle(e).position;
      if (position === 'fixed' || position === 'sticky') {
        const box = e.getBoundingClientRect();
        if (box.bottom - box.top <= most) return box;
        for (const inner of path.reverse()) {
          const b = inner.getBoundingClientRect();
          if (b.bottom - b.top <= most) return b;
        }
        return box;
      }
      path.push(e);
    }
    return null;
  };
}

/**
 * How much of the viewport's top and bottom edges the page's own fixed or sticky bars take
 * (a site header, a cookie banner): what `probe` finds a little inside each edge, at three
 * points across, each bar at most `MAX_SHARE` of the viewport's height.
 */
export function pageBars(probe: Probe, width: number, height: number): { top: number; bottom: number } {
  let top = 0;
  let bottom = 0;
  const most = height * MAX_SHARE;
  for (const x of [width / 4, width / 2, (width * 3) / 4]) {
    const high = probe(x, 2);
    if (high && high.top <= 2 && high.bottom - high.top <= most) top = Math.max(top, high.bottom);
    const low = probe(x, height - 2);
    if (low && low.bottom >= height - 2 && low.bottom - low.top <= most) bottom = Math.max(bottom, height - low.top);
  }
  return { top, bottom };
}

/** The nearest positioned ancestor of an HTML element (an SVG one's parent, to go on from). */
const offsetParent = (e: Element): Element | null =>
  'offsetParent' in e ? (e as HTMLElement).offsetParent : e.parentElement;

/** The CSS variable that moves the pill (in-page.css). */
const LIFT = '--fh-lift';
/** On the container while the pill is being placed: it is laid out, not drawn (in-page.css). */
const PLACING = 'fh-placing';

/**
 * Keeps the pill in `container` clear of the page: looks on resize, scroll and click, and
 * every `LOOK_EVERY_MS` while the page is visible, each time when the browser is idle (the
 * page's layout is then up to date, so looking costs a few hit tests).
 */
export function keepClearOfPage(
  container: HTMLElement,
  corner: () => Corner,
  isOurs: (element: Element) => boolean,
  {
    shadowOf,
    alive = () => true,
  }: {
    /** The shadow root of a page's element, closed ones too where the extension can read them. */
    shadowOf?: (element: Element) => ShadowRoot | null;
    /** False once the script is orphaned (the extension updated or removed): it stops looking. */
    alive?: () => boolean;
  } = {},
): { look(): void; place(): void; stop(): void } {
  const doc = container.ownerDocument;
  const view = doc.defaultView;
  let lift = 0;
  let pending = false;
  const lookNow = () => {
    pending = false;
    const pill = container.querySelector(PILL_SELECTOR);
    // Under a fullscreen video the pill is not drawn: what is on screen then is the video's
    // own (its controls), not the page's, and the pill stays where it was for after.
    if (!pill || !view || doc.fullscreenElement) return;
    const r = pill.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    // Its box in the corner, unmoved.
    const shift = corner().startsWith('bottom') ? lift : -lift;
    const unmoved = { left: r.left, right: r.right, top: r.top + shift, bottom: r.bottom + shift };
    const next = liftToClear(corner(), unmoved, view.innerHeight, pageProbe(doc, isOurs, shadowOf));
    if (next === lift) return;
    lift = next;
    if (lift === 0) container.style.removeProperty(LIFT);
    else container.style.setProperty(LIFT, `${lift}px`);
  };
  const look = () => {
    if (pending || doc.hidden || !view) return;
    pending = true;
    if (typeof view.requestIdleCallback === 'function') view.requestIdleCallback(lookNow, { timeout: 500 });
    else view.setTimeout(lookNow, 50);
  };
  /**
   * As it is first drawn: hidden (still laid out) until the frame after, then looked at,
   * and shown where it goes. Looking at once would make the browser lay the page out
   * again to hit-test it, work its next frame does anyway (npm run bench:detect counted
   * it as the UI's, 8 ms); a frame later the layout is up to date and looking costs a few
   * hit tests; hidden meanwhile, the pill never shows over the page's bar first.
   */
  const place = () => {
    if (!view) return;
    container.classList.add(PLACING);
    view.requestAnimationFrame(() =>
      view.setTimeout(() => {
        try {
          lookNow();
        } finally {
          container.classList.remove(PLACING);
        }
      }),
    );
  };
  const every = view?.setInterval(() => {
    if (alive()) look();
  }, LOOK_EVERY_MS);
  const options = { capture: true, passive: true };
  // A click may close what the pill moved for (a cookie banner's "Accept"); a page shown
  // again, or out of fullscreen, may have a banner that came meanwhile.
  const events = ['resize', 'scroll', 'click'] as const;
  const documentEvents = ['visibilitychange', 'fullscreenchange'] as const;
  for (const type of events) view?.addEventListener(type, look, options);
  for (const type of documentEvents) doc.addEventListener(type, look);
  return {
    look,
    place,
    stop() {
      view?.clearInterval(every);
      for (const type of events) view?.removeEventListener(type, look, options);
      for (const type of documentEvents) doc.removeEventListener(type, look);
      container.style.removeProperty(LIFT);
      lift = 0;
    },
  };
}
