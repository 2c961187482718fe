import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../src/model/filter.ts';
import { neighbourhood } from '../../src/model/neighbourhood.ts';
import { defaultKindStyle, kindStyles } from '../../src/model/palette.ts';
import { citedSources, indexGraph, relationGroupsOf, relationsOf, safeHttpUrl } from '../../src/model/queries.ts';
import { foldForSearch, searchActors } from '../../src/model/search.ts';
import { relationRows, sortRows } from '../../src/model/table.ts';
import { DEFAULT_VIEW, type ViewState } from '../../src/model/view.ts';
import { hashToView, viewToHash } from '../../src/model/view-hash.ts';
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
    expect(neighbourhood(index, 'qaani', 1).actorIds).toEqual(new Set(['qaani', ...direct]));
  });

  it('two hops contain one hop, and only visible relations are followed', () => {
    const one = neighbourhood(index, 'qaani', 1);
    const two = neighbourhood(index, 'qaani', 2);
    for (const id of one.actorIds) expect(two.actorIds.has(id)).toBe(true);
    expect(two.actorIds.size).toBeGreaterThan(one.actorIds.size);
    expect(neighbourhood(index, 'qaani', 2, new Set()).actorIds).toEqual(new Set(['qaani']));
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
      mode: 'claims',
      claimsAbout: 'drone-attack',
      autoFit: false,
      paths: null,
      camera: null,
      filters: {
        ...DEFAULT_FILTERS,
        minIndependentSources: 2,
        hideContradictedOnly: true,
        claimsBy: 'said:two iraqi security officials',
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

describe('the adjacency index', () => {
  it('lists every relation an actor takes part in, either end, in file order', () => {
    for (const actor of graph.actors) {
      const scanned = graph.relations.filter((r) => r.from === actor.id || r.to === actor.id);
      expect(relationsOf(index, actor.id)).toEqual(scanned);
    }
    expect(relationsOf(index, 'nobody')).toEqual([]);
  });

  it('counts a relation from an actor to itself once', () => {
    const selfGraph = {
      ...graph,
      relations: [{ ...graph.relations[0]!, id: 'self', from: 'kadhimi', to: 'kadhimi' }],
    };
    expect(relationsOf(indexGraph(selfGraph), 'kadhimi').map((r) => r.id)).toEqual(['self']);
  });

  it('neighbourhoods keep exactly the relations between their actors', () => {
    const two = neighbourhood(index, 'qaani', 2);
    const expected = graph.relations.filter((r) => two.actorIds.has(r.from) && two.actorIds.has(r.to)).map((r) => r.id);
    expect([...two.relationIds].sort()).toEqual(expected.sort());
    expect(neighbourhood(index, 'qaani', 0)).toEqual({ actorIds: new Set(['qaani']), relationIds: new Set() });
  });
});

describe('the colour and shape of each kind and type', () => {
  it('uses the file’s colours and shapes, and fallbacks by position for those it leaves out', () => {
    const kinds = kindStyles(graph);
    for (const kind of graph.actorKinds) expect(kinds.get(kind.id)).toEqual({ color: kind.color, shape: kind.shape });
    const bare = {
      ...graph,
      actorKinds: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    };
    expect([...kindStyles(bare).values()]).toEqual([defaultKindStyle(0), defaultKindStyle(1)]);
    expect(defaultKindStyle(8)).toEqual(defaultKindStyle(0));
    expect(defaultKindStyle(1)).not.toEqual(defaultKindStyle(0));
  });
});

describe('search ranks and the table sorts as an analyst expects', () => {
  const person = (id: string, label: string, aliases: string[] = []) => ({
    id,
    label,
    kind: 'person',
    aliases,
    evidence: [],
  });

  it('a name matched by its label beats the same match through an alias', () => {
    // 'Abbas' sorts first, so only the alias's lower score puts it second.
    const small = { ...graph, actors: [person('b', 'Abbas', ['Hadi Amiri']), person('a', 'Hadi Amiri Jr')] };
    const found = searchActors(small, 'hadi');
    expect(found.map((m) => m.actor.id)).toEqual(['a', 'b']);
    expect(found[0]?.matchedName).toBe('Hadi Amiri Jr');
    // Within one actor, the label is named when it matches as well as an alias.
    const same = { ...graph, actors: [person('c', 'Amiri', ['Amiri'])] };
    expect(searchActors(same, 'amiri')[0]?.matchedName).toBe('Amiri');
  });

  it('exact, prefix, word and substring matches rank in that order; equal ones by label', () => {
    const small = {
      ...graph,
      actors: [
        person('sub', 'Xsadrx'),
        person('word', 'Muqtada Sadr'),
        person('prefix', 'Sadrist bloc'),
        person('exact', 'Sadr'),
        person('word2', 'Al Sadr'),
      ],
    };
    expect(searchActors(small, 'sadr').map((m) => m.actor.id)).toEqual(['exact', 'prefix', 'word2', 'word', 'sub']);
    expect(searchActors(small, 'sadr', 2)).toHaveLength(2);
  });

  it('text columns sort alphabetically ignoring case, both ways; ties by id', () => {
    const rows = relationRows(graph, index, new Set(graph.relations.map((r) => r.id)));
    for (const column of ['from', 'type', 'to', 'sources'] as const) {
      const up = sortRows(rows, column, true).map((r) => r[column].toLocaleLowerCase());
      expect(up, column).toEqual([...up].sort((a, b) => a.localeCompare(b)));
      const down = sortRows(rows, column, false).map((r) => r[column].toLocaleLowerCase());
      expect(down, column).toEqual([...up].reverse());
    }
    const tied = sortRows(rows, 'from', true)
      .filter((r) => r.from === 'Mustafa al-Kadhimi')
      .map((r) => r.id);
    expect(tied).toEqual([...tied].sort());
  });
});
