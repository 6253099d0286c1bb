/**
 * Tab events wake a stopped service worker, whichever tab they come from: every navigation
 * in every tab, every page that changes its title (a chat's unread count, a ticker). A
 * worker woken costs the machine its start-up each time. Firsthand listens to tab events
 * only while some tab has results (src/background/tab-pages.ts, followTabs): on a browser
 * where nothing is shown, a page's title change leaves the worker stopped. The control:
 * the same change, once a tab has results, wakes it; and a tab with results that goes
 * elsewhere, while the worker is stopped, still loses its badge.
 *
 * The page here is made up for the test: a recipe that names nothing Firsthand looks for.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages } from '../src/testing/fixture-pages';
import { type Harness, inPage, launch, PILL, until } from '../src/testing/harness';

const RECIPE = 'https://www.example.org/recipes/lentil-soup';
const RECIPE_HTML =
  '<!doctype html><html lang="en"><title>Lentil soup</title><h1>Lentil soup</h1>' +
  '<p>Simmer the lentils for twenty minutes with an onion, then season and serve.</p></html>';

let h: Harness;
/**
 * An extension page that listens to tab events itself, as the worker would: it sees an
 * event when the browser hands it out, which is when the worker would be woken for it. The
 * browser hands out a title change some time after the page sets it (Chromium gathers a
 * tab's updates for up to 200 ms), so the page's own view of its title is no signal.
 */
let witness: Page;

beforeAll(async () => {
  h = await launch();
  h.serve(RECIPE, RECIPE_HTML);
  const famine = fixturePages.famineOrphans;
  if (!famine) throw new Error('no famineOrphans fixture page');
  h.serve(famine.url, h.fixture(famine.file));
  witness = await h.extensionPage('options.html');
  await witness.evaluate(() => {
    const seen: string[] = [];
    (globalThis as { seen?: string[] }).seen = seen;
    chrome.tabs.onUpdated.addListener((_id, change) => {
      if (change.title) seen.push(`title ${change.title}`);
    });
    chrome.tabs.onRemoved.addListener((id) => seen.push(`removed ${id}`));
  });
});
afterAll(async () => {
  await h?.close();
});

/** Whether the background listens to tab events now (asked of the running worker). */
async function listensToTabs(): Promise<boolean> {
  const worker = await h.worker();
  return worker.evaluate(() => chrome.tabs.onUpdated.hasListeners() || chrome.tabs.onRemoved.hasListeners());
}

/** Whether the worker started since `from` statuses (`h.workerStatuses`). */
const startedSince = async (from: number) => (await h.workerStatuses()).slice(from).includes('starting');

/** Waits until the witness has been handed a tab event. */
const witnessed = (event: string) =>
  until(`the browser to hand out the tab event "${event}"`, () =>
    witness.evaluate((e) => (globalThis as { seen?: string[] }).seen?.includes(e) ?? false, event),
  );

/**
 * Stops the worker, then changes a page's title; returns once the browser has handed out
 * the tab event (to the witness), with the count of the worker's statuses before the
 * change. A start the event asked for is asked for as it is handed out, and reported on
 * the round trip `h.workerStatuses` makes after it: the control below sees it there, and
 * on the build before this change the first check did too.
 */
async function changeTitle(page: Page): Promise<number> {
  await h.stopWorker();
  const from = (await h.workerStatuses()).length;
  const title = `Lentil soup, ${Math.random()}`;
  await page.evaluate((t) => {
    document.title = t;
  }, title);
  await witnessed(`title ${title}`);
  return from;
}

/** Whether the popup lists results "On this page" for a tab, once it is ready. */
async function onThisPage(tabId: number): Promise<boolean> {
  const popup = await h.popup({ tabId });
  await popup.waitForFunction(() => performance.getEntriesByName('firsthand:popup-ready').length > 0);
  const listed = (await popup.getByText('On this page').count()) > 0;
  await popup.close();
  return listed;
}

/** Stops the worker, then closes a tab; returns once the browser has handed out the event (as `changeTitle`). */
async function closeTab(page: Page): Promise<number> {
  // Asked of the witness: `h.tabIdOf` asks the worker, which a check before may have left stopped.
  await page.bringToFront();
  const tabId = await witness.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({ active: true });
    return tabs.find((t) => t.url === url)?.id;
  }, page.url());
  if (tabId === undefined) throw new Error(`no tab shows ${page.url()}`);
  await h.stopWorker();
  const from = (await h.workerStatuses()).length;
  await page.close();
  await witnessed(`removed ${tabId}`);
  return from;
}

describe('the service worker', () => {
  it('is not woken by tab events while no tab has results, and is once one has', async () => {
    const recipe = await h.context.newPage();
    await recipe.goto(RECIPE);
    expect(await h.scanned(recipe)).toMatchObject({ told: false });
    // It listened as it started (an event may be what woke it), and stops: no tab has results.
    await until('the background to stop listening to tab events', async () => !(await listensToTabs()));
    expect(await startedSince(await changeTitle(recipe))).toBe(false);
    expect(await startedSince(await changeTitle(recipe))).toBe(false);
    // Nor does closing a tab.
    const another = await h.context.newPage();
    await another.goto(RECIPE);
    expect(await startedSince(await closeTab(another))).toBe(false);

    // The control: a tab with results. The same change on the same page now wakes it.
    const article = await h.context.newPage();
    await article.goto(fixturePages.famineOrphans?.url ?? '');
    await inPage(article).waitFor(PILL);
    expect(await listensToTabs()).toBe(true);
    // The same single look as the checks above, so that a start they could miss, this misses too.
    expect(await startedSince(await changeTitle(recipe))).toBe(true);
    const closed = await h.context.newPage();
    await closed.goto(RECIPE);
    expect(await startedSince(await closeTab(closed))).toBe(true);

    // A tab with results that goes elsewhere while the worker is stopped loses them (the
    // popup, which reads them from session storage, no longer lists them), and with no tab
    // left with results, the background stops listening again.
    const tabId = await h.tabIdOf(article);
    expect(await onThisPage(tabId)).toBe(true);
    await h.stopWorker();
    await article.goto(RECIPE);
    await until("the tab's results to go", async () => !(await onThisPage(tabId)));
    expect(await h.badgeText(tabId)).toBe('');
    await until('the background to stop listening to tab events', async () => !(await listensToTabs()));
    expect(await startedSince(await changeTitle(recipe))).toBe(false);
    await Promise.all([recipe.close(), article.close()]);
  });
});
