import { storage } from 'wxt/utils/storage';

/**
 * The stories whose content note a reader has read past and chose to see anyway. Kept for
 * the browser session, in every reader tab: the next excerpt, a reload or another card of
 * the same story opens without asking again. Session storage lives in memory only, so
 * what a reader read is forgotten when the browser closes (PRODUCT.md, "Privacy").
 */
export interface ShownStories {
  has(storyId: string): Promise<boolean>;
  add(storyId: string): Promise<void>;
}

const shown = storage.defineItem<string[]>('session:readerShownStories', { fallback: [] });

export const shownStories: ShownStories = {
  has: async (storyId) => (await shown.getValue()).includes(storyId),
  async add(storyId) {
    const stories = await shown.getValue();
    if (!stories.includes(storyId)) await shown.setValue([...stories, storyId]);
  },
};
