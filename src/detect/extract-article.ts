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
const NOT_ARTICLE = [
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
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[contenteditable="plaintext-only"]',
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

/** Class or id words that mark page furniture rather than article text. */
const FURNITURE =
  /(?:^|[\s_-])(?:comments?|related|most-?(?:read|popular|viewed)|popular|trending|sidebar|rail|promo|newsletter|subscribe|cookies?|consent|gdpr|share|social|recommend(?:ed|ations)?|more-(?:from|stories|news)|teasers?|outbrain|taboola|ad|ads|advert(?:isement)?|sponsored|breadcrumbs?|menu|masthead|site-(?:header|footer)|byline|author-bio|tags?|topics?)(?:$|[\s_-])/i;

const BLOCKS = 'p, h2, h3, h4, li, blockquote, pre, dd, td';

/**
 * Finds the article in a document: an explicit article-body element if the page marks one,
 * else the container holding the most paragraph text. DOM in, text out; reads `textContent`
 * only, so it forces no layout.
 */
export function extractArticle(doc: Document): Article {
  const root = findArticleRoot(doc);
  const paragraphs: string[] = [];
  if (root) {
    for (const el of root.querySelectorAll<HTMLElement>(BLOCKS)) {
      if (isFurniture(el, root)) continue;
      // Nested blocks (a <p> inside an <li>) are read once, through the innermost block.
      if (el.querySelector(BLOCKS)) continue;
      const text = clean(el.textContent ?? '');
      if (text) paragraphs.push(text);
    }
  }
  return { title: articleTitle(doc, root), paragraphs };
}

function findArticleRoot(doc: Document): Element | null {
  const marked = doc.querySelector(
    '[itemprop="articleBody"], [data-component="text-block"]:only-of-type, article [class*="article-body" i], article [class*="story-body" i]',
  );
  if (marked && !isFurniture(marked, doc.body)) return marked;

  // Score every container by the paragraph text directly under it, as Readability does,
  // and take the best: articles are where paragraphs cluster.
  const scores = new Map<Element, number>();
  for (const p of doc.body?.querySelectorAll('p') ?? []) {
    if (isFurniture(p, doc.body)) continue;
    const length = clean(p.textContent ?? '').length;
    if (length < 40) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + length);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + length / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  // Prefer the enclosing <article> or <main> when the best container sits inside one, so
  // the article's subheadings and lists are read too.
  return best?.closest('article, main, [role="main"]') ?? best;
}

function isFurniture(el: Element, root: Element | null): boolean {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (node.matches(NOT_ARTICLE)) return true;
    if (node.tagName === 'HEADER' && node !== el && !node.closest('article')) return true;
    const label = `${node.id} ${typeof node.className === 'string' ? node.className : ''}`;
    if (label.length > 1 && FURNITURE.test(label)) return true;
  }
  return false;
}

function articleTitle(doc: Document, root: Element | null): string {
  const h1 = root?.querySelector('h1') ?? root?.closest('article')?.querySelector('h1') ?? doc.querySelector('h1');
  const og = doc.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content;
  return clean(h1?.textContent || og || doc.title || '');
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
