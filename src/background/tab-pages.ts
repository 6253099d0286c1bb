import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { type Article, withinLimits } from '@/src/detect/extract-article';
import { pillWords } from '@/src/i18n/pill-words';
import {
  articleUrl,
  type ExcerptCard,
  onMessage,
  type PageMatches,
  type PageView,
  sendMessage,
  type TermSaid,
} from '@/src/messaging/protocol';
import { tabResults } from '@/src/messaging/tab-results';
import { isCorner } from '@/src/settings/corners';
import { displayMode } from '@/src/settings/display-mode';
import { corner, markTerms, setSiteOff } from '@/src/settings/page-settings';
import { resultCount } from '@/src/settings/result-count';
import { runsOnPage, type WhereItRuns } from '@/src/settings/sites';
import { watchWhereItRuns, whereItRuns } from '@/src/settings/where-it-runs';
import { showCount } from './badge';

/** The page pipeline's later stages, as WXT builds them (entrypoints/*.content). */
export const DETECTOR_SCRIPT = '/content-scripts/firsthand-detect.js';
export const UI_SCRIPT = '/content-scripts/firsthand-ui.js';
/** The panel's code, injected when the reader first opens the pill or a marked term. */
export const PANEL_SCRIPT = '/content-scripts/firsthand-panel.js';

/** How far the page pipeline goes on a page. */
export type Pipeline =
  /** Not read at all: a site switched off, or not in the news-site list when Firsthand runs only there. */
  | 'off'
  /** Read, with results in the badge and the popup only: private mode. */
  | 'detect'
  /** Read, and shown in the page where there is something to show. */
  | 'show';

/**
 * THE rule for whether Firsthand runs on a page, and how far: the one place that reads the
 * sites switched off, the news-site list and the display mode for it. Private mode stops
 * the pipeline before the UI (stage 2): nothing is ever added to the page, and the results
 * reach the reader through the badge and the popup, as PRODUCT.md promises; reading the
 * page in the isolated world (stage 1) adds nothing a page's script can see.
 */
export async function pipelineFor(url: string): Promise<Pipeline> {
  if (!readsPage(url, await whereItRuns())) return 'off';
  return (await displayMode.getValue()) === 'private' ? 'detect' : 'show';
}

/** Whether Firsthand reads the page at `url` at all: an http(s) page where the settings let it run. */
function readsPage(url: string, where: WhereItRuns): boolean {
  return /^https?:/.test(url) && runsOnPage(url, where);
}

/** Work that may store a tab's results starts, or ends; or a tab's results are gone. */
export type ResultsChange = 'keeping' | 'kept' | 'let go';

/** What the background finds in an article: the cards to show, and how the article says its terms. */
export interface PageReading {
  cards: ExcerptCard[];
  said: TermSaid[];
}

export interface TabPagesOptions {
  /** Reads an article and ranks the passages: the excerpt cards to show, at most `limit`. */
  read(article: Article, limit: number): Promise<PageReading>;
  /** Runs one of the pipeline's scripts in a tab's page (top frame). */
  inject?(tabId: number, file: string): Promise<void>;
  /** Whether the tab's page has the in-page UI script already. */
  hasUi?(tabId: number): Promise<boolean>;
}

/**
 * The owner of each tab's page: what was found on it, whether the reader hid it, and what
 * it shows. Pages report; the background decides, keeps the tab's results in session
 * storage (the popup reads them; a restarted worker still has them) and pushes each page
 * its whole view in one message. Every change for a tab runs after the one before it.
 */
export function createTabPages({ read, inject = injectScript, hasUi = uiIsThere }: TabPagesOptions) {
  const queues = new Map<number, Promise<unknown>>();
  /** The tabs whose page was last pushed a pill, known at once (the pill shortcut: ways-in.ts). */
  const pillShown = new Set<number>();
  /** Told whenever a tab's results may be stored, are through being stored, or are let go (`followTabs`). */
  const resultWatchers = new Set<(change: ResultsChange) => void>();
  const tell = (change: ResultsChange) => {
    for (const watcher of resultWatchers) watcher(change);
  };
  /**
   * Work that may store a tab's results, told from its start: the tab's next navigation or
   * close must be heard from before the background asks where the tab is, not only once
   * the results are written (a tab closed in between would keep them for the session).
   */
  const storing = async <T>(work: () => Promise<T>): Promise<T> => {
    tell('keeping');
    try {
      return await work();
    } finally {
      tell('kept');
    }
  };
  const letGo = async (tabId: number) => {
    await tabResults.remove(tabId);
    tell('let go');
  };
  /** Runs `work` for a tab after its earlier work, whatever became of that. */
  const inTurn = <T>(tabId: number, work: () => Promise<T>): Promise<T> => {
    const next = (queues.get(tabId) ?? Promise.resolve()).catch(() => {}).then(work);
    queues.set(
      tabId,
      next.finally(() => {
        if (queues.get(tabId) === next) queues.delete(tabId);
      }),
    );
    return next;
  };

  /** Pushes a tab's page what it shows now, injecting the UI first if it is to show something. */
  const present = async (tabId: number): Promise<void> => {
    const known = await tabResults.get(tabId);
    const [pipeline, place, marking] = await Promise.all([
      known ? pipelineFor(known.url) : Promise.resolve<Pipeline>('off'),
      corner.getValue(),
      markTerms.getValue(),
    ]);
    const shows = known !== null && known.cards.length > 0 && !known.hidden && pipeline === 'show';
    if (shows) pillShown.add(tabId);
    else pillShown.delete(tabId);
    try {
      if (shows && !(await hasUi(tabId))) await inject(tabId, UI_SCRIPT);
      const view: PageView = {
        url: known?.url ?? '',
        cards: shows ? known.cards : [],
        corner: place,
        marks: shows && marking ? (known.said ?? []) : [],
        ...(shows ? { pill: pillWords(known.cards.length) } : {}),
      };
      await sendMessage('pageState', view, { tabId, frameId: 0 });
    } catch {
      // A tab that cannot be scripted (closed, gone elsewhere, a page the extension may not
      // touch) or whose detection script is not running: nothing to show there.
    }
  };

  /** A tab's results go (and its badge, and what its page shows). */
  const forget = async (tabId: number): Promise<void> => {
    if (!(await tabResults.get(tabId))) return;
    await letGo(tabId);
    await showCount(tabId, 0);
    await present(tabId);
  };

  /** Every tab with results (`query` lists the open tabs). */
  const tabsWithResults = async (): Promise<number[]> => {
    const ids: number[] = [];
    for (const tab of await browser.tabs.query({})) {
      if (tab.id !== undefined && (await tabResults.get(tab.id))) ids.push(tab.id);
    }
    return ids;
  };

  return {
    /**
     * Whether the tab's page was last pushed a pill: known without waiting, as Firefox opens
     * a popup only in a shortcut's own turn. (A restarted worker knows none: it asks the page.)
     */
    showsPill: (tabId: number): boolean => pillShown.has(tabId),

    /**
     * The page's UI asks for the panel's code: the reader opened the pill or a marked term.
     * Only where the page shows its cards (not hidden, not in private mode, not off).
     */
    openPanel: (tabId: number): Promise<boolean> =>
      inTurn(tabId, async () => {
        const known = await tabResults.get(tabId);
        if (!known || known.hidden || known.cards.length === 0 || (await pipelineFor(known.url)) !== 'show') {
          return false;
        }
        await inject(tabId, PANEL_SCRIPT);
        return true;
      }),

    /**
     * Stage 0 says a page may name North Korea: the detector goes in where Firsthand runs.
     * Says whether it did.
     */
    mayMention: (tabId: number, url: string): Promise<boolean> =>
      inTurn(tabId, async () => {
        if ((await pipelineFor(url)) === 'off') return false;
        await inject(tabId, DETECTOR_SCRIPT);
        return true;
      }),

    /**
     * The detector's article: read and ranked, its cards kept for the popup, counted on the
     * badge and pushed to the page. The article's text is kept nowhere.
     */
    reported: (tabId: number, url: string, article: Article): Promise<PageMatches> =>
      inTurn(tabId, () =>
        storing(async () => {
          // A site the reader switched off gets nothing: no cards, no badge, nothing kept.
          // (Its page is not read at all; this holds even when a report was on its way.)
          const { cards: ranked, said } =
            (await pipelineFor(url)) !== 'off'
              ? await read(article, await resultCount.getValue())
              : { cards: [], said: [] };
          const matches: PageMatches = { url, cards: ranked, ...(ranked.length > 0 ? { said } : {}) };
          // The tab may have moved on while we ranked: an old page's answer must not become
          // the new page's badge, nor outlive a closed tab.
          if (!(await tabShows(tabId, url))) return matches;
          // Hidden on this page stays hidden when the page reports again (late content).
          const before = await tabResults.get(tabId);
          if (before?.hidden && before.url === url) matches.hidden = true;
          if (ranked.length > 0) await tabResults.set(tabId, matches);
          else await letGo(tabId);
          await showCount(tabId, ranked.length);
          await present(tabId);
          return matches;
        }),
      ),

    /** Hides Firsthand on a tab's page, or shows it again; false when the tab has no results. */
    hide: (tabId: number, hidden: boolean): Promise<boolean> =>
      // Only a tab with results is changed: the background listens to tab events already.
      inTurn(tabId, async () => {
        const known = await tabResults.get(tabId);
        if (!known) return false;
        const { hidden: _was, ...matches } = known;
        await tabResults.set(tabId, hidden ? { ...matches, hidden: true } : matches);
        await present(tabId);
        return true;
      }),

    /** Forgets a tab's results when it goes elsewhere; an app re-reports its new article. */
    navigated: (tabId: number, url: string): Promise<void> =>
      inTurn(tabId, async () => {
        const known = await tabResults.get(tabId);
        if (known && known.url !== articleUrl(url)) await forget(tabId);
      }),

    closed: (tabId: number): Promise<void> => inTurn(tabId, () => letGo(tabId)),

    results: (tabId: number) => tabResults.get(tabId),

    /** Whether some tab has results. */
    anyResults: () => tabResults.any(),

    /** Calls `watcher` whenever a tab's results are kept or let go; returns the function that stops. */
    watchResults(watcher: (change: ResultsChange) => void): () => void {
      resultWatchers.add(watcher);
      return () => resultWatchers.delete(watcher);
    },

    /**
     * Open tabs follow the settings without a reload: where Firsthand runs (a tab no longer
     * to be read is cleared; one to be read again is asked to read), the number of excerpts
     * (pages with results rank again), and how pages show them (display mode, corner,
     * marks: pushed again). Returns the function that stops following.
     */
    follow(): () => void {
      // One change of where it runs at a time, in order: an older change's clearing must not
      // land after a newer change's rescan has stored fresh results.
      let applied = Promise.resolve();
      const stops = [
        watchWhereItRuns((now, before) => {
          applied = applied
            .then(async () => {
              for (const tab of await browser.tabs.query({})) {
                if (tab.id === undefined || !tab.url) continue;
                const id = tab.id;
                if (!readsPage(tab.url, now)) await inTurn(id, () => forget(id));
                else if (!readsPage(tab.url, before)) await askToRead(id);
              }
            })
            .catch(() => {});
        }),
        resultCount.watch(async () => {
          for (const id of await tabsWithResults()) await askToRead(id);
        }),
        ...[displayMode, corner, markTerms].map((item) =>
          item.watch(async () => {
            for (const id of await tabsWithResults()) await inTurn(id, () => present(id));
          }),
        ),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },

    /** Pages with results rank again (the imported collections changed). */
    async rankAgain(): Promise<void> {
      for (const id of await tabsWithResults()) await askToRead(id);
    },
  };
}

export type TabPages = ReturnType<typeof createTabPages>;

/** Asks a tab's page to read itself again and report (stage 1 where it runs, else stage 0). */
async function askToRead(tabId: number): Promise<void> {
  await sendMessage('rescanPage', undefined, { tabId, frameId: 0 }).catch(() => {});
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

async function injectScript(tabId: number, file: string): Promise<void> {
  // WXT types `files` with the paths it knows; these are its content scripts' outputs.
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file as ScriptPublicPath] });
}

async function uiIsThere(tabId: number): Promise<boolean> {
  const [frame] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    // Runs in the page's isolated world: the same key as src/page/in-page-view.ts.
    func: () => (globalThis as Record<symbol, unknown>)[Symbol.for('firsthand.in-page-ui')] !== undefined,
  });
  return frame?.result === true;
}

/** Wires the tab pages to the typed protocol and to tab events. Call once, in the background. */
export function registerTabPages(pages: TabPages): void {
  onMessage('pageMayMention', ({ sender }) =>
    sender.tab?.id === undefined || sender.frameId !== 0
      ? false
      : pages.mayMention(sender.tab.id, sender.url ?? sender.tab.url ?? ''),
  );
  onMessage('matchPage', async ({ data, sender }) => {
    if (sender.tab?.id === undefined) return;
    const paragraphs = Array.isArray(data.paragraphs) ? data.paragraphs.filter((p) => typeof p === 'string') : [];
    await pages.reported(
      sender.tab.id,
      data.url,
      withinLimits({ title: typeof data.title === 'string' ? data.title : '', paragraphs }),
    );
  });
  onMessage('hideOnPage', async ({ data, sender }) => {
    const tabId = data.tabId ?? sender.tab?.id;
    if (tabId !== undefined) await pages.hide(tabId, data.hidden);
  });
  onMessage('openPanel', ({ sender }) =>
    sender.tab?.id !== undefined && sender.frameId === 0 ? pages.openPanel(sender.tab.id) : false,
  );
  // The in-page UI writes no setting itself (it carries no storage library): the stored
  // items change here, and every page follows them as it does the options page's changes.
  onMessage('moveUi', async ({ data }) => {
    if (isCorner(data?.corner)) await corner.setValue(data.corner);
  });
  onMessage('turnOffSite', async ({ sender }) => {
    // Only a page's UI asks, from the page's own frame: its address is the site.
    if (sender.tab?.id === undefined || sender.frameId !== 0) return;
    const url = sender.url ?? sender.tab.url;
    if (url) await setSiteOff(url, true);
  });
  followTabs(pages);
  pages.follow();
}

/**
 * Tab events wake a stopped service worker, whichever tab they come from: every navigation
 * in every tab, every page that changes its title. Firsthand needs them only while some tab
 * has results, to let those go when the tab goes elsewhere or closes; the rest of the time
 * it does not listen to them, and they do not wake it (a page that may name North Korea
 * still does, by asking). Returns the function that stops listening.
 *
 * Chrome wakes a worker for a listener added at any time until it is removed. Firefox runs
 * the background as a persistent page, where listening or not wakes nothing; an event page
 * there would be woken only for listeners added as it first runs.
 */
export function followTabs(pages: Pick<TabPages, 'navigated' | 'closed' | 'anyResults' | 'watchResults'>): () => void {
  const onUpdated = navigationListener(pages);
  const onRemoved = (tabId: number) => void pages.closed(tabId);
  let listening = false;
  const listen = (on: boolean) => {
    if (on === listening) return;
    listening = on;
    if (on) {
      browser.tabs.onUpdated.addListener(onUpdated);
      browser.tabs.onRemoved.addListener(onRemoved);
    } else {
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    }
  };
  // At once, as the worker starts: a tab event may be what woke it, and the browser hands
  // it only to the listeners there are then. Then only while some tab has results: from the
  // start of any work that may store some (a page's report, before the background asks
  // where its tab is), until a look at storage finds none and no such work ran meanwhile.
  listen(true);
  let stopped = false;
  let storing = 0;
  let stores = 0;
  let checked = Promise.resolve();
  const check = () => {
    checked = checked
      .then(async () => {
        const before = stores;
        const any = await pages.anyResults();
        if (!stopped && (any || (storing === 0 && stores === before))) listen(any);
      })
      .catch(() => {});
  };
  const unwatch = pages.watchResults((change) => {
    if (change === 'keeping') {
      storing++;
      stores++;
      if (!stopped) listen(true);
    } else {
      if (change === 'kept') storing--;
      check();
    }
  });
  check();
  return () => {
    stopped = true;
    unwatch();
    listen(false);
  };
}

/**
 * A tab that goes to another page loses its results and its badge. Firsthand has no `tabs`
 * permission: it sees a tab's address only where its host permissions reach (the http and
 * https pages it reads). A tab that starts loading a page whose address it may not see (a
 * browser page, a file, about:blank) has left the article all the same.
 */
function navigationListener(pages: Pick<TabPages, 'navigated'>) {
  return (tabId: number, change: { url?: string; status?: string }, tab: { url?: string }) => {
    if (change.url) void pages.navigated(tabId, change.url);
    else if (change.status === 'loading' && tab.url === undefined) void pages.navigated(tabId, '');
  };
}
