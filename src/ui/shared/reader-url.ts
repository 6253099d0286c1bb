import { browser, type PublicPath } from 'wxt/browser';
import { readerPath } from '@/src/messaging/protocol';

/**
 * The reader's whole address for a passage (chrome-extension://…/reader.html?story=…): what
 * a card's "Read the full story" link holds, so "Copy link" copies something that opens.
 */
export function readerUrl(storyId: string, passageId?: string): string {
  // readerPath() returns a plain string; WXT types getURL with the known public paths.
  return browser.runtime.getURL(readerPath(storyId, passageId) as PublicPath);
}
