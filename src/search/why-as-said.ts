import type { ArticleReading } from '@/src/detect/assess-page';
import type { Term } from '@/src/lexicon/lexicon';
import type { ExcerptCard } from '@/src/messaging/protocol';

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * A card's "why this" as the article says it, where that differs from the labels that
 * earned it: an article's word as written, not its key ("goes", not "goe"; "women", not
 * "woman"), and a Korean article's own word for a term whose label is English (국경경비대,
 * not "border guard"), without its particle (국경경비대에). Undefined when nothing differs.
 */
export function whyAsSaid(
  why: readonly string[],
  reading: Pick<ArticleReading, 'said' | 'forms'>,
  terms: readonly Term[],
): string[] | undefined {
  const shown = why.map((label) => {
    const term = terms.find((t) => t.term === label);
    // A term keeps its label (the card's marks and the page's are the term's), unless a
    // Korean article says it in Hangul.
    if (term) {
      const said = HANGUL.test(label) ? undefined : reading.said.find(([w, t]) => t === label && HANGUL.test(w));
      return said ? bare(said[0], term.aliases) : label;
    }
    return reading.forms?.get(label) ?? label;
  });
  return shown.some((word, i) => word !== why[i]) ? shown : undefined;
}

/** A Hangul word as its alias writes it, without what follows it (탈북자들은 → 탈북자). */
function bare(words: string, aliases: readonly string[]): string {
  const fit = aliases.filter((alias) => HANGUL.test(alias) && words.startsWith(alias));
  return fit.sort((a, b) => b.length - a.length)[0] ?? words;
}

/** The cards with their "why this" as the article says it, where it differs. */
export function withWhyAsSaid(
  cards: readonly ExcerptCard[],
  reading: Pick<ArticleReading, 'said' | 'forms'>,
  terms: readonly Term[],
): ExcerptCard[] {
  return cards.map((card) => {
    const whyShown = whyAsSaid(card.why, reading, terms);
    return whyShown ? { ...card, whyShown } : card;
  });
}
