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
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, TimeoutError } from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const extensionDir = process.env.FIRSTHAND_FIREFOX_EXTENSION_DIR ?? join(root, '.output/firefox-mv2');
export const artifactsDir = join(root, 'test-results/e2e');
const fixturesDir = join(root, 'e2e/fixtures');

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
  /** Serves the fixture file at `path` on the local server; returns its full URL. */
  serveFixture(path: string, file: string): string;
  /**
   * Opens one of the extension's own pages in a new tab. WebDriver BiDi refuses to navigate
   * to moz-extension:// addresses unless Firefox runs with --remote-allow-system-access.
   */
  extensionPage(path: string): Promise<Page>;
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

export async function launchFirefox(): Promise<FirefoxHarness> {
  const { dir: addonDir, id } = testCopy();
  const routes = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const file = routes.get(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(fixturesDir, file)));
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
