import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { PageMatches } from './protocol';
import { isTabResultsKey, tabResultsKey } from './tab-results-key';

/**
 * What was found on each tab, typed, over session storage (one key a tab, so not one
 * `storage.defineItem`): the background alone writes it, the popup reads it. Kept in session storage, not in memory, so the popup still sees it after
 * the service worker was stopped and restarted; session storage is never written to disk,
 * so no browsing history outlives the browser session.
 */
const key = (tabId: number) => `session:${tabResultsKey(tabId)}` as const;

export const tabResults = {
  get: (tabId: number) => storage.getItem<PageMatches>(key(tabId)),
  set: (tabId: number, matches: PageMatches) => storage.setItem(key(tabId), matches),
  remove: (tabId: number) => storage.removeItem(key(tabId)),
  /**
   * Whether some tab has results: one read of the session area's keys, whatever the number
   * of tabs; of its values too where the browser cannot list keys alone (before Chrome 130,
   * and the test double).
   */
  any: async () => {
    let keys: string[];
    try {
      keys = await browser.storage.session.getKeys();
    } catch {
      keys = Object.keys(await storage.snapshot('session'));
    }
    return keys.some(isTabResultsKey);
  },

  /** The popup follows its tab: results arrive, change or go while it is open. */
  watch: (tabId: number, onChange: (matches: PageMatches | null) => void) =>
    storage.watch<PageMatches>(key(tabId), (matches) => onChange(matches)),
};

/**
 * The popup's first read, the one it opens for: a single `get` of the session area under
 * the same key as `tabResults`, and null rather than an error when the area cannot be read
 * (the popup then shows its search box alone). It has no start-up reads of its own, unlike
 * items made with `storage.defineItem`, so nothing queues ahead of it.
 */
export function readTabResultsFast(tabId: number): Promise<PageMatches | null> {
  return tabResults.get(tabId).catch(() => null);
}
