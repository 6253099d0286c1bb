/**
 * Real news in Firefox (issue #11): pages of ../shared/news-dev, read by the Firefox build,
 * decide as they do in Node (`npm run eval`'s evidence, the shipped model) and in Chromium
 * (e2e/real-news.e2e.test.ts, which reads all of them). Every sixth page here, 20 of 120,
 * both shown and quiet ones; FIRSTHAND_ALL_REAL_PAGES=1 reads all (about four minutes).
 * Third-party text, read from ../shared at run time; a clone without it skips this file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanRecord } from '../../src/page/scan-record';
import { verdictInNode } from '../../src/testing/read-in-node';
import { newsDevPages } from '../../src/testing/real-sets';
import { type FirefoxHarness, launchFirefox, poll } from './firefox-harness';

const news = newsDevPages();
const pages = process.env.FIRSTHAND_ALL_REAL_PAGES ? (news ?? []) : (news ?? []).filter((_, i) => i % 6 === 0);

describe.skipIf(!news)('real news in Firefox (../shared/news-dev)', () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    h = await launchFirefox();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows in the popup\'s "On this page" what npm run eval\'s shipped model decides', {
    timeout: 600_000,
  }, async () => {
    // One extension page asks the extension (it has `browser`) about each tab.
    const probe = await h.extensionPage('/popup.html');
    const inNode: string[] = [];
    const inFirefox: string[] = [];
    for (const page of pages) {
      const { stories } = await verdictInNode(readFileSync(page.path, 'utf8'), page.url);
      inNode.push(`${page.name}: ${stories.join(' ') || 'quiet'}`);
      const url = h.serveFixture(`/news/${page.name}`, page.path);
      const tab = await h.browser.newPage();
      try {
        await tab.goto(url);
        // The positive signal that a quiet page is quiet: the detector has read it, is idle,
        // and no rescan is due (these pages carry no script: nothing changes them).
        const read = await poll(
          () =>
            probe.evaluate(async (u) => {
              const api = (globalThis as unknown as { browser: typeof chrome }).browser;
              const id = (await api.tabs.query({})).find((t) => t.url === u)?.id;
              if (id === undefined) return null;
              const [frame] = await api.scripting.executeScript({
                target: { tabId: id },
                func: () =>
                  (globalThis as Record<symbol, { scans(): unknown } | undefined>)[
                    Symbol.for('firsthand.detection')
                  ]?.scans() ?? null,
              });
              const scans = frame?.result as ScanRecord | null;
              // Firefox's build is Manifest V2: the badge is the browser action's.
              const action = (api as unknown as { browserAction: typeof chrome.action }).browserAction;
              return { id, scans, badge: await action.getBadgeText({ tabId: id }) };
            }, url),
          (r) => !!r?.scans && r.scans.finished > 0 && r.scans.idle && !r.scans.rescanDue && r.scans.url === url,
        );
        expect(read?.scans?.idle, `${page.name}: read and idle`).toBe(true);
        let shown = 'quiet';
        if (read?.badge) {
          const popup = await h.extensionPage(`/popup.html?tabId=${read.id}`);
          await popup.waitForSelector('[data-story-id]');
          const ids = await popup.$$eval('[data-story-id]', (cards) =>
            cards.map((c) => c.getAttribute('data-story-id')),
          );
          await popup.close();
          // The badge counts the cards.
          shown = ids.join(' ') + (ids.length === Number(read.badge) ? '' : ` (badge ${read.badge})`);
        }
        inFirefox.push(`${page.name}: ${shown}`);
      } finally {
        await tab.close();
      }
    }
    await probe.close();
    expect(inFirefox).toEqual(inNode);
    // Control: the pages read have both kinds, so neither "all quiet" nor "all shown" passes.
    expect(inNode.some((l) => l.endsWith(': quiet'))).toBe(true);
    expect(inNode.some((l) => !l.endsWith(': quiet'))).toBe(true);
  });
});
