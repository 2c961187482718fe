// What the explorer keeps in this browser (IndexedDB): the texts attached to
// sources and the draft being edited, read back as they were saved.
import { createStore, set } from 'idb-keyval';
import { afterEach, expect, it } from 'vitest';
import {
  clearDraft,
  type Draft,
  deleteArchiveText,
  loadArchiveText,
  loadArchiveTexts,
  loadDraft,
  saveArchiveText,
  saveDraft,
} from '../../src/io/local-store.ts';

const NAMES = ['000_36bb2e97fec8cbad.txt', '002_d6b85e46402597e0.txt', 'not-kept.txt'];

afterEach(async () => {
  await clearDraft();
  for (const name of NAMES) await deleteArchiveText(name);
});

it("a source's text is read back as it was kept, and a text never kept is null", async () => {
  const text = 'Iraq’s National Security Council formed a committee\n\n[click here](#) 😀';
  await saveArchiveText(NAMES[0]!, text);
  expect(await loadArchiveText(NAMES[0]!)).toBe(text);
  expect(await loadArchiveText('not-kept.txt')).toBeNull();
  await saveArchiveText(NAMES[0]!, 'Replaced.');
  expect(await loadArchiveText(NAMES[0]!)).toBe('Replaced.');
  await deleteArchiveText(NAMES[0]!);
  expect(await loadArchiveText(NAMES[0]!)).toBeNull();
});

it('the texts of several sources are read at once, by file name, leaving out those not kept', async () => {
  await saveArchiveText(NAMES[0]!, 'First.');
  await saveArchiveText(NAMES[1]!, 'Second.');
  expect(await loadArchiveTexts([...NAMES, NAMES[0]!])).toEqual({ [NAMES[0]!]: 'First.', [NAMES[1]!]: 'Second.' });
  expect(await loadArchiveTexts([])).toEqual({});
});

it('a draft is read back with its history, and is gone once cleared', async () => {
  const draft: Draft = {
    graphText: '{"title": "Kadhimi"}',
    fileName: 'kadhimi-2021.json',
    savedAt: '2026-12-01T10:00:00.000Z',
    history: { undo: [{ op: 'set', path: ['title'], value: 'K' }], redo: [] },
  };
  expect(await loadDraft()).toBeNull();
  await saveDraft(draft);
  expect(await loadDraft()).toEqual(draft);
  await clearDraft();
  expect(await loadDraft()).toBeNull();
});

it('a file named like the draft key is kept apart from the draft', async () => {
  await saveDraft({ graphText: '{}', fileName: 'g.json', savedAt: '2026-12-01T10:00:00.000Z' });
  await saveArchiveText('draft', 'A text named "draft".');
  expect((await loadDraft())?.graphText).toBe('{}');
  expect(await loadArchiveText('draft')).toBe('A text named "draft".');
  await deleteArchiveText('draft');
});

it('something kept under the draft that is not a draft reads as no draft', async () => {
  await set(['draft'], { graphText: 42 }, createStore('actor-graph-explorer', 'kv'));
  expect(await loadDraft()).toBeNull();
});

it('a draft that cannot be stored is refused with a message that says what failed', async () => {
  const draft = { graphText: '{}', fileName: 'g.json', savedAt: 'now', history: () => 'not storable' };
  await expect(saveDraft(draft)).rejects.toThrow(
    'The draft could not be saved in this browser: the value cannot be stored.',
  );
});
