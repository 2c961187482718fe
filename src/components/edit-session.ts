// The editing session of the app: edits applied through the pure operations
// module and checked by the validator before they land, undo and redo, the
// attached source texts, autosave to the browser, and saving the file. A Lit
// ReactiveController, so that the app element stays the owner of the state
// and only renders it.

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  clearDraft,
  type Draft,
  deleteArchiveText,
  loadArchiveTexts,
  loadDraft,
  saveArchiveText,
  saveDraft,
} from '../io/local-store.ts';
import { parseInWorker } from '../io/parse-runner.ts';
import { applyEdit, describeEdit, type EditOperation } from '../model/edit.ts';
import { editedItemPath, type FieldProblems, problemsByField } from '../model/edit-forms.ts';
import {
  type EditHistory,
  emptyHistory,
  type HistoryStep,
  recordEdit,
  redoEdit,
  undoEdit,
} from '../model/edit-history.ts';
import type { Graph, Position } from '../model/graph.ts';
import { graphToJson } from '../model/graph-json.ts';
import type { Problem } from '../model/problems.ts';
import type { ParseResult } from '../model/validate.ts';
import { offerDownload } from './download.ts';
import { WARNING_PREFIX } from './field-messages.ts';

/** Autosave waits this long after the last edit, so a burst of edits is written once. */
const AUTOSAVE_DELAY_MS = 400;

/** What became of an edit: applied (with the validator's warnings), or refused with the reasons. */
export type EditOutcome =
  | { applied: true; warnings: string[] }
  | { applied: false; byField: FieldProblems; elsewhere: Problem[] };

type TriedEdit =
  | { ok: false; problem: Problem }
  | {
      ok: true;
      before: Graph;
      result: { graph: Graph; inverse: EditOperation };
      errors: Problem[];
      newErrors: Problem[];
      path: string | null;
      warnings: FieldProblems;
    };

export interface EditSessionHost extends ReactiveControllerHost {
  /** The graph on screen. */
  readonly graph: Graph | null;
  readonly graphName: string;
  /** Puts an edited graph on screen (in place: what stayed keeps its place). */
  showEditedGraph(graph: Graph): void;
  /** Where every actor is drawn now, for autosave (so that a restored draft opens as it was). */
  currentPositions(): Promise<Record<string, Position>>;
}

/** The File System Access API's save picker, where the browser has it. */
interface SaveFilePicker {
  showSaveFilePicker?: (options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<FileSystemFileHandle>;
}

const problemKey = (problem: Problem) => `${problem.path}\u0000${problem.message}`;

export class EditSession implements ReactiveController {
  history: EditHistory = emptyHistory();
  /** Edits since the file was opened or saved. */
  dirty = false;
  /** Attached source texts by archive file name (kept in IndexedDB, never uploaded). */
  archiveTexts: ReadonlyMap<string, string> = new Map();
  /** Where "Save" writes without asking, once the analyst chose a file (File System Access API). */
  private fileHandle: FileSystemFileHandle | null = null;
  /** The errors of the graph on screen (with the attached texts): an edit is refused only for new ones. */
  private knownErrors = new Set<string>();
  private autosaveTimer = 0;
  /** Resolves when the last autosave is written (tests wait for it). */
  autosaved: Promise<void> = Promise.resolve();

  constructor(private readonly host: EditSessionHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeunload', this.handleBeforeUnload);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeunload', this.handleBeforeUnload);
  }

  private handleBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.dirty) return;
    // Closing the tab with unsaved edits asks first (the draft is also in the browser's storage).
    event.preventDefault();
    event.returnValue = '';
  };

  /** A new file is on screen: a new history, nothing unsaved, and its attached texts loaded. */
  async startFile(
    graph: Graph,
    options: { history?: EditHistory; dirty?: boolean; checked?: readonly Problem[] } = {},
  ): Promise<void> {
    this.history = options.history ?? emptyHistory();
    this.dirty = options.dirty ?? false;
    this.fileHandle = null;
    const names = graph.sources.flatMap((source) => (source.archive ? [source.archive] : []));
    try {
      this.archiveTexts = new Map(Object.entries(await loadArchiveTexts(names)));
    } catch {
      this.archiveTexts = new Map();
    }
    // A file just checked as it was opened needs no second check unless it has texts to check quotes against:
    // at 5,000 actors the second check took 0.4 s of the page's time and a core from the layout.
    const problems =
      options.checked !== undefined && this.archiveTexts.size === 0
        ? options.checked
        : (await this.validate(graph)).problems;
    this.knownErrors = new Set(problems.filter(isError).map(problemKey));
    this.host.requestUpdate();
  }

  /** Validates a graph as it would be saved, with the attached texts, off the main thread. */
  async validate(graph: Graph): Promise<ParseResult> {
    const bytes = new TextEncoder().encode(graphToJson(graph));
    return parseInWorker(bytes.buffer, { archives: Object.fromEntries(this.archiveTexts) });
  }

  /**
   * An edit tried on a copy of the graph and checked as the file it would
   * make: the new errors it would cause, and the warnings about the item it
   * touches. Nothing changes on screen.
   */
  private async tryEdit(operation: EditOperation): Promise<TriedEdit> {
    const graph = this.host.graph;
    if (!graph) return { ok: false, problem: STALE_EDIT };
    const result = applyEdit(graph, operation);
    if (!result.ok) return { ok: false, problem: { ...WHOLE_FILE, severity: 'error', message: result.reason } };
    const checked = await this.validate(result.graph);
    // Another edit or file may have landed meanwhile: this one was made against the graph it started from.
    if (this.host.graph !== graph) return { ok: false, problem: STALE_EDIT };
    const errors = checked.problems.filter(isError);
    // Errors the file had before (a quote its newly attached text does not hold) are not this edit's.
    const newErrors = errors.filter((problem) => !this.knownErrors.has(problemKey(problem)));
    const path = editedItemPath(result.graph, operation);
    const warnings = problemsByField(
      checked.problems.filter((problem) => !isError(problem)),
      path,
    );
    return { ok: true, before: graph, result, errors, newErrors, path, warnings: warnings.byField };
  }

  /**
   * What an edit would cause, for the form being filled in (checked as the
   * analyst types): its new errors and the warnings about its item, by field.
   */
  async preview(operation: EditOperation): Promise<{ byField: FieldProblems; elsewhere: Problem[] }> {
    const tried = await this.tryEdit(operation);
    if (!tried.ok) return { byField: {}, elsewhere: tried.problem === STALE_EDIT ? [] : [tried.problem] };
    const { byField, elsewhere } = problemsByField(tried.newErrors, tried.path);
    const merged: FieldProblems = { ...byField };
    for (const [field, messages] of Object.entries(tried.warnings)) {
      merged[field] = [...(merged[field] ?? []), ...messages.map((message) => `${WARNING_PREFIX}${message}`)];
    }
    return { byField: merged, elsewhere };
  }

  /**
   * Applies an edit when it leaves the file valid: an edit that would add an
   * error is refused, with the validator's messages sorted onto the fields of
   * the item it touched. Warnings do not stop it. With `allowNewErrors` it
   * lands whatever it causes (a text attached to a source: the quotes it
   * does not hold are flagged where they are shown, and the analyst fixes them).
   */
  async apply(operation: EditOperation, options: { allowNewErrors?: boolean } = {}): Promise<EditOutcome> {
    const tried = await this.tryEdit(operation);
    if (!tried.ok) return { applied: false, byField: {}, elsewhere: [tried.problem] };
    if (!options.allowNewErrors && tried.newErrors.length > 0) {
      const { byField, elsewhere } = problemsByField(tried.newErrors, tried.path);
      return { applied: false, byField, elsewhere };
    }
    this.knownErrors = new Set(tried.errors.map(problemKey));
    const label = describeEdit(operation, tried.before);
    this.history = recordEdit(this.history, { operation, inverse: tried.result.inverse, label });
    this.land(tried.result.graph);
    return { applied: true, warnings: Object.values(tried.warnings).flat() };
  }

  /** Undoes the last edit; a message when it cannot be undone, null when done or when there is nothing to undo. */
  undo(): string | null {
    const graph = this.host.graph;
    if (!graph) return null;
    return this.step(undoEdit(this.history, graph));
  }

  redo(): string | null {
    const graph = this.host.graph;
    if (!graph) return null;
    return this.step(redoEdit(this.history, graph));
  }

  private step(step: HistoryStep | null): string | null {
    if (step === null) return null;
    if (!step.ok) return step.reason;
    this.history = step.history;
    this.land(step.graph);
    return null;
  }

  private land(graph: Graph): void {
    this.dirty = true;
    this.host.showEditedGraph(graph);
    this.scheduleAutosave();
    this.host.requestUpdate();
  }

  // ---------------------------------------------------------------------------
  // Autosave: the graph, its picture and its history in IndexedDB.

  scheduleAutosave(): void {
    window.clearTimeout(this.autosaveTimer);
    this.autosaved = new Promise((resolve) => {
      this.autosaveTimer = window.setTimeout(() => {
        void this.writeDraft().finally(resolve);
      }, AUTOSAVE_DELAY_MS);
    });
  }

  private async writeDraft(): Promise<void> {
    const graph = this.host.graph;
    if (!graph || !this.dirty) return;
    // The picture goes with the draft, so that a restored draft opens as it was left.
    const positions = await this.host.currentPositions();
    const pictured: Graph = Object.keys(positions).length > 0 ? { ...graph, layout: { positions } } : graph;
    const draft: Draft = {
      graphText: graphToJson(pictured),
      fileName: this.host.graphName,
      savedAt: new Date().toISOString(),
      history: this.history,
    };
    try {
      await saveDraft(draft);
    } catch (error) {
      console.error('The edits could not be kept in the browser', error);
    }
  }

  /** The unsaved graph kept by the browser, if any (offered for restoring at start). */
  async pendingDraft(): Promise<Draft | null> {
    try {
      return await loadDraft();
    } catch {
      return null;
    }
  }

  async discardDraft(): Promise<void> {
    await clearDraft().catch(() => undefined);
  }

  // ---------------------------------------------------------------------------
  // Attached source texts.

  /** Keeps a source's text in the browser under its archive file name; the edit naming it is the caller's. */
  async attachText(fileName: string, text: string): Promise<void> {
    await saveArchiveText(fileName, text);
    this.archiveTexts = new Map([...this.archiveTexts, [fileName, text]]);
    const graph = this.host.graph;
    // Quotes now checked against the text: the errors they have are known, not caused by the next edit.
    if (graph) this.knownErrors = new Set((await this.validate(graph)).problems.filter(isError).map(problemKey));
    this.host.requestUpdate();
  }

  /**
   * Forgets a source's text in this browser. The source keeps its `archive`
   * name: it also names the text copy that `npm run check --sources` reads.
   */
  async detachText(fileName: string): Promise<void> {
    await deleteArchiveText(fileName);
    this.archiveTexts = new Map([...this.archiveTexts].filter(([name]) => name !== fileName));
    const graph = this.host.graph;
    if (graph) this.knownErrors = new Set((await this.validate(graph)).problems.filter(isError).map(problemKey));
    this.host.requestUpdate();
  }

  // ---------------------------------------------------------------------------
  // Saving the file.

  /**
   * The file as saved: stable key order and indentation (a small diff in
   * version control), today's date as `updated`. A graph with saved positions
   * (actors moved by hand) keeps the whole picture as it is on screen, so that
   * it opens as it was left. Refused, with the problems, when it does not pass
   * the validator.
   */
  async fileText(today: string): Promise<{ ok: true; text: string } | { ok: false; problems: Problem[] }> {
    const graph = this.host.graph;
    if (!graph) return { ok: false, problems: [] };
    let saved: Graph = this.dirty ? { ...graph, updated: today } : graph;
    if (graph.layout) saved = { ...saved, layout: { positions: await this.host.currentPositions() } };
    const checked = await this.validate(saved);
    if (!checked.ok || checked.problems.some(isError)) return { ok: false, problems: checked.problems };
    return { ok: true, text: graphToJson(saved) };
  }

  /**
   * Writes the file in place where the browser allows it (File System Access
   * API: "Save" writes to the file chosen before, "Save as" asks), else offers
   * it as a download. Returns where it went, or null when the analyst cancelled.
   */
  async writeFile(text: string, suggestedName: string, saveAs: boolean): Promise<'file' | 'download' | null> {
    const picker = (window as unknown as SaveFilePicker).showSaveFilePicker;
    if (picker) {
      let handle = saveAs ? null : this.fileHandle;
      if (!handle) {
        try {
          handle = await picker({
            suggestedName,
            types: [{ description: 'Graph file', accept: { 'application/json': ['.json'] } }],
          });
        } catch (error) {
          if (error instanceof DOMException && error.name === 'AbortError') return null;
          throw error;
        }
      }
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
      this.fileHandle = handle;
      this.saved();
      return 'file';
    }
    offerDownload(new Blob([text], { type: 'application/json' }), suggestedName);
    this.saved();
    return 'download';
  }

  private saved(): void {
    this.dirty = false;
    window.clearTimeout(this.autosaveTimer);
    void this.discardDraft();
    this.host.requestUpdate();
  }
}

const WHOLE_FILE = { line: 1, column: 1, path: '' } as const;
const STALE_EDIT: Problem = {
  ...WHOLE_FILE,
  severity: 'error',
  message: 'the graph changed while this edit was checked; try it again',
};

function isError(problem: Problem): boolean {
  return problem.severity === 'error';
}
