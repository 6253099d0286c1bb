import { browser } from '@wxt-dev/browser';
import type { PageMatches } from '@/src/messaging/protocol';
import { tabResultsKey } from '@/src/messaging/tab-results-key';
import { tabIdFromSearch } from '@/src/ui/popup/popup-tab';

/**
 * The one read the popup opens for, started before anything else: this module is the
 * popup's first import, so its storage request goes out before the settings items'
 * start-up reads (@wxt-dev/storage reads every item it defines) and before the rest of the
 * popup's modules are evaluated. `npm run bench:popup` measures the difference.
 */
export const tabFirst: Promise<{ tabId: number | undefined; matches: PageMatches | null }> = (async () => {
  const tabId =
    tabIdFromSearch(location.search) ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return { tabId, matches: null };
  const key = tabResultsKey(tabId);
  const stored = await browser.storage.session.get(key).catch(() => ({}) as Record<string, unknown>);
  return { tabId, matches: (stored[key] as PageMatches | undefined) ?? null };
})();
