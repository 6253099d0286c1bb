import { Readability } from '@mozilla/readability';
import { Window } from 'happy-dom';

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
