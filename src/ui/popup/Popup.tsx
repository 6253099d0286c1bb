import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExcerptCard as ExcerptCardData, PageMatches } from '@/src/messaging/protocol';
import { moveBetween } from '../shared/arrow-keys';
import { ExcerptCard } from '../shared/ExcerptCard';
import { useUniqueId } from '../shared/unique-id';

export interface PopupProps {
  search(query: string): Promise<ExcerptCardData[]>;
  /** What was found on the tab the popup is for; null when nothing is known about it. */
  tabMatches: PageMatches | null;
  onOpen(card: ExcerptCardData): void;
  /** The site of the popup's tab when Firsthand is switched off there, else null. */
  offSite?: string | null;
  /** Undo "Turn off on this site". */
  onSiteOn?(): void;
  /** The site of the popup's tab (a web page), for "Turn off on this site"; null for others. */
  site?: string | null;
  onSiteOff?(): void;
  /** Undo "Hide on this page". */
  onShowOnPage?(): void;
  /** Words to search at once (the popup opened as a search page). */
  initialQuery?: string;
}

/** Long enough to skip a request per keystroke, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 80;

/** The toolbar popup: search as you type, with what the current page matched first. */
export function Popup({
  search,
  tabMatches,
  onOpen,
  offSite = null,
  onSiteOn,
  onShowOnPage,
  site = null,
  onSiteOff,
  initialQuery = '',
}: PopupProps) {
  const [query, setQuery] = useState(initialQuery);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useUniqueId();
  const results = useSearchResults(search, query);
  const pageCards = tabMatches?.cards ?? [];
  const trimmed = query.trim();

  // The popup opens for searching, so the box takes focus at once (the `autofocus`
  // attribute is unreliable for an element inserted after the page has loaded).
  useEffect(() => inputRef.current?.focus(), []);

  /**
   * Keyboard first: `/` goes to the search box; ↓ from it goes to the first card, ↑/↓ (and
   * Home/End) move between the cards' buttons, ↑ from the first goes back to the box, and
   * Enter opens a card (its button).
   */
  const onKeyDown = (event: KeyboardEvent) => {
    const input = inputRef.current;
    const inInput = event.target === input;
    if (event.key === '/' && !inInput) {
      event.preventDefault();
      input?.focus();
      return;
    }
    if (inInput && event.key !== 'ArrowDown') return;
    const main = event.currentTarget as HTMLElement;
    const buttons = [...main.querySelectorAll<HTMLButtonElement>('.fh-card__open')];
    const active = main.ownerDocument.activeElement;
    if (
      event.key === 'ArrowUp' &&
      buttons[0] &&
      (buttons[0] === active || buttons[0].closest('li')?.contains(active))
    ) {
      event.preventDefault();
      input?.focus();
      return;
    }
    if (moveBetween(event.key, buttons, inInput ? null : active)) event.preventDefault();
  };

  return (
    <main class="fh-popup" onKeyDown={onKeyDown}>
      <header class="fh-popup__header">
        <h1 class="fh-popup__title">Firsthand</h1>
      </header>
      <search class="fh-popup__search">
        <label for={inputId} class="fh-popup__label">
          Search testimonies
        </label>
        <input
          ref={inputRef}
          id={inputId}
          class="fh-popup__input"
          type="search"
          autoComplete="off"
          spellcheck={false}
          placeholder="Search testimonies — e.g. famine, Hamgyong, 탈북자"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </search>
      {offSite && (
        <p class="fh-popup__notice">
          Firsthand is off on {offSite}.{' '}
          {onSiteOn && (
            <button type="button" class="fh-link-button fh-popup__undo" onClick={onSiteOn}>
              Turn on for {offSite}
            </button>
          )}
        </p>
      )}
      {tabMatches?.hidden && pageCards.length > 0 && (
        <p class="fh-popup__notice">
          Hidden on this page.{' '}
          {onShowOnPage && (
            <button type="button" class="fh-link-button fh-popup__undo" onClick={onShowOnPage}>
              Show on the page again
            </button>
          )}
        </p>
      )}
      {pageCards.length > 0 && (
        <CardSection title="On this page" cards={pageCards} onOpen={onOpen} className="fh-popup__on-page" />
      )}
      {trimmed ? (
        <SearchResults query={trimmed} results={results} onOpen={onOpen} />
      ) : (
        <p class="fh-popup__intro">
          Firsthand accounts from people who lived in North Korea, beside the news you read. Search by subject, place or
          name, in English or Korean.
        </p>
      )}
      {site && !offSite && onSiteOff && (
        <p class="fh-popup__tools">
          <button type="button" class="fh-link-button fh-popup__undo" onClick={onSiteOff}>
            Turn off on {site}
          </button>
        </p>
      )}
    </main>
  );
}

type SearchResultsState =
  | { status: 'idle' }
  | { status: 'done'; query: string; cards: ExcerptCardData[] }
  | { status: 'failed'; query: string };

/**
 * Debounced search that only ever shows the answer to the latest query: an answer that
 * arrives after the query changed is dropped, so a slow "fam" never overwrites "famine".
 */
function useSearchResults(search: PopupProps['search'], query: string): SearchResultsState {
  const [state, setState] = useState<SearchResultsState>({ status: 'idle' });
  // Kept in a ref so a new `search` function from a re-render does not restart the search.
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    const trimmed = query.trim();
    if (!trimmed) {
      setState({ status: 'idle' });
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      searchRef.current(trimmed).then(
        (cards) => {
          if (!stale) setState({ status: 'done', query: trimmed, cards });
        },
        () => {
          if (!stale) setState({ status: 'failed', query: trimmed });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  return state;
}

function SearchResults({
  query,
  results,
  onOpen,
}: {
  query: string;
  results: SearchResultsState;
  onOpen: PopupProps['onOpen'];
}) {
  const headingId = useUniqueId();
  const current = results.status !== 'idle' && results.query === query;
  return (
    <section class="fh-popup__section" aria-labelledby={headingId} aria-busy={!current}>
      <h2 id={headingId} class="fh-popup__section-title">
        Search results
      </h2>
      <p role="status" class="fh-popup__status">
        {results.status === 'failed' && current && 'Search is not available right now. Please try again.'}
        {results.status === 'done' && current && results.cards.length === 0 && `No testimonies match “${query}”.`}
      </p>
      {results.status === 'done' && results.cards.length > 0 && <CardList cards={results.cards} onOpen={onOpen} />}
    </section>
  );
}

function CardSection({
  title,
  cards,
  onOpen,
  className,
}: {
  title: string;
  cards: ExcerptCardData[];
  onOpen: PopupProps['onOpen'];
  className: string;
}) {
  const headingId = useUniqueId();
  return (
    <section class={`fh-popup__section ${className}`} aria-labelledby={headingId}>
      <h2 id={headingId} class="fh-popup__section-title">
        {title}
      </h2>
      <CardList cards={cards} onOpen={onOpen} />
    </section>
  );
}

function CardList({ cards, onOpen }: { cards: ExcerptCardData[]; onOpen: PopupProps['onOpen'] }) {
  return (
    <ul class="fh-popup__cards">
      {cards.map((card) => (
        <li key={card.passageId}>
          <ExcerptCard card={card} onOpen={onOpen} headingLevel={3} />
        </li>
      ))}
    </ul>
  );
}
