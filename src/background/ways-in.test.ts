import { describe, expect, it, vi } from 'vitest';
import { registerWaysIn, SEARCH_MENU_ID } from './ways-in';

/** A browser API that records what the background asks of it (fakeBrowser has no menus or omnibox). */
function recordingApi() {
  const listeners: Record<string, (...args: never[]) => unknown> = {};
  const on = (name: string) => ({ addListener: (fn: (...args: never[]) => unknown) => (listeners[name] = fn) });
  const api = {
    runtime: { onInstalled: on('installed'), getURL: (path: string) => `chrome-extension://id${path}` },
    contextMenus: { create: vi.fn(), onClicked: on('menu') },
    omnibox: { setDefaultSuggestion: vi.fn(), onInputEntered: on('omnibox') },
    tabs: {
      create: vi.fn(async () => ({})),
      update: vi.fn(async () => ({})),
      query: vi.fn(async () => [{ id: 7, index: 2 }]),
    },
  };
  registerWaysIn(api as unknown as Parameters<typeof registerWaysIn>[0]);
  const fire = (name: string, ...args: unknown[]) => (listeners[name] as (...a: unknown[]) => unknown)(...args);
  return { api, fire };
}

describe('ways in', () => {
  it('adds "Search Firsthand for “…”" to a text selection’s menu on install', () => {
    const { api, fire } = recordingApi();
    fire('installed', { reason: 'install' });
    expect(api.contextMenus.create).toHaveBeenCalledWith({
      id: SEARCH_MENU_ID,
      title: 'Search Firsthand for “%s”',
      contexts: ['selection'],
    });
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

  it('ignores other menu items and empty selections', () => {
    const { api, fire } = recordingApi();
    fire('menu', { menuItemId: 'other', selectionText: 'famine' }, { id: 3 });
    fire('menu', { menuItemId: SEARCH_MENU_ID, selectionText: '  ' }, { id: 3 });
    expect(api.tabs.create).not.toHaveBeenCalled();
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
});
