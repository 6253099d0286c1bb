import { isCode, readableText } from './gate-text';

/** The part of a page that is the article a person is reading. */
export interface Article {
  title: string;
  /** Text blocks of the article body, in order (paragraphs, headings, list items, quotes). */
  paragraphs: string[];
}

/**
 * Containers that are never the article, even inside it: navigation, asides, "most read"
 * lists, related links, comments, footers, forms, banners and anything editable.
 */
export const NOT_ARTICLE = [
  'nav',
  'aside',
  'footer',
  'form',
  'dialog',
  'template',
  'noscript',
  'script',
  'style',
  'input',
  'textarea',
  'select',
  'button',
  'figcaption',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="banner"]',
  '[role="search"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="textbox"]',
  '[aria-hidden="true"]',
  '[hidden]',
].join(',');

export const EDITABLE =
  '[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], [role="textbox"]';

/** Class or id words that mark page furniture rather than article text. */
const FURNITURE =
  /(?:^|[\s_-])(?:comments?|related\w*|most-?(?:read|popular|viewed)|popular|trending|sidebar|rail|promo|newsletter|subscribe|cookies?|consent|gdpr|share|social|recommend(?:ed|ations)?|more-(?:from|stories|news)|teasers?|outbrain|taboola|ad|ads|advert(?:isement)?|sponsored|breadcrumbs?|menu|repl(?:y|ies)|captions?|cap|photo-?credit|masthead|site-(?:header|footer)|byline|author-bio|tags?|topics?)(?:$|[\s_-])/i;

/** An inline style that hides an element (the `hidden` attribute is in NOT_ARTICLE). */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

const BLOCKS = 'p, h2, h3, h4, li, blockquote, pre, dd, td';
/** Elements whose text is never loose article text: blocks (read as blocks) and headlines. */
const LOOSE_TEXT_HOLDERS = `${BLOCKS}, h1, h5, h6, figure, caption`;
/** Inline elements: their text continues the run of loose text around them. */
export const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DFN',
  'EM',
  'FONT',
  'I',
  'KBD',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
]);

/** Enough for the longest article; a 2 MB page is not read to its end. */
const MAX_ARTICLE_CHARS = 100_000;
/** Longer than any headline: a page whose <h1> holds a book is not sent whole. */
const MAX_TITLE_CHARS = 1_000;
/** A block that is mostly link text is a list of headlines, not article prose. */
const MAX_LINK_SHARE = 0.5;

/** A parent holding this share of the best container's paragraph text is part of the article. */
const SPLIT_BODY_SHARE = 0.1;
/** How far above the best container the rest of a split body is looked for. */
const SPLIT_BODY_DEPTH = 3;

/** How many elements are examined between two chances to yield the main thread. */
const STEP = 250;

/**
 * Finds the article in a document: an explicit article-body element if the page marks one,
 * else the container holding the most paragraph text. DOM in, text out; reads `textContent`
 * only, so it forces no layout.
 */
export function extractArticle(doc: Document): Article {
  const { title, paragraphs } = runToEnd(readArticle(doc));
  return { title, paragraphs };
}

/**
 * The same, as steps: yields every few hundred elements so a caller on the main thread can
 * pause between them (see `runInSlices`) and a 2 MB page never blocks the page it reads.
 * `knownRoot`, when still in the document, skips the search for the article's container:
 * late content inside the article is then read without looking at the rest of the page.
 */
export function* readArticle(
  doc: Document,
  knownRoot?: Element | null,
): Generator<void, Article & { root: Element | null }> {
  const headline = findHeadline(doc);
  const furniture = furnitureTest(headline);
  const root = knownRoot?.isConnected ? knownRoot : yield* findArticleRoot(doc, furniture);
  const paragraphs: string[] = [];
  let length = 0;
  let n = 0;
  if (root) {
    const blocks = root.querySelectorAll<HTMLElement>(BLOCKS);
    for (let i = 0; i < blocks.length; i++) {
      const el = blocks[i] as HTMLElement;
      if (++n % STEP === 0) yield;
      // Nested blocks (a <p> inside an <li>) are read once, through the innermost block: in
      // document order, a block that holds another is directly followed by it.
      const next = blocks[i + 1];
      if (furniture(el, root)) continue;
      if (next && el.contains(next)) {
        // ...but its own text, around the nested blocks, is read here.
        const own = clean(ownText(el));
        if (own.length >= 2) {
          paragraphs.push(own);
          length += own.length;
        }
        continue;
      }
      const text = clean(blockText(el));
      if (!text || isMostlyLinks(el, text.length)) continue;
      paragraphs.push(text);
      length += text.length;
      if (length > MAX_ARTICLE_CHARS) break;
    }
    // Many news sites (Korean ones above all) set the article as text between <br>s, right
    // in its container: read the text that no block holds too, in runs between <br>s and
    // blocks (inline markup does not split a run), without entering blocks.
    const pending: Element[] = [root];
    while (pending.length > 0 && length <= MAX_ARTICLE_CHARS) {
      const el = pending.pop() as Element;
      const inner: Element[] = [];
      let run = '';
      let linked = 0;
      const flush = () => {
        const text = clean(run);
        if (text.length >= 2 && linked <= text.length * MAX_LINK_SHARE) {
          paragraphs.push(text);
          length += text.length;
        }
        run = '';
        linked = 0;
      };
      for (let child = el.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
          run += child.textContent ?? '';
          continue;
        }
        if (child.nodeType !== 1) continue;
        const element = child as Element;
        if (INLINE.has(element.tagName)) {
          if (!furniture(element, root)) {
            const text = textOf(element);
            run += text;
            if (element.tagName === 'A' || element.querySelector('a')) linked += clean(text).length;
          }
          continue;
        }
        flush(); // <br> or a block: the run ends
        if (!element.matches(LOOSE_TEXT_HOLDERS) && !furniture(element, root, true)) inner.push(element);
      }
      flush();
      pending.push(...inner.reverse());
      if (++n % STEP === 0) yield;
    }
  }
  return { ...withinLimits({ title: articleTitle(doc, root), paragraphs }), root };
}

/**
 * An article within the limits of what the detector reads and sends: a headline of at most
 * 1,000 characters, paragraphs of at most 100,000 in all (the last one cut short). The
 * background applies it again to what it is sent.
 */
export function withinLimits({ title, paragraphs }: Article): Article {
  let room = MAX_ARTICLE_CHARS;
  const kept: string[] = [];
  for (const p of paragraphs) {
    if (room <= 0) break;
    kept.push(p.length <= room ? p : p.slice(0, room));
    room -= p.length;
  }
  return { title: title.slice(0, MAX_TITLE_CHARS), paragraphs: kept };
}

/**
 * The article's headline: not a site logo set in an <h1>, nor the headline of an article a
 * single-page app keeps alive but hidden.
 */
function findHeadline(doc: Document): Element | null {
  const shown = (h: Element) => {
    if (h.closest('[hidden], template')) return false;
    for (let node: Element | null = h; node; node = node.parentElement) {
      if (HIDDEN_STYLE.test(node.getAttribute('style') ?? '')) return false;
    }
    return true;
  };
  return (
    [...doc.querySelectorAll('article h1, main h1, [role="main"] h1')].find(shown) ??
    [...doc.querySelectorAll('h1')].find(shown) ??
    null
  );
}

/** Runs steps to the end at once (tests, the evaluation). */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

function* findArticleRoot(
  doc: Document,
  furniture: (el: Element, root: Element | null, asContainer?: boolean) => boolean,
): Generator<void, Element | null> {
  const body = doc.body;
  if (!body) return null;
  // Simple queries, not one compound selector: on a 2 MB page a compound selector with
  // substring matches is a single 10 ms call that cannot be sliced (an exact attribute's
  // is cheap).
  const marked = itemBody(body, furniture);
  if (marked) return marked;
  const classed = markedBody(doc);
  if (classed && !furniture(classed, body)) return classed;
  yield;

  // Score every container by the paragraph text directly under it, as Readability does,
  // and take the best: articles are where paragraphs cluster.
  const scores = new Map<Element, number>();
  /** Paragraph text directly under each container, without its grandchildren's half. */
  const direct = new Map<Element, number>();
  let n = 0;
  for (const p of body.querySelectorAll('p')) {
    if (++n % STEP === 0) yield;
    // Raw length is enough to score by; cleaning every paragraph of a page is not needed.
    const length = p.textContent?.length ?? 0;
    if (length < 40 || furniture(p, body)) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + length);
    direct.set(parent, (direct.get(parent) ?? 0) + length);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + length / 2);
  }
  // Text between <br>s counts like paragraphs: the run of text and inline markup before each.
  for (const br of body.getElementsByTagName('br')) {
    if (++n % STEP === 0) yield;
    const parent = br.parentElement;
    if (!parent) continue;
    let length = 0;
    for (let node = br.previousSibling; node; node = node.previousSibling) {
      if (node.nodeType === 3) length += node.textContent?.trim().length ?? 0;
      else if (node.nodeType === 1 && INLINE.has((node as Element).tagName)) length += node.textContent?.length ?? 0;
      else break;
    }
    if (length < 40 || furniture(parent, body, true)) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + length);
    direct.set(parent, (direct.get(parent) ?? 0) + length);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  if (!best) {
    // No paragraph anywhere: an article set in <div>s (the loose-text pass reads them), if
    // the page marks where it is.
    const main = doc.querySelector('article, main, [role="main"]');
    return main && !furniture(main, body, true) ? main : null;
  }
  // An article body is often split: the lead and first paragraphs in one container, the
  // rest in a "read more" or "toggle" box inside it, which may score higher. A parent that
  // holds article paragraphs of its own, a fair share of the best's, is the article.
  const own = direct.get(best) ?? 0;
  let parent = best.parentElement;
  for (let up = 1; parent && parent !== body && up <= SPLIT_BODY_DEPTH; up++, parent = parent.parentElement) {
    if (furniture(parent, body, true)) break;
    const its = direct.get(parent) ?? 0;
    if (its > 0 && its >= own * SPLIT_BODY_SHARE) best = parent;
  }
  // Prefer the enclosing <article> when the best container sits inside one, so the
  // article's subheadings and lists are read too. Not <main>: it often holds headline rails.
  return best.closest('article') ?? best;
}

/**
 * What the page's microdata marks as the article's body: the first element marked
 * `itemprop="articleBody"` outside the page's furniture, or, where a live blog marks each of
 * its posts so (each in a `liveBlogUpdate`), the element that holds them all, never the
 * page itself. Not a `<meta itemprop="articleBody" content="...">`, which says a summary,
 * not where the body is (the Seattle Times).
 */
function itemBody(
  body: HTMLElement,
  furniture: (el: Element, root: Element | null, asContainer?: boolean) => boolean,
): Element | null {
  const marked = [...body.querySelectorAll('[itemprop="articleBody"]:not(meta)')].filter((el) => !furniture(el, body));
  const first = marked[0] ?? null;
  // Several marked, not all of them a live blog's posts: a teaser of another story, or the
  // next article an endless page has added, is not this one.
  if (!first || !marked.every((el) => el.closest('[itemprop~="liveBlogUpdate"]'))) return first;
  // Every marked element is in <body>: the climb ends there at the highest.
  let holder: Element = first;
  for (const el of marked) while (!holder.contains(el)) holder = holder.parentElement ?? body;
  return holder === body ? first : holder;
}

/** An element inside an <article> whose class names it the article's body. */
function markedBody(doc: Document): Element | null {
  for (const article of doc.getElementsByTagName('article')) {
    const body = article.querySelector('[class*="article-body" i], [class*="story-body" i]');
    if (body) return body;
  }
  return null;
}

/**
 * Whether an element sits in page furniture. A container that holds the page's headline is
 * the page's own wrapper, whatever it is called (`has-sidebar`, an ASP.NET <form>, a
 * wrapper made aria-hidden while a cookie dialog is open): it never makes its content
 * furniture. Editable regions always do. Each container is judged once per read.
 */
function furnitureTest(
  headline: Element | null,
): (el: Element, root: Element | null, asContainer?: boolean) => boolean {
  const holdsHeadline = new Set<Element>();
  for (let node = headline?.parentElement ?? null; node; node = node.parentElement) holdsHeadline.add(node);
  // Verdicts hold for one root: "furniture between here and the root".
  const judgedUnder = new Map<Element | null, Map<Element, boolean>>();

  /** `node`'s own markup makes it furniture; `asAncestor`: it may be exempt as the wrapper. */
  const itself = (node: Element, asAncestor: boolean): boolean => {
    if (node.matches(EDITABLE)) return true;
    if (asAncestor && holdsHeadline.has(node)) return false;
    if (node.matches(NOT_ARTICLE)) return true;
    if (node.tagName === 'HEADER' && !node.closest('article')) return true;
    // Text a reader cannot see: read from the markup, so no style is computed.
    if (HIDDEN_STYLE.test(node.getAttribute('style') ?? '')) return true;
    const label = `${node.id} ${typeof node.className === 'string' ? node.className : ''}`;
    return label.length > 1 && FURNITURE.test(label);
  };
  const within = (node: Element | null, root: Element | null): boolean => {
    if (!node || node === root) return false;
    let judged = judgedUnder.get(root);
    if (!judged) {
      judged = new Map();
      judgedUnder.set(root, judged);
    }
    const known = judged.get(node);
    if (known !== undefined) return known;
    const verdict = itself(node, true) || within(node.parentElement, root);
    judged.set(node, verdict);
    return verdict;
  };
  // `asContainer`: judged as holding what is read, so the headline's wrapper is exempt.
  return (el, root, asContainer = false) => el !== root && (itself(el, asContainer) || within(el.parentElement, root));
}

/**
 * A block's text, with a space where a <br> breaks the line (textContent would glue words),
 * and without the code of a script or style sheet in it (an advertisement's, say).
 */
function blockText(el: Element): string {
  if (el.getElementsByTagName('br').length === 0) return textOf(el);
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, 5 /* SHOW_ELEMENT | SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      if (!isCode(node)) text += (node as Text).data;
    } else if ((node as Element).tagName === 'BR') text += ' ';
  }
  return text;
}

/** An element's text, without the code of the scripts and style sheets in it. */
function textOf(el: Element): string {
  return el.querySelector('script, style') ? readableText(el) : (el.textContent ?? '');
}

/** The text directly in an element, not in its element children. */
function ownText(el: Element): string {
  let text = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += `${child.textContent ?? ''} `;
  }
  return text;
}

function isMostlyLinks(el: Element, textLength: number): boolean {
  const links = el.getElementsByTagName('a');
  if (links.length === 0) return false;
  let linkLength = 0;
  for (const a of links) linkLength += clean(a.textContent ?? '').length;
  return linkLength > textLength * MAX_LINK_SHARE;
}

function articleTitle(doc: Document, root: Element | null): string {
  const h1 = root?.querySelector('h1') ?? root?.closest('article')?.querySelector('h1') ?? doc.querySelector('h1');
  const og = doc.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content;
  return clean(h1 ? textOf(h1) : '') || clean(og ?? '') || clean(doc.title);
}

/**
 * Text as words: white space collapsed, and without a template's placeholders that the page
 * never filled in (`{{#rendered}} {{/rendered}}` in a news site's paragraphs, Mustache's,
 * Handlebars' or Angular's `{{name}}` and `{{{html}}}` before its script runs), which are
 * markup, not words. Wherever they are: a code sample's `{{ .Values.image }}` goes too,
 * which costs telling what an article is about nothing.
 */
function clean(text: string): string {
  return text
    .replace(/\{\{\{?[^{}]*\}?\}\}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
