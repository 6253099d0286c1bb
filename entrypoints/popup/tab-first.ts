import { browser } from 'wxt/browser';
import { readTabResultsFast } from '@/src/messaging/tab-results';
import type { PopupTab } from '@/src/ui/popup/popup-state';
import { tabIdFromSearch } from '@/src/ui/popup/popup-tab';

/**
 * The one read the popup opens for, started before anything else: this module is the
 * popup's first import, so its storage request goes out before the settings items'
 * start-up reads and before the rest of the popup's modules are evaluated.
 * `npm run bench:popup` measures the difference.
 */
export const tabFirst: Promise<PopupTab> = (async () => {
  const tabId =
    tabIdFromSearch(location.search) ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  return { tabId, matches: tabId === undefined ? null : await readTabResultsFast(tabId) };
})();
