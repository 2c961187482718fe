// Reads an XLSX workbook in a Web Worker: unpacking and building thousands of
// cells takes seconds on a big workbook, and the page must stay responsive.
// One message in (the bytes), one result out.

import { readXlsx, type XlsxReadResult } from './xlsx.ts';

export interface XlsxWorkerRequest {
  bytes: ArrayBuffer;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<XlsxWorkerRequest>) => void) | null;
  postMessage(message: XlsxReadResult): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = async (event) => {
  try {
    scope.postMessage(await readXlsx(event.data.bytes));
  } catch (error) {
    scope.postMessage({
      ok: false,
      message: `This workbook cannot be read: ${error instanceof Error ? error.message : error}.`,
    });
  }
};
