// What a PNG snapshot says about itself, so that it stands alone in a report. Pure.

import { type FilterState, isDefaultFilters } from './filter.ts';
import { CREDIBILITY_WORDS, type Graph, RELIABILITY_WORDS } from './graph.ts';
import type { Focus } from './view-state.ts';

/** One line per active filter, in words; empty when nothing is filtered. */
export function describeFilters(graph: Graph, filters: FilterState, focus: Focus | null): string[] {
  const lines: string[] = [];
  const typeLabel = (id: string) => graph.relationTypes.find((t) => t.id === id)?.label ?? id;
  const kindLabel = (id: string) => graph.actorKinds.find((k) => k.id === id)?.label ?? id;
  const sourceLabel = (id: string) => graph.sources.find((s) => s.id === id)?.publisher ?? id;
  if (focus) {
    const label = graph.actors.find((a) => a.id === focus.actorId)?.label ?? focus.actorId;
    lines.push(`Focus: ${focus.hops === 1 ? 'direct' : 'two-step'} neighbourhood of ${label}`);
  }
  if (isDefaultFilters(filters)) return lines;
  if (filters.hiddenRelationTypes.length)
    lines.push(`Hidden relation types: ${filters.hiddenRelationTypes.map(typeLabel).join(', ')}`);
  if (filters.hiddenActorKinds.length)
    lines.push(`Hidden actor kinds: ${filters.hiddenActorKinds.map(kindLabel).join(', ')}`);
  if (filters.onlySources.length) lines.push(`Only claims from: ${filters.onlySources.map(sourceLabel).join(', ')}`);
  if (filters.minReliability)
    lines.push(`Source reliability ${filters.minReliability} (${RELIABILITY_WORDS[filters.minReliability]}) or better`);
  if (filters.minCredibility)
    lines.push(`Claim credibility ${filters.minCredibility} (${CREDIBILITY_WORDS[filters.minCredibility]}) or better`);
  if (filters.dateFrom || filters.dateTo) {
    const undated = filters.includeUndated ? ', undated relations kept' : ', undated relations hidden';
    lines.push(`Dates: ${filters.dateFrom ?? 'any'} to ${filters.dateTo ?? 'any'}${undated}`);
  }
  if (filters.hideIsolatedActors) lines.push('Actors with no visible relation hidden');
  return lines;
}

/** "kadhimi-2021_2026-11-28.png" */
export function snapshotFileName(graphName: string, today: string, scope: 'view' | 'whole'): string {
  const base = graphName.replace(/\.json$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'graph';
  return `${base}_${scope === 'view' ? 'view' : 'whole-graph'}_${today}.png`;
}
