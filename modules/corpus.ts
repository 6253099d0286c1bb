import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

/**
 * Generates the corpus (data/build-corpus.ts: public/generated/, src/generated/) whenever
 * WXT starts: `wxt build`, `wxt zip`, `wxt` (development), `wxt prepare` (npm's
 * postinstall) and the unit tests' WxtVitest. A fresh clone builds a complete extension
 * with WXT's own commands, and the corpus is never older than data/. A bad source file
 * stops WXT with its `file:line: reason`.
 *
 * It runs as its own process (tsx), before WXT has written the tsconfig that maps `@/`:
 * data/corpus.tsconfig.json maps it instead.
 */
export default defineWxtModule({
  name: 'firsthand:corpus',
  setup(wxt) {
    wxt.hooks.hook('ready', () => {
      const root = wxt.config.root;
      const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/cli.mjs');
      const run = spawnSync(
        process.execPath,
        [tsx, '--tsconfig', join(root, 'data/corpus.tsconfig.json'), join(root, 'data/build-corpus.ts')],
        { cwd: root, encoding: 'utf8' },
      );
      if (run.status !== 0) {
        throw new Error(`data/ does not build:\n${(run.stderr || run.error?.message || '').trim()}`);
      }
      wxt.logger.info(run.stdout.trim());
    });
  },
});
