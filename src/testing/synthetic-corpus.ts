/**
 * SYNTHETIC stories for the search benchmark (npm run bench:search): generated text, not
 * testimony. For benchmarks only — never written to data/, never part of the build or of
 * the extension (PRODUCT.md, "Integrity rule"). Every story says so: its id starts with
 * `synthetic-`, its title and narrator with "Synthetic", its publisher names this file.
 *
 * The text is made to look like real testimony *to the matcher*, not to a reader: words
 * drawn from a fixed list of ordinary English words (Zipf-distributed), a long tail of
 * made-up words (so the vocabulary grows with the corpus as a real archive's does: ~35k
 * distinct words at 10,000 passages, ~100k at 50,000), and lexicon aliases taken from the
 * real lexicon at the rate and with the term frequencies measured on the real stories,
 * with each story leaning towards two themes (famine, markets, defection, prison camps...)
 * as a real archive's stories do. Seeded: every run generates the same corpus.
 */
import { passagesOf } from '@/src/corpus/parse-story';
import type { Block, Provenance, Story } from '@/src/corpus/types';
import { compileLexicon, findTerms, type Term, type TermMatcher } from '@/src/lexicon/lexicon';
import { takesSuffixes, tokenize } from '@/src/lexicon/tokens';
import { buildCorpusFromData } from '@/src/search/read-data';

/** The prefix of every synthetic story id; passage ids follow as `synthetic-00042-p07`. */
export const SYNTHETIC_ID_PREFIX = 'synthetic-';
const PUBLISHER = 'Synthetic benchmark pack (src/testing/synthetic-corpus.ts): not testimony';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ordinary English words, roughly most frequent first. Lexicon aliases are filtered out below. */
const ORDINARY = `the and to of a i was in my we that it he she for had on with me they her his at but not
as from there were our be so all one when them this would what by could us no an up out him did about
people then time very go went back mother father day after even just only also again still never always
home house village town city school teacher friend brother sister son daughter child children grandmother
grandfather uncle aunt neighbour baby man woman boy girl night morning evening year month week winter
summer spring autumn road river mountain hill field farm corn potato water bread soup noodles bean cabbage
salt oil egg meat fish apple clothes shoes coat blanket money work factory job train station bus truck
bicycle door window room kitchen table bed floor roof wall letter photo radio book song story word name face
hand eye heart head foot body voice sound light fire snow rain wind cold warm little small big old young
new long short good bad hard easy happy sad afraid tired quiet loud dark bright early late far near often
sometimes really almost already together alone away inside said told knew thought came saw took made left
found gave asked tried walked worked lived waited carried cooked sold bought watched heard remembered
cried laughed slept woke ran hid stayed moved opened closed lost kept sent wrote read sang played
learned taught helped looked called needed wanted felt believed understood decided started stopped
finished returned arrived travelled crossed climbed pulled pushed held dropped picked washed cleaned
built broke fixed paid owed borrowed shared counted planted harvested gathered chopped boiled burned
froze melted grew changed missed loved hated feared hoped wished prayed dreamed forgot if because before
until while since though although where why how which who whom whose than more most less many much few
some any every each other another such same own first last next second third two three four five six
seven ten hundred thousand half whole part piece bag box bottle cup bowl pot spoon knife rope stick stone
paper card ticket bridge gate street corner hall office building hospital doctor nurse medicine
fever cough pain sleep dream memory news message answer question reason way place side end top bottom
front behind under over between through across along around toward against without within upon into onto
off down yes maybe please thank sorry hello goodbye nothing something everything anything someone
everyone anyone nobody here now today tomorrow yesterday soon once twice hour minute moment while ago
later then anyway however perhaps quite rather enough too very truly simply nearly slowly quickly quietly
carefully suddenly finally secretly`
  .split(/\s+/)
  .filter(Boolean);

/** Consonant–vowel syllables for the made-up tail: every tail word splits into them one way only. */
const CONSONANTS = [
  'b',
  'd',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'y',
  'ch',
  'sh',
  'z',
  'f',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u'];
const SYLLABLES = CONSONANTS.flatMap((c) => VOWELS.map((v) => c + v));

/** Share of words drawn from the made-up tail, and its Zipf law (see the module comment). */
const TAIL_SHARE = 0.1;
const TAIL_RANKS = 1_000_000;
const TAIL_EXPONENT = 1.1;
/** Share of a story's terms drawn from its own themes rather than the whole lexicon. */
const THEME_SHARE = 0.35;
/** Weight of a term the real stories never use, next to one use in them. */
const UNSEEN_TERM_WEIGHT = 0.3;

/** Term labels per theme; labels the lexicon does not have are skipped. */
const THEMES: Record<string, string[]> = {
  famine: [
    'famine',
    'Arduous March',
    'starvation',
    'food',
    'rice',
    'kotjebi',
    'street children',
    'orphan',
    'begging',
    'Public Distribution System',
    'poverty',
    'homelessness',
  ],
  markets: [
    'market',
    'jangmadang',
    'private market',
    'market vendor',
    'donju',
    'Tongil Market',
    'currency exchange',
    'breadwinner',
    '2009 currency reform',
    'jangmadang generation',
  ],
  defection: [
    'defect',
    'defector',
    'North Korean defector',
    'escape',
    'border',
    'border guard',
    'broker',
    'Tumen River',
    'Yalu River',
    'China',
    'forced repatriation',
    'in hiding',
    'refugee',
    'Hanawon',
    'resettlement',
    'South Korea',
  ],
  'daily-life': [
    'Pyongyang',
    'Hamgyeong region',
    'North Hamgyeong Province',
    'Hoeryong',
    'Musan',
    'Hyesan',
    'Chongjin',
    'Onsong',
    'Wonsan',
    'Hamhung',
    'Ryanggang Province',
    'Kaesong',
    'inminban',
    'songbun',
  ],
  'prison-camps': [
    'prison',
    'kwanliso',
    'kyohwaso',
    'jipkyulso',
    'labour training camp',
    'interrogation',
    'arrest',
    'three generations of punishment',
    'surveillance',
    'Ministry of State Security',
  ],
  women: [
    'women',
    'North Korean women',
    'marriage',
    'divorce',
    'forced marriage',
    'gender-based violence',
    "women's rights",
    'breadwinner',
    'cosmetics',
    'jewellery',
  ],
  lgbt: ['LGBT', 'homosexuality', 'gay bar', 'self-expression'],
  china: ['China', 'Yanji', 'Yanbian', 'Dandong', 'forced marriage', 'broker', 'overseas worker', 'in hiding'],
};
const CONTENT_NOTES = [
  'starvation',
  'death of a parent',
  'family separation',
  'imprisonment',
  'violence',
  'coerced marriage',
  'homelessness',
];
/** Real stories' voices: mostly firsthand, then witnesses, reports and commentary. */
const PROVENANCE_ODDS: [Provenance, number][] = [
  ['firsthand', 0.6],
  ['witness', 0.2],
  ['report', 0.12],
  ['commentary', 0.08],
];
const HANGUL_PARTICLES = ['', '', '', '은', '을', '에서', '들은', '의'];

interface Vocabulary {
  terms: Term[];
  ordinary: string[];
  /** Cumulative Zipf–Mandelbrot weights over `ordinary`. */
  ordinaryCdf: Float64Array;
  /** How often the real stories use each term (UNSEEN_TERM_WEIGHT for none). */
  termUses: Float64Array;
  /** Cumulative weights over `terms`, as often as the real stories use them. */
  termCdf: Float64Array;
  themes: [string, number[]][];
  /** Term hits per word in the real stories. */
  termRate: number;
  matcher: TermMatcher;
  tail: Map<number, string>;
}

let vocabulary: Vocabulary | undefined;

/** The real lexicon and the rates measured on the real stories (data/), read once. */
function realVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary;
  // The same reading as data/build-corpus.ts: the lexicon as the build validated it.
  const real = buildCorpusFromData();
  const terms = real.terms;
  const matcher = compileLexicon(terms);
  const uses = new Float64Array(terms.length).fill(UNSEEN_TERM_WEIGHT);
  let words = 0;
  let hits = 0;
  for (const p of real.stories.flatMap((s) => passagesOf(s))) {
    words += tokenize(p.text).length;
    for (const h of findTerms(p.text, matcher)) {
      hits++;
      uses[h.term] = (uses[h.term] as number) + 1;
    }
  }
  // Ordinary words are ordinary: none may be a lexicon alias by itself.
  const ordinary = [...new Set(ORDINARY)].filter((w) => findTerms(w, matcher).length === 0);
  const byName = new Map(terms.map((t, i) => [t.term, i]));
  vocabulary = {
    terms,
    ordinary,
    ordinaryCdf: cumulative(ordinary.map((_, i) => 1 / (i + 2.7))),
    termUses: uses,
    termCdf: cumulative([...uses]),
    themes: Object.entries(THEMES).map(([topic, labels]) => [
      topic,
      labels.map((l) => byName.get(l)).filter((i): i is number => i !== undefined),
    ]),
    termRate: hits / Math.max(words, 1),
    matcher,
    tail: new Map(),
  };
  return vocabulary;
}

function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out.map((c) => c / sum);
}

function pick(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cdf[mid] as number) < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The made-up word of a tail rank: its base-100 digits as syllables ("bakoshi"). */
function tailWord(v: Vocabulary, rank: number): string {
  let word = v.tail.get(rank);
  if (word !== undefined) return word;
  const digits: number[] = [];
  for (let r = rank; digits.length < 2 || r > 0; r = Math.floor(r / SYLLABLES.length)) {
    digits.unshift(r % SYLLABLES.length);
  }
  word = digits.map((d) => SYLLABLES[d]).join('');
  // A made-up word must not happen to be an alias ("juche").
  if (findTerms(word, v.matcher).length > 0) word = `${word}vu`;
  v.tail.set(rank, word);
  return word;
}

function ordinaryWord(v: Vocabulary, random: () => number): string {
  if (random() < TAIL_SHARE) {
    const a = 1 - TAIL_RANKS ** (1 - TAIL_EXPONENT);
    const rank = Math.floor((1 - random() * a) ** (1 / (1 - TAIL_EXPONENT))) - 1;
    return tailWord(v, rank);
  }
  return v.ordinary[pick(v.ordinaryCdf, random())] as string;
}

/** One alias of a term as a passage would write it: mostly its first form. */
function aliasOf(term: Term, random: () => number): string {
  const aliases = term.aliases;
  const alias = (random() < 0.6 ? aliases[0] : aliases[Math.floor(random() * aliases.length)]) as string;
  return takesSuffixes(alias)
    ? alias + (HANGUL_PARTICLES[Math.floor(random() * HANGUL_PARTICLES.length)] ?? '')
    : alias;
}

/** A paragraph of `words` words (aliases counted as one) in sentences of 6–22 words. */
/** A story's themes' terms, weighted as the real stories use them. */
interface ThemeTerms {
  terms: number[];
  cdf: Float64Array;
}

function paragraph(v: Vocabulary, random: () => number, words: number, theme: ThemeTerms): string {
  const sentences: string[] = [];
  let left = words;
  while (left > 0) {
    const length = Math.min(left, 6 + Math.floor(random() * 17));
    const parts: string[] = [];
    for (let i = 0; i < length; i++) {
      if (random() < v.termRate) {
        const fromTheme = theme.terms.length > 0 && random() < THEME_SHARE;
        const t = fromTheme ? (theme.terms[pick(theme.cdf, random())] as number) : pick(v.termCdf, random());
        parts.push(aliasOf(v.terms[t] as Term, random));
      } else {
        parts.push(ordinaryWord(v, random));
      }
      if (i < length - 1 && random() < 0.06) parts[i] += ',';
    }
    const sentence = parts.join(' ');
    sentences.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
    left -= length;
  }
  return sentences.join(' ');
}

function provenance(random: () => number): Provenance {
  let u = random();
  for (const [kind, odds] of PROVENANCE_ODDS) {
    u -= odds;
    if (u < 0) return kind;
  }
  return 'firsthand';
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * `passageCount` passages of synthetic testimony, in stories of 10–20 passages (the last
 * one may be shorter) of 30–120 words each; blocks carry the `passageId`s that
 * `passagesOf` (src/corpus/parse-story.ts) gives them.
 */
export function syntheticStories(passageCount: number, seed = 1): Story[] {
  const v = realVocabulary();
  const random = seededRandom(seed);
  const stories: Story[] = [];
  let made = 0;
  for (let n = 1; made < passageCount; n++) {
    const id = `${SYNTHETIC_ID_PREFIX}${pad(n, 5)}`;
    const count = Math.min(passageCount - made, 10 + Math.floor(random() * 11));
    const themes = [0, 1].map(() => v.themes[Math.floor(random() * v.themes.length)] as [string, number[]]);
    const themeTerms = themes.flatMap(([, terms]) => terms);
    // As often as the real stories use them: "kotjebi" (3 uses) is not as common as "food".
    const theme = { terms: themeTerms, cdf: cumulative(themeTerms.map((t) => v.termUses[t] as number)) };
    const blocks: Block[] = [];
    // As if read from a source file: 12 lines of front matter, blank lines between blocks.
    let line = 13;
    const push = (block: Omit<Block, 'line'>) => {
      blocks.push({ ...block, line });
      line += 2;
    };
    if (random() < 0.3) push({ kind: 'heading', text: `Synthetic part ${n}` });
    for (let p = 1; p <= count; p++) {
      // 30–120 words: median ~58, mean ~63, 90 % under ~105, as the real stories' passages
      // (63, 68 and 105). Longer passages would carry more terms each than real ones do.
      const words = 30 + Math.floor(90 * random() ** 1.7);
      const kind = provenance(random);
      const attribution = kind === 'report' && random() < 0.5 ? `Synthetic reporter ${n}` : undefined;
      push({
        kind,
        text: paragraph(v, random, words, theme),
        ...(attribution ? { attribution } : {}),
        passageId: `${id}-p${pad(p, 2)}`,
      });
      if (random() < 0.05) push({ kind: 'caption', text: `Synthetic photo caption ${n}.${p}.` });
    }
    const year = 1995 + Math.floor(random() * 30);
    stories.push({
      id,
      title: `Synthetic: ${paragraph(v, random, 3 + Math.floor(random() * 4), { terms: [], cdf: new Float64Array(0) }).replace(/\.$/, '')}`,
      narrator: `Synthetic ${tailWord(v, 200 + Math.floor(random() * 9000))}`,
      publisher: PUBLISHER,
      date: `${year}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`,
      url: `https://synthetic.invalid/stories/${id}`,
      topics: [...new Set(themes.map(([topic]) => topic))],
      contentNotes: random() < 0.5 ? [CONTENT_NOTES[Math.floor(random() * CONTENT_NOTES.length)] as string] : [],
      lang: 'en',
      blocks,
    });
    made += count;
  }
  return stories;
}

/** Term hits per word in the real stories: what the synthetic text is generated at. */
export function realTermRate(): number {
  return realVocabulary().termRate;
}
