import type { DetectedTerm, PageEvidence } from '@/src/lexicon/evidence';
import type { GateTest } from '@/src/lexicon/gate-precheck';
import type { TermMatcher } from '@/src/lexicon/lexicon';
import { articleEvidence } from './assess-page';
import { type Article, runToEnd } from './extract-article';
import { pageMayMention } from './gate-text';
import { createPageScanner } from './page-scanner';

export interface PageScan {
  article: Article;
  detected: DetectedTerm[];
  /** The article's words and their counts, for query-by-document ranking; [] when `detected` is. */
  words: PageEvidence['words'];
  lead?: PageEvidence['lead'];
}

/**
 * The detection pipeline, whole and at once: the gate pre-test and the article, as the
 * page's detector reads them (src/page/page-detector.ts runs the same `scan`, in slices),
 * then its terms and words, as the background finds them in what the detector sent. The
 * evaluation and the benchmarks call this, so they judge exactly what the extension does.
 */
export function detectPage(doc: Document, gateTest: GateTest, matcher: TermMatcher): PageScan {
  const { article } = runToEnd(createPageScanner(pageMayMention(gateTest)).scan(doc));
  if (!article) return { article: { title: '', paragraphs: [] }, detected: [], words: [] };
  const { terms, words, lead } = articleEvidence(article, matcher);
  return { article, detected: terms, words, lead };
}
