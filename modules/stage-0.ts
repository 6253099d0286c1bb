import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { defineWxtModule } from 'wxt/modules';
import { COMPILE_HINT } from '../src/page/compile-hint';

/**
 * Stage 0 of the page pipeline (src/page/firsthand-gate.ts), on every page, bundled by
 * itself into `firsthand-gate.js` beside WXT's output: the pre-test and nothing else, not
 * even the start-up wrapper WXT gives an unlisted script (a logger and its messages, 136
 * bytes of the 4 kB gzipped that stage 0 may take: issue 13). It is built
 * with every `wxt build` and `wxt zip` (after the corpus module has written
 * src/generated/gate-test.json); `wxt` (development) builds it when it starts.
 */
export default defineWxtModule({
  name: 'firsthand:stage-0',
  setup(wxt) {
    wxt.hooks.hook('build:publicAssets', async (_wxt, files) => {
      const root = wxt.config.root;
      const result = await build({
        entryPoints: [fileURLToPath(new URL('../src/page/firsthand-gate.ts', import.meta.url))],
        bundle: true,
        write: false,
        format: 'iife',
        // Firefox 115 ESR and Chrome 111: lookbehind, `??` and `?.` as they are.
        target: ['chrome111', 'firefox115'],
        minify: wxt.config.mode === 'production',
        legalComments: 'none',
        // On the first line, after minification (src/page/compile-hint.ts).
        banner: { js: COMPILE_HINT },
        charset: 'utf8',
        alias: { '@': root },
        logLevel: 'warning',
      });
      const [output] = result.outputFiles;
      if (!output) throw new Error('stage 0 (src/page/firsthand-gate.ts) built nothing');
      files.push({ relativeDest: 'firsthand-gate.js', contents: output.text });
    });
  },
});
