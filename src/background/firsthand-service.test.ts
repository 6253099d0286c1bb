import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readStoryFiles } from '@/src/corpus/collection-pack';
import type { CorpusBundle } from '@/src/search/bundle';
import { allPassages, loadBundleIndex } from '@/src/search/corpus-index';
import { type PackedIndex, packedFromJson } from '@/src/search/packed-index';
import { buildCorpusFromData } from '@/src/search/read-data';
import { syntheticArticles } from '@/src/testing/synthetic-articles';
import { CorruptCache, checkedIndex, createFirsthandService } from './firsthand-service';

const bundle = buildCorpusFromData();
const bundledIndex = loadBundleIndex(bundle);
const passages = allPassages(bundledIndex);
// The bundle crosses a JSON boundary in the extension; so it does here.
const shipped = () => Promise.resolve(JSON.parse(JSON.stringify(bundle)) as CorpusBundle);

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

  it('reads an article into cards whose "why this" is as the article writes it, and keeps the labels it marks by', async () => {
    const service = createFirsthandService({ loadBundle: shipped });
    const { cards } = await service.readPage(syntheticArticles.famineOrphans, 6);
    // The article says "streets"; its key, "street", is what the ranking and the marks use.
    const first = cards.find((card) => card.why.includes('street'));
    expect(first?.whyShown).toContain('streets');
    expect(first?.whyShown).not.toContain('street');
    expect(first?.why).toContain('street');
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
      ['term hits for other passages', (p) => ({ ...p, termHitStart: p.termHitStart.subarray(1) })],
      ['a term hit without its span', (p) => ({ ...p, termHitSpan: p.termHitSpan.subarray(2) })],
      ['terms for other aliases', (p) => ({ ...p, aliasWords: `${p.aliasWords}\nzzz` })],
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
