import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../scripts/generate-graph.ts';
import type { Graph } from '../../src/model/graph.ts';
import { parseGraph } from '../../src/model/validate.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function degrees(graph: Graph): number[] {
  const degree = new Map(graph.actors.map((actor) => [actor.id, 0]));
  for (const relation of graph.relations) {
    degree.set(relation.from, (degree.get(relation.from) ?? 0) + 1);
    degree.set(relation.to, (degree.get(relation.to) ?? 0) + 1);
  }
  return [...degree.values()].sort((a, b) => a - b);
}

describe('generateGraph', () => {
  const graph = generateGraph(1000, 1);

  it('makes a 1,000-actor file that the validator accepts without a single error or warning', () => {
    const result = parseGraph(JSON.stringify(graph, null, 2));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('gives the same graph for the same seed, and another for another seed', () => {
    expect(JSON.stringify(generateGraph(1000, 1))).toBe(JSON.stringify(graph));
    expect(JSON.stringify(generateGraph(1000, 2))).not.toBe(JSON.stringify(graph));
  });

  it('is hub-heavy: a few actors with hundreds of relations, most with one to three', () => {
    const sorted = degrees(graph);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const max = sorted.at(-1) ?? 0;
    expect(max).toBeGreaterThanOrEqual(10 * median);
    expect(max).toBeGreaterThanOrEqual(100);
    expect(sorted.filter((degree) => degree <= 3).length).toBeGreaterThan(0.6 * sorted.length);
    expect(sorted[0]).toBeGreaterThanOrEqual(1);
  });

  it('has about twice as many relations as actors, of every kind and type', () => {
    expect(graph.actors).toHaveLength(1000);
    expect(graph.relations.length).toBe(2000);
    expect(new Set(graph.actors.map((actor) => actor.kind))).toEqual(new Set(graph.actorKinds.map((kind) => kind.id)));
    expect(new Set(graph.relations.map((relation) => relation.type))).toEqual(
      new Set(graph.relationTypes.map((type) => type.id)),
    );
    expect(graph.relationTypes.filter((type) => type.contested).map((type) => type.id)).toEqual(
      expect.arrayContaining(['accused', 'denied']),
    );
  });

  it('cites 2 to 4 sources of different reliability, none with an archived copy', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { sources } = generateGraph(20, seed);
      expect(sources.length).toBeGreaterThanOrEqual(2);
      expect(sources.length).toBeLessThanOrEqual(4);
      expect(new Set(sources.map((source) => source.reliability)).size).toBe(sources.length);
      expect(sources.every((source) => source.archive === undefined)).toBe(true);
    }
  });

  it('writes dates of every form, realistic labels, aliases and 1-3 evidence items', () => {
    const dates = graph.relations.map((relation) => relation.date).filter((date) => date !== undefined);
    expect(dates.some((date) => /^\d{4}$/.test(date))).toBe(true);
    expect(dates.some((date) => /^\d{4}-\d{2}$/.test(date))).toBe(true);
    expect(dates.some((date) => /^\d{4}-\d{2}-\d{2}$/.test(date))).toBe(true);
    expect(dates.some((date) => date.includes('/'))).toBe(true);
    expect(graph.actors.some((actor) => /^Brigade \d+ of the \w+ Front$/.test(actor.label))).toBe(true);
    expect(graph.actors.filter((actor) => (actor.aliases?.length ?? 0) > 0).length).toBeGreaterThan(500);
    for (const item of [...graph.actors, ...graph.relations]) {
      expect(item.evidence.length).toBeGreaterThanOrEqual(1);
      expect(item.evidence.length).toBeLessThanOrEqual(3);
    }
  });

  it('makes valid graphs at the smallest sizes too', () => {
    for (const [actors, seed] of [
      [2, 1],
      [3, 7],
      [30, 5],
    ] as const) {
      const result = parseGraph(JSON.stringify(generateGraph(actors, seed)));
      expect(result.problems).toEqual([]);
    }
  });
});

describe('npx tsx scripts/generate-graph.ts', () => {
  it('prints the generated graph as JSON', () => {
    const result = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/generate-graph.ts', '--actors', '40', '--seed', '3'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${JSON.stringify(generateGraph(40, 3), null, 2)}\n`);
  });

  it('writes the file given with --out', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'generate-graph-')), 'g.json');
    const result = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/generate-graph.ts', '--actors', '40', '--seed', '3', '--out', out],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`${JSON.stringify(generateGraph(40, 3), null, 2)}\n`);
  });

  it('explains its usage when --actors is missing', () => {
    const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/generate-graph.ts', '--seed', '3'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage:');
  });
});
