import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type FilterState, visibleSubgraph } from '../../src/model/filter.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const withFilters = (patch: Partial<FilterState>) => visibleSubgraph(graph, { ...DEFAULT_FILTERS, ...patch });
const relations = (patch: Partial<FilterState>) => [...withFilters(patch).relationIds].sort();
const actors = (patch: Partial<FilterState>) => [...withFilters(patch).actorIds].sort();

describe('a date window open at one end', () => {
  it('"from" alone keeps the dated relations that reach that day or later', () => {
    expect(relations({ dateFrom: '2021-11-06', includeUndated: false })).toEqual([
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
    ]);
  });

  it('"to" alone keeps the dated relations that began by that day', () => {
    expect(relations({ dateTo: '2020-04-30', includeUndated: false })).toEqual([
      'barham-salih-appointed-kadhimi',
      'kataib-hezbollah-accused-kadhimi',
      'kataib-hezbollah-threatened-kadhimi',
      'united-states-invaded-iraq',
    ]);
  });

  it('without any date bound, "hide undated relations" hides nothing', () => {
    const visible = withFilters({ includeUndated: false });
    expect(visible.relationIds.size).toBe(graph.relations.length);
    expect(visible.actorIds.size).toBe(graph.actors.length);
  });
});

describe('actors without a visible relation', () => {
  const noRelations = { hiddenRelationTypes: graph.relationTypes.map((t) => t.id) };

  it('stay visible on the strength of their own evidence', () => {
    expect(withFilters(noRelations).relationIds.size).toBe(0);
    expect(withFilters(noRelations).actorIds.size).toBe(graph.actors.length);
  });

  it('stay visible when any one of their own claims passes the filters', () => {
    expect(actors({ ...noRelations, onlySources: ['isc'] })).toEqual([
      'barham-salih',
      'drone-attack-2021-11-07',
      'election-2021-10-10',
      'election-protesters',
      'fatah-alliance',
      'green-zone-clashes-2021-11-05',
      'iran-backed-militias',
      'iraq',
      'iraqi-election-commission',
      'iraqi-parliament',
      'iraqi-security-forces',
      'kadhimi',
      'kataib-hezbollah',
      'muqtada-al-sadr',
      'pmf',
      'quds-force',
      'saddam-hussein',
      'sadrist-bloc',
      'soleimani',
      'united-states',
      'unnamed-militia-leader',
      'us-state-department',
    ]);
  });

  it('are hidden when the analyst asks for it', () => {
    expect(actors({ ...noRelations, hideIsolatedActors: true })).toEqual([]);
  });
});
