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
    // Give a stray tabs.create the same chance to land as in the test above.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await onboardingTabs()).toBe(0);
  });
});
