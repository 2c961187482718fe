// The centrality worker in Chromium: the same answers as the pure functions,
// a newer request supersedes an older one (in the worker or in place), and an
// aborted one rejects.
import { afterEach, describe, expect, it } from 'vitest';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import { generateGraph } from '../../scripts/generate-graph.ts';
import { analyseVisible, terminateIdleCentralityWorker } from '../../src/io/centrality-runner.ts';
import { analyseNetwork, networkInputOf } from '../../src/model/centrality.ts';
import { DEFAULT_FILTERS, visibleSubgraph } from '../../src/model/filter.ts';
import type { Graph } from '../../src/model/graph.ts';

const shipped = JSON.parse(shippedGraphText) as Graph;

afterEach(() => terminateIdleCentralityWorker());

describe('analyseVisible', () => {
  it('computes in the worker what the pure functions compute, for the shipped graph', async () => {
    const visible = visibleSubgraph(shipped, DEFAULT_FILTERS);
    const fromWorker = await analyseVisible(shipped, visible, { inWorker: true });
    expect(fromWorker).toEqual(analyseNetwork(networkInputOf(shipped, visible)));
    expect(fromWorker.centrality.actors).toHaveLength(visible.actorIds.size);
    expect(fromWorker.communities.count).toBeGreaterThan(1);
  });

  it('computes a 1,000-actor graph in the worker, the same as in place, and a filter changes the answer', async () => {
    const graph = generateGraph(1000, 2);
    const visible = visibleSubgraph(graph, DEFAULT_FILTERS);
    const fromWorker = await analyseVisible(graph, visible);
    expect(fromWorker).toEqual(analyseNetwork(networkInputOf(graph, visible)));
    const narrower = visibleSubgraph(graph, { ...DEFAULT_FILTERS, hiddenRelationTypes: ['accused', 'denied'] });
    const filtered = await analyseVisible(graph, narrower);
    expect(filtered.centrality.relations).toBe(narrower.relationIds.size);
    expect(filtered.centrality.relations).toBeLessThan(fromWorker.centrality.relations);
  });

  it('a newer request supersedes one still running: the older rejects with an AbortError', async () => {
    const graph = generateGraph(1500, 4);
    const visible = visibleSubgraph(graph, DEFAULT_FILTERS);
    const older = analyseVisible(graph, visible);
    const newer = analyseVisible(shipped, visibleSubgraph(shipped, DEFAULT_FILTERS), { inWorker: true });
    await expect(older).rejects.toMatchObject({ name: 'AbortError' });
    expect((await newer).centrality.actors.length).toBe(visibleSubgraph(shipped, DEFAULT_FILTERS).actorIds.size);
  });

  it('small graphs are computed in place, and there too only the latest request is answered', async () => {
    const graph = generateGraph(1500, 4);
    const inWorker = analyseVisible(graph, visibleSubgraph(graph, DEFAULT_FILTERS));
    const visible = visibleSubgraph(shipped, DEFAULT_FILTERS);
    const first = analyseVisible(shipped, visible);
    const second = analyseVisible(shipped, visible);
    await expect(inWorker).rejects.toMatchObject({ name: 'AbortError' });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(await second).toEqual(analyseNetwork(networkInputOf(shipped, visible)));
  });

  it('an aborted request rejects with an AbortError, and the next one still works', async () => {
    const graph = generateGraph(1500, 4);
    const visible = visibleSubgraph(graph, DEFAULT_FILTERS);
    const controller = new AbortController();
    const running = analyseVisible(graph, visible, { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    await expect(analyseVisible(graph, visible, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const small = visibleSubgraph(shipped, DEFAULT_FILTERS);
    expect((await analyseVisible(shipped, small)).centrality.actors).toHaveLength(small.actorIds.size);
  });
});
