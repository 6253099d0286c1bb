/**
 * npm run pack -- <folder> [--collection <collection.txt>] [--out <file>]
 *
 * Turns a folder of story source files (`<story-id>.md`, format: data/README.md) and the
 * `collection.txt` that names the collection into one collection pack, ready to import in
 * Firsthand's settings. Every problem is reported as `file:line: reason` and nothing is
 * written (exit code 1). Without --out the pack is `<collection-id>.firsthand.json` here.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import {
  COLLECTION_FILE,
  makePack,
  type PackProblem,
  packText,
  problemText,
  readCollectionFile,
  readPack,
  readStoryFiles,
} from '../src/corpus/collection-pack';
import { passagesOf } from '../src/corpus/parse-story';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const folder = process.argv.slice(2).find((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (!folder) {
  console.error('usage: npm run pack -- <folder> [--collection <collection.txt>] [--out <file>]');
  process.exit(2);
}
const shown = (path: string) => relative(process.cwd(), path) || path;
const collectionPath = option('--collection') ?? join(folder, COLLECTION_FILE);

const problems: PackProblem[] = [];
let collectionSource = '';
try {
  collectionSource = readFileSync(collectionPath, 'utf8');
} catch {
  problems.push({
    file: shown(collectionPath),
    line: 1,
    reason: `missing: it names the collection, one "key: value" a line (id, title, publisher, description)`,
  });
}
const { collection, problems: collectionProblems } = collectionSource
  ? readCollectionFile(shown(collectionPath), collectionSource)
  : { collection: undefined, problems: [] };
problems.push(...collectionProblems);

const files = readdirSync(folder)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort()
  .map((name) => ({ file: name, path: join(folder, name) }));
if (files.length === 0) problems.push({ file: shown(folder), line: 1, reason: 'no story files (<story-id>.md) here' });
const sources = files.map(({ file, path }) => ({ file, source: readFileSync(path, 'utf8'), path }));
// Checked here with the folder's paths in the messages; the pack keeps bare file names.
problems.push(...readStoryFiles(sources.map(({ path, source }) => ({ file: shown(path), source }))).problems);

if (problems.length > 0 || !collection) {
  for (const problem of problems) console.error(problemText(problem));
  process.exit(1);
}
const pack = makePack(
  collection,
  sources.map(({ file, source }) => ({ file, source })),
);
const out = option('--out') ?? `${collection.id}.firsthand.json`;
const text = packText(pack);
// What the importer will read: the pack must read back whole.
const check = readPack(basename(out), text);
if (check.problems.length > 0) {
  for (const problem of check.problems) console.error(problemText(problem));
  process.exit(1);
}
writeFileSync(out, text);
const passages = check.stories.reduce((n, story) => n + passagesOf(story).length, 0);
console.log(`${shown(out)}: "${collection.title}", ${check.stories.length} stories, ${passages} passages`);
