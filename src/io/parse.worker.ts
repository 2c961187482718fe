// Decodes and validates a graph file in a Web Worker, so that a huge or
// hostile file never freezes the page: one message in (the file's bytes, and
// the texts of archived sources to check quotes against), progress messages,
// the graph's actors and relations in pieces (result-pieces.ts) and the result out.

import { archiveTextFrom, type ParsePhase, type ParseResult, parseGraphBytes } from '../model/validate.ts';
import { type ResultPiece, splitResult } from './result-pieces.ts';

export interface ParseWorkerRequest {
  bytes: ArrayBuffer;
  /** Archive file name -> text; when given, every quote is checked against its source's archive. */
  archives?: Record<string, string>;
}

export type ParseWorkerMessage =
  | { type: 'progress'; phase: ParsePhase }
  | ResultPiece
  // The result, its actors and relations left empty: they came in the pieces before it.
  | { type: 'done'; result: ParseResult };

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
  const { pieces, rest } = splitResult(result);
  for (const piece of pieces) scope.postMessage(piece);
  scope.postMessage({ type: 'done', result: rest });
};
