import { afterEach, describe, expect, it, vi } from 'vitest';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { FOCUS_PILL_COMMAND } from './commands';
import { goToPill, registerWaysIn, SEARCH_MENU_ID } from './ways-in';

/** A browser API that records what the background asks of it (fakeBrowser has no menus or omnibox). */
function recordingApi(
  focusPill = vi.fn(async (_tabId: number) => true),
  { firefox = false, showsPill = (_tabId: number): boolean => true } = {},
) {
  const listeners: Record<string, (...args: never[]) => unknown> = {};
  const on = (name: string) => ({ addListener: (fn: (...args: never[]) => unknown) => (listeners[name] = fn) });
  const api = {
    runtime: {
      onInstalled: on('installed'),
      onStartup: on('startup'),
      getURL: (path: string) => `chrome-extension://id${path}`,
    },
    contextMenus: { create: vi.fn(), removeAll: vi.fn(async () => {}), onClicked: on('menu') },
    omnibox: { setDefaultSuggestion: vi.fn(), onInputEntered: on('omnibox') },
    commands: { onCommand: on('command') },
    ...(firefox
      ? { browserAction: { openPopup: vi.fn(async () => {}) } }
      : { action: { openPopup: vi.fn(async () => {}) } }),
    tabs: {
      create: vi.fn(async () => ({})),
      update: vi.fn(async () => ({})),
      query: vi.fn(async () => [{ id: 7, index: 2 }]),
    },
  };
  registerWaysIn(api as unknown as Parameters<typeof registerWaysIn>[0], { focusPill, showsPill });
  const fire = (name: string, ...args: unknown[]) => (listeners[name] as (...a: unknown[]) => unknown)(...args);
  return { api, fire, focusPill };
}

afterEach(() => setUiLanguage('en'));

describe('ways in', () => {
  it('adds "Search Firsthand for “…”" to a text selection’s menu whenever the background starts', async () => {
    const { api } = recordingApi();
    // Made afresh (the old item removed first), so a start after install, restart or
    // re-enabling has it, in the UI language of the moment.
    await vi.waitFor(() =>
      expect(api.contextMenus.create).toHaveBeenCalledWith({
        id: SEARCH_MENU_ID,
        title: 'Search Firsthand for “%s”',
        contexts: ['selection'],
      }),
    );
    expect(api.contextMenus.removeAll.mock.invocationCallOrder[0]).toBeLessThan(
      api.contextMenus.create.mock.invocationCallOrder[0] ?? 0,
    );
  });

  it('names the menu item and the omnibox suggestion in the UI language', async () => {
    setUiLanguage('ko');
    const { api } = recordingApi();
    await vi.waitFor(() =>
      expect(api.contextMenus.create).toHaveBeenCalledWith(
        expect.objectContaining({ title: 'Firsthand에서 “%s” 검색' }),
      ),
    );
    expect(api.omnibox.setDefaultSuggestion).toHaveBeenCalledWith({ description: 'Firsthand 증언 검색' });
  });

  it('opens the search page for the selection, beside its tab', async () => {
    const { api, fire } = recordingApi();
    fire('menu', { menuItemId: SEARCH_MENU_ID, selectionText: ' kotjebi ' }, { id: 3, index: 4 });
    await vi.waitFor(() => expect(api.tabs.create).toHaveBeenCalled());
    expect(api.tabs.create).toHaveBeenCalledWith({
      url: 'chrome-extension://id/popup.html?q=kotjebi',
      active: true,
      index: 5,
    });
  });

  it('ignores other menu items and empty selections', async () => {
    const { api, fire } = recordingApi();
    fire('menu', { menuItemId: 'other', selectionText: 'famine' }, { id: 3 });
    fire('menu', { menuItemId: SEARCH_MENU_ID, selectionText: '  ' }, { id: 3 });
    // The control, after them: a real selection opens one tab, by which time theirs would be there.
    fire('menu', { menuItemId: SEARCH_MENU_ID, selectionText: 'kotjebi' }, { id: 3, index: 0 });
    await vi.waitFor(() => expect(api.tabs.create).toHaveBeenCalled());
    expect(api.tabs.create).toHaveBeenCalledTimes(1);
    expect(api.tabs.create).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringContaining('q=kotjebi') }),
    );
  });

  it('answers the omnibox keyword where the reader asked: this tab or a new one', async () => {
    const { api, fire } = recordingApi();
    fire('omnibox', 'Hamgyong famine', 'currentTab');
    await vi.waitFor(() => expect(api.tabs.update).toHaveBeenCalled());
    expect(api.tabs.update).toHaveBeenCalledWith(7, { url: 'chrome-extension://id/popup.html?q=Hamgyong+famine' });
    fire('omnibox', '탈북자', 'newBackgroundTab');
    await vi.waitFor(() => expect(api.tabs.create).toHaveBeenCalled());
    expect(api.tabs.create).toHaveBeenCalledWith({
      url: `chrome-extension://id/popup.html?q=${encodeURIComponent('탈북자')}`,
      active: false,
      index: 3,
    });
  });

  it('answers the pill shortcut: the active tab’s pill takes the focus', async () => {
    const { fire, focusPill } = recordingApi();
    fire('command', 'some-other-command');
    fire('command', FOCUS_PILL_COMMAND);
    await vi.waitFor(() => expect(focusPill).toHaveBeenCalledWith(7));
    expect(focusPill).toHaveBeenCalledTimes(1);
  });

  it('opens the popup where the page shows no pill, and only there', async () => {
    const { api } = recordingApi();
    const typed = api as unknown as Parameters<typeof goToPill>[0];
    const openPopup = (api as { action?: { openPopup: () => Promise<void> } }).action?.openPopup;
    expect(await goToPill(typed, async () => true)).toBe('pill');
    expect(openPopup).not.toHaveBeenCalled();
    // Private mode, nothing found, a page Firsthand may not touch: no pill to focus.
    expect(await goToPill(typed, async () => false)).toBe('popup');
    expect(openPopup).toHaveBeenCalledTimes(1);
    // Firefox's MV2 build: the toolbar button is the browser action.
    const browserAction = { openPopup: vi.fn(async () => {}) };
    const mv2 = { ...api, action: undefined, browserAction } as unknown as Parameters<typeof goToPill>[0];
    expect(await goToPill(mv2, async () => false)).toBe('popup');
    expect(browserAction.openPopup).toHaveBeenCalledTimes(1);
  });

  it('in Firefox, opens the popup in the shortcut’s own turn where no pill is known', () => {
    const focusPill = vi.fn(async (_tabId: number) => true);
    const { api, fire } = recordingApi(focusPill, { firefox: true, showsPill: (id) => id === 7 });
    const openPopup = (api as unknown as { browserAction: { openPopup: () => Promise<void> } }).browserAction.openPopup;
    // A tab with no pill: the popup opens before the handler returns (no await in between).
    fire('command', FOCUS_PILL_COMMAND, { id: 3 });
    expect(openPopup).toHaveBeenCalledTimes(1);
    expect(focusPill).not.toHaveBeenCalled();
    // A tab known to show one: its page is asked to focus it.
    fire('command', FOCUS_PILL_COMMAND, { id: 7 });
    expect(focusPill).toHaveBeenCalledWith(7);
    expect(openPopup).toHaveBeenCalledTimes(1);
  });
});
