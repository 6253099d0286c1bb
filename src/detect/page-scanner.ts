import type { DetectedTerm } from '@/src/messaging/protocol';
import { assessCounts, countTerms, type TermCounts } from './assess-page';
import { type Article, readArticle } from './extract-article';
import type { TermMatcher } from './lexicon';

/** Paragraphs matched between two chances to yield the main thread. */
const STEP = 25;
/** Remembered paragraphs; a page that streams forever does not grow this without end. */
const MAX_REMEMBERED = 5000;

export interface PageScan {
  article: Article;
  detected: DetectedTerm[];
  /** Paragraphs matched in this scan; the rest were remembered from earlier scans. */
  matched: number;
}

/**
 * Reads a page's article and finds its terms, remembering what it read: on a rescan after
 * late content ("read more", infinite scroll) the article's container is reused and only
 * paragraphs it has not seen are matched. `forget` starts over (a new article).
 */
export function createPageScanner(matcher: TermMatcher) {
  let root: Element | null = null;
  let remembered = new Map<string, TermCounts>();

  return {
    forget() {
      root = null;
      remembered = new Map();
    },

    *scan(doc: Document): Generator<void, PageScan> {
      const read = yield* readArticle(doc, root);
      root = read.root;
      const article = { title: read.title, paragraphs: read.paragraphs };
      if (remembered.size > MAX_REMEMBERED) remembered = new Map();
      const counts: TermCounts[] = [];
      let matched = 0;
      for (const paragraph of article.paragraphs) {
        let c = remembered.get(paragraph);
        if (!c) {
          c = countTerms(paragraph, matcher);
          remembered.set(paragraph, c);
          matched++;
          if (matched % STEP === 0) yield;
        }
        counts.push(c);
      }
      return { article, detected: assessCounts(countTerms(article.title, matcher), counts, matcher), matched };
    },
  };
}

/** Longest stretch of work before the page gets the main thread back. */
const SLICE_MS = 8;

/**
 * Runs steps on the main thread in slices of a few milliseconds, yielding in between, so
 * even a 2 MB page never sees a long task from us.
 */
export async function runInSlices<T>(steps: Generator<void, T>, sliceMs = SLICE_MS): Promise<T> {
  let start = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - start > sliceMs) {
      await yieldToMain();
      start = performance.now();
    }
  }
}

function yieldToMain(): Promise<void> {
  // scheduler.yield() keeps our place in the queue where supported (Chrome 129+).
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
