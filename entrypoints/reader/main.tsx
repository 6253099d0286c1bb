import { mountReader } from '@/src/ui/reader/mount-reader';

const app = document.getElementById('app');
if (app) mountReader(app);
