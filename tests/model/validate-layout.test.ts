// The layout block: saved positions of actors, checked like every other reference
// (a position for an actor that is not there would be silently ignored).
import { describe, expect, it } from 'vitest';
import { GRAPH_LIMITS, parseGraph } from '../../src/model/validate.ts';
import { loadShippedGraph } from './shipped.ts';
import { check, EVIDENCE, graphText, lines } from './small-graphs.ts';

/** BASE with a layout block; it is line 20 of the text. */
const withLayout = (layout: unknown) => check(graphText({ layout }));

describe('a graph file with saved positions', () => {
  it('opens with the positions of its actors, and without a layout as before', () => {
    const result = withLayout({ positions: { ali: { x: 10.5, y: -20 }, bea: { x: 0, y: 1e7 } } });
    expect(lines(result)).toEqual([]);
    expect(result.ok && result.graph.layout).toEqual({
      positions: { ali: { x: 10.5, y: -20 }, bea: { x: 0, y: 1e7 } },
    });
    expect(lines(withLayout({ positions: {} }))).toEqual([]);
    expect(lines(check(graphText()))).toEqual([]);
  });

  it('says a position for a misspelt actor is for no actor, and suggests the actor meant', () => {
    expect(lines(withLayout({ positions: { ali: { x: 1, y: 2 }, bae: { x: 3, y: 4 } } }))).toEqual([
      'g.json:20:51 layout.positions.bae: no actor "bae" (did you mean "bea"?)',
    ]);
  });

  it('says a position for a relation is not for an actor', () => {
    expect(lines(withLayout({ positions: { 'ali-met-bea': { x: 1, y: 2 } } }))).toEqual([
      'g.json:20:39 layout.positions["ali-met-bea"]: ' +
        '"ali-met-bea" is a relation; the layout saves the positions of actors',
    ]);
  });

  it('says a position for a name that is not an id is for no actor', () => {
    expect(lines(withLayout({ positions: { 'Ali Baba': { x: 1, y: 2 } } }))).toEqual([
      'g.json:20:36 layout.positions["Ali Baba"]: no actor "Ali Baba"',
    ]);
  });

  it('says what is wrong with a position: a missing y, a number too large, text, an unknown field', () => {
    expect(lines(withLayout({ positions: { ali: { x: 1 }, bea: { x: 1e8, y: '2', z: 0 } } }))).toEqual([
      'g.json:20:31 layout.positions.ali: missing the required field "y"',
      'g.json:20:50 layout.positions.bea.x: 100000000 is too large: the most allowed is 10000000',
      'g.json:20:64 layout.positions.bea.y: should be a number, not text',
      'g.json:20:68 layout.positions.bea.z: unknown field "z"',
    ]);
    expect(lines(withLayout({ positions: { ali: { x: -1e8, y: 0 } } }))).toEqual([
      'g.json:20:36 layout.positions.ali.x: -100000000 is too small: the least allowed is -10000000',
    ]);
  });

  it('shows a number too large for JavaScript as written', () => {
    const text = graphText({ layout: { positions: { ali: { x: 1, y: 2 } } } }).replace('"x":1', '"x":1e400');
    expect(lines(check(text))).toEqual([
      'g.json:20:36 layout.positions.ali.x: 1e400 is too large a number; it should be a number',
    ]);
  });

  it('places a problem of an actor whose id is digits at its own position, not at the list', () => {
    const text = graphText({
      actors: [{ id: '2021', label: 'The year', kind: 'person', evidence: [EVIDENCE] }],
      relations: [],
      layout: { positions: { '2021': { x: 1 } } },
    });
    expect(lines(check(text)).filter((line) => line.includes('layout'))).toEqual([
      'g.json:19:32 layout.positions["2021"]: missing the required field "y"',
    ]);
  });

  it('needs a positions object in a layout block, and nothing else there', () => {
    expect(lines(withLayout({}))).toEqual(['g.json:20:11 layout: missing the required field "positions"']);
    expect(lines(withLayout({ positions: [], order: 1 }))).toEqual([
      'g.json:20:24 layout.positions: should be an object, not a list',
      'g.json:20:27 layout.order: unknown field "order"',
    ]);
  });

  it('refuses more positions than a graph can have actors, in one problem, before checking each', () => {
    const positions = Object.fromEntries(
      Array.from({ length: GRAPH_LIMITS.positions + 1 }, (_, index) => [`a${index}`, { x: 'no' }]),
    );
    expect(lines(withLayout({ positions }))).toEqual([
      'g.json:20:24 layout.positions: the layout has 25,001 positions; at most 25,000 are allowed (one per actor)',
    ]);
  });

  it('refuses a position with more fields than any object of the format has', () => {
    const position = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`f${index}`, 0]));
    expect(lines(withLayout({ positions: { ali: position } }))).toEqual([
      "g.json:20:31 layout.positions.ali: this object has 51 fields; a graph file's objects have at most 50",
    ]);
  });

  it('accepts a position for every actor of the shipped graph', () => {
    const graph = loadShippedGraph();
    const positions = Object.fromEntries(graph.actors.map((actor, index) => [actor.id, { x: index * 40, y: -index }]));
    const result = parseGraph(JSON.stringify({ ...graph, layout: { positions } }, null, 2));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
