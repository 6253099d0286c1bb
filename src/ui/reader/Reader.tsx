import type { Ref } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n, uiLanguage } from '@/src/i18n';
import { type ExcerptCard, readerPath, type StoryView } from '@/src/messaging/protocol';
import { ContentNoteText, WordList, withContent } from '../shared/data-labels';
import { readerUrl } from '../shared/reader-url';
import { formatStoryDate, provenanceLabel, topicWord } from '../shared/story-labels';
import { ContentGate } from './ContentGate';
import { citationOf } from './citation';
import { ExcerptNav, excerptStep } from './ExcerptNav';
import { RelatedExcerpts } from './RelatedExcerpts';
import type { ReaderState } from './reader-state';
import { originalPassageUrl } from './text-fragment';

type StoryBlock = StoryView['blocks'][number];

/** Consecutive blocks of one passage, or one block that belongs to none. */
interface StorySection {
  passageId?: string;
  blocks: StoryBlock[];
  /** The passage's provenance differs from the passage before: label it here. */
  newVoice: boolean;
}

export interface ReaderProps {
  story: StoryView;
  /** The passage the reader came for: highlighted and scrolled to. */
  passageId?: string;
  /** Puts text on the clipboard (navigator.clipboard by default). */
  copy?(text: string): Promise<void>;
  /**
   * The reader already chose to see this story despite its content notes (this browser
   * session): its text shows at once. Without notes it always does.
   */
  shownBefore?: boolean;
  /** The reader chose to see the text: remember it for the session. */
  onShow?(): void;
  /** Excerpts of other stories related to a passage, or to the story without one. */
  getRelated?(storyId: string, passageId?: string): Promise<ExcerptCard[]>;
  /** Opens another story at a passage (by default this tab goes there). */
  openStory?(storyId: string, passageId: string): void;
  /** The reader's address for another story's passage: its card's link (readerUrl by default). */
  storyUrl?(storyId: string, passageId: string): string;
  /** Shows the reader's own address for what it shows, without a new history entry. */
  replaceAddress?(path: string): void;
}

const goTo = (storyId: string, passageId: string) => location.assign(readerPath(storyId, passageId));
// Replace, not push: moving between excerpts is reading, not a trail to walk back through.
const replaceAddressBar = (path: string) => history.replaceState(history.state, '', path);

/** A whole story, as its publisher wrote it, with the passage the reader came for in view. */
export function Reader({
  story,
  passageId,
  copy = (text) => navigator.clipboard.writeText(text),
  shownBefore = false,
  onShow,
  getRelated,
  openStory = goTo,
  storyUrl = readerUrl,
  replaceAddress = replaceAddressBar,
}: ReaderProps) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const sections = useMemo(() => sectionsOf(story.blocks), [story.blocks]);
  const passageIds = useMemo(
    () => sections.flatMap((s) => (s.passageId === undefined ? [] : [s.passageId])),
    [sections],
  );
  // The highlighted passage: the one in the address, then wherever previous / next lead.
  const [current, setCurrent] = useState(() => (passageId && passageIds.includes(passageId) ? passageId : undefined));
  // A link to an excerpt this version of the story does not have (an older Firsthand's, or a
  // collection imported again since): the story opens at its start, and says why.
  const lost = passageId !== undefined && !passageIds.includes(passageId);
  const [shown, setShown] = useState(() => shownBefore || story.contentNotes.length === 0);
  const [related, setRelated] = useState<ExcerptCard[]>([]);
  const targetRef = useRef<HTMLElement>(null);
  const storyRef = useRef<HTMLElement>(null);
  /** Whether the reader just acted (showed the text, moved): focus follows even without a target. */
  const acted = useRef(false);
  const target = current === undefined ? undefined : sections.find((section) => section.passageId === current);
  const position = current === undefined ? undefined : passageIds.indexOf(current);
  const originalUrl = target ? originalPassageUrl(story.url, passageText(target)) : story.url;
  // The page is in the story's language (useStoryDocument); the reader's own words say theirs.
  const uiLang = uiLanguage();
  useStoryDocument(story);

  // A layout effect: focus moves in the same task as the render that moved the highlight.
  // With an effect it moved a frame later, and a key pressed in between (j then k, quickly)
  // reached the page's body instead of the story and was lost.
  useLayoutEffect(() => {
    if (!shown) return;
    const element = targetRef.current ?? (acted.current ? storyRef.current : null);
    if (!element) return;
    // Focus too, so keyboard and screen reader users start reading at the passage.
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: element === targetRef.current ? 'center' : 'start' });
  }, [story.id, current, shown]);

  useEffect(() => {
    if (!getRelated || !shown) return;
    let live = true;
    getRelated(story.id, current).then(
      (cards) => live && setRelated(cards),
      () => live && setRelated([]),
    );
    return () => {
      live = false;
    };
  }, [story.id, current, shown, getRelated]);

  const show = () => {
    acted.current = true;
    setShown(true);
    onShow?.();
  };
  const step = (by: -1 | 1) => {
    const next = position === undefined ? (by > 0 ? passageIds[0] : undefined) : passageIds[position + by];
    if (next === undefined) return;
    acted.current = true;
    setCurrent(next);
    setCopied(null);
    replaceAddress(readerPath(story.id, next));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const by = excerptStep(event);
    if (by === 0 || !shown) return;
    // Only from within the story or its excerpt bar (WCAG 2.1.4): never while in a card or control elsewhere.
    if (!(event.target instanceof Element) || !event.target.closest('.fh-reader__story, .fh-reader__nav')) return;
    event.preventDefault();
    step(by);
  };

  return (
    <main class="fh-reader" onKeyDown={onKeyDown}>
      <header class="fh-reader__header" lang={uiLang}>
        <p class="fh-reader__brand">{i18n.t('ext.name')}</p>
        <h1 class="fh-reader__title" lang={story.lang}>
          {story.title}
        </h1>
        <p class="fh-reader__byline">
          <span lang={story.lang}>{story.narrator}</span> · <span lang={story.lang}>{story.publisher}</span> ·{' '}
          <time dateTime={story.date}>{formatStoryDate(story.date)}</time>
        </p>
        {story.topics.length > 0 && (
          <p class="fh-reader__topics">
            <span class="fh-reader__meta-label">{i18n.t('reader.topics')}</span>{' '}
            <WordList words={story.topics.map((topic) => topicWord(topic, story.lang))} />
          </p>
        )}
        {/* While the text is hidden, the gate below says what it mentions. */}
        {shown && story.contentNotes.length > 0 && (
          <p class="fh-reader__note">
            <ContentNoteText notes={story.contentNotes} lang={story.lang} />
          </p>
        )}
        {lost && (
          <p class="fh-reader__lost" role="note">
            {i18n.t('reader.lost_excerpt')}
          </p>
        )}
        <p class="fh-reader__original">
          {/* noreferrer: the publisher must not learn that the reader came from the extension. */}
          <a href={originalUrl} rel="noreferrer">
            {withContent((slot) => i18n.t('reader.read_at', [slot]), <span lang={story.lang}>{story.publisher}</span>)}
          </a>
        </p>
        {story.urlNote && (
          <p class="fh-reader__url-note" lang={story.lang}>
            {story.urlNote}
          </p>
        )}
        <p class="fh-reader__actions">
          <button
            type="button"
            class="fh-button"
            onClick={() =>
              copy(citationOf(story, target?.passageId)).then(
                () => setCopied('yes'),
                () => setCopied('failed'),
              )
            }
          >
            {target ? i18n.t('reader.copy_excerpt_citation') : i18n.t('reader.copy_citation')}
          </button>{' '}
          <span role="status" class="fh-reader__status">
            {copied === 'yes' ? i18n.t('reader.copied') : copied === 'failed' ? i18n.t('reader.copy_failed') : ''}
          </span>
        </p>
      </header>
      {shown ? (
        <>
          <article ref={storyRef} class="fh-reader__story" lang={story.lang} tabIndex={-1}>
            {sections.map((section, index) =>
              section.passageId === undefined ? (
                <StoryBlockView key={`block-${index}`} block={section.blocks[0]} lang={story.lang} uiLang={uiLang} />
              ) : (
                <PassageView
                  key={section.passageId}
                  storyId={story.id}
                  section={section}
                  lang={story.lang}
                  uiLang={uiLang}
                  target={
                    section === target && position !== undefined
                      ? {
                          ref: targetRef,
                          label: i18n.t('reader.highlighted', [String(position + 1), String(passageIds.length)]),
                        }
                      : undefined
                  }
                />
              ),
            )}
          </article>
          <ExcerptNav
            position={position}
            count={passageIds.length}
            onPrevious={() => step(-1)}
            onNext={() => step(1)}
          />
          <RelatedExcerpts
            cards={related}
            href={(card) => storyUrl(card.storyId, card.passageId)}
            onOpen={(card) => openStory(card.storyId, card.passageId)}
          />
        </>
      ) : (
        <ContentGate notes={story.contentNotes} lang={story.lang} onShow={show} />
      )}
    </main>
  );
}

/** One passage's blocks, wrapped so every surface can find it by story and passage id. */
function PassageView({
  storyId,
  section,
  lang,
  uiLang,
  target,
}: {
  storyId: string;
  section: StorySection;
  /** The story's language, and the UI's. */
  lang: string;
  uiLang: string;
  /** Set on the highlighted passage: where focus goes, and its name for screen readers. */
  target?: { ref: Ref<HTMLElement>; label: string };
}) {
  const content = (
    <>
      {section.newVoice && <ProvenanceLabel kind={section.blocks[0]?.kind} uiLang={uiLang} />}
      {section.blocks.map((block, index) => (
        // A story's blocks never reorder, so their position is a stable key.
        <StoryBlockView key={index} block={block} lang={lang} uiLang={uiLang} />
      ))}
      {attributionsOf(section).map((attribution) => (
        <p key={attribution} class="fh-reader__attribution" lang={lang}>
          — {attribution}
        </p>
      ))}
    </>
  );
  if (!target) {
    return (
      <div class="fh-passage" data-story-id={storyId} data-passage-id={section.passageId}>
        {content}
      </div>
    );
  }
  // The label is in the UI's language, so the section says so; its blocks say the story's.
  return (
    <section
      ref={target.ref}
      class="fh-passage fh-passage--target"
      data-story-id={storyId}
      data-passage-id={section.passageId}
      aria-current="true"
      aria-label={target.label}
      lang={uiLang}
      tabIndex={-1}
    >
      {content}
    </section>
  );
}

/**
 * One block of the story. Each says the story's language itself: a block may sit in an
 * element in the UI's language (the highlighted passage, a footnote), named in it.
 */
function StoryBlockView({ block, lang, uiLang }: { block: StoryBlock | undefined; lang: string; uiLang: string }) {
  if (!block) return null;
  switch (block.kind) {
    case 'heading':
      return (
        <h2 class="fh-reader__heading" lang={lang}>
          {block.text}
        </h2>
      );
    case 'caption':
      return (
        <p class="fh-reader__caption" lang={lang}>
          <span class="fh-reader__caption-label" lang={uiLang}>
            {i18n.t('reader.photo_caption')}
          </span>{' '}
          {block.text}
        </p>
      );
    case 'editor-note':
    case 'footnote':
      // A note, not a landmark: a story with three editor's notes is not three regions to jump between.
      return (
        <div
          role="note"
          class="fh-reader__aside"
          aria-label={block.kind === 'footnote' ? i18n.t('reader.footnote') : i18n.t('reader.editor_note')}
          lang={uiLang}
        >
          <p lang={lang}>{block.text}</p>
          {block.attribution && (
            <p class="fh-reader__attribution" lang={lang}>
              — {block.attribution}
            </p>
          )}
        </div>
      );
    default:
      return <p lang={lang}>{block.text}</p>;
  }
}

function ProvenanceLabel({ kind, uiLang }: { kind: string | undefined; uiLang: string }) {
  const label = kind === undefined ? undefined : provenanceLabel(kind);
  if (!label) return null;
  return (
    <p class={`fh-provenance fh-provenance--${kind} fh-reader__provenance`} lang={uiLang}>
      {label}
    </p>
  );
}

/** The page's language and title follow the story, for screen readers and the tab strip. */
function useStoryDocument(story: StoryView): void {
  useEffect(() => {
    document.documentElement.lang = story.lang;
    // The story's title, then whose page it is: a title, not a sentence to translate.
    document.title = `${story.title} — ${i18n.t('ext.name')}`;
  }, [story.lang, story.title]);
}

function sectionsOf(blocks: readonly StoryBlock[]): StorySection[] {
  const sections: StorySection[] = [];
  // Labels go where the speaker's role changes, not on every passage: a firsthand story
  // gets one label, a report quoting a commentary gets one per change.
  let voice: string | undefined;
  for (const block of blocks) {
    const last = sections.at(-1);
    if (block.passageId !== undefined && last && last.passageId === block.passageId) {
      last.blocks.push(block);
      continue;
    }
    const newVoice = block.passageId !== undefined && block.kind !== voice;
    if (block.passageId !== undefined) voice = block.kind;
    sections.push({ passageId: block.passageId, blocks: [block], newVoice });
  }
  return sections;
}

function passageText(section: StorySection): string {
  return section.blocks.map((block) => block.text).join('\n\n');
}

function attributionsOf(section: StorySection): string[] {
  return [...new Set(section.blocks.flatMap((block) => (block.attribution ? [block.attribution] : [])))];
}

export interface ReaderPageProps {
  /** The page's store (reader-state.ts): the story named in the address, once loaded. */
  state: ReaderState;
  openStory?(storyId: string, passageId: string): void;
  replaceAddress?(path: string): void;
}

/** The reader page: the story named in the address, or why it cannot be shown. */
export function ReaderPage({ state, openStory, replaceAddress }: ReaderPageProps) {
  const load = state.load.value;
  switch (load.status) {
    case 'ready':
      return (
        <Reader
          key={load.story.id}
          story={load.story}
          passageId={state.passageId}
          shownBefore={load.shownBefore}
          onShow={() => state.rememberShown(load.story.id)}
          getRelated={state.getRelated}
          openStory={openStory}
          replaceAddress={replaceAddress}
        />
      );
    case 'loading':
      return (
        <main class="fh-reader" aria-busy="true" lang={uiLanguage()}>
          <p class="fh-reader__status">{i18n.t('reader.loading')}</p>
        </main>
      );
    case 'missing':
      return <ReaderMessage title={i18n.t('reader.missing_title')}>{i18n.t('reader.missing_text')}</ReaderMessage>;
    case 'failed':
      return <ReaderMessage title={i18n.t('reader.failed_title')}>{i18n.t('reader.failed_text')}</ReaderMessage>;
  }
}

function ReaderMessage({ title, children }: { title: string; children: string }) {
  return (
    // No story, so no story's language: the page is in the UI's.
    <main class="fh-reader" lang={uiLanguage()}>
      <p class="fh-reader__brand">{i18n.t('ext.name')}</p>
      <h1 class="fh-reader__title">{title}</h1>
      <p class="fh-reader__status">{children}</p>
    </main>
  );
}
