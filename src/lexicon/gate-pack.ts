import { foldText, isLatin, type PackedGateTest, phrasesSource } from './gate-precheck';
import type { Term } from './lexicon';
import { takesSuffixes, tokenize } from './tokens';

const SHORTEST_LITERAL = 4;
/**
 * Keys that occur on pages about anything, as they appear among the gate aliases' keys
 * (folded, y dropped): everyday English words and years, and the syllables of Korean
 * names, which any page naming a Korean (a footballer, a singer) says. Only the test's
 * speed, and how often a page not about North Korea gets the detection script, depend on
 * this list, never a result.
 */
const everyday = () =>
  new Set(
    (
      'act agenc agreement air area arm dail part song sun assembl association autonomous camp center central committee ' +
      'complex count currenc dear democratic department diamond distribution divided economic eternal ' +
      'famil first for game general generation great human idea ideolog industrial inter island issue ' +
      'japan japanese joint labor labour launching leader libert limit line march market mass militar ' +
      'ministr missile mount mountain movement neighbourhood new north northern nuclear people polic ' +
      'politic political prefecture president prison prisoner program programme province public ration ' +
      'rationing reform refugee regime region relation republic resident reunion right river satellite ' +
      'securit separated settlement six social socialist south special square state station street ' +
      'suffering summit support supreme system talk television test the three training truce trump ' +
      'unification union unit village war woman women worker zone ' +
      // Found on Readability's 130 real pages, none about what the testimonies speak to:
      'arduous chosen dynast parallel peninsula punishment sanction sung 1718 2009 ' +
      // Korean names' syllables and family names, said on any page that names a Korean,
      // and given names of other countries (Megumi Yokota's, Chosen Soren's):
      'chol chong choe dong hwan hyeon hyuk jong kwan seong taek thaek yeon yong jang kang park shin ' +
      'megumi soren'
    ).split(' '),
  );

/**
 * Keys of phrases that pages about anything say hundreds of times (each over 300 times
 * on Readability's 130 real pages, as part of a word: "person", "news", "generation"). A
 * phrase is never looked for first by one of these, nor by a key under three letters.
 */
const SAID_EVERYWHERE = new Set(['the', 'new', 'pro', 'part', 'son', 'sol', 'ration']);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The gate test's keys: literals (`|` between them, escaped), and phrases (keys, a space
 * between; `|` between phrases) in groups that share the key looked for first, marked with
 * a `*`. A group with no such key (no key is rare enough) is looked for beside the literals.
 */
export interface GateKeys {
  literals: string;
  phrases: string[];
}

/** Build time: the gate test for a lexicon, as the expressions stage 0 compiles. */
export const packGateTest = (terms: readonly Term[]): PackedGateTest => gateTestSources(gateKeys(terms));

/**
 * The keys as stage 0 reads them: the literals and the common keys' phrases made into an
 * expression here, and the other phrases by the key looked for first, in the order that
 * key's expression lists them, so that making it at load takes nothing but a join.
 */
export function gateTestSources({ literals, phrases }: GateKeys): PackedGateTest {
  const first = literals ? [literals] : [];
  const byKey = new Map<string, string>();
  for (const group of phrases) {
    const at = group.indexOf('*');
    if (at < 0) first.push(phrasesSource(group));
    else {
      const key = group.slice(at + 1).split(/[ |]/)[0] as string;
      // The key is packed as `*` in its own phrases (the test puts it back when it first
      // follows them up: `says`, gate-precheck.ts): each group says it once, as its name.
      const starred = (phrase: string) => phrase.replace(/[^ ]+/g, (k) => (k === key ? '*' : k));
      byKey.set(key, group.replace('*', '').split('|').map(starred).join('|'));
    }
  }
  // Longest key first, whatever the packed order. An object lists keys that are array
  // indices first, whatever their order: none may be one.
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length);
  const index = keys.find((key) => /^(0|[1-9][0-9]*)$/.test(key));
  if (index !== undefined) throw new Error(`gate phrase key is a number: ${index}`);
  return { first: first.join('|'), phrases: Object.fromEntries(keys.map((key) => [key, byKey.get(key) as string])) };
}

/** Build time: the gate test's keys for a lexicon. */
export function gateKeys(terms: readonly Term[]): GateKeys {
  // Made here, not at load: the content scripts that run the test never pay for the list.
  const EVERYDAY = everyday();
  const strong = (p: string) => !isLatin(p) || (p.length >= SHORTEST_LITERAL && !EVERYDAY.has(p));
  const aliases: string[][] = [];
  for (const term of terms) {
    if (!term.gate) continue;
    for (const alias of term.aliases) {
      const pieces = tokenize(alias).map(({ key }) =>
        // A key of two letters keeps its y: "kies" is no plural of "ky" (the matcher leaves
        // words of three letters or fewer as they are), and "k" would be a one-letter key.
        foldText(takesSuffixes(key) || key.length <= 2 || !key.endsWith('y') ? key : key.slice(0, -1)),
      );
      if (pieces.length > 0) aliases.push(pieces);
    }
  }
  // Aliases with fewer keys to choose from choose first ("Korea" before "Korean Peninsula"),
  // so that the others can be found by a literal already looked for.
  const choices = (pieces: string[]) => pieces.filter(strong).length;
  aliases.sort((a, b) => choices(a) - choices(b));
  const literals = new Set<string>();
  const phrases = new Set<string>();
  const rank = (p: string) => (isLatin(p) ? p.length : 100);
  for (const pieces of aliases) {
    if (pieces.some((p) => [...literals].some((l) => p.includes(l)))) continue;
    const best = pieces.filter(strong).sort((a, b) => rank(b) - rank(a))[0];
    if (best) {
      literals.add(best);
      continue;
    }
    // Packed as its keys, one space between them: gateTestSources makes the expression.
    if (pieces.some((p) => !/^[^\s|.*+?^${}()[\]\\]+$/.test(p)))
      throw new Error(`gate key not packable: ${pieces.join(' ')}`);
    phrases.add(pieces.join(' '));
  }
  // A literal that contains another adds nothing; nor does a phrase with a key that holds one.
  const kept = [...literals].filter((l) => ![...literals].some((other) => other !== l && l.includes(other)));
  // (Nor does one that goes on from another: "kim il sung square" after "kim il sung".)
  const needed = [...phrases].filter(
    (p) =>
      !p.split(' ').some((key) => kept.some((l) => key.includes(l))) &&
      ![...phrases].some((other) => other !== p && p.startsWith(`${other} `)),
  );
  // Each phrase is looked for only on a page that says its key that pages say least: one
  // that is not everyday, else the longest. A phrase of keys every page says is looked for
  // beside the literals.
  const rarity = (key: string) =>
    key.length < 3 || SAID_EVERYWHERE.has(key) ? -1 : (EVERYDAY.has(key) ? 0 : 100) + key.length;
  const groups = new Map<string, string[]>();
  for (const phrase of needed.sort()) {
    const keys = phrase.split(' ');
    const key = keys.reduce((a, b) => (rarity(b) > rarity(a) ? b : a));
    const rare = rarity(key) >= 0 ? key : '';
    const group = groups.get(rare) ?? [];
    // The key marked in the group's first phrase, where gateTestSources reads it.
    if (rare && group.length === 0) keys[keys.indexOf(rare)] = `*${rare}`;
    groups.set(rare, [...group, keys.join(' ')]);
  }
  // Stored as folded (NFD): decomposing them again on every page cost stage 0 more time
  // than the bytes they save (bench:detect).
  return {
    literals: kept.sort().map(escapeRegExp).join('|'),
    phrases: [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, group]) => group.join('|')),
  };
}
