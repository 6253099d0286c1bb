import { render } from 'preact';
import { uiLanguage } from '@/src/i18n';
import { sendMessage } from '@/src/messaging/protocol';
import { Popup } from './Popup';
import { createPopupState, type PopupTab } from './popup-state';
import { queryFromSearch } from './popup-tab';

/** How long the popup waits for its tab's results before it shows the search box alone. */
const TAB_WAIT_MS = 40;

/**
 * Shows the popup in `app`: in one render with "On this page" when the tab's results come
 * at once (they normally do); the search box first, and the results after, when they are
 * slow. Only then the rest (the filters' choices, the site's settings), so waking the
 * service worker never delays the first paint.
 */
export async function mountPopup(app: HTMLElement, tab: Promise<PopupTab>): Promise<void> {
  document.documentElement.lang = uiLanguage();
  const state = createPopupState({
    tab,
    initialQuery: queryFromSearch(location.search),
    sendMessage,
    close: () => window.close(),
  });
  const show = () => render(<Popup state={state} />, app);
  const slow = new Promise<'slow'>((resolve) => setTimeout(resolve, TAB_WAIT_MS, 'slow'));
  if ((await Promise.race([state.tabRead, slow])) === 'slow') {
    show();
    await state.tabRead;
  }
  show();
  // What npm run bench:popup measures: the popup showing what it knows about its tab.
  performance.mark('firsthand:popup-ready');
  state.follow();
}
