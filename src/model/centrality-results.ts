// The results of the centrality measures as the panel and the graph use
// them: the measures' names and explanations, the compact input the worker
// is sent, ranking, node sizes and community colours. Pure, and without
// graphology, so that the page's own bundle does not carry it: the measures
// themselves (centrality.ts) run in the worker, or in a chunk loaded later.

import type { VisibleSubgraph } from './filter.ts';
import type { Graph as GraphFile } from './graph.ts';
import { COMMUNITY_COLOURS, OTHER_COMMUNITY_COLOUR } from './palette.ts';

export type Measure = 'degree' | 'inDegree' | 'outDegree' | 'betweenness' | 'eigenvector' | 'pagerank';

export const MEASURES: readonly Measure[] = [
  'degree',
  'inDegree',
  'outDegree',
  'betweenness',
  'eigenvector',
  'pagerank',
];

export interface MeasureInfo {
  /** As a column heading or option ("in-degree"). */
  label: string;
  /** A narrow column's heading ("In"). */
  short: string;
  /** One sentence for the panel's tooltips: what a high value means here. */
  explanation: string;
  /** Whole numbers (counts) or fractions shown with `decimals` digits. */
  decimals: number;
}

export const MEASURE_INFO: Record<Measure, MeasureInfo> = {
  degree: {
    label: 'degree',
    short: 'Deg',
    explanation:
      'How many visible relations the actor takes part in (each of several relations with one actor counts).',
    decimals: 0,
  },
  inDegree: {
    label: 'in-degree',
    short: 'In',
    explanation: 'How many visible relations point at the actor (it is their object); undirected ones count too.',
    decimals: 0,
  },
  outDegree: {
    label: 'out-degree',
    short: 'Out',
    explanation: 'How many visible relations start from the actor (it is their subject); undirected ones count too.',
    decimals: 0,
  },
  betweenness: {
    label: 'betweenness',
    short: 'Betw',
    explanation:
      'The share of pairs of visible actors whose shortest chains of ties pass through this actor: ' +
      'a broker or bridge scores high (1 = every chain).',
    decimals: 2,
  },
  eigenvector: {
    label: 'eigenvector',
    short: 'Eig',
    explanation:
      'High when the actor is tied to actors that are themselves well tied; in a graph of separate parts, ' +
      'the part with the densest core takes nearly all of it.',
    decimals: 2,
  },
  pagerank: {
    label: 'PageRank',
    short: 'PR',
    explanation:
      'Prominence as the object of relations: high when pointed at by actors that are themselves pointed at ' +
      '(all actors’ values add up to 1).',
    decimals: 3,
  },
};

/** The visible part as the measures need it: actors by position, and each relation's ends and direction. */
export interface NetworkInput {
  actorIds: string[];
  /** Position in actorIds of each relation's subject ... */
  from: Uint32Array;
  /** ... and object. */
  to: Uint32Array;
  /** 1 for a relation of a directed type. */
  directed: Uint8Array;
}

export interface ActorScores {
  id: string;
  degree: number;
  inDegree: number;
  outDegree: number;
  betweenness: number;
  /** null when the measure could not be computed (see CentralityResult.unavailable). */
  eigenvector: number | null;
  pagerank: number | null;
}

export interface CentralityResult {
  /** Every visible actor, in the file's order. */
  actors: ActorScores[];
  /** Distinct pairs of tied actors (what betweenness and eigenvector see). */
  ties: number;
  relations: number;
  /** Betweenness estimated from this many actors' searches (a seeded sample), or null when exact. */
  betweennessSample: number | null;
  /** The measures that could not be computed, and why ("its values had not settled after 1,000 rounds"). */
  unavailable: { measure: Measure; reason: string }[];
}

/** The visible actors (file order) and relations (both ends visible) as a compact NetworkInput. */
export function networkInputOf(graph: GraphFile, visible: VisibleSubgraph): NetworkInput {
  const actorIds = graph.actors.map((actor) => actor.id).filter((id) => visible.actorIds.has(id));
  const position = new Map(actorIds.map((id, index) => [id, index]));
  const directedType = new Map(graph.relationTypes.map((type) => [type.id, type.directed]));
  const ends: [number, number, number][] = [];
  for (const relation of graph.relations) {
    if (!visible.relationIds.has(relation.id)) continue;
    const from = position.get(relation.from);
    const to = position.get(relation.to);
    // A relation whose end is hidden is not drawn, whatever the filter said of the relation.
    if (from === undefined || to === undefined) continue;
    ends.push([from, to, directedType.get(relation.type) === false ? 0 : 1]);
  }
  return {
    actorIds,
    from: Uint32Array.from(ends, (end) => end[0]),
    to: Uint32Array.from(ends, (end) => end[1]),
    directed: Uint8Array.from(ends, (end) => end[2]),
  };
}

/** An actor's value of a measure; null when the measure was not computed. */
export function scoreOf(scores: ActorScores, measure: Measure): number | null {
  return scores[measure];
}

/**
 * The actors from the highest value of the measure down; ties in the order of
 * the file (a stable sort), so the same result always ranks the same way. An
 * uncomputed measure keeps the file's order.
 */
export function rankBy(result: CentralityResult, measure: Measure): ActorScores[] {
  return sortScores(result, measure, false, new Map());
}

/** The smallest and largest value among the visible actors; null when none, or not computed. */
export function measureRange(result: CentralityResult, measure: Measure): { min: number; max: number } | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const scores of result.actors) {
    const value = scoreOf(scores, measure);
    if (value === null) return null;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  return result.actors.length > 0 ? { min, max } : null;
}

/** A value as the panel shows it: counts whole, fractions with the measure's digits. */
export function formatScore(value: number | null, measure: Measure): string {
  if (value === null) return '–';
  return value.toFixed(MEASURE_INFO[measure].decimals);
}

/**
 * Each visible actor's node size, px, by the measure: the smallest value gets
 * `minPx`, the largest `maxPx`, and the node's area grows in proportion to the
 * value in between (a square-root scale of the diameter), so that twice the
 * value looks like twice the ink. When every actor has the same value, or the
 * measure was not computed, the map is empty: every node keeps its usual size.
 */
export function sizesFor(
  result: CentralityResult,
  measure: Measure,
  minPx: number,
  maxPx: number,
): Map<string, number> {
  const sizes = new Map<string, number>();
  const range = measureRange(result, measure);
  if (!range || range.max === range.min) return sizes;
  const smallArea = minPx * minPx;
  const extraArea = maxPx * maxPx - smallArea;
  for (const scores of result.actors) {
    const share = ((scoreOf(scores, measure) ?? range.min) - range.min) / (range.max - range.min);
    // Rounded to a tenth of a pixel: a recomputation that barely moves a value leaves the node untouched.
    sizes.set(scores.id, Math.round(Math.sqrt(smallArea + share * extraArea) * 10) / 10);
  }
  return sizes;
}

export interface Communities {
  /** Each visible actor's community: 0 is the largest, then by size (ties by the first actor in the file). */
  communityOf: Map<string, number>;
  /** Actors in each community, largest first (index = community). */
  sizes: number[];
  count: number;
  /** Newman's modularity of the split (-0.5 to 1; higher: denser inside than between); null with no ties. */
  modularity: number | null;
}

/**
 * A colour for each visible actor by its community: the largest communities
 * of two or more actors get the palette's colours in turn; smaller ones, and
 * actors alone in theirs, share one grey (more hues could not be told apart).
 */
export function communityColours(communities: Communities): Map<string, string> {
  const colours = new Map<string, string>();
  for (const [id, community] of communities.communityOf) {
    const coloured = community < COMMUNITY_COLOURS.length && (communities.sizes[community] ?? 0) > 1;
    colours.set(id, coloured ? (COMMUNITY_COLOURS[community] ?? OTHER_COMMUNITY_COLOUR) : OTHER_COMMUNITY_COLOUR);
  }
  return colours;
}

/** Everything the ranking panel shows: the measures and the communities of the same visible part. */
export interface NetworkAnalysis {
  centrality: CentralityResult;
  communities: Communities;
}

/** A column of the ranking table: the actor's name or a measure. */
export type RankingColumn = 'actor' | Measure;

/**
 * The actors in the order of a column: names alphabetically, measures from
 * the highest (or, with `ascending`, the lowest); equal ones in the order of
 * the file, so that the order never changes between two identical results.
 */
export function sortScores(
  result: CentralityResult,
  column: RankingColumn,
  ascending: boolean,
  labels: ReadonlyMap<string, string>,
): ActorScores[] {
  const direction = ascending ? 1 : -1;
  if (column === 'actor') {
    const nameOf = (scores: ActorScores) => labels.get(scores.id) ?? scores.id;
    return [...result.actors].sort((a, b) => direction * nameOf(a).localeCompare(nameOf(b), 'en'));
  }
  return [...result.actors].sort((a, b) => direction * ((scoreOf(a, column) ?? 0) - (scoreOf(b, column) ?? 0)));
}
