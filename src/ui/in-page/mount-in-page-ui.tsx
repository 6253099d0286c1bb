import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { WxtStorageItem } from 'wxt/utils/storage';
import type { TermRange } from '@/src/detect/term-ranges';
import { uiLanguage } from '@/src/i18n';
import {
  articleUrl,
  type ExcerptCard as ExcerptCardData,
  onMessage,
  type PageMatches,
  sendMessage,
} from '@/src/messaging/protocol';
import { detectionHook, isLive, setInPageHook } from '@/src/page/in-page-hook';
import { type DisplayMode, displayMode } from '@/src/settings/display-mode';
import { type Corner, corner, isOffSite, markTerms, offSites, setSiteOff, siteOf } from '@/src/settings/page-settings';
import { InPagePanel } from './InPagePanel';
import inPageCss from './in-page.css?inline';
import { TermCard } from './TermCard';
import { createTermMarks, type PickedTerm } from './term-marks';

/** Everything the page's UI depends on besides its matches. */
interface Settings {
  mode: DisplayMode;
  corner: Corner;
  offSites: string[];
  markTerms: boolean;
}

/** What the page's UI shows now. */
interface InPageView {
  matches: PageMatches;
  corner: Corner;
  /** The term card, when the reader picked a marked term. */
  picked: PickedTerm | null;
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
          hiddenUrl = latest?.url ?? null;
          render();
        }),
    closeTermCard: () => {
      picked = null;
      render();
    },
  });
  let latest: PageMatches | null = null;
  /** Hidden here by the reader: an answer already on its way must not bring it back. */
  let hiddenUrl: string | null = null;
  let terms: readonly TermRange[] = [];
  let picked: PickedTerm | null = null;
  const settings: Partial<Settings> = {};
  const marks = createTermMarks(
    document,
    (pick) => {
      if (pick === null) {
        if (!picked?.byKeyboard) return;
      } else if (picked?.mark === pick.mark) {
        return; // already open for this occurrence
      }
      picked = pick;
      render();
    },
    undefined,
    ui.contains,
  );
  ctx.onInvalidated(() => marks.clear());

  const render = () => {
    const { mode, corner: place, offSites: sites, markTerms: marking } = settings;
    if (mode === undefined || place === undefined || sites === undefined || marking === undefined) return;
    const shown =
      latest !== null &&
      mode === 'standard' &&
      !latest.hidden &&
      latest.url !== hiddenUrl &&
      // Matches for another address (a single-page app moved on) are never shown.
      latest.url === articleUrl(location.href) &&
      !isOffSite(location.href, sites);
    const matches = shown && latest ? latest : { url: '', cards: [] };
    if (shown && marking) marks.set(terms.filter(isLive));
    else marks.clear();
    if (!shown || !marking) picked = null;
    void ui.show({ matches, corner: place, picked });
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
  follow('markTerms', markTerms);

  /** Asks the background for this tab's matches (`first`: only if none were handed over yet). */
  const fetchMatches = (first = false) =>
    sendMessage('getPageMatches', undefined)
      .then((matches) => {
        if (first && (latest !== null || !matches)) return;
        latest = matches;
        // Shown again from the popup: the background's word is the last.
        if (matches && !matches.hidden) hiddenUrl = null;
        terms = matches ? (detectionHook()?.termsOf(matches) ?? []) : [];
        render();
      })
      .catch(() => {});
  setInPageHook({
    show(matches, found) {
      latest = matches;
      terms = found;
      // A new answer (late content, another article) closes an open term card.
      picked = null;
      render();
    },
    mark(found) {
      terms = found;
      render();
    },
    contains: ui.contains,
  });
  ctx.onInvalidated(() => setInPageHook(undefined));
  ctx.onInvalidated(onMessage('refreshPage', () => void fetchMatches()));
  // Injected after the mode changed back to standard, nobody hands us the matches: ask.
  void fetchMatches(true);
}

/**
 * The in-page UI, created only when a page has matches: a page with none gets no element,
 * no style, nothing. Lives in a closed shadow root (PRODUCT.md's stable contract, issue 12):
 * the page's CSS cannot reach it, its CSS cannot reach the page, and the page's scripts
 * cannot read it (`host.shadowRoot` is null to them) — the cards may come from an archive
 * the reader imported privately. Only the reference WXT returns reaches the root, and every
 * handler acts on the reader's own input alone (`byUser`), so the page cannot drive it
 * either.
 *
 * The host hangs from <html>, not <body>, so apps that re-render or replace their body
 * leave it alone; where the Popover API exists it is shown in the top layer, so no
 * transform, z-index or overflow of the page can move, cover or clip it, while a
 * fullscreen video, which enters the top layer later, still covers it.
 */
export type InPageUi = ReturnType<typeof createInPageUi>;

export function createInPageUi(ctx: ContentScriptContext, actions: { hide(): void; closeTermCard(): void }) {
  let ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  let host: HTMLElement | null = null;

  const create = () =>
    createShadowRootUi(ctx, {
      name: 'firsthand-panel',
      mode: 'closed',
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
    async show({ matches, corner: place, picked }: InPageView) {
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
      const openStory = (card: ExcerptCardData) =>
        void sendMessage('openReader', { storyId: card.storyId, passageId: card.passageId });
      const term = picked?.mark.term;
      render(
        <>
          <InPagePanel
            matches={matches}
            host={host}
            corner={place}
            site={site}
            onOpenStory={openStory}
            onMove={(next) => void corner.setValue(next)}
            onHide={actions.hide}
            onSiteOff={() => void setSiteOff(site, true)}
            onOpenSettings={() => void sendMessage('openOptions', undefined)}
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
        mounted.uiContainer,
      );
    },
    contains: (node: Node) => host !== null && (node === host || host.contains(node)),
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
