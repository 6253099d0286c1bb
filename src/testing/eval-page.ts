/** One labelled page of the relevance evaluation (eval/README.md). */
export interface EvalPage {
  /** Path relative to eval/. */
  file: string;
  /** The address the page is served at (a real-looking news URL). */
  url: string;
  /** positive: a story speaks to it; hard-negative: North Korea news no story speaks to; negative: not about North Korea (often with traps). */
  category: 'positive' | 'hard-negative' | 'negative';
  topic: string;
  lang: 'en' | 'ko';
  /** Story ids a knowledgeable reader would want beside this article (empty for negatives), best first. */
  relevant: string[];
  note?: string;
}
