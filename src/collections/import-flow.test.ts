import { describe, expect, it } from 'vitest';
import { makePack, type PackStoryFile } from '@/src/corpus/collection-pack';
import type { StoredCollection } from './collection-store';
import {
  type ImportPreview,
  importFailure,
  importProblems,
  NO_NAMING,
  namingFor,
  namingProblems,
  neighbourOf,
  packToStore,
  readChosenFiles,
  withTyped,
} from './import-flow';
import { ImportRefused, ImportTooLarge, NotEnoughSpace } from './import-outcome';
import { packText } from './read-import';

// Every story here is SYNTHETIC, invented for these tests: not testimony.
const story = (id: string, publisher = 'Synthetic Test Archive'): PackStoryFile => ({
  file: `${id}.md`,
  source: `---\nid: ${id}\ntitle: Synthetic ${id}\nnarrator: Synthetic narrator\npublisher: ${publisher}\ndate: 2020-01-02\nurl: https://example.org/${id}\ntopics: markets\nprovenance: firsthand\n---\n\nSYNTHETIC TEST TEXT, invented for the tests.\n`,
});
const META = { id: 'synthetic-archive', title: 'Synthetic archive', publisher: 'Synthetic Test Archive' };
const packFile = (stories: PackStoryFile[], name = 'synthetic.firsthand.json') =>
  new File([packText(makePack(META, stories))], name);
const mdFile = (s: PackStoryFile) => new File([s.source], s.file);
const stored = (over: Partial<StoredCollection> = {}): StoredCollection => ({
  ...META,
  id: 'synthetic-other',
  title: 'Synthetic other',
  enabled: true,
  importedAt: '2026-11-20T10:00:00.000Z',
  storyCount: 1,
  passageCount: 1,
  storyIds: ['synthetic-held'],
  ...over,
});

/** Reads files as the options page does, recording the progress it reports. */
async function read(files: File[]) {
  const progress: [number, number][] = [];
  const result = await readChosenFiles(files, (done, total) => progress.push([done, total]));
  return { result, progress };
}

async function previewOf(files: File[], over: Partial<ImportPreview> = {}): Promise<ImportPreview> {
  const { result } = await read(files);
  if (!result || !('candidate' in result)) throw new Error('not read');
  return { candidate: result.candidate, bundled: new Set(['bundled-story']), imported: [], ...over };
}

describe('choosing files', () => {
  it('refuses files of other kinds, or a pack with other files, before reading them', async () => {
    expect((await read([new File(['x'], 'notes.txt')])).result).toEqual({
      refused: { reason: 'wrong-type', file: 'notes.txt' },
    });
    const mixed = await read([packFile([story('synthetic-a')]), mdFile(story('synthetic-b'))]);
    expect(mixed.result).toEqual({ refused: { reason: 'mixed' } });
    // Nothing was opened: no progress at all.
    expect(mixed.progress).toEqual([]);
  });

  it('is nothing when no file was chosen', async () => {
    expect((await read([])).result).toBeUndefined();
  });

  it('reads a pack, saying first that it is opening it, then how many stories it holds', async () => {
    const { result, progress } = await read([packFile([story('synthetic-a'), story('synthetic-b')])]);
    expect(result && 'candidate' in result && result.candidate.stories.map((s) => s.id)).toEqual([
      'synthetic-a',
      'synthetic-b',
    ]);
    // Opening, then the count of stories once known (the first slice is checked with the pack).
    expect(progress).toEqual([
      [0, 0],
      [0, 2],
    ]);
  });

  it('reads story files as a collection still to be named', async () => {
    const { result } = await read([mdFile(story('synthetic-a')), mdFile(story('synthetic-b'))]);
    expect(result && 'candidate' in result && result.candidate.kind).toBe('markdown');
  });
});

describe('naming a collection of story files', () => {
  it('takes the publisher the stories share, none when they differ', async () => {
    const same = await previewOf([mdFile(story('synthetic-a')), mdFile(story('synthetic-b'))]);
    expect(namingFor(same.candidate).publisher).toBe('Synthetic Test Archive');
    const differ = await previewOf([mdFile(story('synthetic-a')), mdFile(story('synthetic-b', 'Synthetic Other'))]);
    expect(namingFor(differ.candidate).publisher).toBe('');
  });

  it('derives the id from the title until the reader types one', () => {
    let naming = withTyped(NO_NAMING, 'title', 'Synthetic Plimquay Stories!');
    expect(naming.id).toBe('synthetic-plimquay-stories');
    naming = withTyped(naming, 'id', ' my-own-id ');
    naming = withTyped(naming, 'title', 'Another title');
    expect(naming.id).toBe('my-own-id');
  });

  it('names the fields to correct: empty ones, and an id the packs refuse', () => {
    expect(namingProblems(NO_NAMING)).toEqual(['title', 'publisher', 'id']);
    expect(namingProblems({ ...NO_NAMING, title: 'T', publisher: 'P', id: 'Not An Id' })).toEqual(['id']);
    expect(namingProblems({ ...NO_NAMING, title: 'T', publisher: 'P', id: 'fine-id' })).toEqual([]);
  });
});

describe('the problems a preview shows', () => {
  it('finds what the store would refuse before anything is stored', async () => {
    const preview = await previewOf(
      [packFile([story('bundled-story'), story('synthetic-held'), story('synthetic-new')])],
      {
        imported: [stored({ id: 'synthetic-archive', storyIds: ['synthetic-held'] })],
      },
    );
    expect(
      importProblems(preview, 'synthetic-archive').map((p) => (p.kind === 'clash' ? p.clash.kind : p.kind)),
    ).toEqual(['collection', 'bundled', 'imported']);
  });

  it('will not import unchecked when the background could not say which stories it ships with', async () => {
    const { bundled: _, ...preview } = await previewOf([packFile([story('synthetic-a')])]);
    expect(importProblems(preview, META.id)).toEqual([{ kind: 'bundled-unknown' }]);
  });

  it('says a cap would be passed, with what is imported already', async () => {
    const preview = await previewOf([packFile([story('synthetic-a'), story('synthetic-b')])], {
      imported: [stored({ storyCount: 4_999 })],
    });
    expect(importProblems(preview, META.id)).toEqual([
      { kind: 'over-cap', over: { scope: 'total', what: 'stories', count: 5_001, max: 5_000 }, imported: 4_999 },
    ]);
  });

  it('is none for a pack that can be imported', async () => {
    expect(importProblems(await previewOf([packFile([story('synthetic-a')])]), META.id)).toEqual([]);
  });
});

describe('the pack to store', () => {
  it('is the pack as it came, with its stories and passages counted', async () => {
    const { candidate } = await previewOf([packFile([story('synthetic-a'), story('synthetic-b')])]);
    expect(packToStore(candidate, NO_NAMING)).toEqual({
      pack: makePack(META, [story('synthetic-a'), story('synthetic-b')]),
      counts: { storyIds: ['synthetic-a', 'synthetic-b'], passageCount: 2 },
    });
  });

  it('is story files under the name the reader gave, once every field is right', async () => {
    const { candidate } = await previewOf([mdFile(story('synthetic-a'))]);
    expect(packToStore(candidate, { ...NO_NAMING, title: ' T ' })).toEqual({ invalid: ['publisher', 'id'] });
    const named = { ...NO_NAMING, title: ' Synthetic T ', publisher: 'P', id: 'synthetic-t' };
    const toStore = packToStore(candidate, named);
    expect(toStore && 'pack' in toStore && toStore.pack.collection).toEqual({
      id: 'synthetic-t',
      title: 'Synthetic T',
      publisher: 'P',
    });
  });
});

describe('why storing failed', () => {
  it('reads the store’s errors, and anything else as the browser’s', async () => {
    const { candidate } = await previewOf([packFile([story('synthetic-a'), story('synthetic-b')])]);
    expect(importFailure(new ImportRefused('story-exists', 'x'), candidate)).toEqual({
      kind: 'refused',
      reason: 'story-exists',
      id: 'x',
    });
    const over = { scope: 'total', what: 'stories', count: 5_001, max: 5_000 } as const;
    expect(importFailure(new ImportTooLarge(over), candidate)).toEqual({ kind: 'too-large', over, imported: 4_999 });
    expect(importFailure(new NotEnoughSpace(3_000_000), candidate)).toEqual({
      kind: 'no-space',
      bytesNeeded: 3_000_000,
    });
    expect(importFailure(new DOMException('Internal error.', 'UnknownError'), candidate)).toEqual({
      kind: 'failed',
      message: 'Internal error.',
    });
  });
});

describe('focus after a removal', () => {
  it('goes to the collection that takes its place, else the one before, else nowhere', () => {
    const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(neighbourOf(list, 'b')).toBe('c');
    expect(neighbourOf(list, 'c')).toBe('b');
    expect(neighbourOf([{ id: 'a' }], 'a')).toBeUndefined();
  });
});
