// The path query's edges: every bound of cleanPathQuery, the options a query
// becomes, and the words and rows of a small graph built for them (a step
// walked backwards, a claimant, parallel relations, a date). A Stryker run on
// path-query.ts found these unguarded.
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/model/graph.ts';
import {
  cleanPathQuery,
  DEFAULT_PATH_QUERY,
  describePath,
  describePathConstraints,
  findPaths,
  MAX_K,
  MAX_STEPS,
  type PathQuery,
  pathHighlight,
  pathOptions,
  pathStepRecords,
  sameSearch,
} from '../../src/model/path-query.ts';
import { indexGraph } from '../../src/model/queries.ts';

const query = (patch: Partial<PathQuery>) => cleanPathQuery({ ...DEFAULT_PATH_QUERY, from: 'a', to: 'b', ...patch });

describe('cleanPathQuery keeps what is in range, exactly to its bounds', () => {
  it.each([
    ['k', 1, 1],
    ['k', MAX_K, MAX_K],
    ['k', MAX_K + 1, 5],
    ['k', 0, 5],
    ['k', 2.5, 5],
    ['maxSteps', 1, 1],
    ['maxSteps', MAX_STEPS, MAX_STEPS],
    ['maxSteps', MAX_STEPS + 1, 6],
    ['maxSteps', 0, 6],
  ] as const)('%s %s gives %s', (field, value, kept) => {
    expect(cleanPathQuery({ [field]: value })[field]).toBe(kept);
  });

  it.each([
    [1, 1],
    [6, 6],
    [0, null],
    [7, null],
    [2.5, null],
    [null, null],
    [undefined, null],
  ])('credibility %s gives %s', (value, kept) => {
    expect(cleanPathQuery({ minCredibility: value as never }).minCredibility).toBe(kept);
  });

  it.each([
    [0, 0],
    [3, 3],
    [-1, null],
    [1.5, null],
    [null, null],
    [undefined, null],
  ])('the path shown %s gives %s', (value, kept) => {
    expect(cleanPathQuery({ shown: value as never }).shown).toBe(kept);
  });

  it('ends that are not text are empty; direction only when true; undated allowed unless false', () => {
    const odd = cleanPathQuery({ from: 7 as never, to: null as never, directed: 'yes' as never });
    expect(odd.from).toBe('');
    expect(odd.to).toBe('');
    expect(odd.directed).toBe(false);
    expect(cleanPathQuery({ directed: true }).directed).toBe(true);
    expect(cleanPathQuery({}).includeUndated).toBe(true);
    expect(cleanPathQuery({ includeUndated: false }).includeUndated).toBe(false);
    expect(cleanPathQuery({ from: 'x', to: 'y' })).toMatchObject({ from: 'x', to: 'y' });
  });

  it('lists are sorted and without repeats, empty when missing', () => {
    const cleaned = cleanPathQuery({ types: ['met', 'backs', 'met'], exclude: ['z', 'a', 'z'] });
    expect(cleaned.types).toEqual(['backs', 'met']);
    expect(cleaned.exclude).toEqual(['a', 'z']);
    expect(cleanPathQuery({}).types).toEqual([]);
    expect(cleanPathQuery({}).exclude).toEqual([]);
  });
});

describe('the search a query becomes', () => {
  it('the same search is the same whatever path is shown, and another k is another search', () => {
    expect(sameSearch(query({ shown: 0 }), query({ shown: 2 }))).toBe(true);
    expect(sameSearch(query({ k: 3 }), query({ k: 4 }))).toBe(false);
    expect(sameSearch(query({ exclude: ['c'] }), query({}))).toBe(false);
  });

  it('a window from one bound only, a credibility, and nothing where nothing is asked', () => {
    const visible = new Set<string>();
    expect(pathOptions(query({ dateFrom: '2021-11-01' }), visible).window).toEqual({
      start: '2021-11-01',
      end: '9999-12-31',
    });
    const plain = pathOptions(query({}), visible);
    for (const key of ['window', 'types', 'minReliability', 'minCredibility', 'excludeActors']) {
      expect(plain).not.toHaveProperty(key);
    }
    const graded = pathOptions(query({ minCredibility: 3, minReliability: 'B', exclude: ['c'] }), visible);
    expect(graded).toMatchObject({ minCredibility: 3, minReliability: 'B', excludeActors: new Set(['c']) });
    expect(pathOptions(query({ includeUndated: false }), visible).includeUndated).toBe(false);
  });
});

/**
 * a —leads→ b ←met— c, and two parallel relations b–c; c's step is walked
 * against a directed relation (from c to b), so it reads with the inverse label.
 */
const small: Graph = {
  title: 'small',
  updated: '2024-01-01',
  actorKinds: [{ id: 'p', label: 'Person' }],
  relationTypes: [
    { id: 'leads', label: 'leads', inverseLabel: 'led by', definition: 'Leads.', directed: true },
    { id: 'met', label: 'met', definition: 'Met.', directed: false },
  ],
  sources: [
    { id: 'good', title: 'Good paper', publisher: 'Good Press', author: null, published: null, reliability: 'B' },
    { id: 'weak', title: 'Weak blog', publisher: 'Weak Blog', author: null, published: null, reliability: 'E' },
  ],
  actors: [
    { id: 'a', label: 'Ann', kind: 'p', evidence: [] },
    { id: 'b', label: 'Ben', kind: 'p', evidence: [] },
    { id: 'c', label: 'Cat', kind: 'p', evidence: [] },
  ],
  relations: [
    {
      id: 'a-leads-b',
      type: 'leads',
      from: 'a',
      to: 'b',
      date: '2021-11',
      evidence: [
        { source: 'good', quote: 'Ann leads Ben.', attributedTo: 'Ben himself', claimant: 'b', credibility: 2 },
      ],
    },
    {
      id: 'c-leads-b',
      type: 'leads',
      from: 'c',
      to: 'b',
      evidence: [{ source: 'weak', quote: 'Cat leads Ben.', attributedTo: 'a rumour', credibility: 5 }],
    },
    {
      id: 'b-met-c',
      type: 'met',
      from: 'b',
      to: 'c',
      evidence: [{ source: 'weak', quote: 'They met.', attributedTo: 'a rumour', credibility: 4 }],
    },
  ],
};
const index = indexGraph(small);
const all = new Set(small.relations.map((relation) => relation.id));

describe('words and rows of a path on a small graph', () => {
  const result = findPaths(index, query({ from: 'a', to: 'c' }), all);
  if (!result?.paths[0]) throw new Error('no path from Ann to Cat');
  const path = result.paths[0];

  it('one path of two steps, its second the weakest; told in words', () => {
    expect(result.paths).toHaveLength(1);
    expect(path.actorIds).toEqual(['a', 'b', 'c']);
    expect(path.weakestStep).toBe(1);
    expect(describePath(index, path, 0, 1)).toMatch(
      /^Path 1 of 1: Ann — leads — Ben — .+ — Cat \(2 steps; weakest link E4\)$/,
    );
  });

  it('one row per step, with the labels, the inverse label, the grades, the date and the other relations', () => {
    const rows = pathStepRecords(index, result);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      path: 1,
      step: 1,
      from: 'Ann',
      relation: 'leads',
      to: 'Ben',
      weakestLink: '',
      quote: 'Ann leads Ben.',
      attributedTo: 'Ben himself',
      claimant: 'Ben',
      source: 'Good Press: Good paper',
      reliability: 'B',
      credibility: 2,
      date: '2021-11',
      relationId: 'a-leads-b',
      otherRelationIds: '',
    });
    const second = rows[1];
    expect(second).toMatchObject({ step: 2, from: 'Ben', to: 'Cat', weakestLink: 'yes', claimant: '', date: '' });
    // The best evidence between Ben and Cat is the meeting (E4 beats E5); the other relation is named.
    expect(second?.relationId).toBe('b-met-c');
    expect(second?.relation).toBe('met');
    expect(second?.otherRelationIds).toBe('c-leads-b');
  });

  it('a step walked against a directed relation reads with its inverse label', () => {
    const onlyLeads = findPaths(index, query({ from: 'a', to: 'c', types: ['leads'] }), all);
    const rows = onlyLeads ? pathStepRecords(index, onlyLeads) : [];
    expect(rows[1]).toMatchObject({ from: 'Ben', relation: 'led by', to: 'Cat', relationId: 'c-leads-b' });
    expect(rows[1]?.otherRelationIds).toBe('');
  });

  it('a one-step path says "1 step"', () => {
    const one = findPaths(index, query({ from: 'a', to: 'b' }), all);
    if (!one?.paths[0]) throw new Error('no path');
    expect(describePath(index, one.paths[0], 0, 1)).toMatch(/\(1 step; weakest link B2\)$/);
  });

  it('highlights the path picked alone, every path without one, and all when the place is out of range', () => {
    const two = findPaths(index, query({ from: 'a', to: 'c', k: 2, maxSteps: 3 }), all);
    if (!two) throw new Error('no result');
    expect(pathHighlight(two, 0).relationIds).toEqual(new Set(['a-leads-b', 'b-met-c', 'c-leads-b']));
    expect(pathHighlight(two, null)).toEqual(pathHighlight(two, 5));
  });

  it('constraints name unknown types and actors by id, and each grade alone', () => {
    expect(describePathConstraints(index, query({ types: ['nope'], exclude: ['ghost'] }))).toEqual([
      'at most 6 steps, either direction',
      'only relations: nope',
      'not through ghost',
    ]);
    expect(describePathConstraints(index, query({ minCredibility: 3, directed: true }))).toEqual([
      'at most 6 steps, following direction',
      'every step supported by evidence graded 3 or better',
    ]);
    expect(describePathConstraints(index, query({ minReliability: 'C', maxSteps: 2 }))[1]).toBe(
      'every step supported by evidence graded C or better',
    );
    expect(describePathConstraints(index, query({ dateTo: '2021-12-31', includeUndated: false }))[1]).toBe(
      'steps dated within any to 2021-12-31, undated relations not used',
    );
    expect(describePathConstraints(index, query({ types: ['leads', 'met'] }))[1]).toBe('only relations: leads, met');
  });

  it('lists two excluded actors and two other relations with their separators', () => {
    expect(describePathConstraints(index, query({ exclude: ['a', 'b'] }))[1]).toBe('not through Ann, Ben');
    const triple: Graph = {
      ...small,
      relations: [...small.relations, { ...(small.relations[2] as Graph['relations'][number]), id: 'b-met-c-again' }],
    };
    const tripleIndex = indexGraph(triple);
    const found = findPaths(
      tripleIndex,
      query({ from: 'b', to: 'c' }),
      new Set(triple.relations.map((relation) => relation.id)),
    );
    const row = found ? pathStepRecords(tripleIndex, found)[0] : undefined;
    expect(row?.otherRelationIds.split(' ').sort()).toEqual(['b-met-c-again', 'c-leads-b'].sort());
    expect(row?.otherRelationIds).toContain(' ');
  });
});
