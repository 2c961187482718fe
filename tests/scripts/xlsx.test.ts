// XLSX workbooks in and out (src/io/xlsx.ts), in Node: what an analyst types
// comes back exactly, what Excel saves reads as the text it shows, and a bad
// or hostile file is a message, not a hang. (src/io is not pure, so not tests/model.)
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, worksheetNames, writeXlsx } from '../../src/io/xlsx.ts';
import type { Sheet } from '../../src/model/sheet.ts';

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function readOk(bytes: Uint8Array) {
  const result = await readXlsx(bytes);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('an XLSX export read back', () => {
  it('gives back every cell exactly, formulas, leading zeros and dates-as-text included', async () => {
    const sheets: Sheet[] = [
      {
        name: 'actors',
        rows: [
          ['id', 'label', 'note', 'date'],
          ['=1+1', '+98 21 555', '-5', '@home'],
          ['007', '2021-11', 'TRUE', '1e5'],
          ['x'.repeat(10_000), 'Kadhimi الكاظمي 🇮🇶', 'line one\nline two', ''],
          ['', 'middle', '', 'end'],
          ['  spaced  ', '', '', ''],
          ['\t tab', '3.0', '0.1', "'quoted"],
        ],
      },
      {
        name: 'relations',
        rows: [
          ['from', 'to'],
          ['a', 'b'],
        ],
      },
      { name: 'empty', rows: [] },
    ];
    const result = await readOk(await writeXlsx(sheets));
    expect(result.sheets).toEqual(sheets);
    expect(result.warnings).toEqual([]);
  });

  it('names worksheets as Excel allows: no []:*?/\\, at most 31 characters, each name once', () => {
    const names = worksheetNames(['a/b', 'a:b', 'x'.repeat(40), 'x'.repeat(40), 'A', 'a', '', "'q'", 'History']);
    expect(names).toEqual([
      'a_b',
      'a_b (2)',
      'x'.repeat(31),
      `${'x'.repeat(27)} (2)`,
      'A',
      'a (2)',
      'Sheet',
      'q',
      'History_',
    ]);
    for (const name of names) expect([...name].length).toBeLessThanOrEqual(31);
  });

  it('opens in Excel with a bold, frozen header, text-formatted cells and columns sized to their content', async () => {
    const bytes = await writeXlsx([
      {
        name: 'a/b',
        rows: [
          ['id', 'label'],
          ['=1+1', 'y'.repeat(200)],
        ],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const worksheet = workbook.worksheets[0]!;
    expect(worksheet.name).toBe('a_b');
    expect(worksheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(worksheet.getCell('A1').font?.bold).toBe(true);
    expect(worksheet.getCell('A2').numFmt).toBe('@');
    expect(worksheet.getCell('A2').formula).toBeUndefined();
    expect(worksheet.getCell('A2').value).toBe('=1+1');
    expect(worksheet.getColumn(1).width).toBe(8);
    expect(worksheet.getColumn(2).width).toBe(60);
  });
});

describe('a workbook saved by a spreadsheet program', () => {
  it('reads numbers, dates, booleans, formula results, rich text and merged cells as the text shown', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('actors');
      sheet.addRow(['n', 'float', 'big', 'day', 'time', 'flag', 'formula', 'rich', 'link']);
      sheet.addRow([
        3,
        0.1 + 0.2,
        1234567890123,
        new Date(Date.UTC(2021, 10, 3)),
        new Date(Date.UTC(2021, 10, 3, 14, 30)),
        true,
        { formula: 'A2*2', result: 6 },
        { richText: [{ text: 'Qa', font: { bold: true } }, { text: 'ani' }] },
        { text: 'source', hyperlink: 'https://example.org' },
      ]);
      sheet.addRow(['merged', null, null, false, { formula: 'NOW()' }, { formula: 'A1', result: 'n' }]);
      sheet.mergeCells('A3:C3');
      sheet.getCell('K9').value = null;
    });
    const result = await readOk(bytes);
    expect(result.sheets).toEqual([
      {
        name: 'actors',
        rows: [
          ['n', 'float', 'big', 'day', 'time', 'flag', 'formula', 'rich', 'link'],
          ['3', '0.3', '1234567890123', '2021-11-03', '2021-11-03T14:30', 'true', '6', 'Qaani', 'source'],
          ['merged', '', '', 'false', '', 'n', '', '', ''],
        ],
      },
    ]);
    expect(result.warnings).toEqual([expect.stringMatching(/^actors:E3: a formula with no saved result/)]);
  });

  it('trims empty rows and columns at the ends and pads short rows', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('s');
      sheet.getCell('A1').value = 'a';
      sheet.getCell('C2').value = 'c';
      sheet.getCell('F10').value = '';
      sheet.getCell('G12').font = { bold: true };
    });
    expect((await readOk(bytes)).sheets).toEqual([
      {
        name: 's',
        rows: [
          ['a', '', ''],
          ['', '', 'c'],
        ],
      },
    ]);
  });
});

describe('a file that is not a workbook, or is too large', () => {
  it.each([
    ['a CSV file', 'id,label\nqaani,Qaani\n', /text \(perhaps CSV\)/],
    ['a JSON graph', '{ "actors": [] }', /JSON, not an XLSX workbook: open it as a graph file/],
    ['an empty file', '', /not an XLSX workbook/],
  ])('%s renamed .xlsx is refused with what the explorer opens', async (_, text, reason) => {
    const result = await readXlsx(new TextEncoder().encode(text));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(reason);
    expect(result.message).toContain('XLSX workbooks (.xlsx');
    expect(result.message).toContain('CSV files (.csv)');
  });

  it('an old .xls workbook is told to be saved as XLSX', async () => {
    const result = await readXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/older Excel workbook \(\.xls\)/) });
  });

  it('a ZIP that is not a workbook, and a cut-short workbook, are refused', async () => {
    const bytes = await writeXlsx([{ name: 's', rows: [['a']] }]);
    const cut = await readXlsx(bytes.subarray(0, bytes.length - 100));
    expect(cut).toMatchObject({ ok: false, message: expect.stringMatching(/^This workbook cannot be read/) });
  });

  it('a file over the size limit is refused before it is opened', async () => {
    const bytes = await writeXlsx([{ name: 's', rows: [['a']] }]);
    const result = await readXlsx(bytes, { fileBytes: 1000 });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/opens workbooks up to 0\.0 MB/) });
  });

  it('too many rows or cells stop the reading with a clear message', async () => {
    const rows = Array.from({ length: 50 }, (_, index) => [`r${index}`, 'x', 'y']);
    const bytes = await writeXlsx([{ name: 's', rows }]);
    expect(await readXlsx(bytes, { rows: 49 })).toEqual({
      ok: false,
      message: 'This workbook is too large for the explorer: it has more than 49 rows.',
    });
    expect(await readXlsx(bytes, { cells: 120 })).toMatchObject({ message: /more than 120 cells/ });
    expect(await readXlsx(bytes, { rows: 50, cells: 150 })).toMatchObject({ ok: true });
  });

  it('a zip bomb (small, unpacking to far more than the limit) is refused without unpacking it all', async () => {
    // 64 MB of spaces packed into well under 1 MB, against a 16 MB limit: refused on its declared size,
    // and again when its declared sizes lie (only the streamed unpacking catches that).
    const huge = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const bytes = await writeXlsx([{ name: 's', rows: [['a']] }]);
    // JSZip is what exceljs packs and unpacks with.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    zip.file('xl/media/bomb.bin', huge);
    const bomb = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    expect(await readXlsx(bomb, { unzippedBytes: 16 * 1024 * 1024 })).toMatchObject({
      message: /unpacks to more than 16 MB/,
    });
    const lying = lieAboutSizes(bomb);
    expect(await readXlsx(lying, { unzippedBytes: 16 * 1024 * 1024 })).toMatchObject({
      message: /unpacks to more than 16 MB/,
    });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

/** The same ZIP with every entry's uncompressed size in the central directory set to 1 byte. */
function lieAboutSizes(zip: Uint8Array): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 46 <= copy.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 1, true);
  }
  return copy;
}

it('prints how long a 5,000-row sheet takes to write and read', async () => {
  const rows = [['id', 'label', 'kind', 'aliases', 'note']];
  for (let index = 0; index < 5000; index++) {
    rows.push([`actor-${index}`, `Actor ${index}`, 'person', `a${index}|b${index}`, `note ${index} `.repeat(5)]);
  }
  let started = performance.now();
  const bytes = await writeXlsx([{ name: 'actors', rows }]);
  const written = performance.now() - started;
  started = performance.now();
  const result = await readOk(bytes);
  const read = performance.now() - started;
  console.log(
    `5,000 rows x 5 columns: write ${written.toFixed(0)} ms, read ${read.toFixed(0)} ms, ${bytes.length} bytes`,
  );
  expect(result.sheets[0]?.rows).toEqual(rows);
});
