import { describe, expect, it } from 'vitest';
import { markSegments, segmentParagraphs } from './marks';

const plain = (text: string) => ({ text, marked: false });
const marked = (text: string) => ({ text, marked: true });

describe('markSegments', () => {
  it('returns the whole text as one plain run when nothing is marked', () => {
    expect(markSegments('rice and kimchi soup', [])).toEqual([plain('rice and kimchi soup')]);
  });

  it('marks ranges at the start, middle and end', () => {
    expect(
      markSegments('famine in the north during the famine', [
        [0, 6],
        [10, 13],
        [31, 37],
      ]),
    ).toEqual([marked('famine'), plain(' in '), marked('the'), plain(' north during the '), marked('famine')]);
  });

  it('sorts ranges given out of order', () => {
    expect(
      markSegments('abc def ghi', [
        [8, 11],
        [0, 3],
      ]),
    ).toEqual([marked('abc'), plain(' def '), marked('ghi')]);
  });

  it('merges overlapping and touching ranges into one mark', () => {
    expect(
      markSegments('North Korean border', [
        [0, 8],
        [6, 12],
        [12, 19],
      ]),
    ).toEqual([marked('North Korean border')]);
  });

  it('merges a range nested inside another', () => {
    expect(
      markSegments('prison camps', [
        [0, 12],
        [3, 5],
      ]),
    ).toEqual([marked('prison camps')]);
  });

  it('ignores ranges outside the text and clips ranges that run past it', () => {
    expect(
      markSegments('short', [
        [10, 14],
        [-5, -1],
        [3, 99],
      ]),
    ).toEqual([plain('sho'), marked('rt')]);
  });

  it('ignores empty, reversed and non-integer ranges', () => {
    expect(
      markSegments('text', [
        [2, 2],
        [3, 1],
        [0.5, 2],
        [Number.NaN, 3],
      ]),
    ).toEqual([plain('text')]);
  });

  it('returns nothing for an empty text', () => {
    expect(markSegments('', [[0, 3]])).toEqual([]);
  });
});

describe('segmentParagraphs', () => {
  it('splits at blank lines, even inside a marked run', () => {
    const segments = markSegments('One famine.\n\nTwo famine years.', [[4, 23]]);
    expect(segmentParagraphs(segments)).toEqual([
      [plain('One '), marked('famine.')],
      [marked('Two famine'), plain(' years.')],
    ]);
  });

  it('keeps single line breaks inside a paragraph', () => {
    expect(segmentParagraphs([plain('line one\nline two')])).toEqual([[plain('line one\nline two')]]);
  });

  it('drops empty paragraphs', () => {
    expect(segmentParagraphs([plain('\n\nonly\n\n')])).toEqual([[plain('only')]]);
  });
});
