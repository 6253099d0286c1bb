// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { GAP, keepClearOfPage, liftToClear, MAX_SHARE, type Probe, pageProbe, type Rect } from './clear-of-page';

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

describe('what the page has on screen at a point', () => {
  /** A document whose hit test answers `hits`, with the positions given by class name. */
  function fakeDocument(real: Document, hits: Element[], positions: Record<string, string>) {
    return {
      body: real.body,
      documentElement: real.documentElement,
      elementsFromPoint: () => hits,
      defaultView: { getComputedStyle: (e: Element) => ({ position: positions[e.className] ?? 'static' }) },
    } as unknown as Document;
  }

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
});

describe('keeping the pill clear as it is drawn', () => {
  it('hides it while it is placed, then shows it moved above the banner', async () => {
    const container = document.createElement('div');
    const wrapper = document.createElement('div');
    const pill = document.createElement('button');
    pill.dataset.firsthand = 'pill';
    wrapper.append(pill);
    container.append(wrapper);
    document.body.append(container);
    const banner = document.createElement('div');
    banner.style.position = 'fixed';
    document.body.append(banner);
    // The layout a browser would give them (happy-dom lays nothing out).
    pill.getBoundingClientRect = () => ({ ...bottomRight, width: 293, height: 32 }) as DOMRect;
    banner.getBoundingClientRect = () => ({ left: 0, right: 1280, top: 822, bottom: 900 }) as DOMRect;
    Object.defineProperty(window, 'innerHeight', { value: HEIGHT, configurable: true });
    document.elementsFromPoint = () => [container, banner, document.body];
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
  });
});

/** Waits (no fixed sleep) until `check` holds, a frame at a time, and fails if it never does. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 16));
  expect(check()).toBe(true);
}
