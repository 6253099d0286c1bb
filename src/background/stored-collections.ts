import {
  clearCache,
  collectionsSignature,
  enabledSources,
  enabledStory,
  readCache,
  writeCache,
} from '@/src/collections/collection-store';
import type { PackedIndex } from '@/src/search/packed-index';
import type { ImportedCollections } from './firsthand-service';

/** Where the combined index of the bundled stories and the enabled collections is cached. */
const INDEX_KEY = 'combined-index';
const textKey = (chunk: number) => `${INDEX_KEY}:text:${chunk}`;

/** The reader's imported collections, and their combined index, in the extension's IndexedDB. */
export function storedCollections(): ImportedCollections {
  return {
    signature: collectionsSignature,
    enabled: async () => {
      const { signature, sources } = await enabledSources();
      return {
        signature,
        sources: sources.map(({ collection, stories }) => ({ collectionId: collection.id, stories })),
      };
    },
    story: enabledStory,
    readCache: (signature) => readCache<PackedIndex>(INDEX_KEY, signature),
    readText: (signature, chunk) => readCache<Uint8Array>(textKey(chunk), signature),
    writeCache: (signature, collections, index, chunks) =>
      writeCache(
        signature,
        [[INDEX_KEY, index], ...chunks.map((bytes, k): [string, Uint8Array] => [textKey(k), bytes])],
        collections,
      ),
    clearCache,
  };
}
