import { themeCss } from '../shared/theme.css';

export const popupCss = /* css */ `
${themeCss}

html.fh-theme {
  background: var(--fh-bg);
}

body {
  width: 380px;
  margin: 0;
}

.fh-popup {
  display: flex;
  flex-direction: column;
  gap: var(--fh-space-3);
  padding: var(--fh-space-3) var(--fh-space-4) var(--fh-space-4);
}

.fh-popup__header {
  display: flex;
  align-items: baseline;
  justify-content: space-between;
}

.fh-popup__title {
  margin: 0;
  font-family: var(--fh-font-serif);
  font-size: 20px;
  line-height: 1.2;
  color: var(--fh-text);
}

.fh-popup__search {
  display: flex;
  flex-direction: column;
  gap: var(--fh-space-1);
  margin: 0;
}

.fh-popup__label {
  font-size: var(--fh-text-sm);
  font-weight: 600;
}

.fh-popup__input {
  width: 100%;
  padding: 8px 10px;
  font: inherit;
  font-size: var(--fh-text-md);
  color: var(--fh-text);
  background: var(--fh-surface);
  border: 1px solid var(--fh-muted);
  border-radius: 6px;
}

.fh-popup__input::placeholder {
  color: var(--fh-muted);
  opacity: 1;
}

.fh-popup__section {
  display: flex;
  flex-direction: column;
  gap: var(--fh-space-2);
}

.fh-popup__section-title {
  margin: 0;
  font-size: var(--fh-text-xs);
  font-weight: 700;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--fh-muted);
}

.fh-popup__status,
.fh-popup__intro,
.fh-popup__hint {
  margin: 0;
  font-size: var(--fh-text-sm);
  color: var(--fh-muted);
}

.fh-popup__intro {
  display: flex;
  flex-direction: column;
  gap: var(--fh-space-2);
}

.fh-popup__intro p {
  margin: 0;
}

.fh-popup__status:empty {
  display: none;
}

.fh-popup__suggestions {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px;
  margin: 0;
  font-size: var(--fh-text-sm);
  color: var(--fh-muted);
}

.fh-popup__suggestion {
  padding: 2px 10px;
  font: inherit;
  color: var(--fh-accent);
  background: var(--fh-surface);
  border: 1px solid var(--fh-border);
  border-radius: 999px;
  cursor: pointer;
}

.fh-popup__suggestion:hover {
  border-color: var(--fh-accent);
}

.fh-popup__filters {
  display: grid;
  grid-template-columns: repeat(3, minmax(0, 1fr));
  gap: var(--fh-space-2);
  margin: 0;
  padding: 0;
  border: 0;
}

.fh-popup__filters-legend {
  /* The three labels say what each filter is; the legend names the group for screen readers. */
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}

.fh-popup__filter {
  display: flex;
  flex-direction: column;
  gap: 2px;
  min-width: 0;
  font-size: var(--fh-text-xs);
  font-weight: 600;
  color: var(--fh-muted);
}

.fh-popup__filter select {
  width: 100%;
  min-width: 0;
  padding: 4px 6px;
  font: inherit;
  font-weight: 400;
  font-size: var(--fh-text-sm);
  color: var(--fh-text);
  background: var(--fh-surface);
  border: 1px solid var(--fh-muted);
  border-radius: 6px;
  text-overflow: ellipsis;
}

.fh-popup__cards {
  display: flex;
  flex-direction: column;
  gap: var(--fh-space-3);
  margin: 0;
  padding: 0;
  list-style: none;
}
.fh-popup__notice {
  margin: 0 var(--fh-space-4) var(--fh-space-3);
  padding: var(--fh-space-2) var(--fh-space-3);
  font-size: var(--fh-text-sm);
  color: var(--fh-text);
  background: var(--fh-note-bg);
  border: 1px solid var(--fh-border);
  border-radius: var(--fh-radius);
}

.fh-popup__tools {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: var(--fh-space-2) var(--fh-space-3);
  margin: 0;
  padding-top: var(--fh-space-3);
  font-size: var(--fh-text-sm);
  border-top: 1px solid var(--fh-border);
}

.fh-popup__switch {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  margin-right: auto;
  color: var(--fh-text);
}

.fh-popup__switch input {
  width: 16px;
  height: 16px;
  margin: 0;
  accent-color: var(--fh-accent);
}

.fh-popup__undo {
  font-weight: 600;
}
`;
