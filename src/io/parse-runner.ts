// Runs the parse worker (parse.worker.ts). One warm worker is kept between
// files (validation code loaded and compiled), started early with
// prewarmParseWorker; a check that is aborted because another file was opened
// terminates its worker (a synchronous parse cannot be interrupted any other
// way), and the next check starts a new one.

import type { ParsePhase, ParseResult } from '../model/validate.ts';
import type { ParseWorkerMessage, ParseWorkerRequest } from './parse.worker.ts';
import { ResultAssembler } from './result-pieces.ts';

export interface ParseOptionsInWorker {
  signal?: AbortSignal;
  onProgress?: (phase: ParsePhase) => void;
  /**
   * Texts of archived sources by file name (the `archive` field of a source): every
   * quote is then checked against its source's archive, as `--sources` does.
   */
  archives?: Record<string, string>;
}

let idleWorker: Worker | null = null;

function createWorker(): Worker {
  return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'parse' });
}

/** Starts the worker ahead of the first file, so loading it overlaps the app's own start-up. */
export function prewarmParseWorker(): void {
  idleWorker ??= createWorker();
}

function abortError(): DOMException {
  return new DOMException('The file was not checked: another was opened', 'AbortError');
}

/**
 * Decodes and validates a graph file's bytes off the main thread. The bytes are
 * transferred to the worker; the archives' texts, if any, are copied.
 */
export function parseInWorker(bytes: ArrayBuffer, options: ParseOptionsInWorker = {}): Promise<ParseResult> {
  const { signal, onProgress, archives } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  const worker = idleWorker ?? createWorker();
  idleWorker = null;
  return new Promise<ParseResult>((resolve, reject) => {
    const assembler = new ResultAssembler();
    const finish = (keepWorker: boolean) => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      signal?.removeEventListener('abort', onAbort);
      if (keepWorker && idleWorker === null) idleWorker = worker;
      else worker.terminate();
    };
    const onAbort = () => {
      finish(false);
      reject(abortError());
    };
    worker.onmessage = (event: MessageEvent<ParseWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress?.(message.phase);
        return;
      }
      if (message.type === 'items') {
        assembler.add(message);
        return;
      }
      finish(true);
      resolve(assembler.finish(message.result));
    };
    worker.onerror = (event) => {
      finish(false);
      reject(new Error(`the file could not be checked: ${event.message || 'the checker stopped'}`));
    };
    worker.onmessageerror = () => {
      finish(false);
      reject(new Error('the file could not be checked: its result could not be read back'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const request: ParseWorkerRequest = archives === undefined ? { bytes } : { bytes, archives };
    worker.postMessage(request, [bytes]);
  });
}
