// Issue 12: 20,000 actors open. The limits are counts an analyst can read (actors,
// relations) and a file size that such a graph takes written with indentation;
// a file over one gets one problem that says what it has, what the explorer
// opens and what to do, and checking stops there.
import { describe, expect, it } from 'vitest';
import { fileSizeMessage, GRAPH_LIMITS, MAX_GRAPH_FILE_BYTES, parseGraph } from '../../src/model/validate.ts';
import { BASE, EVIDENCE, graphText, lines } from './small-graphs.ts';
import { itWithLargeInput } from './timeouts.ts';

const actors = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ id: `a${index}`, label: `A ${index}`, kind: 'person', evidence: [] }));

/** `count` relations between `actorCount` actors, no two of one pair: offsets 1 to 4 from each actor. */
const relations = (count: number, actorCount: number) =>
  Array.from({ length: count }, (_, index) => {
    const from = index % actorCount;
    const to = (from + 1 + Math.floor(index / actorCount)) % actorCount;
    return { id: `r${index}`, type: 'met', from: `a${from}`, to: `a${to}`, evidence: [EVIDENCE] };
  });

describe('the limits of a graph file', () => {
  it('open at least the 20,000 actors of issue 12, with four relations each and a position for every actor', () => {
    expect(GRAPH_LIMITS.actors).toBeGreaterThanOrEqual(20_000);
    expect(GRAPH_LIMITS.relations).toBe(4 * GRAPH_LIMITS.actors);
    expect(GRAPH_LIMITS.positions).toBe(GRAPH_LIMITS.actors);
    // A generated 20,000-actor graph written with indentation 2 is 51 MB; 25,000 actors and 100,000 relations, 109 MB.
    expect(MAX_GRAPH_FILE_BYTES).toBe(128 * 1024 * 1024);
  });

  itWithLargeInput('hold a graph of 25,000 actors and 100,000 relations, every one with evidence', () => {
    const count = GRAPH_LIMITS.actors;
    const graph = {
      actors: actors(count).map((actor) => ({ ...actor, evidence: [EVIDENCE] })),
      relations: relations(GRAPH_LIMITS.relations, count),
    };
    const result = parseGraph(JSON.stringify({ ...BASE, ...graph }));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('a graph over a count limit', () => {
  it('with 25,001 actors gets one problem with the count, the limit and what to do, and checking stops', () => {
    const result = parseGraph(graphText({ actors: actors(25_001) }));
    expect(lines(result)).toEqual([
      'g.json:13:11 actors: the file has 25,001 actors; the explorer opens at most 25,000: ' +
        'split the graph, or filter it before export',
    ]);
    expect(result.ok).toBe(false);
    expect(result.stoppedEarly).toBe(true);
  });

  it('with 100,001 relations gets the same, for relations', () => {
    const result = parseGraph(graphText({ relations: relations(100_001, 2) }));
    expect(lines(result)).toEqual([
      'g.json:17:14 relations: the file has 100,001 relations; the explorer opens at most 100,000: ' +
        'split the graph, or filter it before export',
    ]);
    expect(result.ok).toBe(false);
  });

  it('with both over gets one problem for each, and nothing else is checked', () => {
    const text = graphText({ actors: actors(30_000), relations: relations(120_000, 30_000), title: 5 });
    expect(lines(parseGraph(text)).map((line) => line.replace(/: split.*/, ''))).toEqual([
      'g.json:13:11 actors: the file has 30,000 actors; the explorer opens at most 25,000',
      'g.json:30015:14 relations: the file has 120,000 relations; the explorer opens at most 100,000',
    ]);
  });
});

describe('the size message', () => {
  it('says the size, rounded up, the limit and what to do', () => {
    expect(fileSizeMessage(53_477_376)).toBe(
      'the file is 51.0 MB; the explorer opens files of at most 128 MB: split the graph, or filter it before export',
    );
    expect(fileSizeMessage(MAX_GRAPH_FILE_BYTES + 1)).toMatch(/^the file is 128\.1 MB; .* at most 128 MB: /);
    expect(fileSizeMessage(3 * 1024 * 1024 + 1, 2.5 * 1024 * 1024)).toMatch(
      /^the file is 3\.1 MB; .* at most 2\.5 MB: /,
    );
  });
});
