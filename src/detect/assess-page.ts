import type { DetectedTerm, PageEvidence } from '@/src/lexicon/evidence';
import { findTermsInTokens, type TermMatcher } from '@/src/lexicon/lexicon';
import { type Token, tokenize } from '@/src/lexicon/tokens';
import type { TermSaid } from '@/src/messaging/protocol';
import type { Article } from './extract-article';

/**
 * How many times gate terms (North Korea, DPRK, Pyongyang, 탈북자...) must occur in the body
 * for the background to go on reading an article whose headline names none: one mention is a
 * passing reference (a football report naming a rival, a drama review whose actor shares a
 * defector's name), two is a subject. Whether the subject is what the testimonies speak to
 * is then the page model's decision (search/page-decision.ts). Issue #11 tried one: no page
 * of the real development set needs it, and a made-up negative page then showed cards
 * (docs/relevance.md).
 */
const GATE_MENTIONS = 2;

/** Term index → occurrences, in one piece of text; THE_NORTH counts "the North". */
export type TermCounts = Map<number, number>;

/**
 * "The North", as reporting on Korea names North Korea once it has said which (issue #11:
 * a defector's story that names the country once and then says "the North" failed the
 * gate). Not "the North Korean…", which the lexicon already reads, and never on its own:
 * it counts toward the gate's mentions only beside a gate term (the North of England, the
 * North in Belfast). Not a lexicon term, so its key is no term index.
 */
const THE_NORTH = -1;
const theNorth = /\b[Tt]he North\b(?![\s-]*Korea)/g;

/** How a text says each term: its words as written (North Korean, 탈북자들은) → term index. */
type Said = Map<string, number>;

function termCounts(text: string, tokens: readonly Token[], matcher: TermMatcher, said?: Said): TermCounts {
  const counts: TermCounts = new Map();
  for (const hit of findTermsInTokens(tokens, matcher)) {
    counts.set(hit.term, (counts.get(hit.term) ?? 0) + 1);
    if (said && said.size < MAX_SAID) {
      const words = text.slice(hit.start, hit.end);
      if (!said.has(words)) said.set(words, hit.term);
    }
  }
  const north = text.match(theNorth)?.length ?? 0;
  if (north > 0) counts.set(THE_NORTH, north);
  return counts;
}

/** What a piece of text says: its lexicon terms and its words, each with a count, from one tokenizing. */
interface TextCounts {
  terms: TermCounts;
  words: Map<string, number>;
}

/** How a text writes its words where a word's key is not the word: "goes" (goe), "women" (woman). */
type Forms = Map<string, string>;

function countText(text: string, matcher: TermMatcher, said?: Said, forms?: Forms): TextCounts {
  const tokens = tokenize(text);
  const words = new Map<string, number>();
  for (const { key, start, end } of tokens) {
    words.set(key, (words.get(key) ?? 0) + 1);
    // The first form of each key (a possessive as its word: "women’s" is women), kept even
    // where it is the key itself, so a later form never stands for what the article first wrote.
    if (forms && forms.size < MAX_FORMS && !forms.has(key)) {
      forms.set(
        key,
        text
          .slice(start, end)
          .toLowerCase()
          .replace(/['’]s$/, ''),
      );
    }
  }
  return { terms: termCounts(text, tokens, matcher, said), words };
}

/** The most ways of saying terms an article's reading keeps (for marking them): a 2 MB page says no more. */
const MAX_SAID = 1000;

/** The most distinct words an article sends (the most frequent): a 2 MB page says no more. */
const MAX_WORDS = 2000;
/** The most written forms an article's reading keeps (for "why this"): a 2 MB page keeps no more. */
const MAX_FORMS = 2 * MAX_WORDS;

/** The article's words with their counts (headline and paragraphs), the most frequent first, at most MAX_WORDS. */
function articleWords(parts: readonly Map<string, number>[]): PageEvidence['words'] {
  const all = new Map<string, number>();
  for (const words of parts) for (const [key, n] of words) all.set(key, (all.get(key) ?? 0) + n);
  const sorted = [...all].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return sorted.slice(0, MAX_WORDS);
}

/**
 * The paragraphs that hold the first half of the body's words: with the headline, the
 * article's lead, where news says what it is about (the background a wire story closes
 * on, "the crackdown comes as North Korea continues its missile tests", is not).
 */
function firstHalf(paragraphs: readonly TextCounts[]): TextCounts[] {
  const sizes = paragraphs.map((c) => {
    let n = 0;
    for (const count of c.words.values()) n += count;
    return n;
  });
  const half = sizes.reduce((a, b) => a + b, 0) / 2;
  let seen = 0;
  let end = 0;
  while (end < paragraphs.length && seen < half) seen += sizes[end++] as number;
  return paragraphs.slice(0, end);
}

/** What an article says, for ranking, and how it says its terms, for marking them. */
export interface ArticleReading extends PageEvidence {
  /** Each way the article says a term it uses, as written (headline first, then its body). */
  said: TermSaid[];
  /** Its words as first written, lower case, where that is not the word's key ("goes": goe). */
  forms?: ReadonlyMap<string, string>;
}

/**
 * Reads an article's text, as the background does with what the detector sends it: its
 * terms and its words when it names North Korea, and nothing at all when it does not.
 */
export function articleEvidence(article: Article, matcher: TermMatcher): ArticleReading {
  const said: Said = new Map();
  const forms: Forms = new Map();
  const title = countText(article.title, matcher, said, forms);
  const paragraphs = article.paragraphs.map((p) => countText(p, matcher, said, forms));
  const terms = assessCounts(
    title.terms,
    paragraphs.map((c) => c.terms),
    matcher,
  );
  if (terms.length === 0) return { terms, words: [], said: [] };
  return {
    terms,
    words: articleWords([title, ...paragraphs].map((c) => c.words)),
    lead: articleWords([title, ...firstHalf(paragraphs)].map((c) => c.words)),
    said: [...said].map(([words, t]): TermSaid => [words, matcher.terms[t]?.term ?? '']),
    forms: new Map([...forms].filter(([key, written]) => written !== key)),
  };
}

/**
 * Decides whether an article is about a subject the testimonies speak to, from the term
 * counts of its headline and paragraphs, and if so which lexicon terms it uses and how
 * much. Returns [] for a page that is not about North Korea.
 */
function assessCounts(title: TermCounts, paragraphs: readonly TermCounts[], matcher: TermMatcher): DetectedTerm[] {
  const found = new Map<number, DetectedTerm>();
  const entry = (t: number) => {
    let d = found.get(t);
    if (!d) {
      d = { term: matcher.terms[t]?.term ?? '', count: 0, inTitle: false };
      found.set(t, d);
    }
    return d;
  };
  let northMentions = 0;
  for (const t of title.keys()) if (t !== THE_NORTH) entry(t).inTitle = true;
  for (const counts of paragraphs) {
    for (const [t, n] of counts) {
      if (t === THE_NORTH) northMentions += n;
      else entry(t).count += n;
    }
  }

  let gateMentions = 0;
  let gateInTitle = false;
  for (const [i, d] of found) {
    if (!matcher.terms[i]?.gate) continue;
    gateMentions += d.count;
    gateInTitle ||= d.inTitle;
  }
  // "The North" adds to the mentions of a country already named, never stands for it.
  if (gateMentions > 0) gateMentions += northMentions;
  if (!gateInTitle && gateMentions < GATE_MENTIONS) return [];
  // A term only in the headline still counts once: the headline is the subject.
  return [...found.values()].map((d) => (d.count === 0 ? { ...d, count: 1 } : d));
}
