/**
 * Every problem the story parser and the pack reader report, as a code and the values its
 * words name (a key, an id, a line number…). The English words are written once, here: the
 * build and `npm run pack` print them. The options page says the same in the reader's
 * language from the code (src/ui/options/problem-text.ts, locales `collections.problem.*`).
 */
interface ProblemValues {
  // `key: value` lines: a story's front matter, collection.txt.
  not_key_value: [text: string];
  key_twice: [key: string];
  unknown_key: [key: string];
  // A story's front matter.
  no_front_matter: [];
  front_matter_unclosed: [];
  key_required: [key: string];
  story_id_form: [id: string];
  date_invalid: [date: string];
  url_not_https: [url: string];
  provenance_unknown: [provenance: string, known: string];
  topic_form: [topic: string];
  // A story's text.
  no_passage: [];
  section_close_unopened: [];
  section_opener_malformed: [text: string];
  section_nested: [openedOnLine: string];
  section_kind_unknown: [kind: string, known: string];
  html_in_text: [];
  section_unclosed: [];
  // A pack file.
  file_too_large: [megabytes: string, maxMegabytes: string];
  not_utf8: [byte: string];
  json_invalid: [parserMessage: string];
  not_a_pack: [format: string];
  pack_too_new: [version: string, readable: string];
  version_wrong: [version: string];
  stories_not_list: [];
  no_stories: [];
  story_entry_malformed: [ordinal: string];
  id_not_file_name: [id: string, fileName: string];
  story_id_taken: [id: string, otherFile: string];
  // The collection a pack or collection.txt names.
  collection_missing: [];
  collection_key_required: [key: string];
  collection_id_form: [id: string];
  description_not_text: [];
}

export type ProblemCode = keyof ProblemValues;

/** A problem as data: `{ code: 'key_twice', params: ['title'] }`. */
export type Problem = { [C in ProblemCode]: { code: C; params: ProblemValues[C] } }[ProblemCode];

/** A problem's words in one language: one function per code, of the code's values. */
export type ProblemWords = { [C in ProblemCode]: (...params: ProblemValues[C]) => string };

export function problem<C extends ProblemCode>(code: C, ...params: ProblemValues[C]): Problem {
  return { code, params } as Problem;
}

export function wordsOf(words: ProblemWords, { code, params }: Problem): string {
  // TypeScript cannot pair a union's code with its params; the Problem type does.
  return (words[code] as (...values: string[]) => string)(...params);
}

const ENGLISH: ProblemWords = {
  not_key_value: (text) => `expected "key: value", found "${text}"`,
  key_twice: (key) => `"${key}" is given twice`,
  unknown_key: (key) => `unknown key "${key}"`,
  no_front_matter: () => 'a story starts with a "---" front-matter line',
  front_matter_unclosed: () => 'the front matter is not closed by a "---" line',
  key_required: (key) => `"${key}" is required`,
  story_id_form: (id) => `id "${id}" must be lower-case words joined by "-"`,
  date_invalid: (date) => `date "${date}" is not a real YYYY-MM-DD date`,
  url_not_https: (url) => `url "${url}" is not an https address`,
  provenance_unknown: (provenance, known) => `provenance "${provenance}" is not one of ${known}`,
  topic_form: (topic) => `topic "${topic}" must be lower-case words joined by "-"`,
  no_passage: () => 'the story has no excerptable paragraph',
  section_close_unopened: () => '":::" closes a section that was never opened',
  section_opener_malformed: (text) => `a section opens as ::: <kind> [attribution="..."], found "${text}"`,
  section_nested: (line) => `sections do not nest: the one opened on line ${line} is still open`,
  section_kind_unknown: (kind, known) => `unknown section kind "${kind}" (known: ${known})`,
  html_in_text: () => 'HTML tags are not allowed in story text',
  section_unclosed: () => 'this section is never closed with ":::"',
  file_too_large: (mb, max) => `the file is ${mb} MB; packs up to ${max} MB can be imported`,
  not_utf8: (byte) => `the file is not UTF-8 text (byte ${byte}): save it as UTF-8 and import it again`,
  json_invalid: (message) => `not valid JSON: ${message}`,
  not_a_pack: (format) => `not a Firsthand collection pack (its "format" must be "${format}")`,
  pack_too_new: (version, readable) =>
    `the pack is version ${version}, made by a newer Firsthand; this one reads version ${readable}`,
  version_wrong: (version) => `"version" must be ${version}`,
  stories_not_list: () => '"stories" must be a list',
  no_stories: () => 'the pack has no stories',
  story_entry_malformed: (ordinal) => `story ${ordinal} must be { "file": "<story-id>.md", "source": "…" }`,
  id_not_file_name: (id, fileName) => `id "${id}" must match the file name "${fileName}"`,
  story_id_taken: (id, other) => `story id "${id}" is also used by ${other}`,
  collection_missing: () => '"collection" must name the collection: { "id", "title", "publisher" }',
  collection_key_required: (key) => `the collection's "${key}" is required`,
  collection_id_form: (id) => `collection id "${id}" must be lower-case words joined by "-"`,
  description_not_text: () => `the collection's "description" must be text`,
};

/** The problem in English, as `file:line: reason` ends. */
export const englishReason = (p: Problem): string => wordsOf(ENGLISH, p);
