import { describe, expect, it } from 'vitest';
import type { Provenance, Story } from '@/src/corpus/types';
import type { Term } from '@/src/lexicon/lexicon';
import type { SearchFilters } from '@/src/messaging/protocol';
import { buildCorpusFromData } from '@/src/search/read-data';
import {
  allPassages,
  type CorpusIndex,
  findWord,
  loadBundleIndex,
  loadCorpusIndex,
  passageAt,
  textChunks,
  withText,
} from './corpus-index';
import { packIndex } from './packed-index';
import { searchPassages } from './search-passages';

const bundle = buildCorpusFromData();
const index = loadBundleIndex(bundle);
const ids = (query: string) => searchPassages(index, query).map((r) => passageAt(index, r.passage).id);
const texts = (query: string) => searchPassages(index, query).map((r) => passageAt(index, r.passage).text ?? '');

describe('searchPassages', () => {
  it('finds Tongil Market through the typo "Tongl market"', () => {
    expect(texts('Tongl market')[0]).toContain('Tongil Market');
  });

  it('understands a romanisation variant: "Hamgyong" finds North Hamgyeong Province', () => {
    expect(texts('Hamgyong')[0]).toContain('North Hamgyeong Province');
  });

  it('understands Korean: "탈북자" (defector) finds the passages about defecting and escaping', () => {
    const found = texts('탈북자');
    expect(found.some((t) => /defect/i.test(t))).toBe(true);
    expect(found.every((t) => /defect|escap/i.test(t))).toBe(true);
  });

  it('searches as you type: an unfinished last word counts as a prefix', () => {
    expect(texts('orpha')[0]).toContain('orphaned');
  });

  it('puts passages that answer every word first', () => {
    const [first] = texts('father starvation');
    expect(first).toMatch(/father/i);
    expect(first).toMatch(/starvation/i);
  });

  it('finds a story by its teller', () => {
    expect(ids('Lindsey Miller').every((id) => id?.startsWith('women-in-north-korea-2023-'))).toBe(true);
    expect(ids('Lindsey Miller').length).toBeGreaterThan(0);
  });

  it('understands the Korean words the Korean popup suggests: 기근 (famine), 함경도', () => {
    expect(texts('기근').length).toBeGreaterThan(0);
    expect(texts('기근').every((t) => /famine|starvation|hunger|food/i.test(t))).toBe(true);
    expect(texts('함경도')[0]).toMatch(/Hamgyeong/);
  });

  it('marks the characters the query matched: a whole word, a typed prefix, a typo’s letters', () => {
    const marked = (query: string) => {
      const [top] = searchPassages(index, query);
      const text = passageAt(index, top?.passage ?? -1).text ?? '';
      return (top?.marks ?? []).map(([s, e]) => text.slice(s, e).toLowerCase());
    };
    // "market" is a word of the corpus: marked whole.
    expect(marked('Tongl market')).toContain('market');
    // "Tongl" is a typo: Fuse's match indices mark the letters it shares with "Tongil", not the word.
    const typo = marked('Tongl market').filter((m) => 'tongil'.startsWith(m) && m.length < 'tongil'.length);
    expect(typo.length).toBeGreaterThan(0);
    expect(marked('Tongl market')).not.toContain('tongil');
    // An unfinished last word marks only what was typed, even in a folded plural ("families").
    expect(new Set(marked('fam'))).toEqual(new Set(['fam']));
  });

  it('marks the words of a term reached through `also`: 탈북자 marks the English word it reached', () => {
    for (const r of searchPassages(index, '탈북자')) {
      const text = passageAt(index, r.passage).text ?? '';
      const marked = r.marks.map(([s, e]) => text.slice(s, e).toLowerCase());
      expect(marked.length).toBeGreaterThan(0);
      expect(marked.every((m) => /defect|escap/.test(m))).toBe(true);
    }
  });

  describe('every typed word counts (issue 11)', () => {
    const women = (n: number) => `women-in-north-korea-2023-p${String(n).padStart(2, '0')}`;
    const joseph = (n: number) => `josephs-story-part-1-2024-p${String(n).padStart(2, '0')}`;

    it('counts a word inside a lexicon phrase as that word: "markets" finds the women "driving the private markets" too', () => {
      // The passage says "private markets", the lexicon's phrase "private market": still the word "markets".
      expect(new Set(ids('markets'))).toEqual(new Set([women(8), women(7)]));
      expect(texts('markets')[0]).toContain('Tongil Market');
    });

    it('finds both passages on market women for "market women", the market hall full of women first', () => {
      const found = ids('market women');
      expect(found.slice(0, 2)).toEqual([women(8), women(7)]);
      expect(texts('market women')[1]).toContain('driving the private markets');
    });

    it('ranks the passages that have every word first, and keeps those that have fewer after them', () => {
      // Jang's escape to China and Joseph's say all three; Joseph's crossing and his arrival in China say two.
      const found = ids('escape to China');
      expect(new Set(found.slice(0, 2))).toEqual(new Set(['gay-north-korea-2005-p07', joseph(9)]));
      expect(found).toContain(joseph(6));
      expect(found).toContain(joseph(7));
      expect(found.indexOf(joseph(6))).toBeLessThan(5);
      // "father starvation": the father who died of it first, then Joseph's own fear of it, then his father alone.
      expect(ids('father starvation').slice(0, 2)).toEqual([joseph(4), joseph(6)]);
      expect(ids('father starvation')).toContain(joseph(1));
    });

    it('reads a typo or an unfinished word as the word it stands for, lexicon term and all', () => {
      // "famin" is famine being typed: famine, and the starvation the lexicon links to it.
      expect(ids('famin')).toEqual([women(7), joseph(4), joseph(6)]);
      const [, fatherDied] = searchPassages(index, 'famin');
      const text = passageAt(index, fatherDied?.passage ?? -1).text ?? '';
      expect((fatherDied?.marks ?? []).map(([s, e]) => text.slice(s, e))).toEqual(['starvation']);
      // "defecter": the defector, and through the lexicon every escape.
      expect(ids('defecter').slice(0, 5)).toEqual(
        expect.arrayContaining([joseph(6), joseph(9), 'gay-north-korea-2005-p04']),
      );
    });

    it('reads the lexicon’s words that no passage says as they are typed, and through typos', () => {
      // No passage says jangmadang or kotjebi: their terms' links reach the passages (the
      // jangmadang is a market: the private-market passage, and Tongil Market's).
      expect(ids('jangma')).toEqual([women(7), women(8)]);
      expect(ids('장마')).toEqual([women(7), women(8)]);
      expect(ids('꽃제')).toEqual([joseph(5)]);
      expect(ids('kotjebbi')).toEqual([joseph(5)]);
      const [streets] = searchPassages(index, 'kotjebbi');
      const text = passageAt(index, streets?.passage ?? -1).text ?? '';
      expect((streets?.marks ?? []).map(([s, e]) => text.slice(s, e))).toEqual(['on the streets']);
    });

    it('takes a typo for a typo of a whole word, not of a piece of a longer one: "young" is not Pyongyang', () => {
      expect(texts('young')).toEqual([]);
      expect(ids('Jang Young-jin').slice(0, 4)).toEqual([6, 7, 8, 9].map((n) => `gay-north-korea-2005-p0${n}`));
    });
  });

  describe('filters', () => {
    const passage = (r: { passage: number }) => passageAt(index, r.passage);

    it('keeps only passages of one story, of one voice, or of stories on a topic', () => {
      const joseph = searchPassages(index, 'china', 20, { storyId: 'josephs-story-part-1-2024' });
      expect(joseph.length).toBeGreaterThan(0);
      expect(joseph.every((r) => passage(r)?.storyId === 'josephs-story-part-1-2024')).toBe(true);
      expect(searchPassages(index, 'china').some((r) => passage(r)?.storyId !== 'josephs-story-part-1-2024')).toBe(
        true,
      );

      const reports = searchPassages(index, 'gay', 20, { provenance: 'report' });
      expect(reports.length).toBeGreaterThan(0);
      expect(reports.every((r) => passage(r)?.provenance === 'report')).toBe(true);

      const lgbt = searchPassages(index, 'marriage', 20, { topic: 'lgbt' });
      expect(lgbt.length).toBeGreaterThan(0);
      expect(lgbt.every((r) => passage(r)?.storyId === 'gay-north-korea-2005')).toBe(true);
      expect(searchPassages(index, 'marriage').some((r) => passage(r)?.storyId === 'women-in-north-korea-2023')).toBe(
        true,
      );
    });

    it('browses with filters and no words: every passage that passes, in story order', () => {
      const all = searchPassages(index, '', 500, { storyId: 'women-in-north-korea-2023' });
      const expected = allPassages(index).filter((p) => p.storyId === 'women-in-north-korea-2023');
      expect(all.map((r) => passage(r)?.id)).toEqual(expected.map((p) => p.id));
      expect(searchPassages(index, '', 2, { provenance: 'firsthand' })).toHaveLength(2);
    });

    it('finds nothing when the filters exclude every answer', () => {
      expect(searchPassages(index, 'Tongil Market', 20, { storyId: 'gay-north-korea-2005' })).toEqual([]);
    });
  });

  it('does not guess at words the corpus has, or at short words', () => {
    // "kim" is the teller's name (Joseph Kim), not "him" or "daytime".
    expect(texts('kim')[0]).toContain('Kim Kwang Jin');
    expect(ids('kim').every((id) => id?.startsWith('josephs-story-part-1-2024-'))).toBe(true);
    // "famine" reaches the famine and (through the lexicon) starvation, never "families".
    expect(texts('famine').every((t) => /famine|starvation/i.test(t))).toBe(true);
  });

  it('reads words written together that the corpus writes apart: "Kwangjin", "northkorea"', () => {
    const asTyped = (query: string) =>
      searchPassages(index, query, 20, {}, { asTyped: true }).map((r) => passageAt(index, r.passage).id);
    // Read as typed, each finds nothing: the control that the reading below does the work.
    for (const query of ['Kwangjin', 'northkorea', 'tongilmarket']) expect(asTyped(query)).toEqual([]);
    expect(ids('Kwangjin')).toEqual(ids('Kwang Jin'));
    expect(ids('Kwangjin')[0]).toBe('josephs-story-part-1-2024-p01');
    expect(ids('northkorea')).toEqual(ids('north korea'));
    expect(ids('tongilmarket')).toEqual(ids('tongil market'));
    expect(texts('tongilmarket')[0]).toContain('Tongil Market');
    // Its marks are the words it was read as.
    const [first] = searchPassages(index, 'Kwangjin');
    const text = first ? (passageAt(index, first.passage).text ?? '') : '';
    expect(first?.marks.map(([s, e]) => text.slice(s, e))).toEqual(['Kwang', 'Jin']);
    // A word is broken into whole words only: while it is typed, nothing reads it yet.
    expect(ids('northkor')).toEqual([]);
    // The pieces do not push the last of 32 typed words out of the query.
    const long = `northkorea ${'the '.repeat(30)}kotjebi`;
    const split = searchPassages(
      index,
      `north korea ${'the '.repeat(30)}kotjebi`,
      20,
      {},
      { asTyped: true, maxWords: 33 },
    );
    expect(searchPassages(index, long)).toEqual(split);
    expect(split.some((r) => passageAt(index, r.passage).text?.includes('orphaned'))).toBe(true);
  });

  it('joins words written apart that the corpus writes together: "pyong yang"', () => {
    expect(searchPassages(index, 'pyong yang', 20, {}, { asTyped: true })).toEqual([]);
    expect(ids('pyong yang')).toEqual(ids('pyongyang'));
    expect(ids('pyong yang').length).toBeGreaterThan(0);
  });

  it('never breaks a word that reads as a word, or a typo of one', () => {
    // "together" is to + get + her, "starvation" star + vat + ion: both are words of the corpus.
    for (const query of ['together', 'starvation', 'famnie', 'Tongl market']) {
      const asTyped = searchPassages(index, query, 20, {}, { asTyped: true });
      expect(asTyped.length).toBeGreaterThan(0);
      expect(searchPassages(index, query)).toEqual(asTyped);
    }
  });

  it('finds nothing for nothing, and nothing for words the corpus does not have', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('xylophone quasar')).toEqual([]);
  });
  it('searches the first 32 words of a pasted paragraph, and stays quick', () => {
    const pasted = `famine ${'the '.repeat(40)}kotjebi`;
    expect(ids(pasted)).toEqual(ids(`famine ${'the '.repeat(31)}`));
    expect(ids(pasted)).not.toEqual(ids('famine kotjebi'));
  });
});

/**
 * A SYNTHETIC archive for these tests, made up here, never shipped: 3,000 passages of words
 * drawn from a short list (so "the" and "in" reach most passages, as in a large archive)
 * and a few lexicon aliases, by a seeded generator.
 */
function syntheticArchive(terms: Term[]): CorpusIndex {
  let seed = 13;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const common = 'the in and to of a was we my she he they mother father market china river night food'.split(' ');
  const rare = 'orphans famine tongil hamgyeong escape border broker kotjebi families farm fanfare fathom'.split(' ');
  const aliases = ['Tongil Market', '탈북자들은', 'North Korean defector', 'jangmadang', 'Tumen River', 'starvation'];
  const voices: Provenance[] = ['firsthand', 'witness', 'report', 'commentary'];
  const topics = ['famine', 'markets', 'defection'];
  const stories: Story[] = [];
  for (let s = 0; s < 200; s++) {
    const id = `synthetic-test-${String(s).padStart(3, '0')}`;
    const blocks = Array.from({ length: 15 }, (_, b) => {
      const words = Array.from({ length: 40 }, () => {
        const r = random();
        if (r < 0.03) return aliases[Math.floor(random() * aliases.length)] as string;
        if (r < 0.13) return rare[Math.floor(random() * rare.length)] as string;
        return common[Math.floor(random() ** 2 * common.length)] as string;
      });
      return { kind: voices[(s + b) % voices.length] as Provenance, text: `${words.join(' ')}.`, line: 13 + 2 * b };
    });
    stories.push({
      id,
      title: `Synthetic test story ${s}`,
      narrator: 'Synthetic narrator',
      publisher: 'search-passages.test.ts: not testimony',
      date: '2024-01-01',
      url: `https://example.org/${id}`,
      topics: [topics[s % topics.length] as string],
      contentNotes: [],
      lang: 'en',
      blocks,
    });
  }
  return loadCorpusIndex(packIndex(stories, terms));
}

describe('as the reader types (issue 13)', () => {
  const archive = syntheticArchive(bundle.terms);
  const typed = [
    'famine',
    'tongil market',
    'tongl market',
    'orphans in china',
    'the orphans of the famine',
    'hamgyong',
    '탈북자',
    'north korean defector',
    'kotjebbi on the streets',
    'zyxwvut',
    'in the market women',
    'escape to china',
  ];
  const keystrokes = (q: string) => [...q].map((_, i) => [...q].slice(0, i + 1).join(''));
  const filters: SearchFilters[] = [{}, { provenance: 'firsthand' }, { topic: 'famine' }];

  it('has long lists to read in part: the archive is large enough to take the shortcuts', () => {
    const long = (word: string) => archive.packed.wordPassages.count[findWord(archive, word) ?? -1] ?? 0;
    expect(long('the')).toBeGreaterThan(1024);
    expect(long('in')).toBeGreaterThan(1024);
    expect(long('orphans')).toBeLessThan(1024);
  });

  // Property tests over every keystroke of many queries: on a busy machine they may take 10 s.
  it('answers every keystroke exactly as a search that remembers nothing would', { timeout: 60_000 }, () => {
    for (const searched of [index, archive]) {
      for (const f of filters) {
        // One view types on and on, keeping what it remembers; each fresh view of the same
        // index starts with nothing remembered (its per-index caches are its own).
        const typing = { ...searched };
        for (const q of typed) {
          for (const k of keystrokes(q)) {
            expect(searchPassages(typing, k, 20, f), `${k} ${JSON.stringify(f)}`).toEqual(
              searchPassages({ ...searched }, k, 20, f),
            );
          }
        }
      }
    }
  });

  it('answers exactly as reading every list whole would, though it reads long lists in part', {
    timeout: 60_000,
  }, () => {
    for (const f of filters) {
      for (const q of typed) {
        for (const k of keystrokes(q)) {
          for (const limit of [5, 20]) {
            expect(searchPassages(archive, k, limit, f), `${k} ${limit} ${JSON.stringify(f)}`).toEqual(
              searchPassages(archive, k, limit, f, { everyListWhole: true }),
            );
          }
        }
      }
    }
  });

  it('marks the passages whose text it had to read first, as it marks those at hand', async () => {
    const whole = loadCorpusIndex(archive.packed);
    const chunks = textChunks(archive.packed);
    expect(chunks.length).toBeGreaterThan(1);
    // No chunk at hand: every passage's text is read as the search first shows it.
    const lazy = loadCorpusIndex(archive.packed, new Array(chunks.length));
    lazy.texts.read = async (chunk) => chunks[chunk];
    for (const q of ['tongil market', 'orphans in china', 'famin']) {
      const expected = searchPassages(whole, q);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.every((r) => r.marks.length > 0)).toBe(true);
      expect(await withText(lazy, () => searchPassages(lazy, q))).toEqual(expected);
    }
  });
});
