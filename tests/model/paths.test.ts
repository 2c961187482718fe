// "How is Qais al-Khazali connected to Esmail Qaani?": paths with their evidence, on the shipped graph, on small
// random graphs checked against brute force, and on a dense hostile graph that must stop within its bound.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, visibleSubgraph } from '../../src/model/filter.ts';
import type { Graph, Relation } from '../../src/model/graph.ts';
import {
  commonNeighbours,
  compareGrades,
  kShortestPaths,
  type PathOptions,
  pathInWords,
} from '../../src/model/paths.ts';
import { type GraphIndex, indexGraph } from '../../src/model/queries.ts';
import { loadShippedGraph } from './shipped.ts';
import { itWithLargeInput } from './timeouts.ts';

const graph = loadShippedGraph();
const index = indexGraph(graph);
const allShown = visibleSubgraph(graph, DEFAULT_FILTERS).relationIds;
const options = (more: Partial<PathOptions> = {}): PathOptions => ({
  visibleRelationIds: allShown,
  directed: false,
  ...more,
});

describe('how Qais al-Khazali is connected to Esmail Qaani', () => {
  const result = kShortestPaths(index, 'khazali', 'qaani', options());

  it('lists up to five paths, shortest first, each simple and at most six steps', () => {
    expect(result.paths.length).toBeGreaterThan(0);
    expect(result.paths.length).toBeLessThanOrEqual(5);
    expect(result.noPathReason).toBeNull();
    expect(result.stoppedEarly).toBe(false);
    const lengths = result.paths.map((path) => path.steps.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    for (const path of result.paths) {
      expect(new Set(path.actorIds).size).toBe(path.actorIds.length);
      expect(path.steps.length).toBeLessThanOrEqual(6);
      expect(path.actorIds[0]).toBe('khazali');
      expect(path.actorIds.at(-1)).toBe('qaani');
    }
    expect(new Set(result.paths.map((path) => path.actorIds.join('>'))).size).toBe(result.paths.length);
  });

  it('the shortest goes through Kadhimi, whom Khazali threatened and Qaani met', () => {
    const [shortest] = result.paths;
    expect(shortest?.actorIds).toEqual(['khazali', 'kadhimi', 'qaani']);
    expect(shortest && pathInWords(index, shortest)).toBe(
      'Qais al-Khazali — threatened — Mustafa al-Kadhimi — met — Esmail Qaani',
    );
  });

  it('each step is a shown relation between its two actors, and its quote is supporting evidence of it', () => {
    for (const path of result.paths) {
      path.steps.forEach((step, i) => {
        const relation = index.relationById.get(step.relationId);
        expect(allShown.has(step.relationId)).toBe(true);
        expect([step.from, step.to]).toEqual([path.actorIds[i], path.actorIds[i + 1]]);
        expect(step.forward ? [relation?.from, relation?.to] : [relation?.to, relation?.from]).toEqual([
          step.from,
          step.to,
        ]);
        const item = relation?.evidence.find(
          (e) => e.quote === step.strongest.quote && e.source === step.strongest.source,
        );
        expect(item).toBeDefined();
        expect(item?.stance ?? 'supports').toBe('supports');
        expect(index.sourceById.get(step.strongest.source)?.reliability).toBe(step.grade.reliability);
        for (const other of relation?.evidence ?? []) {
          const reliability = index.sourceById.get(other.source)?.reliability;
          if ((other.stance ?? 'supports') !== 'supports' || !reliability) continue;
          expect(compareGrades(step.grade, { reliability, credibility: other.credibility })).toBeLessThanOrEqual(0);
        }
      });
    }
  });

  it('marks the step with the worst best evidence as the weakest link', () => {
    for (const path of result.paths) {
      const weakest = path.steps[path.weakestStep];
      for (const step of path.steps) expect(weakest && compareGrades(step.grade, weakest.grade)).toBeLessThanOrEqual(0);
    }
  });

  it('reads a step walked against the relation with its inverse label', () => {
    const longer = kShortestPaths(index, 'khazali', 'qaani', options({ excludeActors: new Set(['kadhimi']) }));
    const words = longer.paths.map((path) => pathInWords(index, path));
    expect(words).toContain(
      'Qais al-Khazali — of — Asaib Ahl al-Haq — backed by — Iran — ' +
        'has as an arm — Quds Force — led by — Esmail Qaani',
    );
  });

  it('says honestly there is no path graded C or better: both sources are graded D', () => {
    const strict = kShortestPaths(index, 'khazali', 'qaani', options({ minReliability: 'C' }));
    expect(strict.paths).toEqual([]);
    expect(strict.noPathReason).toBe('no path with every step graded C or better');
    expect(kShortestPaths(index, 'khazali', 'qaani', options({ minReliability: 'D' })).paths.length).toBeGreaterThan(0);
  });

  it('following direction, Khazali reaches Qaani but Qaani does not reach Khazali', () => {
    const onward = kShortestPaths(index, 'khazali', 'qaani', options({ directed: true }));
    expect(onward.paths[0]?.actorIds).toEqual(['khazali', 'kadhimi', 'qaani']);
    expect(onward.paths.length).toBeLessThan(result.paths.length);
    const back = kShortestPaths(index, 'qaani', 'khazali', options({ directed: true }));
    expect(back.paths).toEqual([]);
    expect(back.noPathReason).toBe("no path following the relations' direction from Esmail Qaani to Qais al-Khazali");
    expect(kShortestPaths(index, 'qaani', 'khazali', options()).paths.length).toBeGreaterThan(0);
  });

  it('gives as many paths as asked for, and no more', () => {
    expect(kShortestPaths(index, 'khazali', 'qaani', options({ k: 1 })).paths).toHaveLength(1);
    expect(kShortestPaths(index, 'khazali', 'qaani', options({ k: 3 })).paths).toHaveLength(3);
  });

  it('an excluded actor is on no path', () => {
    const without = kShortestPaths(index, 'khazali', 'qaani', options({ excludeActors: new Set(['kadhimi', 'iran']) }));
    for (const path of without.paths) expect(path.actorIds).not.toContain('kadhimi');
    for (const path of without.paths) expect(path.actorIds).not.toContain('iran');
  });

  it('keeps to the relations the filters show', () => {
    const noMet = new Set([...allShown].filter((id) => index.relationById.get(id)?.type !== 'met'));
    const filtered = kShortestPaths(index, 'khazali', 'qaani', options({ visibleRelationIds: noMet }));
    for (const path of filtered.paths) for (const step of path.steps) expect(noMet.has(step.relationId)).toBe(true);
  });

  it('a date window of November 2021 without undated relations leaves no path, and says so', () => {
    const window = { start: '2021-11-01', end: '2021-11-30' };
    const dated = kShortestPaths(index, 'khazali', 'qaani', options({ window, includeUndated: false }));
    expect(dated.noPathReason).toBe('no path dated within 2021-11-01 to 2021-11-30 (undated relations left out)');
    expect(kShortestPaths(index, 'khazali', 'qaani', options({ window })).paths.length).toBeGreaterThan(0);
  });

  it('a short maximum length says how long the shortest path is', () => {
    const short = kShortestPaths(index, 'khazali', 'qaani', options({ maxSteps: 1 }));
    expect(short.noPathReason).toBe('no path of 1 steps or fewer (the shortest the filters allow has 2)');
  });

  it('actors in separate parts of the graph are "not connected"', () => {
    const apart = kShortestPaths(index, 'khazali', 'taqaddum', options({ visibleRelationIds: new Set() }));
    expect(apart.noPathReason).toMatch(/not connected/);
  });
});

describe('common neighbours', () => {
  it('Khazali and Qaani have one actor in common: Kadhimi, whom one threatened and the other met', () => {
    const shared = commonNeighbours(index, ['khazali', 'qaani'], allShown);
    expect(shared).toEqual([{ actorId: 'kadhimi', via: ['khazali-threatened-kadhimi', 'qaani-met-kadhimi'] }]);
  });

  it('Kataib Hezbollah and Asaib Ahl al-Haq are both tied to Iran, the drone attack and the election', () => {
    const shared = commonNeighbours(index, ['kataib-hezbollah', 'asaib-ahl-al-haq'], allShown).map((n) => n.actorId);
    expect(shared).toEqual(expect.arrayContaining(['iran', 'drone-attack-2021-11-07', 'election-2021-10-10']));
  });

  it('a hidden relation links nothing', () => {
    expect(commonNeighbours(index, ['khazali', 'qaani'], new Set())).toEqual([]);
  });
});

/** A graph of undirected "met" relations between numbered actors. */
function metGraph(actorCount: number, pairs: readonly [number, number][]): Graph {
  const evidence = [{ source: 's', quote: 'They met.', attributedTo: 'a paper', credibility: 2 as const }];
  const relations: Relation[] = pairs.map(([a, b], i) => ({
    id: `r${String(i).padStart(6, '0')}`,
    type: 'met',
    from: `a${a}`,
    to: `a${b}`,
    evidence,
  }));
  return {
    title: 'met',
    updated: '2024-01-01',
    actorKinds: [{ id: 'p', label: 'Person' }],
    relationTypes: [{ id: 'met', label: 'met', definition: 'Met.', directed: false }],
    sources: [{ id: 's', title: 'S', publisher: 'P', author: null, published: null, reliability: 'B' }],
    actors: Array.from({ length: actorCount }, (_, i) => ({ id: `a${i}`, label: `A${i}`, kind: 'p', evidence: [] })),
    relations,
  };
}

/** Every simple path's length (steps), by depth-first search. */
function allPathLengths(g: GraphIndex, from: string, to: string, maxSteps: number): number[] {
  const lengths: number[] = [];
  const onPath = new Set([from]);
  const walk = (at: string, steps: number) => {
    if (at === to) {
      lengths.push(steps);
      return;
    }
    if (steps === maxSteps) return;
    const next = new Set<string>();
    for (const r of g.relationsByActor.get(at) ?? []) next.add(r.from === at ? r.to : r.from);
    for (const n of next) {
      if (onPath.has(n)) continue;
      onPath.add(n);
      walk(n, steps + 1);
      onPath.delete(n);
    }
  };
  walk(from, 0);
  return lengths.sort((a, b) => a - b);
}

describe('against brute force on small random graphs', () => {
  it('the k paths found have the k smallest lengths of all simple paths', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 60; trial++) {
      const n = 4 + Math.floor(random() * 6);
      const pairs: [number, number][] = [];
      for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (random() < 0.4) pairs.push([a, b]);
      if (random() < 0.5 && pairs[0]) pairs.push(pairs[0]);
      const g = indexGraph(metGraph(n, pairs));
      const visible = new Set(g.relationById.keys());
      const k = 1 + Math.floor(random() * 6);
      const found = kShortestPaths(g, 'a0', `a${n - 1}`, {
        visibleRelationIds: visible,
        directed: false,
        k,
        maxSteps: 4,
      });
      const expected = allPathLengths(g, 'a0', `a${n - 1}`, 4).slice(0, k);
      expect(found.paths.map((p) => p.steps.length)).toEqual(expected);
      expect(found.noPathReason === null).toBe(expected.length > 0);
    }
  });
});

describe('a hostile graph', () => {
  itWithLargeInput('2,000 densely linked actors: the search stops within its bound and says so', () => {
    const pairs: [number, number][] = [];
    let seed = 11;
    for (let a = 0; a < 2000; a++) {
      for (let d = 0; d < 30; d++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        pairs.push([a, (a + 1 + (seed % 1999)) % 2000]);
      }
    }
    const g = indexGraph(metGraph(2000, pairs));
    const visible = new Set(g.relationById.keys());
    const started = performance.now();
    const found = kShortestPaths(g, 'a0', 'a1', {
      visibleRelationIds: visible,
      directed: false,
      k: 1000,
      maxSteps: 6,
      maxSpurSearches: 200,
      maxVisitedActors: 50_000,
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(found.stoppedEarly).toBe(true);
    expect(found.stopReason).toMatch(/the search stopped after .*more paths may exist/);
    expect(found.spurSearches).toBeLessThanOrEqual(200);
    expect(found.visitedActors).toBeLessThanOrEqual(50_000);
    expect(found.paths.length).toBeGreaterThan(0);
  });
});
