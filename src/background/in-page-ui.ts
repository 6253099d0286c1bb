import { browser } from 'wxt/browser';
import { sendMessage } from '@/src/messaging/protocol';
import { tabResults } from '@/src/messaging/tab-results';
import { displayMode } from '@/src/settings/display-mode';

/** The in-page UI script (entrypoints/firsthand-ui.content), as WXT builds it. */
const UI_SCRIPT = '/content-scripts/firsthand-ui.js';

/**
 * Puts the in-page UI into a frame whose page has something to show, unless Firsthand is
 * in private mode: then the page gets nothing, not even the script. Says whether it did.
 */
export async function showInPage(tabId: number, frameId = 0): Promise<boolean> {
  if ((await displayMode.getValue()) === 'private') return false;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [UI_SCRIPT] });
  return true;
}

/**
 * Back from private mode, open tabs with matches get their UI again without a reload (the
 * ones that still have it show it again by themselves).
 */
export function followDisplayMode(): () => void {
  return displayMode.watch(async (mode) => {
    if (mode !== 'standard') return;
    for (const tab of await browser.tabs.query({})) {
      if (tab.id === undefined || !(await tabResults.get(tab.id))?.cards.length) continue;
      try {
        if (!(await hasUi(tab.id))) await showInPage(tab.id);
      } catch {
        // A tab we may not script (the store, a closed tab): nothing to show there.
      }
    }
  });
}

/** Shows a tab's page its UI again (after "hide on this page" was undone in the popup). */
export async function revealInPage(tabId: number): Promise<void> {
  try {
    if (await hasUi(tabId)) await sendMessage('refreshPage', undefined, tabId);
    else await showInPage(tabId);
  } catch {
    // The tab cannot be scripted (closed, or a page the extension may not touch).
  }
}

async function hasUi(tabId: number): Promise<boolean> {
  const [frame] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    // Runs in the page's isolated world: the same key as src/page/in-page-hook.ts.
    func: () => (globalThis as Record<symbol, unknown>)[Symbol.for('firsthand.in-page-ui')] !== undefined,
  });
  return frame?.result === true;
}
