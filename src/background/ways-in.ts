import { browser, type PublicPath } from 'wxt/browser';
import { i18n } from '@/src/i18n';
import { searchPath } from '@/src/messaging/protocol';

/** The context menu item on a text selection. */
export const SEARCH_MENU_ID = 'firsthand-search';

type Api = Pick<typeof browser, 'runtime' | 'contextMenus' | 'omnibox' | 'tabs'>;
type Tab = { id?: number; index?: number };

/**
 * Ways into Firsthand besides the page and the toolbar: "Search Firsthand for “…”" on a
 * text selection, and the omnibox keyword `fh` (type "fh famine" in the address bar). Both
 * open the popup as a search page with the words already searched. The keyboard shortcut
 * that opens the popup is the manifest's `commands` (wxt.config.ts).
 */
export function registerWaysIn(api: Api = browser): void {
  // Made afresh whenever the background starts: on install, after a browser restart (the
  // UI language, and so the item's words, may have changed), and in Firefox after the
  // add-on was disabled and enabled again, which fires neither onInstalled nor onStartup.
  void Promise.resolve(api.contextMenus.removeAll())
    .then(() =>
      api.contextMenus.create({ id: SEARCH_MENU_ID, title: i18n.t('menu.search_selection'), contexts: ['selection'] }),
    )
    .catch(() => {});
  api.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SEARCH_MENU_ID || !info.selectionText?.trim()) return;
    void openSearch(api, info.selectionText, tab ?? undefined, 'newForegroundTab');
  });
  api.omnibox.setDefaultSuggestion({ description: i18n.t('omnibox.default_suggestion') });
  api.omnibox.onInputEntered.addListener((text, disposition) => {
    if (!text.trim()) return;
    void api.tabs.query({ active: true, currentWindow: true }).then(([tab]) => openSearch(api, text, tab, disposition));
  });
}

/** Opens the search page where the reader asked: this tab, or a new one beside it. */
async function openSearch(api: Api, words: string, beside: Tab | undefined, where: string): Promise<void> {
  const url = api.runtime.getURL(searchPath(words) as PublicPath);
  if (where === 'currentTab' && beside?.id !== undefined) {
    await api.tabs.update(beside.id, { url });
    return;
  }
  await api.tabs.create({
    url,
    active: where !== 'newBackgroundTab',
    ...(beside?.index !== undefined ? { index: beside.index + 1 } : {}),
  });
}
