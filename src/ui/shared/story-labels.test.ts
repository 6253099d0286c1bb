import { afterEach, describe, expect, it } from 'vitest';
import { buildCorpusFromData } from '@/src/search/read-data';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import {
  contentNoteLabel,
  contentNoteWord,
  formatStoryDate,
  lexiconTermWord,
  provenanceLabel,
  topicLabel,
  topicWord,
} from './story-labels';

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

describe('contentNoteLabel and topicLabel', () => {
  it('name the corpus’s notes and topics in English', () => {
    expect(contentNoteLabel('family separation')).toBe('family separation');
    expect(topicLabel('daily-life')).toBe('daily life');
    expect(topicLabel('pyongyang')).toBe('Pyongyang');
    expect(topicLabel('dmz')).toBe('DMZ');
  });

  it('name them in Korean for a Korean UI', () => {
    setUiLanguage('ko');
    expect(['starvation', 'death of a parent', 'imprisonment'].map(contentNoteLabel)).toEqual([
      '굶주림',
      '부모의 죽음',
      '수감',
    ]);
    expect(['defection', 'forced-repatriation', 'markets'].map(topicLabel)).toEqual([
      '탈북',
      '강제 송환',
      '장마당(시장)',
    ]);
  });

  it('show a note or topic they do not know as the story writes it (topics with spaces for dashes)', () => {
    setUiLanguage('ko');
    expect(contentNoteLabel('synthetic unknown note')).toBe('synthetic unknown note');
    expect(topicLabel('synthetic-unknown-topic')).toBe('synthetic unknown topic');
    expect(contentNoteLabel('toString')).toBe('toString');
    expect(topicLabel('constructor')).toBe('constructor');
  });
});

describe('contentNoteWord, topicWord and lexiconTermWord', () => {
  it('say the language of a word the UI could not translate: the story’s', () => {
    setUiLanguage('ko');
    expect(contentNoteWord('starvation', 'en')).toEqual({ text: '굶주림' });
    expect(contentNoteWord('synthetic unknown note', 'en')).toEqual({ text: 'synthetic unknown note', lang: 'en' });
    expect(topicWord('women', 'en')).toEqual({ text: '여성' });
    expect(topicWord('synthetic-topic', 'ko')).toEqual({ text: 'synthetic topic', lang: 'ko' });
  });

  it('leave lexicon terms as the lexicon writes them, in English', () => {
    setUiLanguage('ko');
    expect(lexiconTermWord('famine')).toEqual({ text: 'famine', lang: 'en' });
    expect(lexiconTermWord('양봉')).toEqual({ text: '양봉', lang: 'ko' });
  });
});

describe('every content note and topic in data/', () => {
  const { stories } = buildCorpusFromData();
  const notes = [...new Set(stories.flatMap((story) => story.contentNotes))].sort();
  const topics = [...new Set(stories.flatMap((story) => story.topics))].sort();
  const hangul = /[\uAC00-\uD7A3]/;

  it('is there to check', () => {
    expect(notes).toContain('starvation');
    expect(topics).toContain('forced-repatriation');
  });

  // A story with a new note or topic fails here until locales/*.yml (`data`) and
  // story-labels.ts translate it.
  it('has a Korean name', () => {
    setUiLanguage('ko');
    expect(notes.filter((note) => !hangul.test(contentNoteLabel(note)) || contentNoteWord(note, 'en').lang)).toEqual(
      [],
    );
    expect(topics.filter((topic) => !hangul.test(topicLabel(topic)) || topicWord(topic, 'en').lang)).toEqual([]);
  });

  it('has an English name', () => {
    const english = /^[A-Za-z][A-Za-z ’'-]*$/;
    expect(notes.filter((note) => !english.test(contentNoteLabel(note)) || contentNoteWord(note, 'en').lang)).toEqual(
      [],
    );
    expect(topics.filter((topic) => !english.test(topicLabel(topic)) || topicWord(topic, 'en').lang)).toEqual([]);
  });
});
