// An actor's neighbourhood: actors within N hops along visible relations. Pure.

import type { Graph } from './graph.ts';

export interface Neighbourhood {
  actorIds: Set<string>;
  relationIds: Set<string>;
}

export function neighbourhood(
  graph: Graph,
  centreId: string,
  hops: number,
  visibleRelationIds?: ReadonlySet<string>,
): Neighbourhood {
  const relations = visibleRelationIds ? graph.relations.filter((r) => visibleRelationIds.has(r.id)) : graph.relations;
  const actorIds = new Set([centreId]);
  let frontier = new Set([centreId]);
  for (let hop = 0; hop < hops; hop++) {
    const next = new Set<string>();
    for (const relation of relations) {
      if (frontier.has(relation.from) && !actorIds.has(relation.to)) next.add(relation.to);
      if (frontier.has(relation.to) && !actorIds.has(relation.from)) next.add(relation.from);
    }
    for (const id of next) actorIds.add(id);
    frontier = next;
  }
  const relationIds = new Set(relations.filter((r) => actorIds.has(r.from) && actorIds.has(r.to)).map((r) => r.id));
  return { actorIds, relationIds };
}
