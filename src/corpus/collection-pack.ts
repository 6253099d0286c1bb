import { parseStory } from './parse-story';
import { englishReason, type Problem, problem } from './problem';
import { parseKeyValues, type SourceError, SourceErrors } from './source-error';
import type { Story } from './types';

/**
 * A collection pack: one JSON file that carries a collection of stories to import into
 * Firsthand without rebuilding it (data/README.md, "Collection packs"). It holds the
 * stories' Markdown source files as they are, so the same parser reads them in the build
 * and in the browser, and every problem is reported against the file and line it is in.
 *
 *   {
 *     "format": "firsthand-collection",
 *     "version": 1,
 *     "collection": { "id": "…", "title": "…", "publisher": "…", "description": "…" },
 *     "stories": [{ "file": "<story-id>.md", "source": "---\nid: <story-id>\n…" }]
 *   }
 */
export const PACK_FORMAT = 'firsthand-collection';
export const PACK_VERSION = 1;
/** Larger files are refused before they are read: 50,000 passages come to about 35 MB. */
export const MAX_PACK_BYTES = 45 * 1024 * 1024;
/**
 * Caps on what is imported (issue 12). The byte cap alone let through hundreds of thousands
 * of tiny stories; search is benchmarked at 50,000 imported passages (npm run bench:search,
 * where a story has 10 to 20), so that is what all collections together may hold, in
 * 5,000 stories at most (the popup lists every story in its filter). One collection may
 * take half of either, so one archive cannot crowd the others out.
 */
export const CAPS = {
  collection: { stories: 2_500, passages: 25_000 },
  total: { stories: 5_000, passages: 50_000 },
} as const;

/** A cap an import would go over: `count` is what it would make, `max` the cap. */
export interface OverCap {
  scope: keyof typeof CAPS;
  what: 'stories' | 'passages';
  count: number;
  max: number;
}

/**
 * The first cap a collection of `adding` stories and passages goes over, beside the ones
 * already imported (enabled or not: enabling one again is never refused); none: undefined.
 */
export function overCap(
  adding: { storyCount: number; passageCount: number },
  imported: readonly { storyCount: number; passageCount: number }[],
): OverCap | undefined {
  const total = imported.reduce(
    (sum, c) => ({ storyCount: sum.storyCount + c.storyCount, passageCount: sum.passageCount + c.passageCount }),
    adding,
  );
  const checks: [OverCap['scope'], OverCap['what'], number][] = [
    ['collection', 'stories', adding.storyCount],
    ['collection', 'passages', adding.passageCount],
    ['total', 'stories', total.storyCount],
    ['total', 'passages', total.passageCount],
  ];
  for (const [scope, what, count] of checks) {
    const max = CAPS[scope][what];
    if (count > max) return { scope, what, count, max };
  }
  return undefined;
}

/** The file in a folder of stories that names the collection (`npm run pack`). */
export const COLLECTION_FILE = 'collection.txt';

export interface CollectionMeta {
  /** Lower-case words joined by "-", like story ids. */
  id: string;
  title: string;
  publisher: string;
  description?: string;
}

export interface PackStoryFile {
  /** The source file's name, `<story-id>.md`: what problems are reported against. */
  file: string;
  source: string;
}

export interface CollectionPack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  collection: CollectionMeta;
  stories: PackStoryFile[];
}

/** A problem found in a pack, in the file and at the line it is in. */
export interface PackProblem {
  file: string;
  line: number;
  /** In English, for the build and `npm run pack`. */
  reason: string;
  /** The same as a code and its values, for the options page to say in the reader's language. */
  problem?: Problem;
}

/** A problem at a file's line, with its English words. */
export function packProblem(file: string, line: number, p: Problem): PackProblem {
  return { file, line, reason: englishReason(p), problem: p };
}

const fromSourceError = ({ file, line, reason, problem: p }: SourceError): PackProblem => ({
  file,
  line,
  reason,
  ...(p ? { problem: p } : {}),
});

/** `file:line: reason` in English, as the build and `npm run pack` print it. */
export function problemText({ file, line, reason }: PackProblem): string {
  return `${file}:${line}: ${reason}`;
}

/** What a pack holds, and every problem found in it; nothing to import unless `problems` is empty. */
export interface PackContents {
  collection?: CollectionMeta;
  stories: Story[];
  problems: PackProblem[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COLLECTION_KEYS = ['id', 'title', 'publisher', 'description'] as const;
const REQUIRED_COLLECTION_KEYS = ['id', 'title', 'publisher'] as const;

/**
 * A pack file's bytes as text: refused when too large or not UTF-8 (a file saved in
 * another encoding would otherwise import as mojibake).
 */
export function decodePack(name: string, bytes: Uint8Array): { text?: string; problems: PackProblem[] } {
  if (bytes.byteLength > MAX_PACK_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return {
      problems: [packProblem(name, 1, problem('file_too_large', mb(bytes.byteLength), mb(MAX_PACK_BYTES)))],
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), problems: [] };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return {
      problems: [packProblem(name, lineAtByte(bytes, bad), problem('not_utf8', String(bad + 1)))],
    };
  }
}

/**
 * Reads a pack: its JSON, its format and version, the collection's name, and every story
 * through the story parser. Never throws; whatever is wrong is in `problems`.
 */
export function readPack(name: string, text: string): PackContents {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      stories: [],
      problems: [packProblem(name, jsonErrorLine(e, text), problem('json_invalid', jsonErrorReason(e)))],
    };
  }
  const problems: PackProblem[] = [];
  const refused = (p: Problem): PackContents => ({ stories: [], problems: [packProblem(name, 1, p)] });
  if (!isRecord(json) || json.format !== PACK_FORMAT) {
    return refused(problem('not_a_pack', PACK_FORMAT));
  }
  if (json.version !== PACK_VERSION) {
    return typeof json.version === 'number' && json.version > PACK_VERSION
      ? refused(problem('pack_too_new', String(json.version), String(PACK_VERSION)))
      : refused(problem('version_wrong', String(PACK_VERSION)));
  }
  const collection = collectionOf(json.collection, name, problems);
  if (!Array.isArray(json.stories))
    return { problems: [...problems, packProblem(name, 1, problem('stories_not_list'))], stories: [] };
  if (json.stories.length === 0) problems.push(packProblem(name, 1, problem('no_stories')));

  const files: PackStoryFile[] = [];
  json.stories.forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry.file !== 'string' || typeof entry.source !== 'string') {
      problems.push(packProblem(name, 1, problem('story_entry_malformed', String(index + 1))));
      return;
    }
    files.push({ file: entry.file, source: entry.source });
  });
  const read = readStoryFiles(files);
  return {
    ...(collection ? { collection } : {}),
    stories: read.stories,
    problems: [...problems, ...read.problems],
  };
}

/**
 * Parses story source files (a pack's, or a folder's): each by the story parser, each id
 * matching its file name and used once. `seen` (story id → file) carries the ids across
 * calls, for a pack read in slices.
 */
export function readStoryFiles(
  files: readonly PackStoryFile[],
  seen = new Map<string, string>(),
): { stories: Story[]; problems: PackProblem[] } {
  const problems: PackProblem[] = [];
  const stories: Story[] = [];
  for (const { file, source } of files) {
    let story: Story;
    try {
      story = parseStory(file, source);
    } catch (e) {
      if (!(e instanceof SourceErrors)) throw e;
      problems.push(...e.errors.map(fromSourceError));
      continue;
    }
    const expected = file.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
    if (story.id !== expected) {
      problems.push(packProblem(file, 2, problem('id_not_file_name', story.id, `${expected}.md`)));
    }
    const other = seen.get(story.id);
    if (other !== undefined) {
      problems.push(packProblem(file, 2, problem('story_id_taken', story.id, other)));
      continue;
    }
    seen.set(story.id, file);
    stories.push(story);
  }
  return { stories, problems };
}

/** A collection's name from `collection.txt` (`key: value` lines: id, title, publisher, description). */
export function readCollectionFile(
  file: string,
  source: string,
): { collection?: CollectionMeta; problems: PackProblem[] } {
  const errors: SourceError[] = [];
  const lines = source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.trim() !== '' && !text.startsWith('#'));
  const pairs = parseKeyValues(file, lines, errors);
  const problems: PackProblem[] = errors.map(fromSourceError);
  const raw: Record<string, unknown> = {};
  for (const [key, { value, line }] of pairs) {
    if (!(COLLECTION_KEYS as readonly string[]).includes(key))
      problems.push(packProblem(file, line, problem('unknown_key', key)));
    else raw[key] = value;
  }
  const collection = collectionOf(raw, file, problems);
  return { ...(collection ? { collection } : {}), problems };
}

/** A pack as a file's text, the one way it is written (`npm run pack`, export): an export reads back the same. */
export function packText(pack: CollectionPack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** Makes a pack of a collection's name and its stories' source files (they are kept as they are). */
export function makePack(collection: CollectionMeta, stories: readonly PackStoryFile[]): CollectionPack {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    collection,
    stories: [...stories].sort((a, b) => a.file.localeCompare(b.file)),
  };
}

function collectionOf(value: unknown, file: string, problems: PackProblem[]): CollectionMeta | undefined {
  if (!isRecord(value)) {
    problems.push(packProblem(file, 1, problem('collection_missing')));
    return undefined;
  }
  const before = problems.length;
  for (const key of REQUIRED_COLLECTION_KEYS) {
    if (typeof value[key] !== 'string' || (value[key] as string).trim() === '') {
      problems.push(packProblem(file, 1, problem('collection_key_required', key)));
    }
  }
  const id = typeof value.id === 'string' ? value.id.trim() : '';
  if (id && !ID.test(id)) problems.push(packProblem(file, 1, problem('collection_id_form', id)));
  if (value.description !== undefined && typeof value.description !== 'string') {
    problems.push(packProblem(file, 1, problem('description_not_text')));
  }
  if (problems.length > before) return undefined;
  return {
    id,
    title: (value.title as string).trim(),
    publisher: (value.publisher as string).trim(),
    ...(typeof value.description === 'string' && value.description.trim()
      ? { description: value.description.trim() }
      : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The line of a JSON syntax error, from the position V8 reports ("… at position 123" or "(line 3 column 5)"). */
function jsonErrorLine(error: unknown, text: string): number {
  const message = error instanceof Error ? error.message : '';
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return 1;
  return text.slice(0, Number(position[1])).split('\n').length;
}

function jsonErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The message may quote a long stretch of the file; the line number says where.
  return message.length > 160 ? `${message.slice(0, 157)}…` : message;
}

/** Where the first byte that is not UTF-8 is: the longest valid prefix, found by halving. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  // Streaming, a character cut at the end of a prefix is not an error; a bad byte is.
  const valid = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.byteLength;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (valid(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.byteLength; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
