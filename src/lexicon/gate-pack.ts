import { foldText, isLatin, type PackedGateTest } from './gate-precheck';
import type { Term } from './lexicon';
import { takesSuffixes, tokenize } from './tokens';

const SHORTEST_LITERAL = 4;
/**
 * Words that occur on pages about anything, as they appear among the gate aliases' keys
 * (folded, y dropped). Only the expression's speed depends on this list, never a result.
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
      'unification union unit village war woman women worker zone'
    ).split(' '),
  );

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Build time: the gate test for a lexicon. */
export function packGateTest(terms: readonly Term[]): PackedGateTest {
  // Made here, not at load: the content scripts that run the test never pay for the list.
  const EVERYDAY = everyday();
  const literals = new Set<string>();
  const phrases = new Map<string, Set<string>>();
  for (const term of terms) {
    if (!term.gate) continue;
    for (const alias of term.aliases) {
      const pieces = tokenize(alias).map(({ key }) =>
        foldText(takesSuffixes(key) || !key.endsWith('y') ? key : key.slice(0, -1)),
      );
      const rank = (p: string) => (isLatin(p) ? p.length : 100) + (EVERYDAY.has(p) ? 0 : 1000);
      let best = pieces[0];
      if (!best) continue;
      for (const piece of pieces) if (rank(piece) >= rank(best)) best = piece;
      if (!isLatin(best) || (best.length >= SHORTEST_LITERAL && !EVERYDAY.has(best))) {
        literals.add(best);
        continue;
      }
      let longest = '';
      for (const piece of pieces) if (piece.length > longest.length) longest = piece;
      // Packed as its keys, one space between them: unpackGateTest makes the expression.
      if (pieces.some((p) => !/^[^\s|.*+?^${}()[\]\\]+$/.test(p))) throw new Error(`gate key not packable: ${alias}`);
      phrases.set(longest, (phrases.get(longest) ?? new Set()).add(pieces.join(' ')));
    }
  }
  // A literal that contains another adds nothing.
  const kept = [...literals].filter((l) => ![...literals].some((other) => other !== l && l.includes(other)));
  // Stored as folded (NFD): decomposing them again on every page cost stage 0 more time
  // than the bytes they save (bench:detect).
  return {
    literals: kept.sort().map(escapeRegExp).join('|'),
    phrases: [...phrases].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, set]) => [...set].sort().join('|')),
  };
}
