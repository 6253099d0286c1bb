import { render } from 'preact';
import { Onboarding } from '@/src/ui/onboarding/Onboarding';
import { onboardingCss } from '@/src/ui/onboarding/onboarding.css';

const style = document.createElement('style');
style.textContent = onboardingCss;
document.head.append(style);
document.documentElement.classList.add('fh-theme');

const app = document.getElementById('app');
if (app) render(<Onboarding />, app);
