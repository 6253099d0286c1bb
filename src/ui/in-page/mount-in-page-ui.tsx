import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { type PageMatches, sendMessage } from '@/src/messaging/protocol';
import { InPagePanel } from './InPagePanel';
import { inPageCss } from './in-page.css';

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
