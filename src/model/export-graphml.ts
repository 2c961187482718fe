// The graph as GraphML, for yEd, Cytoscape desktop and Gephi: actors as
// nodes, relations as edges, with the same attributes as the GEXF export as
// typed <key>s, plus each actor's colour, shape and position and each
// relation's colour and line style (as plain data: GraphML has no standard
// for drawing). Pure.
//
// Edge direction is said on every edge (directed="true" or "false") under
// edgedefault="undirected": some readers (graphology's among them) read
// directed="false" as "the default", so this way every reader agrees.
// Positions are in the explorer's coordinates (y grows downwards), as yEd and
// Cytoscape draw them.

import {
  ACTOR_COLUMNS,
  type Column,
  type ColumnType,
  type ExportScope,
  RELATION_COLUMNS,
  scopedGraph,
} from './export-scope.ts';
import type { Graph } from './graph.ts';
import { kindStyles, typeStyles } from './palette.ts';
import type { GraphIndex } from './queries.ts';
import { xmlEscaped } from './xml-text.ts';

const GRAPHML_TYPES: Record<ColumnType | 'double', string> = { string: 'string', integer: 'int', double: 'double' };

interface Key {
  id: string;
  for: 'graph' | 'node' | 'edge';
  name: string;
  type: ColumnType | 'double';
}

const GRAPH_KEYS: Key[] = [
  { id: 'g-title', for: 'graph', name: 'title', type: 'string' },
  { id: 'g-description', for: 'graph', name: 'description', type: 'string' },
  { id: 'g-exported', for: 'graph', name: 'exported', type: 'string' },
  { id: 'g-exportedAt', for: 'graph', name: 'exportedAt', type: 'string' },
];

/** Drawing data the explorer's palette gives each actor and relation. */
const NODE_DRAWING_KEYS: Key[] = [
  { id: 'n-label', for: 'node', name: 'label', type: 'string' },
  { id: 'n-color', for: 'node', name: 'color', type: 'string' },
  { id: 'n-shape', for: 'node', name: 'shape', type: 'string' },
  { id: 'n-x', for: 'node', name: 'x', type: 'double' },
  { id: 'n-y', for: 'node', name: 'y', type: 'double' },
];
const EDGE_DRAWING_KEYS: Key[] = [
  { id: 'e-label', for: 'edge', name: 'label', type: 'string' },
  { id: 'e-color', for: 'edge', name: 'color', type: 'string' },
  { id: 'e-lineStyle', for: 'edge', name: 'lineStyle', type: 'string' },
];

const columnKeys = <T>(kind: 'node' | 'edge', columns: readonly Column<T>[]): Key[] =>
  columns.map((column) => ({ id: `${kind[0]}-${column.id}`, for: kind, name: column.id, type: column.type }));

const KEYS = [
  ...GRAPH_KEYS,
  ...NODE_DRAWING_KEYS,
  ...columnKeys('node', ACTOR_COLUMNS),
  ...EDGE_DRAWING_KEYS,
  ...columnKeys('edge', RELATION_COLUMNS),
];

function data(indent: string, key: string, value: string | number | undefined): string[] {
  return value === undefined ? [] : [`${indent}<data key="${xmlEscaped(key)}">${xmlEscaped(String(value))}</data>`];
}

function columnData<T>(kind: 'node' | 'edge', columns: readonly Column<T>[], item: T, index: GraphIndex): string[] {
  return columns.flatMap((column) => data('      ', `${kind[0]}-${column.id}`, column.value(item, index)));
}

/** The graph (or the part of it the scope keeps) as a GraphML document. */
export function toGraphml(graph: Graph, scope: ExportScope): string {
  const { actors, relations, index } = scopedGraph(graph, scope);
  const kinds = kindStyles(graph);
  const types = typeStyles(graph);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns' +
      ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...KEYS.map(
      (key) =>
        `  <key id="${key.id}" for="${key.for}" attr.name="${key.name}" attr.type="${GRAPHML_TYPES[key.type]}"/>`,
    ),
    '  <graph id="G" edgedefault="undirected">',
    // Graph data first: readers take the <data> before the first node as the graph's.
    ...data('    ', 'g-title', graph.title),
    ...data('    ', 'g-description', graph.description),
    ...data('    ', 'g-exported', scope.description),
    ...data('    ', 'g-exportedAt', scope.exportedAt),
  ];
  for (const actor of actors) {
    const style = kinds.get(actor.kind);
    const position = scope.positions?.[actor.id];
    lines.push(
      `    <node id="${xmlEscaped(actor.id)}">`,
      ...data('      ', 'n-label', actor.label),
      ...data('      ', 'n-color', style?.color),
      ...data('      ', 'n-shape', style?.shape),
      ...data('      ', 'n-x', position?.x),
      ...data('      ', 'n-y', position?.y),
      ...columnData('node', ACTOR_COLUMNS, actor, index),
      '    </node>',
    );
  }
  for (const relation of relations) {
    const style = types.get(relation.type);
    const directed = style?.directed ?? true;
    lines.push(
      `    <edge id="${xmlEscaped(relation.id)}" source="${xmlEscaped(relation.from)}"` +
        ` target="${xmlEscaped(relation.to)}" directed="${directed}">`,
      ...data('      ', 'e-label', index.typeById.get(relation.type)?.label ?? relation.type),
      ...data('      ', 'e-color', style?.color),
      ...data('      ', 'e-lineStyle', style?.lineStyle),
      ...columnData('edge', RELATION_COLUMNS, relation, index),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
