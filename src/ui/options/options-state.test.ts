import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { displayMode } from '@/src/settings/display-mode';
import { corner, offSites } from '@/src/settings/page-settings';
import { DEFAULT_NEWS_SITES } from '@/src/settings/sites';
import { newsSites } from '@/src/settings/where-it-runs';
import { createOptionsState, type OptionsState } from './options-state';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(check()).toBe(true);
}

let state: OptionsState;
beforeEach(() => fakeBrowser.reset());
afterEach(() => state?.stop());

describe('the options page’s store', () => {
  it('holds nothing until every setting is read, then every setting as stored', async () => {
    await corner.setValue('top-left');
    state = createOptionsState();
    expect(state.values.value).toBeUndefined();
    await until(() => state.values.value !== undefined);
    expect(state.values.value).toEqual({
      mode: 'standard',
      markTerms: true,
      corner: 'top-left',
      runsOn: 'all',
      newsSites: [...DEFAULT_NEWS_SITES],
      offSites: [],
      resultCount: 6,
    });
  });

  it('shows a change at once, and stores it', async () => {
    state = createOptionsState();
    await until(() => state.values.value !== undefined);
    state.change('mode', 'private');
    expect(state.values.value?.mode).toBe('private');
    await expect.poll(() => displayMode.getValue()).toBe('private');
    await until(() => state.values.value?.mode === 'private');
  });

  it('puts the stored value back when a change cannot be stored', async () => {
    state = createOptionsState();
    await until(() => state.values.value !== undefined);
    vi.spyOn(displayMode, 'setValue').mockRejectedValue(new Error('storage full'));
    state.change('mode', 'private');
    expect(state.values.value?.mode).toBe('private');
    await until(() => state.values.value?.mode === 'standard');
  });

  it('follows changes made elsewhere (a page’s panel, the popup, another window)', async () => {
    state = createOptionsState();
    await until(() => state.values.value !== undefined);
    await offSites.setValue(['bbc.com']);
    await until(() => state.values.value?.offSites.length === 1);
    expect(state.values.value?.offSites).toEqual(['bbc.com']);
  });

  it('restores the default news sites by removing the reader’s list', async () => {
    await newsSites.setValue(['bbc.com']);
    state = createOptionsState();
    await until(() => state.values.value?.newsSites.length === 1);
    state.restoreNewsSites();
    expect(state.values.value?.newsSites).toEqual([...DEFAULT_NEWS_SITES]);
    await expect.poll(() => fakeBrowser.storage.local.get('newsSites')).toEqual({});
  });

  it('turns a site switched off back on', async () => {
    await offSites.setValue(['bbc.com', 'nknews.org']);
    state = createOptionsState();
    await until(() => state.values.value?.offSites.length === 2);
    await state.siteOn('bbc.com');
    await until(() => state.values.value?.offSites.length === 1);
    expect(await offSites.getValue()).toEqual(['nknews.org']);
  });
});
