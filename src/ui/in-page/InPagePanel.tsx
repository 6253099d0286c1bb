import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n, uiLanguage } from '@/src/i18n';
import { pillLabel, pillText } from '@/src/i18n/pill-words';
import type { ExcerptCard as ExcerptCardData, PageMatches } from '@/src/messaging/protocol';
import { cornerLabel } from '@/src/settings/corner-labels';
import { CORNERS, type Corner } from '@/src/settings/corners';
import { moveBetween } from '../shared/arrow-keys';
import { ExcerptCard } from '../shared/ExcerptCard';
import { useUniqueId } from '../shared/unique-id';
import { closeWhenLeft } from './close-when-left';
import { useAnnouncement } from './use-announcement';
import { byUser } from './user-input';

export interface InPagePanelProps {
  matches: PageMatches;
  onOpenStory(card: ExcerptCardData): void;
  /**
   * The shadow host the panel is rendered under. A pointerdown whose composed path includes
   * it is a click inside the UI; without it, the component's own root is used, which only
   * works in an open shadow root (the extension's is closed).
   */
  host?: Element;
  /** Where the pill and panel sit. Default bottom-right. */
  corner?: Corner;
  /** The page's site as the reader knows it (bbc.com), for "turn off on this site". */
  site?: string;
  onMove?(corner: Corner): void;
  /** Hide Firsthand on this page (the popup can undo it). */
  onHide?(): void;
  /** Switch Firsthand off on this site (the popup can undo it). */
  onSiteOff?(): void;
  onOpenSettings?(): void;
  /** Open when first drawn: the reader activated the plain pill (pill.ts) before this code was loaded. */
  initiallyOpen?: boolean;
  /** What the plain pill's live region already said: not said again. */
  announced?: string;
}

/**
 * The in-page entry point: a small pill in a corner that opens a panel of excerpt cards.
 * It is fixed-positioned so it never moves the page's layout, and it stays collapsed until
 * the reader asks, so it never covers the article by itself. Keyboard first: the pill is a
 * button in the tab order, Esc closes and gives focus back to it, and the arrow keys (with
 * Home and End) move between the cards.
 */
export function InPagePanel({
  matches,
  onOpenStory,
  host,
  corner = 'bottom-right',
  site,
  onMove,
  onHide,
  onSiteOff,
  onOpenSettings,
  initiallyOpen = false,
  announced = '',
}: InPagePanelProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const rootRef = useRef<HTMLDivElement>(null);
  const pillRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const panelId = useUniqueId();
  const cornerId = useUniqueId();
  const count = matches.cards.length;
  const label = pillLabel(count);
  const announcement = useAnnouncement(count > 0 ? label : '', announced);

  const closeAndFocusPill = () => {
    setOpen(false);
    pillRef.current?.focus();
  };

  useEffect(() => {
    if (open) panelRef.current?.focus();
  }, [open]);

  useEffect(() => {
    const root = rootRef.current;
    if (!open || !root) return;
    // Escape (the focus back to the pill), a click outside, or the reader's Tab out into the
    // page closes it.
    return closeWhenLeft(host ?? root, root, () => setOpen(false), closeAndFocusPill);
  }, [open, host]);

  if (count === 0) return null;

  /** Arrow keys between the cards: each card's "Read the full story" button. */
  const onCardsKeyDown = byUser((event: KeyboardEvent) => {
    const buttons = [...(panelRef.current?.querySelectorAll<HTMLButtonElement>('.fh-card__open') ?? [])];
    const active = (panelRef.current?.getRootNode() as Document | ShadowRoot | undefined)?.activeElement ?? null;
    if (moveBetween(event.key, buttons, active)) event.preventDefault();
  });
  const openStory = byUser((_event: MouseEvent, card: ExcerptCardData) => onOpenStory(card));

  return (
    <div ref={rootRef} class={`fh-inpage fh-theme fh-inpage--${corner}`} lang={uiLanguage()} dir="ltr">
      <p class="fh-visually-hidden" role="status">
        {announcement}
      </p>
      {open && (
        <section
          ref={panelRef}
          id={panelId}
          class="fh-panel"
          role="dialog"
          aria-label={i18n.t('panel.dialog_label')}
          tabIndex={-1}
          onKeyDown={(event) => {
            // Just opened, the panel itself has the focus: the arrow keys go into the cards,
            // not to the page, which would scroll under it.
            if (event.target === event.currentTarget) onCardsKeyDown(event);
          }}
        >
          <div class="fh-panel__header">
            <h2 class="fh-panel__title">{i18n.t('ext.name')}</h2>
            <p class="fh-panel__subtitle">{pillText(count)}</p>
            <button
              type="button"
              class="fh-panel__close"
              aria-label={i18n.t('common.close')}
              onClick={byUser(closeAndFocusPill)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <ul class="fh-panel__cards" aria-label={i18n.t('panel.cards_label')} onKeyDown={onCardsKeyDown}>
            {matches.cards.map((card) => (
              <li key={card.passageId}>
                <ExcerptCard card={card} onOpen={(card, event) => openStory(event, card)} headingLevel={3} />
              </li>
            ))}
          </ul>
          <div class="fh-panel__footer">
            <p class="fh-panel__privacy">{i18n.t('panel.privacy')}</p>
            <div class="fh-panel__controls">
              {onMove && (
                <span class="fh-panel__corner">
                  <label for={cornerId}>{i18n.t('panel.corner')}</label>
                  <select
                    id={cornerId}
                    value={corner}
                    onChange={byUser((event) => onMove(event.currentTarget.value as Corner))}
                  >
                    {CORNERS.map((c) => (
                      <option key={c} value={c}>
                        {cornerLabel(c)}
                      </option>
                    ))}
                  </select>
                </span>
              )}
              {onHide && (
                <button type="button" class="fh-link-button" onClick={byUser(onHide)}>
                  {i18n.t('panel.hide')}
                </button>
              )}
              {onSiteOff && site && (
                <button type="button" class="fh-link-button" onClick={byUser(onSiteOff)}>
                  {i18n.t('panel.site_off', [site])}
                </button>
              )}
              {onOpenSettings && (
                <button type="button" class="fh-link-button" onClick={byUser(onOpenSettings)}>
                  {i18n.t('panel.settings')}
                </button>
              )}
            </div>
          </div>
        </section>
      )}
      <button
        ref={pillRef}
        type="button"
        class="fh-pill"
        data-firsthand="pill"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={byUser(() => setOpen(!open))}
      >
        {pillText(count)}
      </button>
    </div>
  );
}
