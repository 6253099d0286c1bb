import { browser } from 'wxt/browser';

/** The onboarding page's address inside the extension (entrypoints/onboarding/). */
export const ONBOARDING_PATH = '/onboarding.html';

/**
 * Opens the onboarding page once, on first install, where the reader chooses between the
 * standard and private modes (issue 4, item 6). Until they choose, Firsthand is in its
 * default, standard mode. Not on updates: a reader who has chosen should not be asked again.
 */
export function openOnboardingOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(ONBOARDING_PATH) });
  });
}
