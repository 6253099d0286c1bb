import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readStoryFiles } from '@/src/corpus/collection-pack';
import { articleEvidence } from '@/src/detect/assess-page';
import type { CorpusBundle } from '@/src/search/bundle';
import { allPassages, loadBundleIndex } from '@/src/search/corpus-index';
import { type PackedIndex, packedFromJson } from '@/src/search/packed-index';
import { buildCorpusFromData } from '@/src/search/read-data';
import { syntheticArticles } from '@/src/search/synthetic-articles';
import { setSiteOff } from '@/src/settings/page-settings';
import { resultCount } from '@/src/settings/result-count';
import { DEFAULT_NEWS_SITES } from '@/src/settings/sites';
import { newsSites, runsOn } from '@/src/settings/where-it-runs';
import {
  CorruptCache,
  checkedIndex,
  createFirsthandService,
  followResultCount,
  followTabNavigation,
  followWhereItRuns,
} from './firsthand-service';

const bundle = buildCorpusFromData();
const bundledIndex = loadBundleIndex(bundle);
const passages = allPassages(bundledIndex);
// The bundle crosses a JSON boundary in the extension; so it does here.
const shipped = () => Promise.resolve(JSON.parse(JSON.stringify(bundle)) as CorpusBundle);

/** What the detection script reports for a (synthetic) article about the famine's orphans. */
const famineArticle = articleEvidence(syntheticArticles.famineOrphans, bundledIndex.matcher);
/** ...and one about the famine and the women who kept their families alive in the markets: more cards. */
const broadArticle = articleEvidence(
  {
    title: syntheticArticles.famineOrphans.title,
    paragraphs: [...syntheticArticles.famineOrphans.paragraphs, ...syntheticArticles.marketWomen.paragraphs],
  },
  bundledIndex.matcher,
);

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

describe('the background service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads the corpus lazily, once', async () => {
    let loads = 0;
    const service = createFirsthandService({
      loadBundle: () => {
        loads++;
        return shipped();
      },
    });
    expect(loads).toBe(0);
    await Promise.all([service.search('famine'), service.search('market')]);
    expect(loads).toBe(1);
  });

  it('searches with filters, browses by them, and offers the choices the stories have', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    const facets = await service.searchFacets();
    expect(facets.stories.map((s) => s.id).sort()).toEqual(bundle.stories.map((s) => s.id).sort());
    expect(facets.topics).toContain('famine');
    expect(facets.topics).toEqual([...new Set(bundle.stories.flatMap((s) => s.topics))].sort());
    expect(facets.provenances).toEqual(
      ['firsthand', 'witness', 'report', 'commentary'].filter((p) => passages.some((x) => x.provenance === p)),
    );
    const browsed = await service.search('', 50, { storyId: 'gay-north-korea-2005', provenance: 'report' });
    expect(browsed.length).toBeGreaterThan(0);
    expect(browsed.every((c) => c.storyId === 'gay-north-korea-2005' && c.provenance === 'report')).toBe(true);
    expect(await service.search('   ')).toEqual([]);
  });

  it('answers a page, sets the badge to the number of excerpts and remembers it for the popup', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    const tab = await tabAt('https://news.example/a');
    const matches = await service.matchPage(tab, 'https://news.example/a', famineArticle);
    expect(matches.cards.length).toBeGreaterThan(0);
    expect(matches.cards[0]?.storyId).toBe('josephs-story-part-1-2024');
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe(String(matches.cards.length));
    expect(await service.getTabMatches(tab)).toEqual(matches);
  });

  it('gives a site the reader switched off nothing: no cards, no badge, nothing kept', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    await setSiteOff('news.example', true);
    const tab = await tabAt('https://www.news.example/a');
    const matches = await service.matchPage(tab, 'https://www.news.example/a', famineArticle);
    expect(matches.cards).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe('');
    expect(await service.getTabMatches(tab)).toBeNull();
    // ...and answers again once it is switched back on.
    await setSiteOff('news.example', false);
    expect((await service.matchPage(tab, 'https://www.news.example/a', famineArticle)).cards.length).toBeGreaterThan(0);
  });

  it('hides on a page until the tab shows another, through late content, and shows again', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    const tab = await tabAt('https://news.example/a');
    await service.matchPage(tab, 'https://news.example/a', famineArticle);
    expect(await service.hideOnPage(tab, true)).toBe(true);
    // The page reports again (late content): still hidden, badge still counts.
    const again = await service.matchPage(tab, 'https://news.example/a', famineArticle);
    expect(again.hidden).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe(String(again.cards.length));
    await service.hideOnPage(tab, false);
    expect((await service.getTabMatches(tab))?.hidden).toBeUndefined();
    await service.hideOnPage(tab, true);
    // Another article in the same tab starts shown.
    await fakeBrowser.tabs.update(tab, { url: 'https://news.example/b' });
    await service.tabNavigated(tab, 'https://news.example/b');
    expect((await service.matchPage(tab, 'https://news.example/b', famineArticle)).hidden).toBeUndefined();
    // A tab with nothing found has nothing to hide.
    expect(await service.hideOnPage(await tabAt('https://news.example/c'), true)).toBe(false);
  });

  it('keeps what it found on a tab across a service-worker restart', async () => {
    const before = createFirsthandService({ loadBundle: shipped });
    const tab = await tabAt('https://news.example/a');
    const matches = await before.matchPage(tab, 'https://news.example/a', famineArticle);
    // A new service instance is what a restarted worker builds: nothing carried in memory.
    const after = createFirsthandService({ loadBundle: shipped });
    expect(await after.getTabMatches(tab)).toEqual(matches);
  });

  it('clears the badge and the tab when the page has nothing, or the tab goes elsewhere', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    const tab = await tabAt('https://news.example/a');
    await service.matchPage(tab, 'https://news.example/a', famineArticle);
    await service.tabNavigated(tab, 'https://news.example/a'); // same article: kept
    await service.tabNavigated(tab, 'https://news.example/a#comments'); // a jump within it: kept
    expect(await service.getTabMatches(tab)).not.toBeNull();
    await fakeBrowser.tabs.update(tab, { url: 'https://news.example/b' });
    await service.tabNavigated(tab, 'https://news.example/b');
    expect(await service.getTabMatches(tab)).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe('');

    await fakeBrowser.tabs.update(tab, { url: 'https://news.example/c' });
    await service.matchPage(tab, 'https://news.example/c', famineArticle);
    await service.matchPage(tab, 'https://news.example/c', { terms: [], words: [] });
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe('');
  });

  it('clears a tab that goes to a page whose address it may not see (no tabs permission)', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    const stop = followTabNavigation(service);
    const reloaded = await tabAt('https://news.example/a');
    const left = await tabAt('https://news.example/b');
    await service.matchPage(reloaded, 'https://news.example/a', famineArticle);
    await service.matchPage(left, 'https://news.example/b', famineArticle);
    // A reload of a page it may read: the address is there, the article the same.
    await fakeBrowser.tabs.onUpdated.trigger(
      reloaded,
      { status: 'loading' },
      await seen(reloaded, 'https://news.example/a'),
    );
    // A browser page: Chrome tells neither the new address nor the tab's.
    await fakeBrowser.tabs.onUpdated.trigger(left, { status: 'loading' }, await seen(left));
    await vi.waitFor(async () => expect(await service.getTabMatches(left)).toBeNull());
    expect(await fakeBrowser.action.getBadgeText({ tabId: left })).toBe('');
    expect(await service.getTabMatches(reloaded)).not.toBeNull();
    // An address it may read, and another article: cleared too.
    await fakeBrowser.tabs.onUpdated.trigger(
      reloaded,
      { url: 'https://news.example/c' },
      await seen(reloaded, 'https://news.example/c'),
    );
    await vi.waitFor(async () => expect(await service.getTabMatches(reloaded)).toBeNull());
    stop();
  });

  it("does not let an old page's late answer become the new page's badge", async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    const tab = await tabAt('https://news.example/a');
    const late = service.matchPage(tab, 'https://news.example/a', famineArticle);
    // The reader moved on while the corpus was loading and the passages were ranked.
    await fakeBrowser.tabs.update(tab, { url: 'https://news.example/c' });
    await late;
    expect(await service.getTabMatches(tab)).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe('');
  });

  it('keeps nothing for a tab that closed before its answer', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    // A tab id the browser no longer knows is what a closed tab looks like to tabs.get.
    // (fakeBrowser's tabs.remove mixes up tab and window ids, so the tab is never created.)
    const closed = 4242;
    await service.matchPage(closed, 'https://news.example/a', famineArticle);
    expect(await service.getTabMatches(closed)).toBeNull();
  });

  it('serves whole stories for the reader, and null for an unknown id', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    const story = await service.getStory('women-in-north-korea-2023');
    expect(story?.narrator).toBe('Lindsey Miller');
    expect(story?.blocks.some((b) => b.passageId === 'women-in-north-korea-2023-p01')).toBe(true);
    expect(await service.getStory('no-such-story')).toBeNull();
  });

  it('answers the reader with excerpt cards of other stories related to a passage, or to the story', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    const starvation = passages.find((p) => p.text.includes('my father died of starvation'));
    const cards = await service.related('josephs-story-part-1-2024', starvation?.id);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(card.storyId).not.toBe('josephs-story-part-1-2024');
      expect(card.passageId.startsWith(card.storyId)).toBe(true);
      expect(card.storyTitle).toBeTruthy();
      expect(card.why.length).toBeGreaterThan(0);
    }
    expect(cards[0]?.why).toContain('famine');
    const forStory = await service.related('josephs-story-part-1-2024', undefined, 2);
    expect(forStory).toHaveLength(2);
    expect(forStory.every((card) => card.storyId !== 'josephs-story-part-1-2024')).toBe(true);
    expect(await service.related('no-such-story')).toEqual([]);
  });

  it('adds the enabled imported collections to what it answers, indexed once and then read from the cache', async () => {
    // A synthetic collection written for this test: not testimony.
    const story = {
      file: 'synthetic-archive-1.md',
      source:
        '---\nid: synthetic-archive-1\ntitle: Synthetic archive story\nnarrator: Synthetic narrator\npublisher: Synthetic Oral History Project\ndate: 2021-05-01\nurl: https://example.org/a\ntopics: famine\nprovenance: witness\n---\n\nSynthetic: the seller everyone called Quillfeather kept the stall open.\n',
    };
    let signature = 'synthetic@1';
    let indexed = 0;
    const cache = new Map<string, { index: PackedIndex; chunks: Uint8Array[] }>();
    let textReads = 0;
    const collections = {
      signature: async () => signature,
      enabled: async () => {
        indexed++;
        return { signature, sources: signature ? [{ collectionId: 'synthetic', stories: [story] }] : [] };
      },
      story: async (id: string) => readStoryFiles([story]).stories.find((s) => s.id === id),
      // As IndexedDB keeps them: structured clones.
      readCache: async (key: string) => structuredClone(cache.get(key)?.index),
      readText: async (key: string, chunk: number) => {
        textReads++;
        return structuredClone(cache.get(key)?.chunks[chunk]);
      },
      writeCache: async (key: string, _collections: string, index: PackedIndex, chunks: Uint8Array[]) =>
        Boolean(cache.set(key, structuredClone({ index, chunks }))),
      clearCache: async () => cache.clear(),
    };
    const service = createFirsthandService({ loadBundle: shipped, collections });
    const found = await service.search('quillfeather');
    expect(found.map((c) => [c.storyId, c.publisher, c.provenance])).toEqual([
      ['synthetic-archive-1', 'Synthetic Oral History Project', 'witness'],
    ]);
    expect((await service.getStory('synthetic-archive-1'))?.title).toBe('Synthetic archive story');
    expect(indexed).toBe(1);
    // The cache keeps the index without its text, and the text in chunks.
    expect([...cache.values()][0]?.index.text).toHaveLength(0);
    expect(textReads).toBe(0);
    // A new worker (a cold start) reads the cache instead of indexing again, and the text
    // of the passages it shows when it shows them.
    const restarted = createFirsthandService({ loadBundle: shipped, collections });
    const again = await restarted.search('quillfeather');
    expect(again.map((c) => c.text)).toEqual(found.map((c) => c.text));
    expect(again[0]?.text).toContain('Quillfeather');
    expect(indexed).toBe(1);
    expect(textReads).toBe(1);
    // A cache that lost its text: indexed again, answered, and cached anew.
    for (const entry of cache.values()) entry.chunks = [];
    const lost = createFirsthandService({ loadBundle: shipped, collections });
    expect((await lost.search('quillfeather')).map((c) => c.text)).toEqual(found.map((c) => c.text));
    expect(indexed).toBe(2);
    expect([...cache.values()][0]?.chunks.length).toBeGreaterThan(0);
    // Disabled: gone at once, and the bundled stories answer as before.
    signature = '';
    const after = await restarted.collectionsChanged();
    expect(after.stories).toBe(bundle.stories.length);
    expect(await restarted.search('quillfeather')).toEqual([]);
    expect((await restarted.search('famine')).length).toBeGreaterThan(0);
  });

  it('checks a cached index before answering from it: one whose parts disagree is refused', () => {
    const good = () => structuredClone(packedFromJson(bundle.index));
    expect(checkedIndex(good())).toEqual(good());
    const damaged: [string, (p: PackedIndex) => unknown][] = [
      ['not an object', () => 'combined-index'],
      ['another format', (p) => ({ ...p, format: 1 })],
      ['a passage short', (p) => ({ ...p, textStart: p.textStart.subarray(0, -1) })],
      ['voices of other passages', (p) => ({ ...p, provenance: new Uint8Array(3) })],
      ['word lists for another vocabulary', (p) => ({ ...p, vocabulary: `${p.vocabulary}\nzzz` })],
      ['a story without its place', (p) => ({ ...p, storyCollection: p.storyCollection.subarray(1) })],
      ['arrays as plain lists', (p) => ({ ...p, storyStart: [...p.storyStart] })],
    ];
    for (const [what, damage] of damaged) expect(() => checkedIndex(damage(good())), what).toThrow(CorruptCache);
  });

  it('recovers when loading the corpus failed once', async () => {
    let calls = 0;
    const service = createFirsthandService({
      loadBundle: () => (++calls === 1 ? Promise.reject(new Error('disk hiccup')) : shipped()),
    });
    await expect(service.search('famine')).rejects.toThrow('disk hiccup');
    expect((await service.search('famine')).length).toBeGreaterThan(0);
  });
});

describe('the background, as the settings change', () => {
  const bbc = 'https://www.bbc.com/news/articles/c0famine0001';
  const blog = 'https://example-blog.net/post';
  /** Messages sent to tabs: [tab id, message type]. */
  let sent: [number, string][];
  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    // @webext-core/messaging sends to a tab through chrome.tabs.sendMessage (fakeBrowser's).
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((
      tabId: number,
      message: { type: string },
      _options: unknown,
      respond?: (response: unknown) => void,
    ) => {
      sent.push([tabId, message.type]);
      respond?.({ res: undefined });
    }) as unknown as typeof fakeBrowser.tabs.sendMessage);
  });
  let stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops) stop();
    stops = [];
  });

  it('with "only news sites", gives a page outside the list nothing: no cards, no badge, nothing kept', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    await runsOn.setValue('news-sites');
    const other = await tabAt(blog);
    expect((await service.matchPage(other, blog, famineArticle)).cards).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: other })).toBe('');
    expect(await service.getTabMatches(other)).toBeNull();
    // A listed news site, and a subdomain of one, still get their testimonies.
    const news = await tabAt(bbc);
    expect((await service.matchPage(news, bbc, famineArticle)).cards.length).toBeGreaterThan(0);
    const sub = await tabAt('https://news.bbc.co.uk/2/hi/asia-pacific/famine');
    expect(
      (await service.matchPage(sub, 'https://news.bbc.co.uk/2/hi/asia-pacific/famine', famineArticle)).cards.length,
    ).toBeGreaterThan(0);
  });

  it('shows at most as many excerpts as the reader chose', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    const tab = await tabAt(bbc);
    const usual = (await service.matchPage(tab, bbc, broadArticle)).cards;
    expect(usual.length).toBeGreaterThan(3);
    expect(usual.length).toBeLessThanOrEqual(6);
    await resultCount.setValue(3);
    const fewer = (await service.matchPage(tab, bbc, broadArticle)).cards;
    expect(fewer).toEqual(usual.slice(0, 3)); // the same ranking, cut shorter
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab })).toBe('3');
    await resultCount.setValue(10);
    const more = (await service.matchPage(tab, bbc, broadArticle)).cards;
    expect(more.slice(0, usual.length)).toEqual(usual);
    expect(more.length).toBeLessThanOrEqual(10);
  });

  it('clears open tabs a change of where it runs leaves out, and asks the ones it lets back in to read again', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    stops.push(followWhereItRuns(service));
    const news = await tabAt(bbc);
    const other = await tabAt(blog);
    await service.matchPage(news, bbc, famineArticle);
    await service.matchPage(other, blog, famineArticle);

    await runsOn.setValue('news-sites');
    await expect.poll(() => service.getTabMatches(other)).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: other })).toBe('');
    expect(await service.getTabMatches(news)).not.toBeNull();
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
    await expect.poll(() => service.getTabMatches(news)).toBeNull();
  });

  it('asks tabs with results to rank their page again when the number of excerpts changes', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    stops.push(followResultCount(service));
    const news = await tabAt(bbc);
    const quiet = await tabAt(blog);
    await service.matchPage(news, bbc, famineArticle);
    await service.matchPage(quiet, blog, { terms: [], words: [] });
    await resultCount.setValue(3);
    await expect.poll(() => sent).toEqual([[news, 'rescanPage']]);
  });
});
