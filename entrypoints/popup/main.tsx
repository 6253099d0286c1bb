// biome-ignore-all assist/source/organizeImports: tab-first must be evaluated first (see the module).
import { tabFirst } from './tab-first';
import { render } from 'preact';
import { browser, type PublicPath } from 'wxt/browser';
import { tabResults } from '@/src/messaging/tab-results';
import { uiLanguage } from '@/src/i18n';
import {
  type ExcerptCard,
  type PageMatches,
  readerPath,
  type SearchFacets,
  type SearchFilters,
  sendMessage,
} from '@/src/messaging/protocol';
import { displayMode } from '@/src/settings/display-mode';
import { offSites, setPageSiteOn, setSiteOff, siteOf } from '@/src/settings/page-settings';
import { isOnAnySite, normaliseHost, runsOnPage, type WhereItRuns } from '@/src/settings/sites';
import { newsSites, watchWhereItRuns, whereItRuns } from '@/src/settings/where-it-runs';
import { Popup } from '@/src/ui/popup/Popup';
import { queryFromSearch } from '@/src/ui/popup/popup-tab';

function searchTestimonies(query: string, filters: SearchFilters): Promise<ExcerptCard[]> {
  return sendMessage('search', { query, filters, limit: 20 });
}

/** The entry of a list of sites that covers a page ("bbc.com" for news.bbc.com), or null. */
function coveringSite(url: string, sites: readonly string[]): string | null {
  return sites.find((entry) => isOnAnySite(url, [entry])) ?? null;
}

/** "Run on this site too": the tab's own host, as the extension names sites (any host). */
async function addToNewsSites(site: string): Promise<void> {
  const host = normaliseHost(site);
  const list = await newsSites.getValue();
  if (host !== '' && !list.includes(host)) await newsSites.setValue([...list, host].sort());
}

async function openSettings(): Promise<void> {
  await browser.runtime.openOptionsPage();
  window.close();
}

async function openReader(card: ExcerptCard): Promise<void> {
  // readerPath() returns a plain string; WXT types getURL with the known public paths.
  const url = browser.runtime.getURL(readerPath(card.storyId, card.passageId) as PublicPath);
  await browser.tabs.create({ url });
  window.close();
}

const initialQuery = queryFromSearch(location.search);

async function main(app: HTMLElement): Promise<void> {
  let tabMatches: PageMatches | null = null;
  let offSite: string | null = null;
  let site: string | null = null;
  // The tab's address, once known.
  let url = '';
  let unlistedSite: string | null = null;
  let tabId: number | undefined;
  let facets: SearchFacets | null = null;
  let privateMode = false;
  const show = () =>
    render(
      <Popup
        search={searchTestimonies}
        tabMatches={tabMatches}
        onOpen={openReader}
        offSite={offSite}
        onSiteOn={() => void setPageSiteOn(url)}
        unlistedSite={unlistedSite}
        onAddSite={() => unlistedSite && void addToNewsSites(unlistedSite)}
        site={site}
        onSiteOff={() => site && void setSiteOff(site, true)}
        initialQuery={initialQuery}
        onShowOnPage={() => tabId !== undefined && void sendMessage('hideOnPage', { hidden: false, tabId })}
        facets={facets}
        privateMode={privateMode}
        onPrivateMode={(on) => void displayMode.setValue(on ? 'private' : 'standard')}
        onOpenSettings={() => void openSettings()}
      />,
      app,
    );
  // One render with "On this page" when the tab's results come at once (they normally do);
  // the search box first, and the results after, when they are slow.
  const quick = await Promise.race([tabFirst, new Promise<null>((resolve) => setTimeout(resolve, 40, null))]);
  if (!quick) show();
  const first = quick ?? (await tabFirst);
  tabId = first.tabId;
  tabMatches = first.matches;
  show();
  // What npm run bench:popup measures: the popup showing what it knows about its tab.
  performance.mark('firsthand:popup-ready');
  // Then the rest. The filters' choices: asking also has the background load its index
  // while the reader types (after the first paint, so waking the worker does not delay it).
  void sendMessage('searchFacets', undefined).then((choices) => {
    facets = choices;
    show();
  });
  const followMode = (mode: string) => {
    privateMode = mode === 'private';
    show();
  };
  void displayMode.getValue().then(followMode);
  displayMode.watch(followMode);
  if (tabId === undefined) return;
  // ...and as they change: hidden and shown again, a site switched back on.
  tabResults.watch(tabId, (matches) => {
    tabMatches = matches;
    show();
  });
  // The site's settings: a notice when Firsthand is off or not running there. A tab with
  // results is never such a site, so nothing moves when they arrive.
  const [tab, sites, where] = await Promise.all([
    browser.tabs.get(tabId).catch(() => undefined),
    offSites.getValue(),
    whereItRuns(),
  ]);
  url = tab?.url ?? '';
  site = /^https?:/.test(url) ? siteOf(url) || null : null;
  const followSites = (list: string[]) => {
    offSite = coveringSite(url, list);
    show();
  };
  offSite = coveringSite(url, sites);
  offSites.watch(followSites);
  const followWhere = (now: WhereItRuns) => {
    unlistedSite = site && now.runsOn === 'news-sites' && !runsOnPage(url, { ...now, offSites: [] }) ? site : null;
    show();
  };
  followWhere(where);
  watchWhereItRuns(followWhere);
}

document.documentElement.lang = uiLanguage();
const app = document.getElementById('app');
if (app) void main(app);
