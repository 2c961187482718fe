// The one place that maps an actor kind to its colour and shape and a
// relation type to its colour and line: the graph, the legend in the filter
// panel and the exported legend all read these. A kind or type declared
// without a colour or shape gets a fallback: colour-blind-safe hues
// (Okabe-Ito and Tol) and distinct shapes.

import type { ActorKind, Graph, RelationType } from './graph.ts';

const KIND_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8c6d31', '#e69f00', '#56b4e9', '#555555'];
const KIND_SHAPES = ['ellipse', 'octagon', 'round-rectangle', 'hexagon', 'barrel', 'star', 'diamond', 'triangle'];
const TYPE_COLORS = ['#4477aa', '#ee6677', '#228833', '#ccbb44', '#66ccee', '#aa3377', '#bbbbbb', '#000000'];
/** For a relation whose type the graph does not declare (only in a broken graph). */
export const UNKNOWN_TYPE_COLOR = '#777777';

export interface KindStyle {
  color: string;
  shape: string;
}

export interface TypeStyle {
  color: string;
  /** Contested claims (accusations, denials...) are drawn dashed. */
  dashed: boolean;
  /** Undirected types have no arrow. */
  directed: boolean;
}

export function defaultKindStyle(position: number): KindStyle {
  return {
    color: KIND_COLORS[position % KIND_COLORS.length] ?? '#555555',
    shape: KIND_SHAPES[position % KIND_SHAPES.length] ?? 'ellipse',
  };
}

export function defaultTypeColor(position: number): string {
  return TYPE_COLORS[position % TYPE_COLORS.length] ?? UNKNOWN_TYPE_COLOR;
}

/** A kind's own colour and shape, or the fallbacks for its position in the file. */
export function kindStyle(kind: ActorKind, position: number): KindStyle {
  const fallback = defaultKindStyle(position);
  return { color: kind.color ?? fallback.color, shape: kind.shape ?? fallback.shape };
}

/** A type's own colour, or the fallback for its position in the file, and how its lines are drawn. */
export function typeStyle(type: RelationType, position: number): TypeStyle {
  return { color: type.color ?? defaultTypeColor(position), dashed: type.contested === true, directed: type.directed };
}

/** Each actor kind's style, by kind id, in the file's order. */
export function kindStyles(graph: Graph): Map<string, KindStyle> {
  return new Map(graph.actorKinds.map((kind, position) => [kind.id, kindStyle(kind, position)]));
}

/** Each relation type's style, by type id, in the file's order. */
export function typeStyles(graph: Graph): Map<string, TypeStyle> {
  return new Map(graph.relationTypes.map((type, position) => [type.id, typeStyle(type, position)]));
}
