import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type DisplayMode, displayMode } from '@/src/settings/display-mode';
import { useUniqueId } from '../shared/unique-id';

type Status = { kind: 'saved'; mode: DisplayMode } | { kind: 'failed' } | undefined;

// Short enough for one line at 360 px, so the page below does not jump when it appears.
const confirmation: Record<DisplayMode, string> = {
  standard: 'Saved. Standard mode is on.',
  private: 'Saved. Private mode is on.',
};

/**
 * The page that opens on first install (issue 4, item 6): what Firsthand does, that nothing
 * leaves the browser, and the choice of display mode, saved as soon as it is made.
 */
export function Onboarding() {
  const [mode, setMode] = useState<DisplayMode>();
  const [status, setStatus] = useState<Status>();
  const ids = { standard: useUniqueId(), private: useUniqueId() };

  useEffect(() => {
    let live = true;
    void displayMode.getValue().then((stored) => live && setMode(stored));
    // The settings page may change the mode while this page is open.
    const unwatch = displayMode.watch((next) => setMode(next));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const choose = async (next: DisplayMode) => {
    setMode(next);
    try {
      await displayMode.setValue(next);
      setStatus({ kind: 'saved', mode: next });
    } catch {
      setStatus({ kind: 'failed' });
    }
  };

  const option = (value: DisplayMode, title: string, text: string, hint: string) => (
    <label class="fh-onboarding__option">
      <input
        type="radio"
        name="fh-display-mode"
        value={value}
        checked={mode === value}
        aria-describedby={ids[value]}
        onChange={() => void choose(value)}
      />
      <span class="fh-onboarding__option-text">
        <span class="fh-onboarding__option-label">
          <strong>{title}:</strong> {text}
        </span>
        <span id={ids[value]} class="fh-onboarding__option-hint">
          {hint}
        </span>
      </span>
    </label>
  );

  return (
    <main class="fh-onboarding">
      <h1>Welcome to Firsthand</h1>
      <p class="fh-onboarding__lede">
        When an article you read touches on something people who lived in North Korea have spoken about, such as the
        famine, escape through China or the markets, Firsthand puts their testimonies beside it: short excerpts, who
        said them and when, and a way to read the whole story.
      </p>

      <section aria-labelledby="fh-onboarding-privacy">
        <h2 id="fh-onboarding-privacy">Everything stays in your browser</h2>
        <p>
          The testimonies come with the extension, and the matching happens on this device. Nothing about the pages you
          read leaves your browser: Firsthand makes no network requests and keeps no browsing history.
        </p>
      </section>

      <form class="fh-onboarding__choice" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>
            <h2>How should Firsthand show what it finds?</h2>
          </legend>
          {option(
            'standard',
            'Standard',
            'a small pill on pages with related testimonies',
            'The pill opens the excerpts beside the article. It never covers the article, and Esc closes it.',
          )}
          {option(
            'private',
            'Private mode',
            'never add anything to the pages I read; results only on the toolbar icon and in its popup',
            'A page’s own scripts cannot tell that Firsthand is installed. Choose this if reading about North Korea could put you at risk.',
          )}
        </fieldset>
        <p class="fh-onboarding__status" role="status">
          {status?.kind === 'saved' && confirmation[status.mode]}
          {status?.kind === 'failed' && 'That choice could not be saved. Please try again.'}
        </p>
      </form>

      <p class="fh-onboarding__later">
        You can change this at any time in the settings.{' '}
        <button type="button" class="fh-onboarding__link" onClick={() => void browser.runtime.openOptionsPage()}>
          Open settings
        </button>
      </p>

      <div class="fh-onboarding__actions">
        <button type="button" class="fh-onboarding__done" onClick={() => window.close()}>
          Done
        </button>
      </div>
    </main>
  );
}
