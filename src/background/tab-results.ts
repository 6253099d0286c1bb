import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { PageMatches } from '@/src/messaging/protocol';
import { tabResultsKey } from './tab-results-key';

/**
 * What was found on each tab. Kept in session storage, not in memory, so the popup still
 * sees it after the service worker was stopped and restarted; session storage is never
 * written to disk, so no browsing history outlives the browser session.
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

/** The action badge: the number of related excerpts on the tab, empty when none. */
export async function showCount(tabId: number, count: number): Promise<void> {
  // Firefox MV2 has browserAction where MV3 has action.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  if (count > 0) await action.setBadgeBackgroundColor({ tabId, color: '#1f5f5b' });
}
