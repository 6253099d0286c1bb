/** A lexicon term found in an article, as the background reads it. */
export interface DetectedTerm {
  /** The lexicon term's id (its canonical label). */
  term: string;
  /** How many times it occurs in the article. */
  count: number;
  /** Whether it occurs in the headline. */
  inTitle: boolean;
}

/**
 * What the background reads in an article that names North Korea (src/detect/assess-page.ts):
 * the lexicon terms it uses, and its own words with how often each occurs (the query of
 * query-by-document ranking: search/rank-passages.ts). Word keys as src/lexicon/tokens.ts
 * makes them; nothing leaves the browser.
 */
export interface PageEvidence {
  terms: DetectedTerm[];
  words: [word: string, count: number][];
  /** The words of its lead (headline and the paragraphs of the first half of its body), likewise. */
  lead?: [word: string, count: number][];
}
