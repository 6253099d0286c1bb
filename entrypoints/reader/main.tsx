import { render } from 'preact';
import { type ExcerptCard, type StoryView, sendMessage } from '@/src/messaging/protocol';
import { ReaderPage } from '@/src/ui/reader/Reader';

function getStory(storyId: string): Promise<StoryView | null> {
  return sendMessage('getStory', { storyId });
}

function getRelated(storyId: string, passageId?: string): Promise<ExcerptCard[]> {
  return sendMessage('related', { storyId, ...(passageId === undefined ? {} : { passageId }), limit: 3 });
}

const params = new URLSearchParams(location.search);
const app = document.getElementById('app');
if (app) {
  render(
    <ReaderPage
      storyId={params.get('story')}
      passageId={params.get('passage') ?? undefined}
      getStory={getStory}
      getRelated={getRelated}
    />,
    app,
  );
}
