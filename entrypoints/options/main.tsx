import { render } from 'preact';
import { i18n, uiLanguage } from '@/src/i18n';
import { collectionsClient } from '@/src/ui/options/collections-client';
import { Options } from '@/src/ui/options/Options';
import { createOptionsState } from '@/src/ui/options/options-state';

document.documentElement.lang = uiLanguage();
document.title = i18n.t('options.title');

const app = document.getElementById('app');
// Every setting as stored, and as it changes (from a page's panel, the popup, another window).
if (app) render(<Options state={createOptionsState()} collections={collectionsClient} />, app);
