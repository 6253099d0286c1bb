import { problem } from './problem';
import { numberedLines, parseKeyValues, SourceError, SourceErrors, splitList } from './source-error';
import {
  ASIDE_KINDS,
  type Block,
  type BlockKind,
  isProvenance,
  type Passage,
  PROVENANCES,
  type Provenance,
  type Story,
} from './types';

const KINDS: readonly string[] = [...PROVENANCES, ...ASIDE_KINDS];
const KNOWN_KEYS = new Set([
  'id',
  'title',
  'narrator',
  'publisher',
  'date',
  'url',
  'url-note',
  'topics',
  'content-notes',
  'provenance',
  'lang',
]);
const REQUIRED_KEYS = ['id', 'title', 'narrator', 'publisher', 'date', 'url', 'topics', 'provenance'];

/**
 * Parses one story source file (format: data/README.md). Throws SourceErrors listing every
 * problem found, each as `file:line: reason`.
 */
export function parseStory(file: string, source: string): Story {
  const errors: SourceError[] = [];
  const lines = numberedLines(source.replace(/^\uFEFF/, ''));
  if (lines[0]?.text !== '---') {
    throw new SourceErrors([new SourceError(file, 1, problem('no_front_matter'))]);
  }
  const end = lines.findIndex((l, i) => i > 0 && l.text === '---');
  if (end < 0) {
    throw new SourceErrors([new SourceError(file, 1, problem('front_matter_unclosed'))]);
  }
  const meta = parseKeyValues(file, lines.slice(1, end), errors);
  for (const [key, { line }] of meta) {
    if (!KNOWN_KEYS.has(key)) errors.push(new SourceError(file, line, problem('unknown_key', key)));
  }
  for (const key of REQUIRED_KEYS) {
    const entry = meta.get(key);
    if (!entry || entry.value === '') errors.push(new SourceError(file, end + 1, problem('key_required', key)));
  }
  const get = (key: string) => meta.get(key)?.value ?? '';
  const at = (key: string) => meta.get(key)?.line ?? 1;

  const id = get('id');
  if (id && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    errors.push(new SourceError(file, at('id'), problem('story_id_form', id)));
  }
  const date = get('date');
  if (date && !isIsoDate(date)) {
    errors.push(new SourceError(file, at('date'), problem('date_invalid', date)));
  }
  const url = get('url');
  if (url && !isHttpsUrl(url)) {
    errors.push(new SourceError(file, at('url'), problem('url_not_https', url)));
  }
  const defaultKind = get('provenance');
  if (defaultKind && !(PROVENANCES as readonly string[]).includes(defaultKind)) {
    errors.push(
      new SourceError(file, at('provenance'), problem('provenance_unknown', defaultKind, PROVENANCES.join(', '))),
    );
  }
  const topics = splitList(get('topics'));
  for (const topic of topics) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(topic)) {
      errors.push(new SourceError(file, at('topics'), problem('topic_form', topic)));
    }
  }

  const blocks = parseBody(file, lines.slice(end + 1), defaultKind as Provenance, errors);
  if (!blocks.some((b) => isProvenance(b.kind))) {
    errors.push(new SourceError(file, end + 1, problem('no_passage')));
  }
  if (errors.length > 0) throw new SourceErrors(errors);

  const urlNote = get('url-note');
  return {
    id,
    title: get('title'),
    narrator: get('narrator'),
    publisher: get('publisher'),
    date,
    url,
    ...(urlNote ? { urlNote } : {}),
    topics,
    contentNotes: splitList(get('content-notes')),
    lang: get('lang') || 'en',
    blocks,
  };
}

function parseBody(
  file: string,
  lines: { text: string; line: number }[],
  defaultKind: Provenance,
  errors: SourceError[],
): Block[] {
  const blocks: Block[] = [];
  let section: { kind: BlockKind; attribution?: string; line: number } | null = null;
  let paragraph: { text: string[]; line: number } | null = null;

  const flush = () => {
    if (!paragraph) return;
    blocks.push({
      kind: section?.kind ?? defaultKind,
      text: paragraph.text.join('\n'),
      ...(section?.attribution ? { attribution: section.attribution } : {}),
      line: paragraph.line,
    });
    paragraph = null;
  };

  for (const { text, line } of lines) {
    if (text.startsWith(':::')) {
      flush();
      const opener = /^:::\s*([a-z-]+)(?:\s+attribution="([^"]+)")?\s*$/.exec(text);
      if (text.trim() === ':::') {
        if (!section) errors.push(new SourceError(file, line, problem('section_close_unopened')));
        section = null;
      } else if (!opener) {
        errors.push(new SourceError(file, line, problem('section_opener_malformed', text)));
      } else if (section) {
        errors.push(new SourceError(file, line, problem('section_nested', String(section.line))));
      } else if (!KINDS.includes(opener[1] as string)) {
        errors.push(
          new SourceError(file, line, problem('section_kind_unknown', opener[1] as string, KINDS.join(', '))),
        );
        section = { kind: defaultKind, line };
      } else {
        section = { kind: opener[1] as BlockKind, line, ...(opener[2] ? { attribution: opener[2] } : {}) };
      }
      continue;
    }
    if (text.trim() === '') {
      flush();
      continue;
    }
    if (/<\/?[a-z][^>]*>/i.test(text)) {
      errors.push(new SourceError(file, line, problem('html_in_text')));
    }
    if (paragraph) paragraph.text.push(text);
    else paragraph = { text: [text], line };
  }
  flush();
  if (section) errors.push(new SourceError(file, section.line, problem('section_unclosed')));
  return blocks;
}

/** Paragraphs shorter than this many words are joined to the next one of the same kind. */
const MIN_PASSAGE_WORDS = 12;

/** The id of a story's passage, counting from 0: "kim-2019-p01" for the first. */
export function passageId(storyId: string, ordinal: number): string {
  return `${storyId}-p${String(ordinal + 1).padStart(2, '0')}`;
}

/**
 * Groups a story's excerptable paragraphs into passages with stable ids
 * (`<story-id>-p01`, ...), and marks each block with the passage it belongs to.
 */
export function passagesOf(story: Story): Passage[] {
  const passages: Passage[] = [];
  let pending: Block[] = [];
  const emit = () => {
    const first = pending[0];
    if (!first || !isProvenance(first.kind)) return;
    const id = passageId(story.id, passages.length);
    for (const b of pending) b.passageId = id;
    passages.push({
      id,
      storyId: story.id,
      provenance: first.kind,
      ...(first.attribution ? { attribution: first.attribution } : {}),
      text: pending.map((b) => b.text).join('\n\n'),
    });
    pending = [];
  };
  for (const block of story.blocks) {
    if (!isProvenance(block.kind)) {
      emit();
      continue;
    }
    const prev = pending[pending.length - 1];
    if (prev && (prev.kind !== block.kind || prev.attribution !== block.attribution)) emit();
    pending.push(block);
    if (wordCount(block.text) >= MIN_PASSAGE_WORDS) emit();
  }
  emit();
  return passages;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
