import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { resetAllSettings } from '@/src/settings/all-settings';
import { type DisplayMode, displayMode } from '@/src/settings/display-mode';
import { type Corner, corner, markTerms, offSites, setSiteOff } from '@/src/settings/page-settings';
import { type ResultCount, resultCount } from '@/src/settings/result-count';
import { newsSites, type RunsOn, runsOn } from '@/src/settings/where-it-runs';
import { itemSignal } from '../shared/item-signal';

/** Every setting the options page shows, as stored. */
export interface OptionsValues {
  mode: DisplayMode;
  /** Underline the detected terms in the article. */
  markTerms: boolean;
  /** Where the in-page pill sits. */
  corner: Corner;
  /** On every site, or only on the news sites in `newsSites`. */
  runsOn: RunsOn;
  newsSites: string[];
  /** Sites where Firsthand is switched off. */
  offSites: string[];
  /** How many excerpts a page shows at most. */
  resultCount: ResultCount;
}

type Items = { [K in keyof OptionsValues]: WxtStorageItem<OptionsValues[K], Record<string, unknown>> };

const ITEMS: Items = { mode: displayMode, markTerms, corner, runsOn, newsSites, offSites, resultCount };

/**
 * One setting as the page shows it: the stored value (`itemSignal`), or, from a change the
 * reader just made until storage reports it back, that change. Without it, a render for any
 * other reason in between (the status line) would put the old value back into the control.
 */
function shownSetting<T>(item: WxtStorageItem<T, Record<string, unknown>>) {
  const stored = itemSignal(item);
  const changed = signal<{ value: T } | null>(null);
  // Storage spoke (this change, or a newer one from another window): it is what is shown.
  const forget = effect(() => {
    stored.value.value;
    changed.value = null;
  });
  const show = (value: T, write: Promise<void>) => {
    changed.value = { value };
    void write.catch(() => {
      // Not stored: the control goes back to what is.
      changed.value = null;
    });
  };
  return {
    value: computed(() => (changed.value ? changed.value.value : stored.value.value)),
    set: (value: T) => show(value, item.setValue(value)),
    /** Back to the item's default: its value removed, as "Reset all settings" does. */
    restore: () => show(item.fallback, item.removeValue()),
    stop() {
      forget();
      stored.stop();
    },
  };
}

/**
 * The options page's store (issue 13, one way to hold UI state): every setting as a signal
 * that follows storage (a change from a page's panel, the popup or another window shows at
 * once), and the changes the page makes, written through the typed storage items.
 */
export function createOptionsState() {
  const settings = {
    mode: shownSetting(ITEMS.mode),
    markTerms: shownSetting(ITEMS.markTerms),
    corner: shownSetting(ITEMS.corner),
    runsOn: shownSetting(ITEMS.runsOn),
    newsSites: shownSetting(ITEMS.newsSites),
    offSites: shownSetting(ITEMS.offSites),
    resultCount: shownSetting(ITEMS.resultCount),
  };
  const keys = Object.keys(settings) as (keyof OptionsValues)[];

  /** Every setting, once each has been read: the page waits rather than show a default it does not have. */
  const values: ReadonlySignal<OptionsValues | undefined> = computed(() => {
    const read: Partial<Record<keyof OptionsValues, unknown>> = {};
    for (const key of keys) {
      const value = settings[key].value.value;
      if (value === undefined) return undefined;
      read[key] = value;
    }
    return read as OptionsValues;
  });

  return {
    values,
    /** Shows a change at once, and stores it. */
    change<K extends keyof OptionsValues>(key: K, value: OptionsValues[K]): void {
      (settings[key] as ReturnType<typeof shownSetting<OptionsValues[K]>>).set(value);
    },
    /** The default news-site list again. */
    restoreNewsSites: () => settings.newsSites.restore(),
    /** Turns Firsthand back on for a site switched off. */
    siteOn: (site: string) => setSiteOff(site, false),
    /** Restores every setting to its default. */
    reset: resetAllSettings,
    /** Stops following storage (tests; a page that is closed stops by itself). */
    stop() {
      for (const key of keys) settings[key].stop();
    },
  };
}

export type OptionsState = ReturnType<typeof createOptionsState>;
