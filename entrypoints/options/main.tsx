import { render } from 'preact';
import { displayMode } from '@/src/settings/display-mode';
import { Options } from '@/src/ui/options/Options';
import { optionsCss } from '@/src/ui/options/options.css';

const style = document.createElement('style');
style.textContent = optionsCss;
document.head.append(style);
document.documentElement.classList.add('fh-theme');

const app = document.getElementById('app');
if (app) {
  const show = (mode: Awaited<ReturnType<typeof displayMode.getValue>>) =>
    render(<Options mode={mode} onModeChange={(next) => void displayMode.setValue(next)} />, app);
  void displayMode.getValue().then(show);
  displayMode.watch(show);
}
