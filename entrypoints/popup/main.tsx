// biome-ignore-all assist/source/organizeImports: tab-first must be evaluated first (see the module).
import { tabFirst } from './tab-first';
import { mountPopup } from '@/src/ui/popup/mount-popup';

const app = document.getElementById('app');
if (app) void mountPopup(app, tabFirst);
