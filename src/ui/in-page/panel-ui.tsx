import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { uiLanguage } from '@/src/i18n';
import { sendLight } from '@/src/messaging/light-messaging';
import type { ExcerptCard as ExcerptCardData } from '@/src/messaging/protocol';
import { isLive } from '@/src/page/in-page-view';
import { siteOf } from '@/src/settings/sites';
import { InPagePanel } from './InPagePanel';
import panelCss from './panel.css?inline';
import { type PanelCode, type PanelState, panelCode, setPanelCode } from './panel-code';
import { TermCard } from './TermCard';
import type { PickedTerm } from './term-marks';

/**
 * Tells the background what the reader did. The UI writes no setting itself: the
 * background does, and pushes the page's new view. An extension updated or removed
 * under the page leaves nothing to tell.
 */
const tell = (sent: Promise<unknown>) => void sent.catch(() => {});

/**
 * The panel's code, loaded into a page when the reader first opens the panel or a marked
 * term (entrypoints/firsthand-panel.content): from then on it draws the in-page UI, the
 * pill included. The reader's actions go to the background (hide on this page, open a
 * story or the settings, move the UI, switch the site off), which pushes the new view.
 */
export function startPanel(ctx: ContentScriptContext): void {
  // Injected twice (two quick clicks): the first one draws.
  if (panelCode()) return;
  const code: PanelCode = { draw, clear: (container) => render(null, container) };
  setPanelCode(code);
  ctx.onInvalidated(() => {
    if (panelCode() === code) setPanelCode(undefined);
  });
}

/**
 * The shadow roots this code has styled. The pill's style sheet (in-page.css) is all that a
 * page showing only the pill parses; the panel's and the term card's come with this code,
 * beside it, when the code first draws there.
 */
const styled = new WeakSet<Node>();
function addStyles(container: HTMLElement): void {
  const root = container.getRootNode();
  if (styled.has(root)) return;
  styled.add(root);
  const style = container.ownerDocument.createElement('style');
  style.textContent = panelCss;
  container.before(style);
}

function draw(
  container: HTMLElement,
  { matches, corner, picked, cardTakesFocus, host, open, announced, closeTermCard }: PanelState,
) {
  addStyles(container);
  const site = siteOf(location.href);
  const openStory = (card: ExcerptCardData) =>
    tell(sendLight('openReader', { storyId: card.storyId, passageId: card.passageId }));
  const term = picked?.mark.term;
  render(
    <>
      <InPagePanel
        matches={matches}
        host={host}
        corner={corner}
        site={site}
        initiallyOpen={open}
        announced={announced}
        onOpenStory={openStory}
        onMove={(next) => tell(sendLight('moveUi', { corner: next }))}
        onHide={() => tell(sendLight('hideOnPage', { hidden: true }))}
        onSiteOff={() => tell(sendLight('turnOffSite'))}
        onOpenSettings={() => tell(sendLight('openOptions'))}
      />
      {picked && term && (
        <div class="fh-theme fh-termlayer" lang={uiLanguage()} dir="ltr">
          <TermCard
            key={`${term}:${picked.line}`}
            term={term}
            cards={matches.cards.filter((card) => card.why.includes(term))}
            anchor={anchorOf(picked)}
            takeFocus={cardTakesFocus}
            returnTo={picked.trigger}
            host={host}
            onClose={closeTermCard}
            onOpenStory={openStory}
          />
        </div>
      )}
    </>,
    container,
  );
}

/** The picked term's line box now, as a stable function per pick (the card re-asks on scroll). */
const anchors = new WeakMap<PickedTerm, () => DOMRect | null>();
function anchorOf(picked: PickedTerm): () => DOMRect | null {
  let anchor = anchors.get(picked);
  if (!anchor) {
    anchor = () => {
      if (!isLive(picked.mark)) return null;
      const rects = picked.mark.range.getClientRects();
      return rects[picked.line] ?? rects[0] ?? null;
    };
    anchors.set(picked, anchor);
  }
  return anchor;
}
