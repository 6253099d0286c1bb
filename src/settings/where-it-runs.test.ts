import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { offSites } from './page-settings';
import { DEFAULT_NEWS_SITES, type WhereItRuns } from './sites';
import { addSite, newsSites, runsOn, watchWhereItRuns, whereItRuns } from './where-it-runs';

describe('where it runs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts on every site, with the default news-site list', async () => {
    expect(await runsOn.getValue()).toBe('all');
    expect(await newsSites.getValue()).toEqual(DEFAULT_NEWS_SITES);
    expect(await whereItRuns()).toEqual({ offSites: [], runsOn: 'all', newsSites: DEFAULT_NEWS_SITES });
  });

  it('is stored as the plain values the detection script reads', async () => {
    await runsOn.setValue('news-sites');
    await newsSites.setValue(['bbc.com']);
    expect(await fakeBrowser.storage.local.get(['runsOn', 'newsSites'])).toEqual({
      runsOn: 'news-sites',
      newsSites: ['bbc.com'],
    });
  });

  it('tells its watcher where Firsthand runs now and where it ran before, once per change', async () => {
    const heard: [WhereItRuns, WhereItRuns][] = [];
    const stop = watchWhereItRuns((now, before) => heard.push([now, before]));
    await runsOn.setValue('news-sites');
    await expect.poll(() => heard.length).toBe(1);
    expect(heard[0]?.[0].runsOn).toBe('news-sites');
    expect(heard[0]?.[1].runsOn).toBe('all');

    // Several settings in one storage change (what "reset" does): one call, both sides whole.
    await offSites.setValue(['nknews.org']);
    await expect.poll(() => heard.length).toBe(2);
    await fakeBrowser.storage.local.remove(['runsOn', 'offSites']);
    await expect.poll(() => heard.length).toBe(3);
    expect(heard[2]).toEqual([
      { offSites: [], runsOn: 'all', newsSites: DEFAULT_NEWS_SITES },
      { offSites: ['nknews.org'], runsOn: 'news-sites', newsSites: DEFAULT_NEWS_SITES },
    ]);

    // Other settings are not its business, and once stopped it hears nothing. A second
    // watcher, still listening, hears the last change: by then the first would have too.
    const control: WhereItRuns[] = [];
    const stopControl = watchWhereItRuns((now) => control.push(now));
    await fakeBrowser.storage.local.set({ resultCount: 3 });
    stop();
    await newsSites.setValue(['bbc.com']);
    await expect.poll(() => control.length).toBe(1);
    expect(control[0]?.newsSites).toEqual(['bbc.com']);
    expect(heard.length).toBe(3);
    stopControl();
  });
});

describe('adding a site to a list', () => {
  const list = ['bbc.com', 'nknews.org'];

  it('takes a host or a whole address, by its canonical name, and keeps the list sorted', () => {
    expect(addSite(list, 'dailynk.com')).toEqual({ sites: ['bbc.com', 'dailynk.com', 'nknews.org'] });
    expect(addSite(list, 'https://www.Reuters.com/world/asia-pacific/x')).toEqual({
      sites: ['bbc.com', 'nknews.org', 'reuters.com'],
    });
  });

  it('says why when it adds nothing', () => {
    expect(addSite(list, '  ')).toEqual({ reason: 'empty' });
    expect(addSite(list, 'north korea news')).toEqual({ reason: 'invalid' });
    expect(addSite(list, 'https://www.bbc.com/news')).toEqual({ reason: 'listed', site: 'bbc.com' });
    expect(addSite(list, 'news.bbc.com')).toEqual({ reason: 'covered', site: 'news.bbc.com', by: 'bbc.com' });
  });
});
