import { type GateTest, mayMentionGate } from '@/src/lexicon/gate-precheck';
import type { TermMatcher } from '@/src/lexicon/lexicon';
import type { DetectedTerm, PageEvidence } from '@/src/messaging/protocol';
import { articleWords, assessCounts, countText, type TextCounts } from './assess-page';
import { type Article, readArticle, runToEnd } from './extract-article';
import { pageGateText } from './gate-text';

/** Paragraphs matched between two chances to yield the main thread. */
const STEP = 25;

export interface PageScan {
  article: Article;
  detected: DetectedTerm[];
  /** The article's words and their counts, for query-by-document ranking; [] when `detected` is. */
  words: PageEvidence['words'];
  /** Paragraphs matched in this scan; the rest were remembered from earlier scans. */
  matched: number;
}

/**
 * Reads a page's article and finds its terms, remembering what it read: on a rescan after
 * late content ("read more", infinite scroll) the article's container is reused and only
 * paragraphs it has not seen are matched. `forget` starts over (a new article). A page that
 * fails the gate test (src/lexicon/gate-precheck.ts) is never read.
 */
export function createPageScanner(
  gateTest: GateTest,
  loadMatcher: () => TermMatcher,
  /**
   * The page already passed the gate test (stage 0 ran it: src/page/page-gate.ts): the first
   * article is read without testing again. A new article (`forget`) is tested as usual.
   */
  { gatePassed = false }: { gatePassed?: boolean } = {},
) {
  let loaded: TermMatcher | null = null;
  /** This article passed the gate test: its rescans (late content) need not ask again. */
  let passed = gatePassed;
  let root: Element | null = null;
  let remembered = new Map<string, TextCounts>();
  /** Bumped by forget: a scan that began before it must not write back what it read. */
  let generation = 0;

  return {
    forget() {
      generation++;
      passed = false;
      root = null;
      remembered = new Map();
    },

    /** Whether a scan begun at `started` (its `generation`) is still about this article. */
    current: (started: number) => started === generation,

    /** The article's container, as the last scan found it (null: none, or not read). */
    root: () => (root?.isConnected ? root : null),

    /** The lexicon, unpacked on first need. */
    matcher: () => (loaded ??= loadMatcher()),

    *scan(doc: Document): Generator<void, PageScan & { generation: number }> {
      const started = generation;
      // Most pages never mention North Korea: one pass over every text the scan may read
      // (the title, the og:title it falls back on, the body) says so, and their article is
      // never read.
      if (!passed && !(yield* mayMentionGate(pageGateText(doc), gateTest))) {
        return { article: { title: '', paragraphs: [] }, detected: [], words: [], matched: 0, generation: started };
      }
      if (started === generation) passed = true;
      // The lexicon itself is unpacked only for a page that may be about North Korea.
      loaded ??= loadMatcher();
      const matcher = loaded;
      const read = yield* readArticle(doc, root);
      const article = { title: read.title, paragraphs: read.paragraphs };
      const counts: TextCounts[] = [];
      const seen = new Map<string, TextCounts>();
      let matched = 0;
      for (const paragraph of article.paragraphs) {
        let c = remembered.get(paragraph) ?? seen.get(paragraph);
        if (!c) {
          c = countText(paragraph, matcher);
          matched++;
          if (matched % STEP === 0) yield;
        }
        counts.push(c);
        seen.set(paragraph, c);
      }
      if (started === generation) {
        root = read.root;
        // Remember this read's paragraphs only: what left the page is forgotten.
        remembered = seen;
      }
      const title = countText(article.title, matcher);
      const detected = assessCounts(
        title.terms,
        counts.map((c) => c.terms),
        matcher,
      );
      return {
        article,
        detected,
        words: detected.length > 0 ? articleWords([title, ...counts].map((c) => c.words)) : [],
        matched,
        generation: started,
      };
    },
  };
}

/**
 * The detection pipeline, whole and at once: the gate pre-test, the article, its terms and
 * its words, as the page's detector finds them (src/page/page-detector.ts runs the same
 * `scan`, in slices, remembering what it read). The evaluation and the benchmarks call
 * this, so they judge exactly what the extension does.
 */
export function detectPage(doc: Document, gateTest: GateTest, matcher: TermMatcher): PageScan {
  return runToEnd(createPageScanner(gateTest, () => matcher).scan(doc));
}
