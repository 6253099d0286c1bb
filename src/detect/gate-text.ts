import { type GateTest, mayMentionGate } from '@/src/lexicon/gate-precheck';

/** Whether a page may name North Korea, as steps (see `mayMentionGate`). */
export type MayMention = (doc: Document) => Generator<void, boolean>;

/** The gate pre-test of a page: its every text (`pageGateText`) against `gate`. */
export const pageMayMention =
  (gate: GateTest): MayMention =>
  (doc) =>
    mayMentionGate(pageGateText(doc), gate);

/**
 * Every text of a page the scan may read, in one string, for the gate pre-test
 * (src/lexicon/gate-precheck.ts): the title, the og:title the article reader falls back
 * on, and the body's text. Its text nodes, not `innerText`: they need no layout, and they
 * are a superset of what is shown, so the pre-test can only say "maybe" more often, never
 * miss.
 *
 * Without the code of scripts and style sheets where it is a large part of the body's
 * `textContent`, as on a third of real pages (of Mozilla Readability's 130, 31): up to a
 * megabyte of JSON on a news site, which the pre-test would fold and search on every page
 * of such a site, and which no reader reads (nor the article reader: `readableText`).
 * Where code is a small part, `textContent` whole is quicker than leaving it out.
 */
export function pageGateText(doc: Document): string {
  const og = doc.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content ?? '';
  const body = doc.body;
  let text = body?.textContent ?? '';
  if (body) {
    // Weighed by the scripts alone, found by tag (style sheets in a body are few and short):
    // a selector matched against every element cost the 2 MB benchmark page a millisecond.
    let code = 0;
    for (const el of body.getElementsByTagName('script')) code += (el.textContent as string).length;
    if (code * 4 > text.length) text = readableText(body);
  }
  return `${doc.title} ${og} ${text}`;
}

/**
 * An element's `textContent` without the text of the scripts and style sheets inside it:
 * the same text nodes in the same order, less those.
 */
export function readableText(el: Element): string {
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!isCode(node)) text += (node as Text).data;
  return text;
}

/** Whether a text node is a script's or a style sheet's code. */
export function isCode(text: Node): boolean {
  const holder = (text.parentNode as Element).localName;
  return holder === 'script' || holder === 'style';
}
