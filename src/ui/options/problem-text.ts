import type { PackProblem } from '@/src/corpus/collection-pack';
import { type ProblemWords, wordsOf } from '@/src/corpus/problem';
import { i18n } from '@/src/i18n';

/** The pack reader's problems in the reader's language: one literal key per code (src/i18n/messages.test.ts). */
const WORDS: ProblemWords = {
  not_key_value: (text) => i18n.t('collections.problem.not_key_value', [text]),
  key_twice: (key) => i18n.t('collections.problem.key_twice', [key]),
  unknown_key: (key) => i18n.t('collections.problem.unknown_key', [key]),
  no_front_matter: () => i18n.t('collections.problem.no_front_matter'),
  front_matter_unclosed: () => i18n.t('collections.problem.front_matter_unclosed'),
  key_required: (key) => i18n.t('collections.problem.key_required', [key]),
  story_id_form: (id) => i18n.t('collections.problem.story_id_form', [id]),
  date_invalid: (date) => i18n.t('collections.problem.date_invalid', [date]),
  url_not_https: (url) => i18n.t('collections.problem.url_not_https', [url]),
  provenance_unknown: (provenance, known) => i18n.t('collections.problem.provenance_unknown', [provenance, known]),
  topic_form: (topic) => i18n.t('collections.problem.topic_form', [topic]),
  no_passage: () => i18n.t('collections.problem.no_passage'),
  section_close_unopened: () => i18n.t('collections.problem.section_close_unopened'),
  section_opener_malformed: (text) => i18n.t('collections.problem.section_opener_malformed', [text]),
  section_nested: (line) => i18n.t('collections.problem.section_nested', [line]),
  section_kind_unknown: (kind, known) => i18n.t('collections.problem.section_kind_unknown', [kind, known]),
  html_in_text: () => i18n.t('collections.problem.html_in_text'),
  section_unclosed: () => i18n.t('collections.problem.section_unclosed'),
  file_too_large: (mb, max) => i18n.t('collections.problem.file_too_large', [mb, max]),
  not_utf8: (byte) => i18n.t('collections.problem.not_utf8', [byte]),
  json_invalid: (message) => i18n.t('collections.problem.json_invalid', [message]),
  not_a_pack: (format) => i18n.t('collections.problem.not_a_pack', [format]),
  pack_too_new: (version, readable) => i18n.t('collections.problem.pack_too_new', [version, readable]),
  version_wrong: (version) => i18n.t('collections.problem.version_wrong', [version]),
  stories_not_list: () => i18n.t('collections.problem.stories_not_list'),
  no_stories: () => i18n.t('collections.problem.no_stories'),
  story_entry_malformed: (ordinal) => i18n.t('collections.problem.story_entry_malformed', [ordinal]),
  id_not_file_name: (id, fileName) => i18n.t('collections.problem.id_not_file_name', [id, fileName]),
  story_id_taken: (id, other) => i18n.t('collections.problem.story_id_taken', [id, other]),
  collection_missing: () => i18n.t('collections.problem.collection_missing'),
  collection_key_required: (key) => i18n.t('collections.problem.collection_key_required', [key]),
  collection_id_form: (id) => i18n.t('collections.problem.collection_id_form', [id]),
  description_not_text: () => i18n.t('collections.problem.description_not_text'),
};

/**
 * A problem as the preview lists it, `file:line: reason`, the reason in the reader's
 * language; one without a code (none the importer makes) keeps its English words.
 */
export function translatedProblemText({ file, line, reason, problem }: PackProblem): string {
  return `${file}:${line}: ${problem ? wordsOf(WORDS, problem) : reason}`;
}
