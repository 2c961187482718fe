// "What is shown" as a graph file of its own: the actors and relations the
// filters and focus keep, and what they need to stay a valid file. Exports
// of data (the JSON file, its sheets) write this when the analyst asks for
// what is shown rather than everything.

import type { VisibleSubgraph } from './filter.ts';
import type { EvidenceItem, Graph } from './graph.ts';

/**
 * The graph cut down to `kept`: its actors and relations (a relation only with
 * both ends kept), the sources their evidence cites, and the whole vocabulary.
 * References to what was cut are taken out so that the file stays valid: an
 * `answers` entry naming a relation not kept goes (the list with it when it
 * empties), and a `claimant` naming an actor not kept becomes "not said"
 * (its `attributedTo` words still say who makes the claim). Saved positions
 * follow the actors kept.
 */
export function subgraphOf(graph: Graph, kept: VisibleSubgraph): Graph {
  const actors = graph.actors.filter((actor) => kept.actorIds.has(actor.id));
  const actorIds = new Set(actors.map((actor) => actor.id));
  const relations = graph.relations.filter(
    (relation) => kept.relationIds.has(relation.id) && actorIds.has(relation.from) && actorIds.has(relation.to),
  );
  const relationIds = new Set(relations.map((relation) => relation.id));
  const withoutCutClaimants = (evidence: EvidenceItem[]): EvidenceItem[] =>
    evidence.map((item) => {
      if (typeof item.claimant !== 'string' || actorIds.has(item.claimant)) return item;
      const { claimant: _cut, ...rest } = item;
      return rest;
    });
  const keptActors = actors.map((actor) => ({ ...actor, evidence: withoutCutClaimants(actor.evidence) }));
  const keptRelations = relations.map((relation) => {
    const { answers, ...rest } = relation;
    const keptAnswers = (answers ?? []).filter((id) => relationIds.has(id));
    return {
      ...rest,
      ...(keptAnswers.length > 0 ? { answers: keptAnswers } : {}),
      evidence: withoutCutClaimants(relation.evidence),
    };
  });
  const cited = new Set([...keptActors, ...keptRelations].flatMap((item) => item.evidence.map((e) => e.source)));
  const { layout, ...rest } = graph;
  const positions = Object.entries(layout?.positions ?? {}).filter(([id]) => actorIds.has(id));
  return {
    ...rest,
    sources: graph.sources.filter((source) => cited.has(source.id)),
    actors: keptActors,
    relations: keptRelations,
    ...(positions.length > 0 ? { layout: { positions: Object.fromEntries(positions) } } : {}),
  };
}
