// Computes the centrality measures and communities of the visible part of a
// graph in a Web Worker, so that betweenness on thousands of actors (seconds)
// never freezes the page. Started by centrality-runner.ts; one message in
// (the compact NetworkInput: actor ids and relation ends), one out.

import { analyseNetwork, type NetworkAnalysis, type NetworkInput } from '../model/centrality.ts';

export interface CentralityWorkerRequest {
  input: NetworkInput;
}

export type CentralityWorkerResponse = { ok: true; analysis: NetworkAnalysis } | { ok: false; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<CentralityWorkerRequest>) => void) | null;
  postMessage(message: CentralityWorkerResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  try {
    scope.postMessage({ ok: true, analysis: analyseNetwork(event.data.input) });
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
