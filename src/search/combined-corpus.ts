import { type PackStoryFile, readStoryFiles } from '@/src/corpus/collection-pack';
import { contentHash } from '@/src/corpus/content-hash';
import type { Story } from '@/src/corpus/types';
import type { CorpusBundle } from './bundle';
import { type PackedIndex, packedFromJson, packIndex } from './packed-index';

/** An imported collection's source files, as the background indexes them. */
export interface ImportedSources {
  collectionId: string;
  stories: PackStoryFile[];
}

/**
 * The bundled corpus and the reader's enabled collections as one index, made the way the
 * build indexes the bundled stories (the same lexicon, the same passages, the same
 * packIndex), so imported stories show up in page matches, the popup and the reader
 * exactly like the bundled ones.
 *
 * A story that no longer reads (a newer Firsthand with stricter rules), or whose id is
 * taken, is left out rather than failing the whole corpus: the options page checked it on
 * import, and the bundled stories must keep working whatever an import holds.
 */
export function combineCorpus(bundled: CorpusBundle, imported: readonly ImportedSources[]): PackedIndex {
  if (imported.length === 0) return packedFromJson(bundled.index);
  const stories: Story[] = [...bundled.stories];
  const from = new Map<Story, string>();
  const taken = new Set(stories.map((s) => s.id));
  for (const collection of imported) {
    for (const story of readStoryFiles(collection.stories).stories) {
      if (taken.has(story.id)) continue;
      taken.add(story.id);
      stories.push(story);
      from.set(story, collection.collectionId);
    }
  }
  return packIndex(stories, bundled.terms, (story) => from.get(story) ?? '');
}

/**
 * A short fingerprint of the bundled corpus, so a cached combined index made with another
 * version of the bundled stories or of the lexicon is not used. It hashes everything, not
 * only what is indexed: a card shows a story's metadata (content notes, title, date...) and
 * its passages' text, and a fix to any of them must not be served stale from the cache
 * (issue 12).
 */
export function bundleFingerprint(bundle: CorpusBundle): string {
  const blocks = bundle.stories.reduce((n, s) => n + s.blocks.length, 0);
  return `${blocks}-${contentHash([JSON.stringify(bundle.stories), JSON.stringify(bundle.terms)])}`;
}
