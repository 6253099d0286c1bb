/** `popup.html?q=words`: the popup opened as a search page (context menu, omnibox). */
export function queryFromSearch(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').trim().slice(0, 200);
}

/**
 * The tab a `popup.html?tabId=N` address is about (PRODUCT.md, "Stable contracts"): the
 * popup opened as a page, e.g. by tests, would otherwise take itself for the active tab.
 */
export function tabIdFromSearch(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tabId');
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}
