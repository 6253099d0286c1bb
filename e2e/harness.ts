/**
 * Starts Debian's Chromium with the built extension, serving fixture pages at their real
 * addresses through request routing: nothing leaves the machine, and every request the
 * browser tries is recorded so a test can prove the extension made none of its own.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
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
  /** Stops the extension's service worker, as Chrome does to an idle one. */
  stopWorker(): Promise<void>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
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

  return {
    context,
    extensionId,
    requests,
    serve: (url, html) => void pages.set(url, html),
    fixture: (name) => readFileSync(join(root, 'e2e/fixtures', name), 'utf8'),
    worker,
    async tabIdOf(page) {
      const url = page.url();
      // Two tabs may show the same address: the page's own tab is the one brought to front.
      await page.bringToFront();
      const w = await worker();
      const id = await w.evaluate(async (u) => {
        const tabs = await chrome.tabs.query({ active: true });
        return tabs.find((t) => t.url === u)?.id ?? -1;
      }, url);
      if (id < 0) throw new Error(`no tab shows ${url}`);
      return id;
    },
    async badgeText(tabId) {
      const w = await worker();
      return w.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async stopWorker() {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      await page.close();
    },
    async screenshot(page, name) {
      // Let opening animations finish: a half-faded panel is not what a reader sees.
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(artifactsDir, `${name}.png`) });
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The in-page pill inside the extension's shadow root, if any. */
export const PILL = '[data-firsthand="pill"]';

/**
 * What a hostile page's own script could notice of an extension: messages posted to the
 * window, elements or attributes added to its DOM, shadow roots attached, custom elements
 * defined. Installed before the page's first script; read with `pageSignals(page)`.
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
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      signals.push(`attachShadow on ${this.tagName}`);
      return attach.call(this, init);
    };
    const define = customElements.define.bind(customElements);
    customElements.define = (name, ctor, options) => {
      signals.push(`customElements.define ${name}`);
      define(name, ctor, options);
    };
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
