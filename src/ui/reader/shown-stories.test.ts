import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { shownStories } from './shown-stories';

describe('the stories a reader chose to see', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers a story once chosen, each story on its own', async () => {
    expect(await shownStories.has('josephs-story-part-1-2024')).toBe(false);
    await shownStories.add('josephs-story-part-1-2024');
    await shownStories.add('josephs-story-part-1-2024');
    expect(await shownStories.has('josephs-story-part-1-2024')).toBe(true);
    expect(await shownStories.has('women-in-north-korea-2023')).toBe(false);
  });

  it('keeps them in session storage only, never on disk', async () => {
    await shownStories.add('josephs-story-part-1-2024');
    expect(Object.values(await fakeBrowser.storage.session.get())).toEqual([['josephs-story-part-1-2024']]);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });
});
