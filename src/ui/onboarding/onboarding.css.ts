import { themeCss } from '@/src/ui/shared/theme.css';

export const onboardingCss = `${themeCss}
body { margin: 0; background: var(--fh-bg); color: var(--fh-text); }
.fh-onboarding { max-width: 40rem; margin: 0 auto; padding: 40px 20px 48px; font: 16px/1.55 var(--fh-font-sans); }
.fh-onboarding h1 { font: 600 28px/1.2 var(--fh-font-serif); margin: 0 0 12px; }
.fh-onboarding h2 { font-size: 17px; line-height: 1.3; margin: 28px 0 8px; }
.fh-onboarding p { margin: 0 0 12px; }
.fh-onboarding__lede { font-size: 17px; }

.fh-onboarding__choice fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.fh-onboarding__choice legend { padding: 0; }
.fh-onboarding__choice legend h2 { margin-bottom: 12px; }
.fh-onboarding__option {
  display: flex; gap: 12px; align-items: flex-start;
  margin: 0 0 10px; padding: 14px 16px;
  background: var(--fh-surface); border: 1px solid var(--fh-border); border-radius: var(--fh-radius);
  cursor: pointer;
}
.fh-onboarding__option:has(input:checked) { border-color: var(--fh-accent); box-shadow: inset 0 0 0 1px var(--fh-accent); }
.fh-onboarding__option input { flex: none; width: 20px; height: 20px; margin: 2px 0 0; accent-color: var(--fh-accent); }
.fh-onboarding__option-text { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.fh-onboarding__option-hint { font-size: 14px; color: var(--fh-muted); }
.fh-onboarding__status { min-height: 1.55em; font-size: 14px; font-weight: 600; color: var(--fh-accent); }

.fh-onboarding__later { color: var(--fh-muted); }
.fh-onboarding__link {
  font: inherit; color: var(--fh-accent); background: none; border: 0; padding: 0;
  text-decoration: underline; text-underline-offset: 2px; cursor: pointer;
}
.fh-onboarding__link:hover { color: var(--fh-accent-hover); }

.fh-onboarding__actions { margin-top: 24px; }
.fh-onboarding__done {
  font: 600 16px/1.2 var(--fh-font-sans); min-height: 44px; padding: 10px 28px;
  color: var(--fh-on-accent); background: var(--fh-accent); border: 1px solid var(--fh-accent); border-radius: 999px;
  cursor: pointer; transition: background-color 120ms ease;
}
.fh-onboarding__done:hover { background: var(--fh-accent-hover); border-color: var(--fh-accent-hover); }
`;
