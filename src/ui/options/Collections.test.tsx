// @vitest-environment happy-dom
/**
 * The Collections section with a store and a background made of spies: every story here is
 * SYNTHETIC, invented for these tests (PRODUCT.md: made-up text only in tests, clearly marked).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ImportRefused,
  ImportTooLarge,
  NotEnoughSpace,
  type StoredCollection,
} from '@/src/collections/collection-store';
import { packText } from '@/src/collections/read-import';
import { type CollectionPack, makePack, type PackStoryFile } from '@/src/corpus/collection-pack';
import { setUiLanguage } from '@/src/testing/fake-i18n';
import { findButton } from '@/src/testing/find-button';
import { Collections, type CollectionsProps, type CollectionsStore } from './Collections';
import { Options } from './Options';
import { createOptionsState } from './options-state';

/** A synthetic story's source file: two passages of invented text. */
function syntheticStory(id: string, title = `Synthetic story ${id}`, extra = ''): PackStoryFile {
  return {
    file: `${id}.md`,
    source: [
      '---',
      `id: ${id}`,
      `title: ${title}`,
      'narrator: Synthetic narrator (invented for tests)',
      'publisher: Synthetic Test Archive',
      'date: 2020-01-02',
      `url: https://example.org/synthetic/${id}`,
      'topics: markets',
      'provenance: firsthand',
      '---',
      '',
      'SYNTHETIC TEST TEXT. Nobody said this; it was invented so the tests have a story to import.',
      '',
      'A second synthetic paragraph, long enough to be a passage of its own in the test pack.',
      ...(extra ? ['', extra] : []),
      '',
    ].join('\n'),
  };
}

const META = { id: 'synthetic-archive', title: 'Synthetic test collection', publisher: 'Synthetic Test Archive' };
const syntheticPack = (count = 3, meta = META): CollectionPack =>
  makePack(
    meta,
    Array.from({ length: count }, (_, i) => syntheticStory(`synthetic-story-${i + 1}`)),
  );

const stored = (over: Partial<StoredCollection> = {}): StoredCollection => ({
  ...META,
  enabled: true,
  importedAt: '2026-11-20T10:00:00.000Z',
  storyCount: 3,
  passageCount: 6,
  storyIds: ['synthetic-story-1', 'synthetic-story-2', 'synthetic-story-3'],
  ...over,
});

/** A store in memory, as collection-store.ts behaves: refused imports change nothing. */
function memoryStore(initial: StoredCollection[] = [], packs = new Map<string, CollectionPack>()) {
  let list = [...initial];
  const store = {
    list: vi.fn(async () => list.map((c) => ({ ...c }))),
    add: vi.fn(async (pack: CollectionPack, counts: { storyIds: string[]; passageCount: number }) => {
      if (list.some((c) => c.id === pack.collection.id))
        throw new ImportRefused('collection-exists', pack.collection.id);
      const added: StoredCollection = {
        ...pack.collection,
        enabled: true,
        importedAt: '2026-11-23T09:00:00.000Z',
        storyCount: counts.storyIds.length,
        passageCount: counts.passageCount,
        storyIds: counts.storyIds,
      };
      list = [...list, added];
      packs.set(pack.collection.id, pack);
      return added;
    }),
    setEnabled: vi.fn(async (id: string, enabled: boolean) => {
      list = list.map((c) => (c.id === id ? { ...c, enabled } : c));
    }),
    remove: vi.fn(async (id: string) => {
      list = list.filter((c) => c.id !== id);
    }),
    exportPack: vi.fn(async (id: string) => packs.get(id)),
  } satisfies CollectionsStore;
  return store;
}

let root: HTMLElement;
afterEach(() => {
  if (root) act(() => render(null, root));
  root?.remove();
  setUiLanguage('en');
});

interface MountOptions {
  store?: ReturnType<typeof memoryStore>;
  bundledStoryIds?: CollectionsProps['bundledStoryIds'];
  collectionsChanged?: CollectionsProps['collectionsChanged'];
}

function mount({ store = memoryStore(), bundledStoryIds, collectionsChanged }: MountOptions = {}) {
  const spies = {
    store,
    bundledStoryIds: vi.fn(bundledStoryIds ?? (async () => ['josephs-story-part-1-2024', 'women-in-north-korea-2023'])),
    collectionsChanged: vi.fn(collectionsChanged ?? (async () => ({ passages: 100, stories: 5, ms: 3 }))),
    announce: vi.fn<(message: string) => void>(),
    download: vi.fn<(fileName: string, text: string) => void>(),
  };
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Collections {...spies} />, root));
  return spies;
}

const text = () => root.textContent ?? '';
const until = (check: () => unknown) => vi.waitFor(() => expect(check()).toBeTruthy(), { timeout: 3000 });
const button = (name: string | RegExp) => findButton(root, name);
const fileInput = () => root.querySelector('input[type="file"]') as HTMLInputElement;
const preview = () => root.querySelector('.fh-collections__preview') as HTMLElement | null;
/** The problems the preview lists. */
const problems = () =>
  [...(preview()?.querySelectorAll('.fh-collections__problems li') ?? [])].map((li) => li.textContent ?? '');

/** Chooses files in the file picker, as the browser does. */
async function choose(...files: File[]) {
  const input = fileInput();
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
const jsonFile = (name: string, content: string | Uint8Array) =>
  new File([content as BlobPart], name, { type: 'application/json' });

describe('the list of collections', () => {
  it('says so when none is imported', async () => {
    mount();
    await until(() => text().includes('No collections imported yet.'));
  });

  it('shows each collection: title, publisher, its counts, when it came, and whether it is on', async () => {
    const store = memoryStore([
      stored(),
      stored({ id: 'synthetic-other', title: 'Another synthetic set', enabled: false, storyCount: 1, passageCount: 1 }),
    ]);
    mount({ store });
    await until(() => root.querySelectorAll('[data-collection-id]').length === 2);
    const [first, second] = [...root.querySelectorAll('[data-collection-id]')];
    expect(first?.querySelector('h3')?.textContent).toBe('Synthetic test collection');
    expect(first?.textContent).toContain('Publisher: Synthetic Test Archive');
    // In the format of the stories' dates ("20 Nov 2026"), the day where the reader is.
    expect(first?.textContent).toMatch(/3 stories · 6 passages · imported \d{1,2} Nov 2026Export/);
    expect(second?.textContent).toContain('1 story · 1 passage');
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => [b.getAttribute('aria-label'), b.checked])).toEqual([
      ['Enabled: Synthetic test collection', true],
      ['Enabled: Another synthetic set', false],
    ]);
  });

  it('turns a collection off and on again, and tells the background each time', async () => {
    const spies = mount({ store: memoryStore([stored()]) });
    await until(() => root.querySelector('input[type="checkbox"]'));
    const box = () => root.querySelector('input[type="checkbox"]') as HTMLInputElement;
    await act(async () => box().click());
    await until(() => spies.announce.mock.calls.length === 1);
    expect(spies.store.setEnabled).toHaveBeenCalledWith('synthetic-archive', false);
    expect(spies.collectionsChanged).toHaveBeenCalledTimes(1);
    expect(spies.announce).toHaveBeenLastCalledWith(
      '“Synthetic test collection” is off: it is kept here, but its stories show nowhere.',
    );
    expect(box().checked).toBe(false);
    await act(async () => box().click());
    await until(() => spies.announce.mock.calls.length === 2);
    expect(spies.store.setEnabled).toHaveBeenLastCalledWith('synthetic-archive', true);
    expect(box().checked).toBe(true);
  });

  it('puts the switch back and says so when the store fails', async () => {
    const store = memoryStore([stored()]);
    store.setEnabled.mockRejectedValueOnce(new Error('quota'));
    const spies = mount({ store });
    await until(() => root.querySelector('input[type="checkbox"]'));
    await act(async () => (root.querySelector('input[type="checkbox"]') as HTMLInputElement).click());
    await until(() => spies.announce.mock.calls.length === 1);
    expect(spies.announce).toHaveBeenCalledWith(
      'Could not change “Synthetic test collection”. Please try again.',
      'failed',
    );
    expect((root.querySelector('input[type="checkbox"]') as HTMLInputElement).checked).toBe(true);
    expect(spies.collectionsChanged).not.toHaveBeenCalled();
  });

  it('asks before removing, keeps it on Cancel or Esc, and moves focus sensibly', async () => {
    const spies = mount({
      store: memoryStore([stored(), stored({ id: 'synthetic-other', title: 'Another synthetic set', storyIds: [] })]),
    });
    await until(() => root.querySelectorAll('[data-collection-id]').length === 2);
    await act(async () => button('Remove Synthetic test collection').click());
    expect(root.querySelector('legend')?.textContent).toBe(
      'Remove “Synthetic test collection”? Its stories leave Firsthand. Export it first if you may want it again.',
    );
    expect(document.activeElement?.textContent).toBe('Cancel');
    await act(async () => {
      root.querySelector('fieldset')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('fieldset')).toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove Synthetic test collection');
    expect(spies.store.remove).not.toHaveBeenCalled();

    await act(async () => button('Remove Synthetic test collection').click());
    await act(async () => button('Remove').click());
    await until(() => spies.announce.mock.calls.length === 1);
    expect(spies.store.remove).toHaveBeenCalledWith('synthetic-archive');
    expect(spies.collectionsChanged).toHaveBeenCalledTimes(1);
    expect(spies.announce).toHaveBeenCalledWith('Removed “Synthetic test collection”.');
    expect(
      [...root.querySelectorAll('[data-collection-id]')].map((li) => li.getAttribute('data-collection-id')),
    ).toEqual(['synthetic-other']);
    // The collection that took its place has the focus.
    expect(document.activeElement?.textContent).toBe('Another synthetic set');

    await act(async () => button('Remove Another synthetic set').click());
    await act(async () => button('Remove').click());
    await until(() => text().includes('No collections imported yet.'));
    await until(() => document.activeElement?.textContent === 'Choose files…');
  });

  it('exports a collection as the pack it came as, named after its id', async () => {
    const pack = syntheticPack();
    const spies = mount({ store: memoryStore([stored()], new Map([[META.id, pack]])) });
    await until(() => root.querySelector('[data-collection-id]'));
    await act(async () => button('Export Synthetic test collection').click());
    await until(() => spies.download.mock.calls.length === 1);
    expect(spies.download).toHaveBeenCalledWith('synthetic-archive.firsthand.json', packText(pack));
    expect(spies.announce).toHaveBeenCalledWith(
      'Exported “Synthetic test collection” as synthetic-archive.firsthand.json.',
    );
  });
});

describe('importing a pack', () => {
  it('previews a pack, imports it when accepted, and puts the focus on it', async () => {
    const spies = mount();
    await until(() => text().includes('No collections'));
    const pack = syntheticPack(7);
    await choose(jsonFile('synthetic.firsthand.json', packText(pack)));
    await until(() => preview());
    const shown = preview()?.textContent ?? '';
    expect(preview()?.querySelector('h3')?.textContent).toBe('Preview: synthetic.firsthand.json');
    expect(document.activeElement).toBe(preview()?.querySelector('h3'));
    expect(shown).toContain('Synthetic test collection');
    expect(shown).toContain('Synthetic Test Archive');
    expect([...(preview()?.querySelectorAll('dd') ?? [])].map((d) => d.textContent)).toEqual([
      'Synthetic test collection',
      'Synthetic Test Archive',
      '7',
      '14',
    ]);
    // The first few titles, and how many more.
    expect(preview()?.querySelectorAll('.fh-collections__titles li').length).toBe(5);
    expect(shown).toContain('…and 2 more.');
    expect(shown).toContain('No problems found.');
    expect(spies.announce).toHaveBeenLastCalledWith(
      'Checked “Synthetic test collection”: 7 stories, 14 passages, no problems.',
    );
    expect(spies.store.add).not.toHaveBeenCalled();

    await act(async () => button('Import').click());
    await until(() => root.querySelector('[data-collection-id="synthetic-archive"]'));
    await until(() => spies.announce.mock.calls.length === 2);
    expect(spies.store.add).toHaveBeenCalledWith(pack, {
      storyIds: pack.stories.map((s) => s.file.replace('.md', '')),
      passageCount: 14,
    });
    expect(spies.collectionsChanged).toHaveBeenCalledTimes(1);
    expect(spies.announce).toHaveBeenLastCalledWith('Imported “Synthetic test collection”: 7 stories, 14 passages.');
    expect(preview()).toBeNull();
    expect(document.activeElement?.id).toBe('fh-collection-synthetic-archive');
  });

  it('drops the preview on Cancel, storing nothing', async () => {
    const spies = mount();
    await choose(jsonFile('synthetic.firsthand.json', packText(syntheticPack())));
    await until(() => preview());
    await act(async () => button('Cancel').click());
    expect(preview()).toBeNull();
    expect(spies.store.add).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Choose files…');
  });

  it('lists every problem with its file and line, and will not import until there are none', async () => {
    const spies = mount();
    const broken = makePack(META, [
      syntheticStory('synthetic-script', 'Synthetic', 'SYNTHETIC <script>alert("x")</script> text.'),
      {
        file: 'synthetic-bad-date.md',
        source: syntheticStory('synthetic-bad-date').source.replace('2020-01-02', '2020-13-45'),
      },
      syntheticStory('synthetic-fine'),
    ]);
    await choose(jsonFile('broken.json', packText(broken)));
    await until(() => preview());
    const problems = [...(preview()?.querySelectorAll('.fh-collections__problems li') ?? [])].map(
      (li) => li.textContent,
    );
    expect(problems).toEqual([
      'synthetic-bad-date.md:6: date "2020-13-45" is not a real YYYY-MM-DD date',
      'synthetic-script.md:16: HTML tags are not allowed in story text',
    ]);
    expect(preview()?.querySelector('.fh-collections__problems h4')?.textContent).toBe(
      '2 problems found. Nothing can be imported until every one is fixed.',
    );
    expect(button('Import').disabled).toBe(true);
    expect(spies.announce).toHaveBeenLastCalledWith(
      '2 problems found. Nothing can be imported until every one is fixed.',
      'beside',
    );
    // Imported text is text: the script is shown, never run or parsed.
    expect(root.querySelector('script')).toBeNull();
  });

  it('counts every problem but shows the first twenty', async () => {
    mount();
    const stories = Array.from({ length: 25 }, (_, i) => ({
      file: `synthetic-${i + 1}.md`,
      source: 'not a story',
    }));
    await choose(jsonFile('many.json', packText(makePack(META, stories))));
    await until(() => preview());
    expect(preview()?.querySelectorAll('.fh-collections__problems li').length).toBe(20);
    expect(preview()?.textContent).toContain('25 problems found.');
    expect(preview()?.textContent).toContain('…and 5 more.');
  });

  it.each([
    ['malformed JSON', '{"format": "firsthand-collection", ', /bad\.json:1: not valid JSON/],
    [
      'a newer version',
      JSON.stringify({ ...syntheticPack(), version: 2 }),
      /bad\.json:1: the pack is version 2, made by a newer Firsthand/,
    ],
    ['not a pack', '{"hello": "world"}', /not a Firsthand collection pack/],
  ])('says what is wrong with %s, and offers only Cancel', async (_, content, says) => {
    const spies = mount();
    await choose(jsonFile('bad.json', content));
    await until(() => preview());
    expect(preview()?.textContent).toMatch(says);
    expect([...(preview()?.querySelectorAll('button') ?? [])].map((b) => b.textContent)).toEqual(['Cancel']);
    expect(spies.store.add).not.toHaveBeenCalled();
  });

  it('refuses a file that is not UTF-8, saying at which byte', async () => {
    mount();
    const bytes = new TextEncoder().encode(packText(syntheticPack(1)));
    const broken = new Uint8Array([...bytes.slice(0, 40), 0xff, 0xfe, ...bytes.slice(40)]);
    await choose(jsonFile('latin1.json', broken));
    await until(() => preview());
    expect(preview()?.textContent).toContain('latin1.json:');
    expect(preview()?.textContent).toContain('the file is not UTF-8 text (byte 41)');
  });

  it('finds stories Firsthand ships with, and a collection id in use, before anything is stored', async () => {
    const spies = mount({ store: memoryStore([stored({ storyIds: ['synthetic-story-2'] })]) });
    const pack = makePack(META, [
      syntheticStory('josephs-story-part-1-2024'),
      syntheticStory('synthetic-story-2'),
      syntheticStory('synthetic-story-9'),
    ]);
    await choose(jsonFile('clash.json', packText(pack)));
    await until(() => preview());
    expect(
      [...(preview()?.querySelectorAll('.fh-collections__problems li') ?? [])].map((li) => li.textContent),
    ).toEqual([
      'A collection with the id “synthetic-archive” is already imported: “Synthetic test collection”.',
      'josephs-story-part-1-2024.md: the story “josephs-story-part-1-2024” is one of the stories Firsthand ships with.',
      'synthetic-story-2.md: the story “synthetic-story-2” is already imported, in “Synthetic test collection”.',
    ]);
    expect(button('Import').disabled).toBe(true);
    expect(spies.store.add).not.toHaveBeenCalled();
  });

  it('will not import when the background cannot say which stories it ships with', async () => {
    mount({ bundledStoryIds: vi.fn(async () => Promise.reject(new Error('no background'))) });
    await choose(jsonFile('synthetic.json', packText(syntheticPack())));
    await until(() => preview());
    expect(preview()?.textContent).toContain('Firsthand could not check these stories against the ones it ships with.');
    expect(button('Import').disabled).toBe(true);
  });

  it('says the store refused, keeps the preview, and changes nothing', async () => {
    const store = memoryStore();
    store.add.mockRejectedValueOnce(new ImportRefused('story-exists', 'synthetic-story-1'));
    const spies = mount({ store });
    await choose(jsonFile('synthetic.json', packText(syntheticPack())));
    await until(() => preview());
    await act(async () => button('Import').click());
    await until(() => spies.announce.mock.calls.length === 2);
    expect(spies.announce).toHaveBeenLastCalledWith(
      'Could not import: the story “synthetic-story-1” is already in Firsthand.',
      'failed',
    );
    expect(preview()).not.toBeNull();
    expect(spies.collectionsChanged).not.toHaveBeenCalled();
    expect(text()).toContain('No collections imported yet.');
  });

  it('says the browser failed when storing throws', async () => {
    const store = memoryStore();
    store.add.mockRejectedValueOnce(new DOMException('Internal error.', 'UnknownError'));
    const spies = mount({ store });
    await choose(jsonFile('synthetic.json', packText(syntheticPack())));
    await until(() => preview());
    await act(async () => button('Import').click());
    await until(() => spies.announce.mock.calls.length === 2);
    expect(spies.announce).toHaveBeenLastCalledWith(
      'Could not import: the browser could not store the collection (Internal error.).',
      'failed',
    );
  });

  it('names a full disk: how much space the import needs, and that nothing was imported', async () => {
    const store = memoryStore();
    store.add.mockRejectedValueOnce(new NotEnoughSpace(35.2 * 1024 * 1024));
    const spies = mount({ store });
    await choose(jsonFile('synthetic.json', packText(syntheticPack())));
    await until(() => preview());
    await act(async () => button('Import').click());
    await until(() => spies.announce.mock.calls.length === 2);
    expect(spies.announce).toHaveBeenLastCalledWith(
      'Could not import: not enough space: about 36 MB needed. Nothing was imported; free some disk space and try again.',
      'failed',
    );
    expect(preview()).not.toBeNull();
    expect(text()).toContain('No collections imported yet.');
    expect(spies.collectionsChanged).not.toHaveBeenCalled();
  });

  it('says so when the search index could not be kept on disk for want of space', async () => {
    const spies = mount({
      collectionsChanged: vi.fn(async () => ({ passages: 9, stories: 4, cacheBytesShort: 3_500_000 })),
    });
    await choose(jsonFile('synthetic.json', packText(syntheticPack())));
    await until(() => preview());
    await act(async () => button('Import').click());
    await until(() => spies.announce.mock.calls.length === 2);
    expect(spies.announce).toHaveBeenLastCalledWith(
      'Imported “Synthetic test collection”: 3 stories, 6 passages. Not enough space to keep the search index: about 4 MB needed. Search works, but takes longer after each browser start.',
    );
  });

  it('asks the background again when its worker stopped before it answered', async () => {
    const collectionsChanged = vi
      .fn<CollectionsProps['collectionsChanged']>()
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockResolvedValueOnce({ passages: 9, stories: 4 });
    const spies = mount({ collectionsChanged });
    await choose(jsonFile('synthetic.json', packText(syntheticPack())));
    await until(() => preview());
    await act(async () => button('Import').click());
    await until(() => spies.announce.mock.calls.length === 2);
    expect(spies.announce).toHaveBeenLastCalledWith('Imported “Synthetic test collection”: 3 stories, 6 passages.');
    expect(collectionsChanged).toHaveBeenCalledTimes(2);
  });

  it('will not import over the caps on stories: the preview says why, before anything is stored', async () => {
    // 4,999 stories are imported already; three more go over the 5,000 Firsthand keeps.
    const store = memoryStore([stored({ storyCount: 4_999, passageCount: 9_000, storyIds: ['synthetic-other-1'] })]);
    const spies = mount({ store });
    await choose(jsonFile('synthetic.json', packText(syntheticPack(3, { ...META, id: 'synthetic-more' }))));
    await until(() => preview());
    expect(problems()).toEqual([
      'Your collections already have 4,999 stories; with this one they would have 5,002, and Firsthand keeps at most 5,000. Remove a collection first.',
    ]);
    expect(button('Import').disabled).toBe(true);
    expect(spies.store.add).not.toHaveBeenCalled();
  });

  it('will not import a collection over the cap on stories per collection', async () => {
    const big = makePack(
      { ...META, id: 'synthetic-big' },
      Array.from({ length: 2_501 }, (_, i) => syntheticStory(`synthetic-many-${i}`)),
    );
    const spies = mount();
    await choose(jsonFile('synthetic-big.json', packText(big)));
    await until(() => preview());
    expect(problems()).toEqual([
      'This collection has 2,501 stories; a collection can have at most 2,500. Split it into smaller collections.',
    ]);
    expect(button('Import').disabled).toBe(true);
    expect(spies.store.add).not.toHaveBeenCalled();
  });

  it('says so when the store refuses an import over a cap', async () => {
    const store = memoryStore();
    store.add.mockRejectedValueOnce(
      new ImportTooLarge({ scope: 'total', what: 'passages', count: 50_006, max: 50_000 }),
    );
    const spies = mount({ store });
    await choose(jsonFile('synthetic.json', packText(syntheticPack())));
    await until(() => preview());
    await act(async () => button('Import').click());
    await until(() => spies.announce.mock.calls.length === 2);
    expect(spies.announce).toHaveBeenLastCalledWith(
      'Could not import: Your collections already have 50,000 passages; with this one they would have 50,006, and Firsthand keeps at most 50,000. Remove a collection first.',
      'failed',
    );
  });

  it('says when the import was stored but search could not follow', async () => {
    const spies = mount({ collectionsChanged: vi.fn(async () => Promise.reject(new Error('gone'))) });
    await choose(jsonFile('synthetic.json', packText(syntheticPack())));
    await until(() => preview());
    await act(async () => button('Import').click());
    await until(() => spies.announce.mock.calls.length === 2);
    expect(spies.announce.mock.calls[1]?.[0]).toMatch(
      /^Imported “Synthetic test collection”: 3 stories, 6 passages\. Search could not be updated yet/,
    );
  });

  it('refuses files of other kinds, or a pack with other files, before reading them', async () => {
    const spies = mount();
    await choose(new File(['x'], 'photo.png'));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      '“photo.png” is neither a collection pack (.json) nor a story file (.md).',
    );
    await choose(jsonFile('a.json', '{}'), new File(['x'], 'b.md'));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'Choose one collection pack (.json) at a time, or only story files (.md).',
    );
    expect(preview()).toBeNull();
    expect(spies.bundledStoryIds).not.toHaveBeenCalled();
  });

  it('imports a dropped pack like a chosen one', async () => {
    mount();
    const zone = root.querySelector('.fh-collections__drop') as HTMLElement;
    const event = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', {
      value: { files: [jsonFile('dropped.json', packText(syntheticPack()))], types: ['Files'] },
    });
    await act(async () => {
      zone.dispatchEvent(event);
    });
    await until(() => preview());
    expect(preview()?.querySelector('h3')?.textContent).toBe('Preview: dropped.json');
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('importing story files', () => {
  const md = (story: PackStoryFile) => new File([story.source], story.file, { type: 'text/markdown' });

  it('asks for the collection’s name, derives its id from the title, and imports the files as a pack', async () => {
    const spies = mount();
    const stories = [syntheticStory('synthetic-md-1'), syntheticStory('synthetic-md-2')];
    await choose(md(stories[1] as PackStoryFile), md(stories[0] as PackStoryFile));
    await until(() => preview());
    expect(preview()?.querySelector('h3')?.textContent).toBe('Preview: 2 story files');
    const field = (label: string) => {
      const l = [...root.querySelectorAll('label')].find((x) => x.textContent === label);
      return root.querySelector(`#${l?.htmlFor}`) as HTMLInputElement;
    };
    // The stories' one publisher is offered.
    expect(field('Publisher').value).toBe('Synthetic Test Archive');
    const type = (input: HTMLInputElement, value: string) =>
      act(() => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });

    // Import with no title: the field says why, and has the focus.
    await act(async () => button('Import').click());
    expect(field('Collection title').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Collection title'));
    expect(text()).toContain('Give the collection a title.');

    await type(field('Collection title'), 'Synthetic Stories: Spring 2026!');
    expect(field('Collection id').value).toBe('synthetic-stories-spring-2026');
    await type(field('Collection id'), 'synthetic-spring');
    await type(field('Collection title'), 'Synthetic Stories, spring');
    expect(field('Collection id').value).toBe('synthetic-spring');

    await act(async () => button('Import').click());
    await until(() => spies.store.add.mock.calls.length === 1);
    expect(spies.store.add.mock.calls[0]?.[0]).toEqual(
      makePack(
        { id: 'synthetic-spring', title: 'Synthetic Stories, spring', publisher: 'Synthetic Test Archive' },
        stories,
      ),
    );
    await until(() => root.querySelector('[data-collection-id="synthetic-spring"]'));
  });

  it('checks the id the reader types against the collections there', async () => {
    mount({ store: memoryStore([stored({ storyIds: [] })]) });
    await choose(md(syntheticStory('synthetic-md-1')));
    await until(() => preview());
    const label = [...root.querySelectorAll('label')].find((l) => l.textContent === 'Collection id');
    const id = root.querySelector(`#${label?.htmlFor}`) as HTMLInputElement;
    await act(() => {
      id.value = 'synthetic-archive';
      id.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(preview()?.textContent).toContain('A collection with the id “synthetic-archive” is already imported');
    expect(button('Import').disabled).toBe(true);
  });
});

describe('in Korean', () => {
  it('speaks Korean, and shows the collection’s own words as they are', async () => {
    setUiLanguage('ko');
    mount({ store: memoryStore([stored()]) });
    await until(() => root.querySelector('[data-collection-id]'));
    expect(root.querySelector('h2')?.textContent).toBe('컬렉션');
    const item = root.querySelector('[data-collection-id]')?.textContent ?? '';
    expect(item).toContain('Synthetic test collection');
    expect(item).toContain('펴낸 곳: Synthetic Test Archive');
    expect(item).toContain('이야기 3편 · 발췌문 6개');
    expect(button('파일 선택…')).toBeTruthy();
    await choose(jsonFile('broken.json', '{'));
    await until(() => preview());
    expect(preview()?.textContent).toContain('미리 보기: broken.json');
    expect(preview()?.textContent).toContain('문제를 1개 찾았습니다.');
    expect(preview()?.querySelector('.fh-collections__problems li')?.textContent).toMatch(
      /^broken\.json:1: 올바른 JSON이 아닙니다: /,
    );
  });

  it('lists the files’ problems in Korean, each at its file and line', async () => {
    setUiLanguage('ko');
    mount();
    const broken = makePack(META, [
      {
        file: 'synthetic-bad-date.md',
        source: syntheticStory('synthetic-bad-date').source.replace('2020-01-02', '2020-13-45'),
      },
      syntheticStory('synthetic-fine', 'Synthetic', '::: gossip\nSYNTHETIC aside.\n:::'),
      { ...syntheticStory('synthetic-elsewhere'), file: 'synthetic-misnamed.md' },
    ]);
    await choose(jsonFile('broken.json', packText(broken)));
    await until(() => preview());
    expect(
      [...(preview()?.querySelectorAll('.fh-collections__problems li') ?? [])].map((li) => li.textContent),
    ).toEqual([
      'synthetic-bad-date.md:6: “2020-13-45” 날짜는 실제로 있는 YYYY-MM-DD 형식의 날짜가 아닙니다',
      'synthetic-fine.md:16: 알 수 없는 섹션 종류입니다: “gossip” (쓸 수 있는 종류: firsthand, witness, report, commentary, heading, caption, editor-note, footnote)',
      'synthetic-misnamed.md:2: “synthetic-elsewhere” ID는 파일 이름 “synthetic-misnamed.md”와 맞아야 합니다',
    ]);
  });
});

describe('on the options page', () => {
  it('is a section of its own, before Reset, speaking through the page’s status line', async () => {
    fakeBrowser.reset();
    root = document.createElement('div');
    document.body.append(root);
    const store = memoryStore([stored()]);
    const state = createOptionsState();
    act(() =>
      render(
        <Options
          state={state}
          collections={{
            store,
            bundledStoryIds: async () => [],
            collectionsChanged: async () => ({ passages: 0, stories: 0, ms: 0 }),
          }}
        />,
        root,
      ),
    );
    await until(() => root.querySelector('main'));
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Display',
      'Where Firsthand runs',
      'Sites where Firsthand is off',
      'Results',
      'Collections',
      'Reset',
    ]);
    await until(() => root.querySelector('input[type="checkbox"][aria-label^="Enabled"]'));
    await act(async () => (root.querySelector('input[aria-label^="Enabled"]') as HTMLInputElement).click());
    await until(() => root.querySelector('[role="status"]')?.textContent?.includes('is off'));
    state.stop();
  });
});
