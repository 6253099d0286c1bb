/**
 * npm run fit — fits the page model the extension ships (src/search/page-model.json) on
 * the real development set in ../shared (docs/relevance.md): the ranking's constants, the
 * logistic weights and the threshold, each chosen as in cross-validation, now on every
 * page. `npm run eval` checks that the shipped model is this fit.
 */
import { writeFileSync } from 'node:fs';
import { missingSetsLine } from '../src/testing/real-sets';
import { loadRealSets, modelFile, modelJson } from './relevance-sets';

const sets = await loadRealSets();
if (!sets) {
  console.error(missingSetsLine());
  process.exit(1);
}
const model = sets.fit();
writeFileSync(modelFile, modelJson(model));
console.log(`wrote ${modelFile}:`);
console.log(modelJson(model));
