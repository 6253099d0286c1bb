import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoryView } from '@/src/messaging/protocol';
import { contentNoteText, formatStoryDate, provenanceLabel } from '../shared/story-labels';
import { citationOf } from './citation';
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
}

/** A whole story, as its publisher wrote it, with the passage the reader came for in view. */
export function Reader({ story, passageId, copy = (text) => navigator.clipboard.writeText(text) }: ReaderProps) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const targetRef = useRef<HTMLElement>(null);
  const sections = sectionsOf(story.blocks);
  const target = passageId === undefined ? undefined : sections.find((section) => section.passageId === passageId);
  const originalUrl = target ? originalPassageUrl(story.url, passageText(target)) : story.url;
  const note = contentNoteText(story.contentNotes);
  useStoryDocument(story);

  useEffect(() => {
    const element = targetRef.current;
    if (!element) return;
    element.scrollIntoView({ block: 'center' });
    // Focus too, so keyboard and screen reader users start reading at the passage.
    element.focus({ preventScroll: true });
  }, [story.id, passageId]);

  return (
    <main class="fh-reader">
      <header class="fh-reader__header" lang="en">
        <p class="fh-reader__brand">Firsthand</p>
        <h1 class="fh-reader__title" lang={story.lang}>
          {story.title}
        </h1>
        <p class="fh-reader__byline">
          <span lang={story.lang}>{story.narrator}</span> · <span lang={story.lang}>{story.publisher}</span> ·{' '}
          <time dateTime={story.date}>{formatStoryDate(story.date)}</time>
        </p>
        {story.topics.length > 0 && (
          <p class="fh-reader__topics">
            <span class="fh-reader__meta-label">Topics:</span> {story.topics.map(topicLabel).join(', ')}
          </p>
        )}
        {note && <p class="fh-reader__note">{note}</p>}
        <p class="fh-reader__original">
          {/* noreferrer: the publisher must not learn that the reader came from the extension. */}
          <a href={originalUrl} rel="noreferrer">
            Read at {story.publisher}
          </a>
        </p>
        {story.urlNote && <p class="fh-reader__url-note">{story.urlNote}</p>}
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
            {target ? 'Copy citation of this excerpt' : 'Copy citation'}
          </button>{' '}
          <span role="status" class="fh-reader__status">
            {copied === 'yes'
              ? 'Citation copied.'
              : copied === 'failed'
                ? 'Could not copy: select the text instead.'
                : ''}
          </span>
        </p>
      </header>
      <article class="fh-reader__story" lang={story.lang}>
        {sections.map((section, index) =>
          section.passageId === undefined ? (
            <StoryBlockView key={`block-${index}`} block={section.blocks[0]} />
          ) : (
            <PassageView
              key={section.passageId}
              storyId={story.id}
              section={section}
              targetRef={section === target ? targetRef : undefined}
            />
          ),
        )}
      </article>
    </main>
  );
}

/** One passage's blocks, wrapped so every surface can find it by story and passage id. */
function PassageView({
  storyId,
  section,
  targetRef,
}: {
  storyId: string;
  section: StorySection;
  /** Set on the passage the reader came for. */
  targetRef?: Ref<HTMLElement>;
}) {
  const content = (
    <>
      {section.newVoice && <ProvenanceLabel kind={section.blocks[0]?.kind} />}
      {section.blocks.map((block, index) => (
        // A story's blocks never reorder, so their position is a stable key.
        <StoryBlockView key={index} block={block} />
      ))}
      {attributionsOf(section).map((attribution) => (
        <p key={attribution} class="fh-reader__attribution">
          — {attribution}
        </p>
      ))}
    </>
  );
  if (!targetRef) {
    return (
      <div class="fh-passage" data-story-id={storyId} data-passage-id={section.passageId}>
        {content}
      </div>
    );
  }
  return (
    <section
      ref={targetRef}
      class="fh-passage fh-passage--target"
      data-story-id={storyId}
      data-passage-id={section.passageId}
      aria-current="true"
      aria-label="The excerpt you opened"
      tabIndex={-1}
    >
      {content}
    </section>
  );
}

function StoryBlockView({ block }: { block: StoryBlock | undefined }) {
  if (!block) return null;
  switch (block.kind) {
    case 'heading':
      return <h2 class="fh-reader__heading">{block.text}</h2>;
    case 'caption':
      return (
        <p class="fh-reader__caption">
          <span class="fh-reader__caption-label" lang="en">
            Photo caption:
          </span>{' '}
          {block.text}
        </p>
      );
    case 'editor-note':
    case 'footnote':
      return (
        <aside class="fh-reader__aside" aria-label={block.kind === 'footnote' ? 'Footnote' : 'Editor’s note'}>
          <p>{block.text}</p>
          {block.attribution && <p class="fh-reader__attribution">— {block.attribution}</p>}
        </aside>
      );
    default:
      return <p>{block.text}</p>;
  }
}

function ProvenanceLabel({ kind }: { kind: string | undefined }) {
  const label = kind === undefined ? undefined : provenanceLabel(kind);
  if (!label) return null;
  return (
    <p class={`fh-provenance fh-provenance--${kind} fh-reader__provenance`} lang="en">
      {label}
    </p>
  );
}

/** The page's language and title follow the story, for screen readers and the tab strip. */
function useStoryDocument(story: StoryView): void {
  useEffect(() => {
    document.documentElement.lang = story.lang;
    document.title = `${story.title} — Firsthand`;
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

function topicLabel(topic: string): string {
  return topic.replaceAll('-', ' ');
}

export interface ReaderPageProps {
  /** From `reader.html?story=ID`; null when the address has none. */
  storyId: string | null;
  passageId?: string;
  getStory(storyId: string): Promise<StoryView | null>;
}

type StoryLoad =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'failed' }
  | { status: 'ready'; story: StoryView };

/** The reader page: loads the story named in the address, or says why it cannot. */
export function ReaderPage({ storyId, passageId, getStory }: ReaderPageProps) {
  const [load, setLoad] = useState<StoryLoad>(storyId ? { status: 'loading' } : { status: 'missing' });

  useEffect(() => {
    if (!storyId) return;
    let current = true;
    getStory(storyId).then(
      (story) => {
        if (current) setLoad(story ? { status: 'ready', story } : { status: 'missing' });
      },
      () => {
        if (current) setLoad({ status: 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, [storyId, getStory]);

  switch (load.status) {
    case 'ready':
      return <Reader story={load.story} passageId={passageId} />;
    case 'loading':
      return (
        <main class="fh-reader" aria-busy="true">
          <p class="fh-reader__status">Loading the story…</p>
        </main>
      );
    case 'missing':
      return (
        <ReaderMessage title="This story is not in your library">
          The link may come from another version of Firsthand. Use the Firsthand button in the toolbar to search the
          stories you have.
        </ReaderMessage>
      );
    case 'failed':
      return (
        <ReaderMessage title="This story could not be opened">
          Firsthand could not load it just now. Reload the page to try again.
        </ReaderMessage>
      );
  }
}

function ReaderMessage({ title, children }: { title: string; children: string }) {
  return (
    <main class="fh-reader">
      <p class="fh-reader__brand">Firsthand</p>
      <h1 class="fh-reader__title">{title}</h1>
      <p class="fh-reader__status">{children}</p>
    </main>
  );
}
