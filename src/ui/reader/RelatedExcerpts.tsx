import { i18n, uiLanguage } from '@/src/i18n';
import type { ExcerptCard as ExcerptCardData } from '@/src/messaging/protocol';
import { ExcerptCard } from '../shared/ExcerptCard';
import { useUniqueId } from '../shared/unique-id';

export interface RelatedExcerptsProps {
  cards: readonly ExcerptCardData[];
  /** A card's link: the reader's address for its passage (middle-click opens it in a new tab). */
  href(card: ExcerptCardData): string;
  /** A plain click on a card's link. */
  onOpen(card: ExcerptCardData): void;
}

/** Excerpts of other stories that speak to the same things; nothing at all when none do. */
export function RelatedExcerpts({ cards, href, onOpen }: RelatedExcerptsProps) {
  const headingId = useUniqueId('fh-related');
  if (cards.length === 0) return null;
  return (
    <section class="fh-reader__related" aria-labelledby={headingId} lang={uiLanguage()}>
      <h2 id={headingId} class="fh-reader__related-title">
        {i18n.t('reader.related')}
      </h2>
      <ul class="fh-reader__related-list">
        {cards.map((card) => (
          <li key={card.passageId}>
            <ExcerptCard card={card} href={href(card)} onOpen={onOpen} headingLevel={3} />
          </li>
        ))}
      </ul>
    </section>
  );
}
