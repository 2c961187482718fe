import { describe, expect, it } from 'vitest';
import { describeFilters, snapshotFileName } from '../../src/model/caption.ts';
import { DEFAULT_FILTERS, type FilterState, visibleCountLine, visibleSubgraph } from '../../src/model/filter.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const withFilters = (patch: Partial<FilterState>) => visibleSubgraph(graph, { ...DEFAULT_FILTERS, ...patch });

describe('visibleSubgraph on the shipped graph', () => {
  it('shows everything by default', () => {
    const visible = withFilters({});
    expect(visible.actorIds.size).toBe(graph.actors.length);
    expect(visible.relationIds.size).toBe(graph.relations.length);
    expect(visibleCountLine(graph, visible)).toBe(
      `showing ${graph.actors.length} of ${graph.actors.length} actors, ${graph.relations.length} of ${graph.relations.length} relations`,
    );
  });

  it('hiding a relation type removes exactly its relations', () => {
    const denials = graph.relations.filter((r) => r.type === 'denied').map((r) => r.id);
    const visible = withFilters({ hiddenRelationTypes: ['denied'] });
    expect(visible.relationIds.size).toBe(graph.relations.length - denials.length);
    for (const id of denials) expect(visible.relationIds.has(id)).toBe(false);
  });

  it('hiding an actor kind removes its actors and every relation touching them', () => {
    const events = new Set(graph.actors.filter((a) => a.kind === 'event').map((a) => a.id));
    const visible = withFilters({ hiddenActorKinds: ['event'] });
    for (const id of events) expect(visible.actorIds.has(id)).toBe(false);
    const touching = graph.relations.filter((r) => events.has(r.from) || events.has(r.to));
    expect(touching.length).toBeGreaterThan(0);
    expect(visible.relationIds.size).toBe(graph.relations.length - touching.length);
  });

  it('a source filter keeps only relations with a claim from that source', () => {
    const visible = withFilters({ onlySources: ['global-research'] });
    const expected = graph.relations.filter((r) => r.evidence.some((e) => e.source === 'global-research'));
    expect([...visible.relationIds].sort()).toEqual(expected.map((r) => r.id).sort());
    expect(expected.length).toBeLessThan(graph.relations.length);
  });

  it('a minimum reliability of D hides claims from the F-graded source', () => {
    const visible = withFilters({ minReliability: 'D' });
    const expected = graph.relations.filter((r) => r.evidence.some((e) => e.source !== 'isc'));
    expect(visible.relationIds.size).toBe(expected.length);
  });

  it('a minimum credibility of 2 keeps relations with at least one probably-true claim', () => {
    const visible = withFilters({ minCredibility: 2 });
    const expected = graph.relations.filter((r) => r.evidence.some((e) => e.credibility <= 2));
    expect(visible.relationIds.size).toBe(expected.length);
    expect(expected.length).toBeLessThan(graph.relations.length);
  });

  it('a date window keeps relations that overlap it, and undated ones only when asked', () => {
    // Every relation in the shipped graph whose date (day, month or range) includes 7 November 2021.
    const november7 = [
      'asaib-ahl-al-haq-suspected-of-drone-attack',
      'drone-attack-targeted-kadhimi',
      'election-protesters-protested-election',
      'kadhimi-condemned-drone-attack',
      'kadhimi-leads-iraq',
      'kataib-hezbollah-suspected-of-drone-attack',
      'qaani-leads-quds-force',
      'qaani-met-barham-salih',
      'qaani-met-kadhimi',
    ];
    const window = { dateFrom: '2021-11-07', dateTo: '2021-11-07' };
    const datedOnly = withFilters({ ...window, includeUndated: false });
    expect([...datedOnly.relationIds].sort()).toEqual(november7);
    const withUndated = withFilters(window);
    const undated = graph.relations.filter((r) => r.date === undefined).length;
    expect(withUndated.relationIds.size).toBe(datedOnly.relationIds.size + undated);
  });

  it('"hide actors with no visible relation" removes actors left without relations', () => {
    const visible = withFilters({
      hiddenRelationTypes: graph.relationTypes.map((t) => t.id).filter((t) => t !== 'met'),
      hideIsolatedActors: true,
    });
    expect([...visible.actorIds].sort()).toEqual(['barham-salih', 'kadhimi', 'qaani']);
  });

  it('filters combine', () => {
    const visible = withFilters({
      onlySources: ['global-research'],
      hiddenRelationTypes: ['denied'],
      minCredibility: 3,
    });
    const expected = graph.relations.filter(
      (r) => r.type !== 'denied' && r.evidence.some((e) => e.source === 'global-research' && e.credibility <= 3),
    );
    expect([...visible.relationIds].sort()).toEqual(expected.map((r) => r.id).sort());
  });
});

describe('what an exported snapshot says about itself', () => {
  it('describes the active filters in words', () => {
    const lines = describeFilters(
      graph,
      { ...DEFAULT_FILTERS, hiddenRelationTypes: ['denied'], minReliability: 'D', dateFrom: '2021-11-01' },
      { actorId: 'qaani', hops: 1 },
    );
    expect(lines).toEqual([
      'Focus: direct neighbourhood of Esmail Qaani',
      'Hidden relation types: denied involvement in',
      'Source reliability D (not usually reliable) or better',
      'Dates: 2021-11-01 to any, undated relations kept',
    ]);
    expect(describeFilters(graph, DEFAULT_FILTERS, null)).toEqual([]);
  });

  it('names the file after the graph, the scope and the date', () => {
    expect(snapshotFileName('kadhimi-2021.json', '2026-11-28', 'view')).toBe('kadhimi-2021_view_2026-11-28.png');
    expect(snapshotFileName('my graph?.json', '2026-11-28', 'whole')).toBe('my-graph-_whole-graph_2026-11-28.png');
  });
});
