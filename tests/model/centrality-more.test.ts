// The edges of the ranking's helpers that a Stryker run on
// centrality-results.ts found unguarded: an empty ranking has no size range,
// a relation whose end is hidden ties nothing, and actors of the same name
// keep the file's order when sorted by name.
import { describe, expect, it } from 'vitest';
import {
  type CentralityResult,
  centralityOf,
  measureRange,
  networkInputOf,
  sortScores,
} from '../../src/model/centrality.ts';
import type { Graph } from '../../src/model/graph.ts';

const item = { source: 'paper', quote: 'q', attributedTo: 'the paper', credibility: 2 as const };
const graph: Graph = {
  title: 'test',
  updated: '2024-01-01',
  actorKinds: [{ id: 'person', label: 'Person' }],
  relationTypes: [{ id: 'met', label: 'met', definition: 'Met.', directed: false }],
  sources: [{ id: 'paper', title: 'P', publisher: 'P', author: null, published: null, reliability: 'B' }],
  actors: ['a', 'b', 'c'].map((id) => ({ id, label: 'Same name', kind: 'person', evidence: [item] })),
  relations: [
    { id: 'a-b', type: 'met', from: 'a', to: 'b', evidence: [item] },
    { id: 'b-c', type: 'met', from: 'b', to: 'c', evidence: [item] },
  ],
};

describe('the ranking helpers at their edges', () => {
  it('nothing shown: no size range for any measure', () => {
    const empty: CentralityResult = centralityOf(graph, { actorIds: new Set(), relationIds: new Set() });
    expect(empty.actors).toEqual([]);
    expect(measureRange(empty, 'degree')).toBeNull();
    expect(measureRange(empty, 'betweenness')).toBeNull();
  });

  it('a relation shown whose end is hidden ties nothing (its ends are not sent)', () => {
    const input = networkInputOf(graph, { actorIds: new Set(['a', 'b']), relationIds: new Set(['a-b', 'b-c']) });
    expect(input.actorIds).toEqual(['a', 'b']);
    expect([...input.from]).toEqual([0]);
    expect([...input.to]).toEqual([1]);
    const result = centralityOf(graph, { actorIds: new Set(['a', 'b']), relationIds: new Set(['a-b', 'b-c']) });
    expect(result.actors.find((actor) => actor.id === 'b')?.degree).toBe(1);
  });

  it('actors of the same name keep the order of the file, either way', () => {
    const result = centralityOf(graph, {
      actorIds: new Set(['a', 'b', 'c']),
      relationIds: new Set(['a-b', 'b-c']),
    });
    const labels = new Map(graph.actors.map((actor) => [actor.id, actor.label]));
    expect(sortScores(result, 'actor', true, labels).map((actor) => actor.id)).toEqual(['a', 'b', 'c']);
    expect(sortScores(result, 'actor', false, labels).map((actor) => actor.id)).toEqual(['a', 'b', 'c']);
  });
});
