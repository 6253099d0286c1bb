/**
 * The options page against open tabs: where Firsthand runs, how many excerpts a page shows,
 * and reset to defaults, each applied to tabs already open, without a reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages } from '../src/testing/fixture-pages';
import { type Harness, inPage, launch, PILL } from '../src/testing/harness';

/**
 * An article with more cards than the smallest limit (the famine and the markets: two
 * stories), at a news site's address.
 */
const news = {
  url: (fixturePages.famineOrphans as { url: string }).url,
  file: (fixturePages.demoNews as { file: string }).file,
};
/** The same article on a site that is not a news site: a blog. */
const BLOG_URL = 'https://example-blog.net/post';

let h: Harness;
let bbc: Page;
let blog: Page;
let bbcTab: number;
let blogTab: number;
let options: Page;

beforeAll(async () => {
  h = await launch();
  h.serve(news.url, h.fixture(news.file));
  h.serve(BLOG_URL, h.fixture(news.file));
  bbc = await h.context.newPage();
  await bbc.goto(news.url);
  blog = await h.context.newPage();
  await blog.goto(BLOG_URL);
  await inPage(bbc).waitFor(PILL);
  await inPage(blog).waitFor(PILL);
  bbcTab = await h.tabIdOf(bbc);
  blogTab = await h.tabIdOf(blog);
  options = await h.extensionPage('options.html');
  await options.getByLabel(/Private mode/).waitFor();
});
afterAll(async () => {
  await h?.close();
});

/** The number the pill says ("4 testimonies relate to this article"); 0 without a pill. */
async function pillCount(page: Page): Promise<number> {
  const text = await inPage(page).text(PILL);
  return text === null ? 0 : Number(text.match(/\d+/)?.[0] ?? 0);
}

/** What the extension keeps in storage.local, its settings' versions left out. */
async function storedSettings(): Promise<Record<string, unknown>> {
  const worker = await h.worker();
  const all = await worker.evaluate(() => chrome.storage.local.get(null));
  return Object.fromEntries(Object.entries(all).filter(([key]) => !key.endsWith('$')));
}

const status = () => options.getByRole('status').textContent();

const fullScreenshot = (page: Page, name: string) => h.screenshot(page, name, { fullPage: true });

describe('where Firsthand runs', () => {
  it('"only on news sites" takes the pill and badge off a tab outside the list at once, and gives them back', async () => {
    const count = await pillCount(bbc);
    expect(count).toBeGreaterThan(0);
    await expect.poll(() => h.badgeText(blogTab)).toBe(String(await pillCount(blog)));

    await options.getByRole('radio', { name: 'Only on news sites in my list' }).check();
    await expect.poll(() => status()).toBe('Saved.');
    await expect.poll(() => pillCount(blog), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => h.badgeText(blogTab)).toBe('');
    // bbc.com is a news site in the default list: it keeps everything.
    expect(await pillCount(bbc)).toBe(count);
    expect(await h.badgeText(bbcTab)).toBe(String(count));
    expect(await storedSettings()).toMatchObject({ runsOn: 'news-sites' });
    await fullScreenshot(options, 'settings-news-sites');

    await options.getByRole('radio', { name: 'On every site' }).check();
    await expect.poll(() => pillCount(blog), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => h.badgeText(blogTab)).toBe(String(await pillCount(blog)));
  });

  it('runs on a site added to the list, and stops when it is removed, in the open tab', async () => {
    await options.getByRole('radio', { name: 'Only on news sites in my list' }).check();
    await expect.poll(() => pillCount(blog), { timeout: 10_000 }).toBe(0);

    const field = options.getByLabel('Add a news site');
    // Not a site: a clear complaint next to the field, nothing added.
    await field.fill('my favourite blog');
    await options.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/is not a site/);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await fullScreenshot(options, 'settings-invalid-site');

    // An article's address names its site.
    await field.fill('https://www.example-blog.net/2026/another-post?ref=x');
    await field.press('Enter');
    await expect.poll(() => status()).toBe('Added example-blog.net.');
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    await expect.poll(() => pillCount(blog), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => h.badgeText(blogTab)).not.toBe('');

    await options.getByRole('button', { name: 'Remove example-blog.net' }).click();
    await expect.poll(() => status()).toBe('Removed example-blog.net.');
    await expect.poll(() => pillCount(blog), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => h.badgeText(blogTab)).toBe('');

    await options.getByRole('radio', { name: 'On every site' }).check();
    await expect.poll(() => pillCount(blog), { timeout: 10_000 }).toBeGreaterThan(0);
  });
});

describe('the number of results', () => {
  it('limits the pill and the badge of an open tab, and lifts the limit again', async () => {
    const usual = await pillCount(bbc);
    expect(usual).toBeGreaterThan(3);
    await options.getByRole('radio', { name: 'Up to 3' }).check();
    await expect.poll(() => pillCount(bbc), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => h.badgeText(bbcTab)).toBe('3');
    await inPage(bbc).click(PILL);
    await expect.poll(() => inPage(bbc).count('[data-passage-id]')).toBe(3);
    await bbc.keyboard.press('Escape');

    await options.getByRole('radio', { name: 'Up to 6 (default)' }).check();
    await expect.poll(() => pillCount(bbc), { timeout: 10_000 }).toBe(usual);
    await expect.poll(() => h.badgeText(bbcTab)).toBe(String(usual));
  });
});

describe('reset', () => {
  it('asks first, then restores every setting to its default, and open tabs follow', async () => {
    // Away from every default.
    await options.getByLabel(/Underline the terms/).uncheck();
    await options.getByLabel('Corner of the page for the Firsthand pill').selectOption('top-left');
    await options.getByRole('radio', { name: 'Up to 10' }).check();
    await options.getByRole('radio', { name: 'Only on news sites in my list' }).check();
    await options.getByRole('button', { name: 'Remove nknews.org' }).click();
    await options.getByLabel(/Private mode/).check();
    await expect.poll(() => pillCount(bbc), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => h.badgeText(blogTab)).toBe('');
    await expect
      .poll(async () => Object.keys(await storedSettings()).sort())
      .toEqual(['corner', 'displayMode', 'markTerms', 'newsSites', 'resultCount', 'runsOn']);

    await options.getByRole('button', { name: 'Reset all settings' }).click();
    const question = options.getByText('Are you sure?');
    await question.waitFor();
    // The safe answer has the focus; Cancel keeps everything.
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await fullScreenshot(options, 'settings-reset-confirm');
    await options.keyboard.press('Enter');
    await expect.poll(() => question.count()).toBe(0);
    expect(Object.keys(await storedSettings())).toHaveLength(6);

    await options.getByRole('button', { name: 'Reset all settings' }).click();
    await options.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => status()).toBe('Settings restored to their defaults.');
    await expect.poll(() => storedSettings()).toEqual({});

    // The page shows the defaults...
    expect(await options.getByLabel(/Private mode/).isChecked()).toBe(false);
    expect(await options.getByLabel(/Underline the terms/).isChecked()).toBe(true);
    expect(await options.getByLabel('Corner of the page for the Firsthand pill').inputValue()).toBe('bottom-right');
    expect(await options.getByRole('radio', { name: 'On every site' }).isChecked()).toBe(true);
    expect(await options.getByRole('radio', { name: 'Up to 6 (default)' }).isChecked()).toBe(true);
    expect(await options.getByRole('button', { name: 'Remove nknews.org' }).count()).toBe(1);
    // ...and so do the open tabs, without a reload.
    await expect.poll(() => pillCount(bbc), { timeout: 10_000 }).toBeGreaterThan(3);
    await expect.poll(() => pillCount(blog), { timeout: 10_000 }).toBeGreaterThan(3);
    await expect.poll(() => h.badgeText(blogTab)).toBe(String(await pillCount(blog)));
  });
});

describe('the options page', () => {
  it('looks right in a light and a dark theme, and at a phone’s width', async () => {
    await options.emulateMedia({ colorScheme: 'light' });
    await fullScreenshot(options, 'settings');
    await options.emulateMedia({ colorScheme: 'dark' });
    await fullScreenshot(options, 'settings-dark');
    await options.setViewportSize({ width: 360, height: 800 });
    await fullScreenshot(options, 'settings-dark-narrow');
    await options.evaluate(() => window.scrollTo(0, 0));
    await h.screenshot(options, 'settings-dark-narrow-top');
    await options.getByRole('heading', { name: 'Results' }).scrollIntoViewIfNeeded();
    await h.screenshot(options, 'settings-dark-narrow-end');
    // Nothing wider than the window.
    expect(await options.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await options.emulateMedia({ colorScheme: 'light' });
    await options.setViewportSize({ width: 1280, height: 900 });
  });

  it('is worked from the keyboard, with a visible focus', async () => {
    await options.reload();
    await options.getByLabel(/Private mode/).waitFor();
    const focused = () =>
      options.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { tag: el.tagName, outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
      });
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await options.keyboard.press('Tab');
      const now = await focused();
      expect(now, `tab stop ${i + 1}`).not.toBeNull();
      expect(now?.outline, `tab stop ${i + 1} (${now?.tag})`).toBe(true);
      seen.add(now?.tag ?? '');
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(['BUTTON', 'INPUT', 'SELECT']));
  });

  it('makes no network request', () => {
    const pages = new Set([news.url, BLOG_URL]);
    expect(h.requests.filter((url) => !url.startsWith('chrome-extension://') && !pages.has(url))).toEqual([]);
  });
});

describe('the options page in a Korean browser', () => {
  let ko: Harness;
  beforeAll(async () => {
    ko = await launch({ lang: 'ko' });
  });
  afterAll(() => ko?.close());

  it('speaks Korean, keeps "Private mode" in the label the contract names, and fits a phone', async () => {
    const page = await ko.context.newPage();
    await page.goto(`chrome-extension://${ko.extensionId}/options.html`);
    await page.getByLabel(/Private mode/).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
      'ko',
      'Firsthand 설정',
    ]);
    expect(await page.locator('main').getAttribute('lang')).toBe('ko');
    expect(await page.getByLabel(/비공개 모드 \(Private mode\)/).count()).toBe(1);
    expect(await page.getByRole('radio', { name: '최대 6건 (기본값)' }).isChecked()).toBe(true);
    await page.getByLabel('뉴스 사이트 추가').fill('my favourite blog');
    await page.getByRole('button', { name: '사이트 추가' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^“my favourite blog”에서 사이트를/);
    await fullScreenshot(page, 'ko-options');
    await page.setViewportSize({ width: 360, height: 800 });
    await fullScreenshot(page, 'ko-options-narrow');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });
});
