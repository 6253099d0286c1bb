import { englishReason, type Problem, problem } from './problem';

/**
 * A problem in a hand-edited source file, reported as `file:line: reason`. Given as a
 * Problem, it keeps the code too, so a reader can be told in their language; the lexicon's
 * problems, which only the build reports, are English text alone.
 */
export class SourceError extends Error {
  readonly reason: string;
  readonly problem?: Problem;

  constructor(
    readonly file: string,
    readonly line: number,
    reason: string | Problem,
  ) {
    const text = typeof reason === 'string' ? reason : englishReason(reason);
    super(`${file}:${line}: ${text}`);
    this.name = 'SourceError';
    this.reason = text;
    if (typeof reason !== 'string') this.problem = reason;
  }
}

/** Thrown when a file has several problems: all of them, so one build shows every one. */
export class SourceErrors extends Error {
  constructor(readonly errors: SourceError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'SourceErrors';
  }
}

/** Splits text into lines, accepting \r\n, and tells the 1-based number of each. */
export function numberedLines(source: string): { text: string; line: number }[] {
  return source.split(/\r?\n/).map((text, i) => ({ text, line: i + 1 }));
}

/**
 * Parses `key: value` lines (front matter and lexicon blocks share this form).
 * Returns the pairs with their lines; a line that is not `key: value` is an error.
 */
export function parseKeyValues(
  file: string,
  lines: { text: string; line: number }[],
  errors: SourceError[],
): Map<string, { value: string; line: number }> {
  const pairs = new Map<string, { value: string; line: number }>();
  for (const { text, line } of lines) {
    const m = /^([a-z][a-z-]*):\s*(.*)$/.exec(text);
    if (!m) {
      errors.push(new SourceError(file, line, problem('not_key_value', text.trim())));
      continue;
    }
    const key = m[1] as string;
    if (pairs.has(key)) {
      errors.push(new SourceError(file, line, problem('key_twice', key)));
      continue;
    }
    pairs.set(key, { value: (m[2] as string).trim(), line });
  }
  return pairs;
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
