import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type FilterState, visibleSubgraph } from '../../src/model/filter.ts';
import { neighbourhood } from '../../src/model/neighbourhood.ts';
import { FAMILIES, RELATION_FAMILIES } from '../../src/model/palette.ts';
import { indexGraph } from '../../src/model/queries.ts';
import { describeFilters, READING_NOTE, snapshotContent, snapshotFileName } from '../../src/model/snapshot-content.ts';
import { DEFAULT_VIEW, type Focus, type ViewState } from '../../src/model/view.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const index = indexGraph(graph);

function contentFor(filters: Partial<FilterState>, focus: Focus | null = null) {
  const view: ViewState = { ...DEFAULT_VIEW, filters: { ...DEFAULT_FILTERS, ...filters }, focus };
  const visible = visibleSubgraph(graph, view.filters);
  const kept = focus ? neighbourhood(index, focus.actorId, focus.hops, visible.relationIds) : null;
  return { content: snapshotContent(graph, view, visible, kept, '2026-11-28'), visible, kept };
}

describe('what an exported snapshot says about itself', () => {
  it('without filters: the title, the whole count, every kind and type drawn, both sources', () => {
    const { content } = contentFor({});
    expect(content.title).toBe(graph.title);
    expect(content.countLine).toBe(
      `showing ${graph.actors.length} of ${graph.actors.length} actors, ${graph.relations.length} of ` +
        `${graph.relations.length} relations · exported 2026-11-28 · graph file updated ${graph.updated}`,
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
      `${READING_NOTE} Lines: ${RELATION_FAMILIES.filter((f) => f !== 'other')
        .map((family) => FAMILIES[family].description)
        .join('; ')}.`,
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

  it('under a focus, the count line also says what the focus keeps', () => {
    const { content, kept } = contentFor({}, { actorId: 'kataib-hezbollah', hops: 1 });
    expect(kept).not.toBeNull();
    expect(content.countLine).toContain(
      `; the focus keeps ${kept?.actorIds.size} actors, ${kept?.relationIds.size} relations · exported`,
    );
    expect(content.filterLines).toEqual(['Filter: Focus: direct neighbourhood of Kataib Hezbollah']);
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
      'Dates: 2021-11-01 to any, undated relations hidden',
      'Actors with no visible relation hidden',
    ]);
    expect(describeFilters(graph, { ...DEFAULT_FILTERS, dateTo: '2021-12-31' }, null)).toEqual([
      'Dates: any to 2021-12-31, undated relations kept',
    ]);
    expect(describeFilters(graph, DEFAULT_FILTERS, null)).toEqual([]);
    expect(describeFilters(graph, { ...DEFAULT_FILTERS, hiddenRelationTypes: ['gone'] }, null)).toEqual([
      'Hidden relation types: gone',
    ]);
  });

  it('names the file after the graph, the scope and the date', () => {
    expect(snapshotFileName('kadhimi-2021.json', '2026-11-28', 'view')).toBe('kadhimi-2021_view_2026-11-28.png');
    expect(snapshotFileName('my graph?.json', '2026-11-28', 'whole')).toBe('my-graph-_whole-graph_2026-11-28.png');
    expect(snapshotFileName('.json', '2026-11-28', 'view')).toBe('graph_view_2026-11-28.png');
  });
});
