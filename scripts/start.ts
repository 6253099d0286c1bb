/**
 * npm start: opens Chromium with the built extension on a demo news page.
 *   npm start                          a browser window (needs a display)
 *   npm start -- --screenshot out.png  headless: saves what a reader would see instead
 */
import { resolve } from 'node:path';
import { inPage, launch, PILL } from '../src/testing/harness';

const DEMO_URL = 'https://news.example.com/world/north-korea-famine-memory';
const flag = process.argv.indexOf('--screenshot');
const screenshot = flag >= 0 ? resolve(process.argv[flag + 1] ?? 'firsthand-demo.png') : null;

if (!screenshot && !process.env.DISPLAY && process.platform === 'linux') {
  console.error('No display here. Run `npm start -- --screenshot out.png` to save a screenshot instead.');
  process.exit(1);
}

const harness = await launch({ headless: screenshot !== null, offline: screenshot !== null });
harness.serve(DEMO_URL, harness.fixture('demo-news.html'));
const page = await harness.context.newPage();
await page.goto(DEMO_URL);

if (screenshot) {
  // The in-page UI lives in a closed shadow root: reached through the harness's isolated world.
  const ui = inPage(page);
  await ui.click(PILL, { timeout: 15_000 });
  await ui.waitFor('[data-passage-id]');
  await page.waitForTimeout(400); // the panel's opening animation
  await page.screenshot({ path: screenshot });
  console.log(`Saved ${screenshot}`);
  await harness.close();
} else {
  console.log('Chromium is open with Firsthand on a demo page. Close the window to stop.');
  await new Promise<void>((done) => harness.context.on('close', () => done()));
}
