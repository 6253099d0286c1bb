import { render } from 'preact';
import { type DisplayMode, displayMode } from '@/src/settings/display-mode';
import { markTerms, offSites, setSiteOff } from '@/src/settings/page-settings';
import { Options } from '@/src/ui/options/Options';
import { optionsCss } from '@/src/ui/options/options.css';

const style = document.createElement('style');
style.textContent = optionsCss;
document.head.append(style);
document.documentElement.classList.add('fh-theme');

const app = document.getElementById('app');
if (app) {
  const state = { mode: 'standard' as DisplayMode, marks: true, sites: [] as string[] };
  const show = () =>
    render(
      <Options
        mode={state.mode}
        onModeChange={(next) => void displayMode.setValue(next)}
        markTerms={state.marks}
        onMarkTermsChange={(on) => void markTerms.setValue(on)}
        offSites={state.sites}
        onSiteOn={(site) => void setSiteOff(site, false)}
      />,
      app,
    );
  // Every setting as stored, and as it changes (from a page's panel, or another window).
  const follow = <T,>(
    item: { getValue(): Promise<T>; watch(cb: (value: T) => void): unknown },
    set: (v: T) => void,
  ) => {
    const apply = (value: T) => {
      set(value);
      show();
    };
    void item.getValue().then(apply);
    item.watch(apply);
  };
  follow(displayMode, (mode) => {
    state.mode = mode;
  });
  follow(markTerms, (on) => {
    state.marks = on;
  });
  follow(offSites, (sites) => {
    state.sites = sites;
  });
}
