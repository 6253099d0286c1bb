import { storage } from 'wxt/utils/storage';
import type { Corner } from './corners';
import { isOnAnySite, normaliseSites, OFF_SITES_KEY, siteOf } from './sites';

export { CORNERS, type Corner } from './corners';
export { siteOf } from './sites';

export const corner = storage.defineItem<Corner>('local:corner', { fallback: 'bottom-right', version: 1 });

/** Underline the detected terms in the article (CSS Custom Highlight API). */
export const markTerms = storage.defineItem<boolean>('local:markTerms', { fallback: true, version: 1 });

/**
 * Sites where Firsthand is switched off: nothing shown, nothing kept, no badge. Stored as a
 * plain string[] under OFF_SITES_KEY, which `watchWhereItRuns` reads with the other two (sites.ts).
 */
export const offSites = storage.defineItem<string[]>(`local:${OFF_SITES_KEY}`, {
  fallback: [],
  version: 2,
  migrations: {
    // v1 kept entries as they came, and a site is matched by its exact name: "www.BBC.com"
    // or a whole address that slipped in never matched a page, and a site listed twice took
    // two clicks to turn back on. v2 holds each site once, by its canonical name, sorted.
    // The panel and popup saved `siteOf(url)`, which can be localhost, an IP address or an
    // intranet name: those are kept (siteOf), or their pages would be read again.
    2: (sites: unknown) => normaliseSites(sites, siteOf),
  },
});

/**
 * Turns Firsthand back on for a page: removes every entry that covers it (news.bbc.com is
 * off through "bbc.com" as much as through "news.bbc.com").
 */
export async function setPageSiteOn(url: string): Promise<void> {
  const sites = await offSites.getValue();
  await offSites.setValue(sites.filter((site) => !isOnAnySite(url, [site])));
}

/** Switches a site (a host or an address, named by `siteOf`) off, or back on. */
export async function setSiteOff(site: string, off: boolean): Promise<void> {
  const name = siteOf(site);
  if (name === '') return;
  const sites = (await offSites.getValue()).filter((s) => s !== name);
  await offSites.setValue(off ? [...sites, name].sort() : sites);
}
