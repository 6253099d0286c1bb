/**
 * The fewest permissions (issue #12): no `tabs`. What Chrome warns of at install is read
 * from Chrome itself (management.getPermissionWarningsByManifest, which needs no
 * permission), and a tab that leaves its article for a page whose address Firsthand may not
 * see still loses its results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages } from '../src/testing/fixture-pages';
import { extensionDir, type Harness, launch } from '../src/testing/harness';

let h: Harness;
const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

/** The warnings Chrome would show when installing an extension with this manifest. */
async function installWarnings(m: unknown): Promise<string[]> {
  const worker = await h.worker();
  return worker.evaluate((text) => chrome.management.getPermissionWarningsByManifest(text), JSON.stringify(m));
}

describe('permissions', () => {
  it('asks for no `tabs`: the host permissions give the addresses of the pages it reads', () => {
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'contextMenus']);
    expect(manifest.host_permissions).toEqual(['http://*/*', 'https://*/*']);
  });

  it('warns of one thing at install: reading and changing the sites it runs on', async () => {
    expect(await installWarnings(manifest)).toEqual(['Read and change all your data on all websites']);
    // The control: Chrome does warn of `tabs` when nothing else covers it.
    const tabsAlone = { ...manifest, permissions: ['tabs'], host_permissions: [], content_scripts: [] };
    expect(await installWarnings(tabsAlone)).toEqual(['Read your browsing history']);
  });

  it('clears a tab that leaves its article for a browser page', async () => {
    const famine = fixturePages.famineOrphans;
    if (!famine) throw new Error('no famineOrphans fixture');
    h.serve(famine.url, h.fixture(famine.file));
    const page = await h.context.newPage();
    await page.goto(famine.url);
    const tabId = await h.tabIdOf(page);
    const stored = async () => {
      const worker = await h.worker();
      return worker.evaluate(async (key) => (await chrome.storage.session.get(key))[key] ?? null, `tab-${tabId}`);
    };
    // The control: the article's results are there first.
    await expect.poll(stored, { timeout: 15_000 }).not.toBeNull();
    await page.goto('chrome://version/');
    await expect.poll(stored, { timeout: 15_000 }).toBeNull();
    expect(await h.badgeText(tabId)).toBe('');
    await page.close();
  });
});
