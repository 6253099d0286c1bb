import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { articleUrl, type PageMatches, sendMessage } from '@/src/messaging/protocol';
import { setInPageHook } from '@/src/page/in-page-hook';
import { type DisplayMode, displayMode } from '@/src/settings/display-mode';
import { InPagePanel } from './InPagePanel';
import { inPageCss } from './in-page.css';

/**
 * The in-page UI script's start (`firsthand-ui.content`, injected by the background into a
 * page with matches): registers with the page's detection script, shows what the
 * background found for this tab, and follows the display mode, so switching to private
 * mode takes everything away at once and switching back brings it back.
 */
export function startInPageUi(ctx: ContentScriptContext): void {
  const ui = createInPageUi(ctx);
  let latest: PageMatches | null = null;
  let mode: DisplayMode | null = null;
  const render = () => {
    // Matches for another address (a single-page app moved on) are never shown.
    const shown = latest !== null && mode === 'standard' && latest.url === articleUrl(location.href);
    void ui.show(shown && latest ? latest : { url: '', cards: [] });
  };
  setInPageHook({
    show(matches) {
      latest = matches;
      render();
    },
    contains: ui.contains,
  });
  ctx.onInvalidated(() => setInPageHook(undefined));
  void displayMode.getValue().then((value) => {
    mode = value;
    render();
  });
  ctx.onInvalidated(
    displayMode.watch((value) => {
      mode = value;
      render();
    }),
  );
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
 */
export type InPageUi = ReturnType<typeof createInPageUi>;

export function createInPageUi(ctx: ContentScriptContext) {
  let ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  let host: HTMLElement | null = null;

  const create = () =>
    createShadowRootUi(ctx, {
      name: 'firsthand-panel',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: inPageCss,
      onMount: (container) => container,
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });

  return {
    async show(matches: PageMatches) {
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
      // Apps that replace <body> take our host with it: mount again.
      if (!mounted.shadowHost.isConnected) {
        mounted.remove();
        mounted.mount();
      }
      host = mounted.shadowHost;
      render(
        <InPagePanel
          matches={matches}
          host={host}
          onOpenStory={(card) => void sendMessage('openReader', { storyId: card.storyId, passageId: card.passageId })}
        />,
        mounted.uiContainer,
      );
    },
    contains: (node: Node) => host !== null && (node === host || host.contains(node)),
  };
}
