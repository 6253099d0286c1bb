/**
 * Every text of a page the scan may read, in one string, for the gate pre-test
 * (src/lexicon/gate-precheck.ts): the title, the og:title the article reader falls back
 * on, and the body's text. `textContent`, not `innerText`: it needs no layout, and it is a
 * superset of what is shown, so the pre-test can only say "maybe" more often, never miss.
 */
export function pageGateText(doc: Document): string {
  const og = doc.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content ?? '';
  return `${doc.title} ${og} ${doc.body?.textContent ?? ''}`;
}
