import { render } from 'preact';
import { sendMessage } from '@/src/messaging/protocol';
import { ReaderPage } from './Reader';
import { createReaderState } from './reader-state';

/** Shows the reader page in `app` for the story its address names (`reader.html?story=…&passage=…`). */
export function mountReader(app: HTMLElement): void {
  const params = new URLSearchParams(location.search);
  const state = createReaderState({
    storyId: params.get('story'),
    passageId: params.get('passage') ?? undefined,
    getStory: (storyId) => sendMessage('getStory', { storyId }),
    getRelated: (storyId, passageId) =>
      sendMessage('related', { storyId, ...(passageId === undefined ? {} : { passageId }), limit: 3 }),
  });
  render(<ReaderPage state={state} />, app);
}
