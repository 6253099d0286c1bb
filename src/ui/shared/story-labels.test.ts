import { afterEach, describe, expect, it } from 'vitest';
import { setUiLanguage } from '@/src/i18n/fake-i18n';
import { contentNoteText, formatStoryDate, provenanceLabel } from './story-labels';

afterEach(() => setUiLanguage('en'));

describe('formatStoryDate', () => {
  it('writes an ISO date as day, short month and year', () => {
    expect(formatStoryDate('2024-12-03')).toBe('3 Dec 2024');
    expect(formatStoryDate('2005-05-20')).toBe('20 May 2005');
  });

  it('keeps the calendar day whatever the time zone (1 Jan does not become 31 Dec)', () => {
    expect(formatStoryDate('2023-01-01')).toBe('1 Jan 2023');
  });

  it('writes the date in the UI language', () => {
    setUiLanguage('ko');
    expect(formatStoryDate('2024-12-03')).toBe('2024년 12월 3일');
    setUiLanguage('en');
    expect(formatStoryDate('2024-12-03')).toBe('3 Dec 2024');
  });

  it('shows a date it cannot parse as written', () => {
    expect(formatStoryDate('spring 2004')).toBe('spring 2004');
  });
});

describe('provenanceLabel', () => {
  it('names each provenance', () => {
    expect(provenanceLabel('firsthand')).toBe('Firsthand account');
    expect(provenanceLabel('witness')).toBe('Eyewitness');
    expect(provenanceLabel('report')).toBe('Report');
    expect(provenanceLabel('commentary')).toBe('Commentary');
  });

  it('names each provenance in Korean for a Korean UI', () => {
    setUiLanguage('ko');
    expect(['firsthand', 'witness', 'report', 'commentary'].map(provenanceLabel)).toEqual([
      '당사자 증언',
      '목격자 증언',
      '보도',
      '논평',
    ]);
  });

  it('has no label for asides or unknown kinds', () => {
    expect(provenanceLabel('caption')).toBeUndefined();
    expect(provenanceLabel('toString')).toBeUndefined();
  });
});

describe('contentNoteText', () => {
  it('lists the notes after "Content note:"', () => {
    expect(contentNoteText(['starvation', 'family separation'])).toBe('Content note: starvation, family separation');
  });

  it('is empty without notes', () => {
    expect(contentNoteText([])).toBeUndefined();
  });
});
