import { describe, expect, it } from 'vitest';
import { gradeCode } from '../../src/model/corroboration.ts';
import { toCyjs } from '../../src/model/export-cyjs.ts';
import type { ExportScope } from '../../src/model/export-scope.ts';
import { indexGraph } from '../../src/model/queries.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const index = indexGraph(graph);
const everything: ExportScope = { kept: null, description: 'everything', exportedAt: '2026-11-28T10:00:00Z' };

interface Element {
  data: Record<string, unknown>;
  position?: { x: number; y: number };
}
const read = (text: string) =>
  JSON.parse(text) as {
    format_version: string;
    generated_by: string;
    target_cytoscapejs_version: string;
    data: Record<string, unknown>;
    elements: { nodes: Element[]; edges: Element[] };
  };

describe('the shipped graph as Cytoscape desktop JSON', () => {
  const document = read(toCyjs(graph, everything));

  it('has the envelope Cytoscape desktop writes and reads, naming the network and what it holds', () => {
    expect(document.format_version).toBe('1.0');
    expect(typeof document.generated_by).toBe('string');
    expect(document.target_cytoscapejs_version).toBe('~2.1');
    expect(document.data).toMatchObject({ name: graph.title, shared_name: graph.title, exported: 'everything' });
  });

  it('has one node per actor, named by its label, with its kind and colour as columns', () => {
    expect(document.elements.nodes.map((node) => node.data.id)).toEqual(graph.actors.map((actor) => actor.id));
    for (const [position, actor] of graph.actors.entries()) {
      const { data } = document.elements.nodes[position] ?? { data: {} };
      expect(data).toMatchObject({ name: actor.label, shared_name: actor.label, kind: actor.kind });
      expect(data.evidenceCount).toBe(actor.evidence.length);
    }
    expect(document.elements.nodes[0]?.data.color).toBe('#1f77b4');
  });

  it('has one edge per relation with its ends, its type as interaction, and its corroboration', () => {
    const undirected = new Set(graph.relationTypes.filter((type) => !type.directed).map((type) => type.id));
    for (const [position, relation] of graph.relations.entries()) {
      const { data } = document.elements.edges[position] ?? { data: {} };
      const corroboration = index.corroborationById.get(relation.id);
      expect(data).toMatchObject({
        id: relation.id,
        source: relation.from,
        target: relation.to,
        interaction: relation.type,
        shared_interaction: relation.type,
        strength: corroboration?.strength,
        directed: !undirected.has(relation.type),
      });
      expect(data.name).toBe(
        `${index.actorById.get(relation.from)?.label} (${relation.type}) ${index.actorById.get(relation.to)?.label}`,
      );
      expect(data.bestGrade).toBe(corroboration?.bestGrade ? gradeCode(corroboration.bestGrade) : undefined);
    }
  });

  it('gives no position where the explorer has none (Cytoscape lays those out)', () => {
    expect(document.elements.nodes.every((node) => node.position === undefined)).toBe(true);
  });
});

describe('Cytoscape desktop JSON of what is shown', () => {
  it('holds only the kept actors and relations, where the explorer draws them, and says so', () => {
    const kept = {
      actorIds: new Set(['kadhimi', 'kataib-hezbollah']),
      relationIds: new Set(['kataib-hezbollah-accused-kadhimi', 'kataib-hezbollah-threatened-kadhimi']),
    };
    const description = 'what is shown: contested claims only';
    const positions = { kadhimi: { x: 10, y: 20 } };
    const document = read(toCyjs(graph, { ...everything, kept, description, positions }));
    expect(document.elements.nodes.map((node) => node.data.id)).toEqual(['kadhimi', 'kataib-hezbollah']);
    expect(document.elements.edges.map((edge) => edge.data.id)).toEqual([...kept.relationIds]);
    expect(document.elements.nodes[0]?.position).toEqual({ x: 10, y: 20 });
    expect(document.data.exported).toBe(description);
  });
});
