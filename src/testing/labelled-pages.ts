import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EvalPage } from './eval-page';
import { fixturePages } from './fixture-pages';
import { negativePages } from './labels-negative';
import { positivePages } from './labels-positive';

/** The folder the labelled pages' `file`s are relative to. */
export const EVAL_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../eval');

/** The e2e fixtures are labelled pages too. */
const fixtureCategory: Record<string, EvalPage['category']> = { missileTest: 'hard-negative' };
const fixtures: EvalPage[] = Object.entries(fixturePages)
  // The single-page-app fixture renders by script and changes under the e2e tests' hands.
  .filter(([, f]) => f.file !== 'spa-news.html')
  .map(([name, f]) => ({
    file: `../e2e/fixtures/${f.file}`,
    url: f.url,
    category: fixtureCategory[name] ?? (f.expect.length > 0 ? 'positive' : 'negative'),
    topic: name,
    lang: f.file.startsWith('korean') ? 'ko' : 'en',
    relevant: f.expect,
  }));

export const evalPages: EvalPage[] = [...positivePages, ...negativePages, ...fixtures];
