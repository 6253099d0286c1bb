import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { ExcerptCard, PageMatches, SearchFacets, SearchFilters, sendMessage } from '@/src/messaging/protocol';
import { tabResults } from '@/src/messaging/tab-results';
import { displayMode } from '@/src/settings/display-mode';
import { offSites, setPageSiteOn, setSiteOff } from '@/src/settings/page-settings';
import { isOnAnySite, runsOnPage, siteOf } from '@/src/settings/sites';
import { addSite, newsSites, runsOn, type SiteRefusal } from '@/src/settings/where-it-runs';
import { itemSignal } from '../shared/item-signal';
import { readerUrl } from '../shared/reader-url';

/** The tab a popup is for, and what was found on it (null: nothing known). */
export interface PopupTab {
  tabId: number | undefined;
  matches: PageMatches | null;
}

/** What the popup shows, as signals its components read, and what its controls do. */
export interface PopupState {
  /** Words to search at once (the popup opened as a search page, `popup.html?q=…`). */
  initialQuery: string;
  /** What was found on the popup's tab; null when nothing is known about it. */
  tabMatches: ReadonlySignal<PageMatches | null>;
  /** The filters' choices; the filters appear once they are known. */
  facets: ReadonlySignal<SearchFacets | null>;
  privateMode: ReadonlySignal<boolean>;
  /** The site of the popup's tab (a web page), for "Turn off on this site"; null for others. */
  site: ReadonlySignal<string | null>;
  /** The listed site that switches Firsthand off on the tab's page, else null. */
  offSite: ReadonlySignal<string | null>;
  /**
   * The tab's site when Firsthand runs only on the reader's news sites and this is not one
   * of them, else null.
   */
  unlistedSite: ReadonlySignal<string | null>;
  /** Whether `unlistedSite` can join the news sites: what the options page would accept. */
  canAddSite: ReadonlySignal<boolean>;
  /** Search (or, with filters and no words, browse) the testimonies. */
  search(query: string, filters: SearchFilters): Promise<ExcerptCard[]>;
  /** The reader's address for a card: what its "Read the full story" link points to. */
  readerUrl(card: ExcerptCard): string;
  /** Opens a card's story in a new tab, and closes the popup. */
  open(card: ExcerptCard): void;
  /** Undoes "Turn off on this site". */
  siteOn(): void;
  siteOff(): void;
  /** Undoes "Hide on this page". */
  showOnPage(): void;
  /** Adds `unlistedSite` to the news sites, as the options page would; or says why not. */
  addSite(): Promise<SiteRefusal | null>;
  setPrivateMode(on: boolean): void;
  openSettings(): void;
}

export interface PopupStore extends PopupState {
  /** Settles once the tab's results are known (`tabMatches` holds them). */
  tabRead: Promise<void>;
  /**
   * The rest, started after the first paint: the filters' choices (asking has the
   * background load its index while the reader types), the tab's site and every change to
   * the tab's results. Returns a function that stops following.
   */
  follow(): () => void;
}

export interface PopupDeps {
  /** The tab and its results, read first (entrypoints/popup/tab-first.ts). */
  tab: Promise<PopupTab>;
  initialQuery?: string;
  /** The typed protocol (src/messaging/protocol.ts). */
  sendMessage: typeof sendMessage;
  /** Closes the popup once it opened something in a tab (`window.close`). */
  close(): void;
}

/**
 * The popup's one store (issue 13, "one way to hold UI state"): the tab's results, the
 * settings that say whether Firsthand runs on its site, and the filters' choices, as
 * @preact/signals signals. It reaches state only through the typed protocol and the typed
 * storage items.
 */
export function createPopupState({ tab, initialQuery = '', sendMessage, close }: PopupDeps): PopupStore {
  const tabId = signal<number | undefined>(undefined);
  const tabMatches = signal<PageMatches | null>(null);
  // The tab's address, once known (after the first paint).
  const url = signal('');
  const facets = signal<SearchFacets | null>(null);
  const mode = itemSignal(displayMode);
  const off = itemSignal(offSites);
  const where = { runsOn: itemSignal(runsOn), newsSites: itemSignal(newsSites) };

  const site = computed(() => (/^https?:/.test(url.value) ? siteOf(url.value) || null : null));
  const offSite = computed(() => off.value.value?.find((entry) => isOnAnySite(url.value, [entry])) ?? null);
  const unlistedSite = computed(() => {
    const [on, news] = [where.runsOn.value.value, where.newsSites.value.value];
    if (!site.value || on !== 'news-sites' || news === undefined) return null;
    return runsOnPage(url.value, { offSites: [], runsOn: on, newsSites: news }) ? null : site.value;
  });
  const canAddSite = computed(() => {
    const news = where.newsSites.value.value;
    return unlistedSite.value !== null && news !== undefined && 'sites' in addSite(news, unlistedSite.value);
  });

  const cardUrl = (card: ExcerptCard) => readerUrl(card.storyId, card.passageId);

  const tabRead = tab.then(
    (first) => {
      tabId.value = first.tabId;
      tabMatches.value = first.matches;
    },
    () => {},
  );

  const follow = () => {
    let stopped = false;
    const stops = [mode.stop, off.stop, where.runsOn.stop, where.newsSites.stop];
    void sendMessage('searchFacets', undefined).then(
      (choices) => {
        if (!stopped) facets.value = choices;
      },
      // No choices, no filters: searching still works.
      () => {},
    );
    const id = tabId.peek();
    if (id !== undefined) {
      let changed = false;
      stops.push(
        tabResults.watch(id, (matches) => {
          changed = true;
          tabMatches.value = matches;
        }),
      );
      // Read again once watching: a change between the first read and the watch is not lost.
      // The same results read again are no change: the cards are not drawn again for them.
      void tabResults.get(id).then((matches) => {
        if (!changed && !stopped && !sameMatches(matches, tabMatches.peek())) tabMatches.value = matches;
      });
      void browser.tabs.get(id).then(
        (found) => {
          if (!stopped) url.value = found.url ?? '';
        },
        () => {},
      );
    }
    return () => {
      stopped = true;
      for (const stop of stops) stop();
    };
  };

  return {
    initialQuery,
    tabMatches,
    facets,
    privateMode: computed(() => mode.value.value === 'private'),
    site,
    offSite,
    unlistedSite,
    canAddSite,
    tabRead,
    follow,
    search: (query, filters) => sendMessage('search', { query, filters, limit: 20 }),
    readerUrl: cardUrl,
    open(card) {
      void browser.tabs.create({ url: cardUrl(card) }).then(close);
    },
    siteOn: () => void setPageSiteOn(url.peek()),
    siteOff() {
      const name = site.peek();
      if (name) void setSiteOff(name, true);
    },
    showOnPage() {
      const id = tabId.peek();
      if (id !== undefined) void sendMessage('hideOnPage', { hidden: false, tabId: id });
    },
    async addSite() {
      const name = unlistedSite.peek();
      if (!name) return { reason: 'empty' };
      // The options page's own rule (where-it-runs.ts), so both accept and refuse the same sites.
      const result = addSite(await newsSites.getValue(), name);
      if (!('sites' in result)) return result;
      await newsSites.setValue(result.sites);
      return null;
    },
    setPrivateMode: (on) => void displayMode.setValue(on ? 'private' : 'standard'),
    openSettings() {
      void browser.runtime.openOptionsPage().then(close);
    },
  };
}

/** Whether two reads of a tab's results hold the same (each read is a new object). */
function sameMatches(a: PageMatches | null, b: PageMatches | null): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
