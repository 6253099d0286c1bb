import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createPageScanner, runInSlices } from '@/src/detect/page-scanner';
import { findTermRanges, type TermRange } from '@/src/detect/term-ranges';
import { watchPage } from '@/src/detect/watch-page';
// As a string, parsed at start: V8 reads JSON text far faster than it compiles the same
// data as a 30 kB object literal, and the content script runs on every page.
import gateTestJson from '@/src/generated/gate-test.json?raw';
import matcherJson from '@/src/generated/matcher.json?raw';
import { type PackedGateTest, unpackGateTest } from '@/src/lexicon/gate-precheck';
import { type PackedMatcher, unpackMatcher } from '@/src/lexicon/lexicon';
import { articleUrl, onMessage, type PageMatches, sendMessage } from '@/src/messaging/protocol';
import { runsOnPage, WHERE_KEYS, whereItRunsFrom } from '@/src/settings/sites';
import { inPageHook, isLive, type ScanRecord, setDetectionHook } from './in-page-hook';

/**
 * Firsthand on one page: reads the article, tells the background the terms it found,
 * hands what comes back to the in-page UI, and follows the page as it changes.
 */
export function runFirsthandPage(ctx: ContentScriptContext): void {
  const scanner = createPageScanner(unpackGateTest(JSON.parse(gateTestJson) as PackedGateTest), () =>
    unpackMatcher(JSON.parse(matcherJson) as PackedMatcher),
  );
  // The in-page UI is another script, which the background injects into a page with
  // something to show (never in private mode): most pages never load it at all. Once it is
  // there, it takes every answer; one hand-over at a time, so it is injected once.
  let presenting = Promise.resolve();
  /** What the UI shows now, and where its terms are marked. */
  let shown: PageMatches | null = null;
  let marked: TermRange[] = [];
  const present = (matches: PageMatches) => {
    presenting = presenting
      .then(async () => {
        if (!inPageHook() && matches.cards.length > 0) await sendMessage('showInPage', undefined);
        const ui = inPageHook();
        ui?.show(matches, mark(ui ? matches : null));
      })
      .catch(() => {});
    return presenting;
  };

  /** Remembers what the UI shows, and finds where its terms are. */
  const mark = (matches: PageMatches | null) => {
    shown = matches && matches.cards.length > 0 ? matches : null;
    marked = shown ? termsOf(shown) : [];
    return marked;
  };

  /** Where the terms that earned the cards occur in the article. */
  const termsOf = (matches: PageMatches) => {
    const root = scanner.root();
    if (!root) return [];
    const earned = new Set(matches.cards.flatMap((card) => card.why));
    return findTermRanges(root, scanner.matcher(), earned, (node) => inPageHook()?.contains(node) ?? false);
  };

  // The UI, when injected later (back from private mode), asks where the terms are; what
  // it shows is then what a re-rendered article must be marked again for.
  const scans: Omit<ScanRecord, 'idle'> = { finished: 0, url: '', told: false };
  setDetectionHook({ termsOf: mark, scans: () => ({ ...scans, idle: running === null }) });
  ctx.onInvalidated(() => setDetectionHook(undefined));

  // Sites the reader switched off, and with "only on news sites" every site not in the
  // reader's list, are not read at all (PRODUCT.md): where Firsthand runs is asked for at
  // once, and again when it changes or the background says a site was switched back on.
  const readWhere = () =>
    browser.storage.local
      .get([...WHERE_KEYS])
      .then(whereItRunsFrom)
      .catch(() => whereItRunsFrom({}));
  let where = readWhere();
  const onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !WHERE_KEYS.some((key) => key in changes)) return;
    where = readWhere();
    // Not to be read any more: what this page shows goes at once, without a reload (the
    // background forgets the tab's results and badge; it asks again if that is undone).
    void where.then((now) => {
      const url = articleUrl(location.href);
      if (reported === '' || runsOnPage(url, now)) return;
      reported = '';
      void present({ url, cards: [] });
    });
  };
  browser.storage.onChanged.addListener(onStorageChanged);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorageChanged));

  /** What the background last heard from this page; '' = nothing. */
  let reported = '';
  const scan = async () => {
    const url = articleUrl(location.href);
    scans.url = url;
    if (!runsOnPage(url, await where)) return;
    const { detected, words, generation } = await runInSlices(scanner.scan(document));
    // A navigation during the scan: what it read belongs to the old article.
    if (!scanner.current(generation) || articleUrl(location.href) !== url) return;
    // The words too: late paragraphs may add words but no new term, and the ranking reads them.
    const report = JSON.stringify([url, detected, words]);
    if (report === reported) {
      // Nothing new to say; but a page that re-rendered its article took the marked text
      // with it: mark the new text.
      if (shown && !marked.every(isLive)) inPageHook()?.mark(mark(shown));
      return;
    }
    // Nothing to say and nothing said before: the background never hears of this page.
    if (detected.length === 0 && reported === '') return;
    reported = report;
    try {
      const matches = await sendMessage('matchPage', { url, terms: detected, words });
      if (ctx.isValid && report === reported) await present(matches);
    } catch {
      if (report === reported) reported = ''; // let the next scan say it again
    }
  };

  // One scan at a time: a change during a scan asks for one more after it.
  let running: Promise<void> | null = null;
  let again = false;
  const rescan = () => {
    if (running) {
      again = true;
      return;
    }
    running = scan()
      .catch(() => {})
      .finally(() => {
        running = null;
        scans.finished += 1;
        scans.told = reported !== '';
        if (again && ctx.isValid) {
          again = false;
          rescan();
        }
      });
  };

  // The first scan in a task of its own, not in the one that evaluates this script.
  ctx.setTimeout(rescan, 0);
  // The background asks again when the reader switches this site back on, or changes how
  // many excerpts a page shows.
  ctx.onInvalidated(
    onMessage('rescanPage', () => {
      where = readWhere();
      reported = '';
      rescan();
    }),
  );
  watchPage(
    ctx,
    (change) => {
      if (change === 'navigation') {
        // A new article: read it from scratch, and tell the background everything again
        // (it forgot this tab when the address changed).
        scanner.forget();
        reported = '';
        // The old article's testimonies do not belong beside the new one.
        void present({ url: articleUrl(location.href), cards: [] });
      }
      rescan();
    },
    (node) => inPageHook()?.contains(node) ?? false,
  );
}
