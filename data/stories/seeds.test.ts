// Integrity check for the stories that come from the source documents in data/sources/
// (PRODUCT.md, "The corpus", integrity rule): every paragraph of a seed that is not site
// chrome or a title/date line must appear word for word in its story file, and every line
// of a story file's body must come word for word from its seed. Nothing is normalised except
// line endings: curly quotes, dashes, typos and trailing non-breaking spaces must match.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const seedUrl = (name: string) => new URL(`../sources/${name}`, import.meta.url);
/** The seeds as the team received them, beside the repository (absent from a fresh clone). */
const receivedDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const storyUrl = (name: string) => new URL(`./${name}`, import.meta.url);

const read = (url: URL) => readFileSync(url, 'utf8').replace(/\r\n?/g, '\n');

/** A seed's paragraphs: its non-empty lines, untouched (no trimming). */
const paragraphs = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

interface Case {
  story: string;
  seed: string;
  /** The story's slice of the seed starts at this line (inclusive); default: the seed's start. */
  from?: string;
  /** ...and ends before this line; default: the seed's end. */
  until?: string;
  /** Seed lines deliberately left out of the story file, each exactly as in the seed. */
  dropped: string[];
}

const JOSEPH_TITLE = 'A North Korean’s Promise to his Father | Joseph’s Story: Part 1';

const cases: Case[] = [
  {
    story: 'gay-north-korea-2005.md',
    seed: '000_cbb2dc115b065b85.txt',
    dropped: [
      'Gay North Korea News & Reports', // page title: in front matter as `title`
      'May 20, 2005', // publication date: in front matter as `date`
    ],
  },
  {
    story: 'women-in-north-korea-2023.md',
    seed: '004_a3eb1e15844d5451.txt',
    until: JOSEPH_TITLE, // the seed holds two stories; Joseph's starts at his title
    dropped: [
      'blog', // site chrome: the blog section label above the title
      'Women in North Korea: At the Forefront of Social and Political Change', // title: front matter
      'March 17, 2023', // publication date: front matter
      'By Lindsey Miller', // byline: front matter as `narrator`
      // The second line of the call-to-action paragraph is a button label on the page.
      'Sign the Allies pledge today!',
    ],
  },
  {
    story: 'josephs-story-part-1-2024.md',
    seed: '004_a3eb1e15844d5451.txt',
    from: JOSEPH_TITLE,
    dropped: [
      JOSEPH_TITLE, // title: front matter
      'December 3, 2024', // publication date: front matter
      'Continue reading part 2 of Joseph’s story', // a link to the next page, not text
      'Donate Now', // button (appears twice in the seed)
      'Your generous donation will rescue and support North Korean refugees', // donate widget
      'Learn more about the North Korean people', // newsletter widget heading
      // Newsletter widget success message (a no-break space follows the "!" in the seed).
      "Awesome!\u00a0You're subscribed!",
      'Oh no! Looks like something went wrong.', // newsletter widget error message
      'Check these out!', // related-posts widget heading
      'Stand with the north korean people', // footer banner
      'Join Liberty and give monthly in support of the North Korean people', // footer banner
      // Alt texts of the "as seen in" press-logo strip, run together by the text extraction.
      'The logo for Refinery29A logo for CNNThe logo for Fox NewsThe logo for Time MagazineThe Logo for the Washington PostThe logo for National Public Radio',
    ],
  },
];

/** The story's slice of its seed, as paragraphs. */
function seedParagraphs(c: Case): string[] {
  const all = paragraphs(read(seedUrl(c.seed)));
  const start = c.from === undefined ? 0 : all.indexOf(c.from);
  const end = c.until === undefined ? all.length : all.indexOf(c.until);
  if (start < 0 || end < 0) throw new Error(`${c.seed}: from/until line not found`);
  return all.slice(start, end);
}

/** The story file's body: everything after the closing `---` of the front matter. */
function body(text: string): string {
  const lines = text.split('\n');
  if (lines[0] !== '---') throw new Error('no front matter');
  const close = lines.indexOf('---', 1);
  if (close < 0) throw new Error('front matter not closed');
  return lines.slice(close + 1).join('\n');
}

/** Body lines that are text: not blank, not a `::: kind` opener or `:::` closer. */
const textLines = (b: string) => b.split('\n').filter((line) => line.trim() !== '' && !/^:::(\s|$)/.test(line));

describe.each(cases)('$story keeps its seed word for word', (c) => {
  const seed = seedParagraphs(c);
  const storyBody = body(read(storyUrl(c.story)));
  const kept = seed.filter((p) => !c.dropped.includes(p));

  it('drops only lines that really are in its slice of the seed', () => {
    for (const line of c.dropped) expect(seed, `dropped line not in seed: ${line}`).toContain(line);
  });

  it('contains every remaining seed paragraph exactly', () => {
    expect(kept.length).toBeGreaterThan(0);
    for (const p of kept) {
      expect(storyBody.includes(p), `missing or altered seed paragraph:\n${p}`).toBe(true);
    }
  });

  it('invents nothing: every body line comes from the seed', () => {
    const seedText = seed.join('\n');
    for (const line of textLines(storyBody)) {
      expect(seedText.includes(line), `body line not in seed:\n${line}`).toBe(true);
    }
  });

  it('keeps the seed order and contains no dropped chrome line', () => {
    let at = 0;
    for (const line of textLines(storyBody)) {
      expect(c.dropped, `dropped line kept in body: ${line}`).not.toContain(line);
      const next = seed.findIndex((p, i) => i >= at && p.includes(line));
      expect(next, `body line out of seed order:\n${line}`).toBeGreaterThanOrEqual(0);
      at = next;
    }
  });
});

// data/sources holds the seeds exactly as received, byte for byte, so that anyone can check
// the stories against them. Where the team's copy is at hand, they must be the same bytes.
describe.runIf(existsSync(receivedDir))('data/sources', () => {
  it('holds every seed exactly as received in ../shared/seeds', () => {
    const received = readdirSync(receivedDir).sort();
    expect(received.length).toBeGreaterThan(0);
    for (const name of received) {
      const same = readFileSync(seedUrl(name)).equals(readFileSync(join(receivedDir, name)));
      expect(same, `${name} differs from its seed`).toBe(true);
    }
  });
});
