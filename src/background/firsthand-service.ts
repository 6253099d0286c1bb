import { browser } from 'wxt/browser';
import { isQuotaError } from '@/src/collections/collection-store';
import { PROVENANCES, type Story } from '@/src/corpus/types';
import { articleEvidence } from '@/src/detect/assess-page';
import type { Article } from '@/src/detect/extract-article';
import type { ExcerptCard, SearchFacets, SearchFilters, StoryView } from '@/src/messaging/protocol';
import { onMessage, readerPath } from '@/src/messaging/protocol';
import type { CorpusBundle } from '@/src/search/bundle';
import { bundleFingerprint, combineCorpus, type ImportedSources } from '@/src/search/combined-corpus';
import { type CorpusIndex, loadCorpusIndex, TEXT_CHUNK, textChunks, withText } from '@/src/search/corpus-index';
import { toExcerptCard } from '@/src/search/excerpt-cards';
import { PACKED_FORMAT, type PackedIndex, type Postings, packedFromJson } from '@/src/search/packed-index';
import { rankPassages } from '@/src/search/rank-passages';
import { relatedPassages } from '@/src/search/related-passages';
import { searchPassages } from '@/src/search/search-passages';
import { withWhyAsSaid } from '@/src/search/why-as-said';
import type { PageReading, TabPages } from './tab-pages';

export interface FirsthandServiceOptions {
  /** Reads the prebuilt corpus (in the extension: public/generated/corpus.json). */
  loadBundle(): Promise<CorpusBundle>;
  /** The reader's imported collections (in the extension: IndexedDB); none without. */
  collections?: ImportedCollections;
}

/** Where the background finds the imported collections, and keeps their combined index. */
export interface ImportedCollections {
  /** Changes whenever the enabled collections change. '' when none is enabled. */
  signature(): Promise<string>;
  /** The enabled collections' sources, and their signature, read together. */
  enabled(): Promise<{ signature: string; sources: ImportedSources[] }>;
  /** An enabled collection's story, read from its source file (the index keeps no story text but its passages). */
  story(storyId: string): Promise<Story | undefined>;
  /** The cached index, without its passages' text. */
  readCache(signature: string): Promise<PackedIndex | undefined>;
  /** One chunk of the cached index's text (corpus-index.ts textChunks). */
  readText(signature: string, chunk: number): Promise<Uint8Array | undefined>;
  /**
   * Caches an index (without its text) and its text's chunks, in place of what was cached,
   * if the enabled collections are still those of `collections` (their signature). Says
   * whether it wrote.
   */
  writeCache(signature: string, collections: string, index: PackedIndex, chunks: Uint8Array[]): Promise<boolean>;
  /** Drops the cache (none enabled: no collection's text is to be kept). */
  clearCache(): Promise<void>;
}

/** What indexing the collections again came to (the options page says it). */
export interface Indexed {
  passages: number;
  stories: number;
  ms: number;
  /** The index could not be cached for want of space: about this many bytes are needed. */
  cacheBytesShort?: number;
}

/**
 * Everything the background answers from the stories: pages' rankings, search, stories,
 * related excerpts. The index is loaded on first need, once. (Each tab's page is
 * src/background/tab-pages.ts's.)
 *
 * Imported collections never leave it dead (issue 12): a cache or a database that cannot
 * be read, or an index that fails to load or to answer, gives the bundled stories at once,
 * and the collections are indexed again in the background.
 */
export function createFirsthandService({ loadBundle, collections }: FirsthandServiceOptions) {
  let bundledOnly: Promise<CorpusIndex> | null = null;
  /** The bundled stories alone: what answers whenever the collections cannot. */
  const bundledIndex = () => {
    bundledOnly ??= loadBundle()
      .then((bundle) => loadCorpusIndex(packedFromJson(bundle.index)))
      .catch((e: unknown) => {
        bundledOnly = null;
        throw e;
      });
    return bundledOnly;
  };
  let loading: Promise<CorpusIndex> | null = null;
  /** Counts the loads begun: a background indexing that finishes after a newer load began is dropped. */
  let generation = 0;
  let background: Promise<void> = Promise.resolve();

  /**
   * Indexes the collections now (not from the cache), and caches it; throws when it cannot.
   * `cacheBytesShort`: the disk had no room for the cache, about this many bytes are needed.
   */
  const indexNow = async (): Promise<{ index: CorpusIndex; cacheBytesShort?: number }> => {
    if (!collections) return { index: await bundledIndex() };
    const bundled = await loadBundle();
    const { signature: enabled, sources } = await collections.enabled();
    if (enabled === '') {
      // Nothing of a collection is to be kept.
      await collections.clearCache().catch(() => {});
      return { index: await bundledIndex() };
    }
    const combined = combineCorpus(bundled, sources);
    const chunks = textChunks(combined);
    const index = { ...combined, text: new Uint8Array(0) };
    // A cache that cannot be written only costs the next cold start an indexing; one the
    // disk has no room for is said in the options page.
    let cacheBytesShort: number | undefined;
    await collections.writeCache(signatureFor(bundled, enabled), enabled, index, chunks).catch((error: unknown) => {
      if (isQuotaError(error)) cacheBytesShort = cacheBytes(index, chunks);
    });
    // The chunks are the text now: the whole buffer need not be kept beside them.
    return { index: loadCorpusIndex(index, chunks), ...(cacheBytesShort === undefined ? {} : { cacheBytesShort }) };
  };
  const build = async () => (await indexNow()).index;

  /** Answers with the bundled stories now, and indexes the collections in the background. */
  const fallBack = (): Promise<CorpusIndex> => {
    const mine = ++generation;
    background = build().then(
      (index) => {
        if (mine === generation) loading = Promise.resolve(index);
      },
      // The database is not there at all: the bundled stories go on answering, and the
      // next change of the collections, or the next start, tries again.
      () => {},
    );
    loading = bundledIndex();
    return loading;
  };

  /**
   * The bundled corpus with the enabled collections: from the cache when they have not
   * changed since it was made (a cold start then costs one read, not an indexing), else
   * indexed now and cached.
   */
  const load = async (): Promise<CorpusIndex> => {
    if (!collections) return bundledIndex();
    const bundled = await loadBundle();
    let cached: CorpusIndex | undefined;
    try {
      const enabled = await collections.signature();
      if (enabled === '') {
        // Nothing of a collection is to be kept (an older Firsthand left the cache behind).
        void collections.clearCache().catch(() => {});
        return bundledIndex();
      }
      const signature = signatureFor(bundled, enabled);
      const packed = await collections.readCache(signature);
      if (packed) {
        // Its text is read a chunk at a time, as passages are first shown (withText).
        cached = loadCorpusIndex(
          checkedIndex(packed),
          new Array(Math.ceil((packed.textStart.length - 1) / TEXT_CHUNK)),
        );
        cached.texts.read = async (chunk) => {
          const bytes = await collections.readText(signature, chunk);
          return bytes instanceof Uint8Array ? bytes : undefined;
        };
      }
    } catch {
      // A database that does not open, a cache that cannot be read or makes no index.
      return fallBack();
    }
    if (cached) return cached;
    try {
      return await build();
    } catch {
      return bundledIndex();
    }
  };

  const corpus = (): Promise<CorpusIndex> => {
    if (!loading) {
      generation++;
      loading = load().catch((e: unknown) => {
        loading = null; // let the next request try again
        throw e;
      });
    }
    return loading;
  };

  /**
   * Answers with the index and the text of the passages the answer shows. If the cache lost
   * some of that text, or a cached index fails to answer, the collections are indexed again
   * (and cached anew) and it answers; if they cannot be, the bundled stories answer.
   */
  const answer = async <T>(compute: (index: CorpusIndex) => T): Promise<T> => {
    const index = await corpus();
    try {
      return await withText(index, () => compute(index));
    } catch (e) {
      if (!index.texts.read) throw e; // not a cached index: a fault of the code, not of the cache
      generation++;
      const fresh = build().catch(() => bundledIndex());
      loading = fresh;
      const again = await fresh;
      return withText(again, () => compute(again));
    }
  };

  return {
    corpus,

    /**
     * The imported collections changed: index again now, so the next answer has them (or
     * no longer has them). Says what the index holds and how long indexing took.
     */
    async collectionsChanged(): Promise<Indexed> {
      const started = performance.now();
      generation++;
      const indexing = indexNow();
      // Until it is done, or if it fails, the bundled stories answer.
      loading = indexing.then(
        (done) => done.index,
        () => bundledIndex(),
      );
      const { index, cacheBytesShort } = await indexing;
      return {
        passages: index.passageCount,
        stories: index.stories.length,
        ms: Math.round(performance.now() - started),
        ...(cacheBytesShort === undefined ? {} : { cacheBytesShort }),
      };
    },

    /** Resolves once the indexing a fault started in the background is over (tests wait for it). */
    indexedInBackground: () => background,

    async bundledStoryIds(): Promise<string[]> {
      return (await loadBundle()).stories.map((s) => s.id);
    },

    /**
     * Reads an article (its terms and words, and whether it is about North Korea at all:
     * src/detect/assess-page.ts) and answers with its excerpt cards, at most `limit`,
     * strongest first, and how it says its terms (the page marks those that earned cards).
     */
    readPage: (article: Article, limit: number): Promise<PageReading> =>
      answer((index) => {
        const evidence = articleEvidence(article, index.matcher);
        if (evidence.terms.length === 0) return { cards: [], said: [] };
        const cards = rankPassages(index, evidence, { limit }).map((r) => toExcerptCard(index, r));
        const termOf = (label: string) => index.terms[index.termIndex.get(label) ?? -1];
        return { cards: withWhyAsSaid(cards, evidence, termOf), said: evidence.said };
      }),

    async search(query: string, limit = 20, filters: SearchFilters = {}): Promise<ExcerptCard[]> {
      return answer((index) => searchPassages(index, query, limit, filters).map((r) => toExcerptCard(index, r)));
    },

    /** The topics, voices and stories the loaded passages have, for the popup's filters. */
    async searchFacets(): Promise<SearchFacets> {
      const index = await corpus();
      const { stories } = index;
      const voices = new Set(Array.from(index.packed.provenance, (v) => PROVENANCES[v]));
      return {
        topics: [...new Set(stories.flatMap((s) => s.topics))].sort(),
        provenances: PROVENANCES.filter((p) => voices.has(p)),
        stories: stories.map((s) => ({ id: s.id, title: s.title })),
      };
    },

    async getStory(storyId: string): Promise<StoryView | null> {
      const index = await corpus();
      if (!index.storyIndex.has(storyId)) return null;
      const story = (await loadBundle()).stories.find((s) => s.id === storyId) ?? (await collections?.story(storyId));
      if (!story) return null;
      const { blocks, ...meta } = story;
      return {
        ...meta,
        blocks: blocks.map(({ line: _line, ...b }) => b),
      };
    },

    /** Excerpts of other stories related to a passage, or to a whole story without one. */
    async related(storyId: string, passageId?: string, limit = 3): Promise<ExcerptCard[]> {
      return answer((index) =>
        relatedPassages(index, storyId, { ...(passageId === undefined ? {} : { passageId }), limit }).map((r) =>
          toExcerptCard(index, r),
        ),
      );
    },
  };
}

/** The cache's signature: the index's format and the text's chunking, the bundled corpus, the collections. */
function signatureFor(bundled: CorpusBundle, collections: string): string {
  return `${PACKED_FORMAT}.${TEXT_CHUNK}|${bundleFingerprint(bundled)}|${collections}`;
}

/** About what a combined index takes in the cache: its arrays, its strings, its text. */
function cacheBytes(index: PackedIndex, chunks: readonly Uint8Array[]): number {
  let bytes = chunks.reduce((sum, c) => sum + c.byteLength, 0);
  const add = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength;
    else if (typeof value === 'string') bytes += value.length * 2;
    else if (Array.isArray(value)) for (const v of value) add(v);
    else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) add(v);
  };
  add(index);
  return bytes;
}

/**
 * A cached index as IndexedDB gave it back, checked before it is used: an entry that is
 * not an index, or whose parts disagree, is not one to answer from (CorruptCache).
 */
export function checkedIndex(value: unknown): PackedIndex {
  const p = value as Partial<PackedIndex> | null;
  const u32 = (a: unknown): a is Uint32Array => a instanceof Uint32Array;
  const postings = (x: unknown, lists: number) => {
    const q = x as Partial<Postings> | null;
    return !!q && u32(q.start) && u32(q.count) && q.start.length === lists + 1 && q.count.length === lists;
  };
  const ok =
    !!p &&
    typeof p === 'object' &&
    p.format === PACKED_FORMAT &&
    Array.isArray(p.stories) &&
    Array.isArray(p.terms) &&
    Array.isArray(p.collections) &&
    Array.isArray(p.attributions) &&
    typeof p.vocabulary === 'string' &&
    typeof p.stems === 'string' &&
    typeof p.aliasWords === 'string' &&
    typeof p.aliasParts === 'string' &&
    u32(p.storyStart) &&
    u32(p.textStart) &&
    u32(p.storyCollection) &&
    p.storyStart.length === p.stories.length + 1 &&
    p.storyStart[p.stories.length] === p.textStart.length - 1 &&
    p.storyCollection.length === p.stories.length &&
    p.provenance instanceof Uint8Array &&
    p.provenance.length === p.textStart.length - 1 &&
    p.passageLength instanceof Uint16Array &&
    p.passageLength.length === p.textStart.length - 1 &&
    p.stemCounts instanceof Uint8Array &&
    u32(p.termHitStart) &&
    p.termHitStart.length === p.textStart.length &&
    p.termHitTerm instanceof Uint16Array &&
    p.termHitStart[p.termHitStart.length - 1] === p.termHitTerm.length &&
    u32(p.termHitSpan) &&
    p.termHitSpan.length === 2 * p.termHitTerm.length &&
    u32(p.stemSources) &&
    u32(p.termSources) &&
    postings(p.termPassages, p.terms.length) &&
    postings(p.termSayers, p.terms.length) &&
    postings(p.wordPassages, lineCount(p.vocabulary)) &&
    postings(p.stemPassages, lineCount(p.stems)) &&
    postings(p.aliasWordTerms, lineCount(p.aliasWords));
  if (!ok) throw new CorruptCache();
  return p as PackedIndex;
}

/** How many words a packed list of words (one per line) holds. */
const lineCount = (words: string) => (words === '' ? 0 : words.split('\n').length);

/** A cached index that is not one (a damaged entry, or a foreign one). */
export class CorruptCache extends Error {
  constructor() {
    super('the cached index is damaged');
    this.name = 'CorruptCache';
  }
}

export type FirsthandService = ReturnType<typeof createFirsthandService>;

/**
 * Wires the service to the typed protocol. Call once, in the background. `pages` ranks
 * again the open pages with results when the collections change.
 */
export function registerFirsthandService(service: FirsthandService, pages: Pick<TabPages, 'rankAgain'>): void {
  onMessage('openOptions', () => browser.runtime.openOptionsPage());
  onMessage('search', ({ data }) => service.search(data.query, data.limit, data.filters));
  onMessage('searchFacets', () => service.searchFacets());
  onMessage('getStory', ({ data }) => service.getStory(data.storyId));
  onMessage('related', ({ data }) => service.related(data.storyId, data.passageId, data.limit));
  onMessage('bundledStoryIds', () => service.bundledStoryIds());
  onMessage('collectionsChanged', async () => {
    const indexed = await service.collectionsChanged();
    // Open tabs with results rank their page again, with (or without) the collections.
    await pages.rankAgain();
    return indexed;
  });
  onMessage('openReader', async ({ data, sender }) => {
    await browser.tabs.create({
      url: browser.runtime.getURL(readerPath(data.storyId, data.passageId) as '/reader.html'),
      ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}),
      ...(sender.tab?.id !== undefined ? { openerTabId: sender.tab.id } : {}),
    });
  });
}
