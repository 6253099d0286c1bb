import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { type DisplayMode, displayMode } from '@/src/settings/display-mode';
import { itemSignal } from '../shared/item-signal';

/** The display mode as the onboarding page shows it, and the reader's choice of it. */
export interface ModeChoice {
  /** The reader's choice while it is being saved, else the stored mode (undefined until read). */
  mode: ReadonlySignal<DisplayMode | undefined>;
  /** Saves a mode; rejects when it could not be saved (the stored mode shows again). */
  choose(mode: DisplayMode): Promise<void>;
  stop(): void;
}

/**
 * The onboarding page's store (issue 13, "one way to hold UI state"): the stored display
 * mode, followed as a signal (the settings page may change it while this page is open),
 * with the reader's choice shown at once rather than after storage confirms it.
 */
export function createModeChoice(): ModeChoice {
  const stored = itemSignal(displayMode);
  const pending = signal<DisplayMode | undefined>(undefined);
  // Any stored change ends a pending choice: it is that choice saved, or a newer one made elsewhere.
  const unsubscribe = stored.value.subscribe(() => {
    pending.value = undefined;
  });
  return {
    mode: computed(() => pending.value ?? stored.value.value),
    async choose(next) {
      pending.value = next;
      try {
        await displayMode.setValue(next);
      } catch (error) {
        pending.value = undefined;
        throw error;
      }
    },
    stop() {
      unsubscribe();
      stored.stop();
    },
  };
}
