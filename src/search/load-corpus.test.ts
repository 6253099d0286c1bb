import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasForm, parseLexicon } from '@/src/corpus/parse-lexicon';
import { SourceErrors } from '@/src/corpus/source-error';
import { allPassages, loadBundleIndex, termPassages } from '@/src/search/corpus-index';
import { buildCorpus } from './load-corpus';
import { repoRoot } from './read-data';

// Synthetic story written for these tests: not testimony.
const story = (id: string) => ({
  path: `data/stories/${id}.md`,
  text: `---\nid: ${id}\ntitle: T\nnarrator: N\npublisher: P\ndate: 2020-01-01\nurl: https://example.org/\ntopics: famine\nprovenance: firsthand\n---\n\nIn the famine years the market women kept their families alive somehow.\n`,
});
const lexicon = (extra = '') => ({
  path: 'data/lexicon.txt',
  text: `term: famine\nkind: topic\naliases: famine\n\nterm: North Korea\nkind: country\ngate: yes\naliases: North Korea\n${extra}`,
});
const errorsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof SourceErrors) return e.message;
    throw e;
  }
  return '';
};

describe('buildCorpus', () => {
  it('builds passages and the links from terms to passages', () => {
    const index = loadBundleIndex(buildCorpus([story('a-story')], lexicon()));
    expect(allPassages(index).map((p) => p.id)).toEqual(['a-story-p01']);
    expect(index.terms.map((_, t) => [...termPassages(index, t)])).toEqual([[0], []]);
  });

  it('fails for a term that reaches no passage and is not a gate term', () => {
    expect(
      errorsOf(() => buildCorpus([story('a-story')], lexicon('\nterm: kimchi\nkind: topic\naliases: kimchi\n'))),
    ).toBe(
      'data/lexicon.txt:10: term "kimchi" reaches no passage: add an alias that a passage uses, or mark it "gate: yes"',
    );
  });

  it('fails when a story id does not match its file name, or two files share an id', () => {
    const renamed = { ...story('a-story'), path: 'data/stories/other-name.md' };
    expect(errorsOf(() => buildCorpus([renamed], lexicon()))).toMatch(
      /^data\/stories\/other-name\.md:2: id "a-story" must match the file name "other-name\.md"/,
    );
    const copy = { ...story('a-story'), path: 'data/copies/a-story.md' };
    expect(errorsOf(() => buildCorpus([story('a-story'), copy], lexicon()))).toBe(
      'data/copies/a-story.md:2: story id "a-story" is also used by data/stories/a-story.md',
    );
  });

  it('reports the problems of every file at once', () => {
    const broken = { path: 'data/stories/b.md', text: 'no front matter' };
    const message = errorsOf(() =>
      buildCorpus([broken, story('a-story')], { path: 'data/lexicon.txt', text: 'term: x\n' }),
    );
    expect(message).toMatch(/^data\/stories\/b\.md:1: /m);
    expect(message).toMatch(/^data\/lexicon\.txt:1: /m);
  });
});

describe('npm run corpus', () => {
  it('fails the build with file:line and the reason for a malformed source file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'firsthand-data-'));
    mkdirSync(join(dir, 'stories'));
    writeFileSync(join(dir, 'stories/a-story.md'), story('a-story').text.replace('date: 2020-01-01', 'date: someday'));
    writeFileSync(join(dir, 'lexicon.txt'), lexicon().text);
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'data/build-corpus.ts'), '--data', dir],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/stories\/a-story\.md:6: date "someday" is not a real YYYY-MM-DD date/);
  });
});

describe('data/lexicon.txt', () => {
  const source = readFileSync(join(repoRoot, 'data/lexicon.txt'), 'utf8');
  const terms = parseLexicon('data/lexicon.txt', source);

  it('has at least 150 terms', () => {
    expect(terms.length).toBeGreaterThanOrEqual(150);
  });

  it('is sorted by term, so a reviewer finds a term and a diff stays small', () => {
    const names = terms.map((t) => t.term.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('knows the variants a reader of North Korea news meets', () => {
    const forms = new Set(terms.flatMap((t) => t.aliases.map(aliasForm)));
    for (const alias of [
      'Hamgyong',
      'Hamkyung',
      'Hoeryong',
      '평양',
      '탈북자',
      '장마당',
      '꽃제비',
      'DPRK',
      'jangmadang',
      'kotjebi',
    ]) {
      expect(forms, alias).toContain(aliasForm(alias));
    }
  });
});

describe('the shipped corpus', () => {
  it('carries every passage word for word from its source file', async () => {
    const { buildCorpusFromData } = await import('./read-data');
    // As the background reads them: from the shipped index.
    const passages = allPassages(loadBundleIndex(buildCorpusFromData()));
    expect(passages.length).toBeGreaterThan(20);
    // The source's paragraphs, exactly: runs of non-blank lines, section markers aside.
    const paragraphsOf = (source: string) => {
      const out: string[] = [];
      let run: string[] = [];
      for (const line of source.split('\n')) {
        if (line.trim() === '' || line.startsWith(':::')) {
          if (run.length) out.push(run.join('\n'));
          run = [];
        } else run.push(line);
      }
      if (run.length) out.push(run.join('\n'));
      return out;
    };
    for (const p of passages) {
      const source = paragraphsOf(readFileSync(join(repoRoot, 'data/stories', `${p.storyId}.md`), 'utf8'));
      for (const paragraph of p.text.split('\n\n')) expect(source, p.id).toContain(paragraph);
    }
  });
});
