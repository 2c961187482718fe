// Runs the parse worker (parse.worker.ts): one worker per file, terminated
// when the file is done or when another file is opened instead (a
// synchronous parse cannot be interrupted any other way).

import type { ParsePhase, ParseResult } from '../model/validate.ts';
import type { ParseWorkerMessage, ParseWorkerRequest } from './parse.worker.ts';

export interface ParseOptionsInWorker {
  signal?: AbortSignal;
  onProgress?: (phase: ParsePhase) => void;
}

function abortError(): DOMException {
  return new DOMException('The file was not checked: another was opened', 'AbortError');
}

/** Decodes and validates a graph file's bytes off the main thread. */
export function parseInWorker(bytes: ArrayBuffer, options: ParseOptionsInWorker = {}): Promise<ParseResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'parse' });
  return new Promise<ParseResult>((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    worker.onmessage = (event: MessageEvent<ParseWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress?.(message.phase);
        return;
      }
      finish();
      resolve(message.result);
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`the file could not be checked: ${event.message || 'the checker stopped'}`));
    };
    worker.onmessageerror = () => {
      finish();
      reject(new Error('the file could not be checked: its result could not be read back'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const request: ParseWorkerRequest = { bytes };
    worker.postMessage(request, [bytes]);
  });
}
