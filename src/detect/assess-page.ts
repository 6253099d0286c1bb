import type { DetectedTerm } from '@/src/messaging/protocol';
import type { Article } from './extract-article';
import { findTerms, type TermMatcher } from './lexicon';

/**
 * How many times gate terms (North Korea, DPRK, Pyongyang, 탈북자...) must occur in the body
 * for a page to be about North Korea when its headline names none: one mention is a
 * passing reference (a football report naming a rival), two is a subject.
 */
const GATE_MENTIONS = 2;

/**
 * Decides whether an article is about a subject the testimonies speak to, and if so which
 * lexicon terms it uses and how much. Returns [] for a page that is not about North Korea.
 */
export function assessArticle(article: Article, matcher: TermMatcher): DetectedTerm[] {
  const found = new Map<number, DetectedTerm>();
  const add = (text: string, inTitle: boolean) => {
    for (const hit of findTerms(text, matcher)) {
      const term = matcher.terms[hit.term];
      if (!term) continue;
      const d = found.get(hit.term) ?? { term: term.term, count: 0, inTitle: false };
      if (inTitle) d.inTitle = true;
      else d.count += 1;
      found.set(hit.term, d);
    }
  };
  add(article.title, true);
  for (const p of article.paragraphs) add(p, false);

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
