// What each edit does to a graph, what undoes it, and why an edit is refused.
import { describe, expect, it } from 'vitest';
import { applyEdit, describeEdit, type EditOperation } from '../../src/model/edit.ts';
import type { Actor, Graph, Relation } from '../../src/model/graph.ts';
import { graphToJson } from '../../src/model/graph-json.ts';
import { parseGraph } from '../../src/model/validate.ts';
import { deepFrozen, EDIT_GRAPH, editedAndUndone, PAPER, refusal } from './edit-graphs.ts';

const GRAPH = deepFrozen(EDIT_GRAPH);
const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
const DAN: Actor = { id: 'dan', label: 'Dan', kind: 'person', evidence: [PAPER] };
const NEW_RELATION: Relation = { id: 'bea-met-cem', type: 'met', from: 'bea', to: 'cem', evidence: [PAPER] };

/** The graph after `op`, which must be applied. */
function graphAfter(graph: Graph, op: EditOperation): Graph {
  const result = applyEdit(graph, op);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.graph;
}

function opensWithoutErrors(graph: Graph): void {
  const result = parseGraph(graphToJson(graph));
  expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
}

describe('the title and description', () => {
  it('are replaced, and undo gives back the old ones', () => {
    const edited = editedAndUndone(GRAPH, { op: 'set-meta', title: 'Renamed', description: 'New words.' });
    expect([edited.title, edited.description]).toEqual(['Renamed', 'New words.']);
  });

  it('lose the description when it is set to none, and undo brings it back', () => {
    const edited = editedAndUndone(GRAPH, { op: 'set-meta', title: GRAPH.title, description: null });
    expect(Object.hasOwn(edited, 'description')).toBe(false);
    const { description: _description, ...withoutDescription } = GRAPH;
    const added = editedAndUndone(withoutDescription, { op: 'set-meta', title: 'T', description: 'D' });
    expect(added.description).toBe('D');
  });
});

describe('actor kinds', () => {
  it('are added at the place asked for, and undo takes the new kind away', () => {
    const edited = editedAndUndone(GRAPH, { op: 'add-actor-kind', kind: { id: 'state', label: 'State' }, at: 1 });
    expect(ids(edited.actorKinds)).toEqual(['person', 'state', 'group']);
    expect(ids(graphAfter(GRAPH, { op: 'add-actor-kind', kind: { id: 'state', label: 'State' } }).actorKinds)).toEqual([
      'person',
      'group',
      'state',
    ]);
  });

  it('are edited in place, and undo gives back the old colour and label', () => {
    const kind = { id: 'group', label: 'Militia', shape: 'octagon' };
    expect(editedAndUndone(GRAPH, { op: 'update-actor-kind', kind }).actorKinds[1]).toBe(kind);
  });

  it('when unused, are removed, and undo puts the kind back at its place', () => {
    const withState = graphAfter(GRAPH, { op: 'add-actor-kind', kind: { id: 'state', label: 'State' }, at: 0 });
    expect(ids(editedAndUndone(withState, { op: 'remove-actor-kind', id: 'state' }).actorKinds)).toEqual([
      'person',
      'group',
    ]);
  });

  it('are refused when the id is taken, unknown, still used, or the last one', () => {
    expect(refusal(GRAPH, { op: 'add-actor-kind', kind: { id: 'person', label: 'People' } })).toBe(
      'There is already an actor kind “person”',
    );
    expect(refusal(GRAPH, { op: 'update-actor-kind', kind: { id: 'state', label: 'State' } })).toBe(
      'There is no actor kind “state”',
    );
    expect(refusal(GRAPH, { op: 'remove-actor-kind', id: 'person' })).toBe(
      'The actor kind “Person” is used by 2 actors: give them another kind first',
    );
    expect(refusal(GRAPH, { op: 'remove-actor-kind', id: 'group' })).toBe(
      'The actor kind “Armed group” is used by 1 actor: give it another kind first',
    );
    const oneKind = { ...GRAPH, actors: [], relations: [], actorKinds: [{ id: 'person', label: 'Person' }] };
    expect(refusal(oneKind, { op: 'remove-actor-kind', id: 'person' })).toBe(
      'A graph needs at least one actor kind: add another first',
    );
    expect(refusal(GRAPH, { op: 'add-actor-kind', kind: { id: 'state', label: 'State' }, at: 3 })).toBe(
      'Cannot put the actor kind at place 3: the list has 2 items',
    );
  });
});

describe('relation types', () => {
  const backs = { id: 'backs', label: 'backs', definition: 'Supports.', directed: true };

  it('are added, edited and (when unused) removed, each undone exactly', () => {
    const added = editedAndUndone(GRAPH, { op: 'add-relation-type', type: backs, at: 0 });
    expect(ids(added.relationTypes)).toEqual(['backs', 'met', 'accused', 'denied']);
    const type = { ...backs, label: 'supports', family: 'affiliation' as const };
    expect(editedAndUndone(added, { op: 'update-relation-type', type }).relationTypes[0]).toBe(type);
    expect(ids(editedAndUndone(added, { op: 'remove-relation-type', id: 'backs' }).relationTypes)).toEqual([
      'met',
      'accused',
      'denied',
    ]);
  });

  it('are refused when the id is taken, unknown or still used', () => {
    expect(refusal(GRAPH, { op: 'add-relation-type', type: { ...backs, id: 'met' } })).toBe(
      'There is already a relation type “met”',
    );
    expect(refusal(GRAPH, { op: 'update-relation-type', type: backs })).toBe('There is no relation type “backs”');
    expect(refusal(GRAPH, { op: 'remove-relation-type', id: 'backs' })).toBe('There is no relation type “backs”');
    expect(refusal(GRAPH, { op: 'remove-relation-type', id: 'denied' })).toBe(
      'The relation type “denied” is used by 3 relations: give them another type first',
    );
  });
});

describe('sources', () => {
  const tv = {
    id: 'tv',
    title: 'A TV report',
    publisher: 'TV',
    author: null,
    published: null,
    reliability: 'F' as const,
  };

  it('are added, edited and (when cited nowhere) removed, each undone exactly', () => {
    const added = editedAndUndone(GRAPH, { op: 'add-source', source: tv, at: 1 });
    expect(ids(added.sources)).toEqual(['paper', 'tv', 'radio']);
    const edited = editedAndUndone(added, { op: 'update-source', source: { ...tv, reliability: 'B' } });
    expect(edited.sources[1]?.reliability).toBe('B');
    expect(ids(editedAndUndone(added, { op: 'remove-source', id: 'tv' }).sources)).toEqual(['paper', 'radio']);
  });

  it('are refused when the id is taken or unknown, and kept while evidence cites them, saying how often', () => {
    expect(refusal(GRAPH, { op: 'add-source', source: { ...tv, id: 'paper' } })).toBe(
      'There is already a source “paper”',
    );
    expect(refusal(GRAPH, { op: 'update-source', source: tv })).toBe('There is no source “tv”');
    expect(refusal(GRAPH, { op: 'remove-source', id: 'paper' })).toBe(
      'The source “A paper” is cited by 4 evidence items: remove them or cite another source first',
    );
  });
});

describe('adding and editing an actor', () => {
  it('adds the actor at its place, and undo takes it away', () => {
    const edited = editedAndUndone(GRAPH, { op: 'add-actor', actor: DAN, at: 1 });
    expect(ids(edited.actors)).toEqual(['ali', 'dan', 'bea', 'cem']);
    opensWithoutErrors(edited);
  });

  it('lets a new actor be the claimant of its own evidence (its own statement)', () => {
    const actor = { ...DAN, evidence: [{ ...PAPER, claimant: 'dan' }] };
    expect(editedAndUndone(GRAPH, { op: 'add-actor', actor }).actors[3]).toBe(actor);
  });

  it('replaces the actor, evidence included, and undo gives back the old one', () => {
    const actor = { ...GRAPH.actors[0]!, label: 'Ali Baba', evidence: [PAPER, PAPER] };
    expect(editedAndUndone(GRAPH, { op: 'update-actor', actor }).actors[0]).toBe(actor);
  });

  it('is refused for an id an actor or a relation has, an unknown kind, source or claimant, or no evidence', () => {
    expect(refusal(GRAPH, { op: 'add-actor', actor: { ...DAN, id: 'ali' } })).toBe(
      'There is already an actor with the id “ali”',
    );
    expect(refusal(GRAPH, { op: 'add-actor', actor: { ...DAN, id: 'ali-met-bea' } })).toBe(
      'There is already a relation with the id “ali-met-bea” (actors and relations share one set of ids)',
    );
    expect(refusal(GRAPH, { op: 'add-actor', actor: { ...DAN, kind: 'state' } })).toBe(
      'There is no actor kind “state”',
    );
    expect(refusal(GRAPH, { op: 'add-actor', actor: { ...DAN, evidence: [] } })).toBe(
      'An actor needs at least one evidence item',
    );
    expect(refusal(GRAPH, { op: 'add-actor', actor: { ...DAN, evidence: [{ ...PAPER, source: 'tv' }] } })).toBe(
      'There is no source “tv” to cite',
    );
    expect(refusal(GRAPH, { op: 'update-actor', actor: { ...DAN, evidence: [{ ...PAPER, claimant: 'eve' }] } })).toBe(
      'There is no actor “dan”',
    );
    const ali = GRAPH.actors[0]!;
    expect(refusal(GRAPH, { op: 'update-actor', actor: { ...ali, evidence: [{ ...PAPER, claimant: 'eve' }] } })).toBe(
      'The claimant “eve” is not an actor of the graph',
    );
    expect(refusal(GRAPH, { op: 'add-actor', actor: DAN, at: -1 })).toBe(
      'Cannot put the actor at place -1: the list has 3 items',
    );
  });
});

describe('removing an actor', () => {
  it('with nothing referring to it, removes just the actor, and undo puts it back at its place', () => {
    const withDan = graphAfter(GRAPH, { op: 'add-actor', actor: DAN, at: 1 });
    const result = applyEdit(withDan, { op: 'remove-actor', id: 'dan' });
    expect(result.ok && result.inverse).toEqual({ op: 'add-actor', actor: DAN, at: 1 });
    expect(editedAndUndone(withDan, { op: 'remove-actor', id: 'dan' })).toStrictEqual(GRAPH);
  });

  it('takes its relations, the answers naming them, the claimants naming it and its position', () => {
    const edited = editedAndUndone(GRAPH, { op: 'remove-actor', id: 'ali' });
    expect(ids(edited.actors)).toEqual(['bea', 'cem']);
    expect(ids(edited.relations)).toEqual(['bea-accused-cem', 'cem-denied-bea', 'bea-denied-cem']);
    // cem-denied-bea answered ali-denied-cem too; bea-denied-cem answered only cem-accused-ali.
    expect(edited.relations[1]?.answers).toEqual(['bea-accused-cem']);
    expect(Object.hasOwn(edited.relations[2]!, 'answers')).toBe(false);
    // Bea's evidence and bea-accused-cem's quoted a spokesman with Ali as the claimant: the field goes.
    expect(Object.hasOwn(edited.actors[0]!.evidence[1]!, 'claimant')).toBe(false);
    expect(Object.hasOwn(edited.relations[0]!.evidence[1]!, 'claimant')).toBe(false);
    expect(edited.relations[0]!.evidence[1]).toEqual({
      source: 'radio',
      quote: 'It was said.',
      attributedTo: 'a spokesman',
      credibility: 3,
    });
    expect(edited.layout).toEqual({ positions: { cem: { x: -30.5, y: 0 } } });
    opensWithoutErrors(edited);
  });

  it('is one batch of plain edits, whose undo puts every relation, answer, claimant and position back', () => {
    const result = applyEdit(GRAPH, { op: 'remove-actor', id: 'ali' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.inverse.op).toBe('batch');
    const steps = result.inverse.op === 'batch' ? result.inverse.operations.map((step) => step.op) : [];
    expect(steps).toEqual([
      'add-actor',
      'set-positions',
      'add-relation',
      'add-relation',
      'add-relation',
      'update-relation',
      'update-relation',
      'update-relation',
      'update-relation',
      'update-actor',
    ]);
    const undone = applyEdit(result.graph, result.inverse);
    expect(undone.ok && undone.graph).toStrictEqual(GRAPH);
    expect(undone.ok && graphToJson(undone.graph)).toBe(graphToJson(GRAPH));
  });

  it('keeps a layout for the others, and drops the layout block with the last position', () => {
    const onlyAli = { ...GRAPH, layout: { positions: { ali: { x: 1, y: 2 } } } };
    expect(Object.hasOwn(editedAndUndone(onlyAli, { op: 'remove-actor', id: 'ali' }), 'layout')).toBe(false);
  });

  it('is refused for an actor that is not there', () => {
    expect(refusal(GRAPH, { op: 'remove-actor', id: 'eve' })).toBe('There is no actor “eve”');
  });
});

describe('relations', () => {
  it('are added at their place, and undo takes the new one away', () => {
    const edited = editedAndUndone(GRAPH, { op: 'add-relation', relation: NEW_RELATION, at: 0 });
    expect(edited.relations[0]).toBe(NEW_RELATION);
    opensWithoutErrors(edited);
  });

  it('are replaced whole, and undo gives back the old one', () => {
    const relation = { ...GRAPH.relations[0]!, type: 'accused', date: '2021' };
    expect(editedAndUndone(GRAPH, { op: 'update-relation', relation }).relations[0]).toBe(relation);
  });

  it('take the answers naming them when removed, and undo puts those back', () => {
    const edited = editedAndUndone(GRAPH, { op: 'remove-relation', id: 'cem-accused-ali' });
    expect(ids(edited.relations)).not.toContain('cem-accused-ali');
    expect(edited.relations.filter((relation) => relation.answers !== undefined).map((r) => r.answers)).toEqual([
      ['bea-accused-cem', 'ali-denied-cem'],
    ]);
    opensWithoutErrors(edited);
  });

  it('named by no answer are removed alone, and undo puts the relation back at its index', () => {
    const result = applyEdit(GRAPH, { op: 'remove-relation', id: 'ali-met-bea' });
    expect(result.ok && result.inverse).toEqual({ op: 'add-relation', relation: GRAPH.relations[0], at: 0 });
  });

  it('are refused without evidence, with an unknown end, type or answer, or with an id in use', () => {
    const add = (changes: Partial<Relation>) =>
      refusal(GRAPH, { op: 'add-relation', relation: { ...NEW_RELATION, ...changes } });
    expect(add({ evidence: [] })).toBe('A relation needs at least one evidence item');
    expect(add({ from: 'eve' })).toBe('There is no actor “eve” to link from');
    expect(add({ to: 'eve' })).toBe('There is no actor “eve” to link to');
    expect(add({ type: 'backs' })).toBe('There is no relation type “backs”');
    expect(add({ answers: ['nothing'] })).toBe('There is no relation “nothing” for this one to answer');
    expect(add({ answers: ['bea-met-cem'] })).toBe('A relation cannot answer itself');
    expect(add({ id: 'cem' })).toBe('There is already an actor with the id “cem”');
    expect(add({ id: 'ali-met-bea' })).toBe(
      'There is already a relation with the id “ali-met-bea” (actors and relations share one set of ids)',
    );
    expect(refusal(GRAPH, { op: 'update-relation', relation: NEW_RELATION })).toBe(
      'There is no relation “bea-met-cem”',
    );
    expect(refusal(GRAPH, { op: 'remove-relation', id: 'bea-met-cem' })).toBe('There is no relation “bea-met-cem”');
  });
});

describe('evidence', () => {
  const aliOwner = { kind: 'actor' as const, id: 'ali' };
  const relationOwner = { kind: 'relation' as const, id: 'bea-accused-cem' };
  const radio = { source: 'radio', quote: 'Ali was there.', attributedTo: 'the radio', credibility: 3 as const };

  it('is added to an actor or a relation at its place, and undo removes it', () => {
    expect(
      editedAndUndone(GRAPH, { op: 'add-evidence', owner: aliOwner, item: radio, at: 0 }).actors[0]?.evidence,
    ).toEqual([radio, PAPER]);
    const edited = editedAndUndone(GRAPH, { op: 'add-evidence', owner: relationOwner, item: radio });
    expect(edited.relations[2]?.evidence[2]).toBe(radio);
  });

  it('is replaced at its index, and undo gives back the old item', () => {
    const edited = editedAndUndone(GRAPH, { op: 'update-evidence', owner: relationOwner, index: 1, item: radio });
    expect(edited.relations[2]?.evidence).toEqual([PAPER, radio]);
  });

  it('is removed, and undo puts the item back at its index', () => {
    const edited = editedAndUndone(GRAPH, { op: 'remove-evidence', owner: relationOwner, index: 0 });
    expect(edited.relations[2]?.evidence.map((item) => item.attributedTo)).toEqual(['a spokesman']);
  });

  it('is refused for an unknown owner, index, source or claimant, and when it is the last item', () => {
    expect(refusal(GRAPH, { op: 'add-evidence', owner: { kind: 'actor', id: 'eve' }, item: radio })).toBe(
      'There is no actor “eve”',
    );
    expect(refusal(GRAPH, { op: 'add-evidence', owner: aliOwner, item: { ...radio, source: 'tv' } })).toBe(
      'There is no source “tv” to cite',
    );
    expect(
      refusal(GRAPH, { op: 'update-evidence', owner: aliOwner, index: 0, item: { ...radio, claimant: 'eve' } }),
    ).toBe('The claimant “eve” is not an actor of the graph');
    expect(refusal(GRAPH, { op: 'update-evidence', owner: aliOwner, index: 1, item: radio })).toBe(
      'The actor “Ali” has no evidence item 2 (it has 1)',
    );
    expect(refusal(GRAPH, { op: 'remove-evidence', owner: relationOwner, index: 2 })).toBe(
      'The relation bea-accused-cem has no evidence item 3 (it has 2)',
    );
    expect(refusal(GRAPH, { op: 'remove-evidence', owner: aliOwner, index: 0 })).toBe(
      'This is the last evidence item of the actor “Ali”: an actor needs at least one, so add another first',
    );
    expect(refusal(GRAPH, { op: 'remove-evidence', owner: { kind: 'relation', id: 'ali-met-bea' }, index: 0 })).toBe(
      'This is the last evidence item of the relation ali-met-bea: a relation needs at least one, so add another first',
    );
  });
});

describe('saved positions', () => {
  it('move an actor in place and place a new one after the others; undo gives back the old positions', () => {
    const op: EditOperation = { op: 'set-positions', positions: { bea: { x: 5, y: 5 }, ali: { x: 0, y: 0 } } };
    const result = applyEdit(GRAPH, op);
    expect(result.ok && result.graph.layout).toEqual({
      positions: { ali: { x: 0, y: 0 }, cem: { x: -30.5, y: 0 }, bea: { x: 5, y: 5 } },
    });
    expect(result.ok && Object.keys(result.graph.layout?.positions ?? {})).toEqual(['ali', 'cem', 'bea']);
    expect(result.ok && result.inverse).toEqual({
      op: 'set-positions',
      positions: { bea: null, ali: { x: 10, y: 20 } },
    });
    editedAndUndone(GRAPH, op);
  });

  it('are forgotten with null, and the layout block goes with the last one, so undo leaves a file without one', () => {
    const edited = editedAndUndone(GRAPH, { op: 'set-positions', positions: { ali: null, cem: null, bea: null } });
    expect(Object.hasOwn(edited, 'layout')).toBe(false);
    const { layout: _layout, ...withoutLayout } = GRAPH;
    const placed = editedAndUndone(withoutLayout, { op: 'set-positions', positions: { bea: { x: 1, y: 1 } } });
    expect(placed.layout).toEqual({ positions: { bea: { x: 1, y: 1 } } });
  });

  it('are refused for an actor that is not there, and for numbers a file cannot hold', () => {
    expect(refusal(GRAPH, { op: 'set-positions', positions: { eve: { x: 1, y: 1 } } })).toBe(
      'There is no actor “eve” to place',
    );
    expect(refusal(GRAPH, { op: 'set-positions', positions: { ali: { x: Number.NaN, y: 1 } } })).toBe(
      'A position needs numbers between -10,000,000 and 10,000,000, not NaN, 1',
    );
    expect(refusal(GRAPH, { op: 'set-positions', positions: { ali: { x: 0, y: 2e7 } } })).toMatch(/not 0, 20000000$/);
  });
});

describe('a batch of edits', () => {
  const batch: EditOperation = {
    op: 'batch',
    label: 'Add Dan, who met Bea',
    operations: [
      { op: 'add-actor', actor: DAN },
      { op: 'add-relation', relation: { ...NEW_RELATION, id: 'dan-met-bea', from: 'dan' } },
      { op: 'set-positions', positions: { dan: { x: 3, y: 4 } } },
    ],
  };

  it('applies its edits in order, and undo takes them back in reverse as one', () => {
    const result = applyEdit(GRAPH, batch);
    expect(result.ok && result.inverse).toEqual({
      op: 'batch',
      label: 'Add Dan, who met Bea',
      operations: [
        { op: 'set-positions', positions: { dan: null } },
        { op: 'remove-relation', id: 'dan-met-bea' },
        { op: 'remove-actor', id: 'dan' },
      ],
    });
    editedAndUndone(GRAPH, batch);
  });

  it('is refused whole, with the reason of the edit that cannot be made', () => {
    const failing = { ...batch, operations: [...batch.operations, { op: 'remove-actor', id: 'eve' } as const] };
    expect(refusal(GRAPH, failing)).toBe('There is no actor “eve”');
  });
});

describe('every edit', () => {
  it('leaves what it does not change as it was: the same objects', () => {
    const edited = graphAfter(GRAPH, { op: 'update-actor', actor: { ...GRAPH.actors[1]!, label: 'B.' } });
    expect(edited.actors[0]).toBe(GRAPH.actors[0]);
    expect(edited.actors[2]).toBe(GRAPH.actors[2]);
    expect(edited.relations).toBe(GRAPH.relations);
    expect(edited.layout).toBe(GRAPH.layout);
  });
});

describe('an edit read from JSON', () => {
  it('of a kind the explorer does not know is refused, not applied', () => {
    const unknown = { op: 'merge-actors', ids: ['ali', 'bea'] } as unknown as EditOperation;
    expect(refusal(GRAPH, unknown)).toBe('The explorer does not know the edit "merge-actors"');
    expect(describeEdit(unknown, GRAPH)).toBe('Edit');
  });
});

describe('the words on the undo button', () => {
  it('say what the edit does, by the names an analyst sees', () => {
    const cases: [EditOperation, string][] = [
      [{ op: 'add-actor', actor: { ...DAN, label: 'Ali' } }, 'Add actor “Ali”'],
      [{ op: 'update-actor', actor: GRAPH.actors[1]! }, 'Edit actor “Bea”'],
      [{ op: 'remove-actor', id: 'cem' }, 'Remove actor “Cem”'],
      [{ op: 'remove-relation', id: 'ali-met-bea' }, 'Remove relation ali-met-bea'],
      [{ op: 'add-relation', relation: NEW_RELATION }, 'Add relation bea-met-cem'],
      [{ op: 'remove-actor-kind', id: 'group' }, 'Remove actor kind “Armed group”'],
      [{ op: 'remove-relation-type', id: 'met' }, 'Remove relation type “met”'],
      [{ op: 'remove-source', id: 'radio' }, 'Remove source “A radio report”'],
      [{ op: 'add-evidence', owner: { kind: 'actor', id: 'ali' }, item: PAPER }, 'Add evidence to “Ali”'],
      [
        { op: 'remove-evidence', owner: { kind: 'relation', id: 'ali-met-bea' }, index: 0 },
        'Remove evidence from ali-met-bea',
      ],
      [{ op: 'set-positions', positions: { ali: { x: 1, y: 1 }, bea: { x: 2, y: 2 }, cem: null } }, 'Move 3 actors'],
      [{ op: 'set-positions', positions: { bea: { x: 2, y: 2 } } }, 'Move “Bea”'],
      [{ op: 'set-positions', positions: { ali: null } }, 'Forget the position of “Ali”'],
      [{ op: 'set-meta', title: 'New', description: GRAPH.description ?? null }, 'Rename the graph “New”'],
      [{ op: 'set-meta', title: GRAPH.title, description: null }, 'Edit the graph’s description'],
      [{ op: 'batch', label: 'Merge Ali into Bea', operations: [] }, 'Merge Ali into Bea'],
    ];
    for (const [op, words] of cases) expect(describeEdit(op, GRAPH)).toBe(words);
  });

  it('shorten a long name', () => {
    const label = 'A'.repeat(100);
    expect(describeEdit({ op: 'add-actor', actor: { ...DAN, label } }, GRAPH)).toBe(`Add actor “${'A'.repeat(60)}…”`);
  });

  it('name a compound removal in its undo batch', () => {
    const result = applyEdit(GRAPH, { op: 'remove-actor', id: 'ali' });
    expect(result.ok && result.inverse.op === 'batch' && result.inverse.label).toBe('Remove actor “Ali”');
  });
});
