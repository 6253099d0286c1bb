import { browser, type PublicPath } from 'wxt/browser';
import { i18n } from '@/src/i18n';
import { searchPath, sendMessage } from '@/src/messaging/protocol';
import { FOCUS_PILL_COMMAND } from './commands';

/** The context menu item on a text selection. */
export const SEARCH_MENU_ID = 'firsthand-search';

type Api = Pick<typeof browser, 'runtime' | 'contextMenus' | 'omnibox' | 'tabs' | 'commands'> & {
  /** MV3's toolbar button; Firefox's MV2 build has `browserAction` instead (typed as Chrome's MV3 has it: not at all). */
  action?: { openPopup?(): Promise<void> };
  browserAction?: object;
};
type Opens = { openPopup?(): Promise<void> } | undefined;
/** Asks a tab's page to focus its pill; whether it had one. */
type FocusPill = (tabId: number) => Promise<boolean>;
const askPageToFocusPill: FocusPill = (tabId) =>
  sendMessage('focusPill', undefined, { tabId, frameId: 0 }).catch(() => false);
type Tab = { id?: number; index?: number };

/**
 * Ways into Firsthand besides the page and the toolbar: "Search Firsthand for “…”" on a
 * text selection, and the omnibox keyword `fh` (type "fh famine" in the address bar). Both
 * open the popup as a search page with the words already searched. The keyboard shortcuts
 * are the manifest's `commands` (wxt.config.ts): the one that opens the popup is the
 * browser's own; the one that goes to the pill is answered here. The pill sits last in a
 * page's tab order (the top layer, at the end of the document), dozens of Tabs away: the
 * shortcut puts the keyboard's focus on it, and where the page shows none (private mode,
 * nothing found, a page Firsthand may not touch) opens the popup instead.
 */
export function registerWaysIn(
  api: Api = browser,
  {
    focusPill = askPageToFocusPill,
    showsPill = () => true,
  }: { focusPill?: FocusPill; showsPill?: (tabId: number) => boolean } = {},
): void {
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
  api.commands.onCommand.addListener((command, tab) => {
    if (command !== FOCUS_PILL_COMMAND) return;
    // Firefox (its MV2 browser action) opens a popup only in the shortcut's own turn, not
    // after an await: where no pill is known, it opens at once.
    const browserAction = api.browserAction as Opens;
    if (!api.action && browserAction && !(tab?.id !== undefined && showsPill(tab.id))) {
      void browserAction.openPopup?.()?.catch(() => {});
      return;
    }
    void goToPill(api, focusPill, tab).catch(() => {});
  });
  api.omnibox.setDefaultSuggestion({ description: i18n.t('omnibox.default_suggestion') });
  api.omnibox.onInputEntered.addListener((text, disposition) => {
    if (!text.trim()) return;
    void api.tabs.query({ active: true, currentWindow: true }).then(([tab]) => openSearch(api, text, tab, disposition));
  });
}

/** The pill shortcut: the active tab's pill takes the focus, or, where it has none, the popup opens. */
export async function goToPill(api: Api, focusPill: FocusPill, given?: Tab): Promise<'pill' | 'popup'> {
  const tab = given ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id !== undefined && (await focusPill(tab.id))) return 'pill';
  await (api.action ?? (api.browserAction as Opens))?.openPopup?.();
  return 'popup';
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
