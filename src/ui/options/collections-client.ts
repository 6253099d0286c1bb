import type { StoredCollection } from '@/src/collections/collection-store';
import { packHash, storedOrThrow } from '@/src/collections/import-outcome';
import type { CollectionPack } from '@/src/corpus/collection-pack';
import { sendMessage } from '@/src/messaging/protocol';
import type { CollectionsProps } from './Collections';

const list = () => sendMessage('listCollections', undefined);

/**
 * Stores a pack through the background. A worker the browser stopped before it answered
 * leaves the import whole or absent (one transaction): the list says which.
 */
async function add(pack: CollectionPack, counts: { storyIds: string[]; passageCount: number }) {
  let outcome: Awaited<ReturnType<typeof sendMessage<'importCollection'>>>;
  try {
    outcome = await sendMessage('importCollection', { pack, ...counts });
  } catch (error) {
    const hash = packHash(pack);
    const landed = (await list().catch((): StoredCollection[] => [])).find(
      (c) => c.id === pack.collection.id && c.contentHash === hash,
    );
    if (landed) return landed;
    throw error;
  }
  return storedOrThrow(outcome);
}

/**
 * The Collections section's store and messages: all through the background, which owns the
 * collections' IndexedDB (issue 13: the page reaches state only through the typed protocol).
 */
export const collectionsClient: Omit<CollectionsProps, 'announce'> = {
  store: {
    list,
    add,
    setEnabled: (id, enabled) => sendMessage('setCollectionEnabled', { id, enabled }),
    remove: (id) => sendMessage('removeCollection', { id }),
    exportPack: async (id) => (await sendMessage('exportCollection', { id })) ?? undefined,
  },
  bundledStoryIds: () => sendMessage('bundledStoryIds', undefined),
  collectionsChanged: () => sendMessage('collectionsChanged', undefined),
};
