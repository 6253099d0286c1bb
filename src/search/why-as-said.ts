import type { ArticleReading } from '@/src/detect/assess-page';
import type { Term } from '@/src/lexicon/lexicon';
import { takesSuffixes } from '@/src/lexicon/tokens';
import type { ExcerptCard } from '@/src/messaging/protocol';

/** The lexicon's term of a label (the index's `termIndex`), if the label is a term's. */
type TermOf = (label: string) => Term | undefined;

/**
 * A card's "why this" as the article says it, where that differs from the labels that
 * earned it: an article's word as first written, not its key ("goes", not "goe"), and a
 * term by the article's own word where it first says it in Hangul (국경경비대, not
 * "border guard"), without its particle (국경경비대에). Each said once. Undefined when
 * nothing differs.
 */
export function whyAsSaid(
  why: readonly string[],
  reading: Pick<ArticleReading, 'said' | 'forms'>,
  termOf: TermOf,
): string[] | undefined {
  const shown = why.map((label) => {
    const term = termOf(label);
    // A term keeps its label (the card's marks and the page's are the term's), unless the
    // article first says it in Hangul (a Korean article: headline first, then its body).
    if (term) {
      const first = takesSuffixes(label) ? undefined : reading.said.find(([, t]) => t === label)?.[0];
      return first !== undefined && takesSuffixes(first) ? bare(first, term.aliases) : label;
    }
    return reading.forms?.get(label) ?? label;
  });
  const once = shown.filter((word, i) => shown.indexOf(word) === i);
  return once.length !== why.length || once.some((word, i) => word !== why[i]) ? once : undefined;
}

/**
 * A Hangul word as its alias writes it, without what follows it (탈북자들은 → 탈북자); a
 * phrase whose words each carry a particle (북한에서 여성이) as the term's own Hangul.
 */
function bare(words: string, aliases: readonly string[]): string {
  const hangul = aliases.filter(takesSuffixes);
  const fit = hangul.filter((alias) => words.startsWith(alias));
  return fit.sort((a, b) => b.length - a.length)[0] ?? hangul[0] ?? words;
}

/** The cards with their "why this" as the article says it, where it differs. */
export function withWhyAsSaid(
  cards: readonly ExcerptCard[],
  reading: Pick<ArticleReading, 'said' | 'forms'>,
  termOf: TermOf,
): ExcerptCard[] {
  return cards.map((card) => {
    const whyShown = whyAsSaid(card.why, reading, termOf);
    return whyShown ? { ...card, whyShown } : card;
  });
}
