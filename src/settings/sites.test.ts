import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NEWS_SITES,
  isOnAnySite,
  isSiteName,
  NEWS_SITES_KEY,
  normaliseSite,
  normaliseSites,
  OFF_SITES_KEY,
  RUNS_ON_KEY,
  runsOnPage,
  siteOf,
  type WhereItRuns,
  whereItRunsFrom,
} from './sites';

const everywhere: WhereItRuns = { offSites: [], runsOn: 'all', newsSites: DEFAULT_NEWS_SITES };
const newsOnly: WhereItRuns = { ...everywhere, runsOn: 'news-sites' };

describe('where Firsthand runs', () => {
  it('runs on every page by default, except on the sites switched off', () => {
    expect(runsOnPage('https://example-blog.net/post', everywhere)).toBe(true);
    expect(runsOnPage('https://www.bbc.com/news/x', { ...everywhere, offSites: ['bbc.com'] })).toBe(false);
  });

  it('with "only news sites", runs on the listed sites and their subdomains, nowhere else', () => {
    expect(runsOnPage('https://www.bbc.com/news/articles/x', newsOnly)).toBe(true);
    expect(runsOnPage('https://news.bbc.co.uk/2/hi/asia', newsOnly)).toBe(true);
    expect(runsOnPage('https://en.yna.co.kr/view/AEN2026', newsOnly)).toBe(true);
    expect(runsOnPage('https://example-blog.net/post', newsOnly)).toBe(false);
    // A name that merely ends like a listed site is another site.
    expect(runsOnPage('https://notbbc.com/a', newsOnly)).toBe(false);
    expect(runsOnPage('https://bbc.com.evil.example/a', newsOnly)).toBe(false);
    expect(runsOnPage('not an address', newsOnly)).toBe(false);
  });

  it('never runs on a site switched off, even when it is a news site in the list', () => {
    expect(runsOnPage('https://www.bbc.com/news', { ...newsOnly, offSites: ['bbc.com'] })).toBe(false);
  });

  it('reads the raw storage the detection script gets, with the defaults for absent keys', () => {
    expect(whereItRunsFrom({})).toEqual(everywhere);
    expect(
      whereItRunsFrom({ [OFF_SITES_KEY]: ['a.com'], [RUNS_ON_KEY]: 'news-sites', [NEWS_SITES_KEY]: ['b.org'] }),
    ).toEqual({ offSites: ['a.com'], runsOn: 'news-sites', newsSites: ['b.org'] });
    // Anything else stored there counts as the default, never as "nowhere".
    expect(whereItRunsFrom({ [RUNS_ON_KEY]: 'sometimes', [NEWS_SITES_KEY]: 'bbc.com', [OFF_SITES_KEY]: [3] })).toEqual(
      everywhere,
    );
  });

  it('matches a page to a site by host name, a site covering its subdomains', () => {
    expect(isOnAnySite('https://www.bbc.com/news', ['bbc.com'])).toBe(true);
    expect(isOnAnySite('https://bbc.com/', ['news.bbc.com'])).toBe(false);
    expect(isOnAnySite('https://www.nknews.org/a', [])).toBe(false);
  });
});

describe('siteOf, the one normaliser of sites', () => {
  it('names a page or a host the same way: lower case, without www., a port or a trailing dot', () => {
    for (const input of [
      'https://www.bbc.com/news/x',
      'HTTPS://WWW.BBC.COM',
      'www.bbc.com',
      ' BBC.com. ',
      'bbc.com:8080/path',
      'http://bbc.com:8080',
    ]) {
      expect(siteOf(input), input).toBe('bbc.com');
    }
  });

  it('keeps hosts the extension names itself: localhost, an IP address, an intranet name', () => {
    expect(siteOf('http://localhost:8080/a')).toBe('localhost');
    expect(siteOf('localhost:8080')).toBe('localhost');
    expect(siteOf('192.168.1.20')).toBe('192.168.1.20');
    expect(siteOf('intranet')).toBe('intranet');
  });

  it('names no site for pages without a host, and for nothing', () => {
    for (const input of ['', '  ', 'about:blank', 'data:text/html,x', 'mailto:a@bbc.com', 'not a url']) {
      expect(siteOf(input), input).toBe('');
    }
  });

  it('is what the lists are matched by, and what the reader’s typing is checked against', () => {
    expect(normaliseSite('https://www.BBC.com/x')).toBe(siteOf('https://www.BBC.com/x'));
    expect(isSiteName(siteOf('localhost'))).toBe(false);
    expect(isSiteName(siteOf('en.yna.co.kr'))).toBe(true);
  });
});

describe('sites as the reader types them', () => {
  it('become a host name without www., from a host or a whole address', () => {
    expect(normaliseSite('bbc.com')).toBe('bbc.com');
    expect(normaliseSite('  https://www.BBC.com/news/articles/x?y=1#z ')).toBe('bbc.com');
    expect(normaliseSite('WWW.NKNews.org')).toBe('nknews.org');
    expect(normaliseSite('en.yna.co.kr/view/1')).toBe('en.yna.co.kr');
    expect(normaliseSite('http://38north.org:8080')).toBe('38north.org');
    expect(normaliseSite('bbc.com.')).toBe('bbc.com');
  });

  it('are refused when they name no site', () => {
    for (const input of [
      '',
      '   ',
      'bbc',
      'not a site',
      'https://',
      'bbc..com',
      '-bbc.com',
      '192.168.1.1',
      'a b.com',
    ]) {
      expect(normaliseSite(input), input).toBe('');
    }
  });

  it('make a canonical list: normalised, none empty, none twice, sorted', () => {
    expect(normaliseSites(['www.BBC.com', 'https://nknews.org/x', '', 'bbc.com', 'nonsense', 7])).toEqual([
      'bbc.com',
      'nknews.org',
    ]);
    expect(normaliseSites('bbc.com')).toEqual([]);
  });
});

describe('the default news-site list', () => {
  it('is canonical: each site normalised, once, sorted', () => {
    expect(normaliseSites(DEFAULT_NEWS_SITES)).toEqual(DEFAULT_NEWS_SITES);
  });

  it('holds major news sites in English and Korean, and the ones that cover North Korea', () => {
    for (const site of [
      'bbc.com',
      'nytimes.com',
      'reuters.com',
      'nknews.org',
      'dailynk.com',
      'yna.co.kr',
      'hani.co.kr',
    ]) {
      expect(DEFAULT_NEWS_SITES).toContain(site);
    }
  });

  it('needs no entry a listed site already covers', () => {
    const covered = DEFAULT_NEWS_SITES.filter((site) =>
      DEFAULT_NEWS_SITES.some((other) => other !== site && site.endsWith(`.${other}`)),
    );
    expect(covered).toEqual([]);
  });
});
