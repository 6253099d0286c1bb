/** Per UTF-16 code unit, the pattern positions that have it; set and cleared by each call. */
const masks = new Int32Array(0x10000);

/**
 * The vocabulary words in which a pattern occurs with at most `errors` edits (insertions,
 * deletions, substitutions), by the bit-parallel approximate matching (Wu and Manber's
 * extension of bitap) that Fuse.js's own bitap search uses. So every word Fuse would match
 * within `errors` is among them, and Fuse then scores only these few instead of the whole
 * vocabulary: at 50,000 passages, scoring every word took most of a keystroke's time.
 *
 * Returns the words' positions, in vocabulary order (so Fuse breaks ties between them as
 * it would over the whole vocabulary).
 */
export function wordsWithin(vocabulary: readonly string[], pattern: string, errors: number): number[] {
  const m = pattern.length;
  // Beyond 31 characters the bits do not fit; Fuse splits such patterns itself: let it see all.
  if (m === 0 || m > 31) return vocabulary.map((_, i) => i);
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    masks[c] = (masks[c] as number) | (1 << i);
  }
  const goal = 1 << (m - 1);
  const k = Math.min(errors, m - 1);
  const state = new Int32Array(k + 1);
  const out: number[] = [];
  for (let w = 0; w < vocabulary.length; w++) {
    const word = vocabulary[w] as string;
    if (word.length < m - k) continue;
    // Before the word: the pattern's first e characters may be deleted with e edits.
    for (let e = 0; e <= k; e++) state[e] = (1 << e) - 1;
    let found = false;
    for (let j = 0; j < word.length && !found; j++) {
      const mask = masks[word.charCodeAt(j)] as number;
      let before = state[0] as number; // the row above, before this character
      let now = ((before << 1) | 1) & mask; // the row above, after it
      state[0] = now;
      for (let e = 1; e <= k; e++) {
        const old = state[e] as number;
        // matched | substituted | the word's character inserted | the pattern's deleted
        now = (((old << 1) | 1) & mask) | ((before << 1) | 1) | before | ((now << 1) | 1);
        state[e] = now;
        before = old;
      }
      for (let e = 0; e <= k && !found; e++) found = ((state[e] as number) & goal) !== 0;
    }
    if (found) out.push(w);
  }
  for (let i = 0; i < m; i++) masks[pattern.charCodeAt(i)] = 0;
  return out;
}

/**
 * Edits (insertions, deletions, substitutions, swaps of two neighbours) that turn `typed`
 * into `word`, or with `prefix` into the start of `word` (a word still being typed); any
 * number above `max` when there are more. Fuse and the scan above find a pattern anywhere
 * in a word, so "young" is one edit from the "yong" inside "pyongyang": this tells a typo
 * of a word from a piece of a longer one.
 */
export function typoDistance(typed: string, word: string, max: number, prefix = false): number {
  const m = typed.length;
  const n = prefix ? Math.min(word.length, m + max) : word.length;
  if (!prefix && Math.abs(m - n) > max) return max + 1;
  // Three rows of the edit-distance table: two back (for swaps), the last, and this one.
  let before = new Array<number>(n + 1).fill(0);
  let last = Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    row[0] = i;
    let smallest = i;
    for (let j = 1; j <= n; j++) {
      const same = typed[i - 1] === word[j - 1];
      let d = Math.min((last[j] as number) + 1, (row[j - 1] as number) + 1, (last[j - 1] as number) + (same ? 0 : 1));
      if (i > 1 && j > 1 && typed[i - 1] === word[j - 2] && typed[i - 2] === word[j - 1]) {
        d = Math.min(d, (before[j - 2] as number) + 1);
      }
      row[j] = d;
      if (d < smallest) smallest = d;
    }
    if (smallest > max) return max + 1;
    [before, last, row] = [last, row, before];
  }
  return prefix ? Math.min(...last) : (last[n] as number);
}
