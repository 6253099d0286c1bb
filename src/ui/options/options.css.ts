import { themeCss } from '@/src/ui/shared/theme.css';

export const optionsCss = `${themeCss}
.fh-theme { --fh-error: #a4262c; }
@media (prefers-color-scheme: dark) { .fh-theme { --fh-error: #ffa4a4; } }
body { margin: 0; background: var(--fh-bg); color: var(--fh-text); }
.fh-options { max-width: 44rem; margin: 0 auto; padding: 32px 20px 48px; font: 16px/1.55 var(--fh-font-sans); }
.fh-options h1 { font: 600 26px/1.2 var(--fh-font-serif); margin: 0 0 8px; }
.fh-options h2 { font-size: 18px; line-height: 1.3; margin: 0 0 14px; }
.fh-options h3 { font-size: 16px; line-height: 1.3; margin: 20px 0 4px; }
.fh-options section { margin-top: 28px; padding-top: 24px; border-top: 1px solid var(--fh-border); }
:where(.fh-options) p { margin: 0; }
.fh-options__lede { color: var(--fh-muted); }
.fh-options__hint, .fh-options__note { color: var(--fh-muted); font-size: 14px; }
.fh-options__hint { margin: 2px 0 0 30px; }
.fh-options__note { margin: 0 0 12px; }
.fh-options__count { font-weight: 400; color: var(--fh-muted); }

/* Check boxes and radio buttons, each with its label (and its hint below). */
.fh-options__switch { display: flex; gap: 10px; align-items: flex-start; font-weight: 600; cursor: pointer; }
.fh-options__switch input { flex: none; width: 20px; height: 20px; margin: 2px 0 0; accent-color: var(--fh-accent); cursor: inherit; }
.fh-options__switch input:disabled + span { color: var(--fh-muted); cursor: default; }
.fh-options__switch:has(input:disabled) { cursor: default; }
.fh-options__switch:not(:first-child) { margin-top: 16px; }
.fh-options__choices { display: flex; flex-direction: column; }
.fh-options__choices--row { flex-flow: row wrap; gap: 8px 28px; }
.fh-options__choices--row .fh-options__switch { margin-top: 0; }

.fh-options__field { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin-top: 16px; font-weight: 600; }
.fh-options__select, .fh-options__input {
  font: 400 15px/1.3 var(--fh-font-sans); color: var(--fh-text); background: var(--fh-surface);
  border: 1px solid var(--fh-muted); border-radius: 6px; padding: 7px 10px; min-height: 38px;
}
.fh-options__select:disabled { color: var(--fh-muted); }

/* The news-site list */
.fh-options__news { margin-top: 8px; }
.fh-options__add { margin: 0 0 12px; }
.fh-options__add label { display: block; font-weight: 600; margin-bottom: 4px; }
.fh-options__add-row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.fh-options__input { flex: 1 1 16rem; min-width: 0; }
.fh-options__input[aria-invalid="true"] { border-color: var(--fh-error); box-shadow: inset 0 0 0 1px var(--fh-error); }
.fh-options__add .fh-button { min-height: 38px; padding-inline: 16px; }
.fh-options__error { min-height: 1.4em; margin-top: 4px; font-size: 14px; font-weight: 600; color: var(--fh-error); }
.fh-options__site-grid {
  list-style: none; margin: 0 0 12px; padding: 0;
  display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); column-gap: 24px;
}
.fh-options__site-grid li {
  display: flex; align-items: baseline; justify-content: space-between; gap: 12px;
  padding: 5px 0; border-bottom: 1px solid var(--fh-border); min-width: 0;
}
.fh-options__site { overflow-wrap: break-word; min-width: 0; }
.fh-options__remove { font-size: 14px; flex: none; }

/* The sites where it is off */
.fh-options__sites { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.fh-options__sites li { display: flex; align-items: center; justify-content: space-between; gap: 12px; }

/* Reset */
.fh-options__confirm {
  margin: 0; min-width: 0; padding: 14px 16px;
  border: 1px solid var(--fh-border); border-radius: var(--fh-radius); background: var(--fh-surface);
}
/* Floated, the legend sits inside the box rather than on its border. */
.fh-options__confirm legend { float: left; width: 100%; padding: 0; margin-bottom: 10px; font-weight: 600; }
.fh-options__confirm-actions { clear: both; display: flex; flex-wrap: wrap; gap: 8px; }
.fh-options__reset { margin-top: 4px; }
.fh-button--strong { color: var(--fh-on-accent); background: var(--fh-accent); border-color: var(--fh-accent); }
.fh-button--strong:hover { background: var(--fh-accent-hover); border-color: var(--fh-accent-hover); }

/* Collections: the imported ones, then importing one (drop zone, progress, preview). */
.fh-collections__list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 12px; }
.fh-collection {
  padding: 14px 16px; min-width: 0;
  border: 1px solid var(--fh-border); border-radius: var(--fh-radius); background: var(--fh-surface);
}
.fh-collection__head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 6px 16px; }
.fh-options h3.fh-collection__title { margin: 0; min-width: 0; font: 600 18px/1.3 var(--fh-font-serif); overflow-wrap: anywhere; }
.fh-collection[data-enabled="false"] .fh-collection__title { color: var(--fh-muted); }
.fh-options__switch.fh-collection__enabled { margin-top: 0; flex: none; font-size: 15px; }
.fh-collection__meta { margin-top: 2px; color: var(--fh-muted); font-size: 14px; overflow-wrap: anywhere; }
.fh-collection__actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
.fh-collection__confirm { margin-top: 12px; }
.fh-options h3.fh-collections__import-heading { margin-top: 24px; }
.fh-collections__drop {
  display: flex; flex-direction: column; align-items: center; gap: 12px; margin-top: 8px; padding: 20px 16px;
  text-align: center; border: 2px dashed var(--fh-muted); border-radius: var(--fh-radius);
}
.fh-collections__drop[data-dropping="true"] { border-style: solid; border-color: var(--fh-accent); background: var(--fh-surface); }
.fh-collections__drop p { max-width: 34rem; color: var(--fh-muted); font-size: 14px; }
.fh-collections__drop .fh-button { min-height: 38px; padding-inline: 18px; }
.fh-collections .fh-button:disabled {
  cursor: not-allowed; color: var(--fh-muted); background: transparent; border-color: var(--fh-border);
}
.fh-collections__progress { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin-top: 12px; font-size: 14px; }
.fh-collections__progress progress { flex: 0 1 18rem; min-width: 8rem; height: 10px; accent-color: var(--fh-accent); }
/* A section of its own (a region named by its heading), boxed rather than ruled like the page's. */
.fh-options section.fh-collections__preview {
  margin-top: 16px; padding: 16px; min-width: 0;
  border: 1px solid var(--fh-border); border-radius: var(--fh-radius); background: var(--fh-surface);
}
.fh-options .fh-collections__preview h3 { margin: 0 0 12px; overflow-wrap: anywhere; }
.fh-collections__preview h4 { margin: 16px 0 6px; font-size: 15px; line-height: 1.3; }
.fh-collections__naming { margin-bottom: 8px; }
.fh-collections__field { margin-top: 12px; }
.fh-collections__field label { display: block; margin-bottom: 4px; font-weight: 600; }
.fh-collections__field .fh-options__input { width: 100%; }
.fh-options__hint.fh-collections__field-hint { margin: 4px 0 0; }
.fh-collections__facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 16px; margin: 12px 0 0; }
.fh-collections__facts dt { color: var(--fh-muted); }
.fh-collections__facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.fh-collections__titles { margin: 0; padding-left: 1.25em; overflow-wrap: anywhere; }
.fh-collections__byline { color: var(--fh-muted); }
.fh-collections__problems h4 { color: var(--fh-error); }
.fh-collections__problems ul {
  margin: 0 0 6px; padding-left: 1.25em; color: var(--fh-error); overflow-wrap: anywhere;
  font: 13px/1.5 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
}
.fh-collections__ok { margin-top: 14px; font-weight: 600; color: var(--fh-accent); }
.fh-collections__preview .fh-options__confirm-actions { margin-top: 16px; }

/* The page's one status line: at the foot of the window, whichever section changed. */
.fh-options__status-bar {
  position: sticky; bottom: 16px; margin-top: 24px; min-height: 2.25em;
  display: flex; justify-content: center; pointer-events: none;
}
.fh-options__status { font-size: 14px; font-weight: 600; color: var(--fh-accent); }
.fh-options__status:not(:empty) {
  padding: 6px 16px; border: 1px solid var(--fh-accent); border-radius: 999px;
  background: var(--fh-surface); box-shadow: var(--fh-shadow);
}
`;
