/**
 * Where Firsthand runs, as plain values and without storage: the sites switched off, the
 * news-site list, and `runsOnPage`, the rule over them. The background applies it
 * (`pipelineFor`, src/background/tab-pages.ts) before any script reads a page; the popup
 * uses it to say why a page shows nothing. The typed storage items over the same keys live
 * in page-settings.ts and where-it-runs.ts; `watchWhereItRuns` reads the keys together,
 * as one storage change writes them.
 */
export const OFF_SITES_KEY = 'offSites';
export const RUNS_ON_KEY = 'runsOn';
export const NEWS_SITES_KEY = 'newsSites';
/** Every key that decides whether a page is read. */
export const WHERE_KEYS = [OFF_SITES_KEY, RUNS_ON_KEY, NEWS_SITES_KEY] as const;

/** On every site, or only on the news sites in the reader's list. */
export type RunsOn = 'all' | 'news-sites';

/**
 * The news-site list a reader starts from: major English- and Korean-language news sites
 * and the outlets that specialise in North Korea. A site covers its subdomains (bbc.com
 * covers www.bbc.com and news.bbc.com; yna.co.kr covers en.yna.co.kr). Kept sorted and
 * canonical (sites.test.ts checks it).
 */
export const DEFAULT_NEWS_SITES: readonly string[] = [
  '38north.org',
  'abc.net.au',
  'abcnews.go.com',
  'afp.com',
  'aljazeera.com',
  'apnews.com',
  'bbc.co.uk',
  'bbc.com',
  'bloomberg.com',
  'cbc.ca',
  'cbsnews.com',
  'chosun.com',
  'cnn.com',
  'dailynk.com',
  'donga.com',
  'dw.com',
  'economist.com',
  'france24.com',
  'ft.com',
  'hani.co.kr',
  'independent.co.uk',
  'japantimes.co.jp',
  'joongang.co.kr',
  'khan.co.kr',
  'koreaherald.com',
  'koreajoongangdaily.joins.com',
  'koreatimes.co.kr',
  'kyodonews.net',
  'latimes.com',
  'lemonde.fr',
  'nbcnews.com',
  'nhk.or.jp',
  'nknews.org',
  'npr.org',
  'nytimes.com',
  'politico.com',
  'reuters.com',
  'rfa.org',
  'scmp.com',
  'telegraph.co.uk',
  'theatlantic.com',
  'theguardian.com',
  'time.com',
  'upi.com',
  'usatoday.com',
  'voanews.com',
  'washingtonpost.com',
  'wsj.com',
  'yna.co.kr',
];

/** What decides whether Firsthand reads a page. */
export interface WhereItRuns {
  /** Sites the reader switched off: never read, whatever `runsOn` says. */
  offSites: readonly string[];
  runsOn: RunsOn;
  /** The reader's news sites, where it runs when `runsOn` is 'news-sites'. */
  newsSites: readonly string[];
}

/** Where Firsthand runs, from what `storage.local` holds under WHERE_KEYS (absent: the defaults). */
export function whereItRunsFrom(stored: Record<string, unknown>): WhereItRuns {
  const list = (value: unknown, fallback: readonly string[]) =>
    Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : fallback;
  return {
    offSites: list(stored[OFF_SITES_KEY], []),
    runsOn: stored[RUNS_ON_KEY] === 'news-sites' ? 'news-sites' : 'all',
    newsSites: list(stored[NEWS_SITES_KEY], DEFAULT_NEWS_SITES),
  };
}

/** Whether Firsthand reads the page at `url`: not on a site switched off, and where it runs. */
export function runsOnPage(url: string, where: WhereItRuns): boolean {
  if (isOnAnySite(url, where.offSites)) return false;
  return where.runsOn === 'all' || isOnAnySite(url, where.newsSites);
}

/**
 * THE site normaliser: a page's site as Firsthand names it everywhere (lists, matching,
 * "turn off on this site"), from a whole address ("https://www.BBC.com/news/x") or a host
 * ("WWW.bbc.com."): lower-cased, without "www." or a trailing dot; '' when it names no
 * host. It may be localhost, an IP address or an intranet name (`isSiteName` says whether
 * it is a site a reader may type into a list). Issue 13: this is the only normaliser.
 */
export function siteOf(input: string): string {
  const text = input.trim().toLowerCase();
  if (text === '') return '';
  // A scheme ("https:", "about:") is a colon after letters, and not a port ("localhost:8080").
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:(?!\d)/.test(text) ? text : `https://${text}`).hostname
      .replace(/^www\./, '')
      .replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** Whether a page belongs to one of the sites (a site covers its subdomains). */
export function isOnAnySite(url: string, sites: readonly string[]): boolean {
  const host = siteOf(url);
  return host !== '' && sites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** A host name of two labels or more; the last one not all digits (no IP addresses). */
const SITE_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Whether a normalised site (`siteOf`) is one a reader may list: a domain name, not an IP address. */
export function isSiteName(site: string): boolean {
  return site.length <= 253 && SITE_NAME.test(site);
}

/**
 * A site as the reader typed it, named the way lists hold it (`siteOf`), when it is a site
 * name (`isSiteName`); '' otherwise.
 */
export function normaliseSite(input: string): string {
  const site = siteOf(input);
  return isSiteName(site) ? site : '';
}

/**
 * A list of sites made canonical: each normalised (by default as a typed site name; the
 * lists the extension saved itself keep any host, `siteOf`), none empty, none twice,
 * sorted.
 */
export function normaliseSites(sites: unknown, normalise: (site: string) => string = normaliseSite): string[] {
  if (!Array.isArray(sites)) return [];
  const named = sites.map((s) => (typeof s === 'string' ? normalise(s) : '')).filter((s) => s !== '');
  return [...new Set(named)].sort();
}
