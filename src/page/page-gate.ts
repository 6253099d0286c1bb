import { pageGateText } from '@/src/detect/gate-text';
import { runInSlices } from '@/src/detect/run-in-slices';
import { watchPage } from '@/src/detect/watch-page';
import { type GateTest, mayMentionGate } from '@/src/lexicon/gate-precheck';
import { articleUrl } from '@/src/messaging/article-url';
import { onLight, sendLight } from '@/src/messaging/light-messaging';
import type { ContentScriptContext } from './page-context';
import { setScanRecord } from './scan-record';

/**
 * Stage 0 of the page pipeline, on every page (entrypoints/firsthand-gate.ts): a few
 * kilobytes with no WXT runtime and no polyfill. It asks one regular expression whether
 * the page may name North Korea and, where it may, tells the background, which injects
 * the detection script (stage 1) if Firsthand runs on that site; that script then follows
 * the page, and this one stops. Until then it follows the page as it changes (late
 * content, a single-page app's navigation) and asks again.
 *
 * What it sends the background is the bare fact "maybe": no word of the page. The
 * background reads the address from the sender, as it does for any tab.
 */
export function runPageGate(ctx: ContentScriptContext, gate: GateTest): void {
  const scans = { finished: 0, url: '', told: false };
  let running: Promise<void> | null = null;
  let again = false;
  setScanRecord(() => ({ ...scans, idle: running === null && !again }));

  const test = async () => {
    const url = articleUrl(location.href);
    scans.url = url;
    if (!(await runInSlices(mayMentionGate(pageGateText(document), gate)))) return;
    // Moved on while testing: the watcher asks again for the new article.
    if (articleUrl(location.href) !== url || !ctx.isValid) return;
    const detecting = await sendLight('pageMayMention').catch(() => false);
    // The detection script runs here now, and answers for the page's scans: stop.
    if (detecting) ctx.notifyInvalidated();
  };

  const retest = () => {
    if (running) {
      again = true;
      return;
    }
    running = test()
      .catch(() => {})
      .finally(() => {
        running = null;
        scans.finished += 1;
        if (again && ctx.isValid) {
          again = false;
          retest();
        }
      });
  };

  // The first test in a task of its own, not in the one that evaluates this script.
  ctx.setTimeout(retest, 0);
  watchPage(ctx, retest, () => false);
  // The background asks again when the reader switches this site back on.
  ctx.onInvalidated(onLight('rescanPage', retest));
}
