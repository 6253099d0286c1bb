import { describe, expect, it } from 'vitest';
import { parseLexicon } from './parse-lexicon';
import { SourceErrors } from './source-error';

function errorsOf(source: string): string {
  try {
    parseLexicon('data/lexicon.txt', source);
  } catch (e) {
    if (e instanceof SourceErrors) return e.message;
    throw e;
  }
  return '';
}

describe('parseLexicon', () => {
  it('reads blocks with defaults, skipping comments', () => {
    const terms = parseLexicon(
      'lex.txt',
      `# places\nterm: Pyongyang\nkind: place\ngate: yes\naliases: Pyongyang, 평양\n\nterm: market\nkind: topic\ncontext: yes\nweight: 1\naliases: market\n`,
    );
    expect(terms).toEqual([
      {
        term: 'Pyongyang',
        kind: 'place',
        weight: 2,
        gate: true,
        context: false,
        aliases: ['Pyongyang', '평양'],
        line: 2,
      },
      { term: 'market', kind: 'topic', weight: 1, gate: false, context: true, aliases: ['market'], line: 7 },
    ]);
  });

  it('refuses an alias claimed by two terms, however it is spelled', () => {
    expect(
      errorsOf(
        'term: Hamgyeong\nkind: place\naliases: Hamgyeong\n\nterm: Other\nkind: place\naliases: other, HAMGYEONG\n',
      ),
    ).toBe('data/lexicon.txt:7: alias "HAMGYEONG" is already claimed by "Hamgyeong" (line 3)');
    expect(errorsOf('term: A\nkind: place\naliases: Yeong-jin\n\nterm: B\nkind: place\naliases: yeong jin\n')).toMatch(
      /:7: alias "yeong jin" is already claimed by "A"/,
    );
  });

  it.each([
    ['an unknown kind', 'term: A\nkind: planet\naliases: a\n', /:2: "kind" must be one of/],
    [
      'a weight out of range',
      'term: A\nkind: place\nweight: 9\naliases: a\n',
      /:3: "weight" must be a whole number 1..5/,
    ],
    ['a flag that is not yes/no', 'term: A\nkind: place\ngate: maybe\naliases: a\n', /:3: "gate" must be yes or no/],
    ['no aliases', 'term: A\nkind: place\n', /:1: "A" has no aliases/],
    ['a one-syllable Hangul alias', 'term: A\nkind: place\naliases: 북\n', /:3: Hangul alias "북" is one syllable/],
    ['a line that is not key: value', 'term: A\nkind: place\naliases a, b\n', /:3: expected "key: value"/],
    [
      'a term defined twice',
      'term: A\nkind: place\naliases: a\n\nterm: A\nkind: place\naliases: b\n',
      /:5: term "A" is defined twice/,
    ],
  ])('fails with file:line for %s', (_, source, message) => {
    expect(errorsOf(source)).toMatch(message);
  });
});

describe('"also" links between terms', () => {
  it('reads a list of terms whose passages a term also reaches', () => {
    const [kotjebi] = parseLexicon(
      'lex.txt',
      'term: kotjebi\nkind: topic\ngate: yes\nalso: street children, orphan\naliases: kotjebi\n\nterm: orphan\nkind: topic\naliases: orphan\n\nterm: street children\nkind: topic\naliases: street children\n',
    );
    expect(kotjebi?.also).toEqual(['street children', 'orphan']);
  });

  it('fails with file:line when "also" names no term', () => {
    expect(errorsOf('term: kotjebi\nkind: topic\nalso: street kids\naliases: kotjebi\n')).toBe(
      'data/lexicon.txt:3: "also" names "street kids", which is not a term',
    );
  });
});
