import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makePack } from '@/src/corpus/collection-pack';
import { everyStoreAsText, quotaExceededOn } from '@/src/testing/fake-idb-faults';
import {
  addCollection,
  COLLECTIONS_DB,
  closeCollectionStore,
  collectionsSignature,
  enabledSources,
  enabledStory,
  exportCollection,
  ImportRefused,
  ImportTooLarge,
  listCollections,
  NotEnoughSpace,
  readCache,
  removeCollection,
  setCollectionEnabled,
  writeCache,
} from './collection-store';

// Synthetic collections written for these tests: not testimony.
const source = (id: string) =>
  `---\nid: ${id}\ntitle: Synthetic ${id}\nnarrator: Synthetic narrator\npublisher: Synthetic press\ndate: 2020-01-01\nurl: https://example.org/${id}\ntopics: famine\nprovenance: firsthand\n---\n\nA synthetic paragraph.\n`;
const pack = (id: string, storyIds: string[]) =>
  makePack(
    { id, title: `Synthetic ${id}`, publisher: 'Synthetic press' },
    storyIds.map((s) => ({ file: `${s}.md`, source: source(s) })),
  );
const add = (id: string, storyIds: string[], taken?: Set<string>, at = '2026-11-23T10:00:00Z') =>
  addCollection(pack(id, storyIds), { storyIds, passageCount: storyIds.length }, taken, new Date(at));

afterEach(async () => {
  await closeCollectionStore();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(COLLECTIONS_DB);
    request.onsuccess = request.onerror = () => resolve();
  });
});

describe('the collection store', () => {
  it('reads one story of an enabled collection from its source, for the reader', async () => {
    await add('one', ['story-a', 'story-b']);
    const story = await enabledStory('story-b');
    expect(story?.title).toBe('Synthetic story-b');
    expect(story?.blocks.map((b) => b.text)).toEqual(['A synthetic paragraph.']);
    // The reader highlights and cites a passage by the id its blocks carry.
    expect(story?.blocks.map((b) => b.passageId)).toEqual(['story-b-p01']);
    expect(await enabledStory('story-c')).toBeUndefined();
    await setCollectionEnabled('one', false);
    expect(await enabledStory('story-b')).toBeUndefined();
  });

  it('keeps an imported collection, enabled, with its counts, and gives its pack back as it came', async () => {
    await add('one', ['story-a', 'story-b']);
    expect(await listCollections()).toEqual([
      expect.objectContaining({
        id: 'one',
        enabled: true,
        storyCount: 2,
        passageCount: 2,
        importedAt: '2026-11-23T10:00:00.000Z',
      }),
    ]);
    expect(await exportCollection('one')).toEqual(pack('one', ['story-a', 'story-b']));
    expect(await exportCollection('none')).toBeUndefined();
  });

  it('refuses, changing nothing, a collection id already there or a story id already used', async () => {
    await add('one', ['story-a']);
    await expect(add('one', ['story-z'])).rejects.toEqual(new ImportRefused('collection-exists', 'one'));
    await expect(add('two', ['story-z', 'story-a'])).rejects.toEqual(new ImportRefused('story-exists', 'story-a'));
    await expect(add('three', ['bundled-story'], new Set(['bundled-story']))).rejects.toEqual(
      new ImportRefused('story-exists', 'bundled-story'),
    );
    expect((await listCollections()).map((c) => c.id)).toEqual(['one']);
    expect(await exportCollection('two')).toBeUndefined();
  });

  it('disables, enables and removes; only enabled collections are indexed, and the signature says so', async () => {
    await add('one', ['story-a'], undefined, '2026-11-23T10:00:00Z');
    await add('two', ['story-b'], undefined, '2026-11-23T11:00:00Z');
    const both = await collectionsSignature();
    expect((await enabledSources()).sources.map((s) => s.collection.id)).toEqual(['one', 'two']);
    await setCollectionEnabled('one', false);
    expect((await enabledSources()).sources.map((s) => s.collection.id)).toEqual(['two']);
    expect(await collectionsSignature()).not.toBe(both);
    await removeCollection('two');
    expect(await collectionsSignature()).toBe('');
    expect((await listCollections()).map((c) => [c.id, c.enabled])).toEqual([['one', false]]);
    expect(await exportCollection('two')).toBeUndefined();
  });

  it('keeps a derived cache that only answers for the signature it was made for', async () => {
    await writeCache(
      'sig-1',
      [
        ['combined-index', { passages: 3 }],
        ['combined-index:text:0', new Uint8Array([1, 2])],
      ],
      '',
    );
    expect(await readCache('combined-index', 'sig-1')).toEqual({ passages: 3 });
    expect(await readCache('combined-index:text:0', 'sig-1')).toEqual(new Uint8Array([1, 2]));
    expect(await readCache('combined-index', 'sig-2')).toBeUndefined();
    // A new cache replaces the old one whole: no chunk of the old text is left behind.
    await writeCache('sig-2', [['combined-index', { passages: 1 }]], '');
    expect(await readCache('combined-index', 'sig-2')).toEqual({ passages: 1 });
    expect(await readCache('combined-index:text:0', 'sig-1')).toBeUndefined();
  });

  it('signs what a collection holds: the same id imported again with one letter changed signs anew', async () => {
    const at = new Date('2026-11-23T10:00:00Z');
    const made = (text: string) =>
      makePack({ id: 'one', title: 'Synthetic one', publisher: 'Synthetic press' }, [
        { file: 'story-a.md', source: source('story-a').replace('A synthetic paragraph.', text) },
      ]);
    await addCollection(made('A synthetic paragraph.'), { storyIds: ['story-a'], passageCount: 1 }, new Set(), at);
    const before = await collectionsSignature();
    await removeCollection('one');
    // Same length, same id, same time of import: only the content tells them apart.
    await addCollection(made('A synthetic paragraph!'), { storyIds: ['story-a'], passageCount: 1 }, new Set(), at);
    expect(await collectionsSignature()).not.toBe(before);
    expect((await enabledSources()).signature).toBe(await collectionsSignature());
  });

  it('drops the cache in the same transaction as any change, and never writes one made before it', async () => {
    await add('one', ['story-a']);
    const enabled = await collectionsSignature();
    const cacheHolds = async () => (await everyStoreAsText(COLLECTIONS_DB)).cache ?? '';
    // Written for the collections as they are: kept.
    expect(
      await writeCache('sig', [['combined-index:text:0', new TextEncoder().encode('synthetic text')]], enabled),
    ).toBe(true);
    expect(await cacheHolds()).toContain('synthetic text');
    await setCollectionEnabled('one', false);
    expect(await cacheHolds()).toBe('');
    // A cache made before that change lands after it: refused, it would bring the text back.
    expect(
      await writeCache('sig', [['combined-index:text:0', new TextEncoder().encode('synthetic text')]], enabled),
    ).toBe(false);
    expect(await cacheHolds()).toBe('');
    await setCollectionEnabled('one', true);
    await writeCache('sig', [['combined-index:text:0', new TextEncoder().encode('synthetic text')]], enabled);
    expect(await cacheHolds()).toContain('synthetic text');
    await removeCollection('one');
    expect(await everyStoreAsText(COLLECTIONS_DB)).toEqual({ cache: '', collections: '', sources: '' });
  });

  it('refuses, changing nothing, a collection over a cap on stories or passages, alone or with the others', async () => {
    const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
    const tooMany = ids(2_501, 'many');
    await expect(addCollection(pack('many', ['many-0']), { storyIds: tooMany, passageCount: 2_501 })).rejects.toEqual(
      new ImportTooLarge({ scope: 'collection', what: 'stories', count: 2_501, max: 2_500 }),
    );
    await expect(
      addCollection(pack('long', ['long-0']), { storyIds: ['long-0'], passageCount: 25_001 }),
    ).rejects.toEqual(new ImportTooLarge({ scope: 'collection', what: 'passages', count: 25_001, max: 25_000 }));
    // At the caps: imported. Two more of that size go over the total.
    await addCollection(pack('big-1', ['b1-0']), { storyIds: ids(2_500, 'b1'), passageCount: 20_000 });
    await addCollection(pack('big-2', ['b2-0']), { storyIds: ids(2_000, 'b2'), passageCount: 25_000 });
    await expect(
      addCollection(pack('big-3', ['b3-0']), { storyIds: ids(501, 'b3'), passageCount: 501 }),
    ).rejects.toEqual(new ImportTooLarge({ scope: 'total', what: 'stories', count: 5_001, max: 5_000 }));
    await expect(
      addCollection(pack('big-4', ['b4-0']), { storyIds: ids(10, 'b4'), passageCount: 5_001 }),
    ).rejects.toEqual(new ImportTooLarge({ scope: 'total', what: 'passages', count: 50_001, max: 50_000 }));
    // A disabled collection counts: enabling it again is never refused.
    await setCollectionEnabled('big-2', false);
    await expect(
      addCollection(pack('big-4', ['b4-0']), { storyIds: ids(10, 'b4'), passageCount: 5_001 }),
    ).rejects.toBeInstanceOf(ImportTooLarge);
    expect((await listCollections()).map((c) => c.id)).toEqual(['big-1', 'big-2']);
    expect(await exportCollection('big-3')).toBeUndefined();
  });

  it('says how much space an import needs when the disk is full, and stores none of it', async () => {
    await add('one', ['story-a']);
    const before = await everyStoreAsText(COLLECTIONS_DB);
    quotaExceededOn('sources');
    const big = makePack({ id: 'two', title: 'Synthetic two', publisher: 'Synthetic press' }, [
      { file: 'story-b.md', source: source('story-b').replace('A synthetic paragraph.', 'x'.repeat(600_000)) },
    ]);
    const refused = addCollection(big, { storyIds: ['story-b'], passageCount: 1 });
    await expect(refused).rejects.toBeInstanceOf(NotEnoughSpace);
    // The source and about as much again for the index cached beside it: 1.2 MB, said as 2.
    await expect(refused).rejects.toThrow('not enough space: about 2 MB needed');
    expect(await everyStoreAsText(COLLECTIONS_DB)).toEqual(before);
    expect((await listCollections()).map((c) => c.id)).toEqual(['one']);
  });
});
