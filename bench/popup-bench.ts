/**
 * npm run bench:popup — how fast the toolbar popup shows useful content, in headless
 * Chromium with the built extension and the bundled corpus (a benchmark, not a test).
 *
 * The popup is the toolbar's own: opened with `chrome.action.openPopup` for the window of a
 * tab whose article has matches, from an extension page in another window, and read over
 * DevTools. "Ready" is the popup's own `firsthand:popup-ready` mark: the search box is
 * focused and "On this page" shows the tab's cards. Measured from the navigation's start:
 * - worker running;
 * - worker stopped first, as Chrome does to an idle one (the popup reads the tab's results
 *   from session storage, so it should not wait for the worker);
 * - first search: from typing "famine" (a fresh popup, worker stopped) until its results
 *   show, minus the popup's 80 ms typing debounce, so it is the search itself.
 * Each "ready" is compared with the floor's, a popup opened the same way (worker running, or
 * stopped first): issue 13 wants the popup within 15 ms of it.
 *
 * Earlier stops opened the popup as a tab (`popup.html?tabId=N`), which the bench still does
 * beside it, as a reference: a new tab is a tab event, and while a tab has results the
 * background listens to those, so there the browser starts a stopped worker beside the
 * popup. The toolbar's popup is no tab.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { fixturePages } from '../src/testing/fixture-pages';
import { SEARCH_DEBOUNCE_MS } from '../src/ui/popup/Popup';

// The floor: an extension page whose one module script writes a line of text and sets the
// same mark, added to a copy of the build (never shipped). It says what any extension page
// costs on this machine before Firsthand's own work.
const build = process.env.FIRSTHAND_EXTENSION_DIR ?? join(import.meta.dirname, '../.output/chrome-mv3');
const copy = join(mkdtempSync(join(tmpdir(), 'firsthand-popup-bench-')), 'extension');
cpSync(build, copy, { recursive: true });
writeFileSync(
  join(copy, 'floor.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body><div id="app"></div><script type="module" src="/floor.js"></script></body></html>',
);
writeFileSync(
  join(copy, 'floor.js'),
  `document.getElementById('app').textContent = 'Firsthand'; performance.mark('firsthand:popup-ready');`,
);
process.env.FIRSTHAND_EXTENSION_DIR = copy;
// Loaded after the variable is set: the harness reads it when it loads.
const { inPage, launch, PILL } = await import('../src/testing/harness');

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET_MS = 100;
/** Issue 13: the popup shows its tab's testimonies within this much of the floor. */
const FLOOR_TARGET_MS = 15;

const h = await launch();
const fixture = fixturePages.famineOrphans;
if (!fixture) throw new Error('no famineOrphans fixture');
h.serve(fixture.url, h.fixture(fixture.file));
const article = await h.context.newPage();
await article.goto(fixture.url);
// The pill is in a closed shadow root: Playwright's locators cannot see it (e2e/in-page.ts).
await inPage(article).waitFor(PILL, { timeout: 15_000 });
const tabId = await h.tabIdOf(article);
const popupUrl = `chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`;

/** What the popup shows once ready: its mark and first paint, from the navigation's start. */
const READY = `new Promise((resolve) => {
  const check = () => {
    const ready = performance.getEntriesByName('firsthand:popup-ready')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    if (ready && fcp) resolve({ ready: ready.startTime, fcp: fcp.startTime, cards: document.querySelectorAll('.fh-popup__on-page [data-passage-id]').length });
    else setTimeout(check, 5);
  };
  check();
})`;
/** Types "famine" into the search box: how long until its results show. */
const SEARCH = `new Promise((resolve) => {
  const box = document.querySelector('input[type="search"]');
  const start = performance.now();
  new MutationObserver((_, observer) => {
    if (document.querySelector('section[aria-busy="false"] [data-passage-id]')) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true });
  box.value = 'famine';
  box.dispatchEvent(new Event('input', { bubbles: true }));
})`;
interface Opened {
  ready: number;
  fcp: number;
  cards: number;
}

// DevTools, for the targets: the toolbar's popup is one, not a page Playwright knows.
const cdp = await h.context.newCDPSession(article);

/** Evaluates in a target Playwright does not drive, through the session of `over`. */
async function inTarget(over: CDPSession, targetId: string) {
  const { sessionId } = await over.send('Target.attachToTarget', { targetId, flatten: false });
  let next = 0;
  return (expression: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      const onMessage = (event: { sessionId?: string; message: string }) => {
        if (event.sessionId !== sessionId) return;
        const reply = JSON.parse(event.message) as {
          id?: number;
          result?: { result?: { value?: unknown }; exceptionDetails?: unknown };
          error?: unknown;
        };
        if (reply.id !== id) return;
        over.off('Target.receivedMessageFromTarget', onMessage);
        if (reply.error || reply.result?.exceptionDetails) reject(new Error(JSON.stringify(reply)));
        else resolve(reply.result?.result?.value);
      };
      over.on('Target.receivedMessageFromTarget', onMessage);
      void over.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({
          id,
          method: 'Runtime.evaluate',
          params: { expression, awaitPromise: true, returnByValue: true },
        }),
      });
    });
}

// The toolbar's popup is opened from an extension page in a window of its own (opening one
// is a tab event: done once, before any run), for the article's window.
const worker = await h.worker();
const articleWindow = await worker.evaluate(async (id) => (await chrome.tabs.get(id)).windowId, tabId);
const opener = h.context.waitForEvent('page');
await worker.evaluate(async () => {
  await chrome.windows.create({ url: chrome.runtime.getURL('/floor.html'), focused: false });
});
const helper = await opener;
await helper.waitForLoadState();

/** Opens the toolbar's popup showing `file` for the article's window, and waits until it is ready. */
async function openToolbarPopup(file: string, afterwards?: string): Promise<Opened & { afterwards?: unknown }> {
  const seen = new Set(((await cdp.send('Target.getTargets')).targetInfos ?? []).map((t) => t.targetId));
  await helper.evaluate(
    async ([popup, windowId]) => {
      await chrome.action.setPopup({ popup });
      await chrome.action.openPopup({ windowId });
    },
    [file, articleWindow] as const,
  );
  let targetId: string | undefined;
  for (let i = 0; !targetId; i++) {
    if (i > 1500) throw new Error(`the toolbar's popup (${file}) did not open`);
    const { targetInfos } = await cdp.send('Target.getTargets');
    targetId = targetInfos.find((t) => !seen.has(t.targetId) && t.url.endsWith(`/${file}`))?.targetId;
    if (!targetId) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const evaluate = await inTarget(cdp, targetId);
  const opened = (await evaluate(READY)) as Opened;
  const after = afterwards ? await evaluate(afterwards) : undefined;
  await cdp.send('Target.closeTarget', { targetId });
  return { ...opened, afterwards: after };
}

/** Opens the popup (or the floor page) as a tab, as earlier stops did, and waits until it is ready. */
async function openAsTab(url: string): Promise<Opened> {
  const page: Page = await h.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(url);
  const opened = (await page.evaluate(READY)) as Opened;
  await page.close();
  return opened;
}

const checked = (o: Opened) => {
  if (o.cards === 0) throw new Error('the popup was ready without the tab’s cards');
  return o;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

const toolbar = { warm: [] as Opened[], cold: [] as Opened[], floor: [] as Opened[], floorCold: [] as Opened[] };
const asTab = { warm: [] as Opened[], cold: [] as Opened[], floor: [] as Opened[], floorCold: [] as Opened[] };
const searches: number[] = [];
const floorUrl = `chrome-extension://${h.extensionId}/floor.html`;
// One unmeasured opening of each, so the first run does not pay for Chromium's own first start-up.
await openToolbarPopup('popup.html');
await openAsTab(popupUrl);
for (let run = 0; run < RUNS; run++) {
  // The floor with the worker stopped too: the popup is compared with what it can be.
  toolbar.floor.push(await openToolbarPopup('floor.html'));
  toolbar.warm.push(checked(await openToolbarPopup('popup.html')));
  await h.stopWorker();
  toolbar.floorCold.push(await openToolbarPopup('floor.html'));
  await h.stopWorker();
  toolbar.cold.push(checked(await openToolbarPopup('popup.html')));
  await h.stopWorker();
  const searched = await openToolbarPopup('popup.html', SEARCH);
  searches.push((searched.afterwards as number) - SEARCH_DEBOUNCE_MS);

  asTab.floor.push(await openAsTab(floorUrl));
  asTab.warm.push(checked(await openAsTab(popupUrl)));
  await h.stopWorker();
  asTab.floorCold.push(await openAsTab(floorUrl));
  await h.stopWorker();
  asTab.cold.push(checked(await openAsTab(popupUrl)));
}
await helper.evaluate(() => chrome.action.setPopup({ popup: 'popup.html' }));
await h.close();

const row = (name: string, xs: number[]) =>
  `| ${name} | ${median(xs).toFixed(1)} ms | ${p95(xs)?.toFixed(1)} ms | ${Math.max(...xs).toFixed(1)} ms |`;
const ready = (xs: Opened[]) => xs.map((r) => r.ready);
const paint = (xs: Opened[]) => xs.map((r) => r.fcp);
const above = (xs: Opened[], base: Opened[], at = ready) => median(at(xs)) - median(at(base));
console.log(`Firsthand popup, ${RUNS} runs, from navigation start (target: useful content < ${TARGET_MS} ms)\n`);
console.log('| measure | median | p95 | max |');
console.log('| --- | --- | --- | --- |');
console.log(row('ready, worker running ("On this page" shown)', ready(toolbar.warm)));
console.log(row('first contentful paint, worker running', paint(toolbar.warm)));
console.log(row('ready, worker stopped first', ready(toolbar.cold)));
console.log(row('first contentful paint, worker stopped first', paint(toolbar.cold)));
console.log(row('first search ("famine"), worker stopped, debounce excluded', searches));
console.log(row('floor: a one-line popup, ready', ready(toolbar.floor)));
console.log(row('floor: a one-line popup, first contentful paint', paint(toolbar.floor)));
console.log(row('floor: a one-line popup, ready, worker stopped first', ready(toolbar.floorCold)));
console.log(row('floor: a one-line popup, first contentful paint, worker stopped first', paint(toolbar.floorCold)));
console.log(
  `\nReady above the floor (medians): worker running ${above(toolbar.warm, toolbar.floor).toFixed(1)} ms, worker stopped ${above(toolbar.cold, toolbar.floorCold).toFixed(1)} ms (target: within ${FLOOR_TARGET_MS} ms)`,
);
// What the reader sees: the browser shows the popup after its load event and paints it some
// frames later, so a change can bring "ready" forward and the paint back (docs/benchmarks.md).
console.log(
  `First paint above the floor's (medians): worker running ${above(toolbar.warm, toolbar.floor, paint).toFixed(1)} ms, worker stopped ${above(toolbar.cold, toolbar.floorCold, paint).toFixed(1)} ms`,
);
const verdict = median(ready(toolbar.cold)) < TARGET_MS && median(ready(toolbar.warm)) < TARGET_MS;
console.log(`Ready under ${TARGET_MS} ms (median, both cases): ${verdict ? 'yes' : 'no'}`);
console.log(`
The same, opened as a tab (popup.html?tabId=N), as earlier stops measured it; a new tab is a
tab event, which starts a stopped worker beside it while a tab has results:
| measure | median | p95 | max |
| --- | --- | --- | --- |`);
console.log(row('as a tab: ready, worker running', ready(asTab.warm)));
console.log(row('as a tab: ready, worker stopped first', ready(asTab.cold)));
console.log(row('as a tab: floor, ready', ready(asTab.floor)));
console.log(row('as a tab: floor, ready, worker stopped first', ready(asTab.floorCold)));
console.log(
  `As a tab, above its floor (medians): worker running ${above(asTab.warm, asTab.floor).toFixed(1)} ms, worker stopped ${above(asTab.cold, asTab.floorCold).toFixed(1)} ms`,
);
