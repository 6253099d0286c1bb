/**
 * V8's explicit compile hint (Chrome 136 and later): a script whose first line is this
 * comment has every function compiled as the script is, instead of each one on its first
 * call. The page pipeline's stages run in a fresh isolated world on every page, where no
 * code is cached, and call most of their functions at once: compiled one by one, each was
 * pre-parsed with the script, parsed again when called and compiled on its own, and that
 * took over half of their main-thread time on the article with the pill (npm run
 * bench:detect; docs/benchmarks.md). Other browsers read it as a comment.
 *
 * It goes on after minification, which would strip it: `modules/stage-0.ts` (stage 0)
 * and `wxt.config.ts` (stages 1 and 2).
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
