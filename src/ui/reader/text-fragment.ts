/**
 * Text fragments (https://wicg.github.io/scroll-to-text-fragment/) so the publisher's page
 * scrolls to the passage too: `#:~:text=start,end`, from the passage's first and last words.
 */

const START_WORDS = 6;
const END_WORDS = 4;

/**
 * encodeURIComponent leaves '-' alone, but in a text directive '-' marks a prefix or suffix,
 * so the spec requires it percent-encoded too (',' and '&' are already encoded).
 */
export function encodeTextDirectivePart(text: string): string {
  return encodeURIComponent(text).replaceAll('-', '%2D');
}

/**
 * `#:~:text=` for a passage, or '' when it has no words. Opening and closing punctuation
 * is left out: quotes and dashes are the characters a publisher's page most often writes
 * differently (straight or curly), and a directive that does not match is ignored. A
 * browser looks for the start and for the end each within one block of the page, so a
 * passage of several paragraphs starts in its first and ends in its last ("Her name is
 * Min Jeong*." is a paragraph of its own on the publisher's page).
 */
export function textFragment(passageText: string): string {
  const blocks = passageText
    .split(/\n\s*\n/)
    .map(wordsOf)
    .filter((words) => words.length > 0);
  const [first, last] = [blocks[0], blocks[blocks.length - 1]];
  if (!first || !last) return '';
  if (blocks.length === 1 && first.length <= START_WORDS + END_WORDS) {
    return `#:~:text=${encodeTextDirectivePart(first.join(' '))}`;
  }
  const start = encodeTextDirectivePart(first.slice(0, START_WORDS).join(' '));
  const end = encodeTextDirectivePart(last.slice(-END_WORDS).join(' '));
  return `#:~:text=${start},${end}`;
}

const wordsOf = (text: string) =>
  text
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '')
    .split(/\s+/)
    .filter(Boolean);

/** The original article's address, scrolled to the passage where the browser supports it. */
export function originalPassageUrl(url: string, passageText: string): string {
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = textFragment(passageText);
  return fragment ? base + fragment : url;
}
