import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { uiLanguage } from '@/src/i18n';
import { sendLight } from '@/src/messaging/light-messaging';
import type { ExcerptCard as ExcerptCardData, PageMatches } from '@/src/messaging/protocol';
import { type InPageViewModel, isLive, setInPageView } from '@/src/page/in-page-view';
import type { Corner } from '@/src/settings/corners';
import { siteOf } from '@/src/settings/sites';
import { InPagePanel } from './InPagePanel';
import inPageCss from './in-page.css?inline';
import { TermCard } from './TermCard';
import { createTermMarks, type PickedTerm } from './term-marks';

/**
 * Tells the background what the reader did. The UI writes no setting itself: the
 * background does, and pushes the page's new view. An extension updated or removed
 * under the page leaves nothing to tell.
 */
const tell = (sent: Promise<unknown>) => void sent.catch(() => {});

/** What the page's UI shows now. */
interface InPageView {
  matches: PageMatches;
  corner: Corner;
  /** The term card, when the reader picked a marked term. */
  picked: PickedTerm | null;
}

/**
 * The in-page UI script's start (`firsthand-ui.content`, stage 2 of the page pipeline,
 * injected by the background into a page with something to show). It is a view: it
 * registers with the page's detection script and renders what that hands it — the
 * background's decision, whole, with the terms to mark — and nothing else. The reader's
 * actions go to the background (hide on this page, open a story or the settings) or to
 * the typed settings (the corner, off on this site), which the background follows and
 * pushes back as the page's new view.
 */
export function startInPageUi(ctx: ContentScriptContext): void {
  let model: InPageViewModel = { cards: [], corner: 'bottom-right', terms: [] };
  let picked: PickedTerm | null = null;
  const ui = createInPageUi(ctx, {
    hide: () => tell(sendLight('hideOnPage', { hidden: true })),
    closeTermCard: () => {
      picked = null;
      draw();
    },
  });
  const marks = createTermMarks(
    document,
    (pick) => {
      if (pick === null) {
        if (!picked?.byKeyboard) return;
      } else if (picked?.mark === pick.mark) {
        return; // already open for this occurrence
      }
      picked = pick;
      draw();
    },
    undefined,
    ui.contains,
  );
  ctx.onInvalidated(() => marks.clear());

  const draw = () => {
    const terms = model.cards.length > 0 ? model.terms.filter(isLive) : [];
    if (terms.length > 0) marks.set(terms);
    else marks.clear();
    if (terms.length === 0) picked = null;
    ui.show({ matches: { url: location.href, cards: model.cards }, corner: model.corner, picked });
  };
  const passages = (cards: readonly ExcerptCardData[]) => cards.map((card) => card.passageId).join(' ');
  setInPageView({
    render(next) {
      // New cards (late content, another article) close an open term card; a new corner does not.
      if (passages(next.cards) !== passages(model.cards)) picked = null;
      model = next;
      draw();
    },
    contains: ui.contains,
  });
  ctx.onInvalidated(() => setInPageView(undefined));
}

/**
 * The in-page UI, created only when a page has matches: a page with none gets no element,
 * no style, nothing. Lives in a closed shadow root (PRODUCT.md's stable contract, issue 12):
 * the page's CSS cannot reach it, its CSS cannot reach the page, and the page's scripts
 * cannot read it (`host.shadowRoot` is null to them) — the cards may come from an archive
 * the reader imported privately. Only the reference `attachShadow` returns reaches the
 * root, and every handler acts on the reader's own input alone (`byUser`), so the page
 * cannot drive it either.
 *
 * The host hangs from <html>, not <body>, so apps that re-render or replace their body
 * leave it alone; where the Popover API exists it is shown in the top layer, so no
 * transform, z-index or overflow of the page can move, cover or clip it, while a
 * fullscreen video, which enters the top layer later, still covers it.
 */
export type InPageUi = ReturnType<typeof createInPageUi>;

export function createInPageUi(ctx: ContentScriptContext, actions: { hide(): void; closeTermCard(): void }) {
  let ui: ShadowUi | null = null;
  let host: HTMLElement | null = null;

  return {
    show({ matches, corner: place, picked }: InPageView) {
      if (matches.cards.length === 0) {
        ui?.remove();
        ui = null;
        host = null;
        return;
      }
      ui ??= createShadowUi(ctx);
      // Apps that replace the whole document element take our host with it: mount again.
      if (!ui.host.isConnected) ui.mount();
      host = ui.host;
      const site = siteOf(location.href);
      const openStory = (card: ExcerptCardData) =>
        tell(sendLight('openReader', { storyId: card.storyId, passageId: card.passageId }));
      const term = picked?.mark.term;
      render(
        <>
          <InPagePanel
            matches={matches}
            host={host}
            corner={place}
            site={site}
            onOpenStory={openStory}
            onMove={(next) => tell(sendLight('moveUi', { corner: next }))}
            onHide={actions.hide}
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
                takeFocus={!picked.byKeyboard}
                host={host}
                onClose={actions.closeTermCard}
                onOpenStory={openStory}
              />
            </div>
          )}
        </>,
        ui.container,
      );
    },
    contains: (node: Node) => host !== null && (node === host || host.contains(node)),
  };
}

interface ShadowUi {
  host: HTMLElement;
  container: HTMLElement;
  /** Puts the host at the end of <html> (again, after an app replaced it). */
  mount(): void;
  remove(): void;
}

/**
 * The host and its closed shadow root, with our style sheet inside (in-page.css resets
 * the host itself: no style of the page reaches in). What WXT's `createShadowRootUi` did
 * for this UI, without its auto-mounting, anchors and positions, which the UI never used
 * and every page that shows it compiled (npm run bench:detect).
 */
function createShadowUi(ctx: ContentScriptContext): ShadowUi {
  const host = document.createElement('firsthand-panel');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = inPageCss;
  const container = document.createElement('div');
  shadow.append(style, container);
  const remove = () => {
    render(null, container);
    host.remove();
  };
  ctx.onInvalidated(remove);
  return {
    host,
    container,
    mount() {
      document.documentElement.append(host);
      raise(host);
    },
    remove,
  };
}

/** On the host while it waits to go into the top layer; the shadow style hides it. */
const RISING = 'data-firsthand-rising';

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

/**
 * Puts the host in the top layer where the browser can (Chrome 114+, Firefox 125+). Not
 * while something is fullscreen (a video): the top layer stacks in order of entry, so the
 * host would cover it; it goes up when fullscreen ends.
 *
 * Until it is up, the host is not drawn (`RISING`): on a page that transforms or filters
 * `<html>` or `<body>`, a fixed box is placed and scaled by them, so the pill would first
 * appear in the wrong place, or off screen, and then jump.
 */
function raise(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  host.popover = 'manual';
  host.setAttribute(RISING, '');
  const doc = host.ownerDocument;
  /** True when done: shown, already shown, or gone from the page. */
  const show = () => {
    // Drawn from now on, in any case: in the top layer, or by its fixed position (while
    // something is fullscreen, which covers the page anyway, or if the browser refuses).
    host.removeAttribute(RISING);
    if (!host.isConnected || host.matches(':popover-open')) return true;
    if (doc.fullscreenElement) return false;
    try {
      host.showPopover();
    } catch {
      // The fixed position still holds.
    }
    return true;
  };
  const onFullscreenChange = () => {
    if (show()) doc.removeEventListener('fullscreenchange', onFullscreenChange);
  };
  // When the browser is idle after a frame, the page's style is up to date: showPopover()
  // brings it up to date first, and on a page that has just loaded 2 MB of markup that is a
  // 200 ms task of ours (npm run bench:detect) that the page's own next frame does anyway.
  const view = doc.defaultView;
  const later = (then: () => void) =>
    typeof view?.requestIdleCallback === 'function'
      ? view.requestIdleCallback(then, { timeout: 1000 })
      : view?.setTimeout(then, 100);
  later(() => {
    if (!show()) doc.addEventListener('fullscreenchange', onFullscreenChange);
  });
}
