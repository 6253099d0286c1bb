import { render } from 'preact';
import { i18n, uiLanguage } from '@/src/i18n';
import { Onboarding } from '@/src/ui/onboarding/Onboarding';

document.documentElement.lang = uiLanguage();
document.title = i18n.t('onboarding.title');

const app = document.getElementById('app');
if (app) render(<Onboarding />, app);
