/** Where a tab's results live in `storage.session` (tab-results.ts; the popup reads it raw, first). */
export const tabResultsKey = (tabId: number) => `tab-${tabId}`;
