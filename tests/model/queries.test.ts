import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../src/model/filter.ts';
import { neighbourhood } from '../../src/model/neighbourhood.ts';
import { citedSources, indexGraph, relationGroupsOf, safeHttpUrl } from '../../src/model/queries.ts';
import { foldForSearch, searchActors } from '../../src/model/search.ts';
import { relationRows, sortRows } from '../../src/model/table.ts';
import { DEFAULT_VIEW, hashToView, type ViewState, viewToHash } from '../../src/model/view-state.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const index = indexGraph(graph);
const firstMatch = (query: string) => searchActors(graph, query)[0]?.actor.id;

describe('searching actors', () => {
  it('ignores case, diacritics, apostrophes and hyphens', () => {
    expect(firstMatch('kadhimi')).toBe('kadhimi');
    expect(firstMatch('KADHIMI')).toBe('kadhimi');
    expect(firstMatch('asaib')).toBe('asaib-ahl-al-haq');
    expect(foldForSearch('Asa’ib Ahl Al-Haq')).toBe('asaib ahl al haq');
    expect(foldForSearch('Qāʾānī')).toBe('qaani');
  });

  it('finds actors by alias and says which name matched', () => {
    const [match] = searchActors(graph, 'Hashd');
    expect(match?.actor.id).toBe('pmf');
    expect(match?.matchedName).toMatch(/Hashd/);
    expect(firstMatch('Sairoon')).toBe('sadrist-bloc');
    expect(firstMatch('Esmael')).toBe('qaani');
  });

  it('still finds a close misspelling', () => {
    expect(firstMatch('khazaly')).toBe('khazali');
  });

  it('finds nothing for an empty query or a name not in the graph', () => {
    expect(searchActors(graph, '  ')).toEqual([]);
    expect(searchActors(graph, 'zzzz')).toEqual([]);
  });
});

describe('neighbourhoods', () => {
  it('one hop from Qaani reaches the actors he is linked to directly', () => {
    const direct = new Set(
      graph.relations.flatMap((r) => (r.from === 'qaani' ? [r.to] : r.to === 'qaani' ? [r.from] : [])),
    );
    expect(neighbourhood(graph, 'qaani', 1).actorIds).toEqual(new Set(['qaani', ...direct]));
  });

  it('two hops contain one hop, and only visible relations are followed', () => {
    const one = neighbourhood(graph, 'qaani', 1);
    const two = neighbourhood(graph, 'qaani', 2);
    for (const id of one.actorIds) expect(two.actorIds.has(id)).toBe(true);
    expect(two.actorIds.size).toBeGreaterThan(one.actorIds.size);
    expect(neighbourhood(graph, 'qaani', 2, new Set()).actorIds).toEqual(new Set(['qaani']));
  });
});

describe('the evidence panel questions', () => {
  it('groups Kadhimi’s relations by type and direction, with inverse labels', () => {
    const headings = relationGroupsOf(graph, index, 'kadhimi').map((g) => g.heading);
    expect(headings).toContain('accused by');
    expect(headings).toContain('met');
    const accusedBy = relationGroupsOf(graph, index, 'kadhimi').find((g) => g.heading === 'accused by');
    expect(accusedBy?.entries.map((e) => e.other.id)).toEqual(['kataib-hezbollah']);
  });

  it('lists the sources cited by what is visible', () => {
    const isc = graph.relations.find((r) => r.evidence.every((e) => e.source === 'isc'));
    expect(isc).toBeDefined();
    expect(citedSources(graph, new Set(), new Set([isc?.id ?? ''])).map((s) => s.id)).toEqual(['isc']);
  });

  it('turns only http(s) URLs into links', () => {
    expect(safeHttpUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl(undefined)).toBeNull();
  });
});

describe('the relation table', () => {
  it('sorts by date with undated relations last, either way', () => {
    const rows = relationRows(graph, index, new Set(graph.relations.map((r) => r.id)));
    const ascending = sortRows(rows, 'date', true).map((r) => r.date);
    expect(ascending[0]).toBe('2003');
    expect(ascending.at(-1)).toBe('');
    const descending = sortRows(rows, 'date', false).map((r) => r.date);
    expect(descending.at(-1)).toBe('');
  });
});

describe('the view in the URL hash', () => {
  it('the default view is an empty hash', () => {
    expect(viewToHash(DEFAULT_VIEW)).toBe('');
    expect(hashToView('')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips every part of a view', () => {
    const view: ViewState = {
      selection: { kind: 'relation', id: 'qaani-met-kadhimi' },
      focus: { actorId: 'qaani', hops: 2 },
      showTable: true,
      filters: {
        ...DEFAULT_FILTERS,
        hiddenRelationTypes: ['denied', 'met'],
        hiddenActorKinds: ['event'],
        onlySources: ['isc'],
        minReliability: 'D',
        minCredibility: 3,
        dateFrom: '2021-11-01',
        dateTo: '2021-11-30',
        includeUndated: false,
        hideIsolatedActors: true,
      },
    };
    expect(hashToView(viewToHash(view))).toEqual(view);
  });

  it('ignores malformed parts instead of failing', () => {
    const view = hashToView('#reliability=Z&credibility=9&from=yesterday&focus=x:7&actor=kadhimi');
    expect(view.filters).toEqual(DEFAULT_FILTERS);
    expect(view.focus).toBeNull();
    expect(view.selection).toEqual({ kind: 'actor', id: 'kadhimi' });
  });

  it('round-trips any ids, including ones with URL-special characters', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.array(fc.string({ minLength: 1 }).filter((s) => !s.includes(','))),
        (id, types) => {
          const view: ViewState = {
            ...DEFAULT_VIEW,
            selection: { kind: 'actor', id },
            filters: { ...DEFAULT_FILTERS, hiddenRelationTypes: types },
          };
          expect(hashToView(viewToHash(view))).toEqual(view);
        },
      ),
    );
  });
});
