/**
 * Design tokens and the excerpt card's styles, shared by every surface. Tokens live on the
 * `.fh-theme` class rather than `:root` so the same string works in extension pages and in
 * the in-page shadow root. Sizes are in px, not rem: inside a web page, rem follows the
 * page's root font size, which sites set to anything.
 *
 * Colors are chosen for WCAG AA (4.5:1 for text) against both the surface and the page
 * background, in both schemes. No web fonts: the extension makes no network requests.
 */
export const themeCss = /* css */ `
.fh-theme {
  color-scheme: light dark;
  --fh-font-sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", sans-serif;
  --fh-font-serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Noto Serif",
    "AppleMyungjo", "Nanum Myeongjo", "Noto Serif KR", serif;

  --fh-bg: #f7f5f0;
  --fh-surface: #ffffff;
  --fh-text: #1b1e22;
  --fh-muted: #545a61;
  --fh-border: #d8d4ca;
  --fh-accent: #0b5563;
  --fh-accent-hover: #08434e;
  --fh-on-accent: #ffffff;
  --fh-focus: #1d5fbf;
  --fh-mark: #fbe6a2;
  --fh-mark-edge: #c99a1e;
  --fh-note-text: #6b4a12;
  --fh-note-bg: #fbf3e1;
  --fh-prov-firsthand: #0b5563;
  --fh-prov-witness: #2c4a7a;
  --fh-prov-report: #6b4a12;
  --fh-prov-commentary: #545a61;
  --fh-shadow: 0 1px 2px rgb(27 30 34 / 0.08), 0 8px 24px rgb(27 30 34 / 0.12);

  --fh-radius: 8px;
  --fh-space-1: 4px;
  --fh-space-2: 8px;
  --fh-space-3: 12px;
  --fh-space-4: 16px;
  --fh-text-xs: 12px;
  --fh-text-sm: 13px;
  --fh-text-md: 15px;
  --fh-text-lg: 18px;
}

@media (prefers-color-scheme: dark) {
  .fh-theme {
    --fh-bg: #15181b;
    --fh-surface: #1d2125;
    --fh-text: #e9e6df;
    --fh-muted: #a8afb6;
    --fh-border: #3a4046;
    --fh-accent: #7cc8d1;
    --fh-accent-hover: #9dd7de;
    --fh-on-accent: #0c1e21;
    --fh-focus: #8ab4ff;
    --fh-mark: #4a3b0c;
    --fh-mark-edge: #c99a1e;
    --fh-note-text: #e9c98a;
    --fh-note-bg: #2a2417;
    --fh-prov-firsthand: #7cc8d1;
    --fh-prov-witness: #a9c1ec;
    --fh-prov-report: #e0c08a;
    --fh-prov-commentary: #a8afb6;
    --fh-shadow: 0 1px 2px rgb(0 0 0 / 0.4), 0 8px 24px rgb(0 0 0 / 0.5);
  }
}

.fh-theme {
  font-family: var(--fh-font-sans);
  font-size: var(--fh-text-md);
  line-height: 1.5;
  color: var(--fh-text);
  -webkit-text-size-adjust: 100%;
}

.fh-theme *,
.fh-theme *::before,
.fh-theme *::after {
  box-sizing: border-box;
}

.fh-theme :focus-visible {
  outline: 3px solid var(--fh-focus);
  outline-offset: 2px;
}

.fh-theme mark {
  background: var(--fh-mark);
  color: inherit;
  /* An edge as well as a tint, so marks stand out from the card in both themes. */
  box-shadow: inset 0 -2px 0 var(--fh-mark-edge);
  border-radius: 2px;
  padding: 0 1px;
}

.fh-visually-hidden {
  position: absolute !important;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}

.fh-button {
  font: inherit;
  font-size: var(--fh-text-sm);
  font-weight: 600;
  line-height: 1.2;
  color: var(--fh-accent);
  background: transparent;
  border: 1px solid currentColor;
  border-radius: 999px;
  padding: 6px 12px;
  cursor: pointer;
  transition: background-color 120ms ease, color 120ms ease;
}

.fh-button:hover {
  background: var(--fh-accent);
  color: var(--fh-on-accent);
  border-color: var(--fh-accent);
}

/* A quiet action set like a link: undo, hide, turn off. */
.fh-link-button {
  margin: 0;
  padding: 4px 0;
  font: inherit;
  color: var(--fh-accent);
  background: none;
  border: 0;
  text-decoration: underline;
  text-underline-offset: 2px;
  cursor: pointer;
}

.fh-link-button:hover {
  color: var(--fh-accent-hover);
}

/* The excerpt card */
.fh-card {
  display: flex;
  flex-direction: column;
  gap: var(--fh-space-2);
  margin: 0;
  padding: var(--fh-space-4);
  background: var(--fh-surface);
  border: 1px solid var(--fh-border);
  border-radius: var(--fh-radius);
  text-align: start;
}

.fh-card > * {
  margin: 0;
}

.fh-provenance {
  display: flex;
  align-items: center;
  gap: var(--fh-space-2);
  font-size: var(--fh-text-xs);
  font-weight: 700;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--fh-prov-firsthand);
}

.fh-provenance::before {
  content: "";
  width: 8px;
  height: 8px;
  border-radius: 50%;
  background: currentColor;
  flex: none;
}

.fh-provenance--witness { color: var(--fh-prov-witness); }
.fh-provenance--report { color: var(--fh-prov-report); }
.fh-provenance--commentary { color: var(--fh-prov-commentary); }

.fh-card__note {
  font-size: var(--fh-text-xs);
  color: var(--fh-note-text);
  background: var(--fh-note-bg);
  border-radius: 4px;
  padding: var(--fh-space-1) var(--fh-space-2);
}

.fh-card__text {
  font-family: var(--fh-font-serif);
  font-size: var(--fh-text-md);
  line-height: 1.55;
  margin: 0;
  padding: 0 0 0 var(--fh-space-3);
  border-inline-start: 3px solid var(--fh-border);
}

.fh-card__text p {
  /* A paragraph's own line breaks are the source's: keep them (data/README.md). */
  white-space: pre-line;
  margin: 0 0 var(--fh-space-2);
}

.fh-card__text p:last-child {
  margin-bottom: 0;
}

/* Compact cards clamp long excerpts; the whole text is one click away in the reader. */
.fh-card--compact .fh-card__text {
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 6;
  line-clamp: 6;
  overflow: hidden;
}

.fh-card__attribution {
  font-size: var(--fh-text-sm);
  font-style: italic;
  color: var(--fh-muted);
}

.fh-card__title {
  font-family: var(--fh-font-sans);
  font-size: var(--fh-text-sm);
  font-weight: 700;
  line-height: 1.35;
  color: var(--fh-text);
  margin-top: var(--fh-space-1);
}

.fh-card__byline,
.fh-card__why {
  font-size: var(--fh-text-xs);
  color: var(--fh-muted);
}

.fh-card__why-label {
  font-weight: 700;
}

.fh-card__open {
  align-self: flex-start;
  margin-top: var(--fh-space-1);
}

/* Korean (the UI in Korean, or a Korean testimony): lines break between words, not inside
   them as the browser otherwise does with Hangul, and the label tracking meant for small
   capitals would only spread the syllables apart. */
.fh-theme:lang(ko),
.fh-theme :lang(ko) {
  word-break: keep-all;
  overflow-wrap: break-word;
}

.fh-provenance:lang(ko) {
  letter-spacing: normal;
}

@media (prefers-reduced-motion: reduce) {
  .fh-theme *,
  .fh-theme *::before,
  .fh-theme *::after {
    animation: none !important;
    transition: none !important;
    scroll-behavior: auto !important;
  }
}
`;
