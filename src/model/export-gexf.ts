// The graph as GEXF 1.3, for Gephi and Gephi Lite: actors as nodes, relations
// as edges (directed, or type="undirected" for undirected types), kinds,
// types, corroboration and grades as attributes, the explorer's colours,
// shapes and positions as viz attributes, and relation dates as time (each
// dated edge has a spell over the days its date can mean). Pure.
//
// GEXF shapes are fewer than the explorer's: each kind's shape becomes the
// nearest one (GEXF_SHAPES), and positions are flipped vertically, since
// Gephi and sigma.js draw y upwards where the explorer draws it downwards.

import {
  ACTOR_COLUMNS,
  type Column,
  dayOf,
  type ExportScope,
  hexToRgb,
  RELATION_COLUMNS,
  relationDays,
  scopedGraph,
} from './export-scope.ts';
import type { Graph } from './graph.ts';
import { kindStyles, typeStyles } from './palette.ts';
import type { GraphIndex } from './queries.ts';
import { xmlEscaped } from './xml-text.ts';

/** The explorer's node shapes (Cytoscape names) as GEXF viz shapes (disc, square, triangle, diamond). */
export const GEXF_SHAPES: Record<string, 'disc' | 'square' | 'triangle' | 'diamond'> = {
  ellipse: 'disc',
  octagon: 'disc',
  'round-octagon': 'disc',
  hexagon: 'disc',
  'round-hexagon': 'disc',
  pentagon: 'disc',
  star: 'disc',
  rectangle: 'square',
  'round-rectangle': 'square',
  'cut-rectangle': 'square',
  barrel: 'square',
  tag: 'square',
  'round-tag': 'square',
  triangle: 'triangle',
  'round-triangle': 'triangle',
  vee: 'triangle',
  diamond: 'diamond',
  'round-diamond': 'diamond',
  rhomboid: 'diamond',
};

const GEXF_TYPES = { string: 'string', integer: 'integer' } as const;

/** ' name="value"' for each defined value, escaped. */
function xmlAttributes(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlEscaped(String(value))}"`)
    .join('');
}

function declarations<T>(kind: 'node' | 'edge', columns: readonly Column<T>[]): string[] {
  return [
    `    <attributes class="${kind}">`,
    ...columns.map(
      (column) =>
        `      <attribute${xmlAttributes({ id: column.id, title: column.id, type: GEXF_TYPES[column.type] })}/>`,
    ),
    '    </attributes>',
  ];
}

function attributeValues<T>(columns: readonly Column<T>[], item: T, index: GraphIndex): string[] {
  const values = columns.flatMap((column) => {
    const value = column.value(item, index);
    return value === undefined ? [] : [`        <attvalue${xmlAttributes({ for: column.id, value })}/>`];
  });
  return values.length === 0 ? [] : ['      <attvalues>', ...values, '      </attvalues>'];
}

function vizColor(hex: string): string[] {
  const rgb = hexToRgb(hex);
  return rgb ? [`      <viz:color${xmlAttributes({ r: rgb[0], g: rgb[1], b: rgb[2] })}/>`] : [];
}

/** The graph (or the part of it the scope keeps) as a GEXF 1.3 document. */
export function toGexf(graph: Graph, scope: ExportScope): string {
  const { actors, relations, index } = scopedGraph(graph, scope);
  const kinds = kindStyles(graph);
  const types = typeStyles(graph);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta${xmlAttributes({ lastmodifieddate: dayOf(scope.exportedAt) })}>`,
    '    <creator>Actor graph explorer</creator>',
    `    <title>${xmlEscaped(graph.title)}</title>`,
    `    <description>${xmlEscaped(`${graph.title}. Exported: ${scope.description}.`)}</description>`,
    '  </meta>',
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">',
    ...declarations('node', ACTOR_COLUMNS),
    ...declarations('edge', RELATION_COLUMNS),
    '    <nodes>',
  ];
  for (const actor of actors) {
    const style = kinds.get(actor.kind);
    const position = scope.positions?.[actor.id];
    lines.push(
      `    <node${xmlAttributes({ id: actor.id, label: actor.label })}>`,
      ...attributeValues(ACTOR_COLUMNS, actor, index),
      ...(style ? vizColor(style.color) : []),
      ...(position ? [`      <viz:position${xmlAttributes({ x: position.x, y: -position.y, z: 0 })}/>`] : []),
      ...(style ? [`      <viz:shape${xmlAttributes({ value: GEXF_SHAPES[style.shape] ?? 'disc' })}/>`] : []),
      '    </node>',
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const relation of relations) {
    const style = types.get(relation.type);
    const days = relationDays(relation);
    const undirected = style !== undefined && !style.directed;
    const label = index.typeById.get(relation.type)?.label ?? relation.type;
    lines.push(
      `    <edge${xmlAttributes({
        id: relation.id,
        source: relation.from,
        target: relation.to,
        type: undirected ? 'undirected' : undefined,
        kind: relation.type,
        label,
      })}>`,
      ...attributeValues(RELATION_COLUMNS, relation, index),
      ...(days ? ['      <spells>', `        <spell${xmlAttributes(days)}/>`, '      </spells>'] : []),
      ...(style ? vizColor(style.color) : []),
      ...(style ? [`      <viz:thickness${xmlAttributes({ value: style.width })}/>`] : []),
      ...(style ? [`      <viz:shape${xmlAttributes({ value: style.lineStyle })}/>`] : []),
      '    </edge>',
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
