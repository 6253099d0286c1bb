import { storage } from 'wxt/utils/storage';
import type { PageMatches } from './protocol';
import { tabResultsKey } from './tab-results-key';

/**
 * What was found on each tab: a typed storage item that the background alone writes and
 * the popup reads. Kept in session storage, not in memory, so the popup still sees it after
 * the service worker was stopped and restarted; session storage is never written to disk,
 * so no browsing history outlives the browser session.
 */
const key = (tabId: number) => `session:${tabResultsKey(tabId)}` as const;

export const tabResults = {
  get: (tabId: number) => storage.getItem<PageMatches>(key(tabId)),
  set: (tabId: number, matches: PageMatches) => storage.setItem(key(tabId), matches),
  remove: (tabId: number) => storage.removeItem(key(tabId)),
  /** The popup follows its tab: results arrive, change or go while it is open. */
  watch: (tabId: number, onChange: (matches: PageMatches | null) => void) =>
    storage.watch<PageMatches>(key(tabId), (matches) => onChange(matches)),
};
