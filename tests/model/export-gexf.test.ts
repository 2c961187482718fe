import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { gradeCode } from '../../src/model/corroboration.ts';
import { toGexf } from '../../src/model/export-gexf.ts';
import type { ExportScope } from '../../src/model/export-scope.ts';
import type { Graph as GraphFile } from '../../src/model/graph.ts';
import { indexGraph } from '../../src/model/queries.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const index = indexGraph(graph);
const everything: ExportScope = { kept: null, description: 'everything', exportedAt: '2026-11-28T10:00:00Z' };

// graphology-gexf's Node entry point brings its own xmldom DOMParser (see node_modules/graphology-gexf/node).
const parsed = (text: string) => gexf.parse(Graph, text);
const xml = (text: string) => new DOMParser().parseFromString(text, 'application/xml');

describe('the shipped graph as GEXF, read back by the parser Gephi Lite uses', () => {
  const text = toGexf(graph, everything);
  const read = parsed(text);

  it('has every actor as a node and every relation as an edge, with the same ids', () => {
    expect(read.nodes().sort()).toEqual(graph.actors.map((actor) => actor.id).sort());
    expect(read.edges().sort()).toEqual(graph.relations.map((relation) => relation.id).sort());
  });

  it("keeps each actor's label and kind, and draws it in its kind's colour", () => {
    for (const actor of graph.actors) {
      const attributes = read.getNodeAttributes(actor.id);
      expect(attributes.label).toBe(actor.label);
      expect(attributes.kind).toBe(actor.kind);
      expect(attributes.kindLabel).toBe(index.kindLabelById.get(actor.kind));
      expect(attributes.evidenceCount).toBe(actor.evidence.length);
    }
    expect(read.getNodeAttribute('kadhimi', 'color')).toBe('rgb(31,119,180)');
    expect(read.getNodeAttribute('kadhimi', 'shape')).toBe('disc');
  });

  it("keeps each relation's ends, type, corroboration strength and best grade", () => {
    for (const relation of graph.relations) {
      const corroboration = index.corroborationById.get(relation.id);
      const attributes = read.getEdgeAttributes(relation.id);
      expect([read.source(relation.id), read.target(relation.id)]).toEqual([relation.from, relation.to]);
      expect(attributes.type).toBe(relation.type);
      expect(attributes.strength).toBe(corroboration?.strength);
      expect(attributes.bestGrade).toBe(corroboration?.bestGrade ? gradeCode(corroboration.bestGrade) : undefined);
      expect(attributes.independentSources).toBe(corroboration?.independentSources);
    }
  });

  it('draws undirected relation types as undirected edges and the others as directed', () => {
    const undirected = new Set(graph.relationTypes.filter((type) => !type.directed).map((type) => type.id));
    for (const relation of graph.relations) {
      expect(read.isUndirected(relation.id)).toBe(undirected.has(relation.type));
    }
  });

  it('says in its description that it holds everything', () => {
    expect(read.getAttribute('description')).toContain('Exported: everything.');
  });

  it('gives each dated relation a spell over the days its date means, and undated ones none', () => {
    const edges = [...xml(text).getElementsByTagName('edge')];
    const spellOf = (id: string) => {
      const edge = edges.find((element) => element.getAttribute('id') === id);
      const spell = edge?.getElementsByTagName('spell')[0];
      return spell ? { start: spell.getAttribute('start'), end: spell.getAttribute('end') } : null;
    };
    const byDate = (date: string | undefined) => graph.relations.find((relation) => relation.date === date);
    expect(spellOf(byDate('2021-10')?.id ?? '')).toEqual({ start: '2021-10-01', end: '2021-10-31' });
    expect(spellOf(byDate('2021-11-07')?.id ?? '')).toEqual({ start: '2021-11-07', end: '2021-11-07' });
    expect(spellOf(byDate('2021-10/2021-11')?.id ?? '')).toEqual({ start: '2021-10-01', end: '2021-11-30' });
    expect(spellOf(byDate(undefined)?.id ?? '')).toBeNull();
    const root = xml(text).getElementsByTagName('graph')[0];
    expect([root?.getAttribute('mode'), root?.getAttribute('timeformat')]).toEqual(['dynamic', 'date']);
  });
});

describe('GEXF of what is shown', () => {
  it('holds only the kept actors and relations, and says so', () => {
    const kept = {
      actorIds: new Set(['kadhimi', 'kataib-hezbollah', 'qais-al-khazali']),
      relationIds: new Set(['kataib-hezbollah-accused-kadhimi', 'kataib-hezbollah-threatened-kadhimi']),
    };
    const description = 'what is shown: relation types accused, threatened';
    const read = parsed(toGexf(graph, { ...everything, kept, description }));
    expect(read.nodes().sort()).toEqual([...kept.actorIds].filter((id) => index.actorById.has(id)).sort());
    expect(read.edges().sort()).toEqual([...kept.relationIds].sort());
    expect(read.getAttribute('description')).toContain(description);
  });

  it('leaves out a kept relation whose other end is not kept (an edge needs both nodes)', () => {
    const kept = { actorIds: new Set(['kadhimi']), relationIds: new Set(['kataib-hezbollah-accused-kadhimi']) };
    const read = parsed(toGexf(graph, { ...everything, kept }));
    expect(read.nodes()).toEqual(['kadhimi']);
    expect(read.size).toBe(0);
  });

  it('places actors where the explorer draws them, y upwards as Gephi draws it', () => {
    const positions = { kadhimi: { x: 12.5, y: -40 } };
    const read = parsed(toGexf(graph, { ...everything, positions }));
    expect([read.getNodeAttribute('kadhimi', 'x'), read.getNodeAttribute('kadhimi', 'y')]).toEqual([12.5, 40]);
    expect(read.getNodeAttribute('kataib-hezbollah', 'x')).toBeUndefined();
  });
});

describe('GEXF of a hostile graph', () => {
  const hostile: GraphFile = {
    ...graph,
    title: 'Bad <title> & "quotes"\u0000',
    actors: graph.actors.map((actor, position) =>
      position === 0
        ? {
            ...actor,
            label: 'A\u0001B <b>&amp;</b> "C" \'D\'',
            summary: 'line one\nline two\ttabbed\r\u000b\uFFFE end',
            aliases: ['x]]>y', '<!-- z -->'],
          }
        : actor,
    ),
  };
  const text = toGexf(hostile, { ...everything, description: 'everything <with> & "markup"\u0007' });

  it('contains no character XML 1.0 forbids', () => {
    expect(text).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
  });

  it('reads back with markup, quotes, tabs and line breaks intact, and forbidden characters as U+FFFD', () => {
    const read = parsed(text);
    const id = hostile.actors[0]?.id ?? '';
    expect(read.getNodeAttribute(id, 'label')).toBe('A\uFFFDB <b>&amp;</b> "C" \'D\'');
    expect(read.getNodeAttribute(id, 'summary')).toBe('line one\nline two\ttabbed\r\uFFFD\uFFFD end');
    expect(read.getNodeAttribute(id, 'aliases')).toBe('x]]>y | <!-- z -->');
    expect(read.getAttribute('description')).toContain('everything <with> & "markup"\uFFFD');
  });
});
