import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { corner, markTerms, offSites, setPageSiteOn, setSiteOff, siteOf } from './page-settings';
import { isOnAnySite, OFF_SITES_KEY } from './sites';

describe('page settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keep the sites switched off under the key the detection script reads', async () => {
    await setSiteOff('bbc.com', true);
    expect(await fakeBrowser.storage.local.get(OFF_SITES_KEY)).toEqual({ [OFF_SITES_KEY]: ['bbc.com'] });
  });

  it('start from their defaults', async () => {
    expect(await corner.getValue()).toBe('bottom-right');
    expect(await markTerms.getValue()).toBe(true);
    expect(await offSites.getValue()).toEqual([]);
  });

  it('name a site by its host without www., covering its subdomains', () => {
    expect(siteOf('https://www.bbc.com/news/x')).toBe('bbc.com');
    expect(siteOf('not a url')).toBe('');
    expect(isOnAnySite('https://www.bbc.com/news', ['bbc.com'])).toBe(true);
    expect(isOnAnySite('https://news.bbc.com/a', ['bbc.com'])).toBe(true);
    expect(isOnAnySite('https://notbbc.com/a', ['bbc.com'])).toBe(false);
    expect(isOnAnySite('https://www.nknews.org/a', ['bbc.com'])).toBe(false);
  });

  it('switch a site off and on again, once each', async () => {
    await setSiteOff('bbc.com', true);
    await setSiteOff('bbc.com', true);
    await setSiteOff('apnews.com', true);
    expect(await offSites.getValue()).toEqual(['apnews.com', 'bbc.com']);
    await setSiteOff('bbc.com', false);
    expect(await offSites.getValue()).toEqual(['apnews.com']);
  });

  it('migrate a version-1 list of sites switched off to canonical names (version 2)', async () => {
    // What version 1 could hold: a site as typed, a whole address, a site twice, an empty entry.
    await fakeBrowser.storage.local.set({
      [OFF_SITES_KEY]: ['www.BBC.com', 'https://www.nknews.org/articles/x', 'bbc.com', '', 'apnews.com'],
      [`${OFF_SITES_KEY}$`]: { v: 1 },
    });
    // A context that starts now (the background after the update) defines the item afresh.
    vi.resetModules();
    const settings = await import('./page-settings');
    expect(await settings.offSites.getValue()).toEqual(['apnews.com', 'bbc.com', 'nknews.org']);
    expect(await settings.offSites.getMeta()).toEqual({ v: 2 });
    // Still a plain string[] under the key the detection script reads.
    expect(await fakeBrowser.storage.local.get(OFF_SITES_KEY)).toEqual({
      [OFF_SITES_KEY]: ['apnews.com', 'bbc.com', 'nknews.org'],
    });
  });

  it('migrate a real version-1 install (no version stored) and keep the hosts the extension saved itself', async () => {
    // Version 1 saved siteOf(url) from the panel or popup: localhost, an IP address, an
    // intranet name. Dropping them would have Firsthand read those pages again.
    await fakeBrowser.storage.local.set({
      [OFF_SITES_KEY]: ['localhost', '192.168.1.20', 'intranet', '[::1]', 'www.Example.org.', 'localhost'],
    });
    vi.resetModules();
    const settings = await import('./page-settings');
    expect(await settings.offSites.getValue()).toEqual([
      '192.168.1.20',
      '[::1]',
      'example.org',
      'intranet',
      'localhost',
    ]);
    expect(await settings.offSites.getMeta()).toEqual({ v: 2 });
  });

  it('turn a page back on through every entry that covers it', async () => {
    await setSiteOff('bbc.com', true);
    await setSiteOff('news.bbc.com', true);
    await setSiteOff('apnews.com', true);
    await setPageSiteOn('https://news.bbc.com/world');
    expect(await offSites.getValue()).toEqual(['apnews.com']);
  });

  it('leave a list already at version 2 as it is, and start new lists at version 2', async () => {
    await fakeBrowser.storage.local.set({
      [OFF_SITES_KEY]: ['zzz.example', 'bbc.com'],
      [`${OFF_SITES_KEY}$`]: { v: 2 },
    });
    vi.resetModules();
    const settings = await import('./page-settings');
    expect(await settings.offSites.getValue()).toEqual(['zzz.example', 'bbc.com']);

    await fakeBrowser.storage.local.clear();
    vi.resetModules();
    const fresh = await import('./page-settings');
    await fresh.setSiteOff('bbc.com', true);
    expect(await fresh.offSites.getMeta()).toEqual({ v: 2 });
  });
});
