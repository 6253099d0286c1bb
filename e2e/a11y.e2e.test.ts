/**
 * Issue 4, item 4: axe-core reports no serious or critical violations on any surface a
 * reader sees (the in-page pill and panel, the popup, the reader, the options and the
 * onboarding page), in a light and a dark system theme.
 *
 * The in-page UI is judged alone (`include('firsthand-panel')`; axe descends into its open
 * shadow root): the synthetic news page around it is not ours to fix. The extension's own
 * pages are judged whole. Every surface is also screenshotted, for what axe cannot see.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages } from './fixtures/pages';
import { type Harness, launch, PILL } from './harness';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
/** One rule's finding (axe-core's `Result`, reached without importing axe-core itself). */
type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** The in-page UI's shadow host. */
const IN_PAGE_HOST = 'firsthand-panel';
/** Firsthand's panel, not the fixture page's own cookie dialog (CSS locators pierce shadow roots). */
const PANEL = `${IN_PAGE_HOST} [role="dialog"]`;

let h: Harness;
/** The famine article: its tab feeds the popup's "On this page", its first card the reader. */
let article: Page;
let articleTabId: number;
let firstPassageId: string;

beforeAll(async () => {
  h = await launch();
  const famine = fixturePages.famineOrphans;
  if (!famine) throw new Error('no famineOrphans fixture page');
  h.serve(famine.url, h.fixture(famine.file));
  article = await h.context.newPage();
  await article.goto(famine.url);
  await article.locator(PILL).waitFor({ timeout: 15_000 });
  articleTabId = await h.tabIdOf(article);
  await article.locator(PILL).click();
  const card = article.locator(`${PANEL} [data-passage-id]`).first();
  await card.waitFor();
  firstPassageId = (await card.getAttribute('data-passage-id')) ?? '';
  expect(firstPassageId).toMatch(/^josephs-story-part-1-2024-p\d+$/);
  await article.keyboard.press('Escape');
});
afterAll(async () => {
  await h?.close();
});

/** A violation as the person fixing it needs it: which rule, how bad, where, and why. */
function describeViolation(v: Result) {
  return {
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target,
      html: n.html,
      why: n.failureSummary,
      // The measurements behind it: a contrast's colours and ratio, the reason axe gave up.
      data: n.any.map((check) => check.data).filter((data) => data !== null && data !== undefined),
    })),
  };
}

/**
 * Rules axe 4.14 declares `reviewOnFail`: when their check fails, axe files the node under
 * "incomplete" (needs review) instead of "violations". A failure is a failure here.
 */
const REVIEW_ON_FAIL = new Set(['duplicate-id-aria', 'bypass', 'frame-title-unique', 'aria-braille-equivalent']);
const isSerious = (v: Result) => v.impact === 'serious' || v.impact === 'critical';

/**
 * Runs axe on `page` (only inside `scope` when given) after saving a screenshot; prints the
 * lesser violations and what axe could not decide as notes, and returns the serious and
 * critical violations, including those axe found but filed for review.
 */
async function audit(page: Page, name: string, scheme: Scheme, scope?: string) {
  await settleAnimations(page);
  await h.screenshot(page, `a11y-${name}-${scheme}`);
  const axe = new AxeBuilder({ page }).withTags(TAGS);
  if (scope) axe.include(scope);
  const { violations, passes, incomplete } =
    scope === IN_PAGE_HOST ? await withHostInBody(page, () => axe.analyze()) : await axe.analyze();
  // An audit that checked nothing (a wrong scope, an empty page) would pass vacuously; so
  // would a contrast check that could measure nothing and filed it all as undecided.
  expect(passes.length, `axe checked nothing on ${name}`).toBeGreaterThan(0);
  const contrastMeasured = [...passes, ...violations].filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes);
  expect(contrastMeasured.length, `axe measured no contrast on ${name}`).toBeGreaterThan(0);

  const failedForReview = incomplete.filter((r) => REVIEW_ON_FAIL.has(r.id));
  const notes = {
    lesser: violations.filter((v) => !isSerious(v)).map(describeViolation),
    // Not failures, but a person should look: a contrast over an image, say.
    undecided: incomplete.filter((r) => !REVIEW_ON_FAIL.has(r.id)).map(describeViolation),
  };
  if (notes.lesser.length + notes.undecided.length > 0) {
    console.info(`a11y ${name} (${scheme}):\n${JSON.stringify(notes, null, 2)}`);
  }
  return [...violations, ...failedForReview].filter(isSerious).map(describeViolation);
}

/**
 * axe-core builds the stacking grid its contrast check reads from `document.body` down
 * (`createGrid` in axe.js), so the in-page UI, whose host hangs from <html> after <body>,
 * is in no grid: every one of its contrasts comes back undecided and nothing is measured.
 * For the audit only, the host moves into <body> and back. It is fixed-positioned in the
 * top layer, so it renders the same in either place (the screenshot is taken before).
 */
/**
 * Waits until nothing animates: opening animations and fades would make axe read
 * half-transparent colours. Two frames first, since an animation that a change just caused
 * (the panel opening, the dark scheme applied, the host moved and its animations restarted)
 * starts only at the next style pass.
 */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let settled = false; !settled; ) {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const running = document.getAnimations();
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
      settled = running.length === 0;
    }
  });
}

async function withHostInBody<T>(page: Page, run: () => Promise<T>): Promise<T> {
  const moveHost = (into: 'body' | 'html') =>
    page.evaluate(
      ([selector, into]) => {
        const host = document.querySelector<HTMLElement>(selector);
        if (!host) throw new Error(`no ${selector} on the page`);
        (into === 'body' ? document.body : document.documentElement).append(host);
        // Leaving the document closed the popover the UI had opened (mount-in-page-ui.tsx).
        if (host.popover && !host.matches(':popover-open')) host.showPopover();
      },
      [IN_PAGE_HOST, into] as const,
    );
  // Moving the host into the document again restarts its opening fade, which axe can read
  // half-transparent (clean-clone runs did, even after waiting): no motion while it audits.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await moveHost('body');
  await settleAnimations(page);
  try {
    return await run();
  } finally {
    await moveHost('html');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  }
}

async function extensionPage(path: string, scheme: Scheme, viewport?: { width: number; height: number }) {
  const page = await h.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${h.extensionId}/${path}`);
  return page;
}

describe.each(SCHEMES)('accessibility in a %s system theme', (scheme) => {
  it('the collapsed pill has no serious or critical axe violations', async () => {
    await article.bringToFront();
    await article.emulateMedia({ colorScheme: scheme });
    await article.locator(PANEL).waitFor({ state: 'detached' });
    await article.locator(PILL).waitFor();
    const serious = await audit(article, 'pill', scheme, IN_PAGE_HOST);
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });

  it('the open panel has no serious or critical axe violations', async () => {
    await article.bringToFront();
    await article.emulateMedia({ colorScheme: scheme });
    await article.locator(PILL).click();
    await article.locator(`${PANEL} [data-passage-id]`).first().waitFor();
    const serious = await audit(article, 'panel', scheme, IN_PAGE_HOST);
    await article.keyboard.press('Escape');
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });

  it('the term card has no serious or critical axe violations', async () => {
    await article.bringToFront();
    await article.emulateMedia({ colorScheme: scheme });
    await article.evaluate(() => window.scrollTo(0, 0));
    const term = await article.evaluate(() => {
      const range = [...(CSS.highlights.get('firsthand-term') ?? [])][0] as Range | undefined;
      const box = range?.getBoundingClientRect();
      return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
    });
    expect(term, 'a marked term on the page').not.toBeNull();
    await article.mouse.click(term?.x ?? 0, term?.y ?? 0);
    await article.locator('[data-firsthand="term-card"] [data-passage-id]').first().waitFor();
    const serious = await audit(article, 'term-card', scheme, IN_PAGE_HOST);
    await article.keyboard.press('Escape');
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });

  it('the popup, with "On this page" and search results, has no serious or critical axe violations', async () => {
    const popup = await extensionPage(`popup.html?tabId=${articleTabId}`, scheme, { width: 400, height: 600 });
    await expect.poll(() => popup.getByText('On this page').count()).toBeGreaterThan(0);
    await popup.getByRole('searchbox').or(popup.getByRole('textbox')).first().fill('Tongl market');
    await popup
      .getByRole('region', { name: 'Search results' })
      .locator('[data-passage-id]')
      .first()
      .waitFor({ timeout: 10_000 });
    const serious = await audit(popup, 'popup', scheme);
    await popup.close();
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });

  it('the reader, behind its content note and then at a highlighted passage, has no serious or critical axe violations', async () => {
    // The content-note gate comes first, but only once per browser session
    // (src/ui/reader/shown-stories.ts): forget that the story was shown, so every scheme
    // audits the gate too.
    const worker = await h.worker();
    await worker.evaluate(`chrome.storage.session.remove('readerShownStories')`);
    const reader = await extensionPage(
      `reader.html?story=josephs-story-part-1-2024&passage=${encodeURIComponent(firstPassageId)}`,
      scheme,
    );
    const show = reader.getByRole('button', { name: 'Show the story' });
    await show.waitFor();
    const gate = await audit(reader, 'reader-gate', scheme);
    expect(gate, JSON.stringify(gate, null, 2)).toEqual([]);
    await show.click();
    const target = reader.locator(`[data-passage-id="${firstPassageId}"][aria-current="true"]`);
    await target.waitFor();
    const serious = await audit(reader, 'reader', scheme);
    await reader.close();
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });

  it('the options page has no serious or critical axe violations', async () => {
    const options = await extensionPage('options.html', scheme);
    await options.getByLabel(/Private mode/).waitFor();
    const serious = await audit(options, 'options', scheme);
    await options.close();
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });

  it('the onboarding page has no serious or critical axe violations', async () => {
    const onboarding = await extensionPage('onboarding.html', scheme);
    await onboarding.getByRole('radio', { name: /Private mode/ }).waitFor();
    const serious = await audit(onboarding, 'onboarding', scheme);
    await onboarding.close();
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });
});

describe('the audit', () => {
  it('would report a serious violation (the checks above can fail)', async () => {
    const page = await extensionPage('options.html', 'light');
    await page.getByLabel(/Private mode/).waitFor();
    // An unnamed button, pale grey text, and a region named by an id two elements carry:
    // what axe calls critical, serious, and critical but filed for review.
    await page.evaluate(() => {
      const button = document.createElement('button');
      const faint = document.createElement('p');
      faint.textContent = 'Barely there';
      faint.style.cssText = 'color: #eee; background: #fff';
      const region = document.createElement('section');
      region.setAttribute('aria-labelledby', 'twice');
      region.innerHTML = '<h2 id="twice">One</h2><h2 id="twice">Two</h2>';
      document.body.append(button, faint, region);
    });
    const found = await audit(page, 'control', 'light');
    await page.close();
    expect(found.map((v) => v.id)).toEqual(
      expect.arrayContaining(['button-name', 'color-contrast', 'duplicate-id-aria']),
    );
  });
});
