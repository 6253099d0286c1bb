import { storage } from 'wxt/utils/storage';
import { displayMode } from './display-mode';
import { corner, markTerms, offSites } from './page-settings';
import { resultCount } from './result-count';
import { newsSites, runsOn } from './where-it-runs';

/**
 * Every setting the reader can change, in one place: "Reset all settings" restores these.
 * all-settings.test.ts fails when an item defined in src/settings is missing here.
 */
export const allSettings = [displayMode, markTerms, corner, runsOn, newsSites, offSites, resultCount] as const;

/**
 * Restores every setting to its default, in one storage change (open tabs follow it at once).
 * Removing a value is what restores it: each item's default is its fallback, and
 * `whereItRunsFrom` (sites.ts) reads an absent key as the default too. The version stays, so a later
 * value is not taken for an old one and migrated again.
 */
export async function resetAllSettings(): Promise<void> {
  await storage.removeItems([...allSettings]);
}
