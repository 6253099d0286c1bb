import { pageMayMention } from '@/src/detect/gate-text';
import { runInSlices } from '@/src/detect/run-in-slices';
import { MIN_INTERVAL_MS, SETTLE_MS } from '@/src/detect/watch-page';
import type { GateTest } from '@/src/lexicon/gate-precheck';
import { articleUrl } from '@/src/messaging/article-url';
import { onLight, sendLight } from '@/src/messaging/light-messaging';
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
  // One test at a time; one asked for meanwhile runs after it.
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = 0;
  const mayMention = pageMayMention(gate);
  // The test stays in this world for the detector, once it is injected (scan-record.ts).
  setScanRecord(() => ({ ...scans, idle: !running && !again && timer === undefined, rescanDue: false }), mayMention);

  const finish = () => {
    running = false;
    scans.finished += 1;
    lastRun = Date.now();
    if (again && !stopped) {
      again = false;
      test();
    }
  };

  let listening = false;
  const tell = async (url: string) => {
    try {
      // Moved on while testing: the next burst of changes tests the new article.
      if (articleUrl(doc.URL) !== url || stopped) return;
      // The detection script runs here now, and follows the page: stop.
      if (await sendLight('pageMayMention')) stop();
      else if (!listening) {
        // Not on this site: asked again if the reader switches it back on.
        listening = true;
        onLight('rescanPage', test);
      }
    } catch {
      // The extension was updated or removed: this script is an orphan now.
      if (globalThis.chrome?.runtime?.id === undefined) stop();
    } finally {
      finish();
    }
  };

  const test = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      // The document's address, not `location`'s: the same, and one object fewer to make in this world.
      const url = articleUrl(doc.URL);
      scans.url = url;
      const steps = mayMention(doc);
      // Most pages are one slice, tested in this task: no promise, no await.
      const once = steps.next();
      if (!once.done) {
        runInSlices(steps).then((maybe) => (maybe ? tell(url) : finish()), finish);
        return;
      }
      if (once.value) {
        void tell(url);
        return;
      }
    } catch {
      // A page that breaks the test (a hostile one) is not tested again until it changes.
    }
    finish();
  };

  const schedule = () => {
    if (timer !== undefined || stopped) return;
    const due = Math.max(Date.now() + SETTLE_MS, lastRun + MIN_INTERVAL_MS);
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped) test();
    }, due - Date.now());
  };

  // The first test in a task of its own, not in the one that evaluates this script.
  setTimeout(test);
  // The root, not <body>: some apps replace <body> itself.
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
}
