// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compileLexicon, type Term } from '@/src/lexicon/lexicon';
import { findTermRanges } from './term-ranges';

const t = (term: string, aliases: string[]): Term => ({
  term,
  kind: 'topic',
  weight: 2,
  gate: false,
  context: false,
  aliases,
});
const matcher = compileLexicon([
  t('North Korea', ['North Korea']),
  t('famine', ['famine']),
  t('Pyongyang', ['Pyongyang', '평양']),
  t('market', ['market']),
]);

// Synthetic markup written for these tests.
function ranges(html: string, terms = ['North Korea', 'famine', 'Pyongyang']) {
  document.body.innerHTML = `<article>${html}</article>`;
  const root = document.querySelector('article') as Element;
  return findTermRanges(root, matcher, new Set(terms)).map(({ term, range }) => [term, range.toString()]);
}

describe('findTermRanges', () => {
  it('finds the terms asked for, across inline markup, as ranges over the text', () => {
    expect(ranges('<p>The famine in North <em>Korea</em> reached Pyongyang.</p><p>A market.</p>')).toEqual([
      ['famine', 'famine'],
      ['North Korea', 'North Korea'],
      ['Pyongyang', 'Pyongyang'],
    ]);
  });

  it('never joins the words of two blocks', () => {
    expect(ranges('<h2>North</h2><p>Korea is a word here.</p><h2>Famine</h2><p>x</p>')).toEqual([['famine', 'Famine']]);
  });

  it('finds Hangul with its particles, and leaves the particle out', () => {
    expect(ranges('<p>평양에서 온 편지</p>')).toEqual([['Pyongyang', '평양에서']]);
  });

  it('skips scripts, styles, form fields and editable regions', () => {
    expect(
      ranges(
        '<script>var famine</script><style>.famine{}</style><textarea>famine</textarea>' +
          '<div contenteditable="true">famine</div><p>famine</p>',
      ),
    ).toEqual([['famine', 'famine']]);
  });

  it('skips asides, captions and hidden text inside the article, as the article reader does', () => {
    expect(
      ranges(
        '<p>famine</p><aside>famine</aside><figure><figcaption>famine</figcaption></figure>' +
          '<div hidden>famine</div><div aria-hidden="true">famine</div><div role="textbox">famine</div>',
      ),
    ).toEqual([['famine', 'famine']]);
  });

  it('changes nothing in the page', () => {
    const html = '<p>The famine in North <em>Korea</em>.</p>';
    ranges(html);
    expect(document.querySelector('article')?.innerHTML).toBe(html);
  });
});
