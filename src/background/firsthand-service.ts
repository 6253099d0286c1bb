import { browser } from 'wxt/browser';
import type { DetectedTerm, ExcerptCard, PageMatches, StoryView } from '@/src/messaging/protocol';
import { articleUrl, onMessage, readerPath } from '@/src/messaging/protocol';
import type { CorpusBundle } from '@/src/search/bundle';
import { type CorpusIndex, loadCorpusIndex } from '@/src/search/corpus-index';
import { toExcerptCard } from '@/src/search/excerpt-cards';
import { rankPassages } from '@/src/search/rank-passages';
import { searchPassages } from '@/src/search/search-passages';
import { followDisplayMode, showInPage } from './in-page-ui';
import { showCount, tabResults } from './tab-results';

export interface FirsthandServiceOptions {
  /** Reads the prebuilt corpus (in the extension: public/generated/corpus.json). */
  loadBundle(): Promise<CorpusBundle>;
}

/**
 * Everything the background answers. The index is loaded on first need, once; per-tab
 * results live in session storage, so a restarted worker answers as before.
 */
export function createFirsthandService({ loadBundle }: FirsthandServiceOptions) {
  let loading: Promise<CorpusIndex> | null = null;
  const corpus = () => {
    loading ??= loadBundle()
      .then(loadCorpusIndex)
      .catch((e: unknown) => {
        loading = null; // let the next request try again
        throw e;
      });
    return loading;
  };

  return {
    corpus,

    async matchPage(tabId: number | undefined, url: string, terms: DetectedTerm[]): Promise<PageMatches> {
      const cards: ExcerptCard[] = [];
      if (terms.length > 0) {
        const index = await corpus();
        for (const r of rankPassages(index, terms)) cards.push(toExcerptCard(index, r));
      }
      const matches = { url, cards };
      // The tab may have moved on while we ranked: an old page's answer must not become
      // the new page's badge, nor outlive a closed tab.
      if (tabId !== undefined && (await tabShows(tabId, url))) {
        if (cards.length > 0) await tabResults.set(tabId, matches);
        else await tabResults.remove(tabId);
        await showCount(tabId, cards.length);
      }
      return matches;
    },

    async search(query: string, limit = 20): Promise<ExcerptCard[]> {
      if (query.trim() === '') return [];
      const index = await corpus();
      return searchPassages(index, query, limit).map((r) => toExcerptCard(index, r));
    },

    getTabMatches: (tabId: number) => tabResults.get(tabId),

    async getStory(storyId: string): Promise<StoryView | null> {
      const story = (await corpus()).stories.get(storyId);
      if (!story) return null;
      const { blocks, ...meta } = story;
      return {
        ...meta,
        blocks: blocks.map(({ line: _line, ...b }) => b),
      };
    },

    /** Forgets a tab's results when it goes elsewhere; an SPA re-reports its new article. */
    async tabNavigated(tabId: number, url: string): Promise<void> {
      const known = await tabResults.get(tabId);
      if (known && known.url !== articleUrl(url)) {
        await tabResults.remove(tabId);
        await showCount(tabId, 0);
      }
    },

    tabClosed: (tabId: number) => tabResults.remove(tabId),
  };
}

async function tabShows(tabId: number, url: string): Promise<boolean> {
  try {
    const tab = await browser.tabs.get(tabId);
    // Without a URL (no host permission for it), trust the content script's report.
    return tab.url === undefined || articleUrl(tab.url) === articleUrl(url);
  } catch {
    return false; // closed
  }
}

export type FirsthandService = ReturnType<typeof createFirsthandService>;

/** Wires the service to the typed protocol and to tab events. Call once, in the background. */
export function registerFirsthandService(service: FirsthandService): void {
  onMessage('matchPage', ({ data, sender }) => service.matchPage(sender.tab?.id, data.url, data.terms));
  onMessage('showInPage', ({ sender }) =>
    sender.tab?.id === undefined ? false : showInPage(sender.tab.id, sender.frameId ?? 0),
  );
  onMessage('getPageMatches', ({ sender }) =>
    sender.tab?.id === undefined ? null : service.getTabMatches(sender.tab.id),
  );
  onMessage('search', ({ data }) => service.search(data.query, data.limit));
  onMessage('getTabMatches', ({ data }) => service.getTabMatches(data.tabId));
  onMessage('getStory', ({ data }) => service.getStory(data.storyId));
  onMessage('openReader', async ({ data, sender }) => {
    await browser.tabs.create({
      url: browser.runtime.getURL(readerPath(data.storyId, data.passageId) as '/reader.html'),
      ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}),
      ...(sender.tab?.id !== undefined ? { openerTabId: sender.tab.id } : {}),
    });
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void service.tabNavigated(tabId, change.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void service.tabClosed(tabId));
  followDisplayMode();
}
