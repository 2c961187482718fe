// The path question as asked in the explorer: cleaned, kept in the link, run
// under the filters, and answered in words, rows and a highlight.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, visibleSubgraph } from '../../src/model/filter.ts';
import {
  cleanPathQuery,
  DEFAULT_PATH_QUERY,
  describePath,
  describePathConstraints,
  findPaths,
  MAX_K,
  PATH_STEP_COLUMNS,
  pathHighlight,
  pathOptions,
  pathStepRecords,
  sameSearch,
} from '../../src/model/path-query.ts';
import { pathInWords } from '../../src/model/paths.ts';
import { indexGraph } from '../../src/model/queries.ts';
import { DEFAULT_VIEW, nextView } from '../../src/model/view.ts';
import { hashToView, viewToHash } from '../../src/model/view-hash.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const index = indexGraph(graph);
const everything = visibleSubgraph(graph, DEFAULT_FILTERS).relationIds;
const query = (patch: Partial<typeof DEFAULT_PATH_QUERY> = {}) =>
  cleanPathQuery({ ...DEFAULT_PATH_QUERY, from: 'khazali', to: 'qaani', ...patch });

describe('a path query', () => {
  it('takes the default for anything out of range', () => {
    const cleaned = cleanPathQuery({ from: 'a', to: 'b', k: 0, maxSteps: 99, minCredibility: 9 as never, shown: -1 });
    expect(cleaned).toMatchObject({ k: 5, maxSteps: 6, minCredibility: null, shown: null });
    expect(cleanPathQuery({ k: MAX_K, types: ['met', 'accused', 'met'] })).toMatchObject({
      k: MAX_K,
      types: ['accused', 'met'],
    });
    expect(cleanPathQuery({ dateFrom: '2021-11', minReliability: 'Z' as never })).toMatchObject({
      dateFrom: null,
      minReliability: null,
    });
  });

  it('is kept in the link, and a link with junk gives the defaults', () => {
    const asked = query({
      k: 3,
      maxSteps: 4,
      directed: true,
      types: ['met', 'leads'],
      minReliability: 'B',
      minCredibility: 3,
      dateFrom: '2021-10-01',
      dateTo: '2021-11-30',
      includeUndated: false,
      exclude: ['kadhimi'],
      shown: 1,
    });
    const view = { ...DEFAULT_VIEW, paths: asked };
    expect(hashToView(viewToHash(view)).paths).toEqual(asked);
    expect(hashToView('#pathFrom=a&pathTo=b&pathK=x&pathSteps=-3&path=zero').paths).toEqual({
      ...DEFAULT_PATH_QUERY,
      from: 'a',
      to: 'b',
    });
    expect(hashToView('#actor=kadhimi').paths).toBeNull();
  });

  it('the reducer runs a search, picks a path, sets one end, and clears', () => {
    const found = nextView(DEFAULT_VIEW, { type: 'find-paths', query: query({ shown: 2 }) });
    expect(found.paths).toEqual(query());
    expect(found.camera).toMatchObject({ kind: 'fit', scope: 'focus' });
    const picked = nextView(found, { type: 'show-path', index: 1 });
    expect(picked.paths?.shown).toBe(1);
    expect(nextView(picked, { type: 'show-path', index: 1 })).toBe(picked);
    expect(sameSearch(picked.paths ?? DEFAULT_PATH_QUERY, found.paths ?? DEFAULT_PATH_QUERY)).toBe(true);
    const end = nextView(DEFAULT_VIEW, { type: 'set-path-end', end: 'to', actorId: 'qaani' });
    expect(end.paths).toMatchObject({ from: '', to: 'qaani' });
    expect(nextView(picked, { type: 'clear-paths' }).paths).toBeNull();
    expect(nextView(DEFAULT_VIEW, { type: 'show-path', index: 0 })).toBe(DEFAULT_VIEW);
  });

  it('becomes the search options the filters allow', () => {
    const options = pathOptions(query({ types: ['met'], dateTo: '2021-11-30', exclude: ['iran'] }), everything);
    expect(options.types).toEqual(new Set(['met']));
    expect(options.window).toEqual({ start: '0000-01-01', end: '2021-11-30' });
    expect(options.excludeActors).toEqual(new Set(['iran']));
    expect(pathOptions(query(), everything)).not.toHaveProperty('window');
  });
});

describe('how Qais al-Khazali is connected to Esmail Qaani', () => {
  it('lists paths, shortest first, through Kadhimi', () => {
    const result = findPaths(index, query(), everything);
    expect(result?.paths.length).toBe(5);
    expect(result?.paths[0]?.actorIds).toEqual(['khazali', 'kadhimi', 'qaani']);
    const lengths = result?.paths.map((path) => path.steps.length) ?? [];
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('says there is none with every step graded C or better', () => {
    const result = findPaths(index, query({ minReliability: 'C' }), everything);
    expect(result?.paths).toEqual([]);
    expect(result?.noPathReason).toContain('C or better');
  });

  it('needs two actors of the graph', () => {
    expect(findPaths(index, query({ to: '' }), everything)).toBeNull();
    expect(findPaths(index, query({ from: 'nobody' }), everything)).toBeNull();
  });

  it('highlights the path picked, or all of them', () => {
    const result = findPaths(index, query(), everything);
    if (!result) throw new Error('no result');
    const first = pathHighlight(result, 0);
    expect([...first.actorIds]).toEqual(['khazali', 'kadhimi', 'qaani']);
    const stepIds = result.paths[0]?.steps.flatMap((step) => [step.relationId, ...step.otherRelationIds]) ?? [];
    expect([...first.relationIds].sort()).toEqual([...new Set(stepIds)].sort());
    const all = pathHighlight(result, null);
    for (const path of result.paths) for (const id of path.actorIds) expect(all.actorIds.has(id)).toBe(true);
    expect(pathHighlight(result, 99)).toEqual(all);
  });

  it('is told in words, with its weakest link, and as one CSV row per step', () => {
    const result = findPaths(index, query(), everything);
    if (!result) throw new Error('no result');
    const first = result.paths[0];
    if (!first) throw new Error('no path');
    const words = describePath(index, first, 0, result.paths.length);
    expect(words).toMatch(/^Path 1 of 5: Qais al-Khazali — .+ — Mustafa al-Kadhimi — .+ — Esmail Qaani \(2 steps; /);
    const weakest = first.steps[first.weakestStep];
    expect(words).toContain(`weakest link ${weakest?.grade.reliability}${weakest?.grade.credibility})`);
    const rows = pathStepRecords(index, result);
    expect(rows.length).toBe(result.paths.reduce((sum, path) => sum + path.steps.length, 0));
    expect(Object.keys(rows[0] ?? {})).toEqual([...PATH_STEP_COLUMNS]);
    expect(rows[0]).toMatchObject({ path: 1, step: 1, from: 'Qais al-Khazali', to: 'Mustafa al-Kadhimi' });
    expect(rows[0]?.quote).toBe(first.steps[0]?.strongest.quote);
    expect(rows.filter((row) => row.path === 1 && row.weakestLink === 'yes')).toHaveLength(1);
    expect(pathInWords(index, first)).toBe(words.slice('Path 1 of 5: '.length, words.indexOf(' (2 steps')));
  });

  it('says its constraints in words', () => {
    expect(describePathConstraints(index, query())).toEqual(['at most 6 steps, either direction']);
    const lines = describePathConstraints(
      index,
      query({ types: ['met'], minReliability: 'B', minCredibility: 2, dateFrom: '2021-11-01', exclude: ['iran'] }),
    );
    expect(lines).toEqual([
      'at most 6 steps, either direction',
      `only relations: ${index.typeById.get('met')?.label}`,
      'every step supported by evidence graded B2 or better',
      'steps dated within 2021-11-01 to any, undated relations allowed',
      'not through Iran',
    ]);
  });
});
