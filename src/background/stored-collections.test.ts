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
import { everyStoreAsText } from '@/src/collections/fake-idb-faults';
import { makePack } from '@/src/corpus/collection-pack';
import { buildCorpusFromData } from '@/src/corpus/read-data';
import type { CorpusBundle } from '@/src/search/bundle';
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
    .filter(([, text]) => text.includes(WORD))
    .map(([store]) => store)
    .sort();
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
});
