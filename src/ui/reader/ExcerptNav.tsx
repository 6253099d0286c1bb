import { i18n, uiLanguage } from '@/src/i18n';

export interface ExcerptNavProps {
  /** 0-based position of the highlighted excerpt; undefined when none is. */
  position: number | undefined;
  count: number;
  onPrevious(): void;
  onNext(): void;
}

/**
 * Previous / next excerpt of the story, in a bar that stays at the bottom of the window
 * while the story scrolls. At either end the button is disabled, not hidden, so the bar
 * does not jump. Keys: see `excerptStep`.
 */
export function ExcerptNav({ position, count, onPrevious, onNext }: ExcerptNavProps) {
  if (count === 0) return null;
  const hasPrevious = position !== undefined && position > 0;
  const hasNext = position === undefined || position < count - 1;
  return (
    <nav class="fh-reader__nav" aria-label={i18n.t('reader.nav_label')} lang={uiLanguage()}>
      <button
        type="button"
        class="fh-button fh-reader__nav-button"
        disabled={!hasPrevious}
        aria-keyshortcuts="k p"
        onClick={onPrevious}
      >
        <span aria-hidden="true">← </span>
        {i18n.t('reader.nav_previous')}
      </button>
      <p class="fh-reader__nav-position">
        {position === undefined
          ? i18n.t('reader.nav_count', count)
          : i18n.t('reader.nav_position', [String(position + 1), String(count)])}
      </p>
      <button
        type="button"
        class="fh-button fh-reader__nav-button"
        disabled={!hasNext}
        aria-keyshortcuts="j n"
        onClick={onNext}
      >
        {i18n.t('reader.nav_next')}
        <span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}

/**
 * The step a key press asks for: j or n the next excerpt, k or p the previous one. Only
 * plain presses count, and only while the reader is in the story or this bar (the caller
 * checks), so the keys never fire from anywhere on the page (WCAG 2.1.4).
 */
export function excerptStep(event: KeyboardEvent): -1 | 1 | 0 {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return 0;
  switch (event.key) {
    case 'j':
    case 'n':
      return 1;
    case 'k':
    case 'p':
      return -1;
    default:
      return 0;
  }
}
