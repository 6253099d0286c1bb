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

/**
 * The words of a sorted list that start with a typo of `typed`: those with a prefix (the
 * whole word included) within `max` edits of it, as typoDistance counts edits. So exactly
 * the words for which `typoDistance(typed, word, max, true) <= max`, in list order; and,
 * as a typo of a whole word is a typo of its start, every word within `max` of it whole.
 *
 * The sorted list is walked as the trie it is: the words that share a prefix are one run
 * of it, and the run of each next character is found by binary search. Each step adds one
 * column of the edit-distance table; a column whose every entry is above `max` ends the
 * walk below that prefix (no longer prefix can come back under it), and a column whose
 * last entry is at most `max` takes the whole run. A typed word reaches a few hundred
 * prefixes, not the 60,000 words of a 50,000-passage vocabulary that a scan of every word
 * would read (issue 13: a typo cost a keystroke 4 ms that way).
 */
export function wordsStartingWithin(sorted: readonly string[], typed: string, max: number): number[] {
  const m = typed.length;
  if (m <= max) return sorted.map((_, i) => i);
  const codes = Array.from({ length: m }, (_, i) => typed.charCodeAt(i));
  // columns[j][i]: edits from typed's first i characters to the prefix's first j.
  const deepest = m + max;
  const columns = Array.from({ length: deepest + 1 }, () => new Int32Array(m + 1));
  const first = columns[0] as Int32Array;
  for (let i = 0; i <= m; i++) first[i] = i;
  /** The prefix's characters, for swaps of neighbours. */
  const path = new Int32Array(deepest + 1);
  const out: number[] = [];
  /** The run [a, b) of words that have `c` at `depth`, as the next step below the prefix. */
  const step = (a: number, b: number, depth: number, c: number) => {
    const j = depth + 1;
    const before = columns[depth] as Int32Array;
    const col = columns[j] as Int32Array;
    const twoBack = depth > 0 ? (columns[depth - 1] as Int32Array) : undefined;
    const previous = depth > 0 ? (path[depth - 1] as number) : -1;
    path[depth] = c;
    col[0] = j;
    let smallest = j;
    for (let i = 1; i <= m; i++) {
      const t = codes[i - 1] as number;
      let d = Math.min(
        (before[i] as number) + 1,
        (col[i - 1] as number) + 1,
        (before[i - 1] as number) + (t === c ? 0 : 1),
      );
      if (twoBack && i > 1 && t === previous && codes[i - 2] === c) d = Math.min(d, (twoBack[i - 2] as number) + 1);
      col[i] = d;
      if (d < smallest) smallest = d;
    }
    if ((col[m] as number) <= max) for (let w = a; w < b; w++) out.push(w);
    else if (smallest <= max && j < deepest) walk(a, b, j, smallest);
  };
  /** The first word of [lo, hi) whose character at `depth` is above `c` (or is `c`, with `orEqual`). */
  const after = (lo: number, hi: number, depth: number, c: number, orEqual: boolean) => {
    let l = lo;
    let h = hi;
    while (l < h) {
      const mid = (l + h) >> 1;
      const at = (sorted[mid] as string).charCodeAt(depth);
      if (at < c || (!orEqual && at === c)) l = mid + 1;
      else h = mid;
    }
    return l;
  };
  /** Walks the prefix's run [lo, hi), whose column (`least` its smallest entry) is columns[depth]. */
  const walk = (lo: number, hi: number, depth: number, least: number) => {
    let a = lo;
    // The word that is the prefix itself sorts first and has no character at `depth`.
    while (a < hi && (sorted[a] as string).length === depth) a++;
    if (least >= max && depth > 0) {
      // No edit left to spend: a step keeps the prefix within `max` only by the typed word's
      // own next character where the column is at `max` (or by the swap of neighbours that
      // the column before allows), so only those runs are looked for, by binary search;
      // every other step would end the walk. Most of a walk is below such prefixes ("x" for
      // "tongl": one edit spent): it no longer visits every character that follows them.
      const before = columns[depth] as Int32Array;
      const twoBack = columns[depth - 1] as Int32Array;
      const previous = path[depth - 1] as number;
      const wanted: number[] = [];
      for (let i = 1; i <= m; i++) {
        if ((before[i - 1] as number) <= max) wanted.push(codes[i - 1] as number);
        if (i > 1 && codes[i - 1] === previous && (twoBack[i - 2] as number) + 1 <= max)
          wanted.push(codes[i - 2] as number);
      }
      wanted.sort((x, y) => x - y);
      if (a >= hi) return;
      // The run's characters here are sorted: none outside its first and last is looked for
      // (a Latin word's letters among the words that go on in Hangul, most of a typo's walk).
      const lowest = (sorted[a] as string).charCodeAt(depth);
      const highest = (sorted[hi - 1] as string).charCodeAt(depth);
      for (let k = 0; k < wanted.length; k++) {
        const c = wanted[k] as number;
        if (c < lowest || (k > 0 && c === wanted[k - 1])) continue;
        if (c > highest) break;
        const from = after(a, hi, depth, c, true);
        const to = after(from, hi, depth, c, false);
        if (from < to) step(from, to, depth, c);
        a = to;
      }
      return;
    }
    while (a < hi) {
      const c = (sorted[a] as string).charCodeAt(depth);
      // The run of words with `c` here: within a run of one prefix, characters only grow.
      const b = after(a + 1, hi, depth, c, false);
      step(a, b, depth, c);
      a = b;
    }
  };
  walk(0, sorted.length, 0, 0);
  return out;
}
