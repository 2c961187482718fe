// The edges of the ranking's helpers that a Stryker run on
// centrality-results.ts found unguarded: an empty ranking has no size range,
// a relation whose end is hidden ties nothing, and actors of the same name
// keep the file's order when sorted by name.
import { describe, expect, it } from 'vitest';
import {
  type CentralityResult,
  centralityOf,
  communitiesOf,
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

/** Actors and relations written "a-b" (met: undirected) or "a>b" (accused: directed). */
function tied(actors: string[], ties: string[]): Graph {
  return {
    ...graph,
    relationTypes: [
      { id: 'met', label: 'met', definition: 'Met.', directed: false },
      { id: 'accused', label: 'accused', definition: 'Accused.', directed: true },
    ],
    actors: actors.map((id) => ({ id, label: id.toUpperCase(), kind: 'person', evidence: [item] })),
    relations: ties.map((tie, index) => {
      const [from = '', to = ''] = tie.split(/[->]/);
      return { id: `r${index}`, type: tie.includes('>') ? 'accused' : 'met', from, to, evidence: [item] };
    }),
  };
}
const all = (g: Graph) => ({
  actorIds: new Set(g.actors.map((actor) => actor.id)),
  relationIds: new Set(g.relations.map((relation) => relation.id)),
});
const scoresOf = (g: Graph) => new Map(centralityOf(g, all(g)).actors.map((actor) => [actor.id, actor]));

describe('the measures where a Stryker run on centrality.ts found them unguarded', () => {
  it('PageRank follows direction: at the end of a chain of accusations ranks highest, its start lowest', () => {
    const ranks = scoresOf(tied(['a', 'b', 'c'], ['a>b', 'b>c']));
    const rank = (id: string) => ranks.get(id)?.pagerank ?? Number.NaN;
    expect(rank('c')).toBeGreaterThan(rank('b'));
    expect(rank('b')).toBeGreaterThan(rank('a'));
  });

  it('PageRank weighs parallel relations: two accusations of b count more than one of c', () => {
    const ranks = scoresOf(tied(['a', 'b', 'c'], ['a>b', 'a>b', 'a>c']));
    expect(ranks.get('b')?.pagerank ?? 0).toBeGreaterThan(ranks.get('c')?.pagerank ?? 0);
  });

  it('an actor with no relation has degree 0, in and out', () => {
    const scores = scoresOf(tied(['a', 'b', 'loner'], ['a>b']));
    expect(scores.get('loner')).toMatchObject({ degree: 0, inDegree: 0, outDegree: 0, betweenness: 0 });
    expect(scores.get('a')).toMatchObject({ degree: 1, inDegree: 0, outDegree: 1 });
  });

  it('the middle of three actors in a line lies between the other two: betweenness 1', () => {
    const scores = scoresOf(tied(['a', 'b', 'c'], ['a-b', 'b-c']));
    expect(scores.get('b')?.betweenness).toBe(1);
    expect(scores.get('a')?.betweenness).toBe(0);
  });

  it('a self-relation ties an actor to nobody', () => {
    const scores = scoresOf(tied(['a', 'b', 'c'], ['a-b', 'b-c', 'b-b']));
    expect(scores.get('b')?.betweenness).toBe(1);
    const looped = tied(['a', 'b', 'c'], ['a-b', 'b-c', 'b-b']);
    expect(centralityOf(looped, all(looped)).ties).toBe(2);
  });

  it('communities of equal size are numbered in the order of their first actor; no ties, no modularity', () => {
    const pairs = tied(['x', 'y', 'a', 'b'], ['a-b', 'x-y']);
    const split = communitiesOf(pairs, all(pairs));
    expect(split.count).toBe(2);
    expect(split.communityOf.get('x')).toBe(0);
    expect(split.communityOf.get('y')).toBe(0);
    expect(split.communityOf.get('a')).toBe(1);
    const alone = tied(['a', 'b'], []);
    expect(communitiesOf(alone, all(alone)).modularity).toBeNull();
  });

  it('two actors tied to each other: nobody lies between them, betweenness 0 (not a division by zero)', () => {
    const scores = scoresOf(tied(['a', 'b'], ['a-b']));
    expect(scores.get('a')?.betweenness).toBe(0);
    expect(scores.get('b')?.betweenness).toBe(0);
  });
});
