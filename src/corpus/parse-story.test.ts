import { describe, expect, it } from 'vitest';
import { parseStory, passagesOf } from './parse-story';
import { englishReason } from './problem';
import { SourceErrors } from './source-error';

// Synthetic story text written for these tests: not testimony.
const front = (extra = '') => `---
id: test-story-2020
title: A Test Story
narrator: Test Narrator
publisher: Test Publisher
date: 2020-02-29
url: https://example.org/story
topics: famine, markets
content-notes: starvation
provenance: firsthand
${extra}---
`;

/** The problems as `file:line: reason`; each carries its code, whose English words are its reason. */
function errorsOf(source: string): string[] {
  try {
    parseStory('data/stories/test-story-2020.md', source);
  } catch (e) {
    if (!(e instanceof SourceErrors)) throw e;
    expect(e.errors.filter((x) => x.problem === undefined || englishReason(x.problem) !== x.reason)).toEqual([]);
    return e.errors.map((x) => x.message);
  }
  return [];
}

describe('parseStory', () => {
  it('reads metadata, paragraphs and sections with their attribution', () => {
    const story = parseStory(
      'x.md',
      `${front()}
This first paragraph is long enough to stand on its own as a passage of the story.

::: report attribution="A Blog, 2004"
A reported paragraph that somebody else retold, long enough to be one passage here.
:::

::: caption
A photo caption.
:::
`,
    );
    expect(story).toMatchObject({
      id: 'test-story-2020',
      date: '2020-02-29',
      topics: ['famine', 'markets'],
      lang: 'en',
    });
    expect(story.blocks.map((b) => [b.kind, b.line, b.attribution])).toEqual([
      ['firsthand', 13, undefined],
      ['report', 16, 'A Blog, 2004'],
      ['caption', 20, undefined],
    ]);
  });

  it('keeps the text exactly, trailing no-break spaces and curly quotes included', () => {
    const text = 'He said, “Son, this is the best rice I’ve ever had.”\u00a0';
    const story = parseStory('x.md', `${front()}\n${text}\n`);
    expect(story.blocks[0]?.text).toBe(text);
  });

  it.each([
    ['a missing required key', front().replace('narrator: Test Narrator\n', ''), /:10: "narrator" is required/],
    ['an impossible date', front().replace('2020-02-29', '2021-02-29'), /:6: date "2021-02-29" is not a real/],
    ['a non-https url', front().replace('https://example.org/story', 'http://example.org'), /:7: url .* not an https/],
    [
      'an unknown provenance',
      front().replace('provenance: firsthand', 'provenance: rumour'),
      /:10: provenance "rumour"/,
    ],
    ['an unknown key', front('colour: blue\n'), /:11: unknown key "colour"/],
    ['an unknown section kind', `${front()}\n::: gossip\ntext\n:::\n`, /:13: unknown section kind "gossip"/],
    ['an unclosed section', `${front()}\nok text\n\n::: caption\ntext\n`, /:15: this section is never closed/],
    [
      'nested sections',
      `${front()}\n::: caption\n::: report\n:::\n`,
      /:14: sections do not nest: the one opened on line 13/,
    ],
    ['HTML in the text', `${front()}\nText with <script>alert(1)</script>\n`, /:13: HTML tags are not allowed/],
    ['a line that is not key: value', front('just words\n'), /:11: expected "key: value", found "just words"/],
    ['a key given twice', front('title: Again\n'), /:11: "title" is given twice/],
    ['a malformed id', front().replace('test-story-2020', 'Test_Story'), /:2: id "Test_Story" must be lower-case/],
    ['a malformed topic', front().replace('famine, markets', 'famine, Big Markets'), /:8: topic "Big Markets"/],
    ['no paragraph to excerpt', `${front()}\n::: caption\nA caption.\n:::\n`, /:11: the story has no excerptable/],
    ['a stray section close', `${front()}\nok text\n:::\n`, /:14: ":::" closes a section that was never opened/],
    [
      'a malformed section opener',
      `${front()}\n::: caption attribution=x\n:::\n`,
      /:13: a section opens as ::: <kind>/,
    ],
    ['unclosed front matter', '---\nid: x\n', /:1: the front matter is not closed/],
  ])('fails with file:line and the reason for %s', (_, source, message) => {
    const errors = errorsOf(source);
    expect(errors.join('\n')).toMatch(/^data\/stories\/test-story-2020\.md:\d+: /);
    expect(errors.join('\n')).toMatch(message);
  });

  it('describes each problem as a code and the values its words name', () => {
    try {
      parseStory('x.md', `${front()}\n::: caption\n::: gossip\n:::\n`);
      expect.unreachable();
    } catch (e) {
      if (!(e instanceof SourceErrors)) throw e;
      expect(e.errors.map((x) => [x.line, x.problem])).toEqual([
        [14, { code: 'section_nested', params: ['13'] }],
        [11, { code: 'no_passage', params: [] }],
      ]);
    }
  });

  it('fails without front matter', () => {
    expect(errorsOf('Just text')).toEqual([
      'data/stories/test-story-2020.md:1: a story starts with a "---" front-matter line',
    ]);
  });
});

describe('passagesOf', () => {
  it('joins a very short paragraph to the next one and numbers passages from the story id', () => {
    const story = parseStory(
      'x.md',
      `${front()}
Her name is Test.

She is bright and funny and has a dry sense of humour that rivals any comedian's.

::: caption
A caption never becomes a passage.
:::

::: commentary
The publisher's view, in a paragraph long enough to be a passage of its own.
:::
`,
    );
    const passages = passagesOf(story);
    expect(passages.map((p) => [p.id, p.provenance])).toEqual([
      ['test-story-2020-p01', 'firsthand'],
      ['test-story-2020-p02', 'commentary'],
    ]);
    expect(passages[0]?.text).toBe(
      "Her name is Test.\n\nShe is bright and funny and has a dry sense of humour that rivals any comedian's.",
    );
    expect(story.blocks.map((b) => b.passageId)).toEqual([
      'test-story-2020-p01',
      'test-story-2020-p01',
      undefined,
      'test-story-2020-p02',
    ]);
  });
});
