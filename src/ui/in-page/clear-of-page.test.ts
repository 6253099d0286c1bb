// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import {
  GAP,
  keepClearOfPage,
  liftToClear,
  MAX_SHARE,
  type Probe,
  pageBars,
  pageProbe,
  type Rect,
  STEP,
} from './clear-of-page';

/** A 1280×900 viewport; the pill in the bottom-right corner, 16px from its edges. */
const HEIGHT = 900;
const bottomRight: Rect = { left: 971, right: 1264, top: 852, bottom: 884 };
const topRight: Rect = { left: 971, right: 1264, top: 16, bottom: 48 };

/** A page whose fixed boxes are these: the topmost holding a point answers. */
const pageOf =
  (...boxes: Rect[]): Probe =>
  (x, y) =>
    boxes.find((b) => x >= b.left && x < b.right && y >= b.top && y < b.bottom) ?? null;

describe('how far the pill moves to keep clear of the page', () => {
  it('stays in its corner where the page has nothing fixed there', () => {
    expect(liftToClear('bottom-right', bottomRight, HEIGHT, pageOf())).toBe(0);
    // Something fixed elsewhere (a header) is not in its way.
    expect(liftToClear('bottom-right', bottomRight, HEIGHT, pageOf({ left: 0, right: 1280, top: 0, bottom: 60 }))).toBe(
      0,
    );
  });

  it('moves up above a cookie banner along the bottom', () => {
    const banner = { left: 0, right: 1280, top: 822, bottom: 900 };
    const lift = liftToClear('bottom-right', bottomRight, HEIGHT, pageOf(banner));
    expect(lift).toBe(bottomRight.bottom - banner.top + GAP);
    expect(bottomRight.bottom - lift).toBe(banner.top - GAP);
  });

  it('finds a button under one end of the pill only', () => {
    const chat = { left: 1200, right: 1264, top: 836, bottom: 884 };
    expect(liftToClear('bottom-right', bottomRight, HEIGHT, pageOf(chat))).toBe(bottomRight.bottom - chat.top + GAP);
    // A chat button a little in from the corner, clear of the pill's ends: its centre is covered too.
    const inset = { left: 1212, right: 1260, top: 844, bottom: 892 };
    expect(liftToClear('bottom-right', bottomRight, HEIGHT, pageOf(inset))).toBe(bottomRight.bottom - inset.top + GAP);
    // Anything STEP wide anywhere under it.
    for (let left = bottomRight.left; left + STEP <= bottomRight.right; left += 7) {
      const button = { left, right: left + STEP, top: 840, bottom: 890 };
      expect(liftToClear('bottom-right', bottomRight, HEIGHT, pageOf(button)), `at ${left}`).toBeGreaterThan(0);
    }
  });

  it('moves on past what it finds where the first move put it', () => {
    const banner = { left: 0, right: 1280, top: 822, bottom: 900 };
    const chat = { left: 1180, right: 1264, top: 740, bottom: 814 };
    const lift = liftToClear('bottom-right', bottomRight, HEIGHT, pageOf(banner, chat));
    expect(bottomRight.bottom - lift).toBe(chat.top - GAP);
  });

  it('moves down below a sticky header from a top corner', () => {
    const header = { left: 0, right: 1280, top: 0, bottom: 64 };
    expect(liftToClear('top-right', topRight, HEIGHT, pageOf(header))).toBe(header.bottom + GAP - topRight.top);
  });

  it('does not climb over a backdrop or a tall sidebar, nor further than its share of the viewport', () => {
    const backdrop = { left: 0, right: 1280, top: 0, bottom: 900 };
    expect(liftToClear('bottom-right', bottomRight, HEIGHT, pageOf(backdrop))).toBe(0);
    const tall = { left: 900, right: 1280, top: 900 - HEIGHT * MAX_SHARE - 10, bottom: 900 };
    expect(liftToClear('bottom-right', bottomRight, HEIGHT, pageOf(tall))).toBe(0);
    // Two bars, each low, stacked higher than the share allows.
    const low = { left: 0, right: 1280, top: 800, bottom: 900 };
    const higher = { left: 900, right: 1280, top: 500, bottom: 792 };
    expect(liftToClear('bottom-right', bottomRight, HEIGHT, pageOf(low, higher))).toBe(0);
  });
});

describe("the page's bars at the viewport's edges", () => {
  it('measures a cookie banner at the bottom and a sticky header at the top', () => {
    const banner = { left: 0, right: 1000, top: 700, bottom: 800 };
    const header = { left: 0, right: 1000, top: 0, bottom: 60 };
    expect(pageBars(pageOf(banner, header), 1000, 800)).toEqual({ top: 60, bottom: 100 });
    // The control: a page with nothing fixed at its edges.
    expect(pageBars(pageOf(), 1000, 800)).toEqual({ top: 0, bottom: 0 });
  });

  it('takes a chat button in a corner only where it is looked for, and never a backdrop', () => {
    // A button at the far right, outside the three points across: not a bar.
    expect(pageBars(pageOf({ left: 900, right: 990, top: 720, bottom: 790 }), 1000, 800)).toEqual({
      top: 0,
      bottom: 0,
    });
    // A backdrop over the whole viewport is not a bar at its edges.
    expect(pageBars(pageOf({ left: 0, right: 1000, top: 0, bottom: 800 }), 1000, 800)).toEqual({ top: 0, bottom: 0 });
  });
});

describe('what the page has on screen at a point', () => {
  /** A document whose hit test answers `hits`, with the positions given by class name. */
  function fakeDocument(real: Document, hits: Element[], positions: Record<string, string>) {
    return {
      body: real.body,
      documentElement: real.documentElement,
      elementsFromPoint: () => hits,
      defaultView: {
        innerHeight: HEIGHT,
        getComputedStyle: (e: Element) => ({ position: positions[e.className] ?? 'static' }),
      },
    } as unknown as Document;
  }
  const box = (r: Rect) => () => r as DOMRect;

  it('answers with the box of the fixed or sticky element the topmost hit is in, ours left out', () => {
    const doc = document.implementation.createHTMLDocument('');
    const ours = doc.createElement('firsthand-panel');
    const banner = doc.createElement('div');
    banner.className = 'banner';
    const button = doc.createElement('button');
    banner.append(button);
    doc.body.append(banner, ours);
    banner.getBoundingClientRect = () => ({ left: 0, right: 1280, top: 822, bottom: 900 }) as DOMRect;
    const isOurs = (e: Element) => e === ours;
    const fixed = pageProbe(fakeDocument(doc, [ours, button, banner, doc.body], { banner: 'fixed' }), isOurs);
    expect(fixed(1000, 860)).toMatchObject({ top: 822, bottom: 900 });
    const sticky = pageProbe(fakeDocument(doc, [ours, button, banner, doc.body], { banner: 'sticky' }), isOurs);
    expect(sticky(1000, 860)).toMatchObject({ top: 822 });
    // The article scrolls from under the pill: nothing to keep clear of.
    expect(pageProbe(fakeDocument(doc, [ours, button, banner, doc.body], {}), isOurs)(1000, 860)).toBeNull();
    // Only ours there.
    expect(pageProbe(fakeDocument(doc, [ours], { banner: 'fixed' }), isOurs)(1000, 860)).toBeNull();
  });

  it('looks inside the shadow root a banner is drawn in, closed ones too', () => {
    const doc = document.implementation.createHTMLDocument('');
    const host = doc.createElement('div');
    doc.body.append(host);
    const inner = doc.createElement('div');
    inner.className = 'banner';
    inner.getBoundingClientRect = box({ left: 0, right: 1280, top: 800, bottom: 900 });
    const button = doc.createElement('button');
    inner.append(button);
    // The host, not fixed itself, is all the document's hit test says.
    const page = fakeDocument(doc, [host, doc.body], { banner: 'fixed' });
    const root = { elementsFromPoint: () => [button, inner, host] } as unknown as ShadowRoot;
    const none = () => false;
    expect(pageProbe(page, none)(1000, 860)).toBeNull();
    expect(pageProbe(page, none, (e) => (e === host ? root : null))(1000, 860)).toMatchObject({ top: 800 });
  });

  it('answers with the banner, not a full-screen layer that lets clicks through to it', () => {
    const doc = document.implementation.createHTMLDocument('');
    const layer = doc.createElement('div');
    layer.className = 'layer';
    layer.getBoundingClientRect = box({ left: 0, right: 1280, top: 0, bottom: 900 });
    const banner = doc.createElement('div');
    banner.className = 'banner';
    banner.getBoundingClientRect = box({ left: 0, right: 1280, top: 800, bottom: 900 });
    const button = doc.createElement('button');
    button.getBoundingClientRect = box({ left: 1100, right: 1200, top: 840, bottom: 876 });
    banner.append(button);
    layer.append(banner);
    doc.body.append(layer);
    const probe = pageProbe(
      fakeDocument(doc, [button, banner, layer], { layer: 'fixed', banner: 'absolute' }),
      () => false,
    );
    expect(probe(1150, 860)).toMatchObject({ top: 800, bottom: 900 });
    // A backdrop that takes the clicks itself is answered as it is, too tall to climb.
    const backdrop = pageProbe(fakeDocument(doc, [layer], { layer: 'fixed' }), () => false);
    expect(backdrop(1150, 860)).toMatchObject({ top: 0, bottom: 900 });
  });
});

describe('keeping the pill clear as it is drawn', () => {
  /** The pill in its container, over a fixed banner along the bottom of the page. */
  function pillOverBanner() {
    const container = document.createElement('div');
    const wrapper = document.createElement('div');
    const pill = document.createElement('button');
    pill.dataset.firsthand = 'pill';
    wrapper.append(pill);
    container.append(wrapper);
    const banner = document.createElement('div');
    banner.style.position = 'fixed';
    document.body.append(container, banner);
    // The layout a browser would give them (happy-dom lays nothing out).
    pill.getBoundingClientRect = () => ({ ...bottomRight, width: 293, height: 32 }) as DOMRect;
    banner.getBoundingClientRect = () => ({ left: 0, right: 1280, top: 822, bottom: 900 }) as DOMRect;
    const height = Object.getOwnPropertyDescriptor(window, 'innerHeight');
    Object.defineProperty(window, 'innerHeight', { value: HEIGHT, configurable: true });
    const hitTest = document.elementsFromPoint;
    document.elementsFromPoint = () => [container, banner, document.body];
    const restore = () => {
      document.elementsFromPoint = hitTest;
      if (height) Object.defineProperty(window, 'innerHeight', height);
      container.remove();
      banner.remove();
    };
    return { container, restore };
  }

  it('hides it while it is placed, then shows it moved above the banner', async () => {
    const { container, restore } = pillOverBanner();
    const keeper = keepClearOfPage(
      container,
      () => 'bottom-right',
      (e) => e === container || container.contains(e),
    );
    keeper.place();
    expect(container.classList.contains('fh-placing')).toBe(true);
    await until(() => !container.classList.contains('fh-placing'));
    expect(container.style.getPropertyValue('--fh-lift')).toBe(`${bottomRight.bottom - 822 + GAP}px`);
    keeper.stop();
    expect(container.style.getPropertyValue('--fh-lift')).toBe('');
    restore();
  });

  it('looks again on resize, and takes every listener and its timer away when stopped', async () => {
    const { container, restore } = pillOverBanner();
    const spies = {
      add: vi.spyOn(window, 'addEventListener'),
      remove: vi.spyOn(window, 'removeEventListener'),
      addDoc: vi.spyOn(document, 'addEventListener'),
      removeDoc: vi.spyOn(document, 'removeEventListener'),
      every: vi.spyOn(window, 'setInterval'),
      clear: vi.spyOn(window, 'clearInterval'),
    };
    const keeper = keepClearOfPage(
      container,
      () => 'bottom-right',
      (e) => e === container || container.contains(e),
    );
    const lift = () => container.style.getPropertyValue('--fh-lift');
    window.dispatchEvent(new Event('resize'));
    await until(() => lift() !== '');
    keeper.stop();
    expect(lift()).toBe('');
    const pairs = (spy: typeof spies.add) => spy.mock.calls.map(([type, listener]) => [type, listener]);
    expect(pairs(spies.add).map(([type]) => type)).toEqual(['resize', 'scroll', 'click']);
    expect(pairs(spies.remove)).toEqual(pairs(spies.add));
    expect(pairs(spies.addDoc).map(([type]) => type)).toEqual(['visibilitychange', 'fullscreenchange']);
    expect(pairs(spies.removeDoc)).toEqual(pairs(spies.addDoc));
    expect(spies.clear).toHaveBeenCalledWith(spies.every.mock.results[0]?.value);
    for (const spy of Object.values(spies)) spy.mockRestore();
    restore();
  });
});

/** Waits (no fixed sleep) until `check` holds, a frame at a time, and fails if it never does. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 16));
  expect(check()).toBe(true);
}
