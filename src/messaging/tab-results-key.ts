/** Where a tab's results live in `storage.session` (tab-results.ts; the popup reads it raw, first). */
export const tabResultsKey = (tabId: number) => `tab-${tabId}`;

/** Whether a key of `storage.session` is a tab's results. */
export const isTabResultsKey = (key: string) => /^tab-\d+$/.test(key);
