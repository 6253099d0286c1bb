import type { DetectedTerm, PageEvidence } from '@/src/lexicon/evidence';
import type { Term } from '@/src/lexicon/lexicon';
import { tokenize } from '@/src/lexicon/tokens';
import { contentStem } from './content-words';
import { type CorpusIndex, findStem, passageText, perIndex, termPassages } from './corpus-index';
import { type RankedPassage, termMarks } from './excerpt-cards';
import { decodeGaps, listHas } from './packed-index';
import {
  decidesToShow,
  isStatecraft,
  type PageFeatures,
  type PageModel,
  type RankConstants,
  SHIPPED_MODEL,
} from './page-decision';

/**
 * Which testimonies relate to an article (issue #11): query by document. The article's
 * own content words, stemmed, are the query (Lucene's MoreLikeThis: its most telling
 * words by tf·idf), and each passage is scored by BM25 on its own words; the lexicon's
 * terms found on the page count beside them as synonyms (aliases, romanisations, Hangul:
 * a Korean article reaches the English stories only through them). Whether to show
 * anything at all is the page model's decision (page-decision.ts).
 */

/** BM25's usual constants (Robertson and Zaragoza; Lucene's defaults): not fitted. */
const K1 = 1.2;
const B = 0.75;
/** How many of the article's words make the query (MoreLikeThis's default maxQueryTerms). */
const QUERY_STEMS = 25;
/** A term or word that earned less than this share of the passage's best is not shown as a reason. */
const WHY_SHARE = 0.2;
/** At most this many reasons: a card says why in one line, not a word list. */
const WHY_MOST = 6;
/** Places and countries set the scene; they are never the subject (the lexicon's aboutness). */
const SUBJECT_KINDS = new Set(['topic', 'event', 'person', 'org']);

export const SHIPPED_CONSTANTS: RankConstants = SHIPPED_MODEL.rank;

export interface RankOptions {
  limit?: number;
  /** At most this many passages from one story, so one long story cannot fill the panel. */
  perStory?: number;
  /**
   * A passage scoring under this share of its source's best is not shown: next to the best
   * it is noise. Fitted (the page model's `floor`, docs/relevance.md); 0 shows every one.
   */
  floor?: number;
}

/**
 * How much a detected term says the article is about its subject (the page model's
 * "subject evidence"). Zero for places and for generic words (weight 1: family, food);
 * little for a passing mention (once in the body, not in the headline): an article is
 * about what it keeps returning to. On a long page the count weighs as `scale` of itself
 * (pageAboutness); whether a mention is passing is decided on the page's own count.
 */
export function aboutness(term: Term, d: DetectedTerm, scale = 1): number {
  if (!SUBJECT_KINDS.has(term.kind) || term.weight < 2) return 0;
  const passing = d.count < 2 && !d.inTitle;
  return term.weight * Math.log(1 + d.count * scale) * (d.inTitle ? 1.5 : 1) * (passing ? 0.35 : 1);
}

/**
 * The page model was fitted on news excerpts of at most about this many words. A longer
 * page's term counts are scaled down to this length, so that it is read at the density it
 * speaks of a subject: five mentions of women in a 14,000-word encyclopedia article about
 * a country are not five in a 400-word news story. A page's length is the sum of its
 * words' counts as the background reads them (its 2,000 commonest words: on a very long page,
 * a little under its length, so it is scaled a little less).
 */
export const MODEL_PAGE_WORDS = 400;

/**
 * How much the whole article is about what the testimonies speak to, by the lexicon: the
 * subjects it keeps returning to, among those the stories Firsthand ships speak of (a term
 * none of their passages reaches, such as a news agency or a leader's name, is what the
 * news is about, not what the testimonies are). The stories shipped, not an imported
 * archive: the model was fitted on them, and a large archive reaches nearly every term,
 * so what a reader imports must not change which pages read as being about the subject.
 */
export function pageAboutness(index: CorpusIndex, detected: readonly DetectedTerm[], pageWords: number): number {
  const scale = pageWords > MODEL_PAGE_WORDS ? MODEL_PAGE_WORDS / pageWords : 1;
  const { termDf } = sourcesOf(index);
  let sum = 0;
  for (const d of detected) {
    const t = index.termIndex.get(d.term);
    if (t === undefined || !(d.count >= 1) || !Number.isFinite(d.count) || termDf(BUNDLED, t) === 0) continue;
    sum += aboutness(index.terms[t] as Term, d, scale);
  }
  return sum;
}

/**
 * Per index, the arrays scores add up in, made once: at 50,000 passages a map entry per
 * reached passage costs more than the ranking itself. Each call clears what it touched.
 */
interface Scratch {
  score: Float64Array;
  /** The passages touched, in the order first reached. */
  touched: Uint32Array;
  seen: Uint8Array;
  storyTotal: Float64Array;
  /** A stem's passages, decoded from their varint gaps. */
  decoded: Uint32Array;
}
const scratch = perIndex(
  ({ passageCount: n, stories }): Scratch => ({
    score: new Float64Array(n),
    touched: new Uint32Array(n),
    seen: new Uint8Array(n),
    storyTotal: new Float64Array(stories.length),
    decoded: new Uint32Array(n),
  }),
);

/** BM25's inverse document frequency (never below zero). */
const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** One part of the query: a content-word stem or a lexicon term, and what it weighs. */
interface QueryPart {
  kind: 'stem' | 'term';
  /** Stem or term position in the index. */
  at: number;
  /** Query weight × idf. */
  weight: number;
  /** What a reader is shown for it: the article's own word, or the term's label. */
  label: string;
}

/** What the page model and the cards need from one article. */
export interface PageReading {
  features: PageFeatures;
  /** The passages a reader would be shown if the model says yes, best first. */
  ranked: RankedPassage[];
}

/**
 * Per index: each passage's source (the stories Firsthand ships are source 0, each
 * imported collection one more), each source's size and mean passage length, and how many
 * of each source's passages say each stem and reach each term (counted when the index was
 * packed).
 */
const sourcesOf = perIndex((index) => {
  const { storyCollection, collections, passageLength } = index.packed;
  const count = collections.length;
  const of = new Uint16Array(index.passageCount);
  const size = new Float64Array(count);
  const length = new Float64Array(count);
  for (let p = 0; p < index.passageCount; p++) {
    const c = storyCollection[index.passageStory[p] as number] as number;
    of[p] = c;
    size[c] = (size[c] as number) + 1;
    length[c] = (length[c] as number) + (passageLength[p] as number);
  }
  const meanLength = Float64Array.from(size, (n, c) => (n === 0 ? 1 : Math.max(1, (length[c] as number) / n)));
  // BM25's length normalisation of each passage, against its own source's mean.
  const lengthNorm = Float64Array.from(
    passageLength,
    (length, p) => K1 * (1 - B + (B * length) / (meanLength[of[p] as number] as number)),
  );
  const { stemSources, termSources } = index.packed;
  const stemDf = (c: number, stem: number) => stemSources[stem * count + c] as number;
  const termDf = (c: number, term: number) => termSources[term * count + c] as number;
  return { of, size, lengthNorm, count, stemDf, termDf };
});

/** The source of the stories Firsthand ships (each imported collection is one more). */
const BUNDLED = 0;

/** The article as the query sees it, before any source's statistics. */
interface ArticleQuery {
  /** Its stems the passages say, with the article's counts and the word shown for each. */
  stems: { at: number; count: number; label: string }[];
  /** The article's counts of the stems no passage says. */
  unknown: number[];
  /** The lexicon terms it uses, with their counts. */
  terms: { at: number; count: number; label: string }[];
  words: number;
  /** All its words, stop words too (what MODEL_PAGE_WORDS counts). */
  pageWords: number;
  hangul: number;
  /** Statecraft words in the lead, and the lead's content words. */
  statecraft: number;
  leadWords: number;
}

function articleQuery(index: CorpusIndex, evidence: PageEvidence): ArticleQuery {
  const counts = new Map<number, number>();
  const unknown = new Map<string, number>();
  const surface = new Map<number, [string, number]>();
  let words = 0;
  let pageWords = 0;
  let hangul = 0;
  let statecraft = 0;
  for (const [key, count] of evidence.words) {
    // What a page says is never trusted blindly: a count must be a count.
    if (!(count >= 1) || !Number.isFinite(count) || typeof key !== 'string') continue;
    pageWords += count;
    const stem = contentStem(key);
    if (stem === '') continue;
    words += count;
    if (stem.charCodeAt(0) >= 0xac00 && stem.charCodeAt(0) <= 0xd7af) hangul += count;
    const s = findStem(index, stem);
    if (s === undefined) {
      unknown.set(stem, (unknown.get(stem) ?? 0) + count);
      continue;
    }
    counts.set(s, (counts.get(s) ?? 0) + count);
    const seen = surface.get(s);
    if (!seen || seen[1] < count) surface.set(s, [key, count]);
  }
  // Statecraft is judged in the article's lead, where news says what it is about (the
  // whole article where its lead is not known).
  let leadWords = 0;
  for (const [key, count] of evidence.lead ?? evidence.words) {
    if (!(count >= 1) || !Number.isFinite(count) || typeof key !== 'string') continue;
    if (isStatecraft(key)) statecraft += count;
    if (contentStem(key) !== '') leadWords += count;
  }
  const stems = [...counts].map(([at, count]) => ({ at, count, label: surface.get(at)?.[0] ?? '' }));
  const terms: ArticleQuery['terms'] = [];
  for (const d of evidence.terms) {
    const t = index.termIndex.get(d.term);
    if (t !== undefined && d.count >= 1) terms.push({ at: t, count: d.count, label: d.term });
  }
  return { stems, unknown: [...unknown.values()], terms, words, pageWords, hangul, statecraft, leadWords };
}

/**
 * One source's query: its own statistics (how many of its passages say each word and
 * reach each term) weigh the article's words and choose the most telling, so an imported
 * archive whose every passage says "border" neither drowns that word for the stories
 * Firsthand ships nor is judged by theirs: each source is ranked as a collection of its
 * own, as federated search does. Also the source's "mass": what a passage of it would
 * score if it said every one of the article's most telling words and terms.
 */
function sourceQuery(
  query: ArticleQuery,
  stemDf: (stem: number) => number,
  termDf: (term: number) => number,
  size: number,
  constants: RankConstants,
): { parts: QueryPart[]; mass: number } {
  const profile = query.unknown.map((count) => (1 + Math.log(count)) * idf(size, 0));
  const stems: QueryPart[] = [];
  for (const { at, count, label } of query.stems) {
    const df = stemDf(at);
    const weight = (1 + Math.log(count)) * idf(size, df);
    profile.push(weight);
    if (df > 0) stems.push({ kind: 'stem', at, weight, label });
  }
  stems.sort((a, b) => b.weight - a.weight || a.at - b.at);
  stems.length = Math.min(stems.length, QUERY_STEMS);
  // An article too short to have that many telling words (a caption, a teaser) is read as
  // if the rest were words no passage says, each said once: its few words are not "the
  // article", and the page model was fitted on articles of 80 words and more, whose
  // profiles are full. Without it, a two-line page that names North Korea and says "page"
  // and "later" had most of its profile spoken to by some passage.
  const missing = Math.max(0, QUERY_STEMS - profile.length);
  let mass =
    profile
      .sort((a, b) => b - a)
      .slice(0, QUERY_STEMS)
      .reduce((sum, w) => sum + w, 0) +
    missing * idf(size, 0);
  const parts = stems;
  for (const { at, count, label } of query.terms) {
    const df = termDf(at);
    const weight = constants.termShare * (1 + Math.log(count)) * idf(size, df);
    mass += weight;
    if (df > 0) parts.push({ kind: 'term', at, weight, label });
  }
  return { parts, mass: mass * (K1 + 1) };
}

/**
 * Reads an article as the page model sees it (its features) and ranks the passages it
 * would show: each passage's BM25 score for the article's query, plus a share of its
 * story's other passages' scores (a story that speaks to the article in several places is
 * the better read). Each source (the stories Firsthand ships, each imported collection)
 * is scored with its own statistics and gets its best passages from a heap of its own;
 * then the sources take turns, the one whose best passage speaks to more of the article
 * first, so one large archive cannot crowd the others out.
 */
export function readPage(
  index: CorpusIndex,
  evidence: PageEvidence,
  constants: RankConstants = SHIPPED_CONSTANTS,
  opts: RankOptions = {},
): PageReading {
  const scored = scorePage(index, evidence, constants, opts);
  return { features: scored.features, ranked: scored.explain() };
}

/**
 * readPage's work, with "why this" left for later: a page the model keeps quiet never
 * needs it, and it reads each passage's text.
 */
function scorePage(
  index: CorpusIndex,
  evidence: PageEvidence,
  constants: RankConstants,
  opts: RankOptions,
): {
  features: PageFeatures;
  /** The chosen passages with "why this" worked out. */
  explain: () => RankedPassage[];
} {
  const { limit = 6, perStory = 3, floor = SHIPPED_MODEL.floor } = opts;
  const { score, touched, seen, storyTotal, decoded } = scratch(index);
  const story = index.passageStory;
  const sources = sourcesOf(index);
  const query = articleQuery(index, evidence);

  const perSource = Array.from({ length: sources.count }, (_, c) => {
    const size = sources.size[c] as number;
    const { parts, mass } =
      size === 0
        ? { parts: [], mass: 0 }
        : sourceQuery(
            query,
            (stem) => sources.stemDf(c, stem),
            (term) => sources.termDf(c, term),
            size,
            constants,
          );
    return { parts, mass, best: 0, similarity: 0 };
  });
  // Each posting list is walked once, whichever sources' queries it is part of: a part's
  // weight per source, 0 where that source's query left it out.
  const weights = new Map<string, Float64Array>();
  const partOf = new Map<string, QueryPart>();
  perSource.forEach(({ parts }, c) => {
    for (const part of parts) {
      const key = `${part.kind}:${part.at}`;
      let w = weights.get(key);
      if (!w) {
        w = new Float64Array(sources.count);
        weights.set(key, w);
        partOf.set(key, part);
      }
      w[c] = part.weight;
    }
  });
  // The hot loop, at 50,000 passages: no call per posting but `add`.
  const { lengthNorm, of } = sources;
  const { stemPassages, stemCounts } = index.packed;
  let reached = 0;
  const add = (p: number, tf: number, weight: number) => {
    if (seen[p] === 0) {
      seen[p] = 1;
      touched[reached++] = p;
    }
    score[p] = (score[p] as number) + (weight * (tf * (K1 + 1))) / (tf + (lengthNorm[p] as number));
  };
  for (const [key, w] of weights) {
    const part = partOf.get(key) as QueryPart;
    if (part.kind === 'term') {
      const list = termPassages(index, part.at);
      for (let i = 0; i < list.length; i++) {
        const p = list[i] as number;
        const weight = w[of[p] as number] as number;
        if (weight !== 0) add(p, 1, weight);
      }
      continue;
    }
    const n = decodeGaps(stemPassages, part.at, decoded);
    const first = index.stemCountStart[part.at] as number;
    for (let i = 0; i < n; i++) {
      const p = decoded[i] as number;
      const weight = w[of[p] as number] as number;
      if (weight !== 0) add(p, stemCounts[first + i] as number, weight);
    }
  }
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    const s = story[p] as number;
    storyTotal[s] = (storyTotal[s] as number) + (score[p] as number);
    const source = perSource[sources.of[p] as number] as (typeof perSource)[number];
    if ((score[p] as number) > source.similarity) source.similarity = score[p] as number;
  }
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    const own = score[p] as number;
    score[p] = own + constants.storyShare * ((storyTotal[story[p] as number] as number) - own);
    const source = perSource[sources.of[p] as number] as (typeof perSource)[number];
    if ((score[p] as number) > source.best) source.best = score[p] as number;
  }

  // Within a source, by score; between sources, by the share of the article spoken to.
  const share = (p: number) => {
    const { mass } = perSource[sources.of[p] as number] as (typeof perSource)[number];
    return mass > 0 ? (score[p] as number) / mass : 0;
  };
  const better = (a: number, b: number) =>
    (score[a] as number) > (score[b] as number) || (score[a] === score[b] && a < b);
  const candidates = new Map<number, number[]>();
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    const c = sources.of[p] as number;
    if ((score[p] as number) <= 0 || (score[p] as number) < (perSource[c]?.best ?? 0) * floor) continue;
    const list = candidates.get(c);
    if (list) list.push(p);
    else candidates.set(c, [p]);
  }
  const perStoryCount = new Map<number, number>();
  const turns: number[][] = [];
  for (const list of candidates.values()) {
    const next = bestFirst(list, better);
    const chosen: number[] = [];
    for (let p = next(); p !== undefined && chosen.length < limit; p = next()) {
      const s = story[p] as number;
      const n = perStoryCount.get(s) ?? 0;
      if (n >= perStory) continue;
      perStoryCount.set(s, n + 1);
      chosen.push(p);
    }
    if (chosen.length > 0) turns.push(chosen);
  }
  turns.sort((a, b) => share(b[0] as number) - share(a[0] as number) || (a[0] as number) - (b[0] as number));
  const order: number[] = [];
  for (let round = 0; order.length < limit && turns.some((list) => round < list.length); round++) {
    for (const list of turns) {
      const p = list[round];
      if (p !== undefined && order.length < limit) order.push(p);
    }
  }
  const ranked = order.map((p) => ({ passage: p, score: score[p] as number }));
  for (let k = 0; k < reached; k++) {
    const p = touched[k] as number;
    score[p] = 0;
    seen[p] = 0;
  }
  storyTotal.fill(0);

  // The best passage of any source, as a share of what that source could score.
  let similarity = 0;
  for (const { similarity: best, mass } of perSource) if (mass > 0) similarity = Math.max(similarity, best / mass);
  const { words, hangul, statecraft, leadWords } = query;
  const features: PageFeatures = {
    subject: Math.log1p(pageAboutness(index, evidence.terms, query.pageWords)),
    similarity,
    statecraft: Math.log1p((100 * statecraft) / Math.max(leadWords, 1)),
    korean: hangul * 2 > words ? 1 : 0,
  };
  return {
    features,
    explain: () => ranked.map((r) => explain(index, perSource[sources.of[r.passage] as number]?.parts ?? [], r)),
  };
}

/**
 * Ranks passages for an article, or returns none when the page model says the article is
 * not about anything the testimonies speak to.
 */
export function rankPassages(
  index: CorpusIndex,
  evidence: PageEvidence,
  opts: RankOptions = {},
  model: PageModel = SHIPPED_MODEL,
): RankedPassage[] {
  const scored = scorePage(index, evidence, model.rank, { floor: model.floor, ...opts });
  return decidesToShow(scored.features, model) ? scored.explain() : [];
}

/**
 * "Why this": the article's words and the lexicon terms that carried a passage, strongest
 * first, and where its text says them. The country is never a reason: every passage shares it.
 */
/** The stems of the countries' names (north, korea, korean, china...): every passage shares them, so they are no reason. */
const countryStems = perIndex((index) => {
  const stems = new Set<number>();
  for (const term of index.terms) {
    if (term.kind !== 'country') continue;
    for (const alias of term.aliases) {
      for (const { key } of tokenize(alias)) {
        const s = findStem(index, contentStem(key));
        if (s !== undefined) stems.add(s);
      }
    }
  }
  return stems;
});

function explain(
  index: CorpusIndex,
  parts: readonly QueryPart[],
  { passage, score }: { passage: number; score: number },
): RankedPassage {
  const earned: [QueryPart, number][] = [];
  for (const part of parts) {
    if (part.kind === 'term') {
      if (index.terms[part.at]?.kind !== 'country' && listHas(termPassages(index, part.at), passage)) {
        earned.push([part, part.weight]);
      }
    }
  }
  const text = passageText(index, passage);
  // The passage's words, each with its stem's position in the index (-1: none).
  const tokens = tokenize(text).map((tok) => {
    const stem = contentStem(tok.key);
    return { ...tok, stem: stem === '' ? -1 : (findStem(index, stem) ?? -1) };
  });
  const stemsHere = new Set(tokens.map((t) => t.stem));
  const country = countryStems(index);
  for (const part of parts) {
    if (part.kind === 'stem' && stemsHere.has(part.at) && !country.has(part.at)) earned.push([part, part.weight]);
  }
  earned.sort((a, b) => b[1] - a[1]);
  const top = earned[0]?.[1] ?? 0;
  const kept = earned
    .filter(([, w]) => w >= top * WHY_SHARE)
    .slice(0, WHY_MOST)
    .map(([part]) => part);
  const terms = kept.filter((p) => p.kind === 'term').map((p) => p.at);
  const keptStems = new Set(kept.filter((p) => p.kind === 'stem').map((p) => p.at));
  const marks = termMarks(index, passage, new Set(terms));
  if (keptStems.size > 0) {
    for (const tok of tokens) {
      if (keptStems.has(tok.stem) && !marks.some(([a, b]) => tok.start < b && a < tok.end)) {
        marks.push([tok.start, tok.end]);
      }
    }
    marks.sort((a, b) => a[0] - b[0]);
  }
  // A word the lexicon already names (famine, famine) is said once.
  const termLabels = new Set(terms.map((t) => index.terms[t]?.term.toLowerCase()));
  const words = kept.filter((p) => p.kind === 'stem' && !termLabels.has(p.label)).map((p) => p.label);
  return { passage, score, terms, words, marks };
}

/**
 * The items, best first, one per call (undefined when none is left): a binary heap, built
 * in linear time, so taking the first few of many costs little more than reading them.
 */
export function bestFirst(items: number[], better: (a: number, b: number) => boolean): () => number | undefined {
  const heap = items;
  let size = heap.length;
  const down = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) return;
      const right = left + 1;
      const child = right < size && better(heap[right] as number, heap[left] as number) ? right : left;
      if (!better(heap[child] as number, heap[i] as number)) return;
      [heap[i], heap[child]] = [heap[child] as number, heap[i] as number];
      i = child;
    }
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i);
  return () => {
    if (size === 0) return undefined;
    const top = heap[0] as number;
    size--;
    heap[0] = heap[size] as number;
    down(0);
    return top;
  };
}
