import type { TermSaid } from '@/src/messaging/protocol';
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
 * Finds where an article says its terms, as ranges over its text nodes. `said` is how the
 * background read them in the article's text (src/detect/assess-page.ts): the words as
 * written, each a whole run of words, so an occurrence here is the same words, whole, with
 * any white space between them ("North <em>Korea</em>" is one), longest first and never
 * overlapping. Text in different blocks is never joined into one word; editable regions,
 * what the article reader skips inside an article (asides, captions, hidden text) and our
 * own UI (`ignore`) are skipped. Reads the DOM only: it changes nothing.
 */
export function findTermRanges(
  root: Element,
  said: readonly TermSaid[],
  ignore: (node: Node) => boolean = () => false,
): TermRange[] {
  if (said.length === 0) return [];
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
  // Longest first: where two start together, the longer is the occurrence.
  const wanted = said
    .map(([words, term]) => [words.replace(/\s+/g, ' ').trim(), term] as const)
    .filter(([words]) => words.length > 0)
    .sort((a, b) => b[0].length - a[0].length);
  const found: TermRange[] = [];
  // One block's text at a time: words of two blocks never make one term ("North" ending a
  // heading, "Korea" starting the next paragraph).
  let text = '';
  let nodes: Text[] = [];
  let starts: number[] = [];
  let read = 0;
  const flush = () => {
    const { flat, at } = collapseSpaces(text);
    for (const hit of occurrences(flat, wanted)) {
      const start = locate(at[hit.start] as number, starts, nodes, false);
      const end = locate((at[hit.end - 1] as number) + 1, starts, nodes, true);
      if (!start || !end) continue;
      const range = doc.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      found.push({ term: hit.term, range });
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

const SPACE = /\s/;

/** A text with each run of white space one space, and where each of its characters was. */
function collapseSpaces(text: string): { flat: string; at: number[] } {
  let flat = '';
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(text[i] as string))) {
      space = true;
      continue;
    }
    if (space && flat.length > 0) {
      flat += ' ';
      at.push(i - 1);
    }
    space = false;
    flat += text[i];
    at.push(i);
  }
  return { flat, at };
}

/** Where the wanted words occur whole in a text, in order, longest first at one place, never overlapping. */
function occurrences(
  text: string,
  wanted: readonly (readonly [words: string, term: string])[],
): { start: number; end: number; term: string }[] {
  const all: { start: number; end: number; term: string }[] = [];
  for (const [words, term] of wanted) {
    for (let i = text.indexOf(words); i >= 0; i = text.indexOf(words, i + 1)) {
      const end = i + words.length;
      if (!isWordChar(text, i - 1) && !isWordChar(text, end)) all.push({ start: i, end, term });
    }
  }
  // By place; at one place the longer (listed first, and the sort keeps that order).
  all.sort((a, b) => a.start - b.start);
  const kept: typeof all = [];
  for (const hit of all) if (hit.start >= (kept.at(-1)?.end ?? 0)) kept.push(hit);
  return kept;
}

let wordChar: RegExp | undefined;
/** Whether the character at i continues a word (a letter, mark or digit), as the tokenizer reads words. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c)) return false;
  if (c < 128) return ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57);
  // Made only where a page needs it: a Unicode expression costs about half a millisecond to make.
  wordChar ??= /[\p{L}\p{M}\p{N}]/u;
  return wordChar.test(String.fromCodePoint(text.codePointAt(i) as number));
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
