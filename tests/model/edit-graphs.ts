// A small valid graph for the editor's tests, with everything an edit can
// reach: claimants naming actors, relations answering relations, saved positions.
import { expect } from 'vitest';
import { applyEdit, type EditOperation } from '../../src/model/edit.ts';
import type { EvidenceItem, Graph } from '../../src/model/graph.ts';

export const PAPER: EvidenceItem = { source: 'paper', quote: 'They met.', attributedTo: 'the paper', credibility: 2 };
const RADIO: EvidenceItem = { source: 'radio', quote: 'It was said.', attributedTo: 'the radio', credibility: 3 };
const SAID_BY_ALI: EvidenceItem = { ...RADIO, attributedTo: 'a spokesman', claimant: 'ali' };

/**
 * Kinds person, group; types met, accused, denied; sources paper, radio; actors ali, bea (citing ali as a
 * claimant), cem; six relations, three of which answer others; positions for ali and cem.
 */
export const EDIT_GRAPH: Graph = {
  title: 'Edit graph',
  description: 'For the editor’s tests.',
  updated: '2024-01-02',
  actorKinds: [
    { id: 'person', label: 'Person' },
    { id: 'group', label: 'Armed group', color: '#d62728' },
  ],
  relationTypes: [
    { id: 'met', label: 'met', definition: 'Met in person.', directed: false },
    { id: 'accused', label: 'accused', definition: 'Blamed publicly.', directed: true, contested: true },
    { id: 'denied', label: 'denied', definition: 'Rejected a claim.', directed: true },
  ],
  sources: [
    { id: 'paper', title: 'A paper', publisher: 'Press', author: null, published: null, reliability: 'C' },
    {
      id: 'radio',
      title: 'A radio report',
      publisher: 'Radio',
      author: 'R. Ed',
      published: '2021-11-08',
      reliability: 'D',
    },
  ],
  actors: [
    { id: 'ali', label: 'Ali', kind: 'person', evidence: [PAPER] },
    { id: 'bea', label: 'Bea', kind: 'person', aliases: ['Beatrice'], evidence: [PAPER, SAID_BY_ALI] },
    { id: 'cem', label: 'Cem', kind: 'group', evidence: [RADIO] },
  ],
  relations: [
    { id: 'ali-met-bea', type: 'met', from: 'ali', to: 'bea', date: '2021-11', evidence: [PAPER] },
    { id: 'cem-accused-ali', type: 'accused', from: 'cem', to: 'ali', evidence: [{ ...RADIO, claimant: 'cem' }] },
    { id: 'bea-accused-cem', type: 'accused', from: 'bea', to: 'cem', evidence: [PAPER, SAID_BY_ALI] },
    {
      id: 'cem-denied-bea',
      type: 'denied',
      from: 'cem',
      to: 'bea',
      answers: ['bea-accused-cem', 'ali-denied-cem'],
      evidence: [RADIO],
    },
    { id: 'bea-denied-cem', type: 'denied', from: 'bea', to: 'cem', answers: ['cem-accused-ali'], evidence: [RADIO] },
    { id: 'ali-denied-cem', type: 'denied', from: 'ali', to: 'cem', answers: ['cem-accused-ali'], evidence: [RADIO] },
  ],
  layout: { positions: { ali: { x: 10, y: 20 }, cem: { x: -30.5, y: 0 } } },
};

/** The graph and every object in it frozen, so that a test fails if an edit changes its input. */
export function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFrozen(inner);
    Object.freeze(value);
  }
  return value;
}

/** The graph after `op`, which must be applied; and the graph after its inverse, which must be the graph before. */
export function editedAndUndone(graph: Graph, op: EditOperation): Graph {
  const result = applyEdit(graph, op);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  const undone = applyEdit(result.graph, result.inverse);
  if (!undone.ok) throw new Error(`undo refused: ${undone.reason}`);
  expect(undone.graph).toStrictEqual(graph);
  return result.graph;
}

/** Why `op` is refused; it must be. */
export function refusal(graph: Graph, op: EditOperation): string {
  const result = applyEdit(graph, op);
  if (result.ok) throw new Error(`applied: ${JSON.stringify(op)}`);
  return result.reason;
}
