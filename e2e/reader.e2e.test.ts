/**
 * The reader page in Chromium: the content-note gate, previous / next excerpt with the
 * address following, and excerpts from the other stories that open in the reader.
 * Every story of the corpus has content notes, so every story starts behind its gate; the
 * reader's choice is remembered for the browser session, so the order of the tests matters.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeAudit, type Harness, launch, until } from '../src/testing/harness';

const JOSEPH = 'josephs-story-part-1-2024';
const WOMEN = 'women-in-north-korea-2023';

let h: Harness;
let page: Page;
/** Passage ids of Joseph's story, in order, and the one about his escape. */
let josephPassages: string[];
let escapePassage: string;

beforeAll(async () => {
  h = await launch();
  josephPassages = await passagesOf(JOSEPH);
  escapePassage = await passageSaying(JOSEPH, 'I decided to escape');
  page = await h.context.newPage();
});
afterAll(async () => {
  await h?.close();
});

interface ShippedPassage {
  id: string;
  storyId: string;
  text: string;
}

/** The passages the extension ships (found by text: passage numbers may change with the data). */
async function shippedPassages(): Promise<ShippedPassage[]> {
  const worker = await h.worker();
  return worker.evaluate(async () => {
    const response = await fetch(chrome.runtime.getURL('generated/corpus.json'));
    // A passage is its story's blocks that carry its id, joined by a blank line.
    const bundle = (await response.json()) as {
      stories: { id: string; blocks: { text: string; passageId?: string }[] }[];
    };
    const passages = new Map<string, ShippedPassage>();
    for (const story of bundle.stories) {
      for (const { text, passageId } of story.blocks) {
        if (!passageId) continue;
        const known = passages.get(passageId);
        if (known) known.text += `\n\n${text}`;
        else passages.set(passageId, { id: passageId, storyId: story.id, text });
      }
    }
    return [...passages.values()];
  });
}

async function passagesOf(storyId: string): Promise<string[]> {
  return (await shippedPassages()).filter((p) => p.storyId === storyId).map((p) => p.id);
}

async function passageSaying(storyId: string, words: string): Promise<string> {
  const found = (await shippedPassages()).filter((p) => p.storyId === storyId && p.text.includes(words));
  if (found.length !== 1) throw new Error(`${found.length} passages of ${storyId} say "${words}"`);
  return (found[0] as ShippedPassage).id;
}

const readerUrl = (storyId: string, passageId?: string) => {
  const params = new URLSearchParams({ story: storyId });
  if (passageId) params.set('passage', passageId);
  return `chrome-extension://${h.extensionId}/reader.html?${params}`;
};

/**
 * Asks the background what an extension page asks it (src/messaging/protocol.ts), from that
 * page: @webext-core/messaging sends `{ id, type, data, timestamp }` and is answered
 * `{ res }` or `{ err }`.
 */
async function askBackground(p: Page, type: string, data: unknown): Promise<unknown> {
  const answer = await p.evaluate(
    ([type, data]) =>
      chrome.runtime.sendMessage({ id: 0, type, data, timestamp: Date.now() }) as Promise<{
        res?: unknown;
        err?: unknown;
      }>,
    [type, data] as const,
  );
  if (answer.err !== undefined) throw new Error(`the background failed ${type}: ${JSON.stringify(answer.err)}`);
  return answer.res;
}

const highlighted = (p: Page) => p.locator('[data-passage-id][aria-current="true"]');

/** The passage id that has focus, if a passage does. */
const focusedPassage = (p: Page) =>
  p.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.passageId ?? null);

/** Whether an element is (at least partly) inside the window. */
const inView = (p: Page, selector: string) =>
  p.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0;
  });

/** axe's serious and critical findings on the whole page, by the suite's one policy (harness.ts). */
async function seriousViolations(p: Page): Promise<string[]> {
  const found = await axeAudit(p, { name: p.url() });
  return found.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function screenshots(p: Page, name: string): Promise<void> {
  await p.emulateMedia({ colorScheme: 'light' });
  await h.screenshot(p, name);
  await p.emulateMedia({ colorScheme: 'dark' });
  await h.screenshot(p, `${name}-dark`);
  await p.emulateMedia({ colorScheme: 'light' });
}

describe('the content note', () => {
  it('hides the text of a story with content notes, but not its metadata or the original link', async () => {
    await page.goto(readerUrl(JOSEPH, escapePassage));
    const show = page.getByRole('button', { name: 'Show the story' });
    await show.waitFor();
    expect(await page.locator('h1').textContent()).toContain("Joseph's Story");
    expect(await page.getByText(/This story mentions starvation, .* and homelessness\./).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /Read at Liberty in North Korea/ }).getAttribute('href')).toMatch(
      /#:~:text=/,
    );
    // Not hidden by style: not in the page at all.
    expect(await page.locator('[data-passage-id]').count()).toBe(0);
    expect(await page.content()).not.toContain('I decided to escape');
    await screenshots(page, 'reader-gate');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows the story in one click, with the excerpt focused and in view', async () => {
    await page.getByRole('button', { name: 'Show the story' }).click();
    await highlighted(page).waitFor();
    expect(await highlighted(page).getAttribute('data-passage-id')).toBe(escapePassage);
    expect(await focusedPassage(page)).toBe(escapePassage);
    expect(await inView(page, `[data-passage-id="${escapePassage}"]`)).toBe(true);
    expect(await page.getByRole('button', { name: 'Show the story' }).count()).toBe(0);
    await screenshots(page, 'reader-shown');
  });

  it('does not ask again this session: not on reload, not in another tab', async () => {
    await page.reload();
    await highlighted(page).waitFor();
    expect(await page.getByRole('button', { name: 'Show the story' }).count()).toBe(0);
    const other = await h.context.newPage();
    await other.goto(readerUrl(JOSEPH, josephPassages[0]));
    await highlighted(other).waitFor();
    expect(await other.getByRole('button', { name: 'Show the story' }).count()).toBe(0);
    await other.close();
  });

  it('says so when a link names an excerpt the story does not have, and shows the whole story', async () => {
    const stale = await h.context.newPage();
    await stale.goto(readerUrl(JOSEPH, `${JOSEPH}-p999`));
    const lost = stale.locator('.fh-reader__lost');
    await lost.waitFor();
    expect(await lost.textContent()).toBe(
      'The excerpt this link points to is not in this version of the story. The whole story is below.',
    );
    // The story is there, from its start, with nothing highlighted.
    const passages = stale.locator('.fh-reader__story [data-passage-id]');
    await passages.first().waitFor();
    expect(await passages.count()).toBe(josephPassages.length);
    expect(await stale.locator('[aria-current="true"]').count()).toBe(0);
    await screenshots(stale, 'reader-lost-excerpt');
    expect(await seriousViolations(stale)).toEqual([]);
    await stale.close();
  });
});

describe('previous and next excerpt', () => {
  it('moves the highlight to the next excerpt, in view and focused, and the address follows', async () => {
    await page.goto(readerUrl(JOSEPH, escapePassage));
    await highlighted(page).waitFor();
    const at = josephPassages.indexOf(escapePassage);
    const next = josephPassages[at + 1] as string;
    await page.getByRole('button', { name: 'Next excerpt' }).click();
    await expect.poll(() => highlighted(page).getAttribute('data-passage-id')).toBe(next);
    expect(await highlighted(page).count()).toBe(1);
    expect(await focusedPassage(page)).toBe(next);
    expect(await inView(page, `[data-passage-id="${next}"]`)).toBe(true);
    expect(new URL(page.url()).searchParams.get('passage')).toBe(next);
    expect(await page.getByRole('navigation', { name: 'Excerpts of this story' }).textContent()).toContain(
      `Excerpt ${at + 2} of ${josephPassages.length}`,
    );
    // The original link's text fragment follows the highlight too.
    const passageText = (await highlighted(page).textContent()) ?? '';
    const href = decodeURIComponent((await page.getByRole('link', { name: /Read at/ }).getAttribute('href')) ?? '');
    expect(passageText).toContain(href.split('#:~:text=')[1]?.split(',')[0] ?? '(no text fragment)');
  });

  it('moves back with Previous, and a reload opens where the reader was', async () => {
    const at = josephPassages.indexOf(escapePassage);
    const before = josephPassages[at - 1] as string;
    await page.getByRole('button', { name: 'Previous excerpt' }).click();
    await page.getByRole('button', { name: 'Previous excerpt' }).click();
    await expect.poll(() => highlighted(page).getAttribute('data-passage-id')).toBe(before);
    expect(new URL(page.url()).searchParams.get('passage')).toBe(before);
    await page.reload();
    await highlighted(page).waitFor();
    expect(await highlighted(page).getAttribute('data-passage-id')).toBe(before);
    expect(await focusedPassage(page)).toBe(before);
  });

  it('moves with the j and k keys while reading the story', async () => {
    const at = josephPassages.indexOf(escapePassage) - 1;
    await page.keyboard.press('j');
    await expect.poll(() => highlighted(page).getAttribute('data-passage-id')).toBe(josephPassages[at + 1]);
    await page.keyboard.press('k');
    await expect.poll(() => highlighted(page).getAttribute('data-passage-id')).toBe(josephPassages[at]);
  });

  it('reaches the buttons from the keyboard, with a visible focus', async () => {
    // From the highlighted passage, Tab goes on to the excerpt bar (the story has no links).
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(focused.text).toBe('← Previous excerpt');
    expect(focused.outline).toBe('solid');
    expect(focused.width).not.toBe('0px');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next excerpt →');
    await screenshots(page, 'reader-nav-focus');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => highlighted(page).getAttribute('data-passage-id'))
      .toBe(josephPassages[josephPassages.indexOf(escapePassage)]);
  });

  it('has no previous excerpt at the first, and no next at the last', async () => {
    await page.goto(readerUrl(JOSEPH, josephPassages[0]));
    await highlighted(page).waitFor();
    expect(await page.getByRole('button', { name: 'Previous excerpt' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Next excerpt' }).isEnabled()).toBe(true);
    await page.goto(readerUrl(JOSEPH, josephPassages.at(-1)));
    await highlighted(page).waitFor();
    expect(await page.getByRole('button', { name: 'Next excerpt' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Previous excerpt' }).isEnabled()).toBe(true);
    // On a phone-sized window the bar still fits.
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshots(page, 'reader-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('from other stories', () => {
  it('offers excerpts of the other stories related to the highlighted one, and opens one in the reader', async () => {
    await page.goto(readerUrl(JOSEPH, escapePassage));
    await highlighted(page).waitFor();
    const related = page.getByRole('region', { name: 'From other stories' });
    const cards = related.locator('[data-passage-id]');
    await cards.first().waitFor();
    const count = await cards.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(3);
    const stories = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-story-id')));
    expect(stories).not.toContain(JOSEPH);
    for (const card of await cards.all()) {
      expect(await card.getAttribute('data-passage-id')).toMatch(
        new RegExp(`^${await card.getAttribute('data-story-id')}-`),
      );
      expect(await card.textContent()).toMatch(/Why this:/);
    }
    await related.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshots(page, 'reader-related');
    // The story, its excerpt bar and the cards, as axe sees them.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // The famine passage of the women's story is among them: open it.
    const famine = await passageSaying(WOMEN, 'devastating famine in the 90s');
    const card = related.locator(`[data-passage-id="${famine}"]`);
    const link = card.getByRole('link', { name: /Read the full story/ });
    // A real link (middle-click, "Copy link"): the reader's address for that passage.
    expect(await link.getAttribute('href')).toBe(
      `chrome-extension://${h.extensionId}/reader.html?${new URLSearchParams({ story: WOMEN, passage: famine })}`,
    );
    await link.click();
    await page.waitForURL((url) => url.searchParams.get('story') === WOMEN);
    expect(new URL(page.url()).searchParams.get('passage')).toBe(famine);
    // A story not shown before asks first.
    await page.getByRole('button', { name: 'Show the story' }).click();
    await highlighted(page).waitFor();
    expect(await highlighted(page).getAttribute('data-passage-id')).toBe(famine);
    expect(await focusedPassage(page)).toBe(famine);
    expect(await inView(page, `[data-passage-id="${famine}"]`)).toBe(true);
  });

  it('leaves the excerpt bar and the other stories off paper', async () => {
    await page.goto(readerUrl(JOSEPH, escapePassage));
    const related = page.getByRole('region', { name: 'From other stories' });
    await related.locator('[data-passage-id]').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Excerpts of this story' }).isVisible()).toBe(false);
    expect(await related.isVisible()).toBe(false);
    expect(await highlighted(page).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows no section when nothing in the other stories relates', async () => {
    // The reader's own question, watched: each answer it gets is counted, before its code reads it.
    const watched = await h.context.newPage();
    await watched.addInitScript(() => {
      const answered: string[] = [];
      (globalThis as { answered?: string[] }).answered = answered;
      // Chromium's `browser` namespace, where it has one, is not `chrome`: both are watched.
      const scope = globalThis as unknown as { browser?: typeof chrome };
      for (const runtime of new Set([chrome.runtime, scope.browser?.runtime])) {
        if (!runtime) continue;
        const send = runtime.sendMessage.bind(runtime) as (...args: unknown[]) => unknown;
        runtime.sendMessage = ((...args: unknown[]) => {
          const type = String((args[0] as { type?: unknown } | undefined)?.type);
          // Answered by a callback, or by a promise: counted before the page's code reads it.
          const last = args.length - 1;
          const callback = args[last];
          if (typeof callback === 'function') {
            args[last] = (...answer: unknown[]) => {
              answered.push(type);
              return callback(...answer);
            };
          }
          const reply = send(...args);
          if (reply instanceof Promise)
            reply.then(
              () => answered.push(type),
              () => answered.push(`${type} failed`),
            );
          return reply;
        }) as typeof runtime.sendMessage;
      }
    });
    /** Once the reader has had its answer, and drawn what it says. */
    const relatedAnswered = async () => {
      await watched.waitForFunction(() => (globalThis as { answered?: string[] }).answered?.includes('related'));
      await watched.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    };
    // The control: an excerpt other stories relate to shows the section once the answer is in.
    await watched.goto(readerUrl(JOSEPH, escapePassage));
    await highlighted(watched).waitFor();
    await relatedAnswered();
    expect(await watched.locator('.fh-reader__related').count()).toBe(1);

    const intro = await passageSaying(JOSEPH, 'my Korean name is Kim Kwang Jin');
    await watched.goto(readerUrl(JOSEPH, intro));
    await highlighted(watched).waitFor();
    await relatedAnswered();
    expect(await watched.getByText('From other stories').count()).toBe(0);
    expect(await watched.locator('.fh-reader__related').count()).toBe(0);
    // And the background has indeed nothing for it.
    expect(await askBackground(watched, 'related', { storyId: JOSEPH, passageId: intro, limit: 3 })).toEqual([]);
    await watched.close();
  });
});

describe('the link to the original', () => {
  /**
   * The publisher's page, made for the test from the story as the reader shows it (each
   * paragraph a <p>, as publishers set them), far down a page of made-up filler, at the
   * story's own address: a text fragment that the browser finds scrolls it there.
   */
  async function followOriginal(passage: string): Promise<number> {
    await page.goto(readerUrl(WOMEN, passage));
    const show = page.getByRole('button', { name: 'Show the story' });
    if (await show.isVisible()) await show.click();
    await highlighted(page).waitFor();
    const paragraphs = await page.locator('[data-passage-id] p').allTextContents();
    const link = page.getByRole('link', { name: /Read at/ });
    const href = (await link.getAttribute('href')) ?? '';
    const address = href.split('#')[0] ?? '';
    const filler = '<p>Made-up filler for the test.</p>'.repeat(200);
    h.serve(
      address,
      `<!doctype html><html lang="en"><title>Synthetic publisher page</title><main>${filler}${paragraphs
        .map((t) => `<p>${t.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`)
        .join('')}${filler}</main></html>`,
    );
    const publisher = await h.context.newPage();
    await publisher.goto(href);
    await publisher.waitForLoadState('load');
    const scrolled = await until(
      'the publisher page to settle',
      async () => {
        const y = await publisher.evaluate(() => window.scrollY);
        return y > 0 ? y : null;
      },
      10_000,
    ).catch(() => 0);
    await publisher.close();
    return scrolled;
  }

  it("scrolls the publisher's page to an excerpt whose first paragraph is a few words", async () => {
    // Min Jeong's name stands as a paragraph of its own: a start that ran on into the next
    // paragraph was never found.
    expect(await followOriginal(await passageSaying(WOMEN, 'Her name is Min Jeong'))).toBeGreaterThan(2_000);
  });
});

describe('in a Korean browser', () => {
  it('speaks Korean around the story, which keeps its own language', async () => {
    const ko = await launch({ lang: 'ko' });
    try {
      const reader = await ko.context.newPage();
      await reader.goto(`chrome-extension://${ko.extensionId}/reader.html?story=${JOSEPH}&passage=${escapePassage}`);
      const show = reader.getByRole('button', { name: '본문 보기' });
      await show.waitFor();
      const langOf = (selector: string) =>
        reader
          .locator(selector)
          .first()
          .evaluate((el) => el.closest('[lang]')?.getAttribute('lang'));
      expect(await langOf('.fh-reader__gate-button')).toBe('ko');
      // The notes and topics are the corpus's metadata, in Korean too; the story stays English.
      const gateNote = reader.locator('.fh-reader__gate-note');
      expect(await gateNote.textContent()).toBe(
        '이 이야기에는 다음 내용이 담겨 있습니다: 굶주림, 부모의 죽음, 가족과의 이별, 수감 및 노숙.',
      );
      expect(await gateNote.locator('[lang]').count()).toBe(0);
      expect(await reader.locator('.fh-reader__topics').textContent()).toBe(
        '주제: 기근, 고아, 탈출, 중국, 난민, 강제 송환, 정착, 위탁 가정',
      );
      expect(await langOf('.fh-reader__topics')).toBe('ko');
      expect(await langOf('h1')).toBe('en');
      expect(await reader.getByRole('link', { name: /에서 원문 읽기$/ }).count()).toBe(1);
      expect(await reader.locator('time').textContent()).toMatch(/^\d{4}년 \d{1,2}월 \d{1,2}일$/);
      await ko.screenshot(reader, 'ko-reader');

      await show.click();
      await highlighted(reader).waitFor();
      expect(await highlighted(reader).getAttribute('aria-label')).toMatch(
        /^강조 표시된 발췌문: 전체 \d+개 중 \d+번째$/,
      );
      expect(await langOf('[aria-current="true"] p:not(.fh-provenance)')).toBe('en');
      expect(await reader.evaluate(() => document.documentElement.lang)).toBe('en');
      const nav = reader.getByRole('navigation', { name: '이 이야기의 발췌문' });
      expect(await nav.getAttribute('lang')).toBe('ko');
      expect(await nav.getByRole('button', { name: '이전 발췌문' }).count()).toBe(1);
      expect(await nav.getByRole('button', { name: '다음 발췌문' }).count()).toBe(1);
      const related = reader.getByRole('region', { name: '다른 이야기의 관련 발췌문' });
      await related.locator('[data-passage-id]').first().waitFor();
      expect(await related.getAttribute('lang')).toBe('ko');
      expect(await related.locator('[data-passage-id]').first().getAttribute('lang')).toBe('en');
      expect(await seriousViolations(reader)).toEqual([]);
      await ko.screenshot(reader, 'ko-reader-shown');
      await related.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await ko.screenshot(reader, 'ko-reader-related');
    } finally {
      await ko.close();
    }
  });
});
