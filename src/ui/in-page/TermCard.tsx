import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '@/src/i18n';
import type { ExcerptCard as ExcerptCardData } from '@/src/messaging/protocol';
import { ExcerptCard } from '../shared/ExcerptCard';
import { pageBars, pageProbe } from './clear-of-page';
import { closeWhenLeft } from './close-when-left';
import { placeCard } from './place-card';
import { useAnnouncement } from './use-announcement';
import { byUser } from './user-input';

/** A small card: long lists of excerpts scroll inside it. */
const MAX_HEIGHT = 420;

export interface TermCardProps {
  /** The term's label. */
  term: string;
  /** The excerpts this term earned. */
  cards: ExcerptCardData[];
  /** The term's line box on screen now; null when it has left the viewport. */
  anchor(): DOMRect | null;
  /** Take focus (opened by a click); from the keyboard the reader's focus stays put. */
  takeFocus: boolean;
  /**
   * The page's link whose focus opened the card (from the keyboard): the reader tabs in from
   * it, and back to it (term-marks.ts).
   */
  returnTo?: Element | undefined;
  /** The shadow host, to tell clicks inside the UI from clicks on the page. */
  host?: Element;
  onClose(): void;
  onOpenStory(card: ExcerptCardData): void;
}

/**
 * A small card beside a marked term, with that term's excerpts. It is placed below the
 * term, or above it when there is no room, never over it and always inside the viewport,
 * and follows it as the page scrolls; it closes with Esc, a click elsewhere, or when the
 * term scrolls out of view.
 */
export function TermCard({ term, cards, anchor, takeFocus, returnTo, host, onClose, onOpenStory }: TermCardProps) {
  const ref = useRef<HTMLElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number; maxHeight: number } | null>(null);

  useLayoutEffect(() => {
    const card = ref.current;
    if (!card) return;
    const view = card.ownerDocument.defaultView;
    if (!view) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const rect = anchor();
      const { innerWidth: width, innerHeight: height } = view;
      if (!rect || rect.bottom < 0 || rect.top > height) {
        onClose();
        return;
      }
      const wanted = Math.min(card.scrollHeight, MAX_HEIGHT);
      // Clear of the page's own bars at the viewport's edges (a cookie banner, a sticky header).
      const ours = (element: Element) => element === host || card.contains(element);
      const bars = pageBars(pageProbe(card.ownerDocument, ours), width, height);
      const place = placeCard(rect, { width: card.offsetWidth, height: wanted }, { width, height }, bars);
      setPlace({ ...place, maxHeight: Math.min(place.maxHeight, MAX_HEIGHT) });
    };
    const schedule = () => {
      frame ||= view.requestAnimationFrame(update);
    };
    update();
    view.addEventListener('scroll', schedule, { capture: true, passive: true });
    view.addEventListener('resize', schedule, { passive: true });
    return () => {
      if (frame) view.cancelAnimationFrame(frame);
      view.removeEventListener('scroll', schedule, { capture: true });
      view.removeEventListener('resize', schedule);
    };
  }, [anchor, onClose, host]);

  const placed = place !== null;
  const previous = useRef<HTMLElement | null>(null);
  // Focus once the card is placed: until then it is hidden, and a hidden element takes none.
  useEffect(() => {
    const card = ref.current;
    if (!card || !placed || !takeFocus) return;
    previous.current = card.ownerDocument.activeElement as HTMLElement | null;
    card.focus({ preventScroll: true });
  }, [placed, takeFocus]);

  useEffect(() => {
    const card = ref.current;
    if (!card) return;
    const inside = host ?? card;
    const link = returnTo instanceof HTMLElement || returnTo instanceof SVGElement ? returnTo : undefined;
    // Escape, a click outside, or the reader's Tab out into the page closes it; Escape gives
    // the focus back to where it was: where the click left it, or the link it was entered from.
    return closeWhenLeft(
      inside,
      card,
      onClose,
      () => {
        const focused = card.contains((card.getRootNode() as Document | ShadowRoot).activeElement);
        onClose();
        if (takeFocus) previous.current?.focus?.({ preventScroll: true });
        else if (focused) link?.focus({ preventScroll: true });
      },
      link,
    );
  }, [takeFocus, returnTo, host, onClose]);

  // Opened from the keyboard, the card has not the focus: screen readers are told it is
  // there, and how to read it or leave it.
  const count = i18n.t('termcard.count', cards.length);
  const hint = useAnnouncement(returnTo && !takeFocus ? i18n.t('termcard.keyboard_hint', [term, count]) : '');
  const openStory = byUser((_event: MouseEvent, card: ExcerptCardData) => onOpenStory(card));
  const style = place
    ? { top: `${place.top}px`, left: `${place.left}px`, maxHeight: `${place.maxHeight}px` }
    : { visibility: 'hidden' as const };
  return (
    <section
      ref={ref}
      class="fh-termcard"
      role="dialog"
      aria-label={i18n.t('termcard.dialog_label', [term])}
      tabIndex={-1}
      style={style}
      data-firsthand="term-card"
      data-opened-by={returnTo ? 'keyboard' : undefined}
    >
      <div class="fh-termcard__header">
        <p class="fh-termcard__term">
          {term}
          <span class="fh-termcard__count">{count}</span>
        </p>
        <button type="button" class="fh-panel__close" aria-label={i18n.t('common.close')} onClick={byUser(onClose)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p class="fh-visually-hidden" role="status">
        {hint}
      </p>
      <ul class="fh-termcard__cards">
        {cards.map((card) => (
          <li key={card.passageId}>
            {/* The whole excerpt, not clamped as the panel's are: the term the reader picked may
                stand at its end, and the card scrolls. */}
            <ExcerptCard
              card={card}
              onOpen={(card, event) => openStory(event, card)}
              headingLevel={3}
              compact={false}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
