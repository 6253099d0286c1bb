/**
 * Issue 12, item 2: the page's own scripts can neither read nor drive the in-page UI. The
 * cards may come from an archive the reader imported privately, and the panel's buttons
 * open tabs and switch Firsthand off for a site. A script of the page tries everything it
 * can (reading shadow roots, synthetic clicks and keys on the host, at the pill's and the
 * buttons' coordinates and at a marked term's) and achieves nothing; the reader's trusted
 * input, given the same way after each attempt, does everything: the positive control
 * that the checks would see it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages } from '../src/testing/fixture-pages';
import {
  clickPillThroughPiercedDom,
  type Harness,
  IN_PAGE_HOST,
  inPage,
  launch,
  PANEL,
  PILL,
  TERM_CARD,
} from '../src/testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  const famine = fixturePages.famineOrphans;
  if (!famine) throw new Error('no famineOrphans fixture page');
  h.serve(famine.url, h.fixture(famine.file));
});
afterAll(async () => {
  await h?.close();
});

interface Point {
  x: number;
  y: number;
}

/**
 * What a page's script finds when it looks for the UI: the shadow root of every element
 * (the host's included), and whether any text of the cards shows anywhere it can read.
 */
function pageReads(page: Page, secrets: string[]) {
  return page.evaluate(
    ([host, secrets]) => {
      const elements = [...document.querySelectorAll('*')];
      const text = [document.documentElement.outerHTML, document.documentElement.innerText].join('\n');
      return {
        host: document.querySelector(host) !== null,
        shadowRoots: elements.filter((e) => e.shadowRoot !== null).length,
        cards: document.querySelectorAll('[data-passage-id]').length,
        secretsSeen: secrets.filter((s) => text.includes(s)),
      };
    },
    [IN_PAGE_HOST, secrets] as const,
  );
}

/**
 * A page's script doing all it can to click at `points` and press `keys`: the pointer
 * events a click makes, dispatched at whatever `elementFromPoint` gives there, `click()`,
 * and keys on the host, the element under the point, the document and the window.
 * Returns what the page saw at each point (our host, never what is inside it).
 */
function pageDrives(page: Page, points: Point[], keys: string[]) {
  return page.evaluate(
    ([host, points, keys]) => {
      const seen: string[] = [];
      const hostElement = document.querySelector<HTMLElement>(host);
      for (const { x, y } of points) {
        const target = document.elementFromPoint(x, y) ?? document.body;
        seen.push(target.tagName.toLowerCase());
        const at = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, button: 0 };
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
          const event = type.startsWith('pointer') ? new PointerEvent(type, at) : new MouseEvent(type, at);
          target.dispatchEvent(event);
        }
        (target as HTMLElement).click?.();
      }
      hostElement?.click();
      hostElement?.focus();
      for (const key of keys) {
        for (const target of [hostElement, document.activeElement, document, window]) {
          target?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
          target?.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true, composed: true }));
        }
      }
      return seen;
    },
    [IN_PAGE_HOST, points, keys] as const,
  );
}

const centre = (box: { x: number; y: number; width: number; height: number } | null): Point => {
  if (!box) throw new Error('no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

/** The reader pages open in the browser. */
const readers = () => h.context.pages().filter((p) => p.url().includes('/reader.html'));

describe("a page's own script", () => {
  it('cannot read the panel: no shadow root, no card text, while DevTools-style reading finds them', async () => {
    const page = await h.context.newPage();
    await page.goto(fixturePages.famineOrphans?.url ?? '');
    const ui = inPage(page);
    await ui.click(PILL);
    await ui.waitFor('[data-passage-id]');
    // What the cards hold, read through the pierced DOM: the positive control.
    const passageIds = await ui.attributes('[data-passage-id]', 'data-passage-id');
    const titles = await ui.evaluate((root) =>
      [...root.querySelectorAll('.fh-card__title')].map((t) => t.textContent ?? ''),
    );
    expect(passageIds.length).toBeGreaterThan(0);
    expect(titles?.[0]).toMatch(/Joseph's Story/);
    const secrets = [...passageIds, ...(titles ?? []), 'Read the full story', 'Why this'];

    expect(await pageReads(page, secrets)).toEqual({ host: true, shadowRoots: 0, cards: 0, secretsSeen: [] });
    await page.close();
  });

  it('cannot open the panel, close it, or press its buttons; the reader can', async () => {
    const page = await h.context.newPage();
    await page.goto(fixturePages.famineOrphans?.url ?? '');
    const ui = inPage(page);
    const tabId = await h.tabIdOf(page);
    await ui.waitFor(PILL);
    const badge = await h.badgeText(tabId);
    expect(badge).toMatch(/^[1-9]/);
    const pill = centre(await ui.box(PILL));

    // Clicks and keys at the pill: the page sees only our host there, and nothing opens.
    expect(await pageDrives(page, [pill], ['Enter', ' '])).toEqual([IN_PAGE_HOST]);
    expect(await ui.count(PANEL)).toBe(0);
    // The reader's click, found as PRODUCT.md tells an outside test to find it, opens it.
    expect(await clickPillThroughPiercedDom(page)).toBe(true);
    await ui.waitFor(PANEL);

    // Every button of the open panel, and the keys and clicks that close it.
    const buttons = await ui.evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>('.fh-panel button, .fh-panel select')].map((b) => {
        const r = b.getBoundingClientRect();
        return {
          x: r.x + r.width / 2,
          y: r.y + r.height / 2,
          visible: r.width > 0 && r.y >= 0 && r.bottom <= innerHeight,
        };
      }),
    );
    const points = (buttons ?? []).filter((b) => b.visible);
    expect(points.length).toBeGreaterThan(3);
    const outside = { x: 200, y: 300 };
    const seen = await pageDrives(page, [...points, outside], ['Escape', 'ArrowDown', 'End']);
    expect(new Set(seen.slice(0, -1))).toEqual(new Set([IN_PAGE_HOST]));
    // Still open, still on this page and this site, no reader or settings tab.
    expect(await ui.count(PANEL)).toBe(1);
    expect(await ui.count(PILL)).toBe(1);
    expect(await h.badgeText(tabId)).toBe(badge);
    const offSites = async () => (await h.worker()).evaluate(() => chrome.storage.local.get('offSites'));
    expect(await offSites()).not.toHaveProperty('offSites.0');
    expect(readers()).toEqual([]);
    expect(h.context.pages().filter((p) => p.url().includes('/options.html'))).toEqual([]);

    // The reader's own keys and clicks do each of these.
    await page.keyboard.press('Escape');
    await ui.waitFor(PANEL, { state: 'detached' });
    await ui.click(PILL);
    const [reader] = await Promise.all([
      h.context.waitForEvent('page'),
      ui.click('.fh-card__open', { hasText: 'Read the full story' }),
    ]);
    await reader.waitForLoadState();
    // One reader: the reader's click; the page's many clicks opened none before it.
    expect(readers()).toEqual([reader]);
    // Written before the reader's tab was asked for, a switch-off would be in storage now.
    expect(await offSites()).not.toHaveProperty('offSites.0');
    await reader.close();
    await page.bringToFront();
    await ui.click('.fh-panel button', { hasText: 'Hide on this page' });
    await ui.waitFor(PILL, { state: 'detached' });
    await page.close();
  });

  /**
   * Opens and closes the panel with the reader's pointer, so that the panel's code is in the
   * page: a term picked then draws its card in the same task as the pick, and a count taken
   * right after a page's scripted click or focus would see a card it wrongly opened. No key
   * is pressed (a focus soon after the reader's key is the reader's), and the test goes on
   * once the page's own clock says the pointer's window has passed (focus within 500 ms of
   * the reader's pointer is the pointer's doing, never a card's: term-marks.ts).
   */
  async function withPanelCode(page: Page): Promise<void> {
    const ui = inPage(page);
    await ui.click(PILL);
    await ui.waitFor(PANEL);
    await ui.click('.fh-panel__close');
    await ui.waitFor(PANEL, { state: 'detached' });
    const closedAt = await page.evaluate(() => performance.now());
    await page.waitForFunction((after) => performance.now() > after + 600, closedAt);
  }

  it('cannot open a term card with clicks at a marked term, nor close it with keys; the reader can', async () => {
    const page = await h.context.newPage();
    await page.goto(fixturePages.famineOrphans?.url ?? '');
    const ui = inPage(page);
    await ui.waitFor(PILL);
    // The marks are highlights the page can see (by design): where the term is, it knows.
    const term = await page.waitForFunction(() => {
      const range = [...(CSS.highlights.get('firsthand-term') ?? [])][0] as Range | undefined;
      const box = range?.getBoundingClientRect();
      return box && box.width > 0 ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
    });
    const point = (await term.jsonValue()) as Point;
    await withPanelCode(page);

    const seen = await pageDrives(page, [point], ['Enter']);
    expect(seen).not.toEqual([IN_PAGE_HOST]); // the article's own text is under the term
    expect(await ui.count(TERM_CARD)).toBe(0);
    // The reader's click at the same point opens it.
    await page.mouse.click(point.x, point.y);
    await ui.waitFor(TERM_CARD);
    await pageDrives(page, [{ x: 5, y: 5 }], ['Escape']);
    expect(await ui.count(TERM_CARD)).toBe(1);
    await page.keyboard.press('Escape');
    await ui.waitFor(TERM_CARD, { state: 'detached' });

    await page.close();
  });

  it('cannot open a term card by moving focus onto a link that holds a term; the reader’s Tab can', async () => {
    // The famine article with "famine" in its first paragraph as a link, and a link before it.
    const url = `${fixturePages.famineOrphans?.url}?linked`;
    const html = h
      .fixture(fixturePages.famineOrphans?.file ?? '')
      .replace(
        'Between about 1994 and 1998 a famine spread',
        '<a href="/before" id="before">Between</a> about 1994 and 1998 a <a href="/famine" id="term">famine</a> spread',
      );
    h.serve(url, html);
    const page = await h.context.newPage();
    await page.goto(url);
    const ui = inPage(page);
    await ui.waitFor(PILL);
    await page.waitForFunction(() =>
      [...(CSS.highlights.get('firsthand-term') ?? [])].some(
        (r) => (r as Range).startContainer.parentElement?.id === 'term',
      ),
    );
    await withPanelCode(page);
    // The page's focus() makes focus events the browser calls trusted: they open nothing.
    expect(await page.evaluate(() => document.getElementById('term')?.focus() ?? true)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('term');
    expect(await ui.count(TERM_CARD)).toBe(0);
    // The reader's Tab onto the same link opens its card.
    await page.evaluate(() => document.getElementById('before')?.focus());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('term');
    await ui.waitFor(TERM_CARD);
    await page.close();
  });
});
