/**
 * Starts Debian's firefox-esr headless through puppeteer-core (WebDriver BiDi) with the
 * built Firefox extension installed as a temporary add-on, and serves fixture pages from a
 * local HTTP server at 127.0.0.1 (Firefox has no request routing like Playwright's).
 *
 * The built manifest has no gecko id, so the harness installs a copy of the build whose
 * manifest gets a test-only id: with a known id, the `extensions.webextensions.uuids` pref
 * fixes the add-on's moz-extension:// address, so the test can open the popup page.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, TimeoutError } from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const extensionDir = process.env.FIRSTHAND_FIREFOX_EXTENSION_DIR ?? join(root, '.output/firefox-mv2');
export const artifactsDir = join(root, 'test-results/e2e');
export const fixturesDir = join(root, 'e2e/fixtures');

/** Only for the test copy; the real manifest's id (if any) wins. */
const TEST_GECKO_ID = 'firsthand-e2e@firsthand.test';
export const EXTENSION_UUID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path))
    throw new Error(`Firefox not found at ${path}: apt-get install firefox-esr, or set FIREFOX_PATH`);
  return path;
}

export interface FirefoxHarness {
  browser: Browser;
  /** The add-on id Firefox installed it under. */
  addonId: string;
  /** moz-extension://<uuid> */
  extensionOrigin: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Serves the fixture file (or a file by its absolute path) at `path` on the local server; returns its full URL. */
  serveFixture(path: string, file: string): string;
  /**
   * Opens one of the extension's own pages in a new tab. WebDriver BiDi refuses to navigate
   * to moz-extension:// addresses unless Firefox runs with --remote-allow-system-access.
   */
  extensionPage(path: string): Promise<Page>;
  /**
   * The open tab whose address starts with `prefix`, once there is one. Firefox's BiDi
   * reports an extension page's address as about:blank, so each tab is asked its own.
   */
  findPage(prefix: string, timeout?: number): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

function testCopy(): { dir: string; id: string } {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension at ${extensionDir}: run npx wxt build -b firefox first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'firsthand-ff-ext-'));
  cpSync(extensionDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const existing = manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id;
  const id: string = existing ?? TEST_GECKO_ID;
  if (!existing) {
    manifest.browser_specific_settings = {
      ...manifest.browser_specific_settings,
      gecko: { ...manifest.browser_specific_settings?.gecko, id },
    };
    writeFileSync(manifestPath, JSON.stringify(manifest));
  }
  return { dir, id };
}

export interface FirefoxOptions {
  /** More of Firefox's preferences, such as `ui.systemUsesDarkTheme` for a dark system theme. */
  prefs?: Record<string, unknown>;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxHarness> {
  const { dir: addonDir, id } = testCopy();
  const routes = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const file = routes.get(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(readFileSync(isAbsolute(file) ? file : join(fixturesDir, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), 'firsthand-ff-profile-'));

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Lets WebDriver BiDi navigate a tab to the extension's moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      // Nothing leaves the machine: no captive-portal, telemetry or update checks.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      ...options.prefs,
    },
  });
  let addonId: string;
  try {
    addonId = await browser.installExtension(addonDir);
  } catch (error) {
    await browser.close();
    server.close();
    throw error;
  }

  return {
    browser,
    addonId,
    extensionOrigin: `moz-extension://${EXTENSION_UUID}`,
    origin,
    serveFixture(path, file) {
      routes.set(path, file);
      return origin + path;
    },
    async extensionPage(path) {
      const page = await browser.newPage();
      const url = `moz-extension://${EXTENSION_UUID}${path}`;
      // The page loads (in the extension process), but BiDi never reports its load event to
      // puppeteer: start the navigation, then wait for the document itself.
      await page.goto(url, { timeout: 3000 }).catch((error: unknown) => {
        if (!(error instanceof TimeoutError)) throw error;
      });
      const end = Date.now() + 15_000;
      for (;;) {
        const state = await page
          .evaluate(() => `${location.href} ${document.readyState}`)
          .catch((error: unknown) => String(error));
        if (state === `${url} complete`) return page;
        if (Date.now() > end) throw new Error(`${url} did not load: ${state}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async findPage(prefix, timeout = 15_000) {
      const end = Date.now() + timeout;
      for (;;) {
        for (const page of await browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(prefix)) return page;
        }
        if (Date.now() > end) throw new Error(`no tab opened at ${prefix}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async screenshot(page, name) {
      mkdirSync(artifactsDir, { recursive: true });
      await page.screenshot({ path: join(artifactsDir, `${name}.png`) as `${string}.png` });
    },
    async close() {
      await browser.close().catch(() => {});
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(profile, { recursive: true, force: true });
      rmSync(addonDir, { recursive: true, force: true });
    },
  };
}

/**
 * Reads until `ok`, or until `timeout` ms have passed, and returns the last value read. 30 s:
 * each look at a page may open a probe tab, a second or more on a slow machine (a clean
 * clone's run once timed out at 15 s opening the panel); a wait that is met returns at once.
 */
export async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

/**
 * What the extension sees in the article's UI: its shadow root is closed, so the page's
 * world sees none of it; an extension's script sees it through Firefox's
 * `openOrClosedShadowRoot`, run in the tab by the extension itself (from one of its pages,
 * which has `browser`). The pill's words and box, the cards shown, whether the panel's
 * code is in the page, the pill's and the panel's colours, and what the page pipeline keeps in that world (src/page/scan-record.ts).
 */
export async function lookInPage(h: FirefoxHarness, articleUrl: string) {
  const probe = await h.extensionPage('/popup.html');
  try {
    return await probe.evaluate(async (articleUrl) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const tab = (await api.tabs.query({})).find((t) => t.url === articleUrl);
      if (tab?.id === undefined) return null;
      const [frame] = await api.scripting.executeScript({
        target: { tabId: tab.id },
        func: () => {
          const host = document.querySelector('firsthand-panel') as
            | (Element & { openOrClosedShadowRoot?: ShadowRoot | null })
            | null;
          const root = host?.openOrClosedShadowRoot;
          const box = root?.querySelector('[data-firsthand="pill"]')?.getBoundingClientRect();
          const world = (globalThis as Record<symbol, { scans?: unknown; mayMention?: unknown } | undefined>)[
            Symbol.for('firsthand.detection')
          ];
          const panel = root?.querySelector('.fh-panel');
          const termCard = root?.querySelector('[data-firsthand="term-card"]');
          const inUi = root?.activeElement;
          const inPage = document.activeElement;
          const link = document.getElementById('famine-link');
          return {
            termCard: termCard ? termCard.querySelectorAll('button').length : null,
            uiFocus: inUi ? (inUi.getAttribute('data-firsthand') ?? inUi.className) : null,
            pageFocus: inPage ? inPage.id || inPage.tagName : null,
            focusAfterLink:
              !!inPage && !!link && (link.compareDocumentPosition(inPage) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
            text: root?.querySelector('[data-firsthand="pill"]')?.textContent ?? null,
            pillColour: box
              ? getComputedStyle(root?.querySelector('[data-firsthand="pill"]') as Element).backgroundColor
              : null,
            panelColour: panel ? getComputedStyle(panel).backgroundColor : null,
            pill: box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null,
            placing: !!host?.hasAttribute('data-firsthand-rising') || !!root?.querySelector('.fh-placing'),
            cards: root?.querySelectorAll('[data-passage-id]').length ?? 0,
            panelCode: (globalThis as Record<symbol, unknown>)[Symbol.for('firsthand.in-page-panel')] !== undefined,
            scanRecord: typeof world?.scans,
            gateTest: typeof world?.mayMention,
          };
        },
      });
      return (frame?.result ?? null) as {
        /** The term card's buttons, or null when no term card is open. */
        termCard: number | null;
        /** What has the focus inside the UI's shadow root (its data-firsthand, or class). */
        uiFocus: string | null;
        /** What has the page's focus (its id, or tag), and whether it follows #famine-link. */
        pageFocus: string | null;
        focusAfterLink: boolean;
        text: string | null;
        /** The pill's and the open panel's background colours, as computed. */
        pillColour: string | null;
        panelColour: string | null;
        pill: { x: number; y: number } | null;
        /**
         * The pill is not drawn yet: its host waits to go into the top layer (not laid out:
         * its box is empty), or the pill is being placed clear of the page's bars (laid out,
         * hidden) (in-page-ui.ts, clear-of-page.ts).
         */
        placing: boolean;
        cards: number;
        panelCode: boolean;
        scanRecord: string;
        gateTest: string;
      } | null;
    }, articleUrl);
  } finally {
    await probe.close();
  }
}

/**
 * The relative luminance (WCAG) of an opaque computed `rgb(...)` colour. It throws on
 * anything else, a see-through colour included, so that no colour never passes for black.
 */
export function luminance(colour: string | null | undefined): number {
  const channels = colour
    ?.match(/^rgb\((\d+), (\d+), (\d+)\)$|^rgba\((\d+), (\d+), (\d+), 1\)$/)
    ?.slice(1)
    .filter(Boolean);
  if (!channels) throw new Error(`not an opaque computed colour: ${colour}`);
  const [r = 0, g = 0, b = 0] = channels.map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The background colour an extension page shows: its body's, or its root's where the body has none. */
export const pageColour = (page: Page) =>
  page.evaluate(() => {
    const body = getComputedStyle(document.body).backgroundColor;
    return body === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : body;
  });

/**
 * Where the pill is once it has settled: the same place in two looks in a row. It lifts
 * itself above a page's own bar at the bottom (the fixture's cookie banner) once drawn, and a
 * click at the place it left would miss it. Drawn, too: until it is, its box is laid out where
 * it may not stay, and each look puts the article's tab in the background, where the pill
 * waits to be drawn until the tab is in front again, so two looks can find its box unmoved.
 */
export async function settledPill(look: () => ReturnType<typeof lookInPage>) {
  let last = '';
  const seen = await poll(look, (now) => {
    const here = JSON.stringify(now?.pill ?? null);
    const same = now?.pill != null && !now.placing && here === last;
    // Two drawn looks in a row: a look before it was drawn counts for nothing.
    last = now?.placing ? '' : here;
    return same;
  });
  if (!seen?.pill) throw new Error('no pill settled on the page');
  return seen;
}
