import { themeCss } from '../shared/theme.css';

/**
 * Everything the in-page UI needs, for its shadow root. The host resets with
 * `all: initial !important` — important declarations of the shadow tree win over the page's
 * own, even `* { ... !important }` — so nothing the page sets reaches it or is inherited
 * through it; the host is a zero-size fixed box (in the top layer where the Popover API
 * exists) and the wrapper sits in a corner of the viewport. All sizes are px: rem would
 * follow the page's root font size.
 */
export const inPageCss = /* css */ `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  background: transparent !important;
  z-index: 2147483647 !important;
}

/* Not drawn until it is in the top layer (mount-in-page-ui.tsx, raise). */
:host([data-firsthand-rising]) {
  display: none !important;
}

.fh-inpage {
  all: initial;
}

${themeCss}

.fh-inpage {
  position: fixed;
  right: 16px;
  bottom: 16px;
  z-index: 2147483646;
  display: flex;
  flex-direction: column;
  align-items: flex-end;
  gap: 8px;
  direction: ltr;
  text-align: left;
  font-family: var(--fh-font-sans);
  font-size: var(--fh-text-md);
  line-height: 1.4;
  color: var(--fh-text);
}

.fh-inpage--bottom-left {
  right: auto;
  left: 16px;
  align-items: flex-start;
}

.fh-inpage--top-right,
.fh-inpage--top-left {
  top: 16px;
  bottom: auto;
  flex-direction: column-reverse;
}

.fh-inpage--top-left {
  right: auto;
  left: 16px;
  align-items: flex-start;
}

.fh-pill {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  max-width: calc(100vw - 32px);
  margin: 0;
  padding: 7px 14px 7px 10px;
  font: inherit;
  font-size: var(--fh-text-sm);
  font-weight: 600;
  line-height: 1.2;
  color: var(--fh-on-accent);
  background: var(--fh-accent);
  border: 1px solid var(--fh-accent);
  border-radius: 999px;
  box-shadow: var(--fh-shadow);
  cursor: pointer;
  transition: background-color 120ms ease;
}

.fh-pill::before {
  content: "\\201C";
  content: "\\201C" / "";
  font-family: var(--fh-font-serif);
  font-size: 20px;
  line-height: 1;
  height: 12px;
}

.fh-pill:focus-visible {
  /* A light ring inside the outline keeps it visible on any page background. */
  box-shadow: 0 0 0 2px var(--fh-surface), var(--fh-shadow);
}

.fh-pill:hover {
  background: var(--fh-accent-hover);
}

.fh-panel {
  display: flex;
  flex-direction: column;
  width: 380px;
  max-width: calc(100vw - 32px);
  max-height: 70vh;
  margin: 0;
  background: var(--fh-bg);
  border: 1px solid var(--fh-border);
  border-radius: 12px;
  box-shadow: var(--fh-shadow);
  overflow: hidden;
  animation: fh-panel-in 140ms ease-out;
}

/* The dialog itself takes focus only so screen readers announce it; it is not a control. */
.fh-panel:focus {
  outline: none;
}

@keyframes fh-panel-in {
  from { opacity: 0; transform: translateY(6px); }
  to { opacity: 1; transform: none; }
}

.fh-panel__header {
  display: grid;
  grid-template-columns: 1fr auto;
  align-items: center;
  column-gap: var(--fh-space-2);
  padding: var(--fh-space-3) var(--fh-space-3) var(--fh-space-2) var(--fh-space-4);
  border-bottom: 1px solid var(--fh-border);
  background: var(--fh-surface);
}

.fh-panel__title {
  margin: 0;
  font-family: var(--fh-font-serif);
  font-size: var(--fh-text-lg);
  font-weight: 700;
  line-height: 1.2;
  color: var(--fh-text);
}

.fh-panel__subtitle {
  grid-column: 1;
  margin: 2px 0 0;
  font-size: var(--fh-text-xs);
  color: var(--fh-muted);
}

.fh-panel__close {
  grid-column: 2;
  grid-row: 1 / span 2;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 32px;
  height: 32px;
  margin: 0;
  padding: 0;
  font: inherit;
  font-size: 22px;
  line-height: 1;
  color: var(--fh-muted);
  background: transparent;
  border: 0;
  border-radius: 50%;
  cursor: pointer;
}

.fh-panel__close:hover {
  color: var(--fh-text);
  background: var(--fh-bg);
}

.fh-panel__cards {
  display: flex;
  flex-direction: column;
  gap: var(--fh-space-3);
  margin: 0;
  padding: var(--fh-space-3);
  list-style: none;
  overflow-y: auto;
  overscroll-behavior: contain;
}

.fh-panel__footer {
  display: flex;
  flex-direction: column;
  gap: var(--fh-space-2);
  margin: 0;
  padding: var(--fh-space-2) var(--fh-space-4) var(--fh-space-3);
  font-size: var(--fh-text-xs);
  color: var(--fh-muted);
  border-top: 1px solid var(--fh-border);
  background: var(--fh-surface);
}

/* A short viewport (a window zoomed to 200 %, a phone held sideways): the whole panel
   scrolls, so the cards are not squeezed between a fixed header and footer. */
@media (max-height: 560px) {
  .fh-panel {
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  .fh-panel__header {
    position: sticky;
    top: 0;
    z-index: 1;
  }

  .fh-panel__cards {
    flex: none;
    overflow: visible;
  }
}

.fh-panel__privacy {
  margin: 0;
}

.fh-panel__controls {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: var(--fh-space-1) var(--fh-space-3);
}

.fh-panel__corner {
  display: inline-flex;
  align-items: center;
  gap: var(--fh-space-1);
}

.fh-panel__corner select {
  margin: 0;
  padding: 2px 4px;
  font: inherit;
  color: var(--fh-text);
  background: var(--fh-bg);
  border: 1px solid var(--fh-border);
  border-radius: 4px;
}

.fh-termlayer {
  font-family: var(--fh-font-sans);
  font-size: var(--fh-text-md);
  line-height: 1.4;
  color: var(--fh-text);
}

.fh-termcard {
  position: fixed;
  z-index: 2147483647;
  display: flex;
  flex-direction: column;
  box-sizing: border-box;
  width: 340px;
  max-width: calc(100vw - 16px);
  margin: 0;
  background: var(--fh-bg);
  border: 1px solid var(--fh-border);
  border-radius: 10px;
  box-shadow: var(--fh-shadow);
  overflow-y: auto;
  overscroll-behavior: contain;
  animation: fh-panel-in 120ms ease-out;
}

.fh-termcard:focus {
  outline: none;
}

.fh-termcard__header {
  position: sticky;
  top: 0;
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: var(--fh-space-2);
  padding: var(--fh-space-2) var(--fh-space-2) var(--fh-space-2) var(--fh-space-3);
  background: var(--fh-surface);
  border-bottom: 1px solid var(--fh-border);
}

.fh-termcard__term {
  margin: 0;
  font-family: var(--fh-font-serif);
  font-size: var(--fh-text-md);
  font-weight: 700;
  color: var(--fh-text);
}

.fh-termcard__count {
  display: block;
  font-family: var(--fh-font-sans);
  font-size: var(--fh-text-xs);
  font-weight: 400;
  color: var(--fh-muted);
}

.fh-termcard__cards {
  display: flex;
  flex-direction: column;
  gap: var(--fh-space-2);
  margin: 0;
  padding: var(--fh-space-2);
  list-style: none;
}
`;
