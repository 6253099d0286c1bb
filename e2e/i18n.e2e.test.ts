import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages } from '../src/testing/fixture-pages';
import { extensionDir, type Harness, inPage, launch, PANEL, PILL, TERM_CARD } from '../src/testing/harness';

/**
 * Firsthand in a Korean browser: the UI's words come from _locales/ko, its `lang`
 * attributes say ko, and the testimonies keep their own language. (Debian's Chromium
 * without chromium-l10n still reports getUILanguage() as en-US, yet gives the extension its
 * Korean messages: the UI's lang follows the messages, src/i18n/index.ts.)
 */
let h: Harness;
const famine = fixturePages.famineOrphans as { url: string; file: string };

beforeAll(async () => {
  h = await launch({ lang: 'ko' });
  h.serve(famine.url, h.fixture(famine.file));
});
afterAll(() => h?.close());

const HANGUL = /[\uAC00-\uD7A3]/;

describe('the extension in a Korean browser', () => {
  it('gets the Korean messages, the manifest’s words included', async () => {
    const worker = await h.worker();
    const seen = await worker.evaluate(async () => ({
      messages: chrome.i18n.getMessage('meta_lang'),
      description: chrome.runtime.getManifest().description,
      // Chrome shows its own words for the action's shortcut; the manifest has ours.
      command: (chrome.runtime.getManifest().commands as Record<string, { description?: string }>)._execute_action
        ?.description,
      menu: chrome.i18n.getMessage('menu_search_selection'),
    }));
    expect(seen.messages).toBe('ko');
    expect(seen.description).toMatch(HANGUL);
    expect(seen.command).toBe('Firsthand 열기');
    expect(seen.menu).toBe('Firsthand에서 “%s” 검색');
    // The menu item, made from that message on install, exists (update fails on an unknown
    // id); the browser has no getter for its title.
    const menuItem = () =>
      worker.evaluate(() =>
        chrome.contextMenus.update('firsthand-search', {}).then(
          () => true,
          () => false,
        ),
      );
    await expect.poll(menuItem).toBe(true);
  });

  it('welcomes the reader in Korean on install', async () => {
    const isOnboarding = (p: Page) => p.url().endsWith('/onboarding.html');
    const page =
      h.context.pages().find(isOnboarding) ??
      (await h.context.waitForEvent('page', { predicate: isOnboarding, timeout: 15_000 }));
    await page.waitForLoadState();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Firsthand에 오신 것을 환영합니다');
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
      'ko',
      'Firsthand에 오신 것을 환영합니다',
    ]);
    expect(await page.getByRole('radio', { name: /기본 모드/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /비공개 모드/ }).count()).toBe(1);
    await h.screenshot(page, 'ko-onboarding');
    await page.setViewportSize({ width: 360, height: 800 });
    await h.screenshot(page, 'ko-onboarding-narrow');
    await page.close();
  });

  describe('on a news article', () => {
    let page: Page;
    beforeAll(async () => {
      page = await h.context.newPage();
      await page.goto(famine.url);
      await inPage(page).waitFor(PILL);
    });
    afterAll(() => page?.close());

    it('shows the pill in Korean, marked as Korean', async () => {
      const ui = inPage(page);
      await expect.poll(() => ui.text(PILL)).toMatch(/^이 기사와 관련된 증언 \d+건$/);
      expect(await ui.attribute(PILL, 'aria-label')).toMatch(/^Firsthand: 이 기사와 관련된 증언 \d+건$/);
      expect(await ui.attribute('.fh-inpage', 'lang')).toBe('ko');
      await h.screenshot(page, 'ko-pill');
    });

    it('opens a Korean panel whose testimonies stay in English, each marked with its language', async () => {
      const ui = inPage(page);
      await ui.click(PILL);
      await ui.waitFor(PANEL);
      expect(await ui.attribute(PANEL, 'aria-label')).toBe('Firsthand: 이 기사와 관련된 증언');
      const card = await ui.evaluate((root) => {
        const card = root.querySelector('[data-passage-id]');
        if (!card) return null;
        return {
          lang: card.getAttribute('lang'),
          provenanceLang: card.querySelector('.fh-provenance')?.getAttribute('lang'),
          provenance: card.querySelector('.fh-provenance')?.textContent,
          why: card.querySelector('.fh-card__why')?.textContent,
          time: card.querySelector('time')?.textContent,
          open: [...card.querySelectorAll('button')].filter((b) => b.textContent === '전문 읽기').length,
          // The testimony itself is read in its own language.
          textLang: card.querySelector('blockquote')?.closest('[lang]')?.getAttribute('lang'),
        };
      });
      expect(card?.lang).toBe('en');
      expect(card?.provenanceLang).toBe('ko');
      expect(card?.provenance).toMatch(HANGUL);
      expect(card?.why).toMatch(/^관련 이유:/);
      expect(card?.time).toMatch(/^\d{4}년 \d{1,2}월 \d{1,2}일$/);
      expect(card?.open).toBe(1);
      expect(card?.textLang).toBe('en');
      const buttons = await ui.evaluate(
        (root, panel) =>
          [...(root.querySelector(panel)?.querySelectorAll('button') ?? [])].map(
            (b) => b.getAttribute('aria-label') ?? b.textContent,
          ),
        PANEL,
      );
      expect(buttons).toContain('bbc.com에서 끄기');
      expect(buttons).toContain('닫기');
      await h.screenshot(page, 'ko-panel');
      await ui.evaluate((root) => {
        const list = root.querySelector('.fh-panel__cards');
        list?.scrollTo(0, list.scrollHeight);
      });
      await h.screenshot(page, 'ko-panel-end');
      await page.setViewportSize({ width: 400, height: 800 });
      await h.screenshot(page, 'ko-panel-narrow');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.keyboard.press('Escape');
      await expect.poll(() => ui.count('[data-passage-id]')).toBe(0);
    });

    it('opens a Korean term card beside a marked term', async () => {
      const terms = await page.evaluate(() =>
        [...(CSS.highlights.get('firsthand-term') ?? [])].map((range) => {
          const box = (range as Range).getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        }),
      );
      const term = terms[0];
      if (!term) throw new Error('no marked term on the page');
      await page.mouse.click(term.x, term.y);
      const ui = inPage(page);
      await ui.waitFor(TERM_CARD, { timeout: 5_000 });
      expect(await ui.attribute(TERM_CARD, 'aria-label')).toMatch(/^Firsthand: ‘.+’ 관련 증언$/);
      expect(await ui.text(`${TERM_CARD} .fh-termcard__count`)).toMatch(/^증언 \d+건$/);
      expect(await ui.attribute('.fh-termlayer', 'lang')).toBe('ko');
      await h.screenshot(page, 'ko-term-card');
      await page.keyboard.press('Escape');
    });
  });

  it('searches in a Korean popup: Korean words find the English testimonies, which keep their language', async () => {
    const popup = await h.popup();
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ko');
    const box = popup.getByRole('searchbox', { name: '증언 검색' });
    await h.screenshot(popup, 'ko-popup');
    await box.fill('기근');
    const card = popup.locator('section[aria-busy="false"] [data-passage-id]').first();
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getAttribute('lang')).toBe('en');
    expect(await card.locator('.fh-card__open').textContent()).toMatch(HANGUL);
    expect(await card.locator('mark').count()).toBeGreaterThan(0);
    await h.screenshot(popup, 'ko-popup-search');
    await popup.close();
  });

  it("keeps the words out of the page pipeline: the pill's come with the view, the panel's code reads the rest", () => {
    for (const path of [
      'firsthand-gate.js',
      'content-scripts/firsthand-detect.js',
      'content-scripts/firsthand-ui.js',
    ]) {
      expect(readFileSync(join(extensionDir, path), 'utf8')).not.toMatch(/getMessage|i18n/);
    }
    // Control: the panel's code does read its words.
    expect(readFileSync(join(extensionDir, 'content-scripts/firsthand-panel.js'), 'utf8')).toMatch(/getMessage/);
  });

  it('makes no network request', () => {
    expect(h.requests.filter((url) => !url.startsWith('chrome-extension://') && url !== famine.url)).toEqual([]);
  });
});
