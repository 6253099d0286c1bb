import {
  addCollection,
  exportCollection,
  listCollections,
  removeCollection,
  setCollectionEnabled,
} from '@/src/collections/collection-store';
import { sendMessage } from '@/src/messaging/protocol';
import type { CollectionsProps } from './Collections';

/** The Collections section's store (IndexedDB, shared with the background) and messages. */
export const collectionsClient: Omit<CollectionsProps, 'announce'> = {
  store: {
    list: listCollections,
    add: (...args: Parameters<typeof addCollection>) => addCollection(...args),
    setEnabled: setCollectionEnabled,
    remove: removeCollection,
    exportPack: exportCollection,
  },
  bundledStoryIds: () => sendMessage('bundledStoryIds', undefined),
  collectionsChanged: () => sendMessage('collectionsChanged', undefined),
};
