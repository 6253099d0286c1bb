/**
 * Validates data/ and writes the generated corpus the extension ships:
 *   public/generated/corpus.json — the stories, the lexicon and the prebuilt search index
 *     over their passages (src/search/packed-index.ts), loaded lazily by the background;
 *   src/generated/gate-test.json — the test that lets the content script skip pages that
 *     cannot be about North Korea (src/lexicon/gate-precheck.ts).
 * A bad source file fails with file:line: reason (exit code 1).
 *
 *   tsx data/build-corpus.ts [--data DIR]   (DIR defaults to data/)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SourceErrors } from '../src/corpus/source-error';
import { packGateTest } from '../src/lexicon/gate-pack';
import { packedFromJson } from '../src/search/packed-index';
import { buildCorpusFromData, repoRoot } from '../src/search/read-data';

const dataFlag = process.argv.indexOf('--data');
const dataDir = dataFlag >= 0 ? process.argv[dataFlag + 1] : undefined;

try {
  const bundle = buildCorpusFromData(dataDir);
  const write = (path: string, data: unknown) => {
    mkdirSync(dirname(join(repoRoot, path)), { recursive: true });
    writeFileSync(join(repoRoot, path), JSON.stringify(data));
  };
  write('public/generated/corpus.json', bundle);
  write('src/generated/gate-test.json', packGateTest(bundle.terms));
  const index = packedFromJson(bundle.index);
  console.log(
    `corpus: ${bundle.stories.length} stories, ${index.textStart.length - 1} passages, ` +
      `${bundle.terms.length} terms (${index.termPassages.data.length} term–passage links), ` +
      `${index.wordPassages.count.length} words`,
  );
} catch (e) {
  if (e instanceof SourceErrors) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
