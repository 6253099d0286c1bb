import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createPageScanner } from '@/src/detect/page-scanner';
import { runInSlices } from '@/src/detect/run-in-slices';
import { findTermRanges, type TermRange } from '@/src/detect/term-ranges';
import { watchPage } from '@/src/detect/watch-page';
import { articleUrl } from '@/src/messaging/article-url';
import { onLight, sendLight } from '@/src/messaging/light-messaging';
import type { PageView } from '@/src/messaging/protocol';
import { inPageView, isLive } from './in-page-view';
import { oneAtATime } from './one-at-a-time';
import { setScanRecord, stageZeroGateTest } from './scan-record';

const RUNNING = Symbol.for('firsthand.detector');

/**
 * Stage 1 of the page pipeline: the detector, injected by the background only into a page
 * whose gate pre-test said "maybe" on a site where Firsthand runs. It reads the article and
 * hands its text to the background, which finds its terms and words (the lexicon, the
 * tokenizer and the page decision live there: none of them is compiled in the page), and
 * it follows the page as it changes.
 *
 * It decides nothing about showing: the background pushes what the page shows, whole
 * (`pageState`), and this script hands it to the in-page UI with where the earning terms
 * occur in the article, which only it knows.
 */
export function runPageDetector(ctx: ContentScriptContext): void {
  // Injected twice into one document (two "maybe"s racing): the first one answers.
  const held = globalThis as { [RUNNING]?: boolean };
  if (held[RUNNING]) return;
  held[RUNNING] = true;
  ctx.onInvalidated(() => {
    held[RUNNING] = false;
  });

  // Injected because stage 0's gate test said "maybe": the first article need not be tested
  // again, and an app's next article is asked of stage 0's test, in this same world. (Only
  // stage 0's "maybe" brings the detector in; without its test, every article may.)
  const scanner = createPageScanner((doc) => stageZeroGateTest()?.(doc) ?? maybe(), { gatePassed: true });
  /** What the background last said the page shows. */
  let view: PageView | null = null;
  /** Where its earning terms are in the article. */
  let marked: TermRange[] = [];

  /** Where the terms that earned the cards occur in the article. */
  const termsOf = (shown: PageView): TermRange[] => {
    const root = scanner.root();
    if (!root || shown.cards.length === 0) return [];
    const earned = new Set(shown.cards.flatMap((card) => card.why));
    return findTermRanges(root, shown.marks, earned, (node) => inPageView()?.contains(node) ?? false);
  };

  /** Hands the UI what it shows; cards for another address (the app moved on) never are. */
  const render = () => {
    const ui = inPageView();
    if (!ui || !view) return;
    const current = view.url === articleUrl(location.href);
    ui.render({
      cards: current ? view.cards : [],
      corner: view.corner,
      terms: current ? marked.filter(isLive) : [],
      ...(current && view.pill ? { pill: view.pill } : {}),
    });
  };

  ctx.onInvalidated(
    onLight('pageState', (data) => {
      view = data;
      marked = termsOf(data);
      render();
    }),
  );
  ctx.onInvalidated(onLight('focusPill', () => inPageView()?.focusPill() ?? false));

  const scans = { finished: 0, url: '', told: false };
  setScanRecord(() => ({ ...scans, idle: scanning.idle(), rescanDue: watching?.due() ?? false }));
  ctx.onInvalidated(() => setScanRecord(undefined));

  /** What the background last heard from this page; '' = nothing. */
  let reported = '';
  const scan = async () => {
    const url = articleUrl(location.href);
    scans.url = url;
    const { article, generation } = await runInSlices(scanner.scan(document));
    // A navigation during the scan: what it read belongs to the old article.
    if (!scanner.current(generation) || articleUrl(location.href) !== url) return;
    // An app's next article that cannot name North Korea: the background never hears of it.
    if (!article) return;
    const report = JSON.stringify([url, article.title, article.paragraphs]);
    if (report === reported) {
      // Nothing new to say; but a page that re-rendered its article took the marked text
      // with it: mark the new text.
      if (view && !marked.every(isLive)) {
        marked = termsOf(view);
        render();
      }
      return;
    }
    reported = report;
    try {
      await sendLight('matchPage', { url, title: article.title, paragraphs: article.paragraphs });
    } catch {
      if (report === reported) reported = ''; // let the next scan say it again
    }
  };

  // One scan at a time: a change during a scan asks for one more after it.
  const scanning = oneAtATime(scan, {
    after: () => {
      scans.finished += 1;
      scans.told = reported !== '';
    },
    alive: () => ctx.isValid,
  });
  const rescan = scanning.request;

  // The first scan in a task of its own, not in the one that evaluates this script.
  ctx.setTimeout(rescan, 0);
  // The background asks again when the reader switches this site back on, changes how many
  // excerpts a page shows, or the collections change.
  ctx.onInvalidated(
    onLight('rescanPage', () => {
      reported = '';
      rescan();
    }),
  );
  const watching = watchPage(
    ctx,
    (change) => {
      if (change === 'navigation') {
        // A new article: read it from scratch, and tell the background everything again
        // (it forgot this tab when the address changed).
        scanner.forget();
        reported = '';
        marked = [];
        // The old article's testimonies do not belong beside the new one.
        render();
      }
      rescan();
    },
    (node) => inPageView()?.contains(node) ?? false,
  );
}

/** No test at hand: the article may name North Korea (the background's gate decides). */
// biome-ignore lint/correctness/useYield: a test of no steps, whose answer is always yes.
function* maybe(): Generator<void, boolean> {
  return true;
}
