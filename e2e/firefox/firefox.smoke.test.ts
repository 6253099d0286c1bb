/**
 * Firefox smoke test: the Firefox build (wxt build -b firefox) in Debian's firefox-esr,
 * headless through puppeteer-core. The in-page UI appears on a fixture page, and the
 * popup's search finds a testimony.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyInput, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FirefoxHarness,
  fixturesDir,
  launchFirefox,
  lookInPage,
  luminance,
  pageColour,
  poll,
  settledPill,
} from './firefox-harness';

let h: FirefoxHarness;
const articlePath = '/news/articles/c0famine0001';
/** Uncaught errors in the article page and the popup: features Firefox lacks must fail quietly. */
const pageErrors: string[] = [];
/** The article page, open from the pill's test on. */
let article: Page;
const look = () => lookInPage(h, h.origin + articlePath);

/** The popup for the article's tab, opened as a page of its own at the popup's size. */
async function openPopup(): Promise<Page> {
  // The tab the article is in, asked of the extension itself (an extension page has `browser`).
  const probe = await h.extensionPage('/popup.html');
  const tabId = await probe.evaluate(async (url) => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    return (await api.tabs.query({})).find((tab) => tab.url === url)?.id ?? null;
  }, h.origin + articlePath);
  await probe.close();
  expect(tabId).not.toBeNull();
  const popup = await h.extensionPage(`/popup.html?tabId=${tabId}`);
  popup.on('pageerror', (error) => pageErrors.push(String(error)));
  await popup.setViewport({ width: 400, height: 600 });
  return popup;
}

beforeAll(async () => {
  h = await launchFirefox();
});

afterAll(async () => {
  await h?.close();
});

describe('Firsthand in Firefox', () => {
  it('installs as a temporary add-on', () => {
    expect(h.addonId).toBeTruthy();
  });

  it('opens its welcome page by itself when installed', async () => {
    const welcome = await h.findPage(`${h.extensionOrigin}/onboarding.html`);
    const heading = await poll(
      () => welcome.evaluate(() => document.querySelector('h1')?.textContent ?? ''),
      (text) => text !== '',
    );
    expect(heading).toMatch(/Firsthand/);
    await welcome.close();
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

  it("sees errors of the extension's isolated world: the checks that none came can fail", async () => {
    const probe = await h.extensionPage('/popup.html');
    await probe.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const tab = (await api.tabs.query({})).find((t) => t.url === url);
      await api.scripting.executeScript({
        target: { tabId: tab?.id ?? -1 },
        func: () => {
          setTimeout(() => {
            throw new Error('firsthand-control: thrown');
          });
        },
      });
    }, h.origin + articlePath);
    await probe.close();
    const seen = await poll(
      async () => pageErrors.some((e) => e.includes('firsthand-control')),
      (ok) => ok,
    );
    expect(seen).toBe(true);
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !e.includes('firsthand-control')));
  });

  it("leaves stage 0's gate test where the detector runs: the two share the isolated world", async () => {
    // The detector is in the page (the pill's test saw what it read): it asks stage 0's test
    // of an app's next article (src/page/scan-record.ts), here read as the scripting API sees
    // that world, where the detector was put too. The control: the scans' record, which both write.
    expect(await look()).toMatchObject({ scanRecord: 'function', gateTest: 'function' });
  });

  it("opens the panel from the pill: the panel's code is put in the page on the click", async () => {
    const before = await settledPill(look);
    expect(before).toMatchObject({ cards: 0, panelCode: false });
    // Dark on a light system theme: the control of firefox-dark.smoke.test.ts's pale pill.
    expect(luminance(before.pillColour)).toBeLessThan(0.2);
    // The reader's own click (a trusted event), where the pill is.
    // Each look opens and closes a probe tab: the article's tab must be the one in front
    // for the click to reach it.
    await article.bringToFront();
    await article.mouse.click(before?.pill?.x ?? 0, before?.pill?.y ?? 0);
    const after = await poll(look, (seen) => (seen?.cards ?? 0) > 0);
    expect(after?.panelCode).toBe(true);
    expect(after?.cards).toBeGreaterThan(0);
    // A light system theme, a light panel: the control of the dark theme's test (firefox-dark).
    expect(luminance(after?.panelColour)).toBeGreaterThan(0.6);
    await h.screenshot(article, 'firefox-panel-open');
    expect(pageErrors).toEqual([]);
  });

  it("shows the page's results in the popup, and finds a testimony with its search", async () => {
    const popup = await openPopup();
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
    // The top as the reader sees it: "On this page" folded, the results under the box.
    await h.screenshot(popup, 'firefox-popup-searching');
    await popup.evaluate(() =>
      [...document.querySelectorAll('h2')]
        .find((heading) => heading.textContent?.includes('Search results'))
        ?.scrollIntoView({ block: 'start' }),
    );
    await h.screenshot(popup, 'firefox-popup-search');
    // A light system theme, a light popup: the control of firefox-dark's dark one.
    expect(luminance(await pageColour(popup))).toBeGreaterThan(0.6);
    expect(found).toBe(true);
    expect(pageErrors).toEqual([]);
    await popup.close();
  });

  it("opens the full story from the popup's link, the excerpt highlighted and in view", async () => {
    const popup = await openPopup();
    const link = await popup.waitForSelector('[data-passage-id] a.fh-card__open', { timeout: 15_000 });
    const [href, passageId] = (await link?.evaluate((a) => [
      (a as HTMLAnchorElement).href,
      a.closest('[data-passage-id]')?.getAttribute('data-passage-id') ?? '',
    ])) ?? ['', ''];
    // A real link, which middle-click and "copy link" read...
    expect(href).toMatch(new RegExp(`^${h.extensionOrigin}/reader\\.html\\?`));
    expect(passageId).not.toBe('');
    // ...and a plain click opens the reader in a tab of its own.
    await link?.click();
    const reader = await h.findPage(`${h.extensionOrigin}/reader.html`);
    reader.on('pageerror', (error) => pageErrors.push(String(error)));
    await reader.setViewport({ width: 1000, height: 800 });
    // A story with content notes waits for the reader's choice.
    const show = await poll(
      () =>
        reader.evaluate(() => {
          const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Show the story');
          button?.click();
          return button !== undefined || document.querySelector('[aria-current="true"]') !== null;
        }),
      (ready) => ready,
    );
    expect(show).toBe(true);
    const target = await poll(
      () =>
        reader.evaluate(() => {
          const section = document.querySelector<HTMLElement>('[aria-current="true"]');
          const box = section?.getBoundingClientRect();
          return {
            id: section?.dataset.passageId ?? null,
            inView: box !== undefined && box.top >= 0 && box.top < innerHeight,
            focused: section !== null && document.activeElement === section,
          };
        }),
      (seen) => seen.id !== null && seen.inView && seen.focused,
    );
    await h.screenshot(reader, 'firefox-reader');
    expect(luminance(await pageColour(reader))).toBeGreaterThan(0.6);
    expect(target).toEqual({ id: passageId, inView: true, focused: true });
    expect(pageErrors).toEqual([]);
    await reader.close();
  });

  it('moves the pill of the open tab to the corner chosen in the settings', async () => {
    const before = await poll(look, (seen) => seen?.pill != null);
    // The control: the pill starts in the bottom right corner of the 1280 × 900 window.
    expect(before?.pill?.x).toBeGreaterThan(640);
    expect(before?.pill?.y).toBeGreaterThan(450);
    const options = await h.extensionPage('/options.html');
    options.on('pageerror', (error) => pageErrors.push(String(error)));
    const select = await options.waitForSelector('select', { timeout: 15_000 });
    await select?.select('top-left');
    const after = await poll(look, (seen) => (seen?.pill?.x ?? 1280) < 640 && (seen?.pill?.y ?? 900) < 450);
    expect(after?.pill?.x).toBeLessThan(640);
    expect(after?.pill?.y).toBeLessThan(450);
    await h.screenshot(options, 'firefox-options');
    expect(pageErrors).toEqual([]);
    await options.close();
  });

  it("enters a term's card with the Tab after its link's, and goes on from the link after it", async () => {
    // The test's own variant of the famine fixture: "famine" in its first paragraph is a link.
    const fixture = readFileSync(join(fixturesDir, 'famine-orphans.html'), 'utf8');
    const linked = fixture.replace(
      'a famine spread',
      'a <a id="famine-link" href="/news/topics/famine">famine</a> spread',
    );
    expect(linked).not.toBe(fixture);
    const file = join(mkdtempSync(join(tmpdir(), 'firsthand-ff-linked-')), 'famine-linked.html');
    writeFileSync(file, linked);
    const path = '/news/articles/c0famine0001-linked';
    const url = h.serveFixture(path, file);
    const page: Page = await h.browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(url, { waitUntil: 'load' });
    const lookHere = () => lookInPage(h, url);
    await poll(lookHere, (seen) => !!seen?.text);
    // Each look opens a tab of its own: the keys go to the article's once it is in front.
    const press = async (key: KeyInput, shift = false) => {
      await page.bringToFront();
      if (shift) await page.keyboard.down('Shift');
      await page.keyboard.press(key);
      if (shift) await page.keyboard.up('Shift');
    };
    // Onto the link by the reader's own Tab, from the element before it.
    await page.bringToFront();
    await page.focus('#famine-link');
    await press('Tab', true);
    await press('Tab');
    const opened = await poll(lookHere, (seen) => (seen?.termCard ?? 0) > 0);
    expect(opened).toMatchObject({ pageFocus: 'famine-link' });
    const stops = opened?.termCard ?? 0;
    expect(stops).toBeGreaterThan(1);
    // The next Tab enters the card; Shift+Tab goes back to the link.
    await press('Tab');
    expect(await poll(lookHere, (seen) => seen?.uiFocus === 'term-card')).toMatchObject({ uiFocus: 'term-card' });
    await press('Tab', true);
    expect(await poll(lookHere, (seen) => seen?.pageFocus === 'famine-link')).toMatchObject({ termCard: stops });
    // In again, through its controls, and out from its last to what follows the link.
    await press('Tab');
    for (let i = 0; i < stops; i++) await press('Tab');
    // On its last control: the last card's "Read the full story".
    expect((await lookHere())?.uiFocus).toMatch(/\bfh-card__open\b/);
    await press('Tab');
    const left = await poll(lookHere, (seen) => seen?.termCard === null);
    expect(left).toMatchObject({ termCard: null, focusAfterLink: true });
    expect(left?.pageFocus).not.toMatch(/^(famine-link|BODY|FIRSTHAND-PANEL)$/);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
