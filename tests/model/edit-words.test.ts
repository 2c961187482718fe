// The words of the Undo and Redo buttons for every kind of edit, and the
// evidence items an edit names by a position that is not there.
import { describe, expect, it } from 'vitest';
import { applyEdit, describeEdit, type EditOperation } from '../../src/model/edit.ts';
import type { Relation } from '../../src/model/graph.ts';
import { deepFrozen, EDIT_GRAPH, PAPER } from './edit-graphs.ts';

const GRAPH = deepFrozen(EDIT_GRAPH);
const MET = GRAPH.relations.find((relation) => relation.id === 'ali-met-bea') as Relation;
const kind = { id: 'state', label: 'State' };
const type = { id: 'backs', label: 'backs', definition: 'Supports.', directed: true };
const source = {
  id: 'wire',
  title: 'A wire story',
  publisher: 'Wire',
  author: null,
  published: null,
  reliability: 'B' as const,
};

describe('the Undo button says what it undoes', () => {
  it('for every kind of edit, in words', () => {
    const cases: [EditOperation, string][] = [
      [{ op: 'add-actor-kind', kind }, 'Add actor kind “State”'],
      [{ op: 'update-actor-kind', kind: { id: 'person', label: 'Individual' } }, 'Edit actor kind “Individual”'],
      [{ op: 'remove-actor-kind', id: 'group' }, 'Remove actor kind “Armed group”'],
      [{ op: 'add-relation-type', type }, 'Add relation type “backs”'],
      [
        { op: 'update-relation-type', type: { ...type, id: 'met', label: 'met with' } },
        'Edit relation type “met with”',
      ],
      [{ op: 'remove-relation-type', id: 'denied' }, 'Remove relation type “denied”'],
      [{ op: 'add-source', source }, 'Add source “A wire story”'],
      [{ op: 'update-source', source: { ...source, id: 'paper' } }, 'Edit source “A wire story”'],
      [{ op: 'remove-source', id: 'paper' }, 'Remove source “A paper”'],
      [{ op: 'remove-source', id: 'nowhere' }, 'Remove source “nowhere”'],
      [{ op: 'update-relation', relation: { ...MET } }, 'Edit relation ali-met-bea'],
      [{ op: 'remove-relation', id: 'ali-met-bea' }, 'Remove relation ali-met-bea'],
      [{ op: 'add-evidence', owner: { kind: 'actor', id: 'bea' }, item: PAPER }, 'Add evidence to “Bea”'],
      [
        { op: 'update-evidence', owner: { kind: 'relation', id: 'ali-met-bea' }, index: 0, item: PAPER },
        'Edit evidence of ali-met-bea',
      ],
      [{ op: 'remove-evidence', owner: { kind: 'actor', id: 'ghost' }, index: 0 }, 'Remove evidence from “ghost”'],
      [{ op: 'set-positions', positions: { ali: null } }, 'Forget the position of “Ali”'],
      [{ op: 'set-positions', positions: { ali: null, bea: null } }, 'Forget the positions of 2 actors'],
      [{ op: 'set-positions', positions: { ali: { x: 1, y: 2 }, bea: null } }, 'Move 2 actors'],
      [{ op: 'set-meta', title: 'New title', description: GRAPH.description ?? null }, 'Rename the graph “New title”'],
      [{ op: 'set-meta', title: GRAPH.title, description: 'Other words.' }, 'Edit the graph’s description'],
      [{ op: 'set-meta', title: 'New title', description: 'Other words.' }, 'Edit the graph’s title and description'],
    ];
    for (const [operation, words] of cases) expect(describeEdit(operation, GRAPH), operation.op).toBe(words);
  });
});

describe('an evidence item named by a position that is not there', () => {
  it('is refused, whether the position is past the end, negative or not a whole number', () => {
    const owner = { kind: 'actor' as const, id: 'bea' };
    for (const index of [2, -1, 0.5]) {
      const updated = applyEdit(GRAPH, { op: 'update-evidence', owner, index, item: PAPER });
      expect(updated, String(index)).toEqual({
        ok: false,
        reason: `The actor “Bea” has no evidence item ${String(index + 1)} (it has 2)`,
      });
      expect(applyEdit(GRAPH, { op: 'remove-evidence', owner, index }).ok, String(index)).toBe(false);
    }
    const relation = { kind: 'relation' as const, id: 'ali-met-bea' };
    expect(applyEdit(GRAPH, { op: 'update-evidence', owner: relation, index: 1, item: PAPER })).toEqual({
      ok: false,
      reason: 'The relation ali-met-bea has no evidence item 2 (it has 1)',
    });
  });
});
