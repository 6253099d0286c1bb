import { type ReadonlySignal, signal } from '@preact/signals';
import type { ExcerptCard, StoryView } from '@/src/messaging/protocol';
import { type ShownStories, shownStories as sessionShownStories } from './shown-stories';

/** Where the story named in the address stands. */
export type StoryLoad =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'failed' }
  | { status: 'ready'; story: StoryView; shownBefore: boolean };

export interface ReaderDeps {
  /** From `reader.html?story=ID`; null when the address has none. */
  storyId: string | null;
  passageId?: string;
  getStory(storyId: string): Promise<StoryView | null>;
  /** Excerpts of other stories related to a passage, or to the story without one. */
  getRelated?(storyId: string, passageId?: string): Promise<ExcerptCard[]>;
  /** The stories the reader chose to see despite their content notes, this session. */
  shownStories?: ShownStories;
}

/** The reader page's state that outlives a render: the story it loaded, and where from. */
export interface ReaderState {
  passageId?: string;
  load: ReadonlySignal<StoryLoad>;
  getRelated?(storyId: string, passageId?: string): Promise<ExcerptCard[]>;
  /** The reader chose to see a story despite its content notes: remember it for the session. */
  rememberShown(storyId: string): void;
}

/**
 * The reader's store (issue 13, "one way to hold UI state"): loads the story named in the
 * address at once, with whether the reader already chose to see it, as one signal.
 */
export function createReaderState({
  storyId,
  passageId,
  getStory,
  getRelated,
  shownStories = sessionShownStories,
}: ReaderDeps): ReaderState {
  const load = signal<StoryLoad>(storyId ? { status: 'loading' } : { status: 'missing' });
  if (storyId) {
    // Both before the first paint of the story, so a story shown before never flashes its gate.
    const shownBefore = shownStories.has(storyId).catch(() => false);
    Promise.all([getStory(storyId), shownBefore]).then(
      ([story, shown]) => {
        load.value = story ? { status: 'ready', story, shownBefore: shown } : { status: 'missing' };
      },
      () => {
        load.value = { status: 'failed' };
      },
    );
  }
  return {
    ...(passageId === undefined ? {} : { passageId }),
    load,
    ...(getRelated ? { getRelated } : {}),
    // A failure to remember costs only one more click next time.
    rememberShown: (id) => void shownStories.add(id).catch(() => {}),
  };
}
