import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@/src/search/read-data';
import {
  type CollectionPack,
  decodePack,
  MAX_PACK_BYTES,
  makePack,
  PACK_FORMAT,
  PACK_VERSION,
  type PackProblem,
  problemText,
  readCollectionFile,
  readPack,
} from './collection-pack';
import { parseStory } from './parse-story';
import { englishReason } from './problem';

// Synthetic stories and collections written for these tests: not testimony.
const storySource = (id: string, body = 'A synthetic paragraph about the famine years and the market.') =>
  `---\nid: ${id}\ntitle: Synthetic ${id}\nnarrator: Synthetic narrator\npublisher: Synthetic publisher\ndate: 2020-01-01\nurl: https://example.org/${id}\ntopics: famine\nprovenance: firsthand\n---\n\n${body}\n`;
const collection = { id: 'synthetic-collection', title: 'Synthetic collection', publisher: 'Synthetic publisher' };
const pack = (stories = [{ file: 'a-story.md', source: storySource('a-story') }]): CollectionPack =>
  makePack(collection, stories);
const read = (value: unknown, name = 'pack.json') => readPack(name, JSON.stringify(value, null, 2));
/**
 * Problems as `file:line: reason`. Each must carry its code, whose English words are its
 * reason: the options page says it in the reader's language from the code.
 */
function texts(found: readonly PackProblem[]): string[] {
  expect(found.filter((p) => p.problem === undefined || englishReason(p.problem) !== p.reason)).toEqual([]);
  return found.map(problemText);
}
const problems = (value: unknown) => texts(read(value).problems);

describe('a collection pack', () => {
  it('carries its stories’ source files, read by the story parser', () => {
    const contents = read(pack());
    expect(contents.problems).toEqual([]);
    expect(contents.collection).toEqual(collection);
    expect(contents.stories).toEqual([parseStory('a-story.md', storySource('a-story'))]);
  });

  it('refuses text full of HTML or script, at its line, and keeps other markup characters as text', () => {
    const hostile = '<script>alert(1)</script> <img src=x onerror=alert(2)> <b>bold</b>';
    expect(problems(pack([{ file: 'a-story.md', source: storySource('a-story', hostile) }]))).toEqual([
      'a-story.md:12: HTML tags are not allowed in story text',
    ]);
    const plain = 'Prices rose 3 < 5 times & more; the "market" was <the> only hope?';
    const contents = read(pack([{ file: 'a-story.md', source: storySource('a-story', plain.replace('<the> ', '')) }]));
    expect(contents.problems).toEqual([]);
    expect(contents.stories[0]?.blocks[0]?.text).toBe(plain.replace('<the> ', ''));
  });

  it('says where the JSON breaks', () => {
    const text = JSON.stringify(pack(), null, 2).replace('"version": 1,', '"version": 1,,');
    const [problem] = readPack('broken.json', text).problems;
    expect(problem?.file).toBe('broken.json');
    expect(problem?.line).toBe(3);
    expect(problem?.reason).toMatch(/^not valid JSON/);
    expect(problem?.problem?.code).toBe('json_invalid');
    expect(problem?.reason).toBe(`not valid JSON: ${problem?.problem?.params[0]}`);
  });

  it('refuses what is not a pack, a pack from a newer Firsthand, and a pack without a version', () => {
    expect(problems({ hello: 'world' })).toEqual([
      `pack.json:1: not a Firsthand collection pack (its "format" must be "${PACK_FORMAT}")`,
    ]);
    expect(problems({ ...pack(), version: 2 })).toEqual([
      `pack.json:1: the pack is version 2, made by a newer Firsthand; this one reads version ${PACK_VERSION}`,
    ]);
    expect(problems({ ...pack(), version: undefined })).toEqual([`pack.json:1: "version" must be ${PACK_VERSION}`]);
  });

  it('needs the collection named, with a well-formed id', () => {
    expect(problems({ ...pack(), collection: { id: 'Bad Id', title: '' } })).toEqual([
      'pack.json:1: the collection\'s "title" is required',
      'pack.json:1: the collection\'s "publisher" is required',
      'pack.json:1: collection id "Bad Id" must be lower-case words joined by "-"',
    ]);
  });

  it('describes each problem as a code and the values its words name', () => {
    expect(read({ ...pack(), collection: { id: 'Bad Id', title: 'T', publisher: 'P' } }).problems).toEqual([
      {
        file: 'pack.json',
        line: 1,
        reason: 'collection id "Bad Id" must be lower-case words joined by "-"',
        problem: { code: 'collection_id_form', params: ['Bad Id'] },
      },
    ]);
    expect(read({ ...pack(), version: 2 }).problems.map((p) => p.problem)).toEqual([
      { code: 'pack_too_new', params: ['2', String(PACK_VERSION)] },
    ]);
    const story = storySource('a-story').replace('provenance: firsthand', 'provenance: rumour');
    expect(read(pack([{ file: 'a-story.md', source: story }])).problems[0]?.problem).toEqual({
      code: 'provenance_unknown',
      params: ['rumour', 'firsthand, witness, report, commentary'],
    });
  });

  it('reports every story’s problems at their file and line, and ids that clash', () => {
    const bad = storySource('b-story').replace('date: 2020-01-01', 'date: someday');
    const contents = read(
      pack([
        { file: 'a-story.md', source: storySource('a-story') },
        { file: 'b-story.md', source: bad },
        { file: 'c-story.md', source: storySource('a-story') },
        { file: 'd-story.md', source: storySource('d-story') },
      ]),
    );
    expect(texts(contents.problems)).toEqual([
      'b-story.md:6: date "someday" is not a real YYYY-MM-DD date',
      'c-story.md:2: id "a-story" must match the file name "c-story.md"',
      'c-story.md:2: story id "a-story" is also used by a-story.md',
    ]);
    expect(problems({ ...pack(), stories: [] })).toEqual(['pack.json:1: the pack has no stories']);
    expect(problems({ ...pack(), stories: 'none', collection: undefined })).toEqual([
      'pack.json:1: "collection" must name the collection: { "id", "title", "publisher" }',
      'pack.json:1: "stories" must be a list',
    ]);
    expect(problems({ ...pack(), collection: { ...collection, description: 7 } })).toEqual([
      'pack.json:1: the collection\'s "description" must be text',
    ]);
    expect(problems({ ...pack(), stories: [{ file: 'x.md' }] })).toEqual([
      'pack.json:1: story 1 must be { "file": "<story-id>.md", "source": "…" }',
    ]);
  });
});

describe('a pack file’s bytes', () => {
  it('are refused, unread, when larger than a pack can be', () => {
    const fifty = new Uint8Array(50 * 1024 * 1024);
    expect(fifty.byteLength).toBeGreaterThan(MAX_PACK_BYTES);
    expect(texts(decodePack('huge.json', fifty).problems)).toEqual([
      'huge.json:1: the file is 50.0 MB; packs up to 45.0 MB can be imported',
    ]);
  });

  it('must be UTF-8: the first bad byte and its line are named', () => {
    const good = new TextEncoder().encode('{\n"a": "평양"\n');
    const bytes = new Uint8Array([...good, 0xff, 0x7d]);
    const { text, problems } = decodePack('latin1.json', bytes);
    expect(text).toBeUndefined();
    expect(texts(problems)).toEqual([
      `latin1.json:3: the file is not UTF-8 text (byte ${good.byteLength + 1}): save it as UTF-8 and import it again`,
    ]);
    expect(decodePack('ok.json', new TextEncoder().encode('{"a": "평양"}'))).toEqual({
      text: '{"a": "평양"}',
      problems: [],
    });
  });
});

describe('collection.txt', () => {
  it('names the collection, and says which line is wrong', () => {
    expect(readCollectionFile('collection.txt', 'id: my-archive\ntitle: My archive\npublisher: Me\n')).toEqual({
      collection: { id: 'my-archive', title: 'My archive', publisher: 'Me' },
      problems: [],
    });
    expect(
      texts(
        readCollectionFile('collection.txt', '# comment\nid: my-archive\ntitle: T\npublisher: P\ncolour: blue\n')
          .problems,
      ),
    ).toEqual(['collection.txt:5: unknown key "colour"']);
    expect(texts(readCollectionFile('collection.txt', 'id: a\nid: b\ntitle T\n').problems)).toEqual([
      'collection.txt:2: "id" is given twice',
      'collection.txt:3: expected "key: value", found "title T"',
      'collection.txt:1: the collection\'s "title" is required',
      'collection.txt:1: the collection\'s "publisher" is required',
    ]);
  });
});

describe('the example pack (data/examples/)', () => {
  const example = 'data/examples/firsthand-bundled-stories.firsthand.json';
  const text = readFileSync(join(repoRoot, example), 'utf8');

  it('holds the bundled stories, word for word, and reads without a problem', () => {
    const contents = readPack(example, text);
    expect(contents.problems).toEqual([]);
    const files = readdirSync(join(repoRoot, 'data/stories')).filter((f) => f.endsWith('.md'));
    expect(contents.stories).toEqual(
      files.sort().map((f) => parseStory(f, readFileSync(join(repoRoot, 'data/stories', f), 'utf8'))),
    );
  });

  it('is what npm run pack makes of data/stories today (regenerate it when a story changes)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'firsthand-pack-')), 'example.json');
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repoRoot, 'scripts/pack.ts'),
        'data/stories',
        '--collection',
        'data/examples/collection.txt',
        '--out',
        out,
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(text);
  });
});

describe('npm run pack', () => {
  it('reports every problem with file and line, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'firsthand-pack-'));
    writeFileSync(join(dir, 'collection.txt'), 'id: Not An Id\ntitle: T\n');
    writeFileSync(join(dir, 'a-story.md'), storySource('a-story').replace('date: 2020-01-01', 'date: someday'));
    writeFileSync(
      join(dir, 'b-story.md'),
      storySource('b-story').replace('provenance: firsthand', 'provenance: rumour'),
    );
    const out = join(dir, 'out.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts/pack.ts'), dir, '--out', out], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('collection.txt:1: the collection\'s "publisher" is required');
    expect(run.stderr).toContain('collection.txt:1: collection id "Not An Id" must be lower-case words joined by "-"');
    expect(run.stderr).toContain('a-story.md:6: date "someday" is not a real YYYY-MM-DD date');
    expect(run.stderr).toMatch(/b-story\.md:9: .*rumour/);
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('readPack, fed thousands of malformed inputs', () => {
  // A small deterministic generator (mulberry32), so a failure can be replayed.
  function random(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const junk = [null, 0, -1, 1e308, '', '—', '\u0000', '<script>', [], {}, [[]], true, 'firsthand-collection', 2, 1];
  const storyJunk = [
    '---',
    ':::',
    '::: firsthand',
    '::: nonsense x="',
    'id: ',
    'date: 2020-02-30',
    '\uFEFF',
    '\r',
    '평양',
  ];

  /** A valid pack, then broken: a value swapped for junk, text cut or bytes flipped, story lines mangled. */
  function mutant(next: () => number): string {
    const valid = pack([
      { file: 'a-story.md', source: storySource('a-story') },
      { file: 'b-story.md', source: storySource('b-story') },
    ]) as unknown as Record<string, unknown>;
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
    const value = JSON.parse(JSON.stringify(valid));
    switch (Math.floor(next() * 5)) {
      case 0: {
        // Swap a value anywhere in the tree for junk.
        const paths: (string | number)[][] = [];
        const walk = (node: unknown, path: (string | number)[]) => {
          paths.push(path);
          if (node && typeof node === 'object') {
            for (const [k, v] of Object.entries(node)) walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
          }
        };
        walk(value, []);
        const path = pick(paths);
        if (path.length === 0) return JSON.stringify(pick(junk));
        let parent = value;
        for (const key of path.slice(0, -1)) parent = parent[key];
        parent[path.at(-1) as string] = pick(junk);
        return JSON.stringify(value);
      }
      case 1: {
        const text = JSON.stringify(value);
        return text.slice(0, Math.floor(next() * text.length));
      }
      case 2: {
        const chars = [...JSON.stringify(value)];
        for (let i = 0; i < 1 + next() * 5; i++)
          chars[Math.floor(next() * chars.length)] = pick(['{', '"', '\\', ']', 'x', '\u2028']);
        return chars.join('');
      }
      case 3: {
        for (const story of value.stories) {
          const lines = story.source.split('\n');
          for (let i = 0; i < 1 + next() * 4; i++) {
            const at = Math.floor(next() * lines.length);
            if (next() < 0.5) lines.splice(at, 1);
            else lines.splice(at, 0, pick(storyJunk));
          }
          story.source = lines.join('\n');
        }
        return JSON.stringify(value);
      }
      default: {
        value.stories.push(...value.stories, { file: pick(storyJunk), source: pick(storyJunk) });
        return JSON.stringify(value);
      }
    }
  }

  it('never throws: every input is read or refused with problems that name a file and a line', () => {
    const next = random(20261123);
    let refused = 0;
    for (let i = 0; i < 4000; i++) {
      const text = mutant(next);
      let contents: ReturnType<typeof readPack> | undefined;
      expect(() => {
        contents = readPack('fuzz.json', text);
      }, text).not.toThrow();
      for (const p of contents?.problems ?? []) {
        expect(typeof p.file).toBe('string');
        expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
        expect(p.reason.length).toBeGreaterThan(0);
        expect(p.problem && englishReason(p.problem), p.reason).toBe(p.reason);
      }
      if ((contents?.problems.length ?? 0) > 0) refused++;
    }
    // The generator does break things: most inputs are refused.
    expect(refused).toBeGreaterThan(3000);
  });
});
