import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ExcerptCard as ExcerptCardData, PageMatches } from '@/src/messaging/protocol';
import { ExcerptCard } from '../shared/ExcerptCard';

export interface InPagePanelProps {
  matches: PageMatches;
  onOpenStory(card: ExcerptCardData): void;
  /**
   * The shadow host the panel is rendered under. A pointerdown whose composed path includes
   * it is a click inside the UI; without it, the component's own root is used, which only
   * works in an open shadow root.
   */
  host?: Element;
}

export function pillText(count: number): string {
  return count === 1 ? '1 testimony relates to this article' : `${count} testimonies relate to this article`;
}

/**
 * The in-page entry point: a small pill in the corner that opens a panel of excerpt cards.
 * It is fixed-positioned so it never moves the page's layout, and it stays collapsed until
 * the reader asks, so it never covers the article by itself.
 */
export function InPagePanel({ matches, onOpenStory, host }: InPagePanelProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const pillRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const panelId = useId();
  const count = matches.cards.length;

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
    const document = root.ownerDocument;
    const inside = host ?? root;
    // Capture phase: pages often stop propagation of their own clicks and keys, and WXT's
    // `isolateEvents` stops keys at the shadow root, which a bubbling listener would miss.
    const onPointerDown = (event: PointerEvent) => {
      if (!event.composedPath().includes(inside)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // An IME's Escape cancels a composition; it is not meant for us.
      if (event.key === 'Escape' && !event.isComposing) closeAndFocusPill();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [open, host]);

  if (count === 0) return null;

  return (
    <div ref={rootRef} class="fh-inpage fh-theme" lang="en" dir="ltr">
      {open && (
        <section
          ref={panelRef}
          id={panelId}
          class="fh-panel"
          role="dialog"
          aria-label="Firsthand: testimonies related to this article"
          tabIndex={-1}
        >
          <header class="fh-panel__header">
            <h2 class="fh-panel__title">Firsthand</h2>
            <p class="fh-panel__subtitle">{pillText(count)}</p>
            <button type="button" class="fh-panel__close" aria-label="Close" onClick={closeAndFocusPill}>
              <span aria-hidden="true">×</span>
            </button>
          </header>
          <ul class="fh-panel__cards">
            {matches.cards.map((card) => (
              <li key={card.passageId}>
                <ExcerptCard card={card} onOpen={onOpenStory} headingLevel={3} />
              </li>
            ))}
          </ul>
          <p class="fh-panel__footer">Matched on your device. Nothing about this page leaves your browser.</p>
        </section>
      )}
      <button
        ref={pillRef}
        type="button"
        class="fh-pill"
        data-firsthand="pill"
        aria-label={`Firsthand: ${pillText(count)}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        {pillText(count)}
      </button>
    </div>
  );
}
