import { INJECTED_SCRIPT } from '@/src/page/injected-script';
import { startPanel } from '@/src/ui/in-page/panel-ui';

/**
 * The in-page panel's code (Preact, the cards, the term card): never listed in the
 * manifest. The background injects it into a page whose UI (stage 2,
 * entrypoints/firsthand-ui.content) asks for it, when the reader first opens the pill or
 * a marked term; a page that only shows the pill never compiles it.
 */
export default defineContentScript({
  ...INJECTED_SCRIPT,
  main(ctx) {
    startPanel(ctx);
  },
});
