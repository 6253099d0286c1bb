/**
 * Firefox in a dark system theme (`ui.systemUsesDarkTheme`): the pill, the open panel, the
 * popup and the reader follow it. The light theme's controls are in firefox.smoke.test.ts,
 * whose pill is dark and whose panel, popup and reader are light.
 * Screenshots: test-results/e2e/firefox-dark-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FirefoxHarness,
  launchFirefox,
  lookInPage,
  luminance,
  pageColour,
  poll,
  settledPill,
} from './firefox-harness';

let h: FirefoxHarness;
const articlePath = '/news/articles/c0famine0001';
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await launchFirefox({ prefs: { 'ui.systemUsesDarkTheme': 1 } });
});

afterAll(async () => {
  await h?.close();
});

describe('Firsthand in Firefox, dark theme', () => {
  it('draws the pill and the open panel dark', async () => {
    const url = h.serveFixture(articlePath, 'famine-orphans.html');
    const article = await h.browser.newPage();
    article.on('pageerror', (error) => pageErrors.push(String(error)));
    await article.goto(url, { waitUntil: 'load' });
    const look = () => lookInPage(h, url);
    const before = await settledPill(look);
    // The pill is pale on a dark system theme (dark on a light one: firefox.smoke.test.ts).
    expect(luminance(before.pillColour)).toBeGreaterThan(0.3);
    // Each look opens and closes a probe tab: the article's tab must be the one in front
    // for the click to reach it.
    await article.bringToFront();
    await article.mouse.click(before?.pill?.x ?? 0, before?.pill?.y ?? 0);
    const open = await poll(look, (seen) => (seen?.cards ?? 0) > 0 && seen?.panelColour != null);
    await h.screenshot(article, 'firefox-dark-panel-open');
    expect(luminance(open?.panelColour)).toBeLessThan(0.05);
    expect(pageErrors).toEqual([]);
  });

  it('draws the popup and the reader dark', async () => {
    const popup = await h.extensionPage('/popup.html');
    await popup.setViewport({ width: 400, height: 600 });
    await h.screenshot(popup, 'firefox-dark-popup');
    expect(luminance(await pageColour(popup))).toBeLessThan(0.05);
    const reader = await h.extensionPage('/reader.html?story=women-in-north-korea-2023');
    await reader.setViewport({ width: 1000, height: 800 });
    await poll(
      () => reader.evaluate(() => document.querySelector('h1')?.textContent ?? ''),
      (title) => title !== '',
    );
    await h.screenshot(reader, 'firefox-dark-reader');
    expect(luminance(await pageColour(reader))).toBeLessThan(0.05);
  });
});
