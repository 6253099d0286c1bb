import { mountOnboarding } from '@/src/ui/onboarding/mount-onboarding';

const app = document.getElementById('app');
if (app) mountOnboarding(app);
