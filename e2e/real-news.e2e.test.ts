import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, inPage, launch, PILL } from '../src/testing/harness';
import { newsDevPages, type RealPage, sharedDir } from '../src/testing/real-sets';

/**
 * Real news in the real browser (issue #11): pages of ../shared/news-dev, served at their
 * own addresses, go through the built extension's whole path — the content script reads
 * the article and sends its terms and words, the background ranks by query-by-document and
 * the page model decides. Third-party text, read from ../shared at run time; a clone
 * without it skips this file.
 */
const news = newsDevPages();
const has = existsSync(join(sharedDir(), 'news-dev'));

const named = (name: string): RealPage => {
  const page = news?.find((p) => p.name === name);
  if (!page) throw new Error(`news-dev has no page ${name}`);
  return page;
};

describe.skipIf(!has)('real news (../shared/news-dev)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    for (const page of news ?? []) h.serve(page.url, readFileSync(page.path, 'utf8'));
  });
  afterAll(async () => {
    await h?.close();
  });

  async function firstCard(page: RealPage): Promise<{ tab: Page; storyId: string | null }> {
    const tab = await h.context.newPage();
    await tab.goto(page.url);
    const ui = inPage(tab);
    await ui.click(PILL);
    await ui.waitFor('[data-passage-id]');
    return { tab, storyId: await ui.attribute('[data-passage-id]', 'data-story-id') };
  }

  it("puts the women's story first beside a real article on wives who out-earn their husbands", async () => {
    const page = named('b-01-economist-women-outearn-husbands');
    const { tab, storyId } = await firstCard(page);
    expect(page.relevant).toContain(storyId);
    await h.screenshot(tab, 'real-news-panel');
    await tab.close();
  });

  it("puts Joseph's story first beside a real Korean article on a care worker who lived through the famine", async () => {
    const page = named('a-25-care-worker-recalls-arduous-march');
    const { tab, storyId } = await firstCard(page);
    expect(storyId).toBe('josephs-story-part-1-2024');
    // "Why this" in the article's own words: Hangul, not the lexicon's English labels.
    const why = (await inPage(tab).text('[data-passage-id] .fh-card__why')) ?? '';
    expect(why).toMatch(/[\uac00-\ud7a3]/);
    await h.screenshot(tab, 'real-news-panel-korean');
    await tab.close();
  });
});
