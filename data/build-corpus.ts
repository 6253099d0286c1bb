/**
 * Validates data/ and writes the generated corpus the extension ships:
 *   public/generated/corpus.json — stories, passages, term links, vocabulary and the
 *     prebuilt Fuse index, loaded lazily by the background;
 *   src/generated/lexicon.json — the terms alone, bundled into the content script.
 * A bad source file fails with file:line: reason (exit code 1).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from '../src/corpus/load-corpus';
import { SourceErrors } from '../src/corpus/source-error';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') });

try {
  const storyDir = join(root, 'data/stories');
  const storyFiles = readdirSync(storyDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => read(join(storyDir, f)));
  const bundle = buildCorpus(storyFiles, read(join(root, 'data/lexicon.txt')));
  const write = (path: string, data: unknown) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), JSON.stringify(data));
  };
  write('public/generated/corpus.json', bundle);
  write('src/generated/lexicon.json', bundle.terms);
  const links = bundle.termPassages.reduce((n, l) => n + l.length, 0);
  console.log(
    `corpus: ${bundle.stories.length} stories, ${bundle.passages.length} passages, ` +
      `${bundle.terms.length} terms (${links} term–passage links), ${bundle.vocabulary.length} words`,
  );
} catch (e) {
  if (e instanceof SourceErrors) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
