import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type FilterState, visibleSubgraph } from '../../src/model/filter.ts';
import { defaultKindStyle, FAMILIES, kindStyles, typeStyles } from '../../src/model/palette.ts';
import {
  describeFilters,
  keptForExport,
  READING_NOTE,
  readingNote,
  snapshotContent,
  snapshotFileName,
} from '../../src/model/snapshot-content.ts';
import { DEFAULT_VIEW } from '../../src/model/view.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const linesFor = (filters: Partial<FilterState>) => describeFilters(graph, { ...DEFAULT_FILTERS, ...filters }, null);

describe('a snapshot’s filter lines', () => {
  it('list several hidden types, kinds and sources by their labels', () => {
    expect(
      linesFor({
        hiddenRelationTypes: ['denied', 'met'],
        hiddenActorKinds: ['event', 'state'],
        onlySources: ['global-research', 'isc'],
      }),
    ).toEqual([
      'Hidden relation types: denied involvement in, met',
      'Hidden actor kinds: Event, State',
      'Only claims from: Global Research, International South Connect',
    ]);
  });

  it('name by id what the graph does not have (a link made for another version of it)', () => {
    expect(linesFor({ hiddenActorKinds: ['militia'], onlySources: ['reuters'] })).toEqual([
      'Hidden actor kinds: militia',
      'Only claims from: reuters',
    ]);
    expect(describeFilters(graph, DEFAULT_FILTERS, { actorId: 'someone-else', hops: 1 })).toEqual([
      'Focus: direct neighbourhood of someone-else',
    ]);
  });
});

describe('a snapshot’s sources', () => {
  it('leave out a source whose reliability is below the threshold', () => {
    // Both shipped sources are graded D; here International South Connect is regraded F to test the threshold.
    const regraded = {
      ...graph,
      sources: graph.sources.map((s) => (s.id === 'isc' ? { ...s, reliability: 'F' as const } : s)),
    };
    const filters = { ...DEFAULT_FILTERS, minReliability: 'D' as const };
    const visible = visibleSubgraph(regraded, filters);
    const scene = { scope: 'shown' as const, drawn: visible, kept: visible };
    const content = snapshotContent(regraded, { ...DEFAULT_VIEW, filters }, scene, '2026-11-28');
    expect(content.sourceLines).toEqual([
      '[global-research] Global Research, “Who Tried to Kill Iraqi Prime Minister Al-Kadhimi?”, ' +
        'Steven Sahiounie, 2021-11-11 (reliability D)',
    ]);
    expect(content.filterLines).toEqual(['Filter: Source reliability D (not usually reliable) or better']);
  });
});

describe('a snapshot’s file name', () => {
  it('drops only a final ".json", and turns each run of other characters into one "-"', () => {
    expect(snapshotFileName('notes.json.bak', '2026-11-28', 'screen')).toBe('notes.json.bak_on-screen_2026-11-28.png');
    expect(snapshotFileName('Kadhimi (2021) — draft.JSON', '2026-11-28', 'screen')).toBe(
      'Kadhimi-2021-draft_on-screen_2026-11-28.png',
    );
  });
});

describe('a snapshot’s legend', () => {
  it('for kinds and types declared without colours, shows the fallbacks the graph is drawn with', () => {
    const bare = {
      ...graph,
      actorKinds: graph.actorKinds.map(({ id, label }) => ({ id, label })),
      relationTypes: graph.relationTypes.map(({ color: _, ...type }) => type),
    };
    const visible = visibleSubgraph(bare, { ...DEFAULT_FILTERS, hiddenActorKinds: ['person'] });
    const content = snapshotContent(
      bare,
      DEFAULT_VIEW,
      { scope: 'shown', drawn: visible, kept: visible },
      '2026-11-28',
    );
    const kinds = kindStyles(bare);
    const types = typeStyles(bare);
    expect(content.legendKinds).toEqual(
      bare.actorKinds.filter((k) => k.id !== 'person').map((k) => ({ id: k.id, label: k.label, ...kinds.get(k.id) })),
    );
    expect(content.legendKinds[0]).toEqual({ id: 'armed-group', label: 'Armed group', ...defaultKindStyle(1) });
    expect(content.legendTypes.find((t) => t.id === 'backs')).toEqual({
      id: 'backs',
      label: 'backs',
      ...types.get('backs'),
    });
    expect(content.legendTypes.find((t) => t.id === 'backs')?.color).toBe(FAMILIES.affiliation.palette[0]);
  });
});

describe('the reading note of a snapshot with no relation drawn', () => {
  it('says how lines are read, and lists no line', () => {
    expect(readingNote([])).toBe(READING_NOTE);
    expect(readingNote(['contact'])).toBe(`${READING_NOTE} Lines: ${FAMILIES.contact.description}.`);
  });
});

describe('what an export may draw under a focus', () => {
  it('only what both the focus and the filters keep, whatever the neighbourhood was walked over', () => {
    // A neighbourhood walked over every relation, and filters that hide one of its relations (not its ends).
    const [first, second] = graph.relations;
    if (!first || !second) throw new Error('the shipped graph has relations');
    const actorIds = new Set([first.from, first.to, second.from, second.to]);
    const focus = { actorIds, relationIds: new Set([first.id, second.id]) };
    const visible = { actorIds: new Set(actorIds), relationIds: new Set([second.id]) };
    const kept = keptForExport(graph, 'shown', visible, focus);
    expect([...kept.relationIds]).toEqual([second.id]);
    expect(kept.actorIds).toEqual(actorIds);
  });
});

describe('the filter line of a picture of what is shown', () => {
  it('says "no filters", no word of filters not applied, when only the keeping of undated relations changed', () => {
    // Not the default filters (keeper() names them), yet no filter line: no date window is set.
    const view = { ...DEFAULT_VIEW, filters: { ...DEFAULT_FILTERS, includeUndated: false } };
    const visible = visibleSubgraph(graph, view.filters);
    const kept = keptForExport(graph, 'shown', visible, null);
    const content = snapshotContent(graph, view, { scope: 'shown', drawn: kept, kept }, '2026-11-28');
    expect(content.filterLines).toEqual(['No filters: the whole graph']);
  });
});
