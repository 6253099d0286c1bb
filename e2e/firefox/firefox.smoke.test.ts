/**
 * Firefox smoke test: the Firefox build (wxt build -b firefox) in Debian's firefox-esr,
 * headless through puppeteer-core. The in-page UI appears on a fixture page, and the
 * popup's search finds a testimony.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxHarness, launchFirefox } from './firefox-harness';

let h: FirefoxHarness;
const articlePath = '/news/articles/c0famine0001';
/** Uncaught errors in the article page and the popup: features Firefox lacks must fail quietly. */
const pageErrors: string[] = [];
/** The article page, open from the pill's test on. */
let article: Page;

beforeAll(async () => {
  h = await launchFirefox();
});

afterAll(async () => {
  await h?.close();
});

async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

/**
 * What the extension sees in the article's UI: its shadow root is closed, so the page's
 * world sees none of it; an extension's script sees it through Firefox's
 * `openOrClosedShadowRoot`, run in the tab by the extension itself (from one of its pages,
 * which has `browser`). The pill's words and box, the cards shown, whether the panel's
 * code is in the page, and what the page pipeline keeps in that world (src/page/scan-record.ts).
 */
const look = async () => {
  const probe = await h.extensionPage('/popup.html');
  try {
    return await probe.evaluate(async (articleUrl) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const tab = (await api.tabs.query({})).find((t) => t.url === articleUrl);
      if (tab?.id === undefined) return null;
      const [frame] = await api.scripting.executeScript({
        target: { tabId: tab.id },
        func: () => {
          const host = document.querySelector('firsthand-panel') as
            | (Element & { openOrClosedShadowRoot?: ShadowRoot | null })
            | null;
          const root = host?.openOrClosedShadowRoot;
          const box = root?.querySelector('[data-firsthand="pill"]')?.getBoundingClientRect();
          const world = (globalThis as Record<symbol, { scans?: unknown; mayMention?: unknown } | undefined>)[
            Symbol.for('firsthand.detection')
          ];
          return {
            text: root?.querySelector('[data-firsthand="pill"]')?.textContent ?? null,
            pill: box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null,
            cards: root?.querySelectorAll('[data-passage-id]').length ?? 0,
            panelCode: (globalThis as Record<symbol, unknown>)[Symbol.for('firsthand.in-page-panel')] !== undefined,
            scanRecord: typeof world?.scans,
            gateTest: typeof world?.mayMention,
          };
        },
      });
      return (frame?.result ?? null) as {
        text: string | null;
        pill: { x: number; y: number } | null;
        cards: number;
        panelCode: boolean;
        scanRecord: string;
        gateTest: string;
      } | null;
    }, h.origin + articlePath);
  } finally {
    await probe.close();
  }
};

describe('Firsthand in Firefox', () => {
  it('installs as a temporary add-on', () => {
    expect(h.addonId).toBeTruthy();
  });

  it('shows the in-page pill on a page about the famine', async () => {
    const url = h.serveFixture(articlePath, 'famine-orphans.html');
    const page: Page = await h.browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(url, { waitUntil: 'load' });
    // The extension sees the pill in its closed shadow root...
    const pill = (await poll(look, (seen) => !!seen?.text))?.text;
    // ...and the page's own script cannot.
    expect(await page.evaluate(() => document.querySelector('firsthand-panel')?.shadowRoot ?? null)).toBeNull();
    await h.screenshot(page, 'firefox-panel');
    expect(pill).toMatch(/testimon/i);
    expect(pageErrors).toEqual([]);
    // The page stays open: the panel and the popup below use it.
    article = page;
  });

  it("leaves stage 0's gate test where the detector runs: the two share the isolated world", async () => {
    // The detector is in the page (the pill's test saw what it read): it asks stage 0's test
    // of an app's next article (src/page/scan-record.ts), here read as the scripting API sees
    // that world, where the detector was put too. The control: the scans' record, which both write.
    expect(await look()).toMatchObject({ scanRecord: 'function', gateTest: 'function' });
  });

  it("opens the panel from the pill: the panel's code is put in the page on the click", async () => {
    const before = await poll(look, (seen) => seen?.pill != null);
    expect(before).toMatchObject({ cards: 0, panelCode: false });
    // The reader's own click (a trusted event), where the pill is.
    await article.mouse.click(before?.pill?.x ?? 0, before?.pill?.y ?? 0);
    const after = await poll(look, (seen) => (seen?.cards ?? 0) > 0);
    expect(after?.panelCode).toBe(true);
    expect(after?.cards).toBeGreaterThan(0);
    await h.screenshot(article, 'firefox-panel-open');
    expect(pageErrors).toEqual([]);
  });

  it("shows the page's results in the popup, and finds a testimony with its search", async () => {
    // The tab the article is in, asked of the extension itself (an extension page has `browser`).
    const probe = await h.extensionPage('/popup.html');
    const articleUrl = h.origin + articlePath;
    const tabId = await probe.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await api.tabs.query({})).find((tab) => tab.url === url)?.id ?? null;
    }, articleUrl);
    await probe.close();
    expect(tabId).not.toBeNull();

    const popup = await h.extensionPage(`/popup.html?tabId=${tabId}`);
    popup.on('pageerror', (error) => pageErrors.push(String(error)));
    await popup.setViewport({ width: 400, height: 600 });
    const onThisPage = await poll(
      () => popup.evaluate(() => document.querySelector('[data-story-id="josephs-story-part-1-2024"]') !== null),
      (ok) => ok,
    );
    expect(onThisPage).toBe(true);

    const search = await popup.waitForSelector('input[type="search"]', { timeout: 15_000 });
    await search?.type('Tongl market');
    const found = await poll(
      () =>
        popup.evaluate(() => {
          // In the search results, not the "On this page" section, which may hold the same card.
          const results = [...document.querySelectorAll('section')].find((section) =>
            section.querySelector('h2')?.textContent?.includes('Search results'),
          );
          return [...(results?.querySelectorAll('[data-passage-id^="women-in-north-korea-2023-"]') ?? [])].some(
            (card) => card.textContent?.includes('Tongil Market'),
          );
        }),
      (ok) => ok,
    );
    await popup.evaluate(() =>
      [...document.querySelectorAll('h2')]
        .find((heading) => heading.textContent?.includes('Search results'))
        ?.scrollIntoView({ block: 'start' }),
    );
    await h.screenshot(popup, 'firefox-popup-search');
    expect(found).toBe(true);
    expect(pageErrors).toEqual([]);
    await popup.close();
  });
});
