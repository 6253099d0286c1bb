/**
 * Sites as the reader names them, without storage: the detection script reads the list of
 * sites switched off straight from `storage.local` under this key (page-settings.ts defines
 * the typed item over the same key for everything else).
 */
export const OFF_SITES_KEY = 'offSites';

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
