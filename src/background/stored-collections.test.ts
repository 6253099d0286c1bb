import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addCollection,
  COLLECTIONS_DB,
  closeCollectionStore,
  removeCollection,
  setCollectionEnabled,
} from '@/src/collections/collection-store';
import { makePack } from '@/src/corpus/collection-pack';
import type { CorpusBundle } from '@/src/search/bundle';
import { buildCorpusFromData } from '@/src/search/read-data';
import { everyStoreAsText, openThrows, quotaExceededOn } from '@/src/testing/fake-idb-faults';
import { createFirsthandService, type ImportedCollections } from './firsthand-service';
import { storedCollections } from './stored-collections';

/**
 * Issue 12, item 3: the background over the real collection store (in fake-indexeddb), with
 * faults injected into the database. Imported archives are never stale, never left behind,
 * never fatal.
 */
const bundle = buildCorpusFromData();
const shipped = () => Promise.resolve(JSON.parse(JSON.stringify(bundle)) as CorpusBundle);

// A SYNTHETIC collection written for these tests, not testimony; "Quillfeather" is a word
// no bundled story has, so any trace of the collection's text can be searched for.
const WORD = 'Quillfeather';
const source = (id: string) =>
  `---\nid: ${id}\ntitle: Synthetic ${id}\nnarrator: Synthetic narrator\npublisher: Synthetic Oral History Project\ndate: 2021-05-01\nurl: https://example.org/${id}\ntopics: famine\nprovenance: witness\ncontent-notes: famine\n---\n\nSynthetic: the seller everyone called ${WORD} kept the stall open through the famine.\n`;
const importSynthetic = (id = 'synthetic-archive') =>
  addCollection(
    makePack({ id, title: 'Synthetic archive', publisher: 'Synthetic Oral History Project' }, [
      { file: `${id}-1.md`, source: source(`${id}-1`) },
    ]),
    { storyIds: [`${id}-1`], passageCount: 1 },
  );
const found = async (service: ReturnType<typeof createFirsthandService>, words = WORD.toLowerCase()) =>
  (await service.search(words)).map((c) => c.storyId);
/** The stores that hold the collection's word, of every store in the database. */
const storesWithWord = async () =>
  Object.entries(await everyStoreAsText(COLLECTIONS_DB))
    .filter(([, text]) => text.toLowerCase().includes(WORD.toLowerCase()))
    .map(([store]) => store)
    .sort();
/** Writes `value` over a cache entry, as a damaged disk or another program might. */
async function overwriteCacheEntry(key: string, value: unknown) {
  const database = await new Promise<IDBDatabase>((resolve) => {
    const open = indexedDB.open(COLLECTIONS_DB);
    open.onsuccess = () => resolve(open.result);
  });
  const tx = database.transaction('cache', 'readwrite');
  const store = tx.objectStore('cache');
  await new Promise<void>((resolve) => {
    const get = store.get(key);
    get.onsuccess = () => {
      store.put({ ...get.result, value });
      tx.oncomplete = () => resolve();
    };
  });
  database.close();
}

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  vi.restoreAllMocks();
  await closeCollectionStore();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(COLLECTIONS_DB);
    request.onsuccess = request.onerror = () => resolve();
  });
});

describe('imported collections in the background', () => {
  it('leaves no trace of a removed collection in any store, the cache included', async () => {
    await importSynthetic();
    const service = createFirsthandService({ loadBundle: shipped, collections: storedCollections() });
    await service.collectionsChanged();
    expect(await found(service)).toEqual(['synthetic-archive-1']);
    // The positive control: its text is there, in its sources and in the cached index.
    expect(await storesWithWord()).toEqual(['cache', 'sources']);
    await removeCollection('synthetic-archive');
    // At once, before the background hears of it.
    expect(await storesWithWord()).toEqual([]);
    await service.collectionsChanged();
    expect(await found(service)).toEqual([]);
    expect(await storesWithWord()).toEqual([]);
    // A cold start finds nothing of it either.
    const restarted = createFirsthandService({ loadBundle: shipped, collections: storedCollections() });
    expect(await found(restarted)).toEqual([]);
    expect(await storesWithWord()).toEqual([]);
  });

  it('keeps a disabled collection only as its sources: its text leaves the cache', async () => {
    await importSynthetic();
    const service = createFirsthandService({ loadBundle: shipped, collections: storedCollections() });
    await service.collectionsChanged();
    expect(await storesWithWord()).toEqual(['cache', 'sources']);
    await setCollectionEnabled('synthetic-archive', false);
    expect(await storesWithWord()).toEqual(['sources']);
    await service.collectionsChanged();
    expect(await found(service)).toEqual([]);
    expect(await storesWithWord()).toEqual(['sources']);
  });

  it('does not cache, after a removal, an index it was making before it', async () => {
    await importSynthetic();
    const store = storedCollections();
    // The removal lands while the background reads the sources to index them.
    let removed = Promise.resolve();
    const collections: ImportedCollections = {
      ...store,
      enabled: async () => {
        const read = await store.enabled();
        removed = removeCollection('synthetic-archive');
        await removed;
        return read;
      },
    };
    const service = createFirsthandService({ loadBundle: shipped, collections });
    await service.collectionsChanged();
    await removed;
    expect(await storesWithWord()).toEqual([]);
  });

  it('answers with the bundled stories at once when the cached index is damaged, and indexes again behind', async () => {
    await importSynthetic();
    const first = createFirsthandService({ loadBundle: shipped, collections: storedCollections() });
    await first.collectionsChanged();
    await overwriteCacheEntry('combined-index', { format: 2, stories: 'not an index' });
    // A cold start; the indexing it starts waits until the reader has had an answer.
    const store = storedCollections();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const service = createFirsthandService({
      loadBundle: shipped,
      collections: { ...store, enabled: () => held.then(store.enabled) },
    });
    const famine = await service.search('famine');
    expect(famine.length).toBeGreaterThan(0);
    expect(famine.every((c) => !c.storyId.startsWith('synthetic-'))).toBe(true);
    expect(await found(service)).toEqual([]);
    release();
    await service.indexedInBackground();
    expect(await found(service)).toEqual(['synthetic-archive-1']);
    // ...and cached again, whole: the next cold start reads it.
    const restarted = createFirsthandService({ loadBundle: shipped, collections: storedCollections() });
    const enabled = vi.spyOn(store, 'enabled');
    expect(await found(restarted)).toEqual(['synthetic-archive-1']);
    expect(enabled).not.toHaveBeenCalled();
  });

  it('indexes again when a cached index loads but fails to answer', async () => {
    await importSynthetic();
    await createFirsthandService({ loadBundle: shipped, collections: storedCollections() }).collectionsChanged();
    // Well formed, but a story lost its topics: a search by topic throws when it reads them.
    const store = storedCollections();
    const cached = await store.readCache(
      (await new Promise<string>((resolve) => {
        const open = indexedDB.open(COLLECTIONS_DB);
        open.onsuccess = () => {
          const get = open.result.transaction('cache').objectStore('cache').get('combined-index');
          get.onsuccess = () => {
            resolve(get.result.signature);
            open.result.close();
          };
        };
      })) as string,
    );
    if (!cached) throw new Error('no cached index');
    cached.stories = cached.stories.map((story) => ({ ...story, topics: undefined as unknown as string[] }));
    await overwriteCacheEntry('combined-index', cached);
    const service = createFirsthandService({ loadBundle: shipped, collections: storedCollections() });
    const byTopic = await service.search(WORD.toLowerCase(), 20, { topic: 'famine' });
    expect(byTopic.map((c) => c.storyId)).toEqual(['synthetic-archive-1']);
  });

  it('answers with the bundled stories when IndexedDB throws on open, and with the collection once it opens', async () => {
    await importSynthetic();
    await closeCollectionStore();
    const open = openThrows();
    const service = createFirsthandService({ loadBundle: shipped, collections: storedCollections() });
    expect((await service.search('famine')).length).toBeGreaterThan(0);
    expect(await found(service)).toEqual([]);
    await service.indexedInBackground();
    expect(open).toHaveBeenCalled();
    // The options page cannot index with it either: it is told so, and search goes on.
    await expect(service.collectionsChanged()).rejects.toThrow('Internal error opening backing store');
    expect((await service.search('famine')).length).toBeGreaterThan(0);
    // The database opens again (the next start, or the next change): the collection is back.
    open.mockRestore();
    await service.collectionsChanged();
    expect(await found(service)).toEqual(['synthetic-archive-1']);
  });

  it('answers with the collection when its index cannot be cached for want of space, and says how much', async () => {
    await importSynthetic();
    quotaExceededOn('cache');
    const service = createFirsthandService({ loadBundle: shipped, collections: storedCollections() });
    const indexed = await service.collectionsChanged();
    expect(indexed.cacheBytesShort).toBeGreaterThan(1000);
    expect(await found(service)).toEqual(['synthetic-archive-1']);
    expect(await storesWithWord()).toEqual(['sources']);
    // With room again, the next change caches it.
    vi.restoreAllMocks();
    expect((await service.collectionsChanged()).cacheBytesShort).toBeUndefined();
    expect(await storesWithWord()).toEqual(['cache', 'sources']);
  });
});
