import { TERM_KINDS, type Term, type TermKind } from '@/src/lexicon/lexicon';
import { tokenize } from '@/src/lexicon/tokens';
import { numberedLines, parseKeyValues, SourceError, SourceErrors, splitList } from './source-error';

const KNOWN_KEYS = new Set(['term', 'kind', 'gate', 'context', 'weight', 'also', 'aliases']);

export interface ParsedTerm extends Term {
  /** Line of the block's `term:` key, for later validation messages. */
  line: number;
}

/** The compared form of an alias: two aliases with the same form are the same alias. */
export function aliasForm(alias: string): string {
  return tokenize(alias)
    .map((t) => t.key)
    .join(' ');
}

/** Parses data/lexicon.txt (format: data/README.md). Throws SourceErrors with every problem. */
export function parseLexicon(file: string, source: string): ParsedTerm[] {
  const errors: SourceError[] = [];
  const terms: ParsedTerm[] = [];
  const owner = new Map<string, { term: string; line: number }>();
  const alsoRefs: { name: string; line: number; from: string }[] = [];

  for (const block of blocksOf(source)) {
    const pairs = parseKeyValues(file, block, errors);
    const first = block[0] as { line: number };
    for (const [key, { line }] of pairs) {
      if (!KNOWN_KEYS.has(key)) errors.push(new SourceError(file, line, `unknown key "${key}"`));
    }
    const term = pairs.get('term');
    if (!term?.value) {
      errors.push(new SourceError(file, first.line, 'a lexicon block needs "term:"'));
      continue;
    }
    const kind = pairs.get('kind');
    if (!kind || !(TERM_KINDS as readonly string[]).includes(kind.value)) {
      errors.push(new SourceError(file, kind?.line ?? term.line, `"kind" must be one of ${TERM_KINDS.join(', ')}`));
    }
    const weightEntry = pairs.get('weight');
    const weight = weightEntry ? Number(weightEntry.value) : 2;
    if (!Number.isInteger(weight) || weight < 1 || weight > 5) {
      errors.push(new SourceError(file, weightEntry?.line ?? term.line, '"weight" must be a whole number 1..5'));
    }
    const flag = (key: 'gate' | 'context') => {
      const entry = pairs.get(key);
      if (!entry) return false;
      if (entry.value !== 'yes' && entry.value !== 'no') {
        errors.push(new SourceError(file, entry.line, `"${key}" must be yes or no`));
      }
      return entry.value === 'yes';
    };
    const gate = flag('gate');
    const context = flag('context');
    if (gate && context) {
      errors.push(new SourceError(file, term.line, 'a term cannot be both a gate and a context term'));
    }
    const aliasEntry = pairs.get('aliases');
    const aliases = splitList(aliasEntry?.value ?? '');
    if (!aliasEntry || aliases.length === 0) {
      errors.push(new SourceError(file, aliasEntry?.line ?? term.line, `"${term.value}" has no aliases`));
    }
    for (const alias of aliases) {
      const form = aliasForm(alias);
      const line = aliasEntry?.line ?? term.line;
      if (form === '') {
        errors.push(new SourceError(file, line, `alias "${alias}" has no letters`));
        continue;
      }
      if (/^[\uac00-\ud7af]$/.test(form)) {
        errors.push(new SourceError(file, line, `Hangul alias "${alias}" is one syllable: it would match too much`));
      }
      const claimed = owner.get(form);
      if (claimed && claimed.term !== term.value) {
        errors.push(
          new SourceError(
            file,
            line,
            `alias "${alias}" is already claimed by "${claimed.term}" (line ${claimed.line})`,
          ),
        );
      }
      // The same alias twice in one term (Hoeryong, Hoeryŏng) documents a spelling; harmless.
      owner.set(form, { term: term.value, line });
    }
    if (terms.some((t) => t.term === term.value)) {
      errors.push(new SourceError(file, term.line, `term "${term.value}" is defined twice`));
    }
    const also = pairs.get('also');
    terms.push({
      term: term.value,
      kind: (kind?.value ?? 'topic') as TermKind,
      weight,
      gate,
      context,
      ...(also ? { also: splitList(also.value) } : {}),
      aliases,
      line: term.line,
    });
    for (const name of splitList(also?.value ?? '')) {
      alsoRefs.push({ name, line: also?.line ?? term.line, from: term.value });
    }
  }
  for (const ref of alsoRefs) {
    if (ref.name === ref.from) errors.push(new SourceError(file, ref.line, `"${ref.from}" names itself in "also"`));
    else if (!terms.some((t) => t.term === ref.name)) {
      errors.push(new SourceError(file, ref.line, `"also" names "${ref.name}", which is not a term`));
    }
  }
  if (errors.length > 0) throw new SourceErrors(errors);
  return terms;
}

/** Blank-line separated blocks of non-comment lines. */
function blocksOf(source: string): { text: string; line: number }[][] {
  const blocks: { text: string; line: number }[][] = [];
  let current: { text: string; line: number }[] = [];
  for (const l of numberedLines(source.replace(/^\uFEFF/, ''))) {
    if (l.text.trimStart().startsWith('#')) continue;
    if (l.text.trim() === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else {
      current.push(l);
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}
