// The graph as Cytoscape desktop's .cyjs JSON (File > Import > Network from
// File): the network's own data, then nodes and edges with the attributes of
// the GEXF and GraphML exports as columns, the names Cytoscape desktop shows
// (`name`, `shared_name`; for an edge "source (interaction) target", as
// Cytoscape names edges itself), and each actor's position as the explorer
// draws it (Cytoscape's y grows downwards too). Cytoscape desktop holds every
// edge as directed: a `directed` column says which ones are not. Pure.

import { ACTOR_COLUMNS, type Column, type ExportScope, RELATION_COLUMNS, scopedGraph } from './export-scope.ts';
import type { Graph } from './graph.ts';
import { kindStyles, typeStyles } from './palette.ts';
import type { GraphIndex } from './queries.ts';

export type CyjsValue = string | number | boolean;

export interface CyjsDocument {
  format_version: '1.0';
  generated_by: string;
  target_cytoscapejs_version: string;
  data: Record<string, CyjsValue>;
  elements: {
    nodes: { data: { id: string } & Record<string, CyjsValue>; position?: { x: number; y: number } }[];
    edges: { data: { id: string; source: string; target: string; interaction: string } & Record<string, CyjsValue> }[];
  };
}

function columnData<T>(columns: readonly Column<T>[], item: T, index: GraphIndex): Record<string, CyjsValue> {
  const values: Record<string, CyjsValue> = {};
  for (const column of columns) {
    const value = column.value(item, index);
    if (value !== undefined) values[column.id] = value;
  }
  return values;
}

/** The graph (or the part of it the scope keeps) as a Cytoscape desktop document. */
export function cyjsDocument(graph: Graph, scope: ExportScope): CyjsDocument {
  const { actors, relations, index } = scopedGraph(graph, scope);
  const kinds = kindStyles(graph);
  const types = typeStyles(graph);
  const labelOf = (actorId: string) => index.actorById.get(actorId)?.label ?? actorId;
  return {
    format_version: '1.0',
    generated_by: 'actor-graph-explorer',
    target_cytoscapejs_version: '~2.1',
    data: {
      name: graph.title,
      shared_name: graph.title,
      ...(graph.description === undefined ? {} : { description: graph.description }),
      exported: scope.description,
      exportedAt: scope.exportedAt,
    },
    elements: {
      nodes: actors.map((actor) => {
        const style = kinds.get(actor.kind);
        const position = scope.positions?.[actor.id];
        return {
          data: {
            ...columnData(ACTOR_COLUMNS, actor, index),
            id: actor.id,
            name: actor.label,
            shared_name: actor.label,
            ...(style ? { color: style.color, shape: style.shape } : {}),
          },
          ...(position ? { position: { x: position.x, y: position.y } } : {}),
        };
      }),
      edges: relations.map((relation) => {
        const style = types.get(relation.type);
        const name = `${labelOf(relation.from)} (${relation.type}) ${labelOf(relation.to)}`;
        return {
          data: {
            ...columnData(RELATION_COLUMNS, relation, index),
            id: relation.id,
            source: relation.from,
            target: relation.to,
            interaction: relation.type,
            shared_interaction: relation.type,
            name,
            shared_name: name,
            directed: style?.directed ?? true,
            ...(style ? { color: style.color, lineStyle: style.lineStyle } : {}),
          },
        };
      }),
    },
  };
}

/** The .cyjs file's text. */
export function toCyjs(graph: Graph, scope: ExportScope): string {
  return `${JSON.stringify(cyjsDocument(graph, scope), null, 2)}\n`;
}
