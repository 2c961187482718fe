// The shipped graph through the spreadsheet files the explorer writes and reads:
// an XLSX workbook and a ZIP of CSV files give back the same graph, byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSheetFiles, sheetsToCsvZip, sheetsToXlsx } from '../../src/io/sheet-files.ts';
import { graphToJson } from '../../src/model/graph-json.ts';
import { graphToSheets, sheetsToGraph } from '../../src/model/sheets.ts';
import { parseGraph } from '../../src/model/validate.ts';

const SHIPPED_TEXT = readFileSync(join(import.meta.dirname, '..', '..', 'graph', 'kadhimi-2021.json'), 'utf8');
const parsed = parseGraph(SHIPPED_TEXT);
if (!parsed.ok) throw new Error('the shipped graph does not parse');
const shipped = parsed.graph;

async function backToGraph(file: File) {
  const read = await readSheetFiles([file]);
  if (!read.ok) throw new Error(read.message);
  const result = sheetsToGraph(read.sheets, read.fileNames);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.place} ${p.message}`).join('\n'));
  return result.graph;
}

describe('the shipped graph as spreadsheet files, read back', () => {
  it('as an XLSX workbook: the same graph, and the same file when saved', { timeout: 30_000 }, async () => {
    const bytes = await sheetsToXlsx(graphToSheets(shipped));
    const graph = await backToGraph(new File([bytes as BlobPart], 'kadhimi-2021.xlsx'));
    expect(graph).toEqual(shipped);
    expect(graphToJson(graph)).toBe(SHIPPED_TEXT);
  });

  it('as a ZIP of CSV files, one per sheet: the same graph, and the same file when saved', async () => {
    const zip = sheetsToCsvZip(graphToSheets(shipped));
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(
      graphToSheets(shipped)
        .map((s) => `${s.name}.csv`)
        .sort(),
    );
    const graph = await backToGraph(new File([zip as BlobPart], 'kadhimi-2021.zip'));
    expect(graphToJson(graph)).toBe(SHIPPED_TEXT);
  });

  it('CSV files chosen together are sheets named after them', async () => {
    const files = graphToSheets(shipped).map((sheet) => {
      const zip = unzipSync(sheetsToCsvZip([sheet]));
      return new File([Object.values(zip)[0] as BlobPart], `${sheet.name}.csv`);
    });
    const read = await readSheetFiles(files);
    expect(read.ok && read.fileNames.actors).toBe('actors.csv');
    if (!read.ok) return;
    const result = sheetsToGraph(read.sheets, read.fileNames);
    expect(result.ok && graphToJson(result.graph)).toBe(SHIPPED_TEXT);
  });

  it('a file that is not a spreadsheet, or a ZIP without CSV, gets a message that says what is accepted', async () => {
    const json = await readSheetFiles([new File([SHIPPED_TEXT], 'kadhimi-2021.json')]);
    expect(json).toEqual({
      ok: false,
      message:
        'kadhimi-2021.json: the explorer imports .csv files (one per sheet, named after it), a .zip of them, ' +
        'or an .xlsx workbook',
    });
    const empty = await readSheetFiles([new File([zipSync({ 'notes.txt': strToU8('hello') }) as BlobPart], 'x.zip')]);
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.message).toContain('x.zip holds no .csv file');
  });

  it('a ZIP that unpacks to more than the limit (200 MB) is refused before it is unpacked', async () => {
    // 3 MB of zeros deflate to a few kB: the declared size is over a 2 MB limit, and nothing is inflated.
    const bomb = zipSync({ 'actors.csv': new Uint8Array(3 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    const read = await readSheetFiles([new File([bomb as BlobPart], 'bomb.zip')], {
      maxUnzippedBytes: 2 * 1024 * 1024,
    });
    expect(read).toEqual({ ok: false, message: 'bomb.zip could not be unpacked: it unpacks to over 2.0 MB' });
  });
});
