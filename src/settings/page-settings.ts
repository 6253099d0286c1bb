import { storage } from 'wxt/utils/storage';

/** Where the in-page pill and panel sit. */
export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

export const corner = storage.defineItem<Corner>('local:corner', { fallback: 'bottom-right', version: 1 });

/** Underline the detected terms in the article (CSS Custom Highlight API). */
export const markTerms = storage.defineItem<boolean>('local:markTerms', { fallback: true, version: 1 });

/** Sites where Firsthand is switched off: nothing shown, nothing kept, no badge. */
export const offSites = storage.defineItem<string[]>('local:offSites', { fallback: [], version: 1 });

/** A page's site, as the reader names it: its host name without "www.". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Whether a page belongs to one of the sites (a site covers its subdomains). */
export function isOffSite(url: string, sites: readonly string[]): boolean {
  const host = siteOf(url);
  return host !== '' && sites.some((site) => host === site || host.endsWith(`.${site}`));
}

export async function setSiteOff(site: string, off: boolean): Promise<void> {
  const sites = (await offSites.getValue()).filter((s) => s !== site);
  await offSites.setValue(off ? [...sites, site].sort() : sites);
}
