// Decodes and validates a graph file in a Web Worker, so that a huge or
// hostile file never freezes the page: one message in (the file's bytes),
// progress messages and one result out.

import { type ParsePhase, type ParseResult, parseGraphBytes } from '../model/validate.ts';

export interface ParseWorkerRequest {
  bytes: ArrayBuffer;
}

export type ParseWorkerMessage = { type: 'progress'; phase: ParsePhase } | { type: 'done'; result: ParseResult };

interface WorkerScope {
  onmessage: ((event: MessageEvent<ParseWorkerRequest>) => void) | null;
  postMessage(message: ParseWorkerMessage): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const result = parseGraphBytes(new Uint8Array(event.data.bytes), {
    onProgress: (phase) => scope.postMessage({ type: 'progress', phase }),
  });
  scope.postMessage({ type: 'done', result });
};
