import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHeldOut, measureExtraction, percentile, readabilityPagesDir, wordF1, wordTokens } from './extraction';

// Synthetic strings written for these tests; no page text.
describe('wordF1', () => {
  it('scores identical texts 1, whatever their case, spacing and punctuation', () => {
    expect(wordF1('The cat sat.', '  the CAT,\nsat ')).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('ignores word order: a bag of words', () => {
    expect(wordF1('sat cat the', 'the cat sat').f1).toBe(1);
  });

  it('counts a repeated word only as often as the reference has it', () => {
    // candidate: 4 words, 2 of them in the reference ("red" once, "fox" once)
    const score = wordF1('red red red fox', 'red fox');
    expect(score.precision).toBe(0.5);
    expect(score.recall).toBe(1);
    expect(score.f1).toBeCloseTo(2 / 3);
  });

  it('falls with extra text (precision) and with missing text (recall)', () => {
    const extra = wordF1('alpha beta gamma delta menu login', 'alpha beta gamma delta');
    expect(extra.precision).toBeCloseTo(4 / 6);
    expect(extra.recall).toBe(1);
    const missing = wordF1('alpha beta', 'alpha beta gamma delta');
    expect(missing.precision).toBe(1);
    expect(missing.recall).toBe(0.5);
    expect(missing.f1).toBeCloseTo(2 / 3);
  });

  it('scores 0 for nothing read against an article, and 1 for nothing against nothing', () => {
    expect(wordF1('', 'alpha beta').f1).toBe(0);
    expect(wordF1('alpha', '').f1).toBe(0);
    expect(wordF1(' … ', '').f1).toBe(1);
  });
});

describe('wordTokens', () => {
  it('keeps letters and digits of any script, and splits Han and kana character by character', () => {
    expect(wordTokens('Ça va? 2024年の夏, 장마당 e-mail')).toEqual([
      'ça',
      'va',
      '2024',
      '年',
      'の',
      '夏',
      '장마당',
      'e',
      'mail',
    ]);
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(values, 0.5)).toBe(5);
    expect(percentile(values, 0.1)).toBe(1);
    expect(percentile(values, 0.9)).toBe(9);
  });
});

describe('isHeldOut', () => {
  it('holds out a fixed half of the pages, by name alone', () => {
    const names = Array.from({ length: 400 }, (_, i) => `made-up-page-${i}`);
    const held = names.filter(isHeldOut);
    expect(held.length).toBeGreaterThan(160);
    expect(held.length).toBeLessThan(240);
    expect(names.filter(isHeldOut)).toEqual(held);
  });
});

describe('measureExtraction', () => {
  it('finds the pages under $FIRSTHAND_SHARED', () => {
    expect(readabilityPagesDir({ FIRSTHAND_SHARED: '/x/shared' })).toBe(join('/x/shared', 'readability-pages'));
  });

  it('returns null when the pages are missing, for the caller to print a skip line', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'firsthand-extraction-'));
    try {
      expect(await measureExtraction(join(empty, 'readability-pages'))).toBeNull();
      expect(await measureExtraction(empty)).toBeNull();
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});
