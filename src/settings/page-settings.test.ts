import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { corner, isOffSite, markTerms, offSites, setSiteOff, siteOf } from './page-settings';
import { OFF_SITES_KEY } from './sites';

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
    expect(isOffSite('https://www.bbc.com/news', ['bbc.com'])).toBe(true);
    expect(isOffSite('https://news.bbc.com/a', ['bbc.com'])).toBe(true);
    expect(isOffSite('https://notbbc.com/a', ['bbc.com'])).toBe(false);
    expect(isOffSite('https://www.nknews.org/a', ['bbc.com'])).toBe(false);
  });

  it('switch a site off and on again, once each', async () => {
    await setSiteOff('bbc.com', true);
    await setSiteOff('bbc.com', true);
    await setSiteOff('apnews.com', true);
    expect(await offSites.getValue()).toEqual(['apnews.com', 'bbc.com']);
    await setSiteOff('bbc.com', false);
    expect(await offSites.getValue()).toEqual(['apnews.com']);
  });
});
