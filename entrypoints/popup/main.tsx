import { render } from 'preact';
import { browser, type PublicPath } from 'wxt/browser';
import { type ExcerptCard, type PageMatches, readerPath, sendMessage } from '@/src/messaging/protocol';
import { Popup } from '@/src/ui/popup/Popup';
import { popupCss } from '@/src/ui/popup/popup.css';
import { tabIdFromSearch } from '@/src/ui/popup/popup-tab';

function searchTestimonies(query: string): Promise<ExcerptCard[]> {
  return sendMessage('search', { query, limit: 20 });
}

async function openReader(card: ExcerptCard): Promise<void> {
  // readerPath() returns a plain string; WXT types getURL with the known public paths.
  const url = browser.runtime.getURL(readerPath(card.storyId, card.passageId) as PublicPath);
  await browser.tabs.create({ url });
  window.close();
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function main(app: HTMLElement): Promise<void> {
  const show = (tabMatches: PageMatches | null) =>
    render(<Popup search={searchTestimonies} tabMatches={tabMatches} onOpen={openReader} />, app);
  // Search is usable at once; "On this page" follows when the background answers.
  show(null);
  const tabId = tabIdFromSearch(location.search) ?? (await activeTabId());
  if (tabId === undefined) return;
  show(await sendMessage('getTabMatches', { tabId }).catch(() => null));
}

const style = document.createElement('style');
style.textContent = popupCss;
document.head.append(style);
document.documentElement.classList.add('fh-theme');
const app = document.getElementById('app');
if (app) void main(app);
