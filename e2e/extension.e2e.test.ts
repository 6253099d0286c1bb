import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPILE_HINT } from '../src/page/compile-hint';
import { fixturePages } from '../src/testing/fixture-pages';
import {
  extensionDir,
  type Harness,
  inPage,
  launch,
  PANEL,
  PILL,
  pageSignals,
  shadowRootsIn,
  spyOnPage,
  TERM_CARD,
  until,
} from '../src/testing/harness';

let h: Harness;

beforeAll(async () => {
  h = await launch();
  for (const page of Object.values(fixturePages)) h.serve(page.url, h.fixture(page.file));
});
afterAll(async () => {
  await h?.close();
});

async function open(name: string, { spy = false } = {}): Promise<Page> {
  const fixture = fixturePages[name];
  if (!fixture) throw new Error(`no fixture page named ${name}`);
  const page = await h.context.newPage();
  if (spy) await spyOnPage(page, h.extensionId);
  await page.goto(fixture.url);
  return page;
}

/** Whether a script registered under `key` (src/page/in-page-view.ts, src/ui/in-page/panel-code.ts) runs in the tab's page. */
async function hasScript(tabId: number, key: string): Promise<boolean> {
  const worker = await h.worker();
  return worker.evaluate(
    async ([id, name]) => {
      const [frame] = await chrome.scripting.executeScript({
        target: { tabId: id },
        func: (symbol: string) => (globalThis as Record<symbol, unknown>)[Symbol.for(symbol)] !== undefined,
        args: [name],
      });
      return frame?.result === true;
    },
    [tabId, key] as const,
  );
}
const hasUiScript = (tabId: number) => hasScript(tabId, 'firsthand.in-page-ui');
const hasPanelCode = (tabId: number) => hasScript(tabId, 'firsthand.in-page-panel');

const firsthandHosts = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => el.tagName.startsWith('FIRSTHAND')).length);

/** Everything a quiet page must be without: each of these sees something on a page with matches. */
async function traces(page: Page) {
  return {
    pills: await inPage(page).count(PILL),
    hosts: await firsthandHosts(page),
    shadowRoots: await shadowRootsIn(page),
    signals: await pageSignals(page),
    badge: await h.badgeText(await h.tabIdOf(page)),
  };
}
const NO_TRACE = { pills: 0, hosts: 0, shadowRoots: 0, signals: [], badge: '' };

/** The positive control of a quiet page's checks: on the famine article they all see Firsthand. */
async function expectTracesOnAMatchingPage() {
  const page = await open('famineOrphans', { spy: true });
  await inPage(page).waitFor(PILL);
  const seen = await traces(page);
  expect(seen.pills).toBe(1);
  expect(seen.hosts).toBe(1);
  expect(seen.shadowRoots).toBe(1);
  expect(seen.signals.join('\n')).toMatch(/added FIRSTHAND-PANEL/i);
  expect(seen.badge).toMatch(/^[1-9]\d*$/);
  await page.close();
}

describe('on a news article about the famine and orphans', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('famineOrphans');
    await inPage(page).waitFor(PILL);
  });

  it('shows a collapsed pill with the count, and the same count on the badge', async () => {
    const ui = inPage(page);
    await expect.poll(() => ui.text(PILL)).toMatch(/\d+ testimon(y relates|ies relate) to this article/);
    const count = Number((await ui.text(PILL))?.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);
    await expect.poll(async () => h.badgeText(await h.tabIdOf(page))).toBe(String(count));
    await h.screenshot(page, 'pill');
  });

  it("opens a panel of excerpt cards, Joseph's story first", async () => {
    const ui = inPage(page);
    // The pill is drawn, and the panel's code (Preact, the cards) is not in the page yet.
    const tabId = await h.tabIdOf(page);
    expect(await hasUiScript(tabId)).toBe(true);
    expect(await hasPanelCode(tabId)).toBe(false);
    await ui.click(PILL);
    await ui.waitFor('[data-passage-id]');
    expect(await ui.attribute('[data-passage-id]', 'data-story-id')).toBe('josephs-story-part-1-2024');
    expect(await ui.attribute('[data-passage-id]', 'data-passage-id')).toMatch(/^josephs-story-part-1-2024-p\d+$/);
    await expect.poll(() => ui.text('[data-passage-id]')).toMatch(/Why this/);
    // Control: it is there now, loaded by the click.
    expect(await hasPanelCode(tabId)).toBe(true);
    // Opened by the click that loaded it, its pill saying so (focus: the keyboard test below).
    expect(await ui.attribute(PILL, 'aria-expanded')).toBe('true');
    await h.screenshot(page, 'panel');
    await page.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(page, 'panel-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('closes the panel with Esc', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => inPage(page).count('[data-passage-id]')).toBe(0);
    await expect.poll(() => inPage(page).isVisible(PILL)).toBe(true);
  });

  it('goes to the pill by the shortcut (the background asks the page), and Enter opens the panel', async () => {
    await page.bringToFront();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // The control: the keyboard's focus is on the page's body, not the pill.
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('body');
    // What the shortcut's listener asks the tab (src/background/ways-in.ts, in the protocol's
    // wire format): a headless window has no browser accelerators to press.
    const tabId = await h.tabIdOf(page);
    const answer = await (await h.worker()).evaluate(
      (id) => chrome.tabs.sendMessage(id, { id: 0, type: 'focusPill', timestamp: Date.now() }, { frameId: 0 }),
      tabId,
    );
    expect(answer).toEqual({ res: true });
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('firsthand-panel');
    await page.keyboard.press('Enter');
    await expect.poll(() => inPage(page).count(`${PANEL} [data-passage-id]`)).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => inPage(page).count('[data-passage-id]')).toBe(0);
  });

  it('opens the reader at the passage, highlighted, with a text-fragment link to the original', async () => {
    const ui = inPage(page);
    await ui.click(PILL);
    await ui.waitFor('[data-passage-id]');
    const passageId = await ui.attribute('[data-passage-id]', 'data-passage-id');
    const [reader] = await Promise.all([
      h.context.waitForEvent('page'),
      ui.click('[data-passage-id] .fh-card__open', { hasText: 'Read the full story' }),
    ]);
    await reader.waitForLoadState();
    expect(reader.url()).toContain(`chrome-extension://${h.extensionId}/reader.html`);
    // Every bundled story has content notes: the text waits behind them for one click.
    await reader.getByRole('button', { name: 'Show the story' }).click();
    const target = reader.locator(`[data-passage-id="${passageId}"][aria-current="true"]`);
    await target.waitFor();
    await expect.poll(() => target.isVisible()).toBe(true);
    const inView = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top < window.innerHeight && r.bottom > 0;
    });
    expect(inView).toBe(true);
    const original = reader.locator('a[href*="#:~:text="]');
    expect(await original.getAttribute('href')).toMatch(
      /^https:\/\/www\.libertyinnorthkorea\.org\/blog\/a-north-koreans-promise-to-his-father-josephs-story-part-1#:~:text=/,
    );
    await h.screenshot(reader, 'reader');
    await reader.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(reader, 'reader-dark');
    await reader.close();
  });
});

describe('stays quiet', () => {
  it('on a football report that mentions Seoul: nothing shown, nothing injected, nothing a page could notice', async () => {
    const page = await open('footballSeoul', { spy: true });
    // Read and judged: the page passed the gate pre-test (it names Seoul), the detector
    // handed the article to the background, which found it not about North Korea and kept
    // nothing: no badge, no UI (the traces below; their control is the matching page).
    expect((await h.scanned(page)).told).toBe(true);
    expect(await traces(page)).toEqual(NO_TRACE);
    await page.close();
    await expectTracesOnAMatchingPage();
  });

  it('on a sports article whose sidebar lists North Korea headlines', async () => {
    const page = await open('sportsNkSidebar', { spy: true });
    await h.scanned(page);
    expect(await traces(page)).toEqual(NO_TRACE);
    await page.close();
    await expectTracesOnAMatchingPage();
  });
});

/** The test's own page whose article its script puts in after the page was read (served by its test). */
const LATE_CONTENT_URL = 'https://www.bbc.com/news/articles/c0late0001';

describe('pages that change', () => {
  const spaUrl = (path: string) => new URL(path, fixturePages.spaSport?.url).href;

  it('follows single-page-app navigation: the pill and badge follow the new article, and go when it goes', async () => {
    const page = await open('spaSport');
    const ui = inPage(page);
    await h.scanned(page);
    // The checks that see the pill below, on the new article.
    expect(await firsthandHosts(page)).toBe(0);
    expect(await ui.count(PILL)).toBe(0);
    const tabId = await h.tabIdOf(page);

    await page.evaluate(() => (window as unknown as { go(path: string): void }).go('/world/famine-generation'));
    await ui.waitFor(PILL);
    expect(await firsthandHosts(page)).toBe(1);
    const count = Number((await ui.text(PILL))?.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);
    await expect.poll(() => h.badgeText(tabId)).toBe(String(count));
    await ui.click(PILL);
    await ui.waitFor('[data-passage-id]');
    expect(await ui.attribute('[data-passage-id]', 'data-story-id')).toBe('josephs-story-part-1-2024');
    // The control for the check below: this article was handed to the background.
    expect((await h.scanned(page)).told).toBe(true);

    await page.evaluate(() => (window as unknown as { go(path: string): void }).go('/sport/cup-final-report'));
    await expect.poll(() => ui.count(PILL), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => h.badgeText(tabId)).toBe('');
    expect(page.url()).toBe(spaUrl('/sport/cup-final-report'));
    // The next article fails the gate pre-test (stage 0's, which the detector asks): it is
    // never read, and the background never hears of it.
    expect((await h.scanned(page)).told).toBe(false);
    await page.close();
  });

  it('is read again, before a check that nothing shows, where its own script changed it after it was read', async () => {
    // The test's own page: a headline that names North Korea (so the detector reads it);
    // then its script adds a paragraph every 100 ms, as a page that loads its article in
    // parts does: first six of its own (SYNTHETIC, about nothing the testimonies speak of),
    // then four of the famine fixture's. Once the last is in, the page changed after the
    // detector last read it (it waits for a page to settle: 0.8 s after the last change, 2.5
    // s after the first at most), and the check that it has been read must wait for that.
    const fixture = h.fixture(fixturePages.famineOrphans?.file ?? '');
    const famine = [...fixture.matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1] ?? '').filter((p) => /famine/.test(p));
    expect(famine.length).toBeGreaterThanOrEqual(4);
    const parts = [
      'The capital had its first snow of the winter this week, earlier than usual.',
      'Trams ran on time, and the main avenues were cleared by the morning.',
      'Forecasters expect more snow in the north of the country next week.',
      'Schools will open as usual, the weather service said.',
      'Drivers were told to fit winter tyres before the end of the month.',
      'The cold is expected to ease by the weekend.',
      ...famine.slice(0, 4),
    ];
    h.serve(
      LATE_CONTENT_URL,
      `<!doctype html><html lang="en"><head><title>North Korea, in parts</title></head><body>
      <article><h1>North Korea, in parts</h1><div id="more"></div></article>
      <script>
        const parts = ${JSON.stringify(parts)};
        let next = 0;
        const add = () => {
          const p = document.createElement('p');
          p.textContent = parts[next++];
          document.getElementById('more').append(p);
          if (next < parts.length) setTimeout(add, 100);
        };
        setTimeout(add, 100);
      </script>
      </body></html>`,
    );
    const page = await h.context.newPage();
    await page.goto(LATE_CONTENT_URL);
    await expect
      .poll(() => page.evaluate(() => document.querySelectorAll('#more p').length), { timeout: 10_000 })
      .toBe(parts.length);
    const { finished } = await h.scanned(page);
    // Read since the last paragraph came: the badge counts the cards as soon as the page
    // counts as read, with no wait of its own.
    expect(finished).toBeGreaterThan(1);
    expect(Number(await h.badgeText(await h.tabIdOf(page)))).toBeGreaterThan(0);
    await page.close();
  });

  it('reads content that loads late ("Read more")', async () => {
    const page = await open('spaFamineTeaser');
    await h.scanned(page);
    expect(await inPage(page).count(PILL)).toBe(0);
    await page.getByRole('button', { name: 'Read more' }).click();
    // The same check sees the pill once the article is there.
    await expect.poll(() => inPage(page).count(PILL), { timeout: 15_000 }).toBe(1);
    await page.close();
  });
});

describe('the toolbar popup', () => {
  it('finds a passage through a typo, and lists "On this page" first for its tab', async () => {
    const article = await open('marketWomen');
    await inPage(article).waitFor(PILL);
    const tabId = await h.tabIdOf(article);
    const popup = await h.popup({ tabId });
    await expect.poll(() => popup.getByText('On this page').count()).toBeGreaterThan(0);
    await h.screenshot(popup, 'popup-on-this-page');

    const box = popup.getByRole('searchbox').or(popup.getByRole('textbox')).first();
    await box.fill('Tongl market');
    // In the search results, not the "On this page" section, which may hold the same card.
    const results = popup.getByRole('region', { name: 'Search results' });
    const result = results.locator('[data-passage-id^="women-in-north-korea-2023-"]', { hasText: 'Tongil Market' });
    await result.first().waitFor({ timeout: 10_000 });
    await result.first().scrollIntoViewIfNeeded();
    await h.screenshot(popup, 'popup-search');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(popup, 'popup-search-dark');

    // A name run together that the story writes apart ("Kwang Jin") finds it, marked as read.
    await box.fill('Kwangjin');
    const joseph = results.locator('[data-passage-id="josephs-story-part-1-2024-p01"]');
    await joseph.waitFor({ timeout: 10_000 });
    await expect.poll(() => joseph.locator('mark').allTextContents()).toEqual(['Kwang', 'Jin']);
    await popup.close();
    await article.close();
  });

  it('opens as a search page with the words already searched (context menu, omnibox)', async () => {
    const page = await h.popup({ q: 'Tongl market' });
    expect(await page.getByRole('searchbox').inputValue()).toBe('Tongl market');
    const results = page.getByRole('region', { name: 'Search results' });
    await results
      .locator('[data-passage-id^="women-in-north-korea-2023-"]', { hasText: 'Tongil Market' })
      .first()
      .waitFor();
    await page.close();
  });
});

describe('private mode', () => {
  it('adds nothing a page could notice, while the badge and popup still show the results', async () => {
    const options = await h.extensionPage('options.html');
    await options.getByLabel(/Private mode/).check();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Saved.');
    await h.screenshot(options, 'options');

    const page = await open('famineOrphans', { spy: true });
    const tabId = await h.tabIdOf(page);
    await expect.poll(() => h.badgeText(tabId), { timeout: 15_000 }).toMatch(/^[1-9]\d*$/);
    // Read, told, and its answer handled: nothing more is coming.
    expect((await h.scanned(page)).told).toBe(true);
    expect(await firsthandHosts(page)).toBe(0);
    expect(await shadowRootsIn(page)).toBe(0);
    expect(await pageSignals(page, h.extensionId)).toEqual([]);
    // Not even the UI's script was put into the page.
    expect(await hasUiScript(tabId)).toBe(false);

    const popup = await h.popup({ tabId });
    await expect.poll(() => popup.locator('[data-story-id="josephs-story-part-1-2024"]').count()).toBeGreaterThan(0);

    // Back to standard: the open tab shows its pill without a reload.
    await options.getByLabel(/Private mode/).uncheck();
    await inPage(page).waitFor(PILL, { timeout: 10_000 });
    expect(await shadowRootsIn(page)).toBe(1);
    // ...which the page's spy does see: the checks above can fail.
    await expect.poll(async () => (await pageSignals(page)).join('\n')).toMatch(/highlights: firsthand-term/);
    expect((await pageSignals(page)).join('\n')).toMatch(/added FIRSTHAND-PANEL/i);
    // Only what it shows: the UI's context, like the detector's, announces nothing (WXT's
    // own would dispatch `<id>:firsthand-ui:wxt:content-script-started` on the document).
    expect((await pageSignals(page)).join('\n')).not.toContain('wxt:');
    expect(await hasUiScript(tabId)).toBe(true);
    await Promise.all([popup.close(), page.close(), options.close()]);
  });
});

/** The page's marked terms, as the page itself can read them: text and box of each. */
const markedTerms = (page: Page) =>
  page.evaluate(() =>
    [...(CSS.highlights.get('firsthand-term') ?? [])].map((range) => {
      const box = (range as Range).getBoundingClientRect();
      return { text: range.toString(), x: box.x, y: box.y, width: box.width, height: box.height };
    }),
  );

/** The test's own variant of the famine page, with a marked term in a link (served by its test). */
const LINKED_TERM_URL = 'https://www.bbc.com/news/articles/c0famine0042-linked';

/** Whether the term card itself has the focus in the UI's shadow root. */
const termCardHasFocus = (ui: ReturnType<typeof inPage>) =>
  ui.evaluate((root, sel) => root.activeElement?.matches(sel) ?? false, TERM_CARD);

describe('terms on the page', () => {
  it('leaves itself out of a printed article: no pill, and no marks on paper', async () => {
    const page = await open('famineOrphans');
    const ui = inPage(page);
    await ui.waitFor(PILL);
    await expect.poll(async () => (await markedTerms(page)).length).toBeGreaterThan(0);
    /** The first marked term and the underline below it, as drawn now, and the same without the marks. */
    const drawn = async () => {
      const [term] = await markedTerms(page);
      if (!term) throw new Error('no marked term');
      const clip = { x: term.x - 2, y: term.y - 2, width: term.width + 4, height: term.height + 10 };
      const marked = await page.screenshot({ clip, caret: 'hide' });
      // The page's own script may take the highlight away and give it back: the term unmarked.
      await page.evaluate(() => {
        const kept = CSS.highlights.get('firsthand-term');
        CSS.highlights.delete('firsthand-term');
        (globalThis as Record<string, unknown>).keptMarks = kept;
      });
      const unmarked = await page.screenshot({ clip, caret: 'hide' });
      await page.evaluate(() =>
        CSS.highlights.set('firsthand-term', (globalThis as Record<string, unknown>).keptMarks as Highlight),
      );
      return { marked, unmarked };
    };
    // On screen, the control: the pill is drawn and the term underlined.
    expect(await ui.isVisible(PILL)).toBe(true);
    const screen = await drawn();
    expect(screen.marked.equals(screen.unmarked)).toBe(false);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await ui.box(PILL)).toBeNull();
      const paper = await drawn();
      expect(paper.marked.equals(paper.unmarked)).toBe(true);
    } finally {
      await page.emulateMedia({ media: null });
    }
    await page.close();
  });

  it('underlines the terms that earned the cards, and a click on one opens its card beside it', async () => {
    const page = await open('famineOrphans');
    const ui = inPage(page);
    await ui.waitFor(PILL);
    await expect.poll(async () => (await markedTerms(page)).length).toBeGreaterThan(0);
    const terms = await markedTerms(page);
    expect(terms.map((t) => t.text.toLowerCase())).toContain('famine');
    // The page's own DOM is untouched: the marks are highlights, not elements.
    expect(await page.locator('article mark, article [class*="firsthand"]').count()).toBe(0);

    const term = terms[0] as (typeof terms)[number];
    await page.mouse.click(term.x + term.width / 2, term.y + term.height / 2);
    await ui.waitFor(TERM_CARD, { timeout: 5_000 });
    const box = await until('the term card in place', () => ui.box(TERM_CARD));
    // Beside the term, never over it, and inside the viewport.
    const overlaps = box.y < term.y + term.height && box.y + box.height > term.y;
    expect(overlaps).toBe(false);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(await ui.count(`${TERM_CARD} .fh-card__open`)).toBeGreaterThan(0);
    // Opened by a click, it has the focus: Tab goes on into its cards, not the page.
    await expect.poll(() => termCardHasFocus(ui)).toBe(true);
    // Its focus is for screen readers: no ring around a card the reader just clicked open.
    expect(
      await ui.evaluate((root, sel) => getComputedStyle(root.querySelector(sel) as Element).outlineStyle, TERM_CARD),
    ).toBe('none');
    await h.screenshot(page, 'term-card');
    await page.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(page, 'term-card-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Tab');
    expect(await ui.evaluate((root) => root.activeElement?.className ?? null)).toMatch(/fh-/);

    await page.keyboard.press('Escape');
    await expect.poll(() => ui.count(TERM_CARD)).toBe(0);
    await page.close();
  });

  it('from the keyboard: Tab onto a link that holds a term opens its card, the next Tab enters it, and it follows the link in the Tab order', async () => {
    // The test's own variant of the famine fixture: "famine" in its first paragraph is a link.
    const url = LINKED_TERM_URL;
    const fixture = h.fixture(fixturePages.famineOrphans?.file ?? '');
    const linked = fixture.replace(
      'a famine spread',
      'a <a id="famine-link" href="https://www.bbc.com/news/topics/famine">famine</a> spread',
    );
    expect(linked).not.toBe(fixture);
    h.serve(url, linked);
    const page = await h.context.newPage();
    await page.goto(url);
    const ui = inPage(page);
    await ui.waitFor(PILL);
    const link = page.locator('#famine-link');
    // The link's word is marked (the card opens only for a marked term).
    await expect
      .poll(async () => (await markedTerms(page)).some((t) => t.text.toLowerCase() === 'famine' && t.y > 0))
      .toBe(true);
    const focusedInPage = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    // Onto the link by the reader's own Tab: from the element before it, back again.
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInPage()).not.toBe('famine-link');
    await page.keyboard.press('Tab');
    expect(await focusedInPage()).toBe('famine-link');
    await ui.waitFor(TERM_CARD, { timeout: 5_000 });
    await until('the term card in place', () => ui.box(TERM_CARD));
    // Opened from the keyboard, it leaves the focus on the link, and tells screen readers so.
    expect(await focusedInPage()).toBe('famine-link');
    await expect
      .poll(() =>
        ui.evaluate((root, sel) => root.querySelector(`${sel} [role="status"]`)?.textContent ?? null, TERM_CARD),
      )
      .toMatch(/^famine, \d testimonies: press Tab to read them, Escape to close\.$/);

    // The next Tab enters the card.
    await page.keyboard.press('Tab');
    await expect.poll(() => termCardHasFocus(ui)).toBe(true);
    // Entered from the keyboard, it shows where the focus went (a click's card does not: below).
    expect(
      await ui.evaluate((root, sel) => getComputedStyle(root.querySelector(sel) as Element).outlineStyle, TERM_CARD),
    ).toBe('solid');
    await h.screenshot(page, 'term-card-keyboard');
    // Clear of the page's cookie banner, fixed at the bottom of the viewport.
    const banner = await page.evaluate(() => {
      const fixed = [...document.querySelectorAll('body *')].find(
        (e) => getComputedStyle(e).position === 'fixed' && e.getBoundingClientRect().bottom >= window.innerHeight - 1,
      );
      return fixed ? fixed.getBoundingClientRect().top : null;
    });
    expect(banner, 'the fixture has a cookie banner fixed at the bottom').not.toBeNull();
    const card = await until('the term card in place', () => ui.box(TERM_CARD));
    expect(card.y + card.height).toBeLessThanOrEqual(banner ?? 0);
    // Shift+Tab goes back to the link, and the card stays for it; Tab enters it again.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInPage()).toBe('famine-link');
    expect(await ui.count(TERM_CARD)).toBe(1);
    await page.keyboard.press('Tab');
    await expect.poll(() => termCardHasFocus(ui)).toBe(true);
    // Tab goes through its controls...
    const stops = await ui.count(`${TERM_CARD} button`);
    expect(stops).toBeGreaterThan(1);
    const focusedButton = () =>
      ui.evaluate((root, sel) => {
        const buttons = [...root.querySelectorAll(`${sel} button`)];
        return buttons.indexOf(root.activeElement as Element);
      }, TERM_CARD);
    for (let i = 0; i < stops; i++) {
      await page.keyboard.press('Tab');
      expect(await focusedButton()).toBe(i);
    }
    // ...and from its last, on to what follows the link in the page; the card closes.
    await page.keyboard.press('Tab');
    await expect.poll(() => ui.count(TERM_CARD)).toBe(0);
    const after = await page.evaluate(() => {
      const active = document.activeElement;
      const from = document.getElementById('famine-link');
      return {
        tag: active?.tagName ?? null,
        follows: !!active && !!from && (from.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      };
    });
    expect(after.tag).not.toMatch(/^(BODY|FIRSTHAND-PANEL)$/);
    expect(after.follows).toBe(true);

    // Escape from inside the card closes it and gives the focus back to the link.
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await ui.waitFor(TERM_CARD, { timeout: 5_000 });
    await until('the term card in place', () => ui.box(TERM_CARD));
    await page.keyboard.press('Tab');
    await expect.poll(() => termCardHasFocus(ui)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => ui.count(TERM_CARD)).toBe(0);
    expect(await focusedInPage()).toBe('famine-link');
    // The card does not open again by itself; the next Tab goes on in the page.
    await page.keyboard.press('Tab');
    expect(await focusedInPage()).not.toBe('famine-link');
    expect(await ui.count(TERM_CARD)).toBe(0);
    await page.close();
  });

  it('can be switched off in the settings, at once, in open tabs', async () => {
    const page = await open('famineOrphans');
    await inPage(page).waitFor(PILL);
    await expect.poll(async () => (await markedTerms(page)).length).toBeGreaterThan(0);
    const options = await h.extensionPage('options.html');
    const marks = options.getByLabel(/Underline the terms/);
    await marks.uncheck();
    await expect.poll(async () => (await markedTerms(page)).length).toBe(0);
    await marks.check();
    await expect.poll(async () => (await markedTerms(page)).length).toBeGreaterThan(0);
    await Promise.all([options.close(), page.close()]);
  });
});

/** The test's own page with a banner in a closed shadow root (served by its test). */
const CLOSED_BANNER_URL = `${fixturePages.famineOrphans?.url}?closed-banner`;

/** The panel's corner control. */
const CORNER = '.fh-panel__corner select';

describe('the panel gives the reader control', () => {
  it('moves to another corner, and remembers it', async () => {
    const page = await open('famineOrphans');
    const ui = inPage(page);
    await ui.click(PILL);
    // The reader's keys on the corner's list: End is its last choice, top left.
    await ui.waitFor(CORNER);
    await ui.focus(CORNER);
    await page.keyboard.press('End');
    await expect.poll(async () => (await ui.box(PILL))?.y ?? 999).toBeLessThan(100);
    const box = await ui.box(PILL);
    expect(box?.x).toBeLessThan(100);
    await h.screenshot(page, 'panel-top-left');
    const other = await open('marketWomen');
    const otherUi = inPage(other);
    await expect.poll(async () => (await otherUi.box(PILL))?.y ?? 999, { timeout: 15_000 }).toBeLessThan(100);
    await otherUi.click(PILL);
    await otherUi.waitFor(CORNER);
    await otherUi.focus(CORNER);
    await other.keyboard.press('Home');
    await expect.poll(async () => (await otherUi.box(PILL))?.y ?? 0).toBeGreaterThan(700);
    await Promise.all([page.close(), other.close()]);
  });

  it('keeps clear of the page’s cookie banner, and goes back to its corner when it goes', async () => {
    const page = await h.context.newPage();
    // Every frame from the page's start, in the page's own world: whether the topmost thing
    // at a banner button's centre is ever our UI (it must never be, not even as the pill is
    // first drawn), and, as the control that the look sees the pill at all, whether our UI
    // is anywhere along the bottom right.
    await page.addInitScript(() => {
      const seen = { frames: 0, pill: 0, covered: 0 };
      Object.assign(window, { __firsthandCoverage: seen });
      const ours = (e: Element | null) => e?.localName === 'firsthand-panel';
      const frame = () => {
        seen.frames += 1;
        for (const button of document.querySelectorAll('#cookie-prompt button')) {
          const r = button.getBoundingClientRect();
          if (ours(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2))) seen.covered += 1;
        }
        for (let y = 700; y < 900; y += 8) if (ours(document.elementFromPoint(1250, y))) seen.pill += 1;
        if (seen.frames < 600) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.goto(fixturePages.famineOrphans?.url ?? '');
    const ui = inPage(page);
    await ui.waitFor(PILL);
    const coverage = () =>
      page.evaluate(() => (window as unknown as { __firsthandCoverage: Record<string, number> }).__firsthandCoverage);
    await expect.poll(async () => (await coverage()).pill).toBeGreaterThan(0);
    expect((await coverage()).covered).toBe(0);
    // The banner's buttons sit at the right, in the pill's corner. Each must be the topmost
    // thing at its centre, as the page sees it: what a reader's click reaches.
    const reachable = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('#cookie-prompt button')].map((button) => {
          const r = button.getBoundingClientRect();
          return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === button;
        }),
      );
    await expect.poll(reachable).toEqual([true, true]);
    const bannerTop = await page.evaluate(() => document.getElementById('cookie-prompt')?.getBoundingClientRect().top);
    const lifted = await ui.box(PILL);
    if (!lifted || bannerTop === undefined) throw new Error('no pill or no banner');
    expect(lifted.y + lifted.height).toBeLessThanOrEqual(bannerTop);
    expect(lifted.x + lifted.width).toBe(1280 - 16);
    await h.screenshot(page, 'pill-clear-of-cookie-banner');
    // The reader answers the banner (the fixture's script would take it away): a trusted
    // click on its first button. The pill goes back to its corner, 16 px from the bottom.
    await page.evaluate(() => {
      const banner = document.getElementById('cookie-prompt');
      banner?.querySelector('button')?.addEventListener('click', () => banner.remove());
    });
    const yes = await page.evaluate(() => {
      const r = document.querySelector('#cookie-prompt button')?.getBoundingClientRect();
      return r && { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    if (!yes) throw new Error('no button in the cookie banner');
    await page.mouse.click(yes.x, yes.y);
    expect(await page.evaluate(() => document.getElementById('cookie-prompt'))).toBeNull();
    const fromBottom = async () => {
      const box = await ui.box(PILL);
      return box && Math.round(900 - (box.y + box.height));
    };
    await expect.poll(fromBottom, { timeout: 5_000 }).toBe(16);
    await page.close();
  });

  it('keeps clear of a banner a consent tool draws in a closed shadow root', async () => {
    // The test's own page: the BBC fixture, its banner drawn instead by a script of the
    // page in a closed shadow root, as some consent tools do (the page keeps the root).
    const fixture = fixturePages.famineOrphans;
    if (!fixture) throw new Error('no famineOrphans fixture');
    const url = CLOSED_BANNER_URL;
    const html = h
      .fixture(fixture.file)
      .replace(/<div id="cookie-prompt"[\s\S]*?<\/body>/, '<div id="cmp-root"></div></body>')
      .replace(
        '</body>',
        `<script>
          const root = document.getElementById('cmp-root').attachShadow({ mode: 'closed' });
          root.innerHTML = '<div style="position:fixed;left:0;right:0;bottom:0;height:70px;background:#fff;display:flex;justify-content:flex-end;align-items:center;padding:0 24px"><button>OK</button></div>';
          window.cmpRoot = root;
        </script></body>`,
      );
    expect(html).toContain('cmp-root');
    h.serve(url, html);
    const page = await h.context.newPage();
    await page.goto(url);
    const ui = inPage(page);
    await ui.waitFor(PILL);
    // The page's own view, through the root it kept: its button is the topmost thing there.
    const reachable = () =>
      page.evaluate(() => {
        const root = (window as unknown as { cmpRoot: ShadowRoot }).cmpRoot;
        const button = root.querySelector('button');
        const r = button?.getBoundingClientRect();
        return r ? root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === button : null;
      });
    await expect.poll(reachable).toBe(true);
    const pill = await ui.box(PILL);
    expect(pill && pill.y + pill.height).toBeLessThanOrEqual(900 - 70);
    await page.close();
  });

  it('hides on this page in one click, with undo in the popup', async () => {
    const page = await open('famineOrphans');
    const ui = inPage(page);
    await ui.click(PILL);
    await ui.click('.fh-panel button', { hasText: 'Hide on this page' });
    await expect.poll(() => ui.count(PILL)).toBe(0);
    const tabId = await h.tabIdOf(page);
    expect(await h.badgeText(tabId)).toMatch(/^[1-9]/);
    const popup = await h.popup({ tabId });
    await popup.getByRole('button', { name: 'Show on the page again' }).click();
    await ui.waitFor(PILL, { timeout: 10_000 });
    await Promise.all([popup.close(), page.close()]);
  });

  it('turns Firsthand off on this site in one click, with undo in the popup', async () => {
    const page = await open('famineOrphans');
    const ui = inPage(page);
    const tabId = await h.tabIdOf(page);
    await ui.click(PILL);
    await ui.click('.fh-panel button', { hasText: 'Turn off on bbc.com' });
    await expect.poll(() => ui.count(PILL)).toBe(0);
    await expect.poll(() => h.badgeText(tabId)).toBe('');
    expect(await markedTerms(page)).toEqual([]);
    const popup = await h.popup({ tabId });
    await popup.getByText('Firsthand is off on bbc.com.').waitFor();
    await popup.getByRole('button', { name: 'Turn on for bbc.com' }).click();
    await ui.waitFor(PILL);
    await expect.poll(() => h.badgeText(tabId)).toMatch(/^[1-9]/);
    await Promise.all([popup.close(), page.close()]);
  });

  it('fits a 360 px wide phone and a window zoomed to 200 %', async () => {
    // 200 % zoom of a 1280×900 window lays out as a 640×450 one.
    for (const [name, viewport] of [
      ['panel-narrow', { width: 360, height: 740 }],
      ['panel-zoom-200', { width: 640, height: 450 }],
    ] as const) {
      const page = await h.context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(fixturePages.famineOrphans?.url ?? '');
      const ui = inPage(page);
      await ui.click(PILL);
      await ui.waitFor(PANEL);
      expect(await ui.attribute(PANEL, 'aria-label')).toMatch(/related to this article/);
      const inside = async (box: { x: number; y: number; width: number; height: number } | null) =>
        box !== null &&
        box.x >= 0 &&
        box.y >= 0 &&
        box.x + box.width <= viewport.width &&
        box.y + box.height <= viewport.height;
      expect(await inside(await ui.box(PANEL)), `${name}: panel inside the viewport`).toBe(true);
      expect(await inside(await ui.box(PILL)), `${name}: pill inside the viewport`).toBe(true);
      await h.screenshot(page, name);
      // Every control of the panel can be reached: the last one scrolls into view.
      const settings = '.fh-panel__controls button:last-child';
      expect(await ui.text(settings)).toBe('Settings');
      await ui.evaluate((root, s) => root.querySelector(s)?.scrollIntoView({ block: 'nearest' }), settings);
      expect(await inside(await ui.box(settings)), `${name}: Settings reachable`).toBe(true);
      await page.close();
    }
  });

  it('opens without motion for a reader who asks for reduced motion', async () => {
    const page = await h.context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(fixturePages.famineOrphans?.url ?? '');
    const ui = inPage(page);
    await ui.click(PILL);
    await ui.waitFor(PANEL);
    const animation = () =>
      ui.evaluate((root, s) => {
        const panel = root.querySelector(s);
        return panel ? getComputedStyle(panel).animationName : null;
      }, PANEL);
    expect(await animation()).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await animation()).toBe('fh-panel-in');
    await page.close();
  });

  it('moves between the cards with the arrow keys', async () => {
    const page = await open('famineOrphans');
    const ui = inPage(page);
    await ui.waitFor(PILL);
    await ui.focus(PILL);
    await page.keyboard.press('Enter');
    await ui.waitFor(PANEL);
    // The panel takes the focus once it has rendered: Tab from there, not from the pill.
    await expect.poll(() => ui.focused('role')).toBe('dialog');
    const focusedCard = () => ui.focused('data-passage-id', 'article');
    // From the panel itself, the arrow keys go into the cards; the page does not scroll.
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedCard).not.toBeNull();
    const first = await focusedCard();
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await ui.focus(PANEL);
    await page.keyboard.press('Tab'); // the close button
    await page.keyboard.press('Tab'); // the first card's button
    await expect.poll(focusedCard).toBe(first);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedCard).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedCard).toBe(first);
    await page.keyboard.press('Escape');
    // Focus goes back to the pill.
    await expect.poll(() => ui.focused('data-firsthand')).toBe('pill');
    await page.close();
  });
});

describe('the background', () => {
  it('keeps working after its service worker was stopped: old tabs keep their results, new pages get theirs', async () => {
    const earlier = await open('famineOrphans');
    await inPage(earlier).waitFor(PILL);
    const earlierTab = await h.tabIdOf(earlier);
    const before = await h.worker();
    await before.evaluate(() => {
      (globalThis as { beforeRestart?: boolean }).beforeRestart = true;
    });

    await h.stopWorker();

    const page = await open('gayDefector');
    const ui = inPage(page);
    await ui.click(PILL, { timeout: 20_000 });
    await expect.poll(() => ui.count('[data-story-id="gay-north-korea-2005"]')).toBeGreaterThan(0);
    // The worker that answered is a fresh one: the marker set before the stop is gone.
    const after = await h.worker();
    expect(await after.evaluate(() => (globalThis as { beforeRestart?: boolean }).beforeRestart)).toBeUndefined();

    const popup = await h.popup({ tabId: earlierTab });
    await expect.poll(() => popup.getByText('On this page').count()).toBeGreaterThan(0);
    expect(await popup.locator('[data-story-id="josephs-story-part-1-2024"]').count()).toBeGreaterThan(0);
    await Promise.all([popup.close(), page.close(), earlier.close()]);
  });
});

describe('the built extension', () => {
  it('runs a staged page pipeline: stage 0 on every page, small and bare; the rest injected', () => {
    const file = (path: string) => readFileSync(join(extensionDir, path), 'utf8');
    const stage0 = file('firsthand-gate.js');
    const detector = file('content-scripts/firsthand-detect.js');
    const ui = file('content-scripts/firsthand-ui.js');
    const panel = file('content-scripts/firsthand-panel.js');
    // A sentence of webextension-polyfill's own source.
    const polyfill = 'This script should only be loaded in a browser extension';
    // Preact's mangled vnode field, kept by every minifier.
    const preact = '__k';
    // A content-script context's invalidation message (WXT's, and ours in its place).
    const wxtRuntime = 'Content script context invalidated';
    // No stage carries the polyfill, nor does any page (the popup opens sooner without
    // it: npm run bench:popup); the background does (the check can fail).
    expect(file('background.js')).toContain(polyfill);
    for (const script of [stage0, detector, ui, panel]) expect(script).not.toContain(polyfill);
    const pages = readdirSync(join(extensionDir, 'chunks')).filter((name) => name.endsWith('.js'));
    expect(pages.some((name) => name.startsWith('popup-'))).toBe(true);
    for (const page of pages) expect(file(`chunks/${page}`), page).not.toContain(polyfill);
    // Only the panel's code carries Preact: the UI draws the pill without it.
    expect(panel).toContain(preact);
    for (const script of [stage0, detector, ui]) expect(script).not.toContain(preact);
    // Stage 0 has no content-script context at all; the detector and the UI have ours
    // (src/page/page-context.ts), which announces nothing to the page, in place of WXT's,
    // which does (the check can fail: WXT's own source says it).
    const announce = 'wxt:content-script-started';
    expect(readFileSync('node_modules/wxt/dist/utils/content-script-context.mjs', 'utf8')).toContain(announce);
    for (const script of [stage0, detector, ui, panel]) expect(script).not.toContain(announce);
    for (const script of [detector, ui, panel]) expect(script).toContain(wxtRuntime);
    expect(stage0).not.toContain(wxtRuntime);
    // Stage 0 runs on every page: at most 4 kB (4,096 bytes) gzipped, by Node's zlib at
    // level 9 (issue 13; `gzip -9` makes it a hundred bytes smaller still).
    expect(gzipSync(stage0, { level: 9 }).length).toBeLessThanOrEqual(4096);
    // The stages that run on page loads have their functions compiled with the script
    // (src/page/compile-hint.ts): the hint is the first line, where V8 reads it, and not
    // stripped by the minifiers.
    for (const script of [stage0, detector, ui]) expect(script.split('\n')[0]).toBe(COMPILE_HINT);
    // Only stage 0 is listed in the manifest: the background injects the detector and the UI.
    const manifest = JSON.parse(file('manifest.json'));
    expect(manifest.content_scripts).toEqual([
      { matches: ['http://*/*', 'https://*/*'], js: ['firsthand-gate.js'], run_at: 'document_idle' },
    ]);
  });

  it('offers the ways in: a shortcut that opens the popup, the "fh" keyword, the selection menu', () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
    expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+F');
    expect(manifest.omnibox).toEqual({ keyword: 'fh' });
    expect(manifest.permissions).toContain('contextMenus');
  });
});

describe('privacy', () => {
  it('makes no request beyond the test pages themselves', async () => {
    const served = new Set([
      ...Object.values(fixturePages).map((p) => p.url),
      CLOSED_BANNER_URL,
      LINKED_TERM_URL,
      LATE_CONTENT_URL,
    ]);
    const others = h.requests.filter(
      (url) => !served.has(url.replace(/#.*$/, '')) && !url.startsWith('chrome-extension://'),
    );
    expect(others).toEqual([]);
    expect(h.requests.length).toBeGreaterThan(0);
  });

  it('would see a request if the extension made one (the check above can fail)', async () => {
    const worker = await h.worker();
    await worker.evaluate(() => fetch('https://tracker.invalid/ping').catch(() => undefined));
    await expect.poll(() => h.requests).toContain('https://tracker.invalid/ping');
  });
});
