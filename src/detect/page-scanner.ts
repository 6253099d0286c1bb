import { type Article, readArticle } from './extract-article';
import type { MayMention } from './gate-text';

/**
 * Reads a page's article, as text: what the detector sends the background, which finds
 * its terms and words there (assess-page.ts). On a rescan after late content ("read more",
 * infinite scroll) the article's container is reused; `forget` starts over (a new
 * article). A page that fails the gate test (src/lexicon/gate-precheck.ts) is never read.
 */
export function createPageScanner(
  /**
   * The gate test of a page (`pageMayMention`): asked of each new article (stage 1 asks it
   * only of an app's next article, and asks stage 0's: src/page/page-detector.ts).
   */
  mayMention: MayMention,
  /**
   * The page already passed the gate test (stage 0 ran it: src/page/page-gate.ts): the first
   * article is read without testing again. A new article (`forget`) is tested as usual.
   */
  { gatePassed = false }: { gatePassed?: boolean } = {},
) {
  /** This article passed the gate test: its rescans (late content) need not ask again. */
  let passed = gatePassed;
  let root: Element | null = null;
  /** Bumped by forget: a scan that began before it must not write back what it read. */
  let generation = 0;

  return {
    forget() {
      generation++;
      passed = false;
      root = null;
    },

    /** Whether a scan begun at `started` (its `generation`) is still about this article. */
    current: (started: number) => started === generation,

    /** The article's container, as the last scan found it (null: none, or not read). */
    root: () => (root?.isConnected ? root : null),

    /** The article as text; null for a page that cannot name North Korea (it is not read). */
    *scan(doc: Document): Generator<void, { article: Article | null; generation: number }> {
      const started = generation;
      // Most pages never mention North Korea: one pass over every text the scan may read
      // (the title, the og:title it falls back on, the body) says so, and their article is
      // never read.
      if (!passed && !(yield* mayMention(doc))) {
        return { article: null, generation: started };
      }
      if (started === generation) passed = true;
      const read = yield* readArticle(doc, root);
      if (started === generation) root = read.root;
      // At most 100,000 characters (extract-article.ts): a 2 MB page's message stays small.
      return { article: { title: read.title, paragraphs: read.paragraphs }, generation: started };
    },
  };
}
