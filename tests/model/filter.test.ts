import { describe, expect, it } from 'vitest';
import {
  applyFilterChange,
  countBy,
  DEFAULT_FILTERS,
  evidencePasses,
  type FilterState,
  isDefaultFilters,
  sameFilters,
  toggleSource,
  visibleCountLine,
  visibleSubgraph,
} from '../../src/model/filter.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const withFilters = (patch: Partial<FilterState>) => visibleSubgraph(graph, { ...DEFAULT_FILTERS, ...patch });

describe('visibleSubgraph on the shipped graph', () => {
  it('shows everything by default', () => {
    const visible = withFilters({});
    expect(visible.actorIds.size).toBe(graph.actors.length);
    expect(visible.relationIds.size).toBe(graph.relations.length);
    const actors = `${graph.actors.length} of ${graph.actors.length} actors`;
    expect(visibleCountLine(graph, visible)).toBe(
      `showing ${actors}, ${graph.relations.length} of ${graph.relations.length} relations`,
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

  it('a minimum reliability hides claims from a source graded below it', () => {
    // Both shipped sources are graded D: a minimum of D keeps every relation, C hides them all.
    expect(withFilters({ minReliability: 'D' }).relationIds.size).toBe(graph.relations.length);
    expect(withFilters({ minReliability: 'C' }).relationIds.size).toBe(0);
    // With International South Connect graded F, a minimum of D keeps only what Global Research supports.
    const regraded = {
      ...graph,
      sources: graph.sources.map((s) => (s.id === 'isc' ? { ...s, reliability: 'F' as const } : s)),
    };
    const visible = visibleSubgraph(regraded, { ...DEFAULT_FILTERS, minReliability: 'D' });
    const expected = graph.relations.filter((r) => r.evidence.some((e) => e.source !== 'isc'));
    expect(visible.relationIds.size).toBe(expected.length);
    expect(expected.length).toBeLessThan(graph.relations.length);
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
      'election-protesters-disputed-result-of-election',
      'election-protesters-protested-election',
      'iran-backed-militias-suspected-of-drone-attack',
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

describe('one filter change at a time', () => {
  const sourceIds = ['isc', 'global-research'];

  it('shows and hides kinds and types, keeping the lists sorted and without repeats', () => {
    let filters = applyFilterChange(DEFAULT_FILTERS, { kind: 'actor-kind', id: 'state', shown: false });
    filters = applyFilterChange(filters, { kind: 'actor-kind', id: 'event', shown: false });
    filters = applyFilterChange(filters, { kind: 'actor-kind', id: 'event', shown: false });
    expect(filters.hiddenActorKinds).toEqual(['event', 'state']);
    filters = applyFilterChange(filters, { kind: 'actor-kind', id: 'state', shown: true });
    expect(filters.hiddenActorKinds).toEqual(['event']);
    filters = applyFilterChange(filters, { kind: 'relation-type', id: 'met', shown: false });
    expect(filters.hiddenRelationTypes).toEqual(['met']);
    filters = applyFilterChange(filters, { kind: 'relation-type', id: 'met', shown: true });
    expect(filters.hiddenRelationTypes).toEqual([]);
  });

  it('"none" hides every type, "all" shows them again', () => {
    const none = applyFilterChange(DEFAULT_FILTERS, {
      kind: 'all-relation-types',
      shown: false,
      typeIds: ['b', 'a', 'b'],
    });
    expect(none.hiddenRelationTypes).toEqual(['a', 'b']);
    const all = applyFilterChange(none, { kind: 'all-relation-types', shown: true, typeIds: ['a', 'b'] });
    expect(all.hiddenRelationTypes).toEqual([]);
  });

  it('unticking a source keeps the others; ticking every source again means no source filter', () => {
    const onlyGr = applyFilterChange(DEFAULT_FILTERS, { kind: 'source', id: 'isc', included: false, sourceIds });
    expect(onlyGr.onlySources).toEqual(['global-research']);
    const both = applyFilterChange(onlyGr, { kind: 'source', id: 'isc', included: true, sourceIds });
    expect(both.onlySources).toEqual([]);
  });

  it('the last source left cannot be unticked, and unknown source ids are dropped', () => {
    expect(toggleSource(['global-research'], sourceIds, 'global-research', false)).toEqual(['global-research']);
    expect(toggleSource(['global-research', 'gone'], sourceIds, 'isc', false)).toEqual(['global-research']);
    expect(toggleSource([], ['a', 'b', 'c'], 'b', false)).toEqual(['a', 'c']);
    expect(toggleSource(['a'], ['a', 'b', 'c'], 'c', true)).toEqual(['a', 'c']);
  });

  it('sets grades, dates and switches; a malformed date clears the bound', () => {
    let filters = applyFilterChange(DEFAULT_FILTERS, { kind: 'min-reliability', value: 'C' });
    filters = applyFilterChange(filters, { kind: 'min-credibility', value: 2 });
    filters = applyFilterChange(filters, { kind: 'date-from', value: '2021-11-01' });
    filters = applyFilterChange(filters, { kind: 'date-to', value: '2021-11-30' });
    filters = applyFilterChange(filters, { kind: 'include-undated', value: false });
    filters = applyFilterChange(filters, { kind: 'hide-isolated', value: true });
    expect(filters).toEqual({
      ...DEFAULT_FILTERS,
      minReliability: 'C',
      minCredibility: 2,
      dateFrom: '2021-11-01',
      dateTo: '2021-11-30',
      includeUndated: false,
      hideIsolatedActors: true,
    });
    expect(applyFilterChange(filters, { kind: 'date-from', value: '1 Nov' }).dateFrom).toBeNull();
    expect(applyFilterChange(filters, { kind: 'date-to', value: null }).dateTo).toBeNull();
    expect(applyFilterChange(filters, { kind: 'date-to', value: '2021-11' }).dateTo).toBeNull();
  });

  it('compares filters by what they keep, lists as sets', () => {
    expect(sameFilters(DEFAULT_FILTERS, { ...DEFAULT_FILTERS })).toBe(true);
    const a = { ...DEFAULT_FILTERS, hiddenActorKinds: ['x', 'y'] };
    expect(sameFilters(a, { ...DEFAULT_FILTERS, hiddenActorKinds: ['y', 'x'] })).toBe(true);
    expect(sameFilters(a, { ...DEFAULT_FILTERS, hiddenActorKinds: ['x', 'z'] })).toBe(false);
    expect(sameFilters(a, { ...DEFAULT_FILTERS, hiddenActorKinds: ['x'] })).toBe(false);
    const changes: Partial<FilterState>[] = [
      { hiddenRelationTypes: ['m'] },
      { onlySources: ['isc'] },
      { minReliability: 'A' },
      { minCredibility: 1 },
      { dateFrom: '2021-01-01' },
      { dateTo: '2021-01-01' },
      { includeUndated: false },
      { hideIsolatedActors: true },
    ];
    for (const change of changes) {
      expect(sameFilters(DEFAULT_FILTERS, { ...DEFAULT_FILTERS, ...change }), JSON.stringify(change)).toBe(false);
      expect(isDefaultFilters({ ...DEFAULT_FILTERS, ...change })).toBe(false);
    }
    expect(isDefaultFilters({ ...DEFAULT_FILTERS })).toBe(true);
  });
});

describe('whether one evidence item passes', () => {
  const sourceById = new Map(graph.sources.map((s) => [s.id, s]));
  const item = { source: 'global-research', quote: 'q', attributedTo: 'x', credibility: 3 as const };

  it('applies the source list and both grades, with F and 6 the weakest', () => {
    expect(evidencePasses(item, DEFAULT_FILTERS, sourceById)).toBe(true);
    expect(evidencePasses(item, { ...DEFAULT_FILTERS, onlySources: ['isc'] }, sourceById)).toBe(false);
    expect(evidencePasses(item, { ...DEFAULT_FILTERS, onlySources: ['global-research'] }, sourceById)).toBe(true);
    expect(evidencePasses(item, { ...DEFAULT_FILTERS, minCredibility: 3 }, sourceById)).toBe(true);
    expect(evidencePasses(item, { ...DEFAULT_FILTERS, minCredibility: 2 }, sourceById)).toBe(false);
    expect(evidencePasses(item, { ...DEFAULT_FILTERS, minReliability: 'D' }, sourceById)).toBe(true);
    expect(evidencePasses(item, { ...DEFAULT_FILTERS, minReliability: 'C' }, sourceById)).toBe(false);
    expect(evidencePasses(item, { ...DEFAULT_FILTERS, minReliability: 'F' }, sourceById)).toBe(true);
  });

  it('an item citing an unknown source never meets a reliability threshold, even the weakest', () => {
    const unknown = { ...item, source: 'nowhere' };
    expect(evidencePasses(unknown, DEFAULT_FILTERS, sourceById)).toBe(true);
    expect(evidencePasses(unknown, { ...DEFAULT_FILTERS, minReliability: 'F' }, sourceById)).toBe(false);
  });
});

describe('counting', () => {
  it('counts items per key', () => {
    expect(countBy(['a', 'b', 'a'], (x) => x)).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
    );
  });

  it('says how much of the graph is shown', () => {
    const visible = { actorIds: new Set(['kadhimi']), relationIds: new Set(['x', 'y']) };
    expect(visibleCountLine(graph, visible)).toBe(
      `showing 1 of ${graph.actors.length} actors, 2 of ${graph.relations.length} relations`,
    );
  });
});
