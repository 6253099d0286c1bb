import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openOnboardingOnInstall } from './onboarding';

const onboardingUrl = fakeBrowser.runtime.getURL('/onboarding.html');

/** Tabs showing the onboarding page (the fake browser starts with one blank tab). */
async function onboardingTabs(): Promise<number> {
  return (await fakeBrowser.tabs.query({})).filter((tab) => tab.url === onboardingUrl).length;
}

describe('onboarding on install', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    openOnboardingOnInstall();
  });

  it('opens the onboarding page when the extension is first installed', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => expect(await onboardingTabs()).toBe(1));
  });

  it('does not open it again when the extension is updated', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1' });
    // The control, after it: an install opens one tab. A stray one from the update, asked
    // for first, would be there by the time the install's is.
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => expect(await onboardingTabs()).toBeGreaterThan(0));
    expect(await onboardingTabs()).toBe(1);
  });
});
