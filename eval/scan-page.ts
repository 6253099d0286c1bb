import { Window } from 'happy-dom';
import { runToEnd } from '../src/detect/extract-article';
import { createPageScanner } from '../src/detect/page-scanner';
import type { GateTest } from '../src/lexicon/gate-precheck';
import type { TermMatcher } from '../src/lexicon/lexicon';
import type { PageEvidence } from '../src/messaging/protocol';

/**
 * What the content script would tell the background about a page: its own scanner (gate
 * pre-test, article extraction, terms and words) on the page's DOM, at the page's address.
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
    const scanner = createPageScanner(gateTest, () => matcher);
    const { detected, words } = runToEnd(scanner.scan(window.document as unknown as Document));
    return { terms: detected, words };
  } finally {
    await window.happyDOM.close();
  }
}
