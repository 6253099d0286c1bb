import type { TermSaid } from '@/src/messaging/protocol';
import { EDITABLE, INLINE, NOT_ARTICLE } from './extract-article';

/** One occurrence of a lexicon term in the page, as a DOM range (for highlights). */
export interface TermRange {
  /** The lexicon term's label. */
  term: string;
  range: Range;
}

/** What is never marked inside the article: what its reader skips, and editable regions. */
const NOT_READ = `${NOT_ARTICLE},${EDITABLE}`;

/** Enough for the longest article: the rest of a 2 MB page is not marked. */
const MAX_CHARS = 100_000;

/**
 * Finds where an article says the given terms, as ranges over its text nodes. `said` is
 * how the background read all its terms in the article's text (src/detect/assess-page.ts):
 * the words as written, each a whole run of words, so an occurrence here is the same words,
 * whole, with any white space between them ("North <em>Korea</em>" is one), longest first
 * and never overlapping; a longer term keeps its words even when it is not asked for ("North
 * Korean nuclear test" holds no "North Korean"). Text in different blocks is never joined into one word; editable regions,
 * what the article reader skips inside an article (asides, captions, hidden text) and our
 * own UI (`ignore`) are skipped. Reads the DOM only: it changes nothing.
 */
export function findTermRanges(
  root: Element,
  said: readonly TermSaid[],
  terms: ReadonlySet<string>,
  ignore: (node: Node) => boolean = () => false,
): TermRange[] {
  if (!said.some(([, term]) => terms.has(term)) || root.closest(EDITABLE)) return [];
  const doc = root.ownerDocument;
  // Elements and text, deciding at each element whether its subtree is read: editable
  // regions, what the article reader skips inside an article (scripts, form fields, asides,
  // captions, hidden text) and our own UI are not. Asked once an element, not once a text
  // node of every ancestor.
  const walker = doc.createTreeWalker(root, 5 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */);
  const skips = (el: Element) => el.matches(NOT_READ) || ignore(el);
  /** The next text node to read, past the subtrees skipped. */
  const nextText = (): Text | null => {
    let node = walker.nextNode();
    while (node && node.nodeType === 1) {
      if (skips(node as Element)) {
        // Past this subtree: its next sibling, or its nearest ancestor's.
        node = walker.nextSibling();
        while (!node && walker.parentNode()) node = walker.nextSibling();
      } else node = walker.nextNode();
    }
    return node as Text | null;
  };
  const words = wordsExpression(said);
  if (!words) return [];
  const { expression, termOf } = words;
  const found: TermRange[] = [];
  // One block's text at a time: words of two blocks never make one term ("North" ending a
  // heading, "Korea" starting the next paragraph).
  let text = '';
  let nodes: Text[] = [];
  let starts: number[] = [];
  let read = 0;
  const flush = () => {
    expression.lastIndex = 0;
    for (let m = expression.exec(text); m; m = expression.exec(text)) {
      const end = m.index + m[0].length;
      // Whole words beyond ASCII too (the expression checks ASCII letters and digits itself).
      if (continuesWord(text, m.index - 1) || continuesWord(text, end)) {
        expression.lastIndex = m.index + 1;
        continue;
      }
      const term = termOf(m[0]);
      const from = locate(m.index, starts, nodes, false);
      const to = locate(end, starts, nodes, true);
      if (term === undefined || !terms.has(term) || !from || !to) continue;
      const range = doc.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      found.push({ term, range });
    }
    read += text.length;
    text = '';
    nodes = [];
    starts = [];
  };
  let lastParent: Element | null = null;
  let lastBlock: Element | null = null;
  for (let node = nextText(); node && read + text.length < MAX_CHARS; node = nextText()) {
    // Text nodes side by side share their block: found once.
    const parent = node.parentElement as Element;
    const block: Element | null = parent === lastParent ? lastBlock : blockOf(parent, root);
    if (block !== lastBlock) flush();
    lastParent = parent;
    lastBlock = block;
    starts.push(text.length);
    nodes.push(node);
    text += node.data;
  }
  flush();
  return found;
}

/**
 * One expression for all the words to mark: each as written, with any white space between
 * its words (a line break, several spaces, a no-break space), longest first, so that where
 * two start together the longer is the one found, and never inside a longer word of ASCII
 * letters and digits. `termOf` names the term of what it found.
 */
function wordsExpression(
  said: readonly TermSaid[],
): { expression: RegExp; termOf(found: string): string | undefined } | null {
  const byWords = new Map<string, string>();
  for (const [words, term] of said) {
    const key = words.replace(/\s+/g, ' ').trim();
    if (key && !byWords.has(key)) byWords.set(key, term);
  }
  if (byWords.size === 0) return null;
  const sources = [...byWords.keys()]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.split(' ').map(escapeRegExp).join('\\s+'));
  return {
    expression: new RegExp(`(?<![A-Za-z0-9])(?:${sources.join('|')})(?![A-Za-z0-9])`, 'g'),
    termOf: (found) => byWords.get(found.replace(/\s+/g, ' ')),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let wordChar: RegExp | undefined;
/** Whether the character at i, beyond ASCII, continues a word (a letter, mark or digit), as the tokenizer reads words. */
function continuesWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c) || c < 128) return false;
  // Made only where a page needs it: a Unicode expression costs about half a millisecond to make.
  wordChar ??= /[\p{L}\p{M}\p{N}]/u;
  // The character before a match may be the second half of a surrogate pair.
  const at = c >= 0xdc00 && c <= 0xdfff && i > 0 ? i - 1 : i;
  return wordChar.test(String.fromCodePoint(text.codePointAt(at) as number));
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
