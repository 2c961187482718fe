// Runs the centrality worker (centrality.worker.ts). One warm worker is kept
// between requests. Only the latest request matters (the filters have moved
// on): a new request supersedes the one still running, whose promise rejects
// with an AbortError and whose worker is terminated (a synchronous Brandes
// run cannot be interrupted any other way); the new one gets a fresh worker.
// Small visible graphs are computed in place: a few milliseconds, less than a
// round trip to the worker. Where there are no workers (Node) everything is.
// In place, the measures' code (graphology) is loaded on first use, so that
// the page's own bundle does not carry it.

import { type NetworkAnalysis, type NetworkInput, networkInputOf } from '../model/centrality-results.ts';
import type { VisibleSubgraph } from '../model/filter.ts';
import type { Graph } from '../model/graph.ts';
import type { CentralityWorkerRequest, CentralityWorkerResponse } from './centrality.worker.ts';

/** Below this many visible actors the measures are computed on the main thread (under 20 ms). */
export const IN_PLACE_BELOW_ACTORS = 200;

export interface AnalyseOptions {
  signal?: AbortSignal;
  /** Always in the worker, however small the graph (tests and benches). */
  inWorker?: boolean;
}

let idleWorker: Worker | null = null;
/** The request running in a worker now: a newer one supersedes it. */
let running: { supersede: () => void } | null = null;

function createWorker(): Worker {
  return new Worker(new URL('./centrality.worker.ts', import.meta.url), { type: 'module', name: 'centrality' });
}

/** Starts the worker ahead of the first request, so loading graphology in it overlaps the app's own start-up. */
export function prewarmCentralityWorker(): void {
  if (typeof Worker !== 'undefined') idleWorker ??= createWorker();
}

/** Ends the warm worker kept between requests (a later request starts a new one). For tests and benches. */
export function terminateIdleCentralityWorker(): void {
  idleWorker?.terminate();
  idleWorker = null;
}

function abortError(why: string): DOMException {
  return new DOMException(why, 'AbortError');
}

/**
 * The measures and communities of the visible part of the graph. Only the
 * actor ids and each visible relation's ends and direction are sent to the
 * worker (typed arrays, transferred), never the evidence.
 */
export function analyseVisible(
  graph: Graph,
  visible: VisibleSubgraph,
  options: AnalyseOptions = {},
): Promise<NetworkAnalysis> {
  running?.supersede();
  running = null;
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortError('The measures were not computed: the request was aborted'));
  const input = networkInputOf(graph, visible);
  const inPlace = typeof Worker === 'undefined' || (!options.inWorker && input.actorIds.length < IN_PLACE_BELOW_ACTORS);
  if (inPlace) return analyseInPlace(input, signal);
  return analyseInWorker(input, signal);
}

async function analyseInPlace(input: NetworkInput, signal: AbortSignal | undefined): Promise<NetworkAnalysis> {
  let superseded = false;
  const request = {
    supersede: () => {
      superseded = true;
    },
  };
  running = request;
  const { analyseNetwork } = await import('../model/centrality.ts');
  if (running === request) running = null;
  // A newer request, or an abort, while the code loaded: this one's answer is no longer wanted.
  if (superseded) throw abortError('The measures were not computed: a newer request replaced this one');
  if (signal?.aborted) throw abortError('The measures were not computed: the request was aborted');
  return analyseNetwork(input);
}

function analyseInWorker(input: NetworkInput, signal: AbortSignal | undefined): Promise<NetworkAnalysis> {
  const worker = idleWorker ?? createWorker();
  idleWorker = null;
  return new Promise<NetworkAnalysis>((resolve, reject) => {
    const finish = (keepWorker: boolean) => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      signal?.removeEventListener('abort', onAbort);
      if (running === request) running = null;
      if (keepWorker && idleWorker === null) idleWorker = worker;
      else worker.terminate();
    };
    const stop = (why: string) => {
      finish(false);
      reject(abortError(why));
    };
    const onAbort = () => stop('The measures were not computed: the request was aborted');
    const request = { supersede: () => stop('The measures were not computed: a newer request replaced this one') };
    running = request;
    worker.onmessage = (event: MessageEvent<CentralityWorkerResponse>) => {
      finish(true);
      const response = event.data;
      if (response.ok) resolve(response.analysis);
      else reject(new Error(`the measures could not be computed: ${response.message}`));
    };
    worker.onerror = (event) => {
      finish(false);
      reject(new Error(`the measures could not be computed: ${event.message || 'the worker stopped'}`));
    };
    worker.onmessageerror = () => {
      finish(false);
      reject(new Error('the measures could not be computed: the result could not be read back'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const message: CentralityWorkerRequest = { input };
    worker.postMessage(message, [input.from.buffer, input.to.buffer, input.directed.buffer]);
  });
}
