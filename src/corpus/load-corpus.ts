import type { Term } from '@/src/detect/lexicon';
import { buildBundle } from '@/src/search/build-bundle';
import type { CorpusBundle } from '@/src/search/bundle';
import { type ParsedTerm, parseLexicon } from './parse-lexicon';
import { parseStory } from './parse-story';
import { SourceError, SourceErrors } from './source-error';
import type { Story } from './types';

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

  const stories: Story[] = [];
  for (const file of storyFiles) {
    const story = collect(() => parseStory(file.path, file.text));
    if (!story) continue;
    const expected = file.path.replace(/^.*\//, '').replace(/\.md$/, '');
    if (story.id !== expected) {
      errors.push(new SourceError(file.path, 2, `id "${story.id}" must match the file name "${expected}.md"`));
    }
    if (stories.some((s) => s.id === story.id)) {
      errors.push(new SourceError(file.path, 2, `story id "${story.id}" is used by another file`));
    }
    stories.push(story);
  }
  const parsed = collect(() => parseLexicon(lexiconFile.path, lexiconFile.text)) ?? [];
  if (errors.length > 0) throw new SourceErrors(errors);

  stories.sort((a, b) => a.id.localeCompare(b.id));
  const terms = parsed.map(stripLine);
  const bundle = buildBundle(stories, terms);
  bundle.termPassages.forEach((linked, i) => {
    const t = parsed[i] as ParsedTerm;
    if (linked.length === 0 && !t.gate) {
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
  return bundle;
}

function stripLine({ line: _line, ...term }: ParsedTerm): Term {
  return term;
}
