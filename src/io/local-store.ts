// What the explorer keeps in this browser, and only here (IndexedDB, through
// idb-keyval): the texts attached to sources, by their `archive` file name,
// and the draft of the graph being edited. Nothing is uploaded anywhere.
//
// One database and one object store; keys are arrays, ['archive', name] and
// ['draft'], so that no file name can clash with the draft or with another
// kind of entry added later.

import { createStore, del, get, getMany, set, type UseStore } from 'idb-keyval';

const DATABASE = 'actor-graph-explorer';
const STORE = 'kv';

/** The graph being edited, saved as it changes so that a closed tab loses nothing. */
export interface Draft {
  /** The graph file's text. */
  graphText: string;
  fileName: string;
  /** When it was saved (ISO 8601). */
  savedAt: string;
  /** The editor's undo history, if it keeps one (any structured-cloneable value). */
  history?: unknown;
}

let store: UseStore | null = null;

/** Opened on first use: importing this module touches no storage (and works where there is none). */
function kvStore(): UseStore {
  if (typeof indexedDB === 'undefined') throw new Error('this browser offers no storage (IndexedDB)');
  store ??= createStore(DATABASE, STORE);
  return store;
}

const archiveKey = (fileName: string): IDBValidKey => ['archive', fileName];
const DRAFT_KEY: IDBValidKey = ['draft'];

/** Why storage failed, in plain words. */
function reasonOf(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return "the browser's storage for this site is full";
  if (name === 'DataCloneError') return 'the value cannot be stored';
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') {
    return 'the browser does not allow storage here (a private window, or storage turned off)';
  }
  const message = error instanceof Error ? error.message : String(error);
  return message === '' ? 'the browser gave no reason' : message;
}

/** Runs a storage step; a failure rejects with an Error that says what failed and why. */
async function stored<T>(what: string, step: (store: UseStore) => Promise<T>): Promise<T> {
  try {
    return await step(kvStore());
  } catch (error) {
    throw new Error(`${what}: ${reasonOf(error)}.`, { cause: error });
  }
}

/** Keeps the text attached to a source, under its archive file name (replacing any text kept before). */
export function saveArchiveText(fileName: string, text: string): Promise<void> {
  return stored(`The text of “${fileName}” could not be kept in this browser`, (kv) =>
    set(archiveKey(fileName), text, kv),
  );
}

/** The text kept under an archive file name, or null when there is none. */
export async function loadArchiveText(fileName: string): Promise<string | null> {
  const text = await stored(`The text of “${fileName}” could not be read from this browser's storage`, (kv) =>
    get<unknown>(archiveKey(fileName), kv),
  );
  return typeof text === 'string' ? text : null;
}

/** The texts kept under these archive file names, by name; names without one are left out. */
export async function loadArchiveTexts(fileNames: readonly string[]): Promise<Record<string, string>> {
  const names = [...new Set(fileNames)];
  const texts = await stored("The sources' texts could not be read from this browser's storage", (kv) =>
    getMany<unknown>(names.map(archiveKey), kv),
  );
  const found: Record<string, string> = {};
  names.forEach((name, index) => {
    const text = texts[index];
    if (typeof text === 'string') found[name] = text;
  });
  return found;
}

/** Forgets the text kept under an archive file name (when the analyst detaches it). */
export function deleteArchiveText(fileName: string): Promise<void> {
  return stored(`The text of “${fileName}” could not be removed from this browser's storage`, (kv) =>
    del(archiveKey(fileName), kv),
  );
}

/** Keeps the draft (replacing the one kept before). */
export function saveDraft(draft: Draft): Promise<void> {
  return stored('The draft could not be saved in this browser', (kv) => set(DRAFT_KEY, draft, kv));
}

/** The draft kept, or null when there is none (or what is kept is not a draft). */
export async function loadDraft(): Promise<Draft | null> {
  const value = await stored("The draft could not be read from this browser's storage", (kv) =>
    get<unknown>(DRAFT_KEY, kv),
  );
  return isDraft(value) ? value : null;
}

export function clearDraft(): Promise<void> {
  return stored("The draft could not be removed from this browser's storage", (kv) => del(DRAFT_KEY, kv));
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return typeof draft.graphText === 'string' && typeof draft.fileName === 'string' && typeof draft.savedAt === 'string';
}
