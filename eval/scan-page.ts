import { Readability } from '@mozilla/readability';
import { Window } from 'happy-dom';
import { detectPage } from '../src/detect/detect-page';
import type { PageEvidence } from '../src/lexicon/evidence';
import type { GateTest } from '../src/lexicon/gate-precheck';
import type { TermMatcher } from '../src/lexicon/lexicon';

/**
 * What the detector would tell the background about a page: its own pipeline (`detectPage`:
 * gate pre-test, article extraction, terms and words) on the page's DOM, at the page's address.
 * The window is closed and awaited: happy-dom frees it only then (hundreds of pages would
 * otherwise hold gigabytes).
 */
export async function scanPage(
  html: string,
  url: string,
  gateTest: GateTest,
  matcher: TermMatcher,
): Promise<PageEvidence> {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  try {
    window.document.write(html);
    const { detected, words, lead } = detectPage(window.document as unknown as Document, gateTest, matcher);
    return { terms: detected, words, ...(lead ? { lead } : {}) };
  } finally {
    await window.happyDOM.close();
  }
}

/** Which extractor reads the article: Firsthand's own, or Mozilla Readability's. */
export type Extractor = 'ours' | 'readability';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The page as Mozilla Readability extracts it: its title as the headline and its article
 * content as the page's one article, so that `scanPage` on it reads Readability's article
 * with everything else of the detector unchanged (issue #11: does Readability's extraction
 * change what Firsthand shows?). A page Readability finds no article in is an empty page.
 */
export async function readabilityPage(html: string, url: string): Promise<string> {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  try {
    window.document.write(html);
    const article = new Readability(window.document as unknown as Document).parse();
    if (!article?.content) return '<!doctype html><html><body></body></html>';
    const title = escapeHtml(article.title ?? '');
    return `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1><article>${article.content}</article></body></html>`;
  } finally {
    await window.happyDOM.close();
  }
}
