import { browser } from 'wxt/browser';
import { createFirsthandService, registerFirsthandService } from '@/src/background/firsthand-service';
import { openOnboardingOnInstall } from '@/src/background/onboarding';
import { registerWaysIn } from '@/src/background/ways-in';
import {
  collectionsSignature,
  enabledSources,
  enabledStory,
  readCache,
  writeCache,
} from '@/src/collections/collection-store';
import { BUNDLE_PATH, type CorpusBundle } from '@/src/search/bundle';
import type { PackedIndex } from '@/src/search/packed-index';

/** Where the combined index of the bundled stories and the enabled collections is cached. */
const INDEX_KEY = 'combined-index';

let bundle: Promise<CorpusBundle> | undefined;
/** The shipped corpus, read once per worker: a file of the extension itself, no network request. */
function loadBundle(): Promise<CorpusBundle> {
  bundle ??= fetch(browser.runtime.getURL(BUNDLE_PATH as '/'))
    .then((res) => res.json() as Promise<CorpusBundle>)
    .catch((error: unknown) => {
      bundle = undefined;
      throw error;
    });
  return bundle;
}

export default defineBackground(() => {
  openOnboardingOnInstall();
  registerWaysIn();
  registerFirsthandService(
    createFirsthandService({
      loadBundle,
      // The reader's imported collections, and their combined index, in IndexedDB.
      collections: {
        signature: collectionsSignature,
        enabled: async () =>
          (await enabledSources()).map(({ collection, stories }) => ({ collectionId: collection.id, stories })),
        story: enabledStory,
        readCache: (signature) => readCache<PackedIndex>(INDEX_KEY, signature),
        readText: (signature, chunk) => readCache<Uint8Array>(`${INDEX_KEY}:text:${chunk}`, signature),
        writeCache: (signature, index, chunks) =>
          writeCache(signature, [
            [INDEX_KEY, index],
            ...chunks.map((bytes, k): [string, Uint8Array] => [`${INDEX_KEY}:text:${k}`, bytes]),
          ]),
      },
    }),
  );
});
