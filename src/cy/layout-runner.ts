// Runs a layout in a Web Worker so the page never freezes; one worker per run
// (a run can be aborted by terminating its worker).
import { fcoseOptions, type LayoutEdge, type LayoutNode, type Positions } from './layout.ts';
import type { LayoutWorkerRequest, LayoutWorkerResponse } from './layout.worker.ts';

export type { LayoutEdge, LayoutNode, Positions };

export interface LayoutRequest {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  seed: number;
  /** false: start from the given x/y (incremental re-layout) */
  randomize: boolean;
}

export function runLayout(request: LayoutRequest, signal?: AbortSignal): Promise<Positions> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The layout was aborted', 'AbortError'));
      return;
    }
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('The layout was aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<LayoutWorkerResponse>) => {
      finish();
      if (event.data.ok) resolve(event.data.positions);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'The layout worker failed'));
    };
    const message: LayoutWorkerRequest = { ...request, fcose: fcoseOptions(request.nodes.length, request.randomize) };
    worker.postMessage(message);
  });
}
