import { effect } from '@preact/signals';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { sendMessage as realSendMessage } from '@/src/messaging/protocol';
import { tabResults } from '@/src/messaging/tab-results';
import { displayMode } from '@/src/settings/display-mode';
import { offSites } from '@/src/settings/page-settings';
import { addSite, newsSites, runsOn } from '@/src/settings/where-it-runs';
import { syntheticMatches } from '@/src/testing/synthetic-cards';
import { createPopupState, type PopupStore } from './popup-state';

/** Waits (no fixed sleep) until a check on the store holds, and fails if it never does. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(check()).toBe(true);
}

const facets = { topics: ['famine'], provenances: [], stories: [] };

/** The background, as far as the popup asks it: the filters' choices, and what it was sent. */
function fakeProtocol() {
  const sent: [string, unknown][] = [];
  const send = vi.fn(async (type: string, data: unknown) => {
    sent.push([type, data]);
    if (type === 'searchFacets') return facets;
    if (type === 'search') return [];
    return undefined;
  });
  return { send: send as unknown as typeof realSendMessage, sent };
}

/** A popup for a tab open at `url`, its first read done and following the rest. */
async function popupFor(url: string, options: { first?: boolean } = {}) {
  const tab = await fakeBrowser.tabs.create({ url });
  const tabId = tab.id ?? -1;
  const matches = options.first ? syntheticMatches(2) : null;
  if (matches) await tabResults.set(tabId, matches);
  const protocol = fakeProtocol();
  const close = vi.fn();
  const state: PopupStore = createPopupState({
    tab: Promise.resolve({ tabId, matches }),
    sendMessage: protocol.send,
    close,
  });
  await state.tabRead;
  const stop = state.follow();
  return { state, tabId, protocol, close, stop };
}

beforeEach(() => fakeBrowser.reset());

describe('the popup’s store', () => {
  it('holds the tab’s first results, then follows them as they change', async () => {
    const { state, tabId, stop } = await popupFor('https://news.example.org/a', { first: true });
    expect(state.tabMatches.value?.cards).toHaveLength(2);
    await tabResults.set(tabId, { ...syntheticMatches(2), hidden: true });
    await until(() => state.tabMatches.value?.hidden === true);
    await tabResults.remove(tabId);
    await until(() => state.tabMatches.value === null);
    stop();
  });

  it('does not draw the cards again when the read after watching finds the same results', async () => {
    for (const moved of [false, true]) {
      fakeBrowser.reset();
      const tab = await fakeBrowser.tabs.create({ url: 'https://news.example.org/a' });
      const tabId = tab.id ?? -1;
      const first = syntheticMatches(2);
      // The control: results that changed between the first read and the watch are taken.
      await tabResults.set(tabId, moved ? { ...first, hidden: true } : first);
      const state = createPopupState({
        tab: Promise.resolve({ tabId, matches: first }),
        sendMessage: fakeProtocol().send,
        close: () => {},
      });
      await state.tabRead;
      const seen: unknown[] = [];
      const dispose = effect(() => void seen.push(state.tabMatches.value));
      const reads = vi.spyOn(tabResults, 'get');
      const stop = state.follow();
      await reads.mock.results[0]?.value;
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(reads).toHaveBeenCalledOnce();
      expect(seen).toHaveLength(moved ? 2 : 1);
      expect(state.tabMatches.value?.hidden ?? false).toBe(moved);
      reads.mockRestore();
      dispose();
      stop();
    }
  });

  it('asks the background for the filters’ choices only once told to follow', async () => {
    const protocol = fakeProtocol();
    const state = createPopupState({
      tab: Promise.resolve({ tabId: undefined, matches: null }),
      sendMessage: protocol.send,
      close: () => {},
    });
    await state.tabRead;
    expect(protocol.sent).toEqual([]);
    const stop = state.follow();
    await until(() => state.facets.value !== null);
    expect(protocol.sent).toEqual([['searchFacets', undefined]]);
    stop();
  });

  it('says which listed site switches Firsthand off on the tab, and turns it back on', async () => {
    await offSites.setValue(['example.org']);
    const { state, stop } = await popupFor('https://news.example.org/a');
    await until(() => state.offSite.value === 'example.org');
    expect(state.site.value).toBe('news.example.org');
    state.siteOn();
    await until(() => state.offSite.value === null);
    expect(await offSites.getValue()).toEqual([]);
    stop();
  });

  it('follows private mode, and switches it', async () => {
    const { state, stop } = await popupFor('https://news.example.org/a');
    const seen: boolean[] = [];
    const unwatch = effect(() => {
      seen.push(state.privateMode.value);
    });
    await displayMode.setValue('private');
    await until(() => state.privateMode.value);
    state.setPrivateMode(false);
    await until(() => !state.privateMode.value);
    expect(await displayMode.getValue()).toBe('standard');
    expect(seen).toEqual([false, true, false]);
    unwatch();
    stop();
  });

  it('shows the page again through the typed protocol, for its own tab', async () => {
    const { state, tabId, protocol, stop } = await popupFor('https://news.example.org/a', { first: true });
    state.showOnPage();
    expect(protocol.sent).toContainEqual(['hideOnPage', { hidden: false, tabId }]);
    stop();
  });

  it('opens a card’s story in a tab at the reader’s address, and closes', async () => {
    const { state, close, stop } = await popupFor('https://news.example.org/a', { first: true });
    const card = state.tabMatches.value?.cards[0];
    if (!card) throw new Error('no card');
    const url = state.readerUrl(card);
    expect(url).toMatch(/^chrome-extension:\/\/[^/]+\/reader\.html\?story=synthetic-story&passage=synthetic-story-p1$/);
    state.open(card);
    await until(() => close.mock.calls.length === 1);
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(url);
    stop();
  });

  describe('on a site outside the news sites', () => {
    beforeEach(() => runsOn.setValue('news-sites'));

    it('says so, and adds the site to the list as the options page would', async () => {
      const { state, stop } = await popupFor('https://www.example-blog.net/2026/story');
      await until(() => state.unlistedSite.value === 'example-blog.net');
      expect(state.canAddSite.value).toBe(true);
      expect(await state.addSite()).toBeNull();
      const list = await newsSites.getValue();
      expect(list).toContain('example-blog.net');
      expect(list).toEqual([...list].sort());
      await until(() => state.unlistedSite.value === null);
      stop();
    });

    it.each([
      ['localhost', 'http://localhost:8080/story'],
      ['an IP address', 'http://192.168.1.20/story'],
      ['an intranet name', 'http://intranet/story'],
    ])('refuses %s, as the options page does', async (_kind, url) => {
      const { state, stop } = await popupFor(url);
      await until(() => state.unlistedSite.value !== null);
      const site = state.unlistedSite.value ?? '';
      const before = await newsSites.getValue();
      // The options page's own check refuses it...
      expect(addSite(before, site)).toEqual({ reason: 'invalid' });
      // ...and so does the popup: no offer, and nothing added if asked anyway.
      expect(state.canAddSite.value).toBe(false);
      expect(await state.addSite()).toEqual({ reason: 'invalid' });
      expect(await newsSites.getValue()).toEqual(before);
      stop();
    });
  });
});
