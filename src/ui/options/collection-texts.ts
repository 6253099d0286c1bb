import type { ChosenRefusal, ImportFailure, ImportProblem } from '@/src/collections/import-flow';
import type { Clash } from '@/src/collections/read-import';
import { MAX_PACK_BYTES, type OverCap } from '@/src/corpus/collection-pack';
import { i18n, uiLanguage } from '@/src/i18n';
import { translatedProblemText } from './problem-text';

/** The Collections section's words for what the import flow (src/collections/import-flow.ts) says. */

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
export const number = (n: number) => n.toLocaleString(uiLanguage());
export const storiesText = (n: number) => i18n.t('collections.stories', n, [number(n)]);
export const passagesText = (n: number) => i18n.t('collections.passages', n, [number(n)]);
/** Megabytes a reader is told are needed: rounded up, at least 1. */
export const neededMb = (bytes: number) => number(Math.max(1, Math.ceil(bytes / 1024 / 1024)));

export function refusalText(refused: ChosenRefusal): string {
  switch (refused.reason) {
    case 'wrong-type':
      return i18n.t('collections.wrong_type', [refused.file]);
    case 'mixed':
      return i18n.t('collections.mixed');
    case 'too-large':
      return i18n.t('collections.too_large', [megabytes(refused.bytes), megabytes(MAX_PACK_BYTES)]);
  }
}

function clashText(clash: Clash): string {
  switch (clash.kind) {
    case 'bundled':
      return i18n.t('collections.clash_bundled', [clash.file, clash.storyId]);
    case 'imported':
      return i18n.t('collections.clash_imported', [clash.file, clash.storyId, clash.collection]);
    case 'collection':
      return i18n.t('collections.clash_collection', [clash.id, clash.title]);
  }
}

/**
 * A cap an import would go over (collection-pack.ts CAPS), in the reader's words;
 * `imported`: what the collections already there count.
 */
function overCapText({ scope, what, count, max }: OverCap, imported: number): string {
  const [n, m, i] = [number(count), number(max), number(imported)];
  if (scope === 'collection') {
    return what === 'stories'
      ? i18n.t('collections.cap_collection_stories', [n, m])
      : i18n.t('collections.cap_collection_passages', [n, m]);
  }
  return what === 'stories'
    ? i18n.t('collections.cap_total_stories', [i, n, m])
    : i18n.t('collections.cap_total_passages', [i, n, m]);
}

export function problemText(problem: ImportProblem): string {
  switch (problem.kind) {
    case 'file':
      return translatedProblemText(problem.problem);
    case 'clash':
      return clashText(problem.clash);
    case 'bundled-unknown':
      return i18n.t('collections.bundled_unknown');
    case 'over-cap':
      return overCapText(problem.over, problem.imported);
  }
}

export function failureText(failure: ImportFailure): string {
  switch (failure.kind) {
    case 'refused':
      return failure.reason === 'collection-exists'
        ? i18n.t('collections.refused_collection', [failure.id])
        : i18n.t('collections.refused_story', [failure.id]);
    case 'too-large':
      return i18n.t('collections.refused_cap', [overCapText(failure.over, failure.imported)]);
    case 'no-space':
      return i18n.t('collections.no_space', [neededMb(failure.bytesNeeded)]);
    case 'failed':
      return i18n.t('collections.import_failed', [failure.message]);
  }
}
