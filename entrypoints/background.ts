import { browser } from 'wxt/browser';
import { registerCollectionsService } from '@/src/background/collections-service';
import { createFirsthandService, registerFirsthandService } from '@/src/background/firsthand-service';
import { openOnboardingOnInstall } from '@/src/background/onboarding';
import { storedCollections } from '@/src/background/stored-collections';
import { createTabPages, registerTabPages } from '@/src/background/tab-pages';
import { registerWaysIn } from '@/src/background/ways-in';
import { BUNDLE_PATH, type CorpusBundle } from '@/src/search/bundle';

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
  // The reader's imported collections, and their combined index, in IndexedDB.
  const service = createFirsthandService({ loadBundle, collections: storedCollections() });
  const pages = createTabPages({ read: service.readPage });
  registerWaysIn(browser, { showsPill: pages.showsPill });
  registerTabPages(pages);
  registerFirsthandService(service, pages);
  registerCollectionsService({ bundledStoryIds: service.bundledStoryIds });
});
