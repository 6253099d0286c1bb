/**
 * Reading an import in slices gives what the pack reader gives read whole. Every story here is
 * SYNTHETIC, invented for the tests.
 */
import { describe, expect, it } from 'vitest';
import { makePack, type PackStoryFile, readPack, readStoryFiles } from '@/src/corpus/collection-pack';
import { passagesOf } from '@/src/corpus/parse-story';
import { findClashes, idFromTitle, packText, readMarkdownFiles, readPackFile, SLICE } from './read-import';

const story = (id: string, file = `${id}.md`): PackStoryFile => ({
  file,
  source: `---\nid: ${id}\ntitle: Synthetic ${id}\nnarrator: Synthetic narrator\npublisher: Synthetic Test Archive\ndate: 2020-01-02\nurl: https://example.org/${id}\ntopics: markets\nprovenance: witness\n---\n\nSYNTHETIC TEST TEXT, invented for the tests: a market in a town that does not exist.\n`,
});
const META = { id: 'synthetic-archive', title: 'Synthetic test collection', publisher: 'Synthetic Test Archive' };
const bytes = (text: string) => new TextEncoder().encode(text);

describe('readPackFile', () => {
  it('reads a large pack slice by slice, reporting progress, to what readPack reads whole', async () => {
    const files = Array.from({ length: SLICE * 2 + 17 }, (_, i) => story(`synthetic-${i}`));
    const text = packText(makePack(META, files));
    const steps: [number, number][] = [];
    const read = await readPackFile('big.json', bytes(text), (done, total) => steps.push([done, total]));
    const whole = readPack('big.json', text);
    expect(read.problems).toEqual([]);
    expect(read.collection).toEqual(whole.collection);
    expect(read.stories.map((s) => s.id)).toEqual(whole.stories.map((s) => s.id));
    expect(read.sources).toEqual(makePack(META, files).stories);
    expect(read.passageCount).toBe(whole.stories.reduce((n, s) => n + passagesOf(s).length, 0));
    const total = files.length;
    expect(steps).toEqual([
      [0, total],
      [SLICE * 2, total],
      [total, total],
    ]);
  });

  it('finds a story id used twice in different slices, as readStoryFiles finds it in one', async () => {
    const files = Array.from({ length: SLICE + 5 }, (_, i) => story(`synthetic-${i}`));
    files.push({ ...story('synthetic-3'), file: 'again/synthetic-3.md' });
    const pack = { format: 'firsthand-collection', version: 1, collection: META, stories: files };
    const read = await readPackFile('dup.json', bytes(JSON.stringify(pack)), () => {});
    const inOne = readStoryFiles(files);
    expect(read.problems).toEqual(inOne.problems);
    expect(read.problems).toEqual([
      {
        file: 'again/synthetic-3.md',
        line: 2,
        reason: 'story id "synthetic-3" is also used by synthetic-3.md',
        problem: { code: 'story_id_taken', params: ['synthetic-3', 'synthetic-3.md'] },
      },
    ]);
  });

  it('numbers a malformed story entry as the file does, in any slice', async () => {
    const files: unknown[] = Array.from({ length: SLICE + 5 }, (_, i) => story(`synthetic-${i}`));
    files[2] = { file: 'x.md' };
    files[SLICE + 3] = 'not an entry';
    const pack = { format: 'firsthand-collection', version: 1, collection: META, stories: files };
    const read = await readPackFile('entries.json', bytes(JSON.stringify(pack)), () => {});
    expect(read.problems.map((p) => p.reason)).toEqual([
      'story 3 must be { "file": "<story-id>.md", "source": "…" }',
      `story ${SLICE + 4} must be { "file": "<story-id>.md", "source": "…" }`,
    ]);
    expect(read.problems.map((p) => p.problem)).toEqual([
      { code: 'story_entry_malformed', params: ['3'] },
      { code: 'story_entry_malformed', params: [String(SLICE + 4)] },
    ]);
  });

  it('leaves bad JSON, format and version to the pack reader', async () => {
    for (const text of [
      '{',
      '{"format":"x"}',
      JSON.stringify({ ...makePack(META, [story('synthetic-1')]), version: 7 }),
    ]) {
      const read = await readPackFile('bad.json', bytes(text), () => {});
      expect(read.problems).toEqual(readPack('bad.json', text).problems);
      expect(read.stories).toEqual([]);
    }
  });
});

describe('readMarkdownFiles', () => {
  it('reads each file as UTF-8 and by the story parser', async () => {
    const read = await readMarkdownFiles(
      [
        { name: 'synthetic-a.md', bytes: bytes(story('synthetic-a').source) },
        { name: 'synthetic-b.md', bytes: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28]) },
      ],
      () => {},
    );
    expect(read.stories.map((s) => s.id)).toEqual(['synthetic-a']);
    expect(read.problems).toEqual([
      {
        file: 'synthetic-b.md',
        line: 2,
        reason: 'the file is not UTF-8 text (byte 6): save it as UTF-8 and import it again',
        problem: { code: 'not_utf8', params: ['6'] },
      },
    ]);
  });
});

describe('findClashes', () => {
  it('names the bundled stories, the imported ones and the collection id in use', () => {
    const files = [story('bundled-one'), story('imported-one'), story('new-one')];
    const stories = readStoryFiles(files).stories;
    expect(
      findClashes({ stories, sources: files }, 'taken', new Set(['bundled-one']), [
        { id: 'taken', title: 'Taken', storyIds: ['imported-one'] },
      ]),
    ).toEqual([
      { kind: 'collection', id: 'taken', title: 'Taken' },
      { kind: 'bundled', file: 'bundled-one.md', storyId: 'bundled-one' },
      { kind: 'imported', file: 'imported-one.md', storyId: 'imported-one', collection: 'Taken' },
    ]);
  });
});

describe('idFromTitle', () => {
  it('makes lower-case ASCII words joined by "-"', () => {
    expect(idFromTitle('Voices of Chŏngjin — 2026 edition!')).toBe('voices-of-chongjin-2026-edition');
    expect(idFromTitle('탈북민 증언')).toBe('');
  });
});
