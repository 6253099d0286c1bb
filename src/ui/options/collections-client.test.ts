import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredCollection } from '@/src/collections/collection-store';
import { ImportRefused, packHash } from '@/src/collections/import-outcome';
import { makePack } from '@/src/corpus/collection-pack';
import type { ProtocolMap } from '@/src/messaging/protocol';

/** The background's answers, message by message (each test says what it answers). */
const answers = vi.hoisted(() => new Map<string, (data: unknown) => Promise<unknown>>());
vi.mock('@/src/messaging/protocol', () => ({
  sendMessage: (type: string, data: unknown) => {
    const answer = answers.get(type);
    return answer ? answer(data) : Promise.reject(new Error(`no answer to ${type}`));
  },
}));
const answer = <K extends keyof ProtocolMap>(
  type: K,
  with_: (data: Parameters<ProtocolMap[K]>[0]) => Promise<unknown>,
) => answers.set(type, with_ as (data: unknown) => Promise<unknown>);

const { collectionsClient } = await import('./collections-client');
const { store } = collectionsClient;

// A SYNTHETIC pack: not testimony.
const pack = makePack({ id: 'synthetic-archive', title: 'Synthetic archive', publisher: 'Synthetic press' }, [
  { file: 'synthetic-a.md', source: 'SYNTHETIC' },
]);
const counts = { storyIds: ['synthetic-a'], passageCount: 1 };
const stored = (over: Partial<StoredCollection> = {}): StoredCollection => ({
  ...pack.collection,
  enabled: true,
  importedAt: '2026-11-23T09:00:00.000Z',
  storyCount: 1,
  passageCount: 1,
  storyIds: ['synthetic-a'],
  contentHash: packHash(pack),
  ...over,
});
const portClosed = () => Promise.reject(new Error('The message port closed before a response was received.'));

beforeEach(() => answers.clear());

describe('the options page’s collections, through the background', () => {
  it('imports through the background, and reads its refusal as the store’s error', async () => {
    answer('importCollection', async () => ({ stored: stored() }));
    expect(await store.add(pack, counts)).toEqual(stored());
    answer('importCollection', async () => ({ refused: { reason: 'collection-exists', id: 'synthetic-archive' } }));
    await expect(store.add(pack, counts)).rejects.toEqual(new ImportRefused('collection-exists', 'synthetic-archive'));
  });

  it('takes an import the worker stored before it stopped for stored: this pack, by its hash', async () => {
    answer('importCollection', portClosed);
    answer('listCollections', async () => [stored()]);
    expect(await store.add(pack, counts)).toEqual(stored());
  });

  it('says the import failed when the worker stopped first, or another pack holds the id', async () => {
    answer('importCollection', portClosed);
    answer('listCollections', async () => []);
    await expect(store.add(pack, counts)).rejects.toThrow('message port closed');
    answer('listCollections', async () => [stored({ contentHash: 'another pack' })]);
    await expect(store.add(pack, counts)).rejects.toThrow('message port closed');
  });

  it('exports nothing for a collection that is not there', async () => {
    answer('exportCollection', async () => null);
    expect(await store.exportPack('gone')).toBeUndefined();
  });
});
