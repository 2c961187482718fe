// What an exported snapshot (PNG or SVG) says about itself, so that it stands alone in a report:
// title, counts, filters, a legend of what is drawn and the sources cited.
// Pure; src/cy/snapshot.ts only draws it.

import { claimantKey } from './corroboration.ts';
import { evidencePasses, type FilterState, isDefaultFilters, type VisibleSubgraph } from './filter.ts';
import { CREDIBILITY_WORDS, type Graph, RELIABILITY_WORDS } from './graph.ts';
import type { Neighbourhood } from './neighbourhood.ts';
import { FAMILIES, kindStyle, RELATION_FAMILIES, type RelationFamily, type TypeStyle, typeStyles } from './palette.ts';
import { citedSources, sourceCitation } from './queries.ts';
import type { Focus, ViewMode, ViewState } from './view.ts';

/** Who a claimant key names: the actor's label, or the attribution's words. */
export function claimantLabel(graph: Graph, key: string): string {
  if (key.startsWith('actor:')) {
    const id = key.slice('actor:'.length);
    return graph.actors.find((actor) => actor.id === id)?.label ?? id;
  }
  for (const owner of [...graph.actors, ...graph.relations]) {
    const item = owner.evidence.find((evidence) => claimantKey(evidence) === key);
    if (item) return item.attributedTo;
  }
  return key.slice('said:'.length);
}

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
    const rule = filters.dateMatch === 'within' ? 'dated wholly within' : 'dated at least partly within';
    lines.push(`Dates: relations ${rule} ${filters.dateFrom ?? 'any'} to ${filters.dateTo ?? 'any'}${undated}`);
  }
  if (filters.hideIsolatedActors) lines.push('Actors with no visible relation hidden');
  if (filters.minIndependentSources > 1)
    lines.push(`Relations with at least ${filters.minIndependentSources} independent sources (publishers)`);
  if (filters.hideContradictedOnly) lines.push('Relations with contradicting evidence only hidden');
  if (filters.claimsBy !== null) lines.push(`Only claims made by: ${claimantLabel(graph, filters.claimsBy)}`);
  return lines;
}

/**
 * What an export shows. The names are what the analyst reads, so that nobody
 * takes "whole" for "ignoring the filters": 'screen' is the part of what the
 * filters and focus keep that is on screen; 'shown' is all they keep, fitted;
 * 'whole' is every actor and relation, with no filter and no focus.
 */
export type ExportScope = 'screen' | 'shown' | 'whole';

export const EXPORT_SCOPES: readonly { scope: ExportScope; label: string; fileLabel: string }[] = [
  { scope: 'screen', label: 'On screen', fileLabel: 'on-screen' },
  { scope: 'shown', label: 'Everything shown', fileLabel: 'everything-shown' },
  { scope: 'whole', label: 'Whole graph, no filters', fileLabel: 'whole-graph-no-filters' },
];

export type ExportFormat = 'png' | 'svg';

/** The scope an export uses: the table draws no graph, so it has no "on screen" and exports everything shown. */
export function exportScopeIn(mode: ViewMode, chosen: ExportScope): ExportScope {
  return mode === 'table' && chosen === 'screen' ? 'shown' : chosen;
}

/**
 * The actors and relations an export may draw: all of them for 'whole';
 * otherwise what the filters keep, and under a focus only its neighbourhood
 * (the dimmed rest is left out). 'screen' is cut further to what is on
 * screen, which only the graph drawing knows.
 */
export function keptForExport(
  graph: Graph,
  scope: ExportScope,
  visible: VisibleSubgraph,
  focus: Neighbourhood | null,
): VisibleSubgraph {
  if (scope === 'whole') {
    return { actorIds: new Set(graph.actors.map((a) => a.id)), relationIds: new Set(graph.relations.map((r) => r.id)) };
  }
  if (!focus) return { actorIds: new Set(visible.actorIds), relationIds: new Set(visible.relationIds) };
  return {
    actorIds: new Set([...focus.actorIds].filter((id) => visible.actorIds.has(id))),
    relationIds: new Set([...focus.relationIds].filter((id) => visible.relationIds.has(id))),
  };
}

/** "kadhimi-2021_everything-shown_2026-11-28.png" */
export function snapshotFileName(
  graphName: string,
  today: string,
  scope: ExportScope,
  format: ExportFormat = 'png',
): string {
  const base = graphName.replace(/\.json$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'graph';
  const label = EXPORT_SCOPES.find((entry) => entry.scope === scope)?.fileLabel ?? scope;
  return `${base}_${label}_${today}.${format}`;
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
  /**
   * "showing 8 of 28 actors, 17 of 55 relations (everything the filters and focus keep) · exported 2026-11-28 ·
   * graph file updated 2026-11-20": what the picture draws, counted.
   */
  countLine: string;
  /** One line per active filter and the focus, or one line saying there is none. */
  filterLines: string[];
  /** What else a reader needs to read the picture: the selection, labels left out. */
  notes: string[];
  /** Only the kinds and types drawn in the picture, in the file's order. */
  legendKinds: LegendKind[];
  legendTypes: LegendType[];
  /** "[isc] International South Connect, “…”, …": the sources cited by the evidence of what is drawn. */
  sourceLines: string[];
  /** How to read grades and lines. */
  readingNote: string;
}

export const READING_NOTE =
  'Grades: source reliability A (completely reliable) to E (unreliable), F cannot be judged; ' +
  'credibility 1 (confirmed) to 5 (improbable), 6 cannot be judged, of the report each quote carries ' +
  '(that a statement was made, not that it is true). ' +
  'Lines run from subject to object. Line weight: thick, two or more independent sources; ' +
  'thin and faded, one source graded D-F or 4-6; faint, contradicting evidence only.';

/** The reading note, with the line of each family that the legend shows. */
export function readingNote(families: readonly RelationFamily[]): string {
  const lines = RELATION_FAMILIES.filter((family) => families.includes(family)).map(
    (family) => FAMILIES[family].description,
  );
  return lines.length > 0 ? `${READING_NOTE} Lines: ${lines.join('; ')}.` : READING_NOTE;
}

/** What an exported picture draws, and of what. */
export interface SnapshotScene {
  scope: ExportScope;
  /** The actors and relations in the picture. */
  drawn: VisibleSubgraph;
  /** What the filters and focus keep (keptForExport): for 'screen', the whole the picture is a part of. */
  kept: VisibleSubgraph;
  /** Labels left out so that none overlaps another or is cut at the edge. */
  hiddenLabels?: { actors: number; relations: number };
  /** The paths found are highlighted: they, not the focus, say what is kept. */
  pathsHighlighted?: boolean;
}

const count = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

/** "the filters and focus keep", or null when nothing is filtered or focused. */
function keeper(view: ViewState, pathsHighlighted = false): string | null {
  const filtered = !isDefaultFilters(view.filters);
  if (pathsHighlighted) return filtered ? 'the paths highlighted under the filters keep' : 'the paths highlighted keep';
  if (filtered && view.focus) return 'the filters and focus keep';
  if (view.focus) return 'the focus keeps';
  return filtered ? 'the filters keep' : null;
}

/** What part of the graph the picture is, in words, after its counts. */
function scopePhrase(scene: SnapshotScene, view: ViewState): string {
  const who = keeper(view, scene.pathsHighlighted);
  switch (scene.scope) {
    case 'whole':
      return 'the whole graph, no filters';
    case 'shown':
      return who ? `everything ${who}` : 'everything';
    case 'screen': {
      const { actorIds, relationIds } = scene.kept;
      const kept = `${count(actorIds.size, 'actor')} and ${count(relationIds.size, 'relation')}`;
      return who ? `the part on screen of the ${kept} ${who}` : `the part on screen of the whole graph`;
    }
  }
}

function selectionNote(graph: Graph, view: ViewState, drawn: VisibleSubgraph): string | null {
  const selection = view.selection;
  const actorLabel = (id: string) => graph.actors.find((a) => a.id === id)?.label ?? id;
  if (selection?.kind === 'actor' && drawn.actorIds.has(selection.id)) {
    return `Selected: ${actorLabel(selection.id)} (outlined in blue; its relations are labelled)`;
  }
  if (selection?.kind === 'relation' && drawn.relationIds.has(selection.id)) {
    const relation = graph.relations.find((r) => r.id === selection.id);
    if (!relation) return null;
    const type = graph.relationTypes.find((t) => t.id === relation.type)?.label ?? relation.type;
    return `Selected: ${actorLabel(relation.from)} ${type} ${actorLabel(relation.to)} (drawn heavier, labelled)`;
  }
  return null;
}

function hiddenLabelsNote(scene: SnapshotScene): string | null {
  const hidden = scene.hiddenLabels;
  if (!hidden || (hidden.actors === 0 && hidden.relations === 0)) return null;
  const parts = [
    hidden.actors > 0 ? `${hidden.actors} of ${count(scene.drawn.actorIds.size, 'actor')}` : '',
    hidden.relations > 0 ? count(hidden.relations, 'relation') : '',
  ].filter(Boolean);
  return (
    `Labels left out where they would overlap another or be cut at the edge: ` +
    `${parts.join(', ')} (the explorer names them all)`
  );
}

/**
 * What an exported picture says about itself: exactly what it draws. The
 * count line counts the actors and relations in the picture (under a focus,
 * only its neighbourhood is drawn); the legend lists only the kinds and types
 * drawn; the sources are those cited by evidence of what is drawn that passes
 * the filters (every source for the whole graph, which has none).
 */
export function snapshotContent(
  graph: Graph,
  view: ViewState,
  scene: SnapshotScene,
  exportedOn: string,
): SnapshotContent {
  const { drawn } = scene;
  const whole = scene.scope === 'whole';
  const sourceById = new Map(graph.sources.map((source) => [source.id, source]));
  const types = typeStyles(graph);
  const drawnTypes = new Set(graph.relations.filter((r) => drawn.relationIds.has(r.id)).map((r) => r.type));
  const legendTypes = graph.relationTypes.flatMap((type) => {
    const style = types.get(type.id);
    return style && drawnTypes.has(type.id) ? [{ id: type.id, label: type.label, ...style }] : [];
  });
  const drawnKinds = new Set(graph.actors.filter((a) => drawn.actorIds.has(a.id)).map((a) => a.kind));
  const filterLines = whole ? [] : describeFilters(graph, view.filters, view.focus).map((line) => `Filter: ${line}`);
  let noFilters = scene.scope === 'screen' ? 'No filters' : 'No filters: the whole graph';
  if (whole && keeper(view)) noFilters += ' (the filters and focus in force on screen are not applied)';
  const cited = citedSources(graph, drawn.actorIds, drawn.relationIds, (item) =>
    whole ? true : evidencePasses(item, view.filters, sourceById),
  );
  const counts =
    `showing ${drawn.actorIds.size} of ${count(graph.actors.length, 'actor')}, ` +
    `${drawn.relationIds.size} of ${count(graph.relations.length, 'relation')}`;
  return {
    title: graph.title,
    countLine: `${counts} (${scopePhrase(scene, view)}) · exported ${exportedOn} · graph file updated ${graph.updated}`,
    filterLines: filterLines.length > 0 ? filterLines : [noFilters],
    notes: [selectionNote(graph, view, drawn), hiddenLabelsNote(scene)].filter((note) => note !== null),
    legendKinds: graph.actorKinds
      .map((kind, position) => ({ id: kind.id, label: kind.label, ...kindStyle(kind, position) }))
      .filter((kind) => drawnKinds.has(kind.id)),
    legendTypes,
    sourceLines: cited.map((source) => `[${source.id}] ${sourceCitation(source)}`),
    readingNote: readingNote(legendTypes.map((type) => type.family)),
  };
}
