import { browser } from 'wxt/browser';

/** The action badge: the number of related excerpts on the tab, empty when none. */
export async function showCount(tabId: number, count: number): Promise<void> {
  // Firefox MV2 has browserAction where MV3 has action.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  if (count > 0) await action.setBadgeBackgroundColor({ tabId, color: '#1f5f5b' });
}
