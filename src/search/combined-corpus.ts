import { type PackStoryFile, readStoryFiles } from '@/src/corpus/collection-pack';
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
 * version of the bundled stories or of the lexicon is not used.
 */
export function bundleFingerprint(bundle: CorpusBundle): string {
  // FNV-1a over the stories' blocks' lengths and the whole lexicon (weights, `also` and
  // aliases too): cheap, and it changes with any edit that changes what is indexed or how
  // it ranks.
  let hash = 0x811c9dc5;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  };
  let blocks = 0;
  for (const s of bundle.stories) {
    add(`${s.id}:`);
    for (const b of s.blocks) add(`${b.kind}${b.text.length},`);
    blocks += s.blocks.length;
  }
  add(JSON.stringify(bundle.terms));
  return `${blocks}-${(hash >>> 0).toString(36)}`;
}
