import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { offSites } from './page-settings';
import {
  DEFAULT_NEWS_SITES,
  isOnAnySite,
  NEWS_SITES_KEY,
  normaliseSite,
  RUNS_ON_KEY,
  type RunsOn,
  WHERE_KEYS,
  type WhereItRuns,
  whereItRunsFrom,
} from './sites';

export type { RunsOn, WhereItRuns } from './sites';

/** On every site (the default), or only on the news sites in the reader's list. */
export const runsOn = storage.defineItem<RunsOn>(`local:${RUNS_ON_KEY}`, { fallback: 'all', version: 1 });

/**
 * The reader's news sites. Stored as a plain string[] under NEWS_SITES_KEY (read raw with
 * the other two by `watchWhereItRuns`); absent, it is the default list.
 */
export const newsSites = storage.defineItem<string[]>(`local:${NEWS_SITES_KEY}`, {
  fallback: [...DEFAULT_NEWS_SITES],
  version: 1,
});

/** Where Firsthand runs now, from the typed items (after their migrations). */
export async function whereItRuns(): Promise<WhereItRuns> {
  const [off, on, news] = await Promise.all([offSites.getValue(), runsOn.getValue(), newsSites.getValue()]);
  return { offSites: off, runsOn: on, newsSites: news };
}

/**
 * Calls back with where Firsthand runs now and where it ran before, once per change of any
 * of its settings. One storage event can change several at once (reset to defaults): the
 * three items' own watchers would each see a half-changed state, so this reads the event.
 */
export function watchWhereItRuns(onChange: (now: WhereItRuns, before: WhereItRuns) => void): () => void {
  const area = browser.storage.local;
  const listener = async (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
    if (!WHERE_KEYS.some((key) => key in changes)) return;
    const stored: Record<string, unknown> = await area.get([...WHERE_KEYS]);
    const now = { ...stored };
    const before = { ...stored };
    for (const key of WHERE_KEYS) {
      const change = changes[key];
      if (!change) continue;
      now[key] = change.newValue;
      before[key] = change.oldValue;
    }
    onChange(whereItRunsFrom(now), whereItRunsFrom(before));
  };
  area.onChanged.addListener(listener);
  return () => area.onChanged.removeListener(listener);
}

/** Why a site the reader typed was not added to a list. */
export type SiteRefusal =
  | { reason: 'empty' }
  | { reason: 'invalid' }
  | { reason: 'listed'; site: string }
  | { reason: 'covered'; site: string; by: string };

/**
 * A list with the site the reader typed (a host or a whole address) added, by its
 * canonical name, sorted; or why not: nothing typed, not a site, already listed, or
 * already covered by a site listed (bbc.com covers news.bbc.com).
 */
export function addSite(sites: readonly string[], input: string): { sites: string[] } | SiteRefusal {
  if (input.trim() === '') return { reason: 'empty' };
  const site = normaliseSite(input);
  if (site === '') return { reason: 'invalid' };
  if (sites.includes(site)) return { reason: 'listed', site };
  const by = sites.find((listed) => isOnAnySite(`https://${site}/`, [listed]));
  if (by) return { reason: 'covered', site, by };
  return { sites: [...sites, site].sort() };
}
