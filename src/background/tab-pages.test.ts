import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { articleEvidence } from '@/src/detect/assess-page';
import type { PageView } from '@/src/messaging/protocol';
import type { CorpusBundle } from '@/src/search/bundle';
import { loadBundleIndex } from '@/src/search/corpus-index';
import { buildCorpusFromData } from '@/src/search/read-data';
import { displayMode } from '@/src/settings/display-mode';
import { corner, markTerms, offSites, setSiteOff } from '@/src/settings/page-settings';
import { resultCount } from '@/src/settings/result-count';
import { DEFAULT_NEWS_SITES } from '@/src/settings/sites';
import { newsSites, runsOn } from '@/src/settings/where-it-runs';
import { syntheticArticles } from '@/src/testing/synthetic-articles';
import { createFirsthandService, type FirsthandService } from './firsthand-service';
import { createTabPages, DETECTOR_SCRIPT, followTabs, PANEL_SCRIPT, registerTabPages, UI_SCRIPT } from './tab-pages';

const bundle = buildCorpusFromData();
const bundledIndex = loadBundleIndex(bundle);
// The bundle crosses a JSON boundary in the extension; so it does here.
const shipped = () => Promise.resolve(JSON.parse(JSON.stringify(bundle)) as CorpusBundle);

/** What the detection script reports for a (synthetic) article about the famine's orphans. */
const famineArticle = syntheticArticles.famineOrphans;
/** ...and one about the famine and the women who kept their families alive in the markets: more cards. */
const broadArticle = {
  title: syntheticArticles.famineOrphans.title,
  paragraphs: [...syntheticArticles.famineOrphans.paragraphs, ...syntheticArticles.marketWomen.paragraphs],
};
/** An article that does not name North Korea (synthetic): nothing to show. */
const quietArticle = { title: 'Rain again', paragraphs: ['It rained in the city all week, and the parks were empty.'] };

/** Opens a fake tab at `url` and returns its id. */
async function tabAt(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  return tab.id as number;
}

/** A tab as an event shows it: with its address only where Firsthand may see it. */
async function seen(tabId: number, url?: string) {
  const { url: _, ...tab } = await fakeBrowser.tabs.get(tabId);
  return url === undefined ? tab : { ...tab, url };
}

/** A tab's pages over a service, with the page's scripts faked: nothing is injected. */
function pagesOf(service: FirsthandService) {
  return createTabPages({ read: service.readPage, inject: async () => {}, hasUi: async () => true });
}

describe("the background's tab pages", () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers a page, sets the badge to the number of excerpts and remembers it for the popup', async () => {
    const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
    const tab = await tabAt('https://news.example/a');
    const matches = await pages.reported(tab, 'https://news.example/a', famineArticle);
    expect(matches.cards.length).toBeGreaterThan(0);
    expect(matches.cards[0]?.storyId).toBe('josephs-story-part-1-2024');
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe(String(matches.cards.length));
    expect(await pages.results(tab)).toEqual(matches);
  });

  it('gives a site the reader switched off nothing: no cards, no badge, nothing kept', async () => {
    const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
    await setSiteOff('news.example', true);
    const tab = await tabAt('https://www.news.example/a');
    const matches = await pages.reported(tab, 'https://www.news.example/a', famineArticle);
    expect(matches.cards).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe('');
    expect(await pages.results(tab)).toBeNull();
    // ...and answers again once it is switched back on.
    await setSiteOff('news.example', false);
    expect((await pages.reported(tab, 'https://www.news.example/a', famineArticle)).cards.length).toBeGreaterThan(0);
  });

  it('hides on a page until the tab shows another, through late content, and shows again', async () => {
    const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
    const tab = await tabAt('https://news.example/a');
    expect(pages.showsPill(tab)).toBe(false);
    await pages.reported(tab, 'https://news.example/a', famineArticle);
    // Known at once for the pill shortcut (ways-in.ts): shown, then hidden.
    expect(pages.showsPill(tab)).toBe(true);
    expect(await pages.hide(tab, true)).toBe(true);
    expect(pages.showsPill(tab)).toBe(false);
    // The page reports again (late content): still hidden, badge still counts.
    const again = await pages.reported(tab, 'https://news.example/a', famineArticle);
    expect(again.hidden).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe(String(again.cards.length));
    await pages.hide(tab, false);
    expect((await pages.results(tab))?.hidden).toBeUndefined();
    await pages.hide(tab, true);
    // Another article in the same tab starts shown.
    await fakeBrowser.tabs.update(tab, { url: 'https://news.example/b' });
    await pages.navigated(tab, 'https://news.example/b');
    expect((await pages.reported(tab, 'https://news.example/b', famineArticle)).hidden).toBeUndefined();
    // A tab with nothing found has nothing to hide.
    expect(await pages.hide(await tabAt('https://news.example/c'), true)).toBe(false);
  });

  it('keeps what it found on a tab across a service-worker restart', async () => {
    const before = pagesOf(createFirsthandService({ loadBundle: shipped }));
    const tab = await tabAt('https://news.example/a');
    const matches = await before.reported(tab, 'https://news.example/a', famineArticle);
    // A new service instance is what a restarted worker builds: nothing carried in memory.
    const after = pagesOf(createFirsthandService({ loadBundle: shipped }));
    expect(await after.results(tab)).toEqual(matches);
  });

  it('clears the badge and the tab when the page has nothing, or the tab goes elsewhere', async () => {
    const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
    const tab = await tabAt('https://news.example/a');
    await pages.reported(tab, 'https://news.example/a', famineArticle);
    await pages.navigated(tab, 'https://news.example/a'); // same article: kept
    await pages.navigated(tab, 'https://news.example/a#comments'); // a jump within it: kept
    expect(await pages.results(tab)).not.toBeNull();
    await fakeBrowser.tabs.update(tab, { url: 'https://news.example/b' });
    await pages.navigated(tab, 'https://news.example/b');
    expect(await pages.results(tab)).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe('');

    await fakeBrowser.tabs.update(tab, { url: 'https://news.example/c' });
    await pages.reported(tab, 'https://news.example/c', famineArticle);
    await pages.reported(tab, 'https://news.example/c', quietArticle);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe('');
  });

  it('clears a tab that goes to a page whose address it may not see (no tabs permission)', async () => {
    const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
    const stop = followTabs(pages);
    const reloaded = await tabAt('https://news.example/a');
    const left = await tabAt('https://news.example/b');
    await pages.reported(reloaded, 'https://news.example/a', famineArticle);
    await pages.reported(left, 'https://news.example/b', famineArticle);
    // A reload of a page it may read: the address is there, the article the same.
    await fakeBrowser.tabs.onUpdated.trigger(
      reloaded,
      { status: 'loading' },
      await seen(reloaded, 'https://news.example/a'),
    );
    // A browser page: Chrome tells neither the new address nor the tab's.
    await fakeBrowser.tabs.onUpdated.trigger(left, { status: 'loading' }, await seen(left));
    await vi.waitFor(async () => expect(await pages.results(left)).toBeNull());
    expect(await fakeBrowser.action.getBadgeText({ tabId: left })).toBe('');
    expect(await pages.results(reloaded)).not.toBeNull();
    // An address it may read, and another article: cleared too.
    await fakeBrowser.tabs.onUpdated.trigger(
      reloaded,
      { url: 'https://news.example/c' },
      await seen(reloaded, 'https://news.example/c'),
    );
    await vi.waitFor(async () => expect(await pages.results(reloaded)).toBeNull());
    stop();
  });

  /** Whether the background listens to both tab events; to neither. */
  const listensToBoth = () => fakeBrowser.tabs.onUpdated.hasListeners() && fakeBrowser.tabs.onRemoved.hasListeners();
  const listensToNone = () => !fakeBrowser.tabs.onUpdated.hasListeners() && !fakeBrowser.tabs.onRemoved.hasListeners();

  it('listens to tab events only while some tab has results: they wake a stopped worker', async () => {
    const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
    const stop = followTabs(pages);
    // At once, as the worker starts: the event that woke it is handed to the listeners there are then.
    expect(listensToBoth()).toBe(true);
    // No tab has results: it stops listening.
    await vi.waitFor(() => expect(listensToNone()).toBe(true));
    const a = await tabAt('https://news.example/a');
    const b = await tabAt('https://news.example/b');
    // Listening from the start of a page's report, before its results are stored.
    const kept = pages.reported(a, 'https://news.example/a', famineArticle);
    await vi.waitFor(() => expect(listensToBoth()).toBe(true));
    await kept;
    await pages.reported(b, 'https://news.example/b', famineArticle);
    // One tab goes elsewhere: the other still has results, so it still listens.
    await fakeBrowser.tabs.onUpdated.trigger(
      a,
      { url: 'https://news.example/c' },
      await seen(a, 'https://news.example/c'),
    );
    await vi.waitFor(async () => expect(await pages.results(a)).toBeNull());
    expect(await pages.results(b)).not.toBeNull();
    expect(listensToBoth()).toBe(true);
    // The last one closes: nothing left to follow.
    await fakeBrowser.tabs.onRemoved.trigger(b, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await pages.results(b)).toBeNull());
    await vi.waitFor(() => expect(listensToNone()).toBe(true));
    // A report that finds nothing listens while it runs, and stops after.
    const c = await tabAt('https://news.example/d');
    await pages.reported(c, 'https://news.example/d', quietArticle);
    await vi.waitFor(() => expect(listensToNone()).toBe(true));
    stop();
  });

  it('hears a tab that closes or goes elsewhere while its report is on its way to storage', async () => {
    for (const leaves of ['closes', 'navigates'] as const) {
      fakeBrowser.reset();
      const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
      const stop = followTabs(pages);
      await vi.waitFor(() => expect(listensToNone()).toBe(true));
      const tab = await tabAt('https://news.example/a');
      // The tab leaves just after the background asked where it is, before the results are stored.
      const where = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
      let once = true;
      const spy = vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => {
        const answer = await where(id);
        if (once && id === tab) {
          once = false;
          if (leaves === 'closes')
            void fakeBrowser.tabs.onRemoved.trigger(tab, { windowId: 1, isWindowClosing: false });
          else
            void fakeBrowser.tabs.onUpdated.trigger(
              tab,
              { url: 'https://news.example/b' },
              { ...answer, url: 'https://news.example/b' },
            );
        }
        return answer;
      });
      await pages.reported(tab, 'https://news.example/a', famineArticle);
      expect(once).toBe(false);
      // Heard: the results that were stored go, and so does the listening.
      await vi.waitFor(async () => expect(await pages.results(tab)).toBeNull());
      await vi.waitFor(() => expect(listensToNone()).toBe(true));
      spy.mockRestore();
      stop();
    }
  });

  it('keeps listening when a tab gets results while it looks whether any tab has them', async () => {
    const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
    const a = await tabAt('https://news.example/a');
    // Each look at storage answers when the test says.
    const answers: ((any: boolean) => void)[] = [];
    const stop = followTabs({
      ...pages,
      anyResults: () => new Promise<boolean>((resolve) => answers.push(resolve)),
    });
    // The look at start-up is under way when a report stores the tab's results.
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    await pages.reported(a, 'https://news.example/a', famineArticle);
    // It answers from before: no results. The next look (the report's end) starts after it.
    answers[0]?.(false);
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(listensToBoth()).toBe(true);
    answers[1]?.(true);
    await pages.navigated(a, 'https://news.example/a');
    expect(listensToBoth()).toBe(true);
    stop();
    expect(listensToNone()).toBe(true);
  });

  it("does not let an old page's late answer become the new page's badge", async () => {
    const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
    const tab = await tabAt('https://news.example/a');
    const late = pages.reported(tab, 'https://news.example/a', famineArticle);
    // The reader moved on while the corpus was loading and the passages were ranked.
    await fakeBrowser.tabs.update(tab, { url: 'https://news.example/c' });
    await late;
    expect(await pages.results(tab)).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe('');
  });

  it('keeps nothing for a tab that closed before its answer', async () => {
    const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
    // A tab id the browser no longer knows is what a closed tab looks like to tabs.get.
    // (fakeBrowser's tabs.remove mixes up tab and window ids, so the tab is never created.)
    const closed = 4242;
    await pages.reported(closed, 'https://news.example/a', famineArticle);
    expect(await pages.results(closed)).toBeNull();
  });
});

describe('the background, as the settings change', () => {
  const bbc = 'https://www.bbc.com/news/articles/c0famine0001';
  const blog = 'https://example-blog.net/post';
  /** Requests to read a page again: [tab id, 'rescanPage']. */
  let sent: [number, string][];
  /** What pages were told they show: [tab id, view]. */
  let views: [number, PageView][];
  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    views = [];
    // @webext-core/messaging sends to a tab through chrome.tabs.sendMessage (fakeBrowser's).
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((
      tabId: number,
      message: { type: string; data: unknown },
      _options: unknown,
      respond?: (response: unknown) => void,
    ) => {
      if (message.type === 'pageState') views.push([tabId, message.data as PageView]);
      else sent.push([tabId, message.type]);
      respond?.({ res: undefined });
    }) as unknown as typeof fakeBrowser.tabs.sendMessage);
  });
  let stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops) stop();
    stops = [];
  });

  it('with "only news sites", gives a page outside the list nothing: no cards, no badge, nothing kept', async () => {
    const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
    await runsOn.setValue('news-sites');
    const other = await tabAt(blog);
    expect((await pages.reported(other, blog, famineArticle)).cards).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: other })).toBe('');
    expect(await pages.results(other)).toBeNull();
    // A listed news site, and a subdomain of one, still get their testimonies.
    const news = await tabAt(bbc);
    expect((await pages.reported(news, bbc, famineArticle)).cards.length).toBeGreaterThan(0);
    const sub = await tabAt('https://news.bbc.co.uk/2/hi/asia-pacific/famine');
    expect(
      (await pages.reported(sub, 'https://news.bbc.co.uk/2/hi/asia-pacific/famine', famineArticle)).cards.length,
    ).toBeGreaterThan(0);
  });

  it('shows at most as many excerpts as the reader chose', async () => {
    const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
    const tab = await tabAt(bbc);
    const usual = (await pages.reported(tab, bbc, broadArticle)).cards;
    expect(usual.length).toBeGreaterThan(3);
    expect(usual.length).toBeLessThanOrEqual(6);
    await resultCount.setValue(3);
    const fewer = (await pages.reported(tab, bbc, broadArticle)).cards;
    expect(fewer).toEqual(usual.slice(0, 3)); // the same ranking, cut shorter
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe('3');
    await resultCount.setValue(10);
    const more = (await pages.reported(tab, bbc, broadArticle)).cards;
    expect(more.slice(0, usual.length)).toEqual(usual);
    expect(more.length).toBeLessThanOrEqual(10);
  });

  it('clears open tabs a change of where it runs leaves out, and asks the ones it lets back in to read again', async () => {
    const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
    stops.push(pages.follow());
    const news = await tabAt(bbc);
    const other = await tabAt(blog);
    await pages.reported(news, bbc, famineArticle);
    await pages.reported(other, blog, famineArticle);

    await runsOn.setValue('news-sites');
    await expect.poll(() => pages.results(other)).toBeNull();
    // The badge goes just after the results (one change after the other, not at once).
    await expect.poll(() => fakeBrowser.action.getBadgeText({ tabId: other })).toBe('');
    expect(await pages.results(news)).not.toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: news })).not.toBe('');
    expect(sent).toEqual([]);

    await runsOn.setValue('all');
    await expect.poll(() => sent).toEqual([[other, 'rescanPage']]);

    // Back to news sites, then the blog added to the list: asked again.
    await runsOn.setValue('news-sites');
    await newsSites.setValue([...DEFAULT_NEWS_SITES, 'example-blog.net']);
    await expect
      .poll(() => sent)
      .toEqual([
        [other, 'rescanPage'],
        [other, 'rescanPage'],
      ]);
    // Switching bbc.com off clears it, whatever the list says.
    await setSiteOff('bbc.com', true);
    await expect.poll(() => pages.results(news)).toBeNull();
  });

  it('asks tabs with results to rank their page again when the number of excerpts changes', async () => {
    const pages = pagesOf(createFirsthandService({ loadBundle: shipped }));
    stops.push(pages.follow());
    const news = await tabAt(bbc);
    const quiet = await tabAt(blog);
    await pages.reported(news, bbc, famineArticle);
    await pages.reported(quiet, blog, quietArticle);
    await resultCount.setValue(3);
    await expect.poll(() => sent).toEqual([[news, 'rescanPage']]);
  });

  /** Tab pages whose injections are recorded: [tab id, script]; the UI is there once injected. */
  function recordingPages() {
    const injected: [number, string][] = [];
    const pages = createTabPages({
      read: createFirsthandService({ loadBundle: shipped }).readPage,
      inject: async (tabId, file) => {
        injected.push([tabId, file]);
      },
      hasUi: async (tabId) => injected.some(([id, file]) => id === tabId && file === UI_SCRIPT),
    });
    return { pages, injected };
  }

  it('injects the detector only where Firsthand runs, private mode included', async () => {
    const { pages, injected } = recordingPages();
    const news = await tabAt(bbc);
    const other = await tabAt(blog);
    expect(await pages.mayMention(news, bbc)).toBe(true);
    await runsOn.setValue('news-sites');
    expect(await pages.mayMention(other, blog)).toBe(false);
    await setSiteOff('bbc.com', true);
    expect(await pages.mayMention(news, bbc)).toBe(false);
    await setSiteOff('bbc.com', false);
    await displayMode.setValue('private');
    // Private mode reads the page for the badge and the popup; it never shows anything in it.
    expect(await pages.mayMention(news, bbc)).toBe(true);
    expect(injected).toEqual([
      [news, DETECTOR_SCRIPT],
      [news, DETECTOR_SCRIPT],
    ]);
  });

  it('pushes a page its whole view, injecting the UI once, only when there is something to show', async () => {
    const { pages, injected } = recordingPages();
    const news = await tabAt(bbc);
    const quiet = await tabAt(blog);
    const matches = await pages.reported(news, bbc, famineArticle);
    await pages.reported(quiet, blog, quietArticle);
    expect(matches.said?.length).toBeGreaterThan(0);
    // With the pill's words, in the UI's language: the page need not ask the browser's i18n.
    const pill = { lang: 'en-US', text: `${matches.cards.length} testimonies relate to this article` };
    expect(views).toEqual([
      [
        news,
        {
          url: bbc,
          cards: matches.cards,
          corner: 'bottom-right',
          marks: matches.said,
          pill: { ...pill, label: `Firsthand: ${pill.text}` },
        },
      ],
      [quiet, { url: '', cards: [], corner: 'bottom-right', marks: [] }],
    ]);
    expect(injected).toEqual([[news, UI_SCRIPT]]);
    // Late content: the same view again, the UI not injected twice.
    await pages.reported(news, bbc, famineArticle);
    expect(injected).toEqual([[news, UI_SCRIPT]]);
    expect(views.at(-1)).toEqual([
      news,
      expect.objectContaining({ url: bbc, cards: matches.cards, marks: matches.said }),
    ]);
  });

  it('reads the article itself: its terms, as the article says them, to mark those that earned cards', async () => {
    const { pages } = recordingPages();
    const news = await tabAt(bbc);
    const { cards, said = [] } = await pages.reported(news, bbc, famineArticle);
    const text = [famineArticle.title, ...famineArticle.paragraphs].join('\n');
    const lexicon = new Set(bundledIndex.matcher.terms.map((term) => term.term));
    expect(said.length).toBeGreaterThan(0);
    for (const [words, term] of said) {
      expect(lexicon).toContain(term);
      expect(text).toContain(words);
    }
    // Every term the article says that earned a card is among them.
    const saidTerms = new Set(said.map(([, term]) => term));
    const found = new Set(articleEvidence(famineArticle, bundledIndex.matcher).terms.map((d) => d.term));
    const earned = [...new Set(cards.flatMap((card) => card.why))].filter((why) => found.has(why));
    expect(earned.length).toBeGreaterThan(0);
    expect(earned.filter((term) => !saidTerms.has(term))).toEqual([]);
    // Said as the article says it (its case, its plural), not as the lexicon names it.
    expect(said.some(([words, term]) => words !== term)).toBe(true);
    // The article's text is kept nowhere: only its cards and those words.
    expect(JSON.stringify(await pages.results(news))).not.toContain(famineArticle.paragraphs[0]?.slice(0, 40));
  });

  it("puts the panel's code into a page when its UI asks, only where the page shows its cards", async () => {
    const { pages, injected } = recordingPages();
    const news = await tabAt(bbc);
    const quiet = await tabAt(blog);
    await pages.reported(news, bbc, famineArticle);
    await pages.reported(quiet, blog, quietArticle);
    expect(await pages.openPanel(quiet)).toBe(false);
    await pages.hide(news, true);
    expect(await pages.openPanel(news)).toBe(false);
    await displayMode.setValue('private');
    await pages.hide(news, false);
    expect(await pages.openPanel(news)).toBe(false);
    // Nothing shown on those pages: nothing to open, and the page is told so.
    expect(injected).toEqual([[news, UI_SCRIPT]]);
    // Control: a page showing its cards gets the panel's code.
    await displayMode.setValue('standard');
    expect(await pages.openPanel(news)).toBe(true);
    expect(injected.at(-1)).toEqual([news, PANEL_SCRIPT]);
  });

  it('hides and shows again through the pushed view, the badge counting throughout', async () => {
    const { pages } = recordingPages();
    const news = await tabAt(bbc);
    const { cards } = await pages.reported(news, bbc, famineArticle);
    await pages.hide(news, true);
    expect(views.at(-1)).toEqual([news, expect.objectContaining({ url: bbc, cards: [] })]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: news })).toBe(String(cards.length));
    await pages.hide(news, false);
    expect(views.at(-1)).toEqual([news, expect.objectContaining({ url: bbc, cards })]);
  });

  it('follows the display mode, the corner and the marks: pushed to the open pages with results', async () => {
    const { pages, injected } = recordingPages();
    stops.push(pages.follow());
    const news = await tabAt(bbc);
    await displayMode.setValue('private');
    const { cards } = await pages.reported(news, bbc, famineArticle);
    // Private: found and counted, nothing shown, no UI injected.
    expect(cards.length).toBeGreaterThan(0);
    expect(await fakeBrowser.action.getBadgeText({ tabId: news })).toBe(String(cards.length));
    expect(views).toEqual([[news, expect.objectContaining({ cards: [] })]]);
    expect(injected).toEqual([]);
    // Standard again: the UI goes in, and the page is told what to show.
    await displayMode.setValue('standard');
    await expect.poll(() => views.length).toBe(2);
    expect(views.at(-1)).toEqual([news, expect.objectContaining({ cards })]);
    expect(injected).toEqual([[news, UI_SCRIPT]]);
    await corner.setValue('top-left');
    await expect.poll(() => views.at(-1)?.[1].corner).toBe('top-left');
    expect(views.at(-1)?.[1].marks.length).toBeGreaterThan(0);
    await markTerms.setValue(false);
    await expect.poll(() => views.at(-1)?.[1].marks).toEqual([]);
    expect(views.at(-1)).toEqual([news, expect.objectContaining({ cards })]);
  });

  it("writes the settings the in-page UI asks for (it carries no storage): the corner, and its own page's site off", async () => {
    registerTabPages(pagesOf(createFirsthandService({ loadBundle: shipped })));
    const tab = await tabAt(bbc);
    const sender = { tab: await fakeBrowser.tabs.get(tab), frameId: 0, url: bbc };
    // The typed protocol's own wire format (@webext-core/messaging, light-messaging.ts).
    // Resolves with the answer, which comes once the handler is done.
    const ask = (type: string, data?: unknown) =>
      new Promise((answered) => {
        void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender, answered);
      });
    expect(await corner.getValue()).toBe('bottom-right');
    await ask('moveUi', { corner: 'top-left' });
    await expect.poll(() => corner.getValue()).toBe('top-left');
    // What is no corner is refused: the setting keeps its value, once the answer is in
    // (the listener's promise is the handler's; the same call with a corner, above, writes).
    expect(await ask('moveUi', { corner: 'middle' })).toEqual({ res: undefined });
    expect(await corner.getValue()).toBe('top-left');
    expect(await offSites.getValue()).toEqual([]);
    await ask('turnOffSite');
    await expect.poll(() => offSites.getValue()).toEqual(['bbc.com']);
  });
});
