// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { packGateTest } from '@/src/lexicon/gate-pack';
import { unpackGateTest } from '@/src/lexicon/gate-precheck';
import { onMessage, sendMessage } from '@/src/messaging/protocol';
import { buildCorpusFromData } from '@/src/search/read-data';
import { runPageGate } from './page-gate';
import type { ScanRecord } from './scan-record';

const { terms } = buildCorpusFromData();
const scans = () =>
  (globalThis as { [key: symbol]: { scans(): ScanRecord } | undefined })[Symbol.for('firsthand.detection')]?.scans();

/** A page of our own words; `long` makes it more than one slice of the test (100,000 characters). */
function page(text: string, long = false): Document {
  const doc = document.implementation.createHTMLDocument('A page');
  const p = doc.createElement('p');
  p.textContent = long ? `${text} ${'Ordinary words about the weather and the harvest. '.repeat(3000)}` : text;
  doc.body.append(p);
  return doc;
}

beforeEach(() => fakeBrowser.reset());

describe('stage 0 (runPageGate)', () => {
  it('runs one test at a time: asks made during a long test make one more test, not one each', async () => {
    let told = 0;
    // Not on this site: stage 0 then listens for the reader switching it back on.
    onMessage('pageMayMention', () => {
      told++;
      return false;
    });
    runPageGate(page('A report from North Korea.', true), unpackGateTest(packGateTest(terms)));
    await vi.waitFor(() => expect(scans()).toMatchObject({ finished: 1, idle: true }));
    expect(told).toBe(1);
    // Three asks at once: the first starts a test of the long page (in slices, so it is still
    // running at the second), and the other two make one more test after it.
    await Promise.all([1, 2, 3].map(() => sendMessage('rescanPage', undefined)));
    await vi.waitFor(() => expect(scans()).toMatchObject({ finished: 3, idle: true }));
    expect(told).toBe(3);
  });

  it('is not stopped by a page that breaks the test', async () => {
    const doc = page('A report from North Korea.');
    Object.defineProperty(doc.body, 'textContent', {
      get() {
        throw new Error('a hostile page');
      },
    });
    runPageGate(doc, unpackGateTest(packGateTest(terms)));
    // Finished and idle: a test that threw would leave it running, and the next change untested.
    await vi.waitFor(() => expect(scans()).toMatchObject({ finished: 1, idle: true }));
  });
});
