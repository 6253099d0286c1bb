import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages } from '../src/testing/fixture-pages';
import { type Harness, inPage, launch, PILL } from '../src/testing/harness';

let h: Harness;

beforeAll(async () => {
  h = await launch();
  for (const page of Object.values(fixturePages)) h.serve(page.url, h.fixture(page.file));
});
afterAll(async () => {
  await h?.close();
});

const searchBox = (popup: Page) => popup.getByRole('searchbox', { name: 'Search testimonies' });
const results = (popup: Page) => popup.locator('section[aria-busy="false"] [data-passage-id]');

describe('the popup’s search', () => {
  it('marks the characters the words matched: a typo’s letters, a prefix, a whole word', async () => {
    const popup = await h.popup();
    await searchBox(popup).fill('Tongl market');
    const card = results(popup).filter({ hasText: 'Tongil Market' }).first();
    await card.waitFor();
    const marks = await card.locator('mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toContain('market');
    // Fuse's match indices: the letters of "Tongl" found in "Tongil", not the whole word.
    expect(marks.some((m) => 'tongil'.startsWith(m.toLowerCase()) && m.length < 6)).toBe(true);
    expect(marks.map((m) => m.toLowerCase())).not.toContain('tongil');

    await searchBox(popup).fill('orpha');
    await expect
      .poll(async () => new Set((await results(popup).locator('mark').allTextContents()).map((m) => m.toLowerCase())))
      .toEqual(new Set(['orpha']));
    await popup.close();
  });

  it('filters by topic, voice and story, and browses by them with no words typed', async () => {
    const popup = await h.popup();
    const story = popup.getByLabel('Story');
    await story.waitFor();
    await story.selectOption('gay-north-korea-2005');
    await expect.poll(() => results(popup).count()).toBeGreaterThan(0);
    const storyIds = await results(popup).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-story-id')));
    expect(new Set(storyIds)).toEqual(new Set(['gay-north-korea-2005']));
    expect(await popup.getByRole('heading', { name: 'Filtered testimonies' }).count()).toBe(1);

    await popup.getByLabel('Voice').selectOption('report');
    await expect
      .poll(async () => new Set(await results(popup).locator('.fh-provenance').allTextContents()))
      .toEqual(new Set(['Report']));

    // Words and filters together; a word the story lacks leaves nothing, and says why.
    await searchBox(popup).fill('Tongil Market');
    await expect
      .poll(() => popup.getByRole('region', { name: 'Search results' }).getByRole('status').textContent())
      .toBe('No testimonies match “Tongil Market” with these filters.');
    await popup.getByRole('button', { name: 'Clear the filters' }).click();
    await results(popup).filter({ hasText: 'Tongil Market' }).first().waitFor();
    expect(await story.inputValue()).toBe('');

    await searchBox(popup).fill('');
    await popup.getByLabel('Topic').selectOption('famine');
    await expect.poll(() => results(popup).count()).toBeGreaterThan(0);
    const famineStories = await results(popup).evaluateAll((cards) =>
      cards.map((c) => c.getAttribute('data-story-id')),
    );
    // Only stories tagged with the topic: not the GlobalGayz report.
    expect(famineStories).not.toContain('gay-north-korea-2005');
    await h.screenshot(popup, 'popup-filters');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(popup, 'popup-filters-dark');
    await popup.close();
  });

  it('offers searches that work when empty, and after a search that finds nothing', async () => {
    const popup = await h.popup();
    await h.screenshot(popup, 'popup-empty');
    await searchBox(popup).fill('xylophone');
    await expect
      .poll(() => popup.getByRole('region', { name: 'Search results' }).getByRole('status').textContent())
      .toBe('No testimonies match “xylophone”.');
    await h.screenshot(popup, 'popup-no-results');
    await popup.getByRole('button', { name: '꽃제비' }).click();
    expect(await searchBox(popup).inputValue()).toBe('꽃제비');
    await expect.poll(() => results(popup).count()).toBeGreaterThan(0);
    await popup.close();
  });
});

describe('the popup’s cards', () => {
  it('link to the reader: the link holds its address, and a plain click opens it in a tab', async () => {
    const article = await h.context.newPage();
    await article.goto(fixturePages.famineOrphans?.url ?? '');
    await inPage(article).waitFor(PILL);
    const popup = await h.popup({ tabId: await h.tabIdOf(article) });
    const card = popup.locator('.fh-popup__on-page [data-passage-id]').first();
    await card.waitFor();
    const [storyId, passageId] = await Promise.all([
      card.getAttribute('data-story-id'),
      card.getAttribute('data-passage-id'),
    ]);
    const link = card.getByRole('link', { name: 'Read the full story' });
    // A real address: middle-click, ctrl-click and "Copy link" get the reader, not a dead end.
    const href = `chrome-extension://${h.extensionId}/reader.html?${new URLSearchParams({ story: storyId ?? '', passage: passageId ?? '' })}`;
    expect(await link.getAttribute('href')).toBe(href);
    const [reader] = await Promise.all([h.context.waitForEvent('page'), link.click()]);
    await reader.waitForURL(href);
    await reader
      .locator(`[aria-current="true"][data-passage-id="${passageId}"]`)
      .or(reader.getByRole('button', { name: 'Show the story' }))
      .first()
      .waitFor();
    await Promise.all([reader.close(), article.close(), popup.isClosed() ? undefined : popup.close()]);
  });
});

describe('the popup’s switches', () => {
  it('switches private mode for open tabs, and opens the settings', async () => {
    const article = await h.context.newPage();
    await article.goto(fixturePages.famineOrphans?.url ?? '');
    await inPage(article).waitFor(PILL);
    const tabId = await h.tabIdOf(article);
    const popup = await h.popup({ tabId });
    const toggle = popup.getByRole('switch', { name: /Private mode/ });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    // Private: the in-page UI leaves the open tab; the popup still lists what was found.
    await expect.poll(() => inPage(article).count(PILL), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => popup.locator('.fh-popup__on-page [data-passage-id]').count()).toBeGreaterThan(0);
    await toggle.uncheck();
    await inPage(article).waitFor(PILL, { timeout: 10_000 });

    const [options] = await Promise.all([
      h.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Settings' }).click(),
    ]);
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${h.extensionId}/options.html`);
    await Promise.all([options.close(), article.close()]);
  });

  it('on a site outside the reader’s news sites, says why nothing shows and runs there in one click', async () => {
    const blog = 'https://example-blog.net/2026/11/north-korea-famine-memories';
    h.serve(blog, h.fixture(fixturePages.famineOrphans?.file ?? ''));
    const worker = await h.worker();
    await worker.evaluate(`chrome.storage.local.set({ runsOn: 'news-sites' })`);
    const article = await h.context.newPage();
    await article.goto(blog);
    const tabId = await h.tabIdOf(article);
    const popup = await h.popup({ tabId });
    await expect
      .poll(() => popup.locator('.fh-popup__notice').textContent())
      .toContain('example-blog.net is not one of them');
    // Stage 0 read the page and asked, and the background answered no (stage 0's scan
    // finishes after the answer): no detector was handed the article, and none is coming.
    expect(await h.scanned(article)).toMatchObject({ told: false });
    expect(await inPage(article).count(PILL)).toBe(0);
    await popup.getByRole('button', { name: 'Run on example-blog.net too' }).click();
    // Added to the list: the open tab is read and shows its pill without a reload (the
    // check above sees it).
    await inPage(article).waitFor(PILL);
    await expect.poll(() => popup.locator('.fh-popup__notice').count()).toBe(0);
    const stored = await worker.evaluate(`chrome.storage.local.get('newsSites').then((s) => s.newsSites)`);
    expect(stored).toContain('example-blog.net');
    await worker.evaluate(`chrome.storage.local.remove(['runsOn', 'newsSites'])`);
    await Promise.all([popup.close(), article.close()]);
  });
});
