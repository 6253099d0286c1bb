import { storage } from 'wxt/utils/storage';

/** The choices the options page offers. */
export const RESULT_COUNTS = [3, 6, 10] as const;
export type ResultCount = (typeof RESULT_COUNTS)[number];

/** How many excerpts a page shows at most (the background's cap when it ranks a page). */
export const resultCount = storage.defineItem<ResultCount>('local:resultCount', { fallback: 6, version: 1 });
