// A workbook chosen for import is read off the main thread: unpacking and
// building every cell of a big workbook takes seconds, and the page must stay
// responsive meanwhile.
import { expect, it } from 'vitest';
import { readSheetFiles } from '../../src/io/sheet-files.ts';
import { writeXlsx } from '../../src/io/xlsx.ts';

it('an imported workbook is read in a worker of its own, and its sheets come back as text', async () => {
  const rows = [['id', 'label'], ...Array.from({ length: 2_000 }, (_, i) => [`actor-${i}`, `Actor ${i}`])];
  const bytes = await writeXlsx([{ name: 'actors', rows }]);
  const started: string[] = [];
  const RealWorker = window.Worker;
  window.Worker = class extends RealWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      started.push(options?.name ?? '');
    }
  };
  try {
    const read = await readSheetFiles([new File([bytes as BlobPart], 'actors.xlsx')]);
    expect(read.ok && read.sheets).toEqual([{ name: 'actors', rows }]);
  } finally {
    window.Worker = RealWorker;
  }
  expect(started).toEqual(['xlsx']);
});
