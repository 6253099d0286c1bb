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
export function createInPageUi(ctx: ContentScriptContext) {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;

  return {
    async show(matches: PageMatches) {
      if (matches.cards.length === 0) {
        ui?.remove();
        ui = null;
        return;
      }
      ui ??= await createShadowRootUi(ctx, {
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
      if (!ui.mounted) ui.mount();
      const host = ui.shadowHost;
      render(
        <InPagePanel
          matches={matches}
          host={host}
          onOpenStory={(card) => void sendMessage('openReader', { storyId: card.storyId, passageId: card.passageId })}
        />,
        ui.uiContainer,
      );
    },
    contains: (node: Node) => ui !== null && (node === ui.shadowHost || ui.shadowHost.contains(node)),
  };
}
