// Runs the XLSX reader (xlsx.worker.ts) off the main thread, one worker per
// workbook; where there are no workers (Node, in tests) it reads in place.

import type { XlsxReadResult } from './xlsx.ts';
import type { XlsxWorkerRequest } from './xlsx.worker.ts';

/** Reads a workbook's sheets in a worker; the bytes are transferred to it. */
export async function readXlsxOffThread(bytes: ArrayBuffer): Promise<XlsxReadResult> {
  if (typeof Worker === 'undefined') return (await import('./xlsx.ts')).readXlsx(bytes);
  const worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module', name: 'xlsx' });
  return new Promise<XlsxReadResult>((resolve) => {
    worker.onmessage = (event: MessageEvent<XlsxReadResult>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ ok: false, message: `This workbook cannot be read: ${event.message || 'the reader stopped'}.` });
    };
    const request: XlsxWorkerRequest = { bytes };
    worker.postMessage(request, [bytes]);
  });
}
