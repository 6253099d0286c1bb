import { pageGateText } from '@/src/detect/gate-text';
import { runInSlices } from '@/src/detect/run-in-slices';
import { MIN_INTERVAL_MS, SETTLE_MS } from '@/src/detect/watch-page';
import { type GateTest, mayMentionGate } from '@/src/lexicon/gate-precheck';
import { articleUrl } from '@/src/messaging/article-url';
import { onLight, sendLight } from '@/src/messaging/light-messaging';
import { oneAtATime } from './one-at-a-time';
import { setScanRecord } from './scan-record';

/**
 * Stage 0 of the page pipeline, on every page (src/page/firsthand-gate.ts): a few
 * kilobytes with no WXT runtime and no polyfill. It asks one regular expression whether
 * the page may name North Korea and, where it may, tells the background, which injects
 * the detection script (stage 1) if Firsthand runs on that site; that script then follows
 * the page, and this one stops.
 *
 * Until then it follows the page cheaply: one MutationObserver, whose bursts of changes
 * (late content, and the new article of a single-page app's navigation, whose address it
 * reads then) it tests again, at most every few seconds. It touches no extension API until
 * the page may be about North Korea: a page that is not costs the test and nothing else.
 *
 * What it sends the background is the bare fact "maybe": no word of the page. The
 * background reads the address from the sender, as it does for any tab.
 */
export function runPageGate(doc: Document, gate: GateTest): void {
  const scans = { finished: 0, url: '', told: false };
  let stopped = false;
  const observer = new MutationObserver(() => schedule());
  const stop = () => {
    stopped = true;
    observer.disconnect();
  };
  setScanRecord(() => ({ ...scans, idle: testing.idle() && timer === undefined }));

  let listening = false;
  const test = async () => {
    const url = articleUrl(location.href);
    scans.url = url;
    if (!(await runInSlices(mayMentionGate(pageGateText(doc), gate)))) return;
    // Moved on while testing: the next burst of changes tests the new article.
    if (articleUrl(location.href) !== url || stopped) return;
    try {
      // The detection script runs here now, and follows the page: stop.
      if (await sendLight('pageMayMention')) stop();
      else if (!listening) {
        // Not on this site: asked again if the reader switches it back on.
        listening = true;
        onLight('rescanPage', retest);
      }
    } catch {
      // The extension was updated or removed: this script is an orphan now.
      if (globalThis.chrome?.runtime?.id === undefined) stop();
    }
  };

  const testing = oneAtATime(test, {
    after: () => {
      scans.finished += 1;
      lastRun = Date.now();
    },
    alive: () => !stopped,
  });
  const retest = testing.request;

  let timer: number | undefined;
  let lastRun = 0;
  const schedule = () => {
    if (timer !== undefined || stopped) return;
    const due = Math.max(Date.now() + SETTLE_MS, lastRun + MIN_INTERVAL_MS);
    timer = window.setTimeout(() => {
      timer = undefined;
      if (!stopped) retest();
    }, due - Date.now());
  };

  // The first test in a task of its own, not in the one that evaluates this script.
  window.setTimeout(retest, 0);
  // The root, not <body>: some apps replace <body> itself.
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
}
