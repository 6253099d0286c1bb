import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch } from '../src/testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(() => h?.close());

/** The onboarding tab the extension opens on install (it may already be open). */
async function onboardingPage(): Promise<Page> {
  const isOnboarding = (p: Page) => p.url().endsWith('/onboarding.html');
  const page =
    h.context.pages().find(isOnboarding) ??
    (await h.context.waitForEvent('page', { predicate: isOnboarding, timeout: 15_000 }));
  await page.waitForLoadState();
  return page;
}

describe('onboarding on first install', () => {
  it('opens by itself, explains, and saves the chosen mode', async () => {
    const page = await onboardingPage();
    expect(page.url()).toBe(`chrome-extension://${h.extensionId}/onboarding.html`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    const standard = page.getByRole('radio', { name: /Standard/ });
    const privateMode = page.getByRole('radio', { name: /Private mode/ });
    await expect.poll(() => standard.isVisible()).toBe(true);
    await expect.poll(() => privateMode.isVisible()).toBe(true);
    await expect.poll(() => standard.isChecked()).toBe(true);
    await h.screenshot(page, 'onboarding');

    await page.getByLabel(/Private mode/).check();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Private mode is on/);
    const worker = await h.worker();
    await expect
      .poll(() => worker.evaluate(() => chrome.storage.local.get('displayMode')))
      .toEqual({ displayMode: 'private' });

    // The group works from the keyboard, as native radio buttons do, and saves each change.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => standard.isChecked()).toBe(true);
    await expect
      .poll(() => worker.evaluate(() => chrome.storage.local.get('displayMode')))
      .toEqual({ displayMode: 'standard' });
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => privateMode.isChecked()).toBe(true);
    await expect
      .poll(() => worker.evaluate(() => chrome.storage.local.get('displayMode')))
      .toEqual({ displayMode: 'private' });

    await page.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(page, 'onboarding-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 360, height: 800 });
    await h.screenshot(page, 'onboarding-narrow');
    await page.getByRole('button', { name: 'Done' }).scrollIntoViewIfNeeded();
    await h.screenshot(page, 'onboarding-narrow-end');
  });

  it('makes no network request', () => {
    expect(h.requests.filter((url) => !url.startsWith('chrome-extension://'))).toEqual([]);
  });
});
