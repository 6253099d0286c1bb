import { readStoryFiles } from '@/src/corpus/collection-pack';
import { type ParsedTerm, parseLexicon } from '@/src/corpus/parse-lexicon';
import { SourceError, SourceErrors } from '@/src/corpus/source-error';
import type { Story } from '@/src/corpus/types';
import type { Term } from '@/src/lexicon/lexicon';
import { buildBundle } from '@/src/search/build-bundle';
import type { CorpusBundle } from '@/src/search/bundle';
import { packIndex } from '@/src/search/packed-index';

export interface SourceFile {
  /** Path shown in error messages, e.g. data/stories/x.md. */
  path: string;
  text: string;
}

/**
 * Parses and validates the whole corpus — stories and lexicon — and builds the bundle.
 * Throws SourceErrors listing every problem in every file, each as file:line: reason.
 */
export function buildCorpus(storyFiles: SourceFile[], lexiconFile: SourceFile): CorpusBundle {
  const errors: SourceError[] = [];
  const collect = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof SourceErrors) errors.push(...e.errors);
      else throw e;
      return undefined;
    }
  };

  // The same reading a collection pack's stories get (collection-pack.ts): one parser.
  const read = readStoryFiles(storyFiles.map((f) => ({ file: f.path, source: f.text })));
  errors.push(...read.problems.map((p) => new SourceError(p.file, p.line, p.problem ?? p.reason)));
  const stories: Story[] = read.stories;
  const parsed = collect(() => parseLexicon(lexiconFile.path, lexiconFile.text)) ?? [];
  if (errors.length > 0) throw new SourceErrors(errors);

  stories.sort((a, b) => a.id.localeCompare(b.id));
  const terms = parsed.map(stripLine);
  const index = packIndex(stories, terms);
  index.termPassages.count.forEach((linked, i) => {
    const t = parsed[i] as ParsedTerm;
    if (linked === 0 && !t.gate) {
      errors.push(
        new SourceError(
          lexiconFile.path,
          t.line,
          `term "${t.term}" reaches no passage: add an alias that a passage uses, or mark it "gate: yes"`,
        ),
      );
    }
  });
  if (errors.length > 0) throw new SourceErrors(errors);
  return buildBundle(stories, terms, index);
}

function stripLine({ line: _line, ...term }: ParsedTerm): Term {
  return term;
}
