import { assessArticle } from '@/src/detect/assess-page';
import { extractArticle } from '@/src/detect/extract-article';
import { compileLexicon, type Term } from '@/src/detect/lexicon';
import { watchPage } from '@/src/detect/watch-page';
import terms from '@/src/generated/lexicon.json';
import { articleUrl, sendMessage } from '@/src/messaging/protocol';
import { createInPageUi } from '@/src/ui/in-page/mount-in-page-ui';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const matcher = compileLexicon(terms as Term[]);
    const ui = createInPageUi(ctx);
    let reported = '';

    const scan = async () => {
      const detected = assessArticle(extractArticle(document), matcher);
      // Nothing to say and nothing said before: the background never hears of this page.
      const url = articleUrl(location.href);
      const report = JSON.stringify([url, detected]);
      if (report === reported || (detected.length === 0 && reported === '')) return;
      reported = report;
      const matches = await sendMessage('matchPage', { url, terms: detected });
      if (ctx.isValid) await ui.show(matches);
    };
    const rescan = () => void scan().catch(() => {});

    rescan();
    watchPage(ctx, rescan, (node) => ui.contains(node));
  },
});
