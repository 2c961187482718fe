// An actor's neighbourhood: actors within N hops along visible relations. Pure.

import { type GraphIndex, relationsOf } from './queries.ts';

export interface Neighbourhood {
  actorIds: Set<string>;
  relationIds: Set<string>;
}

/**
 * Walks the adjacency index breadth-first, so the cost is the size of the
 * neighbourhood, not of the graph. Only relations in `visibleRelationIds`
 * (when given) are followed; the relations kept are those between two actors
 * of the neighbourhood.
 */
export function neighbourhood(
  index: GraphIndex,
  centreId: string,
  hops: number,
  visibleRelationIds?: ReadonlySet<string>,
): Neighbourhood {
  const followed = (id: string) => visibleRelationIds === undefined || visibleRelationIds.has(id);
  const actorIds = new Set([centreId]);
  let frontier = [centreId];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const actorId of frontier) {
      for (const relation of relationsOf(index, actorId)) {
        if (!followed(relation.id)) continue;
        const other = relation.from === actorId ? relation.to : relation.from;
        if (actorIds.has(other)) continue;
        actorIds.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  const relationIds = new Set<string>();
  for (const actorId of actorIds) {
    for (const relation of relationsOf(index, actorId)) {
      if (followed(relation.id) && actorIds.has(relation.from) && actorIds.has(relation.to))
        relationIds.add(relation.id);
    }
  }
  return { actorIds, relationIds };
}
