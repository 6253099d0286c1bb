import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type PackedMatcher, unpackMatcher } from '@/src/detect/lexicon';
import { createPageScanner, runInSlices } from '@/src/detect/page-scanner';
import { watchPage } from '@/src/detect/watch-page';
// As a string, parsed at start: V8 reads JSON text far faster than it compiles the same
// data as a 30 kB object literal, and the content script runs on every page.
import matcherJson from '@/src/generated/matcher.json?raw';
import { articleUrl, type PageMatches, sendMessage } from '@/src/messaging/protocol';
import type { DisplayMode } from '@/src/settings/display-mode';
import type { InPageUi } from '@/src/ui/in-page/mount-in-page-ui';

/**
 * Firsthand on one page: reads the article, tells the background the terms it found,
 * shows what comes back (unless in private mode), and follows the page as it changes.
 */
export function runFirsthandPage(ctx: ContentScriptContext): void {
  const scanner = createPageScanner(unpackMatcher(JSON.parse(matcherJson) as PackedMatcher));
  // The in-page UI and the settings are evaluated only on a page with something to show
  // (the bundle inlines these imports as functions): most pages never pay for them.
  let ui: InPageUi | null = null;
  const loadUi = async () => {
    ui ??= (await import('@/src/ui/in-page/mount-in-page-ui')).createInPageUi(ctx);
    return ui;
  };
  // Private mode: the page gets nothing at all; the badge and popup still show results.
  // Read only once there is something to show: most pages never need it.
  let mode: Promise<DisplayMode> | null = null;
  let shown: PageMatches = { url: '', cards: [] };
  const currentMode = () =>
    (mode ??= import('@/src/settings/display-mode').then(({ displayMode }) => {
      ctx.onInvalidated(
        displayMode.watch((next) => {
          mode = Promise.resolve(next);
          if (ctx.isValid) void show(shown);
        }),
      );
      return displayMode.getValue();
    }));
  /** Bumped by every show: after each wait, only the latest call may touch the page. */
  let showing = 0;
  const show = async (matches: PageMatches) => {
    shown = matches;
    const call = ++showing;
    if (matches.cards.length === 0 && !ui) return;
    const chosen = await currentMode();
    if (call !== showing) return;
    const hidden = matches.cards.length === 0 || chosen === 'private';
    if (hidden && !ui) return; // nothing shown, nothing to take away
    const loaded = await loadUi();
    if (call !== showing) return;
    await loaded.show(hidden ? { ...matches, cards: [] } : matches);
  };

  /** What the background last heard from this page; '' = nothing. */
  let reported = '';
  const scan = async () => {
    const url = articleUrl(location.href);
    const { detected, generation } = await runInSlices(scanner.scan(document));
    // A navigation during the scan: what it read belongs to the old article.
    if (!scanner.current(generation) || articleUrl(location.href) !== url) return;
    const report = JSON.stringify([url, detected]);
    // Nothing to say and nothing said before: the background never hears of this page.
    if (report === reported || (detected.length === 0 && reported === '')) return;
    reported = report;
    try {
      const matches = await sendMessage('matchPage', { url, terms: detected });
      if (ctx.isValid && report === reported) await show(matches);
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
        if (again && ctx.isValid) {
          again = false;
          rescan();
        }
      });
  };

  rescan();
  watchPage(
    ctx,
    (change) => {
      if (change === 'navigation') {
        // A new article: read it from scratch, and tell the background everything again
        // (it forgot this tab when the address changed).
        scanner.forget();
        reported = '';
        // The old article's testimonies do not belong beside the new one.
        void show({ url: articleUrl(location.href), cards: [] });
      }
      rescan();
    },
    (node) => ui?.contains(node) ?? false,
  );
}
