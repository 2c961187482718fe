import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type FilterState, visibleSubgraph } from '../../src/model/filter.ts';
import { neighbourhood } from '../../src/model/neighbourhood.ts';
import { FAMILIES, RELATION_FAMILIES } from '../../src/model/palette.ts';
import { indexGraph } from '../../src/model/queries.ts';
import {
  describeFilters,
  type ExportScope,
  exportScopeIn,
  keptForExport,
  READING_NOTE,
  snapshotContent,
  snapshotFileName,
} from '../../src/model/snapshot-content.ts';
import { DEFAULT_VIEW, type Focus, type ViewState } from '../../src/model/view.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const index = indexGraph(graph);

/** What a picture of this scope says, with everything the filters and focus keep drawn. */
function contentFor(filters: Partial<FilterState>, focus: Focus | null = null, scope: ExportScope = 'shown') {
  const view: ViewState = {
    ...DEFAULT_VIEW,
    filters: { ...DEFAULT_FILTERS, ...filters },
    focus,
    selection: focus ? { kind: 'actor', id: focus.actorId } : null,
  };
  const visible = visibleSubgraph(graph, view.filters);
  const focused = focus ? neighbourhood(index, focus.actorId, focus.hops, visible.relationIds) : null;
  const kept = keptForExport(graph, scope, visible, focused);
  return { content: snapshotContent(graph, view, { scope, drawn: kept, kept }, '2026-11-28'), visible, kept };
}

describe('what an exported snapshot says about itself', () => {
  it('without filters: the title, the whole count, every kind and type drawn, both sources', () => {
    const { content } = contentFor({});
    expect(content.title).toBe(graph.title);
    expect(content.countLine).toBe(
      `showing ${graph.actors.length} of ${graph.actors.length} actors, ${graph.relations.length} of ` +
        `${graph.relations.length} relations (everything) · exported 2026-11-28 · graph file updated ${graph.updated}`,
    );
    expect(content.filterLines).toEqual(['No filters: the whole graph']);
    expect(content.legendKinds.map((k) => k.id)).toEqual(graph.actorKinds.map((k) => k.id));
    const usedTypes = new Set(graph.relations.map((r) => r.type));
    expect(content.legendTypes.map((t) => t.id)).toEqual(
      graph.relationTypes.filter((t) => usedTypes.has(t.id)).map((t) => t.id),
    );
    expect(content.sourceLines).toEqual([
      expect.stringMatching(/^\[isc\] International South Connect, “What Led To Assassination Attempt/),
      expect.stringMatching(/^\[global-research\] Global Research, “Who Tried to Kill Iraqi Prime Minister/),
    ]);
    expect(content.readingNote).toBe(
      // The shipped graph draws a type of every family, 'other' (Kadhimi's pledges) included.
      `${READING_NOTE} Lines: ${RELATION_FAMILIES.map((family) => FAMILIES[family].description).join('; ')}.`,
    );
  });

  it('the legend lists only the kinds and types drawn, with their colours and lines', () => {
    const { content } = contentFor({ hiddenActorKinds: ['event'], hiddenRelationTypes: ['denied', 'met'] });
    expect(content.legendKinds.map((k) => k.id)).not.toContain('event');
    expect(content.legendTypes.map((t) => t.id)).not.toContain('denied');
    expect(content.legendTypes.map((t) => t.id)).not.toContain('met');
    const accused = content.legendTypes.find((t) => t.id === 'accused');
    const type = graph.relationTypes.find((t) => t.id === 'accused');
    expect(accused).toEqual({
      id: 'accused',
      label: type?.label,
      color: type?.color,
      family: 'claim',
      lineStyle: 'dashed',
      dashPattern: FAMILIES.claim.dashPattern,
      arrow: 'triangle',
      width: FAMILIES.claim.width,
      dashed: true,
      directed: true,
    });
    const person = content.legendKinds.find((k) => k.id === 'person');
    const kind = graph.actorKinds.find((k) => k.id === 'person');
    expect(person).toEqual({ id: 'person', label: kind?.label, color: kind?.color, shape: kind?.shape });
  });

  it('with one source ticked, only that source is cited', () => {
    const { content } = contentFor({ onlySources: ['global-research'] });
    expect(content.filterLines).toEqual(['Filter: Only claims from: Global Research']);
    expect(content.sourceLines).toHaveLength(1);
    expect(content.sourceLines[0]).toMatch(/^\[global-research\] /);
  });

  it('with one source ticked, the whole graph still cites both: it has no filters, and says so', () => {
    const { content } = contentFor({ onlySources: ['global-research'] }, null, 'whole');
    expect(content.filterLines).toEqual([
      'No filters: the whole graph (the filters and focus in force on screen are not applied)',
    ]);
    expect(content.sourceLines.map((line) => line.slice(0, line.indexOf(']') + 1))).toEqual([
      '[isc]',
      '[global-research]',
    ]);
    expect(content.countLine).toMatch(/^showing 41 of 41 actors, 75 of 75 relations \(the whole graph, no filters\)/);
  });

  it('under a focus on Kataib Hezbollah, the picture counts only its neighbourhood: 8 actors, 19 relations', () => {
    const { content, kept } = contentFor({}, { actorId: 'kataib-hezbollah', hops: 1 });
    expect(kept.actorIds.size).toBe(8);
    expect(kept.relationIds.size).toBe(19);
    expect(content.countLine).toMatch(
      /^showing 8 of 41 actors, 19 of 75 relations \(everything the focus keeps\) · exported 2026-11-28/,
    );
    expect(content.filterLines).toEqual(['Filter: Focus: direct neighbourhood of Kataib Hezbollah']);
    expect(content.notes).toEqual(['Selected: Kataib Hezbollah (outlined in blue; its relations are labelled)']);
    // The legend lists the types of the neighbourhood only.
    const drawnTypes = new Set(graph.relations.filter((r) => kept.relationIds.has(r.id)).map((r) => r.type));
    expect(content.legendTypes.map((t) => t.id)).toEqual(
      graph.relationTypes.filter((t) => drawnTypes.has(t.id)).map((t) => t.id),
    );
    expect(content.legendTypes.length).toBeLessThan(contentFor({}).content.legendTypes.length);
  });

  it('under a focus and a source filter, the focus keeps only what the source supports', () => {
    const { content, kept } = contentFor(
      { onlySources: ['global-research'] },
      { actorId: 'kataib-hezbollah', hops: 1 },
    );
    const visible = visibleSubgraph(graph, { ...DEFAULT_FILTERS, onlySources: ['global-research'] });
    for (const id of kept.relationIds) expect(visible.relationIds.has(id)).toBe(true);
    expect(content.countLine).toContain(
      `showing ${kept.actorIds.size} of 41 actors, ${kept.relationIds.size} of 75 relations ` +
        '(everything the filters and focus keep)',
    );
    expect(content.sourceLines).toHaveLength(1);
    expect(content.sourceLines[0]).toMatch(/^\[global-research\] /);
  });

  it('a focus on an actor the filters hide keeps nothing to draw', () => {
    const kind = graph.actors.find((a) => a.id === 'kataib-hezbollah')!.kind;
    const { kept } = contentFor({ hiddenActorKinds: [kind] }, { actorId: 'kataib-hezbollah', hops: 1 });
    expect(kept.actorIds).toEqual(new Set());
    expect(kept.relationIds).toEqual(new Set());
  });

  it('on screen: counts the part drawn, and says of how much it is a part', () => {
    const view: ViewState = { ...DEFAULT_VIEW, filters: { ...DEFAULT_FILTERS, hiddenActorKinds: ['event'] } };
    const visible = visibleSubgraph(graph, view.filters);
    const kept = keptForExport(graph, 'screen', visible, null);
    // Two actors on screen, and the one relation between them.
    const relation = graph.relations.find((r) => kept.relationIds.has(r.id))!;
    const drawn = { actorIds: new Set([relation.from, relation.to]), relationIds: new Set([relation.id]) };
    const content = snapshotContent(graph, view, { scope: 'screen', drawn, kept }, '2026-11-28');
    expect(content.countLine).toMatch(
      new RegExp(
        `^showing 2 of 41 actors, 1 of 75 relations \\(the part on screen of the ${kept.actorIds.size} actors ` +
          `and ${kept.relationIds.size} relations the filters keep\\)`,
      ),
    );
    expect(content.legendTypes.map((t) => t.id)).toEqual([relation.type]);
    const cited = new Set(relation.evidence.map((item) => item.source));
    for (const actorId of drawn.actorIds)
      for (const item of graph.actors.find((a) => a.id === actorId)!.evidence) cited.add(item.source);
    expect(content.sourceLines.map((line) => line.slice(1, line.indexOf(']')))).toEqual(
      graph.sources.filter((s) => cited.has(s.id)).map((s) => s.id),
    );
    const noFilters = snapshotContent(graph, DEFAULT_VIEW, { scope: 'screen', drawn, kept: drawn }, '2026-11-28');
    expect(noFilters.countLine).toContain('(the part on screen of the whole graph)');
    expect(noFilters.filterLines).toEqual(['No filters']);
  });

  it('names the labels it had to leave out', () => {
    const view = DEFAULT_VIEW;
    const visible = visibleSubgraph(graph, view.filters);
    const scene = { scope: 'shown' as const, drawn: visible, kept: visible };
    const note = (actors: number, relations: number) =>
      snapshotContent(graph, view, { ...scene, hiddenLabels: { actors, relations } }, '2026-11-28').notes;
    expect(note(0, 0)).toEqual([]);
    expect(note(5, 0)).toEqual([
      'Labels left out where they would overlap another or be cut at the edge: ' +
        '5 of 41 actors (the explorer names them all)',
    ]);
    expect(note(0, 1)[0]).toContain('edge: 1 relation (the');
    expect(note(3, 2)[0]).toContain('edge: 3 of 41 actors, 2 relations (the');
  });

  it('names a selected relation in words', () => {
    const relation = graph.relations.find((r) => r.id === 'kataib-hezbollah-denied-drone-attack')!;
    const view: ViewState = { ...DEFAULT_VIEW, selection: { kind: 'relation', id: relation.id } };
    const visible = visibleSubgraph(graph, view.filters);
    const content = snapshotContent(graph, view, { scope: 'shown', drawn: visible, kept: visible }, '2026-11-28');
    expect(content.notes[0]).toMatch(
      /^Selected: Kataib Hezbollah denied involvement in .+ \(drawn heavier, labelled\)$/,
    );
    // A selection outside the picture is not mentioned.
    const none = { actorIds: new Set<string>(), relationIds: new Set<string>() };
    expect(snapshotContent(graph, view, { scope: 'screen', drawn: none, kept: visible }, '2026-11-28').notes).toEqual(
      [],
    );
  });

  it('from the table, "on screen" is not available and everything shown is exported instead', () => {
    expect(exportScopeIn('table', 'screen')).toBe('shown');
    expect(exportScopeIn('table', 'whole')).toBe('whole');
    expect(exportScopeIn('graph', 'screen')).toBe('screen');
  });

  it('describes every kind of filter in words', () => {
    const lines = describeFilters(
      graph,
      {
        ...DEFAULT_FILTERS,
        hiddenRelationTypes: ['denied'],
        hiddenActorKinds: ['event'],
        onlySources: ['isc'],
        minReliability: 'D',
        minCredibility: 3,
        dateFrom: '2021-11-01',
        includeUndated: false,
        hideIsolatedActors: true,
      },
      { actorId: 'qaani', hops: 2 },
    );
    expect(lines).toEqual([
      'Focus: two-step neighbourhood of Esmail Qaani',
      'Hidden relation types: denied involvement in',
      'Hidden actor kinds: Event',
      'Only claims from: International South Connect',
      'Source reliability D (not usually reliable) or better',
      'Claim credibility 3 (possibly true) or better',
      'Dates: relations dated at least partly within 2021-11-01 to any, undated relations hidden',
      'Actors with no visible relation hidden',
    ]);
    expect(describeFilters(graph, { ...DEFAULT_FILTERS, dateTo: '2021-12-31' }, null)).toEqual([
      'Dates: relations dated at least partly within any to 2021-12-31, undated relations kept',
    ]);
    expect(describeFilters(graph, DEFAULT_FILTERS, null)).toEqual([]);
    expect(describeFilters(graph, { ...DEFAULT_FILTERS, hiddenRelationTypes: ['gone'] }, null)).toEqual([
      'Hidden relation types: gone',
    ]);
  });

  it('names the file after the graph, the scope and the date', () => {
    expect(snapshotFileName('kadhimi-2021.json', '2026-11-28', 'screen')).toBe('kadhimi-2021_on-screen_2026-11-28.png');
    expect(snapshotFileName('kadhimi-2021.json', '2026-11-28', 'shown', 'svg')).toBe(
      'kadhimi-2021_everything-shown_2026-11-28.svg',
    );
    expect(snapshotFileName('my graph?.json', '2026-11-28', 'whole')).toBe(
      'my-graph-_whole-graph-no-filters_2026-11-28.png',
    );
    expect(snapshotFileName('.json', '2026-11-28', 'screen')).toBe('graph_on-screen_2026-11-28.png');
  });
});
