import type { DetectedTerm } from '@/src/messaging/protocol';
import type { Article } from './extract-article';
import { findTerms, type TermMatcher } from './lexicon';

/**
 * How many times gate terms (North Korea, DPRK, Pyongyang, 탈북자...) must occur in the body
 * for a page to be about North Korea when its headline names none: one mention is a
 * passing reference (a football report naming a rival), two is a subject.
 */
const GATE_MENTIONS = 2;

/** Term index → occurrences, in one piece of text. */
export type TermCounts = Map<number, number>;

export function countTerms(text: string, matcher: TermMatcher): TermCounts {
  const counts: TermCounts = new Map();
  for (const hit of findTerms(text, matcher)) counts.set(hit.term, (counts.get(hit.term) ?? 0) + 1);
  return counts;
}

/**
 * Decides whether an article is about a subject the testimonies speak to, and if so which
 * lexicon terms it uses and how much. Returns [] for a page that is not about North Korea.
 */
export function assessArticle(article: Article, matcher: TermMatcher): DetectedTerm[] {
  return assessCounts(
    countTerms(article.title, matcher),
    article.paragraphs.map((p) => countTerms(p, matcher)),
    matcher,
  );
}

/** The same decision, from term counts already made (the content script keeps them per paragraph). */
export function assessCounts(
  title: TermCounts,
  paragraphs: readonly TermCounts[],
  matcher: TermMatcher,
): DetectedTerm[] {
  const found = new Map<number, DetectedTerm>();
  const entry = (t: number) => {
    let d = found.get(t);
    if (!d) {
      d = { term: matcher.terms[t]?.term ?? '', count: 0, inTitle: false };
      found.set(t, d);
    }
    return d;
  };
  for (const t of title.keys()) entry(t).inTitle = true;
  for (const counts of paragraphs) for (const [t, n] of counts) entry(t).count += n;

  let gateMentions = 0;
  let gateInTitle = false;
  for (const [i, d] of found) {
    if (!matcher.terms[i]?.gate) continue;
    gateMentions += d.count;
    gateInTitle ||= d.inTitle;
  }
  if (!gateInTitle && gateMentions < GATE_MENTIONS) return [];
  // A term only in the headline still counts once: the headline is the subject.
  return [...found.values()].map((d) => (d.count === 0 ? { ...d, count: 1 } : d));
}
