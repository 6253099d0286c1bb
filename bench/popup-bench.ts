/**
 * npm run bench:popup — how fast the toolbar popup shows useful content, in headless
 * Chromium with the built extension and the bundled corpus (a benchmark, not a test).
 *
 * The popup is opened as the page `popup.html?tabId=N` for a tab whose article has matches
 * (the toolbar opens the same document in its own frame). "Ready" is the popup's own
 * `firsthand:popup-ready` mark: the search box is focused and "On this page" shows the tab's
 * cards. Measured from the navigation's start, three ways:
 * - warm: the service worker is running;
 * - cold worker: the worker was stopped first, as Chrome does to an idle one (the popup
 *   reads the tab's results from session storage, so it should not wait for the worker);
 * - first search: from typing "famine" (a fresh popup, worker stopped) until its results
 *   show, minus the popup's 80 ms typing debounce, so it is the search itself.
 * Each "ready" is compared with the floor page's, opened the same way (worker running, or
 * stopped first): issue 13 wants the popup within 15 ms of it.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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

/** Opens the popup (or the floor page), waits for its ready mark, and checks it shows the tab's cards. */
async function openReady(url = popupUrl): Promise<{ ready: number; fcp: number; page: Page }> {
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(url);
  const times = await page.evaluate(`new Promise((resolve) => {
    const check = () => {
      const ready = performance.getEntriesByName('firsthand:popup-ready')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      if (ready && fcp) resolve({ ready: ready.startTime, fcp: fcp.startTime });
      else setTimeout(check, 5);
    };
    check();
  })`);
  const cards = await page.locator('.fh-popup__on-page [data-passage-id]').count();
  if (url === popupUrl && cards === 0) throw new Error('the popup was ready without the tab’s cards');
  return { ...(times as { ready: number; fcp: number }), page };
}

async function firstSearch(): Promise<number> {
  await h.stopWorker();
  const { page } = await openReady();
  const ms = (await page.evaluate(`new Promise((resolve) => {
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
  })`)) as number;
  await page.close();
  return ms - SEARCH_DEBOUNCE_MS;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

const warm: { ready: number; fcp: number }[] = [];
const cold: { ready: number; fcp: number }[] = [];
const searches: number[] = [];
const floor: { ready: number; fcp: number }[] = [];
// The floor with the worker stopped too: a stopped worker can take the extension's process
// with it, which any extension page then pays for; the popup is compared with what it can be.
const floorCold: { ready: number; fcp: number }[] = [];
// One unmeasured opening, so the first run does not pay for Chromium's own first start-up.
await (await openReady()).page.close();
for (let run = 0; run < RUNS; run++) {
  const f = await openReady(`chrome-extension://${h.extensionId}/floor.html`);
  floor.push(f);
  await f.page.close();
  const w = await openReady();
  warm.push(w);
  await w.page.close();
  await h.stopWorker();
  const fc = await openReady(`chrome-extension://${h.extensionId}/floor.html`);
  floorCold.push(fc);
  await fc.page.close();
  await h.stopWorker();
  const c = await openReady();
  cold.push(c);
  await c.page.close();
  searches.push(await firstSearch());
}
await h.close();

const row = (name: string, xs: number[]) =>
  `| ${name} | ${median(xs).toFixed(1)} ms | ${p95(xs)?.toFixed(1)} ms | ${Math.max(...xs).toFixed(1)} ms |`;
console.log(`Firsthand popup, ${RUNS} runs, from navigation start (target: useful content < ${TARGET_MS} ms)\n`);
console.log('| measure | median | p95 | max |');
console.log('| --- | --- | --- | --- |');
console.log(
  row(
    'ready, worker running ("On this page" shown)',
    warm.map((r) => r.ready),
  ),
);
console.log(
  row(
    'first contentful paint, worker running',
    warm.map((r) => r.fcp),
  ),
);
console.log(
  row(
    'ready, worker stopped first',
    cold.map((r) => r.ready),
  ),
);
console.log(
  row(
    'first contentful paint, worker stopped first',
    cold.map((r) => r.fcp),
  ),
);
console.log(row('first search ("famine"), worker stopped, debounce excluded', searches));
console.log(
  row(
    'floor: a one-line extension page, ready',
    floor.map((r) => r.ready),
  ),
);
console.log(
  row(
    'floor: a one-line extension page, first contentful paint',
    floor.map((r) => r.fcp),
  ),
);
console.log(
  row(
    'floor: a one-line extension page, ready, worker stopped first',
    floorCold.map((r) => r.ready),
  ),
);
const above = (xs: { ready: number }[], base: { ready: number }[]) =>
  median(xs.map((r) => r.ready)) - median(base.map((r) => r.ready));
console.log(
  `\nReady above the floor (medians): worker running ${above(warm, floor).toFixed(1)} ms, worker stopped ${above(cold, floorCold).toFixed(1)} ms (target: within ${FLOOR_TARGET_MS} ms)`,
);
const verdict = median(cold.map((r) => r.ready)) < TARGET_MS && median(warm.map((r) => r.ready)) < TARGET_MS;
console.log(`\nReady under ${TARGET_MS} ms (median, both cases): ${verdict ? 'yes' : 'no'}`);
