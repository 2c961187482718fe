// The one place that maps an actor kind to its colour and shape and a
// relation type to its colour and line: the graph, the legend in the filter
// panel and the exported legend all read these.
//
// Relation types belong to families (contested claims, opposition, violence,
// affiliation, procedure, contact), each drawn with its own line (dashes,
// arrowhead, weight) and a hue range of its own. Two types drawn with the
// same line always differ in colour by a CIEDE2000 difference of at least
// MIN_COLOUR_DIFFERENCE, also for a reader with deuteranopia
// (MIN_DEUTAN_DIFFERENCE after simulating it); a type declared without a
// colour gets the first colour of its family's palette that keeps this rule.

import { differenceCiede2000, filterDeficiencyDeuter, modeLab65, modeLrgb, modeRgb, parse, useMode } from 'culori/fn';
import type { ActorKind, Graph, RelationFamily, RelationType } from './graph.ts';

export type { RelationFamily } from './graph.ts';

useMode(modeRgb);
useMode(modeLrgb);
useMode(modeLab65);

const KIND_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8c6d31', '#e69f00', '#56b4e9', '#555555'];
/** Shapes given to kinds in turn (and offered for a new kind in the editor). */
export const KIND_SHAPES = [
  'ellipse',
  'octagon',
  'round-rectangle',
  'hexagon',
  'barrel',
  'star',
  'diamond',
  'triangle',
];
/**
 * Communities (the ranking panel's colour mode), largest first: Okabe-Ito's
 * hues and two of Paul Tol's, each pair at least MIN_COLOUR_DIFFERENCE apart
 * and MIN_DEUTAN_DIFFERENCE for deuteranopia (centrality.test.ts checks);
 * more would not be told apart.
 */
export const COMMUNITY_COLOURS: readonly string[] = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#882255',
  '#332288',
];
/** The actors of every other community (smaller ones, and actors alone in theirs): a light grey. */
export const OTHER_COMMUNITY_COLOUR = '#c9ced6';
/** For a relation whose type the graph does not declare (only in a broken graph). */
export const UNKNOWN_TYPE_COLOR = '#777777';

/** Two types drawn with the same line differ at least this much in colour (CIEDE2000). */
export const MIN_COLOUR_DIFFERENCE = 20;
/** ... and at least this much once deuteranopia (the commonest colour blindness) is simulated. */
export const MIN_DEUTAN_DIFFERENCE = 12;

export interface FamilyStyle {
  label: string;
  /** What a reader of the legend is told about the line. */
  description: string;
  lineStyle: 'solid' | 'dashed' | 'dotted';
  /** Dash and gap lengths in px, for dashed lines. */
  dashPattern: number[];
  /** Cytoscape arrow shape at the object's end (directed types only). */
  arrow: 'triangle' | 'tee' | 'triangle-tee' | 'vee';
  width: number;
  /**
   * Colours for types of the family, in the order they are handed out to
   * types declared without one; chosen by `npm run palette-search` to be at least
   * MIN_COLOUR_DIFFERENCE apart, MIN_DEUTAN_DIFFERENCE for deuteranopia, and
   * dark enough to see on white (contrast at least 2.6).
   */
  palette: string[];
}

export const FAMILIES: Record<RelationFamily, FamilyStyle> = {
  claim: {
    label: 'contested claims',
    description: 'short dashes: somebody says so (accusations, suspicions, denials, threats)',
    lineStyle: 'dashed',
    dashPattern: [6, 4],
    arrow: 'triangle',
    width: 2,
    palette: ['#d62728', '#ba02b4', '#511903', '#6b6b6b', '#b88fb3', '#461943'],
  },
  opposition: {
    label: 'opposition',
    description: 'solid, with a bar at the object: opposes, condemns, protests, disputes',
    lineStyle: 'solid',
    dashPattern: [],
    arrow: 'tee',
    width: 2,
    palette: ['#e6550d', '#824103', '#b09e5b', '#716b49', '#b38c82', '#362d0d'],
  },
  violence: {
    label: 'violence',
    description: 'heavy, with an arrow and a bar: attacks, killings, invasions, clashes',
    lineStyle: 'solid',
    dashPattern: [],
    arrow: 'triangle-tee',
    width: 3.5,
    palette: ['#222222', '#a443f4', '#1f1080', '#774c69', '#6e9eef', '#b194ad'],
  },
  affiliation: {
    label: 'affiliation and support',
    description: 'solid, with an arrow: backs, leads, is part of, speaks for',
    lineStyle: 'solid',
    dashPattern: [],
    arrow: 'triangle',
    width: 2,
    palette: ['#2ca02c', '#04390c', '#3f6c6e', '#b1a02e', '#1cabb1', '#615608'],
  },
  procedure: {
    label: 'institutions and procedure',
    description: 'dash and dot: appointments, elections, investigations, administration',
    lineStyle: 'dashed',
    dashPattern: [10, 3, 2, 3],
    arrow: 'triangle',
    width: 2,
    palette: ['#1f4e9c', '#67abb3', '#1b494b', '#2d86c8', '#2e057d', '#9e8cf4'],
  },
  contact: {
    label: 'contact',
    description: 'dotted: meetings and other contact',
    lineStyle: 'dotted',
    dashPattern: [],
    arrow: 'vee',
    width: 2.5,
    palette: ['#0e8c99', '#10b276', '#174c34', '#063854'],
  },
  other: {
    label: 'other relations',
    description: 'solid, with an open arrow',
    lineStyle: 'solid',
    dashPattern: [],
    arrow: 'vee',
    width: 2,
    palette: ['#393040', '#9a5722', '#c37292', '#16827d', '#a9a24b', '#8613d1', '#59a0f9', '#163f0c'],
  },
};

export const RELATION_FAMILIES = Object.keys(FAMILIES) as RelationFamily[];

export interface KindStyle {
  color: string;
  shape: string;
}

export interface TypeStyle {
  color: string;
  family: RelationFamily;
  lineStyle: FamilyStyle['lineStyle'];
  dashPattern: number[];
  /** 'none' for undirected types. */
  arrow: FamilyStyle['arrow'] | 'none';
  width: number;
  /** Contested claims (accusations, denials...) are dashed. */
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

/** A kind's own colour and shape, or the fallbacks for its position in the file. */
export function kindStyle(kind: ActorKind, position: number): KindStyle {
  const fallback = defaultKindStyle(position);
  return { color: kind.color ?? fallback.color, shape: kind.shape ?? fallback.shape };
}

/** Each actor kind's style, by kind id, in the file's order. */
export function kindStyles(graph: Graph): Map<string, KindStyle> {
  return new Map(graph.actorKinds.map((kind, position) => [kind.id, kindStyle(kind, position)]));
}

/** A type's family: as declared, or "contested claims" for a contested type, or "other". */
export function familyOf(type: RelationType): RelationFamily {
  return type.family ?? (type.contested === true ? 'claim' : 'other');
}

/** Everything about how a line is drawn except its colour: types that share it must differ in colour. */
export function lineSignature(style: Pick<TypeStyle, 'lineStyle' | 'dashPattern' | 'arrow' | 'width'>): string {
  return `${style.lineStyle} ${style.dashPattern.join(',')} ${style.arrow} ${style.width}`;
}

const ciede2000 = differenceCiede2000();
const deuteranopia = filterDeficiencyDeuter(1);

/** How different two colours look: CIEDE2000, and the same after simulating deuteranopia. */
export function colourDifference(a: string, b: string): { normal: number; deutan: number } {
  const first = parse(a);
  const second = parse(b);
  if (!first || !second) return { normal: 0, deutan: 0 };
  return { normal: ciede2000(first, second), deutan: ciede2000(deuteranopia(first), deuteranopia(second)) };
}

/** Whether two colours can be told apart on lines drawn alike. */
export function distinguishable(a: string, b: string): boolean {
  const { normal, deutan } = colourDifference(a, b);
  return normal >= MIN_COLOUR_DIFFERENCE && deutan >= MIN_DEUTAN_DIFFERENCE;
}

function lineOf(type: RelationType, family: RelationFamily): Omit<TypeStyle, 'color'> {
  const style = FAMILIES[family];
  return {
    family,
    lineStyle: style.lineStyle,
    dashPattern: style.dashPattern,
    arrow: type.directed ? style.arrow : 'none',
    width: style.width,
    dashed: style.lineStyle !== 'solid',
    directed: type.directed,
  };
}

/**
 * Each relation type's style, by type id, in the file's order. Declared
 * colours are kept as they are; a type without one gets the first colour of
 * its family's palette that can be told apart from every colour already on a
 * line drawn like its own, or failing that, the one that differs most.
 */
export function typeStyles(graph: Graph): Map<string, TypeStyle> {
  const styles = new Map<string, TypeStyle>();
  // Colours in use, by line signature and by family: a fallback keeps clear of both.
  const used = new Map<string, string[]>();
  const keys = (line: Omit<TypeStyle, 'color'>) => [`line ${lineSignature(line)}`, `family ${line.family}`];
  const use = (line: Omit<TypeStyle, 'color'>, color: string) => {
    for (const key of keys(line)) used.set(key, [...(used.get(key) ?? []), color]);
  };
  const lines = graph.relationTypes.map((type) => ({ type, line: lineOf(type, familyOf(type)) }));
  // Declared colours first: a fallback must keep clear of every one of them, wherever it is in the file.
  for (const { type, line } of lines) if (type.color) use(line, type.color);
  for (const { type, line } of lines) {
    let color = type.color;
    if (!color) {
      color = pickColour(
        FAMILIES[line.family].palette,
        keys(line).flatMap((key) => used.get(key) ?? []),
      );
      use(line, color);
    }
    styles.set(type.id, { color, ...line });
  }
  return styles;
}

/** The first candidate distinguishable from every used colour, or the one farthest from its nearest. */
function pickColour(candidates: readonly string[], used: readonly string[]): string {
  let best = candidates[0] ?? UNKNOWN_TYPE_COLOR;
  let bestNearest = -1;
  for (const candidate of candidates) {
    if (used.every((color) => distinguishable(candidate, color))) return candidate;
    const nearest = Math.min(...used.map((color) => colourDifference(candidate, color).normal));
    if (nearest > bestNearest) {
      bestNearest = nearest;
      best = candidate;
    }
  }
  return best;
}
