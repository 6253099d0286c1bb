import {
  type CollectionMeta,
  decodePack,
  MAX_PACK_BYTES,
  PACK_FORMAT,
  PACK_VERSION,
  type PackProblem,
  type PackStoryFile,
  packProblem,
  readPack,
  readStoryFiles,
} from '@/src/corpus/collection-pack';
import { passagesOf } from '@/src/corpus/parse-story';
import { problem } from '@/src/corpus/problem';
import type { Story } from '@/src/corpus/types';

/**
 * What the reader chose to import, read and checked, for the preview: nothing is stored
 * until they accept it, and only when `problems` is empty.
 */
export interface ImportCandidate {
  /** A collection pack (one .json file), or story source files (.md) the reader names. */
  kind: 'pack' | 'markdown';
  /** The files' names, as chosen. */
  files: string[];
  /** The pack's own name for the collection; Markdown files have none until the reader types it. */
  collection?: CollectionMeta;
  stories: Story[];
  /** The stories' source files as they came: what is stored, and exported again. */
  sources: PackStoryFile[];
  passageCount: number;
  /** Every problem the reader found (file:line: reason), in the files' order. */
  problems: PackProblem[];
}

/** Why the chosen files cannot even be read as a pack or as stories (shown in the reader's language). */
export type FileRefusal =
  | { reason: 'none' }
  | { reason: 'wrong-type'; file: string }
  | { reason: 'mixed' }
  | { reason: 'too-large'; file: string; bytes: number };

/** Stories checked so far, of `total` (0 while the file is still being opened). */
export type ReadProgress = (done: number, total: number) => void;

/**
 * Stories are checked in slices of this many, with a macrotask between slices, so the page
 * keeps painting its progress bar: a pack of 50,000 passages takes about a second to check.
 */
export const SLICE = 200;

/** The files a reader can import: one pack, or story files. */
export function classifyFiles(files: readonly File[]): FileRefusal | { kind: 'pack' | 'markdown' } {
  if (files.length === 0) return { reason: 'none' };
  const other = files.find((f) => !/\.(json|md)$/i.test(f.name));
  if (other) return { reason: 'wrong-type', file: other.name };
  const packs = files.filter((f) => /\.json$/i.test(f.name));
  if (packs.length > 1 || (packs.length === 1 && files.length > 1)) return { reason: 'mixed' };
  // Refused before reading: a file far too large would otherwise be read whole into memory.
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  if (bytes > MAX_PACK_BYTES) {
    const largest = files.reduce((a, b) => (b.size > a.size ? b : a));
    return { reason: 'too-large', file: files.length === 1 ? largest.name : '', bytes };
  }
  return { kind: packs.length === 1 ? 'pack' : 'markdown' };
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads a pack file as the importer reads it (decodePack, then readPack), checking its
 * stories in slices so a large one shows its progress.
 */
export async function readPackFile(name: string, bytes: Uint8Array, progress: ReadProgress): Promise<ImportCandidate> {
  const decoded = decodePack(name, bytes);
  const empty = { kind: 'pack' as const, files: [name], stories: [], sources: [], passageCount: 0 };
  if (decoded.text === undefined) return { ...empty, problems: decoded.problems };
  const text = decoded.text;
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The pack reader says where and why.
    return { ...empty, problems: readPack(name, text).problems };
  }
  const entries = isRecord(json) && Array.isArray(json.stories) ? (json.stories as unknown[]) : undefined;
  if (!isRecord(json) || !entries || json.format !== PACK_FORMAT || json.version !== PACK_VERSION) {
    return { ...empty, problems: readPack(name, text).problems };
  }
  progress(0, entries.length);
  // The pack reader checks the pack's own fields and its first slice of stories (with the
  // entries' numbers as the file has them); the rest follow slice by slice.
  const head = readPack(name, JSON.stringify({ ...json, stories: entries.slice(0, SLICE) }));
  const problems = [...head.problems];
  const sources: PackStoryFile[] = entries
    .slice(0, SLICE)
    .filter(isStoryFile)
    .map(({ file, source }) => ({ file, source }));
  const rest = await readSlices(
    entries.slice(SLICE),
    SLICE,
    entries.length,
    progress,
    head.stories,
    sources,
    problems,
    name,
  );
  const stories = [...head.stories, ...rest.stories];
  return {
    kind: 'pack',
    files: [name],
    ...(head.collection ? { collection: head.collection } : {}),
    stories,
    sources,
    passageCount: await countPassages(stories),
    problems,
  };
}

/** Reads story source files (.md) the reader chose, each checked as UTF-8 and by the story parser. */
export async function readMarkdownFiles(
  files: readonly { name: string; bytes: Uint8Array }[],
  progress: ReadProgress,
): Promise<ImportCandidate> {
  const problems: PackProblem[] = [];
  const entries: PackStoryFile[] = [];
  for (const { name, bytes } of files) {
    const decoded = decodePack(name, bytes);
    if (decoded.text === undefined) problems.push(...decoded.problems);
    else entries.push({ file: name, source: decoded.text });
  }
  progress(0, entries.length);
  const sources: PackStoryFile[] = [];
  const { stories } = await readSlices(entries, 0, entries.length, progress, [], sources, problems, '');
  return {
    kind: 'markdown',
    files: files.map((f) => f.name),
    stories,
    sources,
    passageCount: await countPassages(stories),
    problems,
  };
}

/**
 * The story parser over `entries` a slice at a time. A story id used twice is found across
 * slices too: `readStoryFiles` sees one slice, so its check is repeated here, in its words.
 */
async function readSlices(
  entries: readonly unknown[],
  offset: number,
  total: number,
  progress: ReadProgress,
  earlier: readonly Story[],
  sources: PackStoryFile[],
  problems: PackProblem[],
  packName: string,
): Promise<{ stories: Story[] }> {
  const seen = new Map<string, string>();
  const earlierFiles = new Map(sources.map((s) => [stem(s.file), s.file]));
  for (const story of earlier) seen.set(story.id, earlierFiles.get(story.id) ?? `${story.id}.md`);
  const stories: Story[] = [];
  for (let start = 0; start < entries.length; start += SLICE) {
    await macrotask();
    const files: PackStoryFile[] = [];
    entries.slice(start, start + SLICE).forEach((entry, i) => {
      if (isStoryFile(entry)) files.push({ file: entry.file, source: entry.source });
      // readPack's problem for the same entry.
      else problems.push(packProblem(packName, 1, problem('story_entry_malformed', String(offset + start + i + 1))));
    });
    // The ids seen in earlier slices travel with `seen`: one duplicate check, readPack's.
    const read = readStoryFiles(files, seen);
    problems.push(...read.problems);
    stories.push(...read.stories);
    sources.push(...files);
    progress(Math.min(total, offset + start + SLICE), total);
  }
  return { stories };
}

async function countPassages(stories: readonly Story[]): Promise<number> {
  let count = 0;
  for (let i = 0; i < stories.length; i++) {
    if (i > 0 && i % (SLICE * 5) === 0) await macrotask();
    count += passagesOf(stories[i] as Story).length;
  }
  return count;
}

/** A story id already taken: by a story Firsthand ships with, or by an imported collection's. */
export type Clash =
  | { kind: 'bundled'; file: string; storyId: string }
  | { kind: 'imported'; file: string; storyId: string; collection: string }
  | { kind: 'collection'; id: string; title: string };

/**
 * What the store would refuse, found before the reader accepts: the collection's id in use,
 * story ids Firsthand ships with or another collection holds.
 */
export function findClashes(
  candidate: Pick<ImportCandidate, 'stories' | 'sources'>,
  collectionId: string | undefined,
  bundled: ReadonlySet<string>,
  imported: readonly { id: string; title: string; storyIds: readonly string[] }[],
): Clash[] {
  const clashes: Clash[] = [];
  const owner = collectionId ? imported.find((c) => c.id === collectionId) : undefined;
  if (owner) clashes.push({ kind: 'collection', id: owner.id, title: owner.title });
  const holder = new Map<string, string>();
  for (const c of imported) for (const id of c.storyIds) holder.set(id, c.title);
  const fileOf = new Map(candidate.sources.map((s) => [stem(s.file), s.file]));
  for (const { id } of candidate.stories) {
    const file = fileOf.get(id) ?? `${id}.md`;
    if (bundled.has(id)) clashes.push({ kind: 'bundled', file, storyId: id });
    else {
      const title = holder.get(id);
      if (title !== undefined) clashes.push({ kind: 'imported', file, storyId: id, collection: title });
    }
  }
  return clashes;
}

/** A collection id made of a title: lower-case ASCII words joined by "-" ('' when none are left). */
export function idFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The rule the pack reader holds a collection id to. */
export const isCollectionId = (id: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);

export { packText } from '@/src/corpus/collection-pack';

/** The file an exported collection is saved as. */
export const packFileName = (id: string) => `${id}.firsthand.json`;

/** A story file's name without its folder and `.md`: what its story id must be. */
const stem = (file: string) => file.replace(/^.*[\\/]/, '').replace(/\.md$/, '');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStoryFile(entry: unknown): entry is PackStoryFile {
  return isRecord(entry) && typeof entry.file === 'string' && typeof entry.source === 'string';
}
