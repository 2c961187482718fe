// The bench page: builds graphs, parses them and lays them out in a real
// browser, through the same worker the app uses. scripts/bench.ts drives it
// through `window.agBench`.

import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import { countOverlaps } from '../../src/cy/layout.ts';
import {
  type LayoutRequest,
  type LayoutVariant,
  runLayoutMeasured,
  terminateIdleLayoutWorker,
} from '../../src/cy/layout-runner.ts';
import { analyseVisible, terminateIdleCentralityWorker } from '../../src/io/centrality-runner.ts';
import { centralityOf, communitiesOf } from '../../src/model/centrality.ts';
import { DEFAULT_FILTERS, visibleSubgraph } from '../../src/model/filter.ts';
import type { Graph } from '../../src/model/graph.ts';
import { kShortestPaths } from '../../src/model/paths.ts';
import { indexGraph } from '../../src/model/queries.ts';
import { binsOf, domainOfView, fitView, timelineOf, unitFor } from '../../src/model/timeline.ts';
import { parseGraph } from '../../src/model/validate.ts';
import { generateGraph } from '../generate-graph.ts';
import { layoutElements } from './boxes.ts';

/** The fcose variants compared (the bench prints one row per variant). */
export const VARIANTS: Record<string, LayoutVariant> = {
  // fcose as shipped: every option at its default, nothing before or after.
  'fcose defaults, quality default': {
    plain: true,
    fcose: { name: 'fcose', quality: 'default', animate: false, fit: false },
  },
  'fcose defaults, quality draft': {
    plain: true,
    fcose: { name: 'fcose', quality: 'draft', animate: false, fit: false },
  },
  // The small-graph spacing alone (idealEdgeLength 100, nodeRepulsion 100,000), at any size.
  'default + spacing (no draft tier)': {
    plain: true,
    fcose: {
      name: 'fcose',
      quality: 'default',
      animate: false,
      fit: false,
      idealEdgeLength: 100,
      nodeRepulsion: 100_000,
    },
  },
  // The fastest pure-fcose setting found for hub-heavy graphs: spread spectral start, weak
  // springs, strong repulsion, a cool start so the CoSE phase stops after ~200 iterations.
  'default, fast CoSE settings': {
    plain: true,
    fcose: {
      name: 'fcose',
      quality: 'default',
      animate: false,
      fit: false,
      nodeSeparation: 1000,
      idealEdgeLength: 150,
      nodeRepulsion: 100_000,
      edgeElasticity: 0.05,
      initialEnergyOnIncremental: 0.05,
    },
  },
  // What the app runs: fcoseOptions() and the worker's pre- and post-processing.
  chosen: {},
  // The same, re-laid out from the positions of a first chosen run (the app's Re-layout).
  'chosen, re-layout (randomize false)': {},
};
const RELAYOUT = 'chosen, re-layout (randomize false)';

const graphs = new Map<
  string,
  { text: string; graph: Graph; request: LayoutRequest; actors: number; relations: number }
>();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Times one call, ms. */
function timed<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}

/** The same pairs of actors on every run: a small linear congruential generator, seeded. */
function actorPairs(graph: Graph, count: number): [string, string][] {
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const ids = graph.actors.map((actor) => actor.id);
  return Array.from({ length: count }, () => {
    const from = ids[Math.floor(next() * ids.length)] ?? '';
    let to = from;
    while (to === from && ids.length > 1) to = ids[Math.floor(next() * ids.length)] ?? '';
    return [from, to];
  });
}

const agBench = {
  variants: Object.keys(VARIANTS),

  /** 'shipped', or a generated graph of that many actors (seed 1). Returns its size. */
  prepare(name: string): { actors: number; relations: number; megabytes: number } {
    const text = name === 'shipped' ? shippedGraphText : JSON.stringify(generateGraph(Number(name), 1), null, 2);
    const result = parseGraph(text);
    if (!result.ok) throw new Error(`${name}: ${result.problems.length} problem(s)`);
    const { nodes, edges } = layoutElements(result.graph);
    const entry = {
      text,
      graph: result.graph,
      request: { nodes, edges, seed: 1, randomize: true },
      actors: nodes.length,
      relations: edges.length,
    };
    graphs.set(name, entry);
    return { actors: entry.actors, relations: entry.relations, megabytes: new TextEncoder().encode(text).length / 1e6 };
  },

  /** parseGraph on the file's text (JSON parse, schema and meaning checks), ms. */
  parse(name: string): { ms: number; problems: number } {
    const entry = graphs.get(name);
    if (!entry) throw new Error(`prepare("${name}") first`);
    const started = performance.now();
    const result = parseGraph(entry.text);
    return { ms: performance.now() - started, problems: result.problems.length };
  },

  /**
   * Analysis on the main thread: the 5 shortest paths (at most 6 steps, either
   * direction) between 20 fixed pairs of actors, over everything shown.
   */
  paths(name: string) {
    const entry = graphs.get(name);
    if (!entry) throw new Error(`prepare("${name}") first`);
    const { graph } = entry;
    const index = indexGraph(graph);
    const visibleRelationIds = visibleSubgraph(graph, DEFAULT_FILTERS).relationIds;
    const runs = actorPairs(graph, 20).map(([from, to]) =>
      timed(() => kShortestPaths(index, from, to, { visibleRelationIds, directed: false, k: 5, maxSteps: 6 })),
    );
    return {
      medianMs: median(runs.map((run) => run.ms)),
      maxMs: Math.max(...runs.map((run) => run.ms)),
      pairs: runs.length,
      withPaths: runs.filter((run) => run.value.paths.length > 0).length,
      stoppedEarly: runs.filter((run) => run.value.stoppedEarly).length,
      paths: runs.reduce((sum, run) => sum + run.value.paths.length, 0),
    };
  },

  /**
   * Who matters: the measures (degree, betweenness, eigenvector, PageRank) and
   * Louvain on the main thread, and the round trip through the app's worker
   * (warm; median of 3), over everything shown.
   */
  async centrality(name: string) {
    const entry = graphs.get(name);
    if (!entry) throw new Error(`prepare("${name}") first`);
    const { graph } = entry;
    const visible = visibleSubgraph(graph, DEFAULT_FILTERS);
    const measures = timed(() => centralityOf(graph, visible));
    const communities = timed(() => communitiesOf(graph, visible));
    terminateIdleCentralityWorker();
    const started = performance.now();
    await analyseVisible(graph, visible, { inWorker: true });
    const coldMs = performance.now() - started;
    const warm: number[] = [];
    for (let run = 0; run < 3; run++) {
      const begun = performance.now();
      await analyseVisible(graph, visible, { inWorker: true });
      warm.push(performance.now() - begun);
    }
    return {
      measuresMs: measures.ms,
      communitiesMs: communities.ms,
      communities: communities.value.count,
      sampled: measures.value.betweennessSample,
      workerColdMs: coldMs,
      workerMs: median(warm),
    };
  },

  /** The time bar's histogram: once per graph (relations' spans), then the bars of the fitted view. */
  timeline(name: string) {
    const entry = graphs.get(name);
    if (!entry) throw new Error(`prepare("${name}") first`);
    const timeline = timed(() => timelineOf(entry.graph));
    const view = fitView(timeline.value);
    if (!view) return { timelineMs: timeline.ms, binsMs: 0, bins: 0, dated: 0 };
    const domain = domainOfView(view);
    const bins = timed(() => binsOf(timeline.value, domain, unitFor(domain)));
    return {
      timelineMs: timeline.ms,
      binsMs: bins.ms,
      bins: bins.value.bins.length,
      dated: timeline.value.entries.length,
    };
  },

  /** One layout run; timeoutMs aborts it (the worker is terminated). `cold`: in a new worker. */
  async layout(name: string, variant: string, timeoutMs: number, cold = false) {
    if (cold) terminateIdleLayoutWorker();
    const entry = graphs.get(name);
    const chosen = VARIANTS[variant];
    if (!entry || !chosen) throw new Error(`unknown graph "${name}" or variant "${variant}"`);
    let request = entry.request;
    if (variant === RELAYOUT) {
      const first = await runLayoutMeasured(entry.request, {});
      request = {
        ...entry.request,
        randomize: false,
        nodes: entry.request.nodes.map((node) => ({ ...node, ...first.positions[node.id] })),
      };
    }
    try {
      const result = await runLayoutMeasured(request, chosen, AbortSignal.timeout(timeoutMs));
      return { ok: true as const, ...result.timings, overlaps: countOverlaps(entry.request.nodes, result.positions) };
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return { ok: false as const, timedOut: true };
      throw error;
    }
  },
};

declare global {
  interface Window {
    agBench: typeof agBench;
  }
}

window.agBench = agBench;
document.title = 'Layout bench: ready';
