import { defineExtensionMessaging } from '@webext-core/messaging';
import type { StoredCollection } from '@/src/collections/collection-store';
import type { ImportOutcome } from '@/src/collections/import-outcome';
import type { CollectionPack } from '@/src/corpus/collection-pack';
import type { Block, Provenance, StoryMeta } from '@/src/corpus/types';
import type { Article } from '@/src/detect/extract-article';
import type { PillWords } from '@/src/i18n/pill-words';
import type { Corner } from '@/src/settings/corners';

/** One excerpt, with everything any surface needs to show its card. */
export interface ExcerptCard {
  passageId: string;
  storyId: string;
  text: string;
  provenance: Provenance;
  attribution?: string;
  storyTitle: string;
  narrator: string;
  publisher: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  lang: string;
  contentNotes: string[];
  /** Labels of the lexicon terms that earned this card ("why this"). */
  why: string[];
  /**
   * The same as the article says them, where that differs (src/search/why-as-said.ts):
   * what the card shows. `why` stays the labels the page's marks are found by.
   */
  whyShown?: string[];
  /** [start, end) character ranges in `text` to mark: matched terms or query words. */
  marks: [number, number][];
}

/** One way an article says a lexicon term: the words as written there, and the term's label. */
export type TermSaid = [words: string, term: string];

export interface PageMatches {
  url: string;
  cards: ExcerptCard[];
  /** How the article says its terms (the page marks those that earned the cards). */
  said?: TermSaid[];
  /** The reader hid Firsthand on this page (until the tab shows another page). */
  hidden?: boolean;
}

/**
 * What a page shows, whole, as the background decides it (src/background/tab-pages.ts):
 * pushed to the page's detection script, which hands it to the in-page UI with where the
 * earning terms occur. The page never decides whether to show: no cards, nothing shown.
 */
export interface PageView {
  /** The article these cards belong to: a page that moved on shows none of them. */
  url: string;
  /** The cards to show; empty when nothing is (none found, hidden, private mode, site off). */
  cards: ExcerptCard[];
  corner: Corner;
  /**
   * How the article says its terms, to mark those that earned the cards (the others are
   * here so that a longer term keeps its words: "North Korean nuclear test" is no "North
   * Korean"); none when the reader turned marks off (or there are no cards).
   */
  marks: TermSaid[];
  /** The pill's words for these cards, in the UI's language (none when there are no cards). */
  pill?: PillWords;
}

/** What the popup's filters keep: passages of stories on a topic, of one voice, of one story. */
export interface SearchFilters {
  topic?: string;
  provenance?: Provenance;
  storyId?: string;
}

/** The choices the popup's filters offer: what the loaded stories have. */
export interface SearchFacets {
  topics: string[];
  provenances: Provenance[];
  stories: { id: string; title: string }[];
}

/** A whole story for the reader: its metadata and every block, in order. */
export interface StoryView extends StoryMeta {
  blocks: Omit<Block, 'line'>[];
}

/**
 * The one protocol between contexts. Each message says who sends it: most go to the
 * background, which answers; `pageState`, `rescanPage` and `focusPill` go from the
 * background to a tab's page scripts, which answer them.
 */
export interface ProtocolMap {
  /**
   * Stage 0 (every page) → background: this page may name North Korea (the gate pre-test
   * said so). The background injects the detection script where Firsthand runs, and says
   * whether it did: from then on that script follows the page.
   */
  pageMayMention(): boolean;
  /**
   * Detection script → background: this tab's article, as text. The background reads it
   * (terms, words, the page decision) and keeps none of it but the cards it finds.
   */
  matchPage(data: { url: string } & Article): void;
  /** Background → detection script: what the page shows now, whole (it injected the UI first). */
  pageState(view: PageView): void;
  /**
   * In-page UI or popup → background: hide Firsthand on a tab's page, or show it again
   * (the popup's undo). `tabId` for the popup; the UI's own tab otherwise.
   */
  hideOnPage(data: { hidden: boolean; tabId?: number }): void;
  /** In-page UI → background: open the settings (content scripts cannot). */
  openOptions(): void;
  /**
   * In-page UI → background: the reader opened the pill or a marked term; put the panel's
   * code (Preact, the cards, the term card) into the UI's page. Answers once it is there:
   * true, or false where the page shows no cards (any more).
   */
  openPanel(): boolean;
  /** In-page UI → background: put the pill and panel in another corner (every page's). */
  moveUi(data: { corner: Corner }): void;
  /** In-page UI → background: switch Firsthand off on the site of the UI's own page. */
  turnOffSite(): void;
  /**
   * Background → page: read the page again and report (its site was switched back on or
   * added to the news sites, the number of excerpts a page shows changed, the collections
   * changed). Stage 0 answers where the detection script is not running yet.
   */
  rescanPage(): void;
  /**
   * Background → detection script: the reader pressed the shortcut that goes to the pill
   * (wxt.config.ts `commands`): focus it. Answers whether the page has one to focus.
   */
  focusPill(): boolean;
  /** Popup → background: search as you type. */
  search(data: { query: string; limit?: number; filters?: SearchFilters }): ExcerptCard[];
  /** Popup → background: the filters' choices (and a head start on loading the index). */
  searchFacets(): SearchFacets;
  /** Reader → background: a whole story. */
  getStory(data: { storyId: string }): StoryView | null;
  /**
   * Reader → background: excerpts of OTHER stories related to a passage (or, without one,
   * to the story as a whole), strongest first; empty when nothing relates.
   */
  related(data: { storyId: string; passageId?: string; limit?: number }): ExcerptCard[];
  /**
   * Options → background: the imported collections changed (imported, enabled, disabled,
   * removed). Answers once the combined index is rebuilt: what it now holds, how long
   * indexing took, and, when the disk had no room to cache it, about how many bytes it needs.
   */
  collectionsChanged(): { passages: number; stories: number; ms: number; cacheBytesShort?: number };
  /** Options → background: the ids of the stories Firsthand ships with (an import may not reuse one). */
  bundledStoryIds(): string[];
  /**
   * Options → background: the imported collections (the background owns their IndexedDB;
   * src/background/collections-service.ts), oldest first.
   */
  listCollections(): StoredCollection[];
  /**
   * Options → background: store a checked pack whole, or nothing (refused, over a cap, no
   * space). A pack is at most MAX_PACK_BYTES (45 MB) of JSON, under the 64 MiB a message
   * carries. The page then sends `collectionsChanged`, as for every change.
   */
  importCollection(data: { pack: CollectionPack; storyIds: string[]; passageCount: number }): ImportOutcome;
  /** Options → background: switch an imported collection off (kept, shown nowhere) or on. */
  setCollectionEnabled(data: { id: string; enabled: boolean }): void;
  /** Options → background: remove an imported collection, its sources and the cache that holds its text. */
  removeCollection(data: { id: string }): void;
  /** Options → background: an imported collection as the pack it came as (null: not there). */
  exportCollection(data: { id: string }): CollectionPack | null;
  /** Content script → background: open the reader at a passage in a new tab. */
  openReader(data: { storyId: string; passageId: string }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** The reader page's address for a passage. */
export function readerPath(storyId: string, passageId?: string): string {
  const params = new URLSearchParams({ story: storyId });
  if (passageId) params.set('passage', passageId);
  return `/reader.html?${params}`;
}

/** The popup as a search page for some words (context menu, omnibox): `popup.html?q=…`. */
export function searchPath(words: string): string {
  return `/popup.html?${new URLSearchParams({ q: words.trim().slice(0, 200) })}`;
}

export { articleUrl } from './article-url';
