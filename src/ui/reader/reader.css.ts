import { themeCss } from '../shared/theme.css';

/**
 * The reader is an extension page of its own, so unlike the in-page UI it sizes text in
 * rem: the story follows the reader's browser font size setting.
 */
export const readerCss = /* css */ `
${themeCss}

html.fh-theme {
  background: var(--fh-bg);
}

body {
  margin: 0;
}

/* The column: about 65 characters of the story's text a line, less on a narrow window. */
.fh-reader {
  max-width: 42rem;
  margin: 0 auto;
  padding: 2.5rem 1.25rem 5rem;
  font-size: 1rem;
}

.fh-reader__brand {
  margin: 0 0 1.5rem;
  font-family: var(--fh-font-serif);
  font-size: 1rem;
  font-weight: 700;
  color: var(--fh-accent);
}

.fh-reader__title {
  margin: 0 0 0.75rem;
  font-family: var(--fh-font-serif);
  font-size: clamp(1.6rem, 4vw, 2.2rem);
  line-height: 1.2;
  color: var(--fh-text);
  text-wrap: balance;
}

.fh-reader__header {
  display: flex;
  flex-direction: column;
  gap: 0.5rem;
  padding-bottom: 1.5rem;
  margin-bottom: 2rem;
  border-bottom: 1px solid var(--fh-border);
}

.fh-reader__header > p {
  margin: 0;
}

.fh-reader__byline,
.fh-reader__topics,
.fh-reader__url-note,
.fh-reader__status {
  font-size: 0.9rem;
  color: var(--fh-muted);
}

.fh-reader__meta-label {
  font-weight: 700;
}

.fh-reader__note {
  align-self: flex-start;
  padding: 0.35rem 0.6rem;
  font-size: 0.9rem;
  color: var(--fh-note-text);
  background: var(--fh-note-bg);
  border-radius: 4px;
}

.fh-reader__original a {
  font-weight: 600;
  color: var(--fh-accent);
  text-underline-offset: 0.2em;
}

.fh-reader__original a:hover {
  color: var(--fh-accent-hover);
}

.fh-reader__story {
  max-width: 65ch;
  font-family: var(--fh-font-serif);
  font-size: 1.25rem;
  line-height: 1.6;
  color: var(--fh-text);
  hyphens: auto;
}

.fh-reader__story p {
  /* A paragraph's own line breaks are the source's: keep them (data/README.md). */
  white-space: pre-line;
  margin: 0 0 1.1em;
}

.fh-reader__heading {
  margin: 2em 0 0.6em;
  font-family: var(--fh-font-sans);
  font-size: 1.35rem;
  line-height: 1.3;
}

.fh-reader__caption {
  font-family: var(--fh-font-sans);
  font-size: 0.85rem;
  font-style: italic;
  line-height: 1.5;
  color: var(--fh-muted);
  padding-left: 0.75rem;
  border-left: 2px solid var(--fh-border);
}

.fh-reader__caption-label {
  font-style: normal;
  font-weight: 600;
}

.fh-reader__aside {
  margin: 0 0 1.1em;
  padding: 0.75rem 1rem;
  font-family: var(--fh-font-sans);
  font-size: 0.9rem;
  line-height: 1.55;
  color: var(--fh-muted);
  background: var(--fh-surface);
  border: 1px solid var(--fh-border);
  border-radius: var(--fh-radius);
}

.fh-reader__aside p:last-child {
  margin-bottom: 0;
}

.fh-reader__provenance {
  margin: 1.5em 0 0.5em !important;
  font-family: var(--fh-font-sans);
}

.fh-reader__attribution {
  font-size: 0.95rem;
  font-style: italic;
  color: var(--fh-muted);
}

.fh-passage {
  scroll-margin: 4rem;
}

/* A box-shadow, not padding, widens the highlight so the text does not move. */
.fh-passage--target {
  background: var(--fh-mark);
  box-shadow: 0 0 0 0.6rem var(--fh-mark);
  border-radius: 2px;
  margin: 1.5rem 0;
}

.fh-passage--target > :last-child {
  margin-bottom: 0;
}

.fh-passage--target .fh-reader__attribution {
  color: var(--fh-text);
}

.fh-passage--target:focus {
  outline: none;
}
.fh-reader__actions {
  margin-top: 0.25rem !important;
}

.fh-reader__actions .fh-reader__status {
  color: var(--fh-accent);
}

/* The content note's gate: in place of the text, until the reader chooses to read it. */
.fh-reader__gate {
  display: flex;
  flex-direction: column;
  align-items: flex-start;
  gap: 0.75rem;
  padding: 1.25rem 1.5rem;
  background: var(--fh-note-bg);
  border: 1px solid var(--fh-border);
  border-inline-start: 4px solid var(--fh-mark-edge);
  border-radius: var(--fh-radius);
}

.fh-reader__gate > p {
  margin: 0;
}

.fh-reader__gate-note {
  font-size: 1.1rem;
  font-weight: 600;
  line-height: 1.45;
  color: var(--fh-text);
}

.fh-reader__gate-help {
  font-size: 0.95rem;
  color: var(--fh-muted);
}

/* The one way on, so it looks like a button to press, not a link. */
.fh-button.fh-reader__gate-button {
  margin-top: 0.25rem;
  padding: 0.6rem 1.25rem;
  font-size: 1rem;
  color: var(--fh-on-accent);
  background: var(--fh-accent);
  border-color: var(--fh-accent);
}

.fh-button.fh-reader__gate-button:hover {
  background: var(--fh-accent-hover);
  border-color: var(--fh-accent-hover);
}

.fh-reader__story:focus {
  outline: none;
}

/* Previous / next excerpt: stays at the bottom of the window while the story scrolls. */
.fh-reader__nav {
  position: sticky;
  bottom: 0;
  z-index: 1;
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 0.75rem;
  margin: 2rem -1.25rem 0;
  padding: 0.75rem 1.25rem;
  background: var(--fh-bg);
  border-top: 1px solid var(--fh-border);
}

.fh-reader__nav-position {
  margin: 0;
  font-size: 0.9rem;
  color: var(--fh-muted);
  text-align: center;
}

.fh-reader__nav-button {
  font-size: 0.9rem;
  white-space: nowrap;
}

/* On a phone-sized window the two buttons need the room; the highlight shows where one is. */
@media (max-width: 30rem) {
  .fh-reader__nav-position {
    display: none;
  }
}

.fh-button.fh-reader__nav-button:disabled {
  color: var(--fh-muted);
  background: transparent;
  border-color: var(--fh-border);
  cursor: default;
}

/* Excerpts of the other stories, below this one. */
.fh-reader__related {
  margin-top: 3rem;
}

.fh-reader__related-title {
  margin: 0 0 1rem;
  font-family: var(--fh-font-serif);
  font-size: 1.35rem;
  line-height: 1.3;
  color: var(--fh-text);
}

.fh-reader__related-list {
  display: flex;
  flex-direction: column;
  gap: 1rem;
  margin: 0;
  padding: 0;
  list-style: none;
}

/* On paper: the story and where it comes from, in black on white, without the controls. */
@media print {
  body {
    background: #fff;
    color: #000;
  }

  .fh-reader__brand,
  .fh-reader__actions,
  .fh-reader__nav,
  .fh-reader__related,
  .fh-reader__gate-button {
    display: none;
  }

  .fh-reader__original a::after {
    content: " (" attr(href) ")";
    word-break: break-all;
  }

  .fh-passage--target {
    outline: none;
    box-shadow: none;
    background: none;
    border-left: 3px solid #000;
  }

  .fh-reader__story p {
    orphans: 3;
    widows: 3;
  }
}
`;
