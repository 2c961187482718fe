// Which actors and relations are visible under the analyst's filters. Pure.

import { claimantKey, corroborationOf } from './corroboration.ts';
import { type DaySpan, parseDateOrRange, spanMeetsWindow } from './dates.ts';
import { type Credibility, type EvidenceItem, type Graph, type Reliability, type Source, stanceOf } from './graph.ts';

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
  /**
   * How a vague date meets the window: 'overlaps' keeps a relation when any
   * day it can mean is inside (2021-11 is in a window ending 2021-11-05);
   * 'within' only when every day it can mean is inside.
   */
  dateMatch: DateMatch;
  hideIsolatedActors: boolean;
  /** Relations need at least this many independent sources among the evidence shown; 0 or 1: any. */
  minIndependentSources: number;
  /** Hide relations whose evidence shown only contradicts them. */
  hideContradictedOnly: boolean;
  /** Only evidence from this claimant (a claimantKey: "actor:<id>" or "said:<words>"); null: anyone. */
  claimsBy: string | null;
}

export type DateMatch = 'overlaps' | 'within';

/** The largest "at least N independent sources" offered; more is rare and a link could ask for anything. */
export const MAX_MIN_SOURCES = 5;

export const DEFAULT_FILTERS: FilterState = Object.freeze({
  hiddenRelationTypes: [],
  hiddenActorKinds: [],
  onlySources: [],
  minReliability: null,
  minCredibility: null,
  dateFrom: null,
  dateTo: null,
  includeUndated: true,
  dateMatch: 'overlaps',
  hideIsolatedActors: false,
  minIndependentSources: 0,
  hideContradictedOnly: false,
  claimsBy: null,
}) as FilterState;

export interface VisibleSubgraph {
  actorIds: Set<string>;
  relationIds: Set<string>;
}

/** One change an analyst makes in the filter panel, applied to the latest filters (never to a stale copy). */
export type FilterChange =
  | { kind: 'actor-kind'; id: string; shown: boolean }
  | { kind: 'relation-type'; id: string; shown: boolean }
  /** "all" / "none" for relation types: the graph's type ids are needed to hide them all. */
  | { kind: 'all-relation-types'; shown: boolean; typeIds: readonly string[] }
  /** A source ticked or unticked: the graph's source ids are needed, since "all ticked" means no source filter. */
  | { kind: 'source'; id: string; included: boolean; sourceIds: readonly string[] }
  | { kind: 'min-reliability'; value: Reliability | null }
  | { kind: 'min-credibility'; value: Credibility | null }
  | { kind: 'date-from'; value: string | null }
  | { kind: 'date-to'; value: string | null }
  /** Both bounds at once (the time bar's brush and its play button): one step of the history, not two. */
  | { kind: 'date-window'; from: string | null; to: string | null }
  | { kind: 'date-match'; value: DateMatch }
  | { kind: 'include-undated'; value: boolean }
  | { kind: 'hide-isolated'; value: boolean }
  | { kind: 'min-sources'; value: number }
  | { kind: 'hide-contradicted-only'; value: boolean }
  | { kind: 'claims-by'; value: string | null };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date bound as typed or read from a link: a YYYY-MM-DD day, or null for anything else. */
export function dayOrNull(value: string | null): string | null {
  return value?.match(DAY) ? value : null;
}

/** Adds or removes an id, keeping the list sorted (stable URLs, and equal filters compare equal). */
export function withId(list: readonly string[], id: string, present: boolean): string[] {
  const set = new Set(list);
  if (present) set.add(id);
  else set.delete(id);
  return [...set].sort();
}

/**
 * The sources kept after ticking or unticking one. Every source ticked is the
 * same as no source filter (an empty list), and the last ticked source cannot
 * be unticked: a filter that keeps no claim at all would only blank the graph.
 */
export function toggleSource(
  onlySources: readonly string[],
  sourceIds: readonly string[],
  sourceId: string,
  included: boolean,
): string[] {
  const current = onlySources.length === 0 ? sourceIds : onlySources;
  const next = withId(current, sourceId, included).filter((id) => sourceIds.includes(id));
  if (next.length === 0) return [...onlySources];
  return next.length === new Set(sourceIds).size ? [] : next;
}

export function applyFilterChange(filters: FilterState, change: FilterChange): FilterState {
  switch (change.kind) {
    case 'actor-kind':
      return { ...filters, hiddenActorKinds: withId(filters.hiddenActorKinds, change.id, !change.shown) };
    case 'relation-type':
      return { ...filters, hiddenRelationTypes: withId(filters.hiddenRelationTypes, change.id, !change.shown) };
    case 'all-relation-types':
      return { ...filters, hiddenRelationTypes: change.shown ? [] : [...new Set(change.typeIds)].sort() };
    case 'source':
      return {
        ...filters,
        onlySources: toggleSource(filters.onlySources, change.sourceIds, change.id, change.included),
      };
    case 'min-reliability':
      return { ...filters, minReliability: change.value };
    case 'min-credibility':
      return { ...filters, minCredibility: change.value };
    case 'date-from':
      return { ...filters, dateFrom: dayOrNull(change.value) };
    case 'date-to':
      return { ...filters, dateTo: dayOrNull(change.value) };
    case 'date-window': {
      const from = dayOrNull(change.from);
      const to = dayOrNull(change.to);
      // Bounds given the wrong way round are the same window.
      if (from !== null && to !== null && to < from) return { ...filters, dateFrom: to, dateTo: from };
      return { ...filters, dateFrom: from, dateTo: to };
    }
    case 'date-match':
      return { ...filters, dateMatch: change.value === 'within' ? 'within' : 'overlaps' };
    case 'include-undated':
      return { ...filters, includeUndated: change.value };
    case 'hide-isolated':
      return { ...filters, hideIsolatedActors: change.value };
    case 'min-sources':
      return { ...filters, minIndependentSources: minSourcesOrZero(change.value) };
    case 'hide-contradicted-only':
      return { ...filters, hideContradictedOnly: change.value };
    case 'claims-by':
      return { ...filters, claimsBy: change.value === '' ? null : change.value };
  }
}

/** A minimum number of sources as asked for: a whole number from 0 to MAX_MIN_SOURCES, else 0 (any). */
export function minSourcesOrZero(value: number): number {
  return Number.isInteger(value) && value >= 0 && value <= MAX_MIN_SOURCES ? value : 0;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/** Whether two filter states keep the same things (lists compared as sets). */
export function sameFilters(a: FilterState, b: FilterState): boolean {
  return (
    sameIds(a.hiddenRelationTypes, b.hiddenRelationTypes) &&
    sameIds(a.hiddenActorKinds, b.hiddenActorKinds) &&
    sameIds(a.onlySources, b.onlySources) &&
    a.minReliability === b.minReliability &&
    a.minCredibility === b.minCredibility &&
    a.dateFrom === b.dateFrom &&
    a.dateTo === b.dateTo &&
    a.includeUndated === b.includeUndated &&
    a.dateMatch === b.dateMatch &&
    a.hideIsolatedActors === b.hideIsolatedActors &&
    Math.max(a.minIndependentSources, 1) === Math.max(b.minIndependentSources, 1) &&
    a.hideContradictedOnly === b.hideContradictedOnly &&
    a.claimsBy === b.claimsBy
  );
}

export function isDefaultFilters(filters: FilterState): boolean {
  return sameFilters(filters, DEFAULT_FILTERS);
}

/**
 * Whether one evidence item passes the source and grade filters. An item
 * citing a source the graph does not have never passes a reliability
 * threshold: an unknown source cannot be shown to meet it.
 */
export function evidencePasses(
  item: EvidenceItem,
  filters: FilterState,
  sourceById: ReadonlyMap<string, Source>,
): boolean {
  if (filters.onlySources.length > 0 && !filters.onlySources.includes(item.source)) return false;
  if (filters.claimsBy !== null && claimantKey(item) !== filters.claimsBy) return false;
  if (filters.minCredibility !== null && item.credibility > filters.minCredibility) return false;
  if (filters.minReliability !== null) {
    const reliability = sourceById.get(item.source)?.reliability;
    if (reliability === undefined) return false;
    if (RELIABILITY_ORDER.indexOf(reliability) > RELIABILITY_ORDER.indexOf(filters.minReliability)) return false;
  }
  return true;
}

/**
 * Whether a relation's evidence, as the filters leave it, keeps it shown: some
 * item passes; with "hide contradicted only", one of those supports it; with a
 * minimum of sources, they come from that many publishers.
 */
function relationEvidencePasses(
  evidence: readonly EvidenceItem[],
  filters: FilterState,
  sourceById: ReadonlyMap<string, Source>,
): boolean {
  const needsCorroboration = filters.minIndependentSources > 1;
  if (!needsCorroboration && !filters.hideContradictedOnly) {
    return evidence.some((item) => evidencePasses(item, filters, sourceById));
  }
  const passing = evidence.filter((item) => evidencePasses(item, filters, sourceById));
  if (passing.length === 0) return false;
  if (filters.hideContradictedOnly && passing.every((item) => stanceOf(item) === 'contradicts')) return false;
  return (
    !needsCorroboration || corroborationOf(passing, sourceById).independentSources >= filters.minIndependentSources
  );
}

/** Date texts read before: a brush on 5,000 relations filters many times a second, and each text parses once. */
const spanCache = new Map<string, DaySpan | null>();

/** The days a relation's date can mean, or null for a date that does not parse. */
export function relationSpan(date: string): DaySpan | null {
  let span = spanCache.get(date);
  if (span === undefined) {
    const parsed = parseDateOrRange(date);
    span = parsed.ok ? parsed.span : null;
    // Bounded: a hostile file with a million distinct dates must not grow it without end.
    if (spanCache.size >= 50_000) spanCache.clear();
    spanCache.set(date, span);
  }
  return span;
}

function dateWindow(filters: FilterState): DaySpan | null {
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
  const sourceById = new Map(graph.sources.map((source) => [source.id, source]));
  const dateSpan = dateWindow(filters);
  const kindOk = new Map(graph.actors.map((actor) => [actor.id, !hiddenKinds.has(actor.kind)]));

  const relationIds = new Set<string>();
  const actorsWithRelations = new Set<string>();
  for (const relation of graph.relations) {
    if (hiddenTypes.has(relation.type)) continue;
    if (!kindOk.get(relation.from) || !kindOk.get(relation.to)) continue;
    if (dateSpan) {
      if (relation.date === undefined) {
        if (!filters.includeUndated) continue;
      } else {
        const span = relationSpan(relation.date);
        if (span === null || !spanMeetsWindow(span, dateSpan, filters.dateMatch)) continue;
      }
    }
    if (!relationEvidencePasses(relation.evidence, filters, sourceById)) continue;
    relationIds.add(relation.id);
    actorsWithRelations.add(relation.from);
    actorsWithRelations.add(relation.to);
  }

  const actorIds = new Set<string>();
  for (const actor of graph.actors) {
    if (!kindOk.get(actor.id)) continue;
    if (actorsWithRelations.has(actor.id)) actorIds.add(actor.id);
    else if (!filters.hideIsolatedActors && actor.evidence.some((item) => evidencePasses(item, filters, sourceById))) {
      actorIds.add(actor.id);
    }
  }
  return { actorIds, relationIds };
}

/** "showing 12 of 28 actors, 20 of 55 relations" */
export function visibleCountLine(graph: Graph, visible: VisibleSubgraph): string {
  const actors = `${visible.actorIds.size} of ${graph.actors.length} actors`;
  return `showing ${actors}, ${visible.relationIds.size} of ${graph.relations.length} relations`;
}

/** Number of items per key, for legend and filter counts. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
