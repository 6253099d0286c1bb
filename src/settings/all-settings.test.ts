import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { allSettings, resetAllSettings } from './all-settings';

type Item = WxtStorageItem<unknown, Record<string, unknown>>;

/** Every storage item any module of src/settings exports, whatever its name. */
const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true });
const isItem = (value: unknown): value is Item =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Item).key === 'string' &&
  /^(local|session|sync|managed):/.test((value as Item).key) &&
  typeof (value as Item).getValue === 'function' &&
  typeof (value as Item).watch === 'function';
const defined = [...new Set(Object.values(modules).flatMap((exports) => Object.values(exports).filter(isItem)))];

/** A value other than the default, for each setting (a new setting needs one here). */
const changed: Record<string, unknown> = {
  'local:displayMode': 'private',
  'local:markTerms': false,
  'local:corner': 'top-left',
  'local:runsOn': 'news-sites',
  'local:newsSites': ['bbc.com'],
  'local:offSites': ['nknews.org'],
  'local:resultCount': 10,
};

describe('all settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lists every storage item defined in src/settings, once', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(3);
    expect(defined.map((item) => item.key).sort()).toEqual(allSettings.map((item) => item.key).sort());
    expect(new Set(allSettings).size).toBe(allSettings.length);
  });

  it('gives every item a version (the start of its migrations)', () => {
    // @wxt-dev/storage keeps an item's version to itself until it migrates: read the source.
    const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], {
      eager: true,
      query: '?raw',
      import: 'default',
    });
    const definitions = Object.entries(sources).flatMap(([file, source]) =>
      source
        .split('storage.defineItem')
        .slice(1)
        .map((rest) => [file, callArguments(rest)] as const),
    );
    expect(definitions.length).toBe(allSettings.length);
    for (const [file, args] of definitions) expect(args, file).toMatch(/\bversion: \d+/);
  });

  it('reset restores every setting to its default, in one storage change', async () => {
    for (const item of allSettings) {
      expect(changed[item.key], `a changed value for ${item.key}`).toBeDefined();
      expect(changed[item.key]).not.toEqual(item.fallback);
      await (item as Item).setValue(changed[item.key]);
    }
    // What storage holds is exactly the settings (and their versions).
    const stored = Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => !k.endsWith('$'));
    expect(stored.sort()).toEqual(allSettings.map((item) => item.key.replace(/^local:/, '')).sort());

    let changes = 0;
    fakeBrowser.storage.local.onChanged.addListener(() => changes++);
    await resetAllSettings();
    expect(changes).toBe(1);
    for (const item of allSettings) expect(await item.getValue(), item.key).toEqual(item.fallback);
    const left = Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => !k.endsWith('$'));
    expect(left).toEqual([]);
  });
});

/** The text of a call's arguments, from just before its opening parenthesis. */
function callArguments(rest: string): string {
  let depth = 0;
  for (let i = rest.indexOf('('); i < rest.length; i++) {
    if (rest[i] === '(') depth++;
    else if (rest[i] === ')' && --depth === 0) return rest.slice(0, i + 1);
  }
  return rest;
}
