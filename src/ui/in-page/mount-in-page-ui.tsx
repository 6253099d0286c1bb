import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { articleUrl, onMessage, type PageMatches, sendMessage } from '@/src/messaging/protocol';
import { setInPageHook } from '@/src/page/in-page-hook';
import { type DisplayMode, displayMode } from '@/src/settings/display-mode';
import { type Corner, corner, isOffSite, offSites, setSiteOff, siteOf } from '@/src/settings/page-settings';
import { InPagePanel } from './InPagePanel';
import { inPageCss } from './in-page.css';

/** Everything the page's UI depends on besides its matches. */
interface Settings {
  mode: DisplayMode;
  corner: Corner;
  offSites: string[];
}

/**
 * The in-page UI script's start (`firsthand-ui.content`, injected by the background into a
 * page with matches): registers with the page's detection script, shows what the
 * background found for this tab, and follows the settings, so switching to private mode
 * or off on this site takes everything away at once, and switching back brings it back.
 */
export function startInPageUi(ctx: ContentScriptContext): void {
  const ui = createInPageUi(ctx, {
    // Hidden at once here; the background remembers it for this page and the popup's undo.
    hide: () =>
      void sendMessage('hideOnPage', { hidden: true })
        .catch(() => {})
        .finally(() => {
          if (latest) latest = { ...latest, hidden: true };
          render();
        }),
  });
  let latest: PageMatches | null = null;
  const settings: Partial<Settings> = {};

  const render = () => {
    const { mode, corner: place, offSites: sites } = settings;
    if (mode === undefined || place === undefined || sites === undefined) return; // still reading them
    const shown =
      latest !== null &&
      mode === 'standard' &&
      !latest.hidden &&
      // Matches for another address (a single-page app moved on) are never shown.
      latest.url === articleUrl(location.href) &&
      !isOffSite(location.href, sites);
    void ui.show(shown && latest ? latest : { url: '', cards: [] }, place);
  };
  const follow = <K extends keyof Settings>(key: K, item: WxtStorageItem<Settings[K], Record<string, unknown>>) => {
    const apply = (value: Settings[K]) => {
      settings[key] = value;
      render();
    };
    void item.getValue().then(apply);
    ctx.onInvalidated(item.watch(apply));
  };
  follow('mode', displayMode);
  follow('corner', corner);
  follow('offSites', offSites);

  const fetchMatches = () =>
    sendMessage('getPageMatches', undefined)
      .then((matches) => {
        latest = matches;
        render();
      })
      .catch(() => {});
  setInPageHook({
    show(matches) {
      latest = matches;
      render();
    },
    contains: ui.contains,
  });
  ctx.onInvalidated(() => setInPageHook(undefined));
  ctx.onInvalidated(onMessage('refreshPage', () => void fetchMatches()));
  // Injected after the mode changed back to standard, nobody hands us the matches: ask.
  void sendMessage('getPageMatches', undefined)
    .then((matches) => {
      if (latest === null && matches) {
        latest = matches;
        render();
      }
    })
    .catch(() => {});
}

/**
 * The in-page UI, created only when a page has matches: a page with none gets no element,
 * no style, nothing. Lives in an open shadow root (PRODUCT.md's stable contract) so the
 * page's CSS cannot reach it and its CSS cannot reach the page.
 *
 * The host hangs from <html>, not <body>, so apps that re-render or replace their body
 * leave it alone; where the Popover API exists it is shown in the top layer, so no
 * transform, z-index or overflow of the page can move, cover or clip it, while a
 * fullscreen video, which enters the top layer later, still covers it.
 */
export type InPageUi = ReturnType<typeof createInPageUi>;

export function createInPageUi(ctx: ContentScriptContext, actions: { hide(): void }) {
  let ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  let host: HTMLElement | null = null;

  const create = () =>
    createShadowRootUi(ctx, {
      name: 'firsthand-panel',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css: inPageCss,
      onMount: (container, _shadow, shadowHost) => {
        raise(shadowHost);
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });

  return {
    async show(matches: PageMatches, place: Corner) {
      if (matches.cards.length === 0) {
        const removing = ui;
        ui = null;
        host = null;
        (await removing)?.remove();
        return;
      }
      // One UI per page, even when two answers arrive together.
      ui ??= create();
      const mounted = await ui;
      // Apps that replace the whole document element take our host with it: mount again.
      if (!mounted.shadowHost.isConnected) {
        mounted.remove();
        mounted.mount();
      }
      host = mounted.shadowHost;
      const site = siteOf(location.href);
      render(
        <InPagePanel
          matches={matches}
          host={host}
          corner={place}
          site={site}
          onOpenStory={(card) => void sendMessage('openReader', { storyId: card.storyId, passageId: card.passageId })}
          onMove={(next) => void corner.setValue(next)}
          onHide={actions.hide}
          onSiteOff={() => void setSiteOff(site, true)}
          onOpenSettings={() => void sendMessage('openOptions', undefined)}
        />,
        mounted.uiContainer,
      );
    },
    contains: (node: Node) => host !== null && (node === host || host.contains(node)),
  };
}

/** Puts the host in the top layer where the browser can (Chrome 114+, Firefox 125+). */
function raise(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  host.popover = 'manual';
  try {
    host.showPopover();
  } catch {
    // Not connected yet, or already shown: the fixed position still holds.
  }
}
