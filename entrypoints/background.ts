import { browser } from 'wxt/browser';
import { createFirsthandService, registerFirsthandService } from '@/src/background/firsthand-service';
import { openOnboardingOnInstall } from '@/src/background/onboarding';
import { registerWaysIn } from '@/src/background/ways-in';
import { BUNDLE_PATH, type CorpusBundle } from '@/src/search/bundle';

export default defineBackground(() => {
  openOnboardingOnInstall();
  registerWaysIn();
  registerFirsthandService(
    createFirsthandService({
      // A file of the extension itself: no network request leaves the browser.
      loadBundle: async () => {
        const res = await fetch(browser.runtime.getURL(BUNDLE_PATH as '/'));
        return (await res.json()) as CorpusBundle;
      },
    }),
  );
});
