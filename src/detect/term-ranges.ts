import { findTerms, type TermMatcher } from '@/src/lexicon/lexicon';
import { EDITABLE, INLINE, NOT_ARTICLE } from './extract-article';

/** One occurrence of a lexicon term in the page, as a DOM range (for highlights). */
export interface TermRange {
  /** The lexicon term's label. */
  term: string;
  range: Range;
}

/** Enough for the longest article: the rest of a 2 MB page is not marked. */
const MAX_CHARS = 100_000;

/**
 * Finds where the given terms occur in an article's DOM, as ranges over its text nodes, by
 * the same matching as the scan ("North <em>Korea</em>" is one occurrence). Text in
 * different blocks is never joined into one word; editable regions, what the article
 * reader skips inside an article (asides, captions, hidden text) and our own UI (`ignore`)
 * are skipped. Reads the DOM only: it changes nothing.
 */
export function findTermRanges(
  root: Element,
  matcher: TermMatcher,
  terms: ReadonlySet<string>,
  ignore: (node: Node) => boolean = () => false,
): TermRange[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */, {
    acceptNode: (node) => {
      const parent = node.parentElement;
      if (!parent || ignore(node) || parent.closest(EDITABLE)) return 2; // FILTER_REJECT
      // What the article reader skips inside the article: scripts, form fields, asides,
      // captions, hidden text.
      const skipped = parent.closest(NOT_ARTICLE);
      if (skipped && skipped !== root && root.contains(skipped)) return 2;
      return 1; // FILTER_ACCEPT
    },
  });
  const found: TermRange[] = [];
  // One block's text at a time: words of two blocks never make one term ("North" ending a
  // heading, "Korea" starting the next paragraph).
  let text = '';
  let nodes: Text[] = [];
  let starts: number[] = [];
  let read = 0;
  const flush = () => {
    for (const hit of findTerms(text, matcher)) {
      const term = matcher.terms[hit.term]?.term;
      if (!term || !terms.has(term)) continue;
      const start = locate(hit.start, starts, nodes, false);
      const end = locate(hit.end, starts, nodes, true);
      if (!start || !end) continue;
      const range = doc.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      found.push({ term, range });
    }
    read += text.length;
    text = '';
    nodes = [];
    starts = [];
  };
  let lastBlock: Element | null = null;
  for (let node = walker.nextNode(); node && read + text.length < MAX_CHARS; node = walker.nextNode()) {
    const block = blockOf(node.parentElement as Element, root);
    if (block !== lastBlock) flush();
    lastBlock = block;
    starts.push(text.length);
    nodes.push(node as Text);
    text += (node as Text).data;
  }
  flush();
  return found;
}

/** The nearest ancestor that is not inline markup: words in it run together. */
function blockOf(el: Element, root: Element): Element {
  let node = el;
  while (node !== root && INLINE.has(node.tagName) && node.parentElement) node = node.parentElement;
  return node;
}

/** The text node and offset of a position in the joined text (an end may close a node). */
function locate(
  position: number,
  starts: readonly number[],
  nodes: readonly Text[],
  isEnd: boolean,
): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) < position || (!isEnd && starts[mid] === position)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  if (!node) return null;
  return { node, offset: Math.min(position - (starts[lo] as number), node.data.length) };
}
