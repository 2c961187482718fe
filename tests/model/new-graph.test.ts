// A new graph, as the editor starts one: empty, valid, and drawn like the shipped graph.
import { describe, expect, it } from 'vitest';
import { applyEdit, type EditOperation } from '../../src/model/edit.ts';
import type { Graph } from '../../src/model/graph.ts';
import { graphToJson } from '../../src/model/graph-json.ts';
import { DEFAULT_ACTOR_KINDS, DEFAULT_RELATION_TYPES, newGraph } from '../../src/model/new-graph.ts';
import { parseGraph } from '../../src/model/validate.ts';
import { loadShippedGraph } from './shipped.ts';

describe('a new graph', () => {
  it('opens without a single problem, though it has no source, actor or relation yet', () => {
    const graph = newGraph('Militias in Basra', 'Who backs whom.', '2026-11-29');
    const result = parseGraph(graphToJson(graph));
    expect(result.problems).toEqual([]);
    expect(result.ok && result.graph).toEqual(graph);
    expect([graph.sources, graph.actors, graph.relations]).toEqual([[], [], []]);
    expect(Object.keys(graph)).not.toContain('layout');
  });

  it('has the title, description and date given, and no description when given none', () => {
    const graph = newGraph('Militias in Basra', 'Who backs whom.', '2026-11-29');
    expect([graph.title, graph.description, graph.updated]).toEqual([
      'Militias in Basra',
      'Who backs whom.',
      '2026-11-29',
    ]);
    expect(Object.hasOwn(newGraph('T', null, '2026-11-29'), 'description')).toBe(false);
  });

  it('has the shipped graph’s kinds and relation types, so that it draws the same way', () => {
    const shipped = loadShippedGraph();
    expect(DEFAULT_ACTOR_KINDS).toEqual(shipped.actorKinds);
    expect(DEFAULT_RELATION_TYPES).toEqual(shipped.relationTypes);
    const graph = newGraph('T', null, '2026-11-29');
    expect(graph.actorKinds).toEqual(shipped.actorKinds);
    expect(graph.relationTypes).toEqual(shipped.relationTypes);
  });

  it('has its own copy of the vocabulary: changing one graph’s kinds changes no other graph', () => {
    const first = newGraph('T', null, '2026-11-29');
    (first.actorKinds[0] as { label: string }).label = 'Changed';
    first.relationTypes.pop();
    const second = newGraph('T', null, '2026-11-29');
    expect(second.actorKinds[0]?.label).toBe('Person');
    expect(second.relationTypes).toHaveLength(DEFAULT_RELATION_TYPES.length);
    expect(DEFAULT_ACTOR_KINDS[0]?.label).toBe('Person');
  });

  it('takes a first source, two actors, a relation and their positions, and still opens without errors', () => {
    const paper = { source: 'paper', quote: 'They met.', attributedTo: 'the paper', credibility: 2 as const };
    const operations: EditOperation[] = [
      {
        op: 'add-source',
        source: { id: 'paper', title: 'A paper', publisher: 'Press', author: null, published: null, reliability: 'C' },
      },
      { op: 'add-actor', actor: { id: 'ali', label: 'Ali', kind: 'person', evidence: [paper] } },
      { op: 'add-actor', actor: { id: 'bea', label: 'Bea', kind: 'person', evidence: [paper] } },
      { op: 'add-relation', relation: { id: 'ali-met-bea', type: 'met', from: 'ali', to: 'bea', evidence: [paper] } },
      { op: 'set-positions', positions: { ali: { x: 0, y: 0 }, bea: { x: 120, y: 40 } } },
    ];
    let graph: Graph = newGraph('T', null, '2026-11-29');
    for (const op of operations) {
      const result = applyEdit(graph, op);
      if (!result.ok) throw new Error(result.reason);
      graph = result.graph;
    }
    expect(parseGraph(graphToJson(graph)).problems).toEqual([]);
  });
});
