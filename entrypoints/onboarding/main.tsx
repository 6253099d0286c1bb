import { render } from 'preact';
import { i18n, uiLanguage } from '@/src/i18n';
import { Onboarding } from '@/src/ui/onboarding/Onboarding';
import { onboardingCss } from '@/src/ui/onboarding/onboarding.css';

const style = document.createElement('style');
style.textContent = onboardingCss;
document.head.append(style);
document.documentElement.classList.add('fh-theme');
document.documentElement.lang = uiLanguage();
document.title = i18n.t('onboarding.title');

const app = document.getElementById('app');
if (app) render(<Onboarding />, app);
