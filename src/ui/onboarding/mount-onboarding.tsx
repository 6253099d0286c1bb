import { render } from 'preact';
import { i18n, uiLanguage } from '@/src/i18n';
import { createModeChoice } from './mode-choice';
import { Onboarding } from './Onboarding';

/** Shows the page that opens on first install in `app`. */
export function mountOnboarding(app: HTMLElement): void {
  document.documentElement.lang = uiLanguage();
  document.title = i18n.t('onboarding.title');
  render(<Onboarding choice={createModeChoice()} />, app);
}
