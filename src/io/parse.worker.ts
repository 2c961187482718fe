// Decodes and validates a graph file in a Web Worker, so that a huge or
// hostile file never freezes the page: one message in (the file's bytes, and
// the texts of archived sources to check quotes against), progress messages
// and one result out.

import { archiveTextFrom, type ParsePhase, type ParseResult, parseGraphBytes } from '../model/validate.ts';

export interface ParseWorkerRequest {
  bytes: ArrayBuffer;
  /** Archive file name -> text; when given, every quote is checked against its source's archive. */
  archives?: Record<string, string>;
}

export type ParseWorkerMessage = { type: 'progress'; phase: ParsePhase } | { type: 'done'; result: ParseResult };

interface WorkerScope {
  onmessage: ((event: MessageEvent<ParseWorkerRequest>) => void) | null;
  postMessage(message: ParseWorkerMessage): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const { bytes, archives } = event.data;
  const result = parseGraphBytes(new Uint8Array(bytes), {
    onProgress: (phase) => scope.postMessage({ type: 'progress', phase }),
    ...(archives === undefined ? {} : { archiveText: archiveTextFrom(archives) }),
  });
  scope.postMessage({ type: 'done', result });
};
