import {
  type CollectionMeta,
  type CollectionPack,
  makePack,
  type OverCap,
  overCap,
} from '@/src/corpus/collection-pack';
import type { StoredCollection } from './collection-store';
import { ImportRefused, ImportTooLarge, NotEnoughSpace } from './import-outcome';
import {
  type Clash,
  classifyFiles,
  type FileRefusal,
  findClashes,
  type ImportCandidate,
  idFromTitle,
  isCollectionId,
  type ReadProgress,
  readMarkdownFiles,
  readPackFile,
} from './read-import';

/**
 * Importing a collection, step by step, without a word of UI (the options page's Collections
 * section says each step in the reader's language): choose files → read and check them →
 * preview with every problem → name it (story files) → store it through the background.
 */
export type ImportStage =
  | { step: 'idle' }
  | { step: 'reading'; done: number; total: number }
  | { step: 'preview' | 'saving'; preview: ImportPreview };

/** What the preview shows: the files read and checked, against what is there now. */
export interface ImportPreview {
  candidate: ImportCandidate;
  /** The stories Firsthand ships with; undefined when the background could not say. */
  bundled?: ReadonlySet<string>;
  imported: readonly StoredCollection[];
}

/** The name the reader gives a collection of Markdown files. */
export interface Naming {
  title: string;
  publisher: string;
  id: string;
  /** The reader typed the id: it no longer follows the title. */
  idEdited: boolean;
  /** Field errors show once the reader tried to import. */
  checked: boolean;
}

export type NamingField = 'title' | 'publisher' | 'id';
export const NAMING_FIELDS: readonly NamingField[] = ['title', 'publisher', 'id'];

export const NO_NAMING: Naming = { title: '', publisher: '', id: '', idEdited: false, checked: false };

/** Files that cannot be read as a pack or as stories, said before reading them. */
export type ChosenRefusal = Exclude<FileRefusal, { reason: 'none' }>;

/**
 * Reads the chosen files as the importer does: refused at once when they cannot be a pack
 * or stories (undefined: nothing chosen), else read and checked, with `progress(0, 0)` as
 * soon as opening them begins. Throws when a file cannot be read at all.
 */
export async function readChosenFiles(
  files: readonly File[],
  progress: ReadProgress,
): Promise<{ refused: ChosenRefusal } | { candidate: ImportCandidate } | undefined> {
  const kind = classifyFiles(files);
  if ('reason' in kind) return kind.reason === 'none' ? undefined : { refused: kind };
  progress(0, 0);
  const read = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  const [first] = read;
  return {
    candidate:
      kind.kind === 'pack' && first
        ? await readPackFile(first.name, first.bytes, progress)
        : await readMarkdownFiles(read, progress),
  };
}

/** Stories that all name one publisher name the collection's too, until the reader says otherwise. */
export function namingFor(candidate: ImportCandidate): Naming {
  const publishers = new Set(candidate.stories.map((s) => s.publisher));
  return { ...NO_NAMING, publisher: publishers.size === 1 ? ([...publishers][0] ?? '') : '' };
}

/** The naming with what the reader typed in one field: the id follows the title until typed. */
export function withTyped(naming: Naming, field: NamingField, value: string): Naming {
  switch (field) {
    case 'title':
      return { ...naming, title: value, id: naming.idEdited ? naming.id : idFromTitle(value) };
    case 'publisher':
      return { ...naming, publisher: value };
    case 'id':
      return { ...naming, id: value.trim(), idEdited: true };
  }
}

/** The fields a collection cannot be named with as they are: empty, or an id the packs refuse. */
export function namingProblems(naming: Naming): NamingField[] {
  return NAMING_FIELDS.filter((field) => (field === 'id' ? !isCollectionId(naming.id) : naming[field].trim() === ''));
}

/** A problem that keeps the preview from importing. */
export type ImportProblem =
  | { kind: 'file'; problem: ImportCandidate['problems'][number] }
  | { kind: 'clash'; clash: Clash }
  /** The background could not say which stories Firsthand ships with. */
  | { kind: 'bundled-unknown' }
  /** `imported`: what the collections already there count. */
  | { kind: 'over-cap'; over: OverCap; imported: number };

/** Every problem the preview shows: the files', then what the store would refuse. */
export function importProblems(preview: ImportPreview, collectionId: string | undefined): ImportProblem[] {
  const { candidate, bundled, imported } = preview;
  const problems: ImportProblem[] = candidate.problems.map((problem) => ({ kind: 'file', problem }));
  if (candidate.stories.length === 0) return problems;
  for (const clash of findClashes(candidate, collectionId, bundled ?? new Set(), imported)) {
    problems.push({ kind: 'clash', clash });
  }
  if (!bundled) problems.push({ kind: 'bundled-unknown' });
  const adding = { storyCount: candidate.stories.length, passageCount: candidate.passageCount };
  const over = overCap(adding, imported);
  if (over) {
    problems.push({
      kind: 'over-cap',
      over,
      imported: over.count - adding[over.what === 'stories' ? 'storyCount' : 'passageCount'],
    });
  }
  return problems;
}

/** The collection's id as the preview checks it: the pack's own, or the one the reader typed. */
export const previewCollectionId = (preview: ImportPreview, naming: Naming): string | undefined =>
  preview.candidate.kind === 'markdown' ? naming.id : preview.candidate.collection?.id;

/** What the store is asked to keep: the pack, with its stories' ids and its passages counted. */
export interface PackToStore {
  pack: CollectionPack;
  counts: { storyIds: string[]; passageCount: number };
}

/**
 * The pack to store once the reader accepts: named by the pack, or by the reader (story
 * files; `invalid`: the fields to correct first). Undefined when there is nothing to store.
 */
export function packToStore(
  candidate: ImportCandidate,
  naming: Naming,
): PackToStore | { invalid: NamingField[] } | undefined {
  let meta: CollectionMeta | undefined = candidate.collection;
  if (candidate.kind === 'markdown') {
    const invalid = namingProblems(naming);
    if (invalid.length > 0) return { invalid };
    meta = { id: naming.id, title: naming.title.trim(), publisher: naming.publisher.trim() };
  }
  if (!meta) return undefined;
  return {
    pack: makePack(meta, candidate.sources),
    counts: { storyIds: candidate.stories.map((s) => s.id), passageCount: candidate.passageCount },
  };
}

/** Why storing failed; the store changed nothing. */
export type ImportFailure =
  | { kind: 'refused'; reason: 'collection-exists' | 'story-exists'; id: string }
  /** `imported`: what the collections already there count. */
  | { kind: 'too-large'; over: OverCap; imported: number }
  | { kind: 'no-space'; bytesNeeded: number }
  | { kind: 'failed'; message: string };

/** What the store's error says (import-outcome.ts's errors; anything else is the browser's). */
export function importFailure(error: unknown, candidate: ImportCandidate): ImportFailure {
  if (error instanceof ImportRefused) return { kind: 'refused', reason: error.reason, id: error.id };
  if (error instanceof ImportTooLarge) {
    const adding = error.over.what === 'stories' ? candidate.stories.length : candidate.passageCount;
    return { kind: 'too-large', over: error.over, imported: error.over.count - adding };
  }
  if (error instanceof NotEnoughSpace) return { kind: 'no-space', bytesNeeded: error.bytesNeeded };
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}

/** Where focus goes once a collection is removed: the one that takes its place, else the one before, else none. */
export function neighbourOf(list: readonly { id: string }[], id: string): string | undefined {
  const at = list.findIndex((c) => c.id === id);
  if (at < 0) return undefined;
  return (list[at + 1] ?? list[at - 1])?.id;
}
