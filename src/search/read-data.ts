import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusBundle } from '@/src/search/bundle';
import { buildCorpus, type SourceFile } from './load-corpus';

/** The repository's root (Node only: the build script and tests read data/ through this). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

const read = (path: string): SourceFile => ({ path: relative(repoRoot, path), text: readFileSync(path, 'utf8') });

/** Reads and builds the corpus in data/ (Node only). */
export function buildCorpusFromData(dataDir = join(repoRoot, 'data')): CorpusBundle {
  const storyDir = join(dataDir, 'stories');
  const stories = readdirSync(storyDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => read(join(storyDir, f)));
  return buildCorpus(stories, read(join(dataDir, 'lexicon.txt')));
}
