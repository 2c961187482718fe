// What a PNG snapshot says about itself, so that it stands alone in a report:
// title, counts, filters, a legend of what is drawn and the sources cited.
// Pure; src/cy/snapshot.ts only draws it.

import { evidencePasses, type FilterState, type VisibleSubgraph, visibleCountLine } from './filter.ts';
import { CREDIBILITY_WORDS, type Graph, RELIABILITY_WORDS } from './graph.ts';
import type { Neighbourhood } from './neighbourhood.ts';
import { FAMILIES, kindStyle, RELATION_FAMILIES, type RelationFamily, type TypeStyle, typeStyles } from './palette.ts';
import { citedSources, sourceCitation } from './queries.ts';
import type { Focus, ViewState } from './view.ts';

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

export interface LegendKind {
  id: string;
  label: string;
  color: string;
  shape: string;
}

export interface LegendType extends TypeStyle {
  id: string;
  label: string;
}

export interface SnapshotContent {
  title: string;
  /** "showing 12 of 28 actors, 20 of 55 relations · exported 2026-11-28 · graph file updated 2026-11-20" */
  countLine: string;
  /** One line per active filter and the focus, or one line saying there is none. */
  filterLines: string[];
  /** Only the kinds and types drawn in the picture, in the file's order. */
  legendKinds: LegendKind[];
  legendTypes: LegendType[];
  /** "[isc] International South Connect, “…”, …": the sources the shown evidence cites. */
  sourceLines: string[];
  /** How to read grades and lines. */
  readingNote: string;
}

export const READING_NOTE =
  'Grades: source reliability A (completely reliable) to E (unreliable), F cannot be judged; ' +
  'claim credibility 1 (confirmed) to 5 (improbable), 6 cannot be judged. ' +
  'Lines run from subject to object.';

/** The reading note, with the line of each family that the legend shows. */
export function readingNote(families: readonly RelationFamily[]): string {
  const lines = RELATION_FAMILIES.filter((family) => families.includes(family)).map(
    (family) => FAMILIES[family].description,
  );
  return lines.length > 0 ? `${READING_NOTE} Lines: ${lines.join('; ')}.` : READING_NOTE;
}

/**
 * What a snapshot of the graph under this view says. `visible` is what the
 * filters keep (drawn); under a focus the rest is dimmed but still drawn, so
 * the legend and sources cover `visible`, and the count line also says what
 * the focus keeps (`focus`: the view's neighbourhood, null without a focus).
 * Sources are those cited by evidence that passes the filters.
 */
export function snapshotContent(
  graph: Graph,
  view: ViewState,
  visible: VisibleSubgraph,
  focus: Neighbourhood | null,
  exportedOn: string,
): SnapshotContent {
  const sourceById = new Map(graph.sources.map((source) => [source.id, source]));
  const types = typeStyles(graph);
  const drawnTypes = new Set(graph.relations.filter((r) => visible.relationIds.has(r.id)).map((r) => r.type));
  const legendTypes = graph.relationTypes.flatMap((type) => {
    const style = types.get(type.id);
    return style && drawnTypes.has(type.id) ? [{ id: type.id, label: type.label, ...style }] : [];
  });
  const drawnKinds = new Set(graph.actors.filter((a) => visible.actorIds.has(a.id)).map((a) => a.kind));
  const focusCounts = focus
    ? `; the focus keeps ${focus.actorIds.size} actors, ${focus.relationIds.size} relations`
    : '';
  const filterLines = describeFilters(graph, view.filters, view.focus).map((line) => `Filter: ${line}`);
  const cited = citedSources(graph, visible.actorIds, visible.relationIds, (item) =>
    evidencePasses(item, view.filters, sourceById),
  );
  return {
    title: graph.title,
    countLine:
      `${visibleCountLine(graph, visible)}${focusCounts} · exported ${exportedOn}` +
      ` · graph file updated ${graph.updated}`,
    filterLines: filterLines.length > 0 ? filterLines : ['No filters: the whole graph'],
    legendKinds: graph.actorKinds
      .map((kind, position) => ({ id: kind.id, label: kind.label, ...kindStyle(kind, position) }))
      .filter((kind) => drawnKinds.has(kind.id)),
    legendTypes,
    sourceLines: cited.map((source) => `[${source.id}] ${sourceCitation(source)}`),
    readingNote: readingNote(legendTypes.map((type) => type.family)),
  };
}
