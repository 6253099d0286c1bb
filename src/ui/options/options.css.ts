import { themeCss } from '@/src/ui/shared/theme.css';

export const optionsCss = `${themeCss}
body { margin: 0; background: var(--fh-bg); color: var(--fh-text); }
.fh-options { max-width: 40rem; margin: 0 auto; padding: 32px 20px; font: 16px/1.55 var(--fh-font-sans); }
.fh-options h1 { font: 600 26px/1.2 var(--fh-font-serif); margin: 0 0 8px; }
.fh-options h2 { font-size: 17px; margin: 28px 0 12px; }
.fh-options__lede, .fh-options__hint { color: var(--fh-muted); margin: 0 0 8px; }
.fh-options__switch { display: flex; gap: 10px; align-items: flex-start; font-weight: 600; cursor: pointer; }
.fh-options__switch input { width: 20px; height: 20px; margin: 2px 0 0; accent-color: var(--fh-accent); }
.fh-options__switch input:focus-visible { outline: 3px solid var(--fh-focus); outline-offset: 2px; }
.fh-options__hint { margin-left: 30px; font-size: 14px; }
.fh-options__switch + .fh-options__hint + .fh-options__switch, .fh-options__hint + .fh-options__switch { margin-top: 16px; }
.fh-options__switch input:disabled + span { color: var(--fh-muted); cursor: default; }
.fh-options__sites { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.fh-options__sites li { display: flex; align-items: center; justify-content: space-between; gap: 12px; }
.fh-options__status { min-height: 1.5em; margin-left: 30px; font-size: 14px; color: var(--fh-accent); }
`;
