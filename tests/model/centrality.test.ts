// Who matters: each measure against values known by hand on small graphs,
// how parallel, undirected and self relations count, graphs in parts, and the
// shipped graph against a brute-force count and graphology's own betweenness.
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../scripts/generate-graph.ts';
import {
  type ActorScores,
  type CentralityResult,
  centralityOf,
  centralityOfInput,
  communitiesOf,
  communityColours,
  formatScore,
  MEASURE_INFO,
  MEASURES,
  measureRange,
  networkInputOf,
  rankBy,
  sizesFor,
  sortScores,
} from '../../src/model/centrality.ts';
import { DEFAULT_FILTERS, type VisibleSubgraph, visibleSubgraph } from '../../src/model/filter.ts';
import type { Graph as GraphFile, Relation } from '../../src/model/graph.ts';
import { COMMUNITY_COLOURS, distinguishable, OTHER_COMMUNITY_COLOUR } from '../../src/model/palette.ts';
import { loadShippedGraph } from './shipped.ts';

const item = { source: 'paper', quote: 'q', attributedTo: 'the paper', credibility: 2 as const };

/** A graph of actors and relations written "a-b" (met: undirected) or "a>b" (accused: directed). */
function graphOf(actors: string[], ties: string[]): GraphFile {
  const relations: Relation[] = ties.map((tie, index) => {
    const [from = '', to = ''] = tie.split(/[->]/);
    return { id: `r${index}`, type: tie.includes('>') ? 'accused' : 'met', from, to, evidence: [item] };
  });
  return {
    title: 'test',
    updated: '2024-01-01',
    actorKinds: [{ id: 'person', label: 'Person' }],
    relationTypes: [
      { id: 'met', label: 'met', definition: 'Met.', directed: false },
      { id: 'accused', label: 'accused', definition: 'Accused.', directed: true },
    ],
    sources: [{ id: 'paper', title: 'P', publisher: 'P', author: null, published: null, reliability: 'B' }],
    actors: actors.map((id) => ({ id, label: id.toUpperCase(), kind: 'person', evidence: [item] })),
    relations,
  };
}

const everything = (graph: GraphFile): VisibleSubgraph => ({
  actorIds: new Set(graph.actors.map((actor) => actor.id)),
  relationIds: new Set(graph.relations.map((relation) => relation.id)),
});

function scores(graph: GraphFile): Map<string, ActorScores> {
  const result = centralityOf(graph, everything(graph));
  return new Map(result.actors.map((actor) => [actor.id, actor]));
}

const get = (map: Map<string, ActorScores>, id: string): ActorScores => {
  const found = map.get(id);
  if (!found) throw new Error(`no scores for ${id}`);
  return found;
};

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('centrality on small graphs with known values', () => {
  it('a star: the centre lies on every path between leaves (betweenness 1), the leaves on none', () => {
    const star = scores(graphOf(['c', 'l1', 'l2', 'l3', 'l4'], ['c-l1', 'c-l2', 'c-l3', 'c-l4']));
    expect(get(star, 'c').betweenness).toBeCloseTo(1, 12);
    for (const leaf of ['l1', 'l2', 'l3', 'l4']) expect(get(star, leaf).betweenness).toBe(0);
    expect(get(star, 'c').degree).toBe(4);
    // Eigenvector of a star with k leaves: centre 1/√2, each leaf 1/√(2k).
    expect(get(star, 'c').eigenvector).toBeCloseTo(Math.SQRT1_2, 4);
    expect(get(star, 'l1').eigenvector).toBeCloseTo(1 / Math.sqrt(8), 4);
  });

  it('a path a–b–c–d: b and c each lie on 2 of the 3 pairs without them (2/3), the ends on none', () => {
    const path = scores(graphOf(['a', 'b', 'c', 'd'], ['a-b', 'b-c', 'c-d']));
    expect(get(path, 'b').betweenness).toBeCloseTo(2 / 3, 12);
    expect(get(path, 'c').betweenness).toBeCloseTo(2 / 3, 12);
    expect(get(path, 'a').betweenness).toBe(0);
    expect(get(path, 'd').betweenness).toBe(0);
  });

  it('a triangle: every actor scores the same on every measure', () => {
    const triangle = scores(graphOf(['a', 'b', 'c'], ['a-b', 'b-c', 'c-a']));
    for (const id of ['a', 'b', 'c']) {
      expect(get(triangle, id)).toMatchObject({ degree: 2, inDegree: 2, outDegree: 2, betweenness: 0 });
      expect(get(triangle, id).eigenvector).toBeCloseTo(1 / Math.sqrt(3), 5);
      expect(get(triangle, id).pagerank).toBeCloseTo(1 / 3, 5);
    }
  });

  it('in- and out-degree count every relation, parallel ones too; an undirected one counts both ways', () => {
    // a accused b twice, b accused a once, and they met (undirected).
    const result = scores(graphOf(['a', 'b'], ['a>b', 'a>b', 'b>a', 'a-b']));
    expect(get(result, 'a')).toMatchObject({ degree: 4, outDegree: 3, inDegree: 2 });
    expect(get(result, 'b')).toMatchObject({ degree: 4, outDegree: 2, inDegree: 3 });
    // The four relations are one tie.
    const graph = graphOf(['a', 'b'], ['a>b', 'a>b', 'b>a', 'a-b']);
    expect(centralityOf(graph, everything(graph))).toMatchObject({ relations: 4, ties: 1 });
  });

  it('parallel relations count once for betweenness: doubling a tie changes nothing', () => {
    const single = scores(graphOf(['a', 'b', 'c', 'd'], ['a-b', 'b-c', 'c-d']));
    const doubled = scores(graphOf(['a', 'b', 'c', 'd'], ['a-b', 'a>b', 'b>a', 'b-c', 'c>b', 'c-d']));
    for (const id of ['a', 'b', 'c', 'd']) {
      expect(get(doubled, id).betweenness).toBeCloseTo(get(single, id).betweenness, 12);
      expect(get(doubled, id).eigenvector).toBeCloseTo(get(single, id).eigenvector ?? 0, 5);
    }
  });

  it('a relation of an actor with itself counts once in its degree and not at all as a tie', () => {
    const result = scores(graphOf(['a', 'b'], ['a-b', 'a>a']));
    expect(get(result, 'a')).toMatchObject({ degree: 2, outDegree: 2, inDegree: 2 });
    expect(get(result, 'a').pagerank).toBeCloseTo(0.5, 5);
  });

  it('PageRank follows direction: actors pointed at by many rank first, and all values add up to 1', () => {
    const result = scores(graphOf(['hub', 'x', 'y', 'z'], ['x>hub', 'y>hub', 'z>hub']));
    const ranks = [...result.values()].map((actor) => actor.pagerank ?? 0);
    expect(sum(ranks)).toBeCloseTo(1, 6);
    expect(get(result, 'hub').pagerank).toBeGreaterThan(get(result, 'x').pagerank ?? 1);
    expect(get(result, 'x').pagerank).toBeCloseTo(get(result, 'y').pagerank ?? 0, 9);
    // A directed cycle: everyone the same.
    const cycle = scores(graphOf(['a', 'b', 'c'], ['a>b', 'b>c', 'c>a']));
    for (const id of ['a', 'b', 'c']) expect(get(cycle, id).pagerank).toBeCloseTo(1 / 3, 5);
  });

  it('a graph in two parts: betweenness counts the pairs of the whole graph (b: 1 of 6 pairs)', () => {
    const parts = scores(graphOf(['a', 'b', 'c', 'd', 'e'], ['a-b', 'b-c', 'd-e']));
    expect(get(parts, 'b').betweenness).toBeCloseTo(1 / 6, 12);
    expect(get(parts, 'd').betweenness).toBe(0);
    expect(sum([...parts.values()].map((actor) => actor.pagerank ?? 0))).toBeCloseTo(1, 6);
  });

  it('an actor in no visible relation: degree 0, betweenness 0, and its share of PageRank', () => {
    const result = scores(graphOf(['a', 'b', 'c', 'alone'], ['a-b', 'b-c']));
    expect(get(result, 'alone')).toMatchObject({ degree: 0, inDegree: 0, outDegree: 0, betweenness: 0 });
    expect(get(result, 'alone').pagerank).toBeGreaterThan(0);
    expect(sum([...result.values()].map((actor) => actor.pagerank ?? 0))).toBeCloseTo(1, 6);
  });

  it('no visible actor at all: an empty result, nothing unavailable', () => {
    const graph = graphOf(['a', 'b'], ['a-b']);
    const result = centralityOf(graph, { actorIds: new Set(), relationIds: new Set() });
    expect(result).toEqual({ actors: [], ties: 0, relations: 0, unavailable: [], betweennessSample: null });
  });

  it('only what is visible counts: a hidden relation, or one to a hidden actor, is left out', () => {
    const graph = graphOf(['a', 'b', 'c'], ['a-b', 'b-c', 'a-c']);
    const visible = { actorIds: new Set(['a', 'b']), relationIds: new Set(['r0', 'r1', 'r2']) };
    const result = centralityOf(graph, visible);
    expect(result.actors.map((actor) => [actor.id, actor.degree])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    const input = networkInputOf(graph, { actorIds: new Set(['a', 'b', 'c']), relationIds: new Set(['r1']) });
    expect([...input.from, ...input.to]).toEqual([1, 2]);
  });
});

describe('measures that cannot be given', () => {
  it('eigenvector centrality that has not settled is reported, not guessed, and the rest still comes', () => {
    // A long chain: its two strongest eigenvalues are so close that the power iteration crawls.
    const ids = Array.from({ length: 300 }, (_, index) => `a${index}`);
    const chain = graphOf(
      ids,
      ids.slice(1).map((id, index) => `a${index}-${id}`),
    );
    const result = centralityOf(chain, everything(chain));
    expect(result.unavailable).toEqual([
      { measure: 'eigenvector', reason: 'its values had not settled after 1,000 rounds' },
    ]);
    expect(result.actors.every((actor) => actor.eigenvector === null)).toBe(true);
    expect(result.actors[150]?.betweenness).toBeGreaterThan(0.4);
    expect(measureRange(result, 'eigenvector')).toBeNull();
    expect(sizesFor(result, 'eigenvector', 10, 50).size).toBe(0);
    expect(formatScore(null, 'eigenvector')).toBe('–');
  });

  it('PageRank that has not settled is reported the same way', () => {
    const graph = graphOf(['hub', 'x', 'y'], ['x>hub', 'y>hub']);
    const result = centralityOfInput(networkInputOf(graph, everything(graph)), { maxIterations: 1 });
    expect(result.unavailable.map((entry) => entry.measure)).toEqual(['eigenvector', 'pagerank']);
    expect(result.unavailable[1]?.reason).toBe('its values had not settled after 1 round');
  });

  it('betweenness past its budget is estimated from a seeded sample of actors, and says so', () => {
    const graph = generateGraph(400, 3);
    const visible = visibleSubgraph(graph, DEFAULT_FILTERS);
    const exact = centralityOf(graph, visible);
    const input = networkInputOf(graph, visible);
    const estimate = centralityOfInput(input, { betweennessStepLimit: 150 * (400 + 4 * exact.ties) });
    expect(exact.betweennessSample).toBeNull();
    expect(estimate.betweennessSample).toBe(150);
    expect(centralityOfInput(input, { betweennessStepLimit: 150 * (400 + 4 * exact.ties) })).toEqual(estimate);
    // The brokers stand out all the same: the top three are the exact top three.
    const top = (result: CentralityResult) =>
      rankBy(result, 'betweenness')
        .slice(0, 3)
        .map((actor) => actor.id);
    expect(new Set(top(estimate))).toEqual(new Set(top(exact)));
  });
});

describe('the shipped graph', () => {
  const graph = loadShippedGraph();
  const visible = visibleSubgraph(graph, DEFAULT_FILTERS);
  const result = centralityOf(graph, visible);

  it('the actor of highest degree is the one a brute-force count of its relations puts first', () => {
    const counts = graph.actors.map((actor) => ({
      id: actor.id,
      count: graph.relations.filter((relation) => relation.from === actor.id || relation.to === actor.id).length,
    }));
    const most = Math.max(...counts.map((entry) => entry.count));
    const top = rankBy(result, 'degree')[0];
    expect(top?.degree).toBe(most);
    expect(counts.find((entry) => entry.id === top?.id)?.count).toBe(most);
    for (const actor of result.actors) expect(actor.degree).toBe(counts.find((entry) => entry.id === actor.id)?.count);
  });

  it('betweenness is what graphology-metrics gives on the same ties, on the shipped and a generated graph', () => {
    for (const file of [graph, generateGraph(300, 7)]) {
      const shown = visibleSubgraph(file, DEFAULT_FILTERS);
      const ties = new Graph({ type: 'undirected' });
      for (const id of shown.actorIds) ties.addNode(id);
      for (const relation of file.relations) {
        if (relation.from !== relation.to) ties.mergeEdge(relation.from, relation.to);
      }
      const expected = betweennessCentrality(ties, { getEdgeWeight: null });
      for (const actor of centralityOf(file, shown).actors) {
        expect(actor.betweenness, actor.id).toBeCloseTo(expected[actor.id] ?? Number.NaN, 12);
      }
    }
  });

  it('every measure is given, PageRank adds up to 1, and Kadhimi is among the five highest of each', () => {
    expect(result.unavailable).toEqual([]);
    expect(result.actors).toHaveLength(visible.actorIds.size);
    expect(sum(result.actors.map((actor) => actor.pagerank ?? 0))).toBeCloseTo(1, 6);
    for (const measure of ['degree', 'betweenness', 'eigenvector', 'pagerank'] as const) {
      const top = rankBy(result, measure)
        .slice(0, 5)
        .map((actor) => actor.id);
      expect(top, measure).toContain('kadhimi');
    }
  });

  it('a filter changes the answer: with only the contested claims shown, fewer actors and relations count', () => {
    const contestedOnly = graph.relationTypes.filter((type) => !type.contested).map((type) => type.id);
    const filtered = visibleSubgraph(graph, { ...DEFAULT_FILTERS, hiddenRelationTypes: contestedOnly });
    const narrower = centralityOf(graph, filtered);
    expect(narrower.relations).toBe(filtered.relationIds.size);
    expect(narrower.relations).toBeLessThan(result.relations);
  });
});

describe('ranking and sizing', () => {
  const graph = graphOf(['a', 'b', 'c', 'd', 'e'], ['a-b', 'a-c', 'a-d', 'b-c', 'e>a']);
  const result = centralityOf(graph, everything(graph));

  it('rankBy puts the highest first, equal values in the order of the file', () => {
    expect(rankBy(result, 'degree').map((actor) => `${actor.id}${actor.degree}`)).toEqual([
      'a4',
      'b2',
      'c2',
      'd1',
      'e1',
    ]);
    expect(rankBy(result, 'inDegree')[0]?.id).toBe('a');
  });

  it('sortScores: by name from A, or a measure either way, equal values always in the order of the file', () => {
    const labels = new Map([
      ['a', 'Zed'],
      ['b', 'Amy'],
      ['c', 'Bob'],
    ]);
    expect(sortScores(result, 'actor', true, labels).map((actor) => actor.id)).toEqual(['b', 'c', 'd', 'e', 'a']);
    expect(sortScores(result, 'degree', true, labels).map((actor) => actor.id)).toEqual(['d', 'e', 'b', 'c', 'a']);
  });

  it('sizes: the smallest value gets the smallest size, the largest the largest, area in proportion between', () => {
    const sizes = sizesFor(result, 'degree', 20, 60);
    expect(sizes.get('a')).toBe(60);
    expect(sizes.get('d')).toBe(20);
    // b has degree 2, a third of the way from 1 to 4: a third of the extra area.
    expect(sizes.get('b')).toBeCloseTo(Math.sqrt(400 + (3600 - 400) / 3), 1);
    expect(measureRange(result, 'degree')).toEqual({ min: 1, max: 4 });
  });

  it('sizes: when every actor scores the same, no actor is resized', () => {
    const triangle = graphOf(['a', 'b', 'c'], ['a-b', 'b-c', 'c-a']);
    expect(sizesFor(centralityOf(triangle, everything(triangle)), 'betweenness', 20, 60).size).toBe(0);
  });

  it('every measure has a label and a one-sentence explanation for the panel', () => {
    for (const measure of MEASURES) {
      expect(MEASURE_INFO[measure].label.length).toBeGreaterThan(0);
      expect(MEASURE_INFO[measure].explanation).toMatch(/^[A-Z].*[.)]$/);
    }
    expect(formatScore(0.4234, 'betweenness')).toBe('0.42');
    expect(formatScore(7, 'degree')).toBe('7');
  });
});

describe('communities', () => {
  const cliques = ['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2', 'b3', 'b4', 'b5'];
  const within = (group: string[]) => group.flatMap((x, i) => group.slice(i + 1).map((y) => `${x}-${y}`));
  const twoCliques = graphOf(cliques, [...within(cliques.slice(0, 5)), ...within(cliques.slice(5)), 'a1-b1']);

  it('two cliques joined by one tie are two communities, with the modularity known by hand', () => {
    const found = communitiesOf(twoCliques, everything(twoCliques));
    expect(found.count).toBe(2);
    expect(found.sizes).toEqual([5, 5]);
    const ofA = found.communityOf.get('a1');
    for (const id of cliques.slice(0, 5)) expect(found.communityOf.get(id)).toBe(ofA);
    for (const id of cliques.slice(5)) expect(found.communityOf.get(id)).not.toBe(ofA);
    // 21 ties; each side holds 10 and its degrees sum to 21: 2 × (10/21 − (21/42)²).
    expect(found.modularity).toBeCloseTo(2 * (10 / 21 - 0.25), 9);
  });

  it('the same graph always splits the same way (Louvain is seeded)', () => {
    const graph = generateGraph(300, 5);
    const visible = visibleSubgraph(graph, DEFAULT_FILTERS);
    const first = communitiesOf(graph, visible);
    expect(communitiesOf(graph, visible)).toEqual(first);
    expect(first.count).toBeGreaterThan(2);
    // Numbered by size, largest first.
    expect([...first.sizes].sort((x, y) => y - x)).toEqual(first.sizes);
    const shipped = loadShippedGraph();
    const shown = visibleSubgraph(shipped, DEFAULT_FILTERS);
    expect(communitiesOf(shipped, shown)).toEqual(communitiesOf(shipped, shown));
  });

  it('no ties: every actor alone, no modularity', () => {
    const graph = graphOf(['a', 'b'], []);
    const found = communitiesOf(graph, everything(graph));
    expect(found).toMatchObject({ count: 2, sizes: [1, 1], modularity: null });
  });

  it('colours: the largest communities get the palette in turn, actors alone in theirs a grey', () => {
    const graph = graphOf([...cliques, 'alone'], [...within(cliques.slice(0, 5)), ...within(cliques.slice(5, 8))]);
    const found = communitiesOf(graph, everything(graph));
    const colours = communityColours(found);
    expect(colours.get('a1')).toBe(COMMUNITY_COLOURS[0]);
    expect(colours.get('b1')).toBe(COMMUNITY_COLOURS[1]);
    expect(colours.get('b4')).toBe(OTHER_COMMUNITY_COLOUR);
    expect(colours.get('alone')).toBe(OTHER_COMMUNITY_COLOUR);
  });

  it('the palette’s colours can be told apart, also with deuteranopia, and from the grey', () => {
    const all = [...COMMUNITY_COLOURS, OTHER_COMMUNITY_COLOUR];
    const clashes = all.flatMap((a, i) =>
      all
        .slice(i + 1)
        .filter((b) => !distinguishable(a, b))
        .map((b) => a + b),
    );
    expect(clashes).toEqual([]);
  });
});
