import { render } from 'preact';
import { browser, type PublicPath } from 'wxt/browser';
import { tabResults } from '@/src/background/tab-results';
import { type ExcerptCard, type PageMatches, readerPath, sendMessage } from '@/src/messaging/protocol';
import { isOffSite, offSites, setSiteOff, siteOf } from '@/src/settings/page-settings';
import { Popup } from '@/src/ui/popup/Popup';
import { popupCss } from '@/src/ui/popup/popup.css';
import { queryFromSearch, tabIdFromSearch } from '@/src/ui/popup/popup-tab';

function searchTestimonies(query: string): Promise<ExcerptCard[]> {
  return sendMessage('search', { query, limit: 20 });
}

async function openReader(card: ExcerptCard): Promise<void> {
  // readerPath() returns a plain string; WXT types getURL with the known public paths.
  const url = browser.runtime.getURL(readerPath(card.storyId, card.passageId) as PublicPath);
  await browser.tabs.create({ url });
  window.close();
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const initialQuery = queryFromSearch(location.search);

async function main(app: HTMLElement): Promise<void> {
  let tabMatches: PageMatches | null = null;
  let offSite: string | null = null;
  let site: string | null = null;
  let tabId: number | undefined;
  const show = () =>
    render(
      <Popup
        search={searchTestimonies}
        tabMatches={tabMatches}
        onOpen={openReader}
        offSite={offSite}
        onSiteOn={() => offSite && void setSiteOff(offSite, false)}
        site={site}
        onSiteOff={() => site && void setSiteOff(site, true)}
        initialQuery={initialQuery}
        onShowOnPage={() => tabId !== undefined && void sendMessage('hideOnPage', { hidden: false, tabId })}
      />,
      app,
    );
  // Search is usable at once; "On this page" follows when the background answers.
  show();
  tabId = tabIdFromSearch(location.search) ?? (await activeTabId());
  if (tabId === undefined) return;
  const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url ?? '';
  site = /^https?:/.test(url) ? siteOf(url) || null : null;
  const followSites = (sites: string[]) => {
    offSite = isOffSite(url, sites) ? siteOf(url) : null;
    show();
  };
  followSites(await offSites.getValue());
  offSites.watch(followSites);
  tabMatches = await tabResults.get(tabId).catch(() => null);
  show();
  // ...and as they change: hidden and shown again, a site switched back on.
  tabResults.watch(tabId, (matches) => {
    tabMatches = matches;
    show();
  });
}

const style = document.createElement('style');
style.textContent = popupCss;
document.head.append(style);
document.documentElement.classList.add('fh-theme');
const app = document.getElementById('app');
if (app) void main(app);
