import { assessArticle } from '@/src/detect/assess-page';
import { extractArticle } from '@/src/detect/extract-article';
import { compileLexicon, type Term } from '@/src/detect/lexicon';
import { watchPage } from '@/src/detect/watch-page';
import terms from '@/src/generated/lexicon.json';
import { articleUrl, type PageMatches, sendMessage } from '@/src/messaging/protocol';
import { displayMode } from '@/src/settings/display-mode';
import { createInPageUi } from '@/src/ui/in-page/mount-in-page-ui';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  // WXT announces a started content script to the page with window.postMessage; a page's
  // own script could read that and learn the extension is installed (PRODUCT.md, privacy).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const matcher = compileLexicon(terms as Term[]);
    const ui = createInPageUi(ctx);
    // Private mode: the page gets nothing at all; the badge and popup still show results.
    let mode = await displayMode.getValue();
    let shown: PageMatches = { url: '', cards: [] };
    const show = (matches: PageMatches) => {
      shown = matches;
      return ui.show(mode === 'private' ? { ...matches, cards: [] } : matches);
    };
    const unwatch = displayMode.watch((next) => {
      mode = next;
      if (ctx.isValid) void show(shown);
    });
    ctx.onInvalidated(unwatch);
    /** What the background last heard from this page; '' = nothing. */
    let reported = '';
    /** Only the newest scan may show its answer: an older one may arrive later. */
    let latest = 0;

    /** The article as last read: a page that changed elsewhere needs no new term search. */
    let lastRead = '';

    const scan = async () => {
      const url = articleUrl(location.href);
      const article = extractArticle(document);
      const read = `${url}\n${article.title}\n${article.paragraphs.length}\n${article.paragraphs.join('').length}`;
      if (read === lastRead) return;
      lastRead = read;
      const detected = assessArticle(article, matcher);
      const report = JSON.stringify([url, detected]);
      // Nothing to say and nothing said before: the background never hears of this page.
      if (report === reported || (detected.length === 0 && reported === '')) return;
      const seq = ++latest;
      reported = report;
      try {
        const matches = await sendMessage('matchPage', { url, terms: detected });
        if (seq === latest && ctx.isValid) await show(matches);
      } catch {
        if (seq === latest) {
          reported = ''; // let the next scan say it again
          lastRead = '';
        }
      }
    };

    void scan();
    watchPage(
      ctx,
      (change) => {
        // The background forgets a tab when it navigates; say everything again.
        if (change === 'navigation') {
          reported = '';
          lastRead = '';
        }
        void scan();
      },
      (node) => ui.contains(node),
    );
  },
});
