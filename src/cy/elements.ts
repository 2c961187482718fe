// Graph model -> Cytoscape element JSON. Pure: data only, no cy instance.

import type { ElementDefinition } from 'cytoscape';
import type { Graph } from '../model/graph.ts';
import { DRAFT_ABOVE_NODES } from './layout.ts';
import { defaultKindStyle, defaultTypeColor } from './palette.ts';

export interface NodeData {
  id: string;
  label: string;
  kind: string;
  color: string;
  shape: string;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  label: string;
  color: string;
}

export function graphToElements(graph: Graph): ElementDefinition[] {
  const kindStyle = new Map(
    graph.actorKinds.map((kind, index) => {
      const fallback = defaultKindStyle(index);
      return [kind.id, { color: kind.color ?? fallback.color, shape: kind.shape ?? fallback.shape }];
    }),
  );
  const typeById = new Map(
    graph.relationTypes.map((type, index) => [type.id, { type, color: type.color ?? defaultTypeColor(index) }]),
  );

  // Large graphs are an overview: straight edges spare Cytoscape the bundling
  // of parallel edges, whose cost grows with the square of a hub's degree.
  const large = graph.actors.length > DRAFT_ABOVE_NODES;
  const nodes: ElementDefinition[] = graph.actors.map((actor) => {
    const style = kindStyle.get(actor.kind) ?? defaultKindStyle(0);
    const data: NodeData = {
      id: actor.id,
      label: actor.label,
      kind: actor.kind,
      color: style.color,
      shape: style.shape,
    };
    return { group: 'nodes', data };
  });
  const edges: ElementDefinition[] = graph.relations.map((relation) => {
    const entry = typeById.get(relation.type);
    const data: EdgeData = {
      id: relation.id,
      source: relation.from,
      target: relation.to,
      type: relation.type,
      label: entry?.type.label ?? relation.type,
      color: entry?.color ?? '#777777',
    };
    const classes = [
      entry?.type.contested ? 'contested' : '',
      entry?.type.directed === false ? 'undirected' : '',
      large ? 'bulk' : '',
    ].filter(Boolean);
    return { group: 'edges', data, classes };
  });
  return [...nodes, ...edges];
}
