import { i18n, uiLanguage } from '@/src/i18n';
import type { ExcerptCard as ExcerptCardData } from '@/src/messaging/protocol';
import { ContentNoteText, WordList } from './data-labels';
import { markSegments, segmentParagraphs, type TextSegment } from './marks';
import { formatStoryDate, lexiconTermWord, provenanceLabel } from './story-labels';
import { useUniqueId } from './unique-id';

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

export interface ExcerptCardProps {
  card: ExcerptCardData;
  /** The event too, for a surface that must tell the reader's click from a script's. */
  onOpen(card: ExcerptCardData, event: MouseEvent): void;
  /** The level of the story title's heading, to fit the surrounding outline. Default 3. */
  headingLevel?: HeadingLevel;
  /** Clamp long excerpts to a few lines. Default true; the reader shows the full text. */
  compact?: boolean;
  /**
   * The story's address in the extension's reader. With it, "Read the full story" is a
   * link: middle-click, ctrl-click and "Copy link" work as on any link, and a plain click
   * still calls `onOpen`. Without it (a web page, which cannot open extension pages), a button.
   */
  href?: string;
}

/** A click the page handles itself; any other (a modifier held, another button) is the browser's. */
function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}

/** The result card every surface shows: who speaks, the excerpt, its story and a way in. */
export function ExcerptCard({ card, onOpen, headingLevel = 3, compact = true, href }: ExcerptCardProps) {
  const titleId = useUniqueId();
  const openingId = useUniqueId();
  // "Read the full story" is said with its story's title and the excerpt's first words:
  // cards of one story would otherwise all say the same (a links list, a screen reader).
  const describedBy = `${titleId} ${openingId}`;
  const Heading = `h${headingLevel}` as const;
  // The card is in the story's language, its labels in the UI's; saying so keeps a screen
  // reader from reading "Eyewitness" with a Korean voice, or 목격자 증언 with an English one.
  // Said even where the two agree: a lang attribute Preact takes away is left as lang="",
  // "unknown language", when a card is re-rendered with another story.
  const uiLang = uiLanguage();
  const className = compact ? 'fh-card fh-card--compact' : 'fh-card';

  return (
    <article
      class={className}
      data-story-id={card.storyId}
      data-passage-id={card.passageId}
      lang={card.lang}
      aria-labelledby={titleId}
    >
      <p class={`fh-provenance fh-provenance--${card.provenance}`} lang={uiLang}>
        {provenanceLabel(card.provenance) ?? card.provenance}
      </p>
      {card.contentNotes.length > 0 && (
        <p class="fh-card__note" lang={uiLang}>
          <ContentNoteText notes={card.contentNotes} lang={card.lang} />
        </p>
      )}
      <span id={openingId} hidden>
        {openingWords(card.text)}
      </span>
      <blockquote class="fh-card__text">
        {segmentParagraphs(markSegments(card.text, card.marks)).map((paragraph, index) => (
          // Paragraphs of a fixed excerpt never reorder, so their position is a stable key.
          <p key={index}>
            <MarkedText segments={paragraph} />
          </p>
        ))}
      </blockquote>
      {card.attribution && <p class="fh-card__attribution">— {card.attribution}</p>}
      <Heading id={titleId} class="fh-card__title">
        {card.storyTitle}
      </Heading>
      <p class="fh-card__byline">
        {card.narrator} · {card.publisher} ·{' '}
        <time dateTime={card.date} lang={uiLang}>
          {formatStoryDate(card.date)}
        </time>
      </p>
      {card.why.length > 0 && (
        <p class="fh-card__why" lang={uiLang}>
          <span class="fh-card__why-label">{i18n.t('card.why')}</span>{' '}
          <WordList words={(card.whyShown ?? card.why).map(lexiconTermWord)} />
        </p>
      )}
      {href === undefined ? (
        <button
          type="button"
          class="fh-button fh-card__open"
          lang={uiLang}
          aria-describedby={describedBy}
          onClick={(event) => onOpen(card, event)}
        >
          {i18n.t('card.open')}
        </button>
      ) : (
        <a
          href={href}
          class="fh-button fh-card__open"
          lang={uiLang}
          aria-describedby={describedBy}
          onClick={(event) => {
            if (!isPlainClick(event)) return;
            event.preventDefault();
            onOpen(card, event);
          }}
        >
          {i18n.t('card.open')}
        </a>
      )}
    </article>
  );
}

/** How many of an excerpt's words tell its card from another of the same story. */
const OPENING_WORDS = 8;

/** The excerpt's first words, quoted as written: "“To save us from the same fate, my mother…”". */
export function openingWords(text: string, count = OPENING_WORDS): string {
  const words = text.trim().split(/\s+/);
  const opening = words.slice(0, count).join(' ');
  return `“${opening}${words.length > count ? '…' : ''}”`;
}

function MarkedText({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>{segments.map((segment, index) => (segment.marked ? <mark key={index}>{segment.text}</mark> : segment.text))}</>
  );
}
