// "What is shown" written as a file of its own: only what the filters keep, and still a valid file.
import { describe, expect, it } from 'vitest';
import shippedText from '../../graph/kadhimi-2021.json?raw';
import { DEFAULT_FILTERS, visibleSubgraph } from '../../src/model/filter.ts';
import type { Graph } from '../../src/model/graph.ts';
import { graphToJson } from '../../src/model/graph-json.ts';
import { subgraphOf } from '../../src/model/subgraph.ts';
import { parseGraph } from '../../src/model/validate.ts';

const parsed = parseGraph(shippedText);
if (!parsed.ok) throw new Error('the shipped graph does not parse');
const shipped: Graph = parsed.graph;
const errorsOf = (graph: Graph) => parseGraph(graphToJson(graph)).problems.filter((p) => p.severity === 'error');

describe('what is shown, as a graph file', () => {
  it('everything kept is the graph itself', () => {
    expect(subgraphOf(shipped, visibleSubgraph(shipped, DEFAULT_FILTERS))).toEqual(shipped);
  });

  it('only denials shown: the denials, their ends, the sources they cite, and a file that passes the checker', () => {
    const denied = shipped.relations.filter((relation) => relation.type === 'denied');
    const kept = {
      actorIds: new Set(denied.flatMap((relation) => [relation.from, relation.to])),
      relationIds: new Set(denied.map((relation) => relation.id)),
    };
    const cut = subgraphOf(shipped, kept);
    expect(cut.relations.map((relation) => relation.id)).toEqual(denied.map((relation) => relation.id));
    expect(new Set(cut.actors.map((actor) => actor.id))).toEqual(kept.actorIds);
    // The denials answer accusations that are not kept: those answers go, and the file stays valid.
    expect(denied.some((relation) => (relation.answers ?? []).length > 0)).toBe(true);
    expect(cut.relations.every((relation) => relation.answers === undefined)).toBe(true);
    expect(errorsOf(cut)).toEqual([]);
    const cited = new Set(cut.relations.flatMap((r) => r.evidence.map((e) => e.source)));
    for (const actor of cut.actors) for (const item of actor.evidence) cited.add(item.source);
    expect(cut.sources.map((source) => source.id).sort()).toEqual([...cited].sort());
  });

  it('a claimant not kept becomes "not said", its words kept; a relation with an end not kept is not written', () => {
    const third = (relation: Graph['relations'][number]) =>
      relation.evidence.find(
        (e) => typeof e.claimant === 'string' && e.claimant !== relation.from && e.claimant !== relation.to,
      );
    const relation = shipped.relations.find((entry) => third(entry) !== undefined);
    const item = relation && third(relation);
    if (!relation || !item) throw new Error('no relation whose claim is made by a third actor');
    const cut = subgraphOf(shipped, {
      actorIds: new Set([relation.from, relation.to]),
      relationIds: new Set(shipped.relations.map((entry) => entry.id)),
    });
    const written = cut.relations
      .find((entry) => entry.id === relation.id)
      ?.evidence.find((e) => e.quote === item.quote);
    expect(written?.claimant).toBeUndefined();
    expect(written?.attributedTo).toBe(item.attributedTo);
    // Every relation written has both its ends in the file.
    expect(
      cut.relations.every((entry) =>
        [entry.from, entry.to].every((end) => end === relation.from || end === relation.to),
      ),
    ).toBe(true);
    expect(errorsOf(cut)).toEqual([]);
  });

  it('saved positions follow the actors kept', () => {
    const graph = { ...shipped, layout: { positions: { kadhimi: { x: 1, y: 2 }, iran: { x: 3, y: 4 } } } };
    const cut = subgraphOf(graph, { actorIds: new Set(['kadhimi']), relationIds: new Set() });
    expect(cut.layout).toEqual({ positions: { kadhimi: { x: 1, y: 2 } } });
    expect(subgraphOf(graph, { actorIds: new Set(['qaani']), relationIds: new Set() }).layout).toBeUndefined();
  });
});
