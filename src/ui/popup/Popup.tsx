import { useEffect, useRef, useState } from 'preact/hooks';
import type { Provenance } from '@/src/corpus/types';
import { i18n, sameLanguage, uiLanguage } from '@/src/i18n';
import type { ExcerptCard as ExcerptCardData, SearchFacets, SearchFilters } from '@/src/messaging/protocol';
import { moveBetween } from '../shared/arrow-keys';
import { ExcerptCard } from '../shared/ExcerptCard';
import { provenanceLabel, topicLabel } from '../shared/story-labels';
import { useUniqueId } from '../shared/unique-id';
import type { PopupState } from './popup-state';

export interface PopupProps {
  /** The popup's store (popup-state.ts): what it shows, and what its controls do. */
  state: PopupState;
}

/**
 * Words to try, shown when the box is empty or a search finds nothing: chosen per language
 * (locales/*.yml, `popup.suggestions`, comma-separated). Each must find testimonies in the
 * bundled stories (suggested-searches.test.ts checks every language's against the real index).
 */
export function suggestedSearches(): string[] {
  const list = i18n.t('popup.suggestions');
  return list
    .split(',')
    .map((words) => words.trim())
    .filter(Boolean);
}

/** Long enough to skip a request per keystroke, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 80;

/** The toolbar popup: search as you type, with what the current page matched first. */
export function Popup({ state }: PopupProps) {
  const { initialQuery, search } = state;
  const tabMatches = state.tabMatches.value;
  const facets = state.facets.value;
  const offSite = state.offSite.value;
  const site = state.site.value;
  const unlistedSite = state.unlistedSite.value;
  const [query, setQuery] = useState(initialQuery);
  const [filters, setFilters] = useState<SearchFilters>({});
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useUniqueId();
  const results = useSearchResults(search, query, filters);
  const pageCards = tabMatches?.cards ?? [];
  const trimmed = query.trim();
  const filtering = isFiltering(filters);
  const searching = trimmed !== '' || filtering;
  // First, always; folded to its title while the reader searches, so that what they type
  // answers right under the box, not a screen below this page's cards. One click (or Enter
  // on its title) shows them again.
  const onThisPage = pageCards.length > 0 && (
    <CardSection
      title={i18n.t('popup.on_this_page')}
      cards={pageCards}
      state={state}
      className="fh-popup__on-page"
      folded={searching}
    />
  );
  const searchFor = (words: string) => {
    setQuery(words);
    inputRef.current?.focus();
  };
  // What the reader's last switch did, said to screen readers: the notices it brings are
  // not a live region, or they would be read out whenever the popup opens on such a site.
  const [switched, setSwitched] = useState('');
  // A quick switch or undo button goes away once used: focus goes back to the search box
  // rather than being lost with it.
  const thenToSearch = (action: () => unknown, said: string) => () => {
    void action();
    setSwitched(said);
    inputRef.current?.focus();
  };

  // The popup opens for searching, so the box takes focus at once (the `autofocus`
  // attribute is unreliable for an element inserted after the page has loaded).
  useEffect(() => inputRef.current?.focus(), []);

  /**
   * Keyboard first: `/` goes to the search box; ↓ from it goes to the first card (the first
   * of what the reader searched for, once there is a search), ↑/↓ (and Home/End) move
   * between the cards' "Read the full story" links, ↑ from the first (or the first result)
   * goes back to the box, and Enter opens a card (its link).
   */
  const onKeyDown = (event: KeyboardEvent) => {
    const input = inputRef.current;
    const inInput = event.target === input;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as Element | null;
    // Typing "/" in a field other than the search box types it.
    const inField = target instanceof HTMLElement && target.matches('input:not([type=checkbox]), select, textarea');
    if (event.key === '/' && !inField) {
      event.preventDefault();
      input?.focus();
      return;
    }
    // The arrows are the cards' (and ↓ the search box's way to them); a filter's menu keeps its own.
    if (inInput ? event.key !== 'ArrowDown' : !target?.closest('.fh-popup__cards')) return;
    const main = event.currentTarget as HTMLElement;
    const links = [...main.querySelectorAll<HTMLElement>('.fh-card__open')];
    const active = main.ownerDocument.activeElement;
    // What the reader typed for comes first: "On this page" is above it, a Tab from the box away.
    const firstResult = main.querySelector<HTMLElement>('.fh-popup__results .fh-card__open');
    if (inInput && firstResult) {
      event.preventDefault();
      firstResult.focus();
      return;
    }
    const firsts = [links[0], firstResult];
    if (
      event.key === 'ArrowUp' &&
      firsts.some((first) => first && (first === active || first.closest('li')?.contains(active)))
    ) {
      event.preventDefault();
      input?.focus();
      return;
    }
    if (moveBetween(event.key, links, inInput ? null : active)) event.preventDefault();
  };

  return (
    <main class="fh-popup" onKeyDown={onKeyDown}>
      <header class="fh-popup__header">
        <h1 class="fh-popup__title">{i18n.t('ext.name')}</h1>
      </header>
      <p class="fh-visually-hidden" role="status">
        {switched}
      </p>
      <search class="fh-popup__search">
        <label for={inputId} class="fh-popup__label">
          {i18n.t('popup.search_label')}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          class="fh-popup__input"
          type="search"
          autoComplete="off"
          spellcheck={false}
          placeholder={i18n.t('popup.search_placeholder')}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </search>
      {offSite && (
        <p class="fh-popup__notice">
          {i18n.t('popup.site_is_off', [offSite])}{' '}
          <button
            type="button"
            class="fh-link-button fh-popup__undo"
            onClick={thenToSearch(state.siteOn, i18n.t('options.site_on_again', [offSite]))}
          >
            {i18n.t('popup.site_on', [offSite])}
          </button>
        </p>
      )}
      {unlistedSite && !offSite && (
        <p class="fh-popup__notice">
          {i18n.t('popup.not_listed', [unlistedSite])}{' '}
          {/* A host the options page would refuse (localhost, an address) is not offered. */}
          {state.canAddSite.value && (
            <button
              type="button"
              class="fh-link-button fh-popup__undo"
              onClick={thenToSearch(state.addSite, i18n.t('options.site_added', [unlistedSite]))}
            >
              {i18n.t('popup.add_site', [unlistedSite])}
            </button>
          )}
        </p>
      )}
      {tabMatches?.hidden && pageCards.length > 0 && (
        <p class="fh-popup__notice">
          {i18n.t('popup.hidden_notice')}{' '}
          <button
            type="button"
            class="fh-link-button fh-popup__undo"
            onClick={thenToSearch(state.showOnPage, i18n.t('popup.shown_again'))}
          >
            {i18n.t('popup.show_again')}
          </button>
        </p>
      )}
      {onThisPage}
      {facets && <Filters facets={facets} filters={filters} onChange={setFilters} />}
      {searching ? (
        <SearchResults
          query={trimmed}
          filtering={filtering}
          results={results}
          state={state}
          onClearFilters={() => {
            setFilters({});
            inputRef.current?.focus();
          }}
          onSuggest={searchFor}
        />
      ) : (
        <div class="fh-popup__intro">
          <p>{i18n.t('popup.intro')}</p>
          <Suggestions label={i18n.t('popup.try')} onSuggest={searchFor} />
        </div>
      )}
      <footer class="fh-popup__tools">
        <label class="fh-popup__switch">
          <input
            type="checkbox"
            // biome-ignore lint/a11y/useAriaPropsForRole: a checkbox's own checked state is its aria-checked (HTML-ARIA); a copy could disagree with it until storage confirms the change.
            role="switch"
            checked={state.privateMode.value}
            onChange={(event) => state.setPrivateMode(event.currentTarget.checked)}
          />{' '}
          {i18n.t('popup.private_switch')}
        </label>
        {site && !offSite && (
          <button
            type="button"
            class="fh-link-button fh-popup__site-off"
            onClick={thenToSearch(state.siteOff, i18n.t('popup.site_is_off', [site]))}
          >
            {i18n.t('popup.site_off', [site])}
          </button>
        )}
        <button type="button" class="fh-link-button fh-popup__settings" onClick={state.openSettings}>
          {i18n.t('popup.settings')}
        </button>
      </footer>
    </main>
  );
}

type SearchResultsState =
  | { status: 'idle' }
  | { status: 'done'; key: string; cards: ExcerptCardData[] }
  | { status: 'failed'; key: string };

function isFiltering(filters: SearchFilters): boolean {
  return filters.topic !== undefined || filters.provenance !== undefined || filters.storyId !== undefined;
}

/** One string per search, so an answer can be matched to the search that asked for it. */
function searchKey(query: string, filters: SearchFilters): string {
  return JSON.stringify([query, filters.topic, filters.provenance, filters.storyId]);
}

/**
 * Debounced search that only ever shows the answer to the latest query: an answer that
 * arrives after the query changed is dropped, so a slow "fam" never overwrites "famine".
 */
function useSearchResults(
  search: PopupState['search'],
  query: string,
  filters: SearchFilters,
): SearchResultsState & { current: boolean } {
  const [state, setState] = useState<SearchResultsState>({ status: 'idle' });
  // Kept in a ref so a new `search` function from a re-render does not restart the search.
  const searchRef = useRef(search);
  searchRef.current = search;
  const trimmed = query.trim();
  const key = searchKey(trimmed, filters);

  useEffect(() => {
    if (!trimmed && !isFiltering(filters)) {
      setState({ status: 'idle' });
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      searchRef.current(trimmed, filters).then(
        (cards) => {
          if (!stale) setState({ status: 'done', key, cards });
        },
        () => {
          if (!stale) setState({ status: 'failed', key });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [key]);

  return { ...state, current: state.status !== 'idle' && state.key === key };
}

function SearchResults({
  query,
  filtering,
  results,
  state,
  onClearFilters,
  onSuggest,
}: {
  query: string;
  filtering: boolean;
  results: ReturnType<typeof useSearchResults>;
  state: CardActions;
  onClearFilters(): void;
  onSuggest(words: string): void;
}) {
  const headingId = useUniqueId();
  const { current } = results;
  const nothing = results.status === 'done' && current && results.cards.length === 0;
  return (
    <section class="fh-popup__section fh-popup__results" aria-labelledby={headingId} aria-busy={!current}>
      <h2 id={headingId} class="fh-popup__section-title">
        {query ? i18n.t('popup.results_heading') : i18n.t('popup.filtered_heading')}
      </h2>
      <p role="status" class="fh-popup__status">
        {results.status === 'failed' && current && i18n.t('popup.search_failed')}
        {results.status === 'done' && current && results.cards.length > 0 && (
          <span class="fh-visually-hidden">{i18n.t('popup.results_found', results.cards.length)}</span>
        )}
        {nothing &&
          (query
            ? filtering
              ? i18n.t('popup.no_match_filtered', [query])
              : i18n.t('popup.no_match', [query])
            : i18n.t('popup.no_filtered'))}
      </p>
      {nothing && filtering && (
        <p class="fh-popup__hint">
          <button type="button" class="fh-link-button" onClick={onClearFilters}>
            {i18n.t('popup.clear_filters')}
          </button>
        </p>
      )}
      {nothing && !filtering && <Suggestions label={i18n.t('popup.try_broader')} onSuggest={onSuggest} />}
      {results.status === 'done' && results.cards.length > 0 && <CardList cards={results.cards} state={state} />}
    </section>
  );
}

/** Searches that find testimonies, one click each. */
function Suggestions({ label, onSuggest }: { label: string; onSuggest(words: string): void }) {
  return (
    <p class="fh-popup__suggestions">
      <span class="fh-popup__suggestions-label">{label}</span>{' '}
      {suggestedSearches().map((words) => (
        <button
          key={words}
          type="button"
          class="fh-popup__suggestion"
          lang={languageOfSuggestion(words)}
          onClick={() => onSuggest(words)}
        >
          {words}
        </button>
      ))}
    </p>
  );
}

/** A suggestion in Hangul is Korean whatever the UI's language (a screen reader's voice). */
function languageOfSuggestion(words: string): string | undefined {
  if (/[\uAC00-\uD7A3]/.test(words)) return 'ko';
  return sameLanguage(uiLanguage(), 'ko') ? 'en' : undefined;
}

/** Narrow the results (or browse) by topic, voice and story. */
function Filters({
  facets,
  filters,
  onChange,
}: {
  facets: SearchFacets;
  filters: SearchFilters;
  onChange(filters: SearchFilters): void;
}) {
  const topicId = useUniqueId();
  const voiceId = useUniqueId();
  const storyId = useUniqueId();
  const set = (name: keyof SearchFilters, value: string) => {
    const next: SearchFilters = { ...filters };
    if (value === '') delete next[name];
    else if (name === 'provenance') next.provenance = value as Provenance;
    else next[name] = value;
    onChange(next);
  };
  return (
    <fieldset class="fh-popup__filters">
      <legend class="fh-popup__filters-legend">{i18n.t('popup.filter_legend')}</legend>
      <div class="fh-popup__filter">
        <label for={topicId}>{i18n.t('popup.filter_topic')}</label>
        <select id={topicId} value={filters.topic ?? ''} onChange={(e) => set('topic', e.currentTarget.value)}>
          <option value="">{i18n.t('popup.all_topics')}</option>
          {facets.topics.map((topic) => (
            <option key={topic} value={topic}>
              {topicLabel(topic)}
            </option>
          ))}
        </select>
      </div>
      <div class="fh-popup__filter">
        <label for={voiceId}>{i18n.t('popup.filter_voice')}</label>
        <select
          id={voiceId}
          value={filters.provenance ?? ''}
          onChange={(e) => set('provenance', e.currentTarget.value)}
        >
          <option value="">{i18n.t('popup.all_voices')}</option>
          {facets.provenances.map((kind) => (
            <option key={kind} value={kind}>
              {provenanceLabel(kind) ?? kind}
            </option>
          ))}
        </select>
      </div>
      <div class="fh-popup__filter">
        <label for={storyId}>{i18n.t('popup.filter_story')}</label>
        <select id={storyId} value={filters.storyId ?? ''} onChange={(e) => set('storyId', e.currentTarget.value)}>
          <option value="">{i18n.t('popup.all_stories')}</option>
          {facets.stories.map((story) => (
            <option key={story.id} value={story.id}>
              {story.title}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

/** What a card needs from the store: its link, and opening it. */
type CardActions = Pick<PopupState, 'readerUrl' | 'open'>;

function CardSection({
  title,
  cards,
  state,
  className,
  folded,
}: {
  title: string;
  cards: ExcerptCardData[];
  state: CardActions;
  className: string;
  /** Folded to its title and count, which open it (a disclosure); undefined: never folded. */
  folded?: boolean;
}) {
  const headingId = useUniqueId();
  const heading = (
    <h2 id={headingId} class="fh-popup__section-title">
      {title}
    </h2>
  );
  return (
    <section class={`fh-popup__section ${className}`} aria-labelledby={headingId}>
      {folded === undefined ? (
        <>
          {heading}
          <CardList cards={cards} state={state} />
        </>
      ) : (
        <details class="fh-popup__fold" open={!folded}>
          <summary class="fh-popup__fold-summary">
            {heading}
            <span class="fh-popup__fold-count">{i18n.t('popup.on_this_page_count', cards.length)}</span>
          </summary>
          <CardList cards={cards} state={state} />
        </details>
      )}
    </section>
  );
}

function CardList({ cards, state }: { cards: ExcerptCardData[]; state: CardActions }) {
  return (
    <ul class="fh-popup__cards">
      {cards.map((card) => (
        <li key={card.passageId}>
          <ExcerptCard card={card} href={state.readerUrl(card)} onOpen={state.open} headingLevel={3} />
        </li>
      ))}
    </ul>
  );
}
