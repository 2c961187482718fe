// Runs the fcose layout in a Web Worker (layout.worker.ts), so the page never
// freezes, however large the graph. One warm worker is kept between runs (it
// has Cytoscape and fcose loaded and compiled); a run that starts while another
// is going gets a worker of its own; an aborted run's worker is terminated.

import { fcoseOptions, type LayoutRequest, type Positions } from './layout.ts';
import type { LayoutTimings, LayoutWorkerRequest, LayoutWorkerResponse } from './layout.worker.ts';

export type { LayoutEdge, LayoutNode, LayoutRequest, Positions } from './layout.ts';
export type { LayoutTimings } from './layout.worker.ts';

/** Positions of every node: the centre of its box. Same request, same positions. */
export function runLayout(request: LayoutRequest, signal?: AbortSignal): Promise<Positions> {
  return runLayoutMeasured(request, {}, signal).then((result) => result.positions);
}

export interface LayoutVariant {
  /** fcose options to use instead of fcoseOptions() (benches compare variants). */
  fcose?: Record<string, unknown>;
  /** true: fcose alone, without the worker's pre- and post-processing. */
  plain?: boolean;
}

export interface MeasuredLayout {
  positions: Positions;
  /** inside the worker; `totalMs` is the whole round trip seen by the page */
  timings: LayoutTimings & { totalMs: number; coldWorker: boolean };
}

let idleWorker: Worker | null = null;

function createWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' });
}

/** Starts the worker ahead of the first layout, so loading Cytoscape in it overlaps the app's own start-up. */
export function prewarmLayoutWorker(): void {
  idleWorker ??= createWorker();
}

/** Ends the warm worker kept between runs (a later run starts a new one). For tests and benches. */
export function terminateIdleLayoutWorker(): void {
  idleWorker?.terminate();
  idleWorker = null;
}

function abortError(): DOMException {
  return new DOMException('The layout was aborted', 'AbortError');
}

/** runLayout with a choice of fcose options, and how long each step took. */
export function runLayoutMeasured(
  request: LayoutRequest,
  variant: LayoutVariant = {},
  signal?: AbortSignal,
): Promise<MeasuredLayout> {
  if (signal?.aborted) return Promise.reject(abortError());
  const started = performance.now();
  const coldWorker = idleWorker === null;
  const worker = idleWorker ?? createWorker();
  idleWorker = null;
  const message: LayoutWorkerRequest = {
    ...request,
    fcose: variant.fcose ?? fcoseOptions(request.nodes.length, request.randomize, request.nodes),
    plain: variant.plain === true,
  };

  return new Promise<MeasuredLayout>((resolve, reject) => {
    const finish = (keepWorker: boolean) => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onError);
      signal?.removeEventListener('abort', onAbort);
      if (keepWorker && idleWorker === null) idleWorker = worker;
      else worker.terminate();
    };
    const onMessage = (event: MessageEvent<LayoutWorkerResponse>) => {
      finish(true);
      const response = event.data;
      if (response.ok) {
        resolve({
          positions: response.positions,
          timings: { ...response.timings, totalMs: performance.now() - started, coldWorker },
        });
      } else {
        reject(new Error(`layout failed: ${response.message}`));
      }
    };
    const onError = (event: Event) => {
      finish(false);
      const detail = event instanceof ErrorEvent ? event.message : event.type;
      reject(new Error(`layout worker failed: ${detail}`));
    };
    const onAbort = () => {
      // Terminating is the only way to stop a synchronous fcose run.
      finish(false);
      reject(abortError());
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.postMessage(message);
  });
}
