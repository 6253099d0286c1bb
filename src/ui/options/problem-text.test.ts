import { afterEach, describe, expect, it } from 'vitest';
import { type PackProblem, packProblem, problemText } from '@/src/corpus/collection-pack';
import { type Problem, type ProblemCode, problem } from '@/src/corpus/problem';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { translatedProblemText } from './problem-text';

/** Values for every code's words, each one findable in the text (the type makes the list whole). */
const SAMPLES: { [C in ProblemCode]: Extract<Problem, { code: C }>['params'] } = {
  not_key_value: ['v-text'],
  key_twice: ['v-key'],
  unknown_key: ['v-key'],
  no_front_matter: [],
  front_matter_unclosed: [],
  key_required: ['v-key'],
  story_id_form: ['v-id'],
  date_invalid: ['v-date'],
  url_not_https: ['v-url'],
  provenance_unknown: ['v-provenance', 'v-known'],
  topic_form: ['v-topic'],
  no_passage: [],
  section_close_unopened: [],
  section_opener_malformed: ['v-text'],
  section_nested: ['707'],
  section_kind_unknown: ['v-kind', 'v-known'],
  html_in_text: [],
  section_unclosed: [],
  file_too_large: ['52.3', '45.0'],
  not_utf8: ['808'],
  json_invalid: ['v-message'],
  not_a_pack: ['v-format'],
  pack_too_new: ['606', '505'],
  version_wrong: ['505'],
  stories_not_list: [],
  no_stories: [],
  story_entry_malformed: ['404'],
  id_not_file_name: ['v-id', 'v-file.md'],
  story_id_taken: ['v-id', 'v-other.md'],
  collection_missing: [],
  collection_key_required: ['v-key'],
  collection_id_form: ['v-id'],
  description_not_text: [],
};

const every: PackProblem[] = Object.entries(SAMPLES).map(([code, params], i) =>
  packProblem(`file-${i}.md`, i + 1, { code, params } as Problem),
);

afterEach(() => setUiLanguage('en'));

describe('a problem in the preview', () => {
  it('says in English exactly what the build prints', () => {
    expect(every.map(translatedProblemText)).toEqual(every.map(problemText));
  });

  it('says every problem in Korean, with its file, line and values', () => {
    setUiLanguage('ko');
    for (const p of every) {
      const text = translatedProblemText(p);
      expect(text, p.problem?.code).toMatch(new RegExp(`^${p.file}:${p.line}: .*[\\uAC00-\\uD7A3]`));
      expect(text).not.toBe(problemText(p));
      for (const value of p.problem?.params ?? []) expect(text, p.problem?.code).toContain(value);
    }
  });

  it('says a date that is not one in Korean', () => {
    setUiLanguage('ko');
    expect(translatedProblemText(packProblem('a-story.md', 6, problem('date_invalid', '2020-13-45')))).toBe(
      'a-story.md:6: “2020-13-45” 날짜는 실제로 있는 YYYY-MM-DD 형식의 날짜가 아닙니다',
    );
  });

  it('keeps its English words when it has no code', () => {
    setUiLanguage('ko');
    expect(translatedProblemText({ file: 'x.md', line: 3, reason: 'something else' })).toBe('x.md:3: something else');
  });
});
