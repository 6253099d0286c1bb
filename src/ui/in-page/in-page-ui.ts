import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PillWords } from '@/src/i18n/pill-words';
import { sendLight } from '@/src/messaging/light-messaging';
import type { ExcerptCard as ExcerptCardData, PageMatches } from '@/src/messaging/protocol';
import { type InPageViewModel, isLive, setInPageView } from '@/src/page/in-page-view';
import type { Corner } from '@/src/settings/corners';
import { keepClearOfPage } from './clear-of-page';
import inPageCss from './in-page.css?inline';
import { type PanelCode, panelCode } from './panel-code';
import { createPill, PILL_SELECTOR, type Pill } from './pill';
import { createTermMarks, type PickedTerm } from './term-marks';

/** The term card that the panel's code draws (TermCard.tsx). */
const TERM_CARD_SELECTOR = '[data-firsthand="term-card"]';

/** What the page's UI shows now. */
interface ShownNow {
  matches: PageMatches;
  corner: Corner;
  /** The pill's words, sent by the background with the view. */
  pill?: PillWords | undefined;
  /** The term card, when the reader picked a marked term. */
  picked: PickedTerm | null;
}

/**
 * The in-page UI script's start (`firsthand-ui.content`, stage 2 of the page pipeline,
 * injected by the background into a page with something to show). It is a view: it
 * registers with the page's detection script and renders what that hands it — the
 * background's decision, whole, with the terms to mark — and nothing else.
 *
 * It draws the pill and marks the terms itself, in plain DOM. The panel and the term card
 * are the panel's code (Preact, the cards: panel-ui.tsx), which the background injects when
 * the reader first opens either; from then on that code draws the whole UI, and the
 * reader's actions there go to the background, which pushes back the page's new view.
 */
export function startInPageUi(ctx: ContentScriptContext): void {
  let model: InPageViewModel = { cards: [], corner: 'bottom-right', terms: [] };
  let picked: PickedTerm | null = null;
  /**
   * The reader opened the plain pill and the panel's code is on its way: the panel opens
   * when drawn, if the reader has not moved on (another click on the pill, Escape, no cards
   * left, or the keyboard's focus taken elsewhere).
   */
  let opening = false;

  /** Asks the background for the panel's code (once at a time), then draws with it. */
  let loading = false;
  const loadPanel = () => {
    if (loading) return;
    loading = true;
    const failed = () => {
      // Not given (the page's cards went meanwhile) or not answered (an orphaned script:
      // reading `isValid` tells the context, which takes the UI away): ask again next time.
      loading = false;
      opening = false;
      picked = null;
      void ctx.isValid;
      draw();
    };
    void sendLight('openPanel').then((given) => {
      if (given && panelCode()) draw();
      else failed();
    }, failed);
  };
  const ui = createInPageUi(ctx, {
    open: () => {
      // A second click while the code is on its way changes the reader's mind.
      opening = !opening;
      if (opening) loadPanel();
      draw();
    },
    cancel: () => {
      opening = false;
      draw();
    },
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
      if (pick && !panelCode()) loadPanel();
      draw();
    },
    undefined,
    ui.contains,
    // Only the card that this link opened, not one a click opened meanwhile.
    (from) => picked?.trigger === from && ui.enterTermCard(),
  );
  ctx.onInvalidated(() => marks.clear());

  const draw = () => {
    const terms = model.cards.length > 0 ? model.terms.filter(isLive) : [];
    if (terms.length > 0) marks.set(terms);
    else marks.clear();
    if (terms.length === 0) picked = null;
    const drawn = ui.show(
      { matches: { url: location.href, cards: model.cards }, corner: model.corner, pill: model.pill, picked },
      opening,
    );
    // Drawn by the panel's code (opened, if still wanted), or gone with the cards: either
    // way the click is answered, and a later article does not open by itself.
    if (drawn !== 'pill') opening = false;
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
    focusPill: ui.focusPill,
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
export function createInPageUi(
  ctx: ContentScriptContext,
  actions: { open(): void; cancel(): void; closeTermCard(): void },
) {
  let ui: ShadowUi | null = null;
  /** The plain pill, until the panel's code draws. */
  let pill: Pill | null = null;
  /** The panel's code that drew last: it takes away what it drew, even once unregistered. */
  let drawnBy: PanelCode | null = null;
  /** Whether each pick's term card takes the focus: decided once, when it is first drawn. */
  const cardFocus = new WeakMap<PickedTerm, boolean>();
  /** The corner drawn last, and what keeps the pill clear of the page's own bars there. */
  let drawnCorner: Corner = 'bottom-right';
  let clear: ReturnType<typeof keepClearOfPage> | null = null;
  const contains = (node: Node) => ui !== null && (node === ui.host || ui.host.contains(node));

  const remove = () => {
    if (ui) drawnBy?.clear(ui.container);
    clear?.stop();
    clear = null;
    ui?.remove();
    ui = null;
    pill = null;
    drawnBy = null;
  };
  ctx.onInvalidated(remove);

  return {
    /** Draws the view: with the panel's code where it is loaded, else the plain pill. */
    show({ matches, corner, pill: words, picked }: ShownNow, open: boolean): 'pill' | 'panel' | 'nothing' {
      const code = panelCode();
      // The background sends the pill's words with every view that has cards.
      if (matches.cards.length === 0 || (!code && !words)) {
        remove();
        return 'nothing';
      }
      // Placed as it is first drawn, so it never appears over the page's own bars first;
      // then it looks again by itself, and at once in another corner.
      ui ??= createShadowUi(() => clear?.place());
      clear ??= keepClearOfPage(ui.container, () => drawnCorner, contains, {
        shadowOf: shadowRootOf,
        // Reading it tells the context, which takes the UI away from an orphaned script.
        alive: () => ctx.isValid,
      });
      if (corner !== drawnCorner) {
        drawnCorner = corner;
        clear.look();
      }
      // Apps that replace the whole document element take our host with it: mount again.
      if (!ui.host.isConnected) ui.mount();
      const { host } = ui;
      if (!code) {
        pill ??= createPill(ui.container, actions.open, actions.cancel);
        // While the code is on its way the pill says so (aria-busy).
        pill.draw(words as PillWords, corner, open);
        return 'pill';
      }
      // Open only if the reader is still where the click left them: on the pill, or
      // nowhere in particular; a reader who went on to type elsewhere keeps their focus.
      const focused = pill?.focused() ?? false;
      const active = document.activeElement;
      const stillHere = focused || active === null || active === document.body || active === host;
      const announced = pill?.announced() ?? '';
      const opens = open && stillHere;
      let cardTakesFocus = false;
      if (picked) {
        // Picked with the mouse: the card takes the focus, as a dialog opened by a click
        // does. If its code came after the pick (the plain pill was showing), only if the
        // reader is still where the pick left them, as for the panel.
        cardTakesFocus = cardFocus.get(picked) ?? (!picked.byKeyboard && (pill === null || stillHere));
        cardFocus.set(picked, cardTakesFocus);
      }
      pill?.remove();
      pill = null;
      drawnBy = code;
      code.draw(ui.container, {
        matches,
        corner,
        picked,
        cardTakesFocus,
        host,
        open: opens,
        announced,
        closeTermCard: actions.closeTermCard,
      });
      // The plain pill had the keyboard's focus: the drawn pill takes it over.
      if (focused && !opens) ui.container.querySelector<HTMLElement>(PILL_SELECTOR)?.focus();
      return 'panel';
    },
    contains,
    /** Focuses the term card, once it is drawn and placed; false when none is. */
    enterTermCard(): boolean {
      const card = ui?.container.querySelector<HTMLElement>(TERM_CARD_SELECTOR);
      // Hidden until placed: a hidden element takes no focus.
      if (!card || card.style.visibility === 'hidden') return false;
      card.focus({ preventScroll: true });
      return (card.getRootNode() as ShadowRoot).activeElement === card;
    },
    /** Focuses the pill, plain or drawn by the panel's code; false when none is shown. */
    focusPill(): boolean {
      const shown = ui?.container.querySelector<HTMLElement>(PILL_SELECTOR);
      if (!shown) return false;
      shown.focus();
      return (shown.getRootNode() as ShadowRoot).activeElement === shown;
    },
  };
}

/**
 * A page's element's shadow root, a closed one too: consent tools draw their banners in
 * one, and an extension may read it (`dom.openOrClosedShadowRoot` in Chrome, the element's
 * own method in Firefox's content scripts). The extension's API is asked only about an
 * element that may hold a closed root and shows nothing of its own (a consent tool's empty
 * host): its first use costs the page a few milliseconds (npm run bench:detect).
 */
function shadowRootOf(element: Element): ShadowRoot | null {
  if (element.shadowRoot) return element.shadowRoot;
  if (!(element instanceof HTMLElement) || element.firstChild || !MAY_HOST.test(element.localName)) return null;
  type Opener = { openOrClosedShadowRoot?(e?: HTMLElement): ShadowRoot | null | undefined };
  try {
    const dom = (globalThis as { chrome?: { dom?: Opener } }).chrome?.dom;
    return dom?.openOrClosedShadowRoot?.(element) ?? (element as Opener).openOrClosedShadowRoot?.() ?? null;
  } catch {
    return null;
  }
}

/** The elements that can have a shadow root: custom elements and these (DOM, attachShadow). */
const MAY_HOST = /^(?:article|aside|blockquote|body|div|footer|h[1-6]|header|main|nav|p|section|span)$|-/;

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
function createShadowUi(onShown: () => void): ShadowUi {
  const host = document.createElement('firsthand-panel');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = inPageCss;
  const container = document.createElement('div');
  shadow.append(style, container);
  return {
    host,
    container,
    mount() {
      document.documentElement.append(host);
      raise(host, onShown);
    },
    remove() {
      container.replaceChildren();
      host.remove();
    },
  };
}

/** On the host while it waits to go into the top layer; the shadow style hides it. */
const RISING = 'data-firsthand-rising';

/**
 * Puts the host in the top layer where the browser can (Chrome 114+, Firefox 125+). Not
 * while something is fullscreen (a video): the top layer stacks in order of entry, so the
 * host would cover it; it goes up when fullscreen ends.
 *
 * Until it is up, the host is not drawn (`RISING`): on a page that transforms or filters
 * `<html>` or `<body>`, a fixed box is placed and scaled by them, so the pill would first
 * appear in the wrong place, or off screen, and then jump. `onShown` runs once it is drawn,
 * in the same task, before it is painted (at once where there is no top layer).
 */
function raise(host: HTMLElement, onShown: () => void): void {
  if (typeof host.showPopover !== 'function') {
    onShown();
    return;
  }
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
    onShown();
  });
}
