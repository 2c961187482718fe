// The text the editor saves: the schema's field order, two-space indentation,
// a final newline; the same bytes for a file the analyst did not change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schema from '../../graph/schema.json';
import type { Graph } from '../../src/model/graph.ts';
import { FIELD_ORDER, graphToJson } from '../../src/model/graph-json.ts';
import { parseGraph } from '../../src/model/validate.ts';
import { BASE } from './small-graphs.ts';

const SEED = 20261130;
const SHIPPED_TEXT = readFileSync(join(import.meta.dirname, '..', '..', 'graph', 'kadhimi-2021.json'), 'utf8');

function parsed(text: string): Graph {
  const result = parseGraph(text);
  if (!result.ok) throw new Error(`does not parse: ${JSON.stringify(result.problems[0])}`);
  return result.graph;
}

const SMALL = BASE as unknown as Graph;

describe('the field order', () => {
  it('is graph/schema.json’s, for the file and for each kind of object in it', () => {
    const definitions = schema.definitions as Record<string, { properties?: object }>;
    const properties = (definition: string) => Object.keys(definitions[definition]?.properties ?? {});
    expect(FIELD_ORDER).toEqual({
      graph: Object.keys(schema.properties),
      actorKind: properties('actorKind'),
      relationType: properties('relationType'),
      source: properties('source'),
      actor: properties('actor'),
      relation: properties('relation'),
      evidenceItem: properties('evidenceItem'),
      layout: Object.keys(schema.properties.layout.properties),
      position: properties('position'),
    });
  });
});

describe('the shipped graph, saved again', () => {
  it('is in the form the editor writes: two-space indentation and a final newline', () => {
    expect(`${JSON.stringify(JSON.parse(SHIPPED_TEXT), null, 2)}\n`).toBe(SHIPPED_TEXT);
  });

  it('is byte for byte the shipped file: opening and saving it unchanged shows no diff', () => {
    expect(graphToJson(parsed(SHIPPED_TEXT))).toBe(SHIPPED_TEXT);
  });

  it('gives the same text when saved twice', () => {
    const once = graphToJson(parsed(SHIPPED_TEXT));
    expect(graphToJson(parsed(once))).toBe(once);
  });
});

describe('a graph saved as text', () => {
  it('opens again as the same graph', () => {
    const graph = { ...parsed(SHIPPED_TEXT), layout: { positions: { iran: { x: -12.25, y: 3e6 } } } };
    expect(parsed(graphToJson(graph))).toEqual(graph);
  });

  it('writes the schema’s fields first, in its order, and unknown ones after them in their own order', () => {
    const graph = {
      zeta: 1,
      relations: [],
      actors: [],
      alpha: { b: 1, a: [] },
      sources: SMALL.sources,
      relationTypes: SMALL.relationTypes,
      actorKinds: [{ label: 'Person', extra: true, id: 'person' }],
      updated: '2024-01-02',
      title: 'T',
    } as unknown as Graph;
    expect(graphToJson(graph)).toBe(
      [
        '{',
        '  "title": "T",',
        '  "updated": "2024-01-02",',
        '  "actorKinds": [',
        '    {',
        '      "id": "person",',
        '      "label": "Person",',
        '      "extra": true',
        '    }',
        '  ],',
        '  "relationTypes": [',
        '    {',
        '      "id": "met",',
        '      "label": "met",',
        '      "definition": "Met in person.",',
        '      "directed": false',
        '    }',
        '  ],',
        '  "sources": [',
        '    {',
        '      "id": "paper",',
        '      "title": "A paper",',
        '      "publisher": "Press",',
        '      "author": null,',
        '      "published": null,',
        '      "reliability": "C"',
        '    }',
        '  ],',
        '  "actors": [],',
        '  "relations": [],',
        '  "zeta": 1,',
        '  "alpha": {',
        '    "b": 1,',
        '    "a": []',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes evidence items, relations and positions in the schema’s order too', () => {
    const item = { credibility: 2, note: 'n', quote: 'q', source: 'paper', stance: 'contradicts', attributedTo: 'a' };
    const relation = { evidence: [item], answers: ['x'], to: 'bea', from: 'ali', type: 'met', id: 'r' };
    const graph = { ...SMALL, relations: [relation], layout: { positions: { ali: { y: 2, x: 1 } } } } as Graph;
    const text = graphToJson(graph);
    expect(text).toContain(
      '"id": "r",\n      "type": "met",\n      "from": "ali",\n      "to": "bea",\n      "answers": [',
    );
    expect(text).toContain(
      '"source": "paper",\n          "quote": "q",\n          "attributedTo": "a",\n' +
        '          "stance": "contradicts",\n          "credibility": 2,\n          "note": "n"',
    );
    expect(
      text.endsWith(
        '"layout": {\n    "positions": {\n      "ali": {\n        "x": 1,\n        "y": 2\n      }\n    }\n  }\n}\n',
      ),
    ).toBe(true);
  });

  it('lists saved positions in the order of the actors, whatever order they were moved in', () => {
    const positions = { ghost: { x: 0, y: 0 }, bea: { x: 2, y: 2 }, ali: { x: 1, y: 1 } };
    const text = graphToJson({ ...SMALL, layout: { positions } });
    const order = ['"ali"', '"bea"', '"ghost"'].map((key) => text.lastIndexOf(key));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('writes any value as JSON.stringify does with two spaces, once the fields are in order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const graph = { ...JSON.parse(graphToJson(SMALL)), zzz: value } as Graph;
        expect(graphToJson(graph)).toBe(`${JSON.stringify(graph, null, 2)}\n`);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
