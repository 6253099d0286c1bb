import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COLLECTIONS_DB, closeCollectionStore, listCollections } from '@/src/collections/collection-store';
import { packHash, storedOrThrow } from '@/src/collections/import-outcome';
import { makePack } from '@/src/corpus/collection-pack';
import { everyStoreAsText, quotaExceededOn } from '@/src/testing/fake-idb-faults';
import { createCollectionsService, fromExtensionPage } from './collections-service';

// Synthetic collections written for these tests: not testimony.
const source = (id: string, text = 'A synthetic paragraph.') =>
  `---\nid: ${id}\ntitle: Synthetic ${id}\nnarrator: Synthetic narrator\npublisher: Synthetic press\ndate: 2020-01-01\nurl: https://example.org/${id}\ntopics: famine\nprovenance: firsthand\n---\n\n${text}\n`;
const pack = (id: string, storyIds: string[], text?: string) =>
  makePack(
    { id, title: `Synthetic ${id}`, publisher: 'Synthetic press' },
    storyIds.map((s) => ({ file: `${s}.md`, source: source(s, text) })),
  );
const service = createCollectionsService({ bundledStoryIds: async () => ['bundled-story'] });
const importPack = (id: string, storyIds: string[], text?: string) =>
  service.importCollection(pack(id, storyIds, text), storyIds, storyIds.length);

afterEach(async () => {
  await closeCollectionStore();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(COLLECTIONS_DB);
    request.onsuccess = request.onerror = () => resolve();
  });
});

describe('the background’s collections service (what the options page asks)', () => {
  it('imports a pack whole, lists it, switches it off, exports it as it came and removes it', async () => {
    const outcome = await importPack('one', ['story-a', 'story-b']);
    expect('stored' in outcome && outcome.stored.contentHash).toBe(packHash(pack('one', ['story-a', 'story-b'])));
    expect((await service.list()).map((c) => [c.id, c.enabled, c.storyCount])).toEqual([['one', true, 2]]);
    await service.setEnabled('one', false);
    expect((await service.list()).map((c) => c.enabled)).toEqual([false]);
    expect(await service.export('one')).toEqual(pack('one', ['story-a', 'story-b']));
    await service.remove('one');
    expect(await service.list()).toEqual([]);
    expect(await service.export('one')).toBeNull();
  });

  it('answers a refusal as a typed outcome the page turns back into the store’s error', async () => {
    await importPack('one', ['story-a']);
    const again = await importPack('one', ['story-z']);
    expect(again).toEqual({ refused: { reason: 'collection-exists', id: 'one' } });
    // The stories Firsthand ships with are the background's to know.
    const bundled = await importPack('two', ['bundled-story']);
    expect(bundled).toEqual({ refused: { reason: 'story-exists', id: 'bundled-story' } });
    expect(() => storedOrThrow(bundled)).toThrow(
      expect.objectContaining({ name: 'ImportRefused', id: 'bundled-story' }),
    );
    expect((await listCollections()).map((c) => c.id)).toEqual(['one']);
  });

  it('says how much space a full disk lacks, and stores none of the pack', async () => {
    await importPack('one', ['story-a']);
    const before = await everyStoreAsText(COLLECTIONS_DB);
    quotaExceededOn('sources');
    const outcome = await importPack('two', ['story-b'], 'x'.repeat(600_000));
    expect(outcome).toEqual({ noSpace: { bytesNeeded: expect.any(Number) } });
    expect(() => storedOrThrow(outcome)).toThrow('not enough space: about 2 MB needed');
    expect(await everyStoreAsText(COLLECTIONS_DB)).toEqual(before);
  });

  it('refuses an import over a cap, whole', async () => {
    const outcome = await service.importCollection(pack('big', ['story-a']), ['story-a'], 25_001);
    expect(outcome).toEqual({ tooLarge: { scope: 'collection', what: 'passages', count: 25_001, max: 25_000 } });
    expect(await service.list()).toEqual([]);
  });
});

describe('who may ask', () => {
  it('is the extension’s own pages, never a content script beside a page', () => {
    expect(fromExtensionPage({ url: fakeBrowser.runtime.getURL('/options.html') })).toBe(true);
    expect(fromExtensionPage({ url: 'https://www.bbc.com/news/x', tab: { id: 3 } })).toBe(false);
    expect(fromExtensionPage({})).toBe(false);
  });
});
