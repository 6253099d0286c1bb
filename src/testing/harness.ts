/**
 * Starts Debian's Chromium with the built extension, serving fixture pages at their real
 * addresses through request routing: nothing leaves the machine, and every request the
 * browser tries is recorded so a test can prove the extension made none of its own.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type BrowserContext, chromium, type Locator, type Page, type Worker } from 'playwright-core';
import { expect } from 'vitest';
import type { ScanRecord } from '../page/scan-record';
import { IN_PAGE_HOST, inPageEvaluate, isolatedEvaluate, loadIntoIsolatedWorld, until } from './in-page';

export {
  clickPillThroughPiercedDom,
  IN_PAGE_HOST,
  type InPage,
  inPage,
  inPageEvaluate,
  isolatedEvaluate,
  PANEL,
  PILL,
  TERM_CARD,
  until,
} from './in-page';

process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built extension; FIRSTHAND_EXTENSION_DIR points at another build (a copy under test). */
export const extensionDir = process.env.FIRSTHAND_EXTENSION_DIR ?? join(root, '.output/chrome-mv3');
export const artifactsDir = join(root, 'test-results/e2e');

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  /** Every request the browser made, in order. */
  requests: string[];
  /** Serves `html` at `url` (and records it as the test page's own). */
  serve(url: string, html: string): void;
  fixture(name: string): string;
  worker(): Promise<Worker>;
  tabIdOf(page: Page): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  /**
   * Stops the extension's service worker, as Chrome does to an idle one, and waits until the
   * browser says it is stopped. It opens no tab (a tab event could wake the worker again).
   */
  stopWorker(): Promise<void>;
  /**
   * Every running status the browser has reported for the extension's worker, in order
   * ('starting', 'running', 'stopping', 'stopped'), up to a DevTools round trip made now on
   * the session that reports them: a start asked for before the call is in it.
   */
  workerStatuses(): Promise<readonly string[]>;
  /**
   * Waits until the detection script has read the page at its current address and is idle
   * (its answer, if any, shown), and, where the page changed since it read it, until it has
   * read it again; says whether the background heard of the page: the positive signal a
   * "nothing happened" check waits for instead of a sleep.
   */
  scanned(page: Page, timeout?: number): Promise<{ finished: number; told: boolean }>;
  /** One of the extension's pages (`options.html`...), in a colour scheme and viewport. */
  extensionPage(path: string, options?: ExtensionPageOptions): Promise<Page>;
  /** The toolbar popup as a page: for a tab (`tabId`), or searching `q`; 400 × 600 by default. */
  popup(params?: { tabId?: number; q?: string }, options?: ExtensionPageOptions): Promise<Page>;
  screenshot(page: Page | Locator, name: string, options?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionPageOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

export function chromePath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: apt-get install chromium, or set CHROME_PATH`);
  return path;
}

export interface LaunchOptions {
  /** Default true. A headed browser needs a display. */
  headless?: boolean;
  /**
   * Default true: every request not served by `serve` is refused, so tests run offline and
   * can see any request the extension tries. `npm start` lets a person browse freely.
   */
  offline?: boolean;
  /** More unpacked extensions to load beside Firsthand (the benchmark's reference). */
  alsoLoad?: string[];
  /**
   * The browser's language, e.g. 'ko' (--lang, LANGUAGE, and the pages' navigator.language).
   * Default: the machine's. Extensions get their messages in it; getUILanguage() says it
   * only where Chromium has its locale pack (/usr/lib/chromium/locales/, Debian's
   * chromium-l10n), else en-US.
   */
  lang?: string;
}

export async function launch({
  headless = true,
  offline = true,
  alsoLoad = [],
  lang,
}: LaunchOptions = {}): Promise<Harness> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension at ${extensionDir}: run npm run build first`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'firsthand-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless,
    viewport: { width: 1280, height: 900 },
    ...(lang && { locale: lang, env: { ...process.env, LANGUAGE: lang } }),
    args: [
      ...(lang ? [`--lang=${lang}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${[extensionDir, ...alsoLoad].join(',')}`,
      `--load-extension=${[extensionDir, ...alsoLoad].join(',')}`,
    ],
  });
  const pages = new Map<string, string>();
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    // The extension's own pages and files are not network requests: let them load.
    if (url.startsWith('chrome-extension://')) return route.continue();
    const html = pages.get(url.replace(/#.*$/, ''));
    if (html !== undefined) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    } else if (offline) {
      await route.abort('blockedbyclient');
    } else {
      await route.continue();
    }
  });

  const worker = async () => {
    // The newest: after a restart, the list still holds the stopped worker.
    const existing = context
      .serviceWorkers()
      .filter((w) => w.url().startsWith('chrome-extension://'))
      .at(-1);
    return existing ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  const extensionId = new URL((await worker()).url()).host;
  mkdirSync(artifactsDir, { recursive: true });
  // The worker's running status, from the browser, on the tab the browser opened with: no
  // tab of its own to open (and close) whenever a test stops the worker.
  const statuses: string[] = [];
  const control = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
  control.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions)
      if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) statuses.push(v.runningStatus);
  });
  await control.send('ServiceWorker.enable');

  const harness: Harness = {
    context,
    extensionId,
    requests,
    // As the browser asks for it: a Hangul address percent-encoded.
    serve: (url, html) => void pages.set(new URL(url).href, html),
    fixture: (name) => readFileSync(join(root, 'e2e/fixtures', name), 'utf8'),
    worker,
    async tabIdOf(page) {
      const url = page.url();
      // In front, as a test that goes on to click expects it.
      await page.bringToFront();
      const w = await worker();
      const { ids, showing } = await w.evaluate(async (u) => {
        const tabs = (await chrome.tabs.query({})).filter((t) => t.url === u);
        // Two tabs may show the same address: the page's own tab is the one in front. One
        // alone is the page's, whichever other page a test in parallel brought to front since.
        const ids = (tabs.length > 1 ? tabs.filter((t) => t.active) : tabs).map((t) => t.id ?? -1);
        return { ids, showing: tabs.length };
      }, url);
      const [id] = ids;
      if (id === undefined || id < 0) {
        throw new Error(showing > 1 ? `${showing} tabs show ${url}, none in front` : `no tab shows ${url}`);
      }
      return id;
    },
    async badgeText(tabId) {
      const w = await worker();
      return w.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async stopWorker() {
      // Asked again while it is not stopped: a worker still starting finishes starting first.
      await until('the service worker to stop', async () => {
        if (statuses.at(-1) !== 'stopped') await control.send('ServiceWorker.stopAllWorkers');
        return statuses.at(-1) === 'stopped';
      });
    },
    async workerStatuses() {
      await control.send('ServiceWorker.enable');
      return [...statuses];
    },
    async scanned(page, timeout = 15_000) {
      const tabId = await harness.tabIdOf(page);
      const url = page.url().replace(/#.*$/, '');
      /** The scans finished when a rescan was first seen due: one more must finish. */
      let dueAfter: number | undefined;
      return until(
        `the detection script to finish reading ${url}`,
        async () => {
          const w = await worker();
          const scans = await w.evaluate(async (id) => {
            const [frame] = await chrome.scripting.executeScript({
              target: { tabId: id },
              func: () => {
                const hook = (globalThis as Record<symbol, { scans(): unknown } | undefined>)[
                  Symbol.for('firsthand.detection')
                ];
                return hook?.scans() ?? null;
              },
            });
            return frame?.result as ScanRecord | null;
          }, tabId);
          if (!scans || scans.finished === 0 || !scans.idle || scans.url !== url) return null;
          const read = { finished: scans.finished, told: scans.told };
          if (!scans.rescanDue) return read;
          // The page changed after it was read (its own scripts, late content): read again
          // since. A page that changes all the time is then as read as it will be.
          dueAfter ??= scans.finished;
          return scans.finished > dueAfter ? read : null;
        },
        timeout,
      );
    },
    async extensionPage(path, { viewport, colorScheme } = {}) {
      const page = await context.newPage();
      if (colorScheme) await page.emulateMedia({ colorScheme });
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    popup({ tabId, q } = {}, { viewport = { width: 400, height: 600 }, colorScheme } = {}) {
      const query = new URLSearchParams();
      if (tabId !== undefined) query.set('tabId', String(tabId));
      if (q !== undefined) query.set('q', q);
      const search = query.size > 0 ? `?${query}` : '';
      return harness.extensionPage(`popup.html${search}`, { viewport, colorScheme });
    },
    screenshot: (target, name, options) => screenshot(target, name, options),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/**
 * Saves a screenshot to test-results/e2e/`name`.png, of a page or one element, once its
 * animations have ended (`settleAnimations`: Playwright's `animations: 'disabled'` does not
 * reach the in-page UI's closed root), so an opening panel is shown as a reader sees it,
 * not half-faded, without a sleep; the page is brought to the front first, since a tab
 * behind another runs no animation frames.
 */
export async function screenshot(
  target: Page | Locator,
  name: string,
  { fullPage = false }: { fullPage?: boolean } = {},
): Promise<void> {
  const page = 'page' in target ? target.page() : target;
  await page.bringToFront();
  await settleAnimations(page);
  const path = join(artifactsDir, `${name}.png`);
  if ('page' in target) await target.screenshot({ path });
  else await target.screenshot({ path, fullPage });
}

/**
 * What a hostile page's own script could notice of an extension: messages posted to the
 * window, elements or attributes added to its DOM. Installed before the page's first
 * script; read with `pageSignals(page)`. (Patching `attachShadow` or `customElements` here
 * would prove nothing: the extension's calls run in its isolated world, with its own
 * prototypes, and never show in the page's. `shadowRootsIn` counts shadow roots instead.)
 */
export async function spyOnPage(page: Page, extensionId?: string): Promise<void> {
  await page.addInitScript((id) => {
    const signals: string[] = [];
    (window as unknown as { __signals: string[] }).__signals = signals;
    // Events a script of the extension could dispatch on the page's document or window,
    // named the way WXT names its own (a fingerprinting script knows popular ids).
    if (id) {
      for (const script of ['firsthand', 'firsthand-ui']) {
        for (const event of ['wxt:content-script-started', 'wxt:locationchange']) {
          const name = `${id}:${script}:${event}`;
          for (const target of [document, window]) target.addEventListener(name, () => signals.push(`event ${name}`));
        }
      }
    }
    window.addEventListener('message', (e) => signals.push(`message: ${JSON.stringify(e.data).slice(0, 120)}`), true);
    // The parser adds the page's own nodes: watch from when it is done (content scripts at
    // document_idle run after that).
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) signals.push(`added ${n.nodeName}`);
          if (r.type === 'attributes') signals.push(`attribute ${r.attributeName} on ${(r.target as Element).tagName}`);
        }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
  }, extensionId);
}

/**
 * Signals recorded so far (the page's own parsing excluded), and what the page can see
 * right now: highlights in its registry, style sheets adopted by its document, and — given
 * the extension's id, which a fingerprinting script would know for a popular extension —
 * whether any of its files can be fetched (web-accessible resources).
 */
export async function pageSignals(page: Page, extensionId?: string): Promise<string[]> {
  return page.evaluate(async (id) => {
    const signals = (window as unknown as { __signals: string[] }).__signals.slice();
    if (typeof CSS !== 'undefined' && CSS.highlights?.size) signals.push(`highlights: ${[...CSS.highlights.keys()]}`);
    if (document.adoptedStyleSheets.length) signals.push(`adopted style sheets: ${document.adoptedStyleSheets.length}`);
    const probes = ['manifest.json', 'popup.html', 'options.html', 'content-scripts/firsthand-ui.js'];
    for (const path of id ? probes : []) {
      try {
        await fetch(`chrome-extension://${id}/${path}`);
        signals.push(`web-accessible: ${path}`);
      } catch {
        // not reachable from the page: as it should be
      }
    }
    return signals;
  }, extensionId);
}

/**
 * Every authored shadow root in the page, open or closed, as CDP's pierced DOM shows them (what
 * DevTools sees): a count that an extension's isolated-world `attachShadow` cannot hide.
 */
export async function shadowRootsIn(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type Node = typeof root;
    // The browser's own (an <input>'s, a <video>'s controls) are not the page's or ours.
    const authored = (node: Node) => (node.shadowRoots ?? []).filter((r) => r.shadowRootType !== 'user-agent');
    const count = (node: Node): number =>
      authored(node).length +
      [...authored(node), ...(node.children ?? [])].reduce((sum, child) => sum + count(child), 0);
    return count(root);
  } finally {
    await cdp.detach();
  }
}

/** The tags every surface is judged by: WCAG 2.0 and 2.1, A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
/** One rule's finding (axe-core's `Result`). */
export type AxeResult = AxeResults['violations'][number];

/**
 * Rules axe 4.14 declares `reviewOnFail`: when their check fails, axe files the node under
 * "incomplete" (needs review) instead of "violations". A failure is a failure here.
 */
const REVIEW_ON_FAIL = new Set(['duplicate-id-aria', 'bypass', 'frame-title-unique', 'aria-braille-equivalent']);
const isSerious = (v: AxeResult) => v.impact === 'serious' || v.impact === 'critical';

/** A finding as the person fixing it needs it: which rule, how bad, where, and why. */
export function describeFinding(v: AxeResult) {
  return {
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target,
      html: n.html,
      why: n.failureSummary,
      // The measurements behind it: a contrast's colours and ratio, the reason axe gave up.
      data: n.any.map((check) => check.data).filter((data) => data !== null && data !== undefined),
    })),
  };
}
export type AxeFinding = ReturnType<typeof describeFinding>;

/**
 * The one accessibility policy of the suite: axe-core with `AXE_TAGS` on a whole extension
 * page, or (`inPage`) on the in-page UI alone. Fails the test if axe checked nothing or
 * measured no contrast (an audit that cannot fail). Returns the serious and critical
 * findings, those axe filed for review included; the lesser ones and what axe could not
 * decide are printed as notes.
 */
export async function axeAudit(page: Page, { name, inPage = false }: { name: string; inPage?: boolean }) {
  await settleAnimations(page);
  const { violations, passes, incomplete } = inPage ? await axeInPage(page) : await axeOnPage(page);
  expect(passes.length, `axe checked nothing on ${name}`).toBeGreaterThan(0);
  const contrastMeasured = [...passes, ...violations].filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes);
  expect(contrastMeasured.length, `axe measured no contrast on ${name}`).toBeGreaterThan(0);
  const notes = {
    lesser: violations.filter((v) => !isSerious(v)).map(describeFinding),
    // Not failures, but a person should look: a contrast over an image, say.
    undecided: incomplete.filter((r) => !REVIEW_ON_FAIL.has(r.id)).map(describeFinding),
  };
  if (notes.lesser.length + notes.undecided.length > 0) {
    console.info(`a11y ${name}:\n${JSON.stringify(notes, null, 2)}`);
  }
  const failedForReview = incomplete.filter((r) => REVIEW_ON_FAIL.has(r.id));
  return [...violations, ...failedForReview].filter(isSerious).map(describeFinding);
}

/** The axe-core that @axe-core/playwright itself runs: one version for both kinds of audit. */
const axeSource = (): string =>
  (createRequire(import.meta.resolve('@axe-core/playwright'))('axe-core') as { source: string }).source;

function axeOnPage(page: Page): Promise<AxeResults> {
  return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
}

/**
 * axe on the in-page UI, which a page's own axe cannot see (a closed shadow root). It runs
 * in the test's isolated world, where the host's `shadowRoot`, on that world's wrapper of
 * the host alone, returns the root the pierced DOM found: axe sees the live UI as it would
 * an open root, and the page's world still sees null.
 *
 * axe-core builds the stacking grid its contrast check reads from `document.body` down
 * (`createGrid` in axe.js), so the UI, whose host hangs from <html> after <body>, would be
 * in no grid and every contrast undecided. For the audit the host moves into <body> and
 * back, with no motion (moving restarts its opening fade); it is fixed-positioned in the
 * top layer and renders the same in either place.
 */
async function axeInPage(page: Page): Promise<AxeResults> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const moveHost = (into: 'body' | 'html') =>
    isolatedEvaluate(
      page,
      (document, [selector, into]) => {
        const host = document.querySelector<HTMLElement>(selector);
        if (!host) throw new Error(`no ${selector} on the page`);
        (into === 'body' ? document.body : document.documentElement).append(host);
        // Leaving the document closed the popover the UI had opened (src/ui/in-page/in-page-ui.ts).
        if (host.popover && !host.matches(':popover-open')) host.showPopover();
      },
      [IN_PAGE_HOST, into] as const,
    );
  await moveHost('body');
  try {
    await settleAnimations(page);
    await loadIntoIsolatedWorld(page, 'axe', axeSource);
    const results = await inPageEvaluate(
      page,
      async (root, tags) => {
        const world = globalThis as unknown as {
          axe?: { run(context: unknown, options: unknown): Promise<unknown> };
        };
        const host = root.host;
        Object.defineProperty(host, 'shadowRoot', { configurable: true, get: () => root });
        try {
          return JSON.parse(
            JSON.stringify(
              await world.axe?.run({ include: [host] }, { runOnly: { type: 'tag', values: tags }, elementRef: false }),
            ),
          );
        } finally {
          delete (host as { shadowRoot?: unknown }).shadowRoot;
        }
      },
      AXE_TAGS,
    );
    if (!results) throw new Error('no in-page UI to audit');
    return results as AxeResults;
  } finally {
    await moveHost('html');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  }
}

/**
 * Waits until nothing animates: opening animations and fades would make axe read
 * half-transparent colours. Two frames first, since an animation that a change just caused
 * (the panel opening, the dark scheme applied, the host moved and its animations restarted)
 * starts only at the next style pass. In the test's world: a page may replace its own
 * `requestAnimationFrame`.
 */
export async function settleAnimations(page: Page): Promise<void> {
  // An endless animation (a spinner) never ends: only the others are waited for.
  for (let settled = false; !settled; ) {
    const inDocument = await isolatedEvaluate(page, async (document) => {
      const view = document.defaultView as Window;
      await new Promise((resolve) => view.requestAnimationFrame(() => view.requestAnimationFrame(resolve)));
      const running = document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity);
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
      return running.length;
    });
    // The document's list leaves out shadow trees: the in-page UI's closed root has its own.
    const inUi = await inPageEvaluate(page, async (root) => {
      const running = root.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity);
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
      return running.length;
    });
    settled = inDocument + (inUi ?? 0) === 0;
  }
}
