import { Window } from 'happy-dom';
import { detectPage } from '../src/detect/page-scanner';
import type { GateTest } from '../src/lexicon/gate-precheck';
import type { TermMatcher } from '../src/lexicon/lexicon';
import type { PageEvidence } from '../src/messaging/protocol';

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
    const { detected, words } = detectPage(window.document as unknown as Document, gateTest, matcher);
    return { terms: detected, words };
  } finally {
    await window.happyDOM.close();
  }
}
