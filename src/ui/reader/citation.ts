import type { StoryView } from '@/src/messaging/protocol';
import { formatStoryDate } from '../shared/story-labels';
import { originalPassageUrl } from './text-fragment';

/**
 * A plain-text citation of a story, or of one passage of it: who, what, where, when, and
 * the original address — with a text fragment that scrolls the publisher's page to the
 * passage. The passage itself is quoted word for word.
 */
export function citationOf(story: StoryView, passageId?: string): string {
  const passage = story.blocks
    .filter((block) => passageId !== undefined && block.passageId === passageId)
    .map((block) => block.text)
    .join('\n\n');
  const url = passage ? originalPassageUrl(story.url, passage) : story.url;
  const source = `${story.narrator}, “${story.title}”, ${story.publisher}, ${formatStoryDate(story.date)}. ${url}`;
  return passage ? `“${passage}”\n— ${source}` : source;
}
