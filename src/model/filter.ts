// Which actors and relations are visible under the analyst's filters. Pure.

import { parseDateOrRange, spansOverlap } from './dates.ts';
import type { Credibility, EvidenceItem, Graph, Reliability } from './graph.ts';

export const RELIABILITY_ORDER: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];

export interface FilterState {
  /** Relation types switched off (stored as "off" so that new types show by default). */
  hiddenRelationTypes: string[];
  hiddenActorKinds: string[];
  /** Only claims from these sources; empty means every source. */
  onlySources: string[];
  /** Weakest source grade still shown; F (cannot be judged) counts as the weakest. null: all. */
  minReliability: Reliability | null;
  /** Weakest claim grade still shown (6, cannot be judged, is the weakest). null: all. */
  minCredibility: Credibility | null;
  /** Inclusive day bounds, YYYY-MM-DD, or null. */
  dateFrom: string | null;
  dateTo: string | null;
  /** With a date bound set, whether relations without a date stay visible. */
  includeUndated: boolean;
  hideIsolatedActors: boolean;
}

export const DEFAULT_FILTERS: FilterState = Object.freeze({
  hiddenRelationTypes: [],
  hiddenActorKinds: [],
  onlySources: [],
  minReliability: null,
  minCredibility: null,
  dateFrom: null,
  dateTo: null,
  includeUndated: true,
  hideIsolatedActors: false,
}) as FilterState;

export interface VisibleSubgraph {
  actorIds: Set<string>;
  relationIds: Set<string>;
}

export function isDefaultFilters(filters: FilterState): boolean {
  return JSON.stringify(filters) === JSON.stringify(DEFAULT_FILTERS);
}

/** Whether one evidence item passes the source and grade filters. */
export function evidencePasses(
  graph: Graph,
  item: EvidenceItem,
  filters: FilterState,
  reliabilityBySource?: Map<string, Reliability>,
): boolean {
  if (filters.onlySources.length > 0 && !filters.onlySources.includes(item.source)) return false;
  if (filters.minCredibility !== null && item.credibility > filters.minCredibility) return false;
  if (filters.minReliability !== null) {
    const reliability =
      reliabilityBySource?.get(item.source) ?? graph.sources.find((s) => s.id === item.source)?.reliability;
    if (reliability === undefined) return false;
    if (RELIABILITY_ORDER.indexOf(reliability) > RELIABILITY_ORDER.indexOf(filters.minReliability)) return false;
  }
  return true;
}

function dateWindow(filters: FilterState): { start: string; end: string } | null {
  if (filters.dateFrom === null && filters.dateTo === null) return null;
  return { start: filters.dateFrom ?? '0000-01-01', end: filters.dateTo ?? '9999-12-31' };
}

/**
 * A relation is visible when its type is on, both ends are of visible kinds,
 * at least one of its evidence items passes, and its date meets the window.
 * An actor is visible when its kind is on and it has a visible relation or
 * evidence of its own that passes (unless isolated actors are hidden).
 */
export function visibleSubgraph(graph: Graph, filters: FilterState): VisibleSubgraph {
  const hiddenTypes = new Set(filters.hiddenRelationTypes);
  const hiddenKinds = new Set(filters.hiddenActorKinds);
  const reliabilityBySource = new Map(graph.sources.map((source) => [source.id, source.reliability]));
  const window = dateWindow(filters);
  const kindOk = new Map(graph.actors.map((actor) => [actor.id, !hiddenKinds.has(actor.kind)]));

  const relationIds = new Set<string>();
  const actorsWithRelations = new Set<string>();
  for (const relation of graph.relations) {
    if (hiddenTypes.has(relation.type)) continue;
    if (!kindOk.get(relation.from) || !kindOk.get(relation.to)) continue;
    if (window) {
      if (relation.date === undefined) {
        if (!filters.includeUndated) continue;
      } else {
        const parsed = parseDateOrRange(relation.date);
        if (!parsed.ok || !spansOverlap(parsed.span, window)) continue;
      }
    }
    if (!relation.evidence.some((item) => evidencePasses(graph, item, filters, reliabilityBySource))) continue;
    relationIds.add(relation.id);
    actorsWithRelations.add(relation.from);
    actorsWithRelations.add(relation.to);
  }

  const actorIds = new Set<string>();
  for (const actor of graph.actors) {
    if (!kindOk.get(actor.id)) continue;
    if (actorsWithRelations.has(actor.id)) actorIds.add(actor.id);
    else if (
      !filters.hideIsolatedActors &&
      actor.evidence.some((item) => evidencePasses(graph, item, filters, reliabilityBySource))
    ) {
      actorIds.add(actor.id);
    }
  }
  return { actorIds, relationIds };
}

/** "showing 12 of 28 actors, 20 of 55 relations" */
export function visibleCountLine(graph: Graph, visible: VisibleSubgraph): string {
  return `showing ${visible.actorIds.size} of ${graph.actors.length} actors, ${visible.relationIds.size} of ${graph.relations.length} relations`;
}

/** Number of items per key, for legend and filter counts. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
