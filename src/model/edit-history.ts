// Undo and redo, as data: the edits made (each with the edit that undoes it and
// the words for the button) and the edits undone. Pure, and plain JSON, so that
// the history can be kept with an autosaved draft and read back.

import { applyEdit, describeEdit, type EditOperation } from './edit.ts';
import type { Graph } from './graph.ts';

export interface EditHistoryEntry {
  /** The edit as the analyst made it; redo applies it again. */
  operation: EditOperation;
  /** What undoes it, as applyEdit gave it. */
  inverse: EditOperation;
  /** For the undo and redo buttons: "Add actor “Ali”". */
  label: string;
}

export interface EditHistory {
  /** Oldest first; undo takes the last. */
  done: EditHistoryEntry[];
  /** The most recently undone last; redo takes the last. A new edit empties it. */
  undone: EditHistoryEntry[];
}

/** Older edits are forgotten: a day of editing is a few hundred edits, and each holds what it replaced. */
export const MAX_HISTORY_ENTRIES = 500;

export function emptyHistory(): EditHistory {
  return { done: [], undone: [] };
}

/** The history after a new edit: it can be undone, and what was undone before can no longer be redone. */
export function recordEdit(history: EditHistory, entry: EditHistoryEntry): EditHistory {
  return { done: [...history.done, entry].slice(-MAX_HISTORY_ENTRIES), undone: [] };
}

/** The graph and history after an undo, a redo or an edit; or why it could not be made (the history is kept). */
export type HistoryStep =
  | { ok: true; graph: Graph; history: EditHistory; entry: EditHistoryEntry }
  | { ok: false; reason: string };

/** Applies `op` and records it with its inverse and its words. */
export function editWithHistory(graph: Graph, history: EditHistory, op: EditOperation): HistoryStep {
  const result = applyEdit(graph, op);
  if (!result.ok) return result;
  const entry = { operation: op, inverse: result.inverse, label: describeEdit(op, graph) };
  return { ok: true, graph: result.graph, history: recordEdit(history, entry), entry };
}

/** Undoes the last edit; null when there is none. */
export function undoEdit(history: EditHistory, graph: Graph): HistoryStep | null {
  const entry = history.done.at(-1);
  if (entry === undefined) return null;
  const result = applyEdit(graph, entry.inverse);
  if (!result.ok) return { ok: false, reason: `${entry.label} cannot be undone: ${result.reason}` };
  return {
    ok: true,
    graph: result.graph,
    history: { done: history.done.slice(0, -1), undone: [...history.undone, entry] },
    entry,
  };
}

/** Makes the last undone edit again; null when there is none. */
export function redoEdit(history: EditHistory, graph: Graph): HistoryStep | null {
  const entry = history.undone.at(-1);
  if (entry === undefined) return null;
  const result = applyEdit(graph, entry.operation);
  if (!result.ok) return { ok: false, reason: `${entry.label} cannot be made again: ${result.reason}` };
  const redone = { ...entry, inverse: result.inverse };
  return {
    ok: true,
    graph: result.graph,
    history: { done: [...history.done, redone].slice(-MAX_HISTORY_ENTRIES), undone: history.undone.slice(0, -1) },
    entry: redone,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isEntry(value: unknown): value is EditHistoryEntry {
  return (
    isRecord(value) &&
    isRecord(value.operation) &&
    typeof value.operation.op === 'string' &&
    isRecord(value.inverse) &&
    typeof value.inverse.op === 'string' &&
    typeof value.label === 'string'
  );
}

/**
 * A history read back from the browser's storage, when it has the shape of
 * one; else null. Its edits are still checked one by one when undone or
 * redone (applyEdit refuses what does not fit the graph).
 */
export function historyFrom(value: unknown): EditHistory | null {
  if (!isRecord(value) || !Array.isArray(value.done) || !Array.isArray(value.undone)) return null;
  if (value.done.length > MAX_HISTORY_ENTRIES || value.undone.length > MAX_HISTORY_ENTRIES) return null;
  if (!value.done.every(isEntry) || !value.undone.every(isEntry)) return null;
  return { done: value.done, undone: value.undone };
}
