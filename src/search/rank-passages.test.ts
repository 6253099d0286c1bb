import { describe, expect, it } from 'vitest';
import { parseStory } from '@/src/corpus/parse-story';
import { articleEvidence } from '@/src/detect/assess-page';
import type { Article } from '@/src/detect/extract-article';
import { buildCorpusFromData } from '@/src/search/read-data';
import { syntheticArticles } from '@/src/testing/synthetic-articles';
import { loadBundleIndex, loadCorpusIndex, passageText, storyOfPassage, termPassages } from './corpus-index';
import { toExcerptCard } from './excerpt-cards';
import { packIndex } from './packed-index';
import { decidesToShow, SHIPPED_MODEL } from './page-decision';
import { MODEL_PAGE_WORDS, pageAboutness, rankPassages, readPage } from './rank-passages';

const bundle = buildCorpusFromData();
const index = loadBundleIndex(bundle);
const evidence = (article: Article) => articleEvidence(article, index.matcher);
const storyOf = (p: number | undefined) => (p === undefined ? undefined : storyOfPassage(index, p).id);

describe('rankPassages', () => {
  it("puts Joseph's story first for an article about the famine and its orphans", () => {
    const ranked = rankPassages(index, evidence(syntheticArticles.famineOrphans));
    expect(ranked.length).toBeGreaterThan(0);
    expect(storyOf(ranked[0]?.passage)).toBe('josephs-story-part-1-2024');
  });

  it("puts Lindsey Miller's story first for an article about the women who run the markets", () => {
    const ranked = rankPassages(index, evidence(syntheticArticles.marketWomen));
    expect(ranked.length).toBeGreaterThan(0);
    expect(storyOf(ranked[0]?.passage)).toBe('women-in-north-korea-2023');
  });

  it("shows no card under the model's floor: a share of the best passage's score", () => {
    const page = evidence(syntheticArticles.famineOrphans);
    // Control: with no floor, passages far weaker than the best one would be shown too.
    const all = readPage(index, page, SHIPPED_MODEL.rank, { floor: 0 }).ranked;
    const best = all[0]?.score ?? 0;
    const weak = all.filter((r) => r.score < SHIPPED_MODEL.floor * best);
    expect(weak.length).toBeGreaterThan(0);
    const shown = rankPassages(index, page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((r) => r.score >= SHIPPED_MODEL.floor * best)).toBe(true);
    expect(shown.map((r) => r.passage)).toEqual(
      all.filter((r) => r.score >= SHIPPED_MODEL.floor * best).map((r) => r.passage),
    );
  });

  it('shows nothing beside a missile test, although passages share its words', () => {
    const missile = evidence(syntheticArticles.missileTest);
    // Control: the article names North Korea, so the background is asked, and the ranking
    // alone would show passages; it is the page model that keeps them away.
    expect(missile.terms.length).toBeGreaterThan(0);
    const reading = readPage(index, missile);
    expect(reading.ranked.length).toBeGreaterThan(0);
    expect(decidesToShow(reading.features)).toBe(false);
    expect(rankPassages(index, missile)).toEqual([]);
  });

  it('reads a page too short for a full profile as if its missing words were words no passage says', () => {
    // SYNTHETIC text, written for this test: a two-line page that names North Korea and
    // nothing the testimonies speak of (a teaser whose article comes later).
    const teaser = evidence({
      title: 'North Korea, in parts',
      paragraphs: ['A page about North Korea whose article comes later.'],
    });
    expect(teaser.terms.length).toBeGreaterThan(0); // it names North Korea: the model is asked
    const { features } = readPage(index, teaser);
    expect(features.subject).toBe(0);
    // Its three or four words are not "the article": some passage says one of them, and
    // that is not most of what the page is about.
    expect(features.similarity).toBeLessThan(0.1);
    expect(decidesToShow(features)).toBe(false);
    // The control: the famine article, whose profile is full, is still shown.
    expect(decidesToShow(readPage(index, evidence(syntheticArticles.famineOrphans)).features)).toBe(true);
  });

  it('judges statecraft in the lead: a report that closes on the missile tests is not about them', () => {
    // SYNTHETIC text, written for this test: a story of everyday life, and a wire
    // service's closing background paragraph.
    const story = [
      'Patrols in North Korea now stop young women in the street for tight jeans and dyed hair, residents say.',
      'Women caught wearing foreign fashion must write confessions at the youth league office before they are released.',
      'Traders in the market say the women who sell clothes from China have hidden their stock since the crackdown began.',
      'A resident said that women in their twenties are the ones stopped most often, and that some pay a bribe.',
    ];
    const background =
      'The crackdown comes as North Korea continues its ballistic missile launches and nuclear weapons tests, defying sanctions.';
    const title = 'North Korea cracks down on tight jeans';
    const closing = readPage(index, evidence({ title, paragraphs: [...story, background] })).features;
    // Control: the same paragraph as the lead is statecraft.
    const leading = readPage(index, evidence({ title, paragraphs: [background, ...story] })).features;
    expect(leading.statecraft).toBeGreaterThan(0.5);
    expect(closing.statecraft).toBe(0);
    expect(closing.subject).toBeCloseTo(leading.subject, 6);
  });

  it('is never asked about a football report that names North Korea once in passing', () => {
    const passing = evidence(syntheticArticles.footballPassing);
    expect(passing).toEqual({ terms: [], words: [], said: [] });
    // Control: the same report with the country in its headline is read.
    const headlined = evidence({ ...syntheticArticles.footballPassing, title: 'Seoul side to face North Korea' });
    expect(headlined.terms.length).toBeGreaterThan(0);
    expect(headlined.words.length).toBeGreaterThan(0);
  });

  it("explains every card by the article's words and terms that its own text says, never by the country", () => {
    const ranked = rankPassages(index, evidence(syntheticArticles.famineOrphans));
    expect(ranked.length).toBeGreaterThan(0);
    for (const r of ranked) {
      const card = toExcerptCard(index, r);
      expect(card.why.length).toBeGreaterThan(0);
      expect(card.why.length).toBeLessThanOrEqual(6);
      expect(card.why).not.toContain('North Korea');
      expect(card.marks.length).toBeGreaterThan(0);
      const text = passageText(index, r.passage);
      for (const [start, end] of card.marks) expect(end).toBeGreaterThan(start);
      expect(card.marks.every(([, end]) => end <= text.length)).toBe(true);
    }
    const why = ranked.flatMap((r) => toExcerptCard(index, r).why);
    expect(why).toEqual(expect.arrayContaining(['famine']));
  });

  it('shows at most `perStory` passages of one story and `limit` in all', () => {
    const page = evidence(syntheticArticles.famineOrphans);
    const perStory = (ranked: { passage: number }[]) => {
      const counts = new Map<string, number>();
      for (const r of ranked) counts.set(storyOf(r.passage) ?? '', (counts.get(storyOf(r.passage) ?? '') ?? 0) + 1);
      return Math.max(...counts.values());
    };
    const all = rankPassages(index, page, { limit: 10, perStory: 10 });
    expect(perStory(all)).toBeGreaterThan(1);
    expect(perStory(rankPassages(index, page, { limit: 10, perStory: 1 }))).toBe(1);
    expect(rankPassages(index, page, { limit: 2, perStory: 10 })).toHaveLength(2);
  });

  it('lets no imported collection crowd the others out: the sources take turns, the best first', () => {
    // A synthetic archive written for this test (not testimony): twelve passages that say
    // the article's words more often than any real story does.
    const paragraph = (i: number) => `Synthetic ${i}: ${syntheticArticles.famineOrphans.paragraphs.join(' ')}`;
    const archive = [1, 2, 3, 4].map((n) =>
      parseStory(
        `synthetic-archive-${n}.md`,
        `---\nid: synthetic-archive-${n}\ntitle: Synthetic ${n}\nnarrator: Synthetic teller\npublisher: Synthetic archive\ndate: 2020-01-01\nurl: https://example.org/${n}\ntopics: famine\nprovenance: witness\n---\n\n${[1, 2, 3].map((i) => paragraph(i)).join('\n\n')}\n`,
      ),
    );
    const stories = [...bundle.stories, ...archive];
    const page = evidence(syntheticArticles.famineOrphans);
    const sourceOf = (i: ReturnType<typeof loadCorpusIndex>) => (r: { passage: number }) =>
      storyOfPassage(i, r.passage).id.startsWith('synthetic-') ? 'archive' : 'bundled';

    const imported = loadCorpusIndex(
      packIndex(stories, bundle.terms, (story) => (story.id.startsWith('synthetic-') ? 'synthetic-archive' : '')),
    );
    const shown = rankPassages(imported, page);
    // Turns while both have passages above the floor; then the one with more fills the panel.
    expect(shown).toHaveLength(6);
    expect(shown.slice(0, 4).map(sourceOf(imported))).toEqual(['archive', 'bundled', 'archive', 'bundled']);
    expect(storyOfPassage(imported, shown[1]?.passage ?? -1).id).toBe('josephs-story-part-1-2024');

    // The same stories as one source: the archive's passages, all stronger, fill the panel.
    const oneSource = loadCorpusIndex(packIndex(stories, bundle.terms));
    expect(rankPassages(oneSource, page).map(sourceOf(oneSource))).toEqual(Array(6).fill('archive'));
  });

  it('reaches an imported story through its own words, where the lexicon has no term for them', () => {
    // SYNTHETIC story for this test: its subject (beekeeping) is not in the lexicon.
    const bees = parseStory(
      'synthetic-bees.md',
      '---\nid: synthetic-bees\ntitle: Synthetic beekeeping\nnarrator: Synthetic keeper\npublisher: Synthetic archive\ndate: 2020-01-01\nurl: https://example.org/bees\ntopics: famine\nprovenance: firsthand\n---\n\nSynthetic: we kept beehives behind the cooperative farm, and the honey from the hives bought rice when the rations stopped.\n',
    );
    const withBees = loadCorpusIndex(packIndex([...bundle.stories, bees], bundle.terms));
    const article = {
      title: 'North Korea: beekeepers and their hives',
      paragraphs: [
        'In North Korea, farmers keep beehives and sell the honey from their hives in the markets, where honey buys rice.',
        'Beekeeping spread after the famine, North Korean farmers say, because hives need little land.',
      ],
    };
    const reading = readPage(withBees, articleEvidence(article, withBees.matcher));
    expect(storyOfPassage(withBees, reading.ranked[0]?.passage ?? -1).id).toBe('synthetic-bees');
    expect(toExcerptCard(withBees, reading.ranked[0] as (typeof reading.ranked)[0]).why).toEqual(
      expect.arrayContaining(['hive', 'honey']),
    );
  });

  it('ignores terms it does not know (a lexicon from an older build)', () => {
    const page = evidence(syntheticArticles.famineOrphans);
    const known = rankPassages(index, page).map((r) => r.passage);
    expect(known.length).toBeGreaterThan(0);
    const withUnknown = { ...page, terms: [...page.terms, { term: 'no such term', count: 9, inTitle: true }] };
    expect(rankPassages(index, withUnknown).map((r) => r.passage)).toEqual(known);
  });

  it('reads its constants from the shipped model, and other constants rank otherwise', () => {
    const page = evidence(syntheticArticles.marketWomen);
    const scores = (r: ReturnType<typeof readPage>) => r.ranked.map((x) => [x.passage, x.score]);
    expect(scores(readPage(index, page))).toEqual(scores(readPage(index, page, SHIPPED_MODEL.rank)));
    const other = { termShare: SHIPPED_MODEL.rank.termShare * 4, storyShare: SHIPPED_MODEL.rank.storyShare + 0.2 };
    expect(scores(readPage(index, page, other))).not.toEqual(scores(readPage(index, page)));
  });

  it('never gives the country as a reason, as a term or as a word (north, korea, korean)', () => {
    for (const article of [
      syntheticArticles.famineOrphans,
      syntheticArticles.marketWomen,
      syntheticArticles.missileTest,
    ]) {
      const { ranked } = readPage(index, evidence(article));
      expect(ranked.length).toBeGreaterThan(0);
      const why = ranked.flatMap((r) => toExcerptCard(index, r).why.map((w) => w.toLowerCase()));
      expect(why.length).toBeGreaterThan(0);
      expect(why.filter((w) => ['north korea', 'north', 'korea', 'korean', 'china'].includes(w))).toEqual([]);
    }
  });

  it('ranks the bundled stories exactly as without an imported archive: each source has its own statistics', () => {
    // A SYNTHETIC archive for this test, whose every passage says the article's commonest words.
    const archive = Array.from({ length: 30 }, (_, n) =>
      parseStory(
        `synthetic-border-${n}.md`,
        `---\nid: synthetic-border-${n}\ntitle: Synthetic ${n}\nnarrator: Synthetic teller\npublisher: Synthetic archive\ndate: 2020-01-01\nurl: https://example.org/b${n}\ntopics: escape\nprovenance: witness\n---\n\nSynthetic ${n}: the famine, the children, the streets, the river and China, hunger and food, again and again.\n`,
      ),
    );
    const withArchive = loadCorpusIndex(
      packIndex([...bundle.stories, ...archive], bundle.terms, (story) =>
        story.id.startsWith('synthetic-') ? 'synthetic-border' : '',
      ),
    );
    const page = evidence(syntheticArticles.famineOrphans);
    const bundled = (i: typeof index) =>
      readPage(i, page, SHIPPED_MODEL.rank, { limit: 500, perStory: 500 })
        .ranked.filter((r) => !storyOfPassage(i, r.passage).id.startsWith('synthetic-'))
        .map((r) => [r.passage, r.score.toFixed(9)]);
    const alone = bundled(index);
    expect(alone.length).toBeGreaterThan(2);
    expect(bundled(withArchive)).toEqual(alone);
  });

  it('reads what a hostile or broken page sends without a NaN: no words, zero and negative counts, no terms', () => {
    const page = evidence(syntheticArticles.famineOrphans);
    const broken = {
      terms: page.terms,
      words: [...page.words, ['famine', 0], ['orphan', -3], ['street', Number.NaN]] as [string, number][],
    };
    const reading = readPage(index, broken);
    expect(Object.values(reading.features).every(Number.isFinite)).toBe(true);
    expect(reading.ranked.every((r) => Number.isFinite(r.score))).toBe(true);
    expect(reading.ranked.map((r) => r.passage)).toEqual(readPage(index, page).ranked.map((r) => r.passage));
    const empty = readPage(index, { terms: [], words: [] });
    expect(empty.ranked).toEqual([]);
    expect(Object.values(empty.features).every(Number.isFinite)).toBe(true);
  });

  it('ranks an index of imported stories only (the bundled source empty)', () => {
    const only = loadCorpusIndex(packIndex(bundle.stories, bundle.terms, () => 'synthetic-all'));
    const { ranked, features } = readPage(only, evidence(syntheticArticles.famineOrphans));
    expect(ranked.length).toBeGreaterThan(0);
    expect(Object.values(features).every(Number.isFinite)).toBe(true);
  });
});

describe('pageAboutness: the subject evidence', () => {
  const term = (name: string, count: number, inTitle = false) => ({ term: name, count, inTitle });

  it('counts only subjects the passages speak of: a news agency or a leader no passage names is no evidence', () => {
    // Both are subject terms of the lexicon (an organisation, a person) that no passage says.
    for (const name of ['KCNA', 'Kim Jong Il']) {
      const t = index.termIndex.get(name);
      expect(t, name).toBeDefined();
      expect(index.terms[t as number]?.kind).toMatch(/org|person/);
      expect(pageAboutness(index, [term(name, 6, true)], 300)).toBe(0);
    }
    // Control: a subject the passages do speak of, counted the same way, is evidence.
    expect(pageAboutness(index, [term('defector', 6, true)], 300)).toBeGreaterThan(5);
  });

  it('asks the stories Firsthand ships, not an imported archive, which subjects the testimonies speak of', () => {
    // A SYNTHETIC archive for this test, whose passages name the news agency.
    const archive = Array.from({ length: 5 }, (_, n) =>
      parseStory(
        `synthetic-kcna-${n}.md`,
        `---\nid: synthetic-kcna-${n}\ntitle: Synthetic ${n}\nnarrator: Synthetic teller\npublisher: Synthetic archive\ndate: 2020-01-01\nurl: https://example.org/k${n}\ntopics: escape\nprovenance: witness\n---\n\nSynthetic ${n}: the radio read out what KCNA said, every morning.\n`,
      ),
    );
    const withArchive = loadCorpusIndex(
      packIndex([...bundle.stories, ...archive], bundle.terms, (story) =>
        story.id.startsWith('synthetic-') ? 'synthetic-kcna' : '',
      ),
    );
    const kcna = withArchive.termIndex.get('KCNA') as number;
    // Control: the archive's passages do reach the term...
    expect(termPassages(withArchive, kcna).length).toBe(archive.length);
    // ...and still it is no evidence: what a reader imports does not change what a page is about.
    expect(pageAboutness(withArchive, [term('KCNA', 6, true)], 300)).toBe(0);
    expect(pageAboutness(withArchive, [term('defector', 6, true)], 300)).toBe(
      pageAboutness(index, [term('defector', 6, true)], 300),
    );
  });

  it('gives a place no subject weight, however often the page names it: the DMZ is a place', () => {
    expect(index.terms[index.termIndex.get('DMZ') as number]?.kind).toBe('place');
    expect(pageAboutness(index, [term('DMZ', 8, true)], 300)).toBe(0);
    expect(pageAboutness(index, [term('famine', 8, true)], 300)).toBeGreaterThan(0);
  });

  it("reads a page longer than the model's pages at their density: 5 mentions in 14,000 words are not 5 in 400", () => {
    const mentions = [term('women', 5), term('human rights', 3)];
    const short = pageAboutness(index, mentions, MODEL_PAGE_WORDS);
    expect(short).toBeGreaterThan(3);
    // Up to the model's length, nothing changes; beyond it, the counts are scaled down.
    expect(pageAboutness(index, mentions, MODEL_PAGE_WORDS / 2)).toBe(short);
    const long = pageAboutness(index, mentions, 14_000);
    expect(long).toBeLessThan(short / 5);
    // The same density on the long page is the same evidence.
    expect(pageAboutness(index, [term('women', 175), term('human rights', 105)], 14_000)).toBeCloseTo(short, 6);
  });

  it('has no step at the length where scaling starts: a term said twice is never a passing mention', () => {
    const mentions = [term('defector', 2), term('famine', 4)];
    const at = (words: number) => pageAboutness(index, mentions, words);
    expect(at(MODEL_PAGE_WORDS + 1)).toBeGreaterThan(0.99 * at(MODEL_PAGE_WORDS));
    expect(at(2 * MODEL_PAGE_WORDS + 1)).toBeGreaterThan(0.99 * at(2 * MODEL_PAGE_WORDS));
    // Control: a term said once in the body is a passing mention, however short the page.
    expect(pageAboutness(index, [term('defector', 1)], 100)).toBeLessThan(
      0.5 * pageAboutness(index, [term('defector', 1, true)], 100),
    );
  });
});
