import Graph from 'graphology';
import graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { gradeCode } from '../../src/model/corroboration.ts';
import { toGraphml } from '../../src/model/export-graphml.ts';
import type { ExportScope } from '../../src/model/export-scope.ts';
import type { Graph as GraphFile } from '../../src/model/graph.ts';
import { indexGraph } from '../../src/model/queries.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const index = indexGraph(graph);
const everything: ExportScope = { kept: null, description: 'everything', exportedAt: '2026-11-28T10:00:00Z' };

// graphology-graphml's Node entry point brings its own xmldom DOMParser (see node_modules/graphology-graphml/node).
const parsed = (text: string) => graphml.parse(Graph, text);

describe('the shipped graph as GraphML, read back by graphology-graphml', () => {
  const read = parsed(toGraphml(graph, everything));

  it('has every actor as a node and every relation as an edge, with the same ids and ends', () => {
    expect(read.nodes().sort()).toEqual(graph.actors.map((actor) => actor.id).sort());
    expect(read.edges().sort()).toEqual(graph.relations.map((relation) => relation.id).sort());
    for (const relation of graph.relations) {
      expect([read.source(relation.id), read.target(relation.id)]).toEqual([relation.from, relation.to]);
    }
  });

  it("keeps each actor's label, kind, evidence count and colour, typed as declared", () => {
    for (const actor of graph.actors) {
      const attributes = read.getNodeAttributes(actor.id);
      expect(attributes.label).toBe(actor.label);
      expect(attributes.kind).toBe(actor.kind);
      expect(attributes.evidenceCount).toBe(actor.evidence.length);
    }
    expect(read.getNodeAttribute('kadhimi', 'color')).toBe('#1f77b4');
    expect(read.getNodeAttribute('kadhimi', 'aliases')).toContain('Kadhimi | Mr. Kadhimi');
  });

  it("keeps each relation's type, strength, best grade and counts", () => {
    for (const relation of graph.relations) {
      const corroboration = index.corroborationById.get(relation.id);
      const attributes = read.getEdgeAttributes(relation.id);
      expect(attributes.type).toBe(relation.type);
      expect(attributes.strength).toBe(corroboration?.strength);
      expect(attributes.bestGrade).toBe(corroboration?.bestGrade ? gradeCode(corroboration.bestGrade) : undefined);
      expect(attributes.claimants).toBe(corroboration?.claimants);
      expect(attributes.contradicting).toBe(corroboration?.contradicting);
      expect(attributes.date).toBe(relation.date);
    }
  });

  it('reads undirected relation types as undirected edges and the others as directed', () => {
    const undirected = new Set(graph.relationTypes.filter((type) => !type.directed).map((type) => type.id));
    for (const relation of graph.relations) {
      expect(read.isUndirected(relation.id)).toBe(undirected.has(relation.type));
    }
  });

  it('says it holds everything, and when it was exported', () => {
    expect(read.getAttribute('exported')).toBe('everything');
    expect(read.getAttribute('exportedAt')).toBe('2026-11-28T10:00:00Z');
    expect(read.getAttribute('title')).toBe(graph.title);
  });
});

describe('GraphML of what is shown', () => {
  it('holds only the kept actors and relations, with their positions, and says so', () => {
    const kept = {
      actorIds: new Set(['kadhimi', 'kataib-hezbollah']),
      relationIds: new Set(['kataib-hezbollah-accused-kadhimi']),
    };
    const description = 'what is shown: focus on Kataib Hezbollah';
    const positions = { kadhimi: { x: 1.5, y: -2 } };
    const read = parsed(toGraphml(graph, { ...everything, kept, description, positions }));
    expect(read.nodes().sort()).toEqual(['kadhimi', 'kataib-hezbollah']);
    expect(read.edges()).toEqual(['kataib-hezbollah-accused-kadhimi']);
    expect(read.getAttribute('exported')).toBe(description);
    expect([read.getNodeAttribute('kadhimi', 'x'), read.getNodeAttribute('kadhimi', 'y')]).toEqual([1.5, -2]);
  });
});

describe('GraphML of a hostile graph', () => {
  const hostile: GraphFile = {
    ...graph,
    title: 'T <&> \u0000',
    actors: graph.actors.map((actor, position) =>
      position === 0 ? { ...actor, label: '</data><x>\u0002 "q"', summary: 'a\r\nb\tc\uFFFF' } : actor,
    ),
  };
  const text = toGraphml(hostile, everything);

  it('contains no character XML 1.0 forbids, and reads back with markup and line breaks intact', () => {
    expect(text).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
    const read = parsed(text);
    const id = hostile.actors[0]?.id ?? '';
    expect(read.getNodeAttribute(id, 'label')).toBe('</data><x>\uFFFD "q"');
    expect(read.getNodeAttribute(id, 'summary')).toBe('a\r\nb\tc\uFFFD');
    expect(read.getAttribute('title')).toBe('T <&> \uFFFD');
  });
});
