// Undo and redo, as an analyst uses them: edits undone and made again in order,
// a new edit ending what can be redone, and a history kept as JSON.
import { describe, expect, it } from 'vitest';
import type { EditOperation } from '../../src/model/edit.ts';
import {
  type EditHistory,
  editWithHistory,
  emptyHistory,
  MAX_HISTORY_ENTRIES,
  recordEdit,
  redoEdit,
  undoEdit,
} from '../../src/model/edit-history.ts';
import type { Graph } from '../../src/model/graph.ts';
import { deepFrozen, EDIT_GRAPH, PAPER } from './edit-graphs.ts';

const GRAPH = deepFrozen(EDIT_GRAPH);
const ADD_DAN: EditOperation = {
  op: 'add-actor',
  actor: { id: 'dan', label: 'Dan', kind: 'person', evidence: [PAPER] },
};
const MOVE_BEA: EditOperation = { op: 'set-positions', positions: { bea: { x: 7, y: 8 } } };
const REMOVE_ALI: EditOperation = { op: 'remove-actor', id: 'ali' };

interface State {
  graph: Graph;
  history: EditHistory;
}

function edit(state: State, op: EditOperation): State {
  const step = editWithHistory(state.graph, state.history, op);
  if (!step.ok) throw new Error(step.reason);
  return { graph: step.graph, history: step.history };
}

function undo(state: State): State {
  const step = undoEdit(state.history, state.graph);
  if (step === null || !step.ok) throw new Error('nothing undone');
  return { graph: step.graph, history: step.history };
}

function redo(state: State): State {
  const step = redoEdit(state.history, state.graph);
  if (step === null || !step.ok) throw new Error('nothing redone');
  return { graph: step.graph, history: step.history };
}

const labels = (entries: EditHistory['done']) => entries.map((entry) => entry.label);

describe('undo and redo', () => {
  it('undo steps back through the edits, newest first, and redo makes them again in order', () => {
    const start: State = { graph: GRAPH, history: emptyHistory() };
    const one = edit(start, ADD_DAN);
    const two = edit(one, MOVE_BEA);
    const three = edit(two, REMOVE_ALI);
    expect(labels(three.history.done)).toEqual(['Add actor “Dan”', 'Move “Bea”', 'Remove actor “Ali”']);

    const back = undo(undo(undo(three)));
    expect(back.graph).toStrictEqual(GRAPH);
    expect(labels(back.history.undone)).toEqual(['Remove actor “Ali”', 'Move “Bea”', 'Add actor “Dan”']);
    expect(undoEdit(back.history, back.graph)).toBeNull();

    const again = redo(redo(redo(back)));
    expect(again.graph).toStrictEqual(three.graph);
    expect(labels(again.history.done)).toEqual(labels(three.history.done));
    expect(redoEdit(again.history, again.graph)).toBeNull();
  });

  it('a new edit after an undo cannot be followed by a redo of the undone edit', () => {
    const undone = undo(edit(edit({ graph: GRAPH, history: emptyHistory() }, ADD_DAN), MOVE_BEA));
    expect(labels(undone.history.undone)).toEqual(['Move “Bea”']);
    const edited = edit(undone, REMOVE_ALI);
    expect(edited.history.undone).toEqual([]);
    expect(redoEdit(edited.history, edited.graph)).toBeNull();
    expect(labels(edited.history.done)).toEqual(['Add actor “Dan”', 'Remove actor “Ali”']);
  });

  it('has nothing to undo or redo in a new history', () => {
    expect(undoEdit(emptyHistory(), GRAPH)).toBeNull();
    expect(redoEdit(emptyHistory(), GRAPH)).toBeNull();
  });

  it('says why an undo cannot be made when the graph is not the one the history was made on', () => {
    const edited = edit({ graph: GRAPH, history: emptyHistory() }, ADD_DAN);
    expect(undoEdit(edited.history, GRAPH)).toEqual({
      ok: false,
      reason: 'Add actor “Dan” cannot be undone: There is no actor “dan”',
    });
  });

  it('keeps a refused edit out of the history', () => {
    const history = deepFrozen(emptyHistory());
    expect(editWithHistory(GRAPH, history, { op: 'remove-actor', id: 'eve' })).toEqual({
      ok: false,
      reason: 'There is no actor “eve”',
    });
  });

  it('forgets the oldest edits beyond 500', () => {
    let state: State = { graph: GRAPH, history: emptyHistory() };
    for (let index = 0; index <= MAX_HISTORY_ENTRIES; index++) {
      state = edit(state, { op: 'set-positions', positions: { bea: { x: index, y: 0 } } });
    }
    expect(state.history.done).toHaveLength(MAX_HISTORY_ENTRIES);
    expect(state.history.done[0]?.operation).toEqual({ op: 'set-positions', positions: { bea: { x: 1, y: 0 } } });
    const entry = { operation: MOVE_BEA, inverse: MOVE_BEA, label: 'x' };
    expect(recordEdit(state.history, entry).done).toHaveLength(MAX_HISTORY_ENTRIES);
  });

  it('changes neither the history nor the graph it is given', () => {
    const state = deepFrozen(edit(edit({ graph: GRAPH, history: emptyHistory() }, ADD_DAN), REMOVE_ALI));
    const back = deepFrozen(undo(state));
    redo(back);
    expect(state.history.done).toHaveLength(2);
  });
});

describe('a history kept as JSON (with an autosaved draft)', () => {
  it('reads back equal, and undoes and redoes as before', () => {
    const state = undo(edit(edit(edit({ graph: GRAPH, history: emptyHistory() }, ADD_DAN), REMOVE_ALI), MOVE_BEA));
    const history = JSON.parse(JSON.stringify(state.history)) as EditHistory;
    const graph = JSON.parse(JSON.stringify(state.graph)) as Graph;
    expect(history).toStrictEqual(state.history);
    expect(undo(undo({ graph, history })).graph).toStrictEqual(GRAPH);
    expect(redo({ graph, history }).graph).toStrictEqual(redo(state).graph);
  });
});
