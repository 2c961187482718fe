// XLSX workbooks in and out, as the sheets of src/model/sheet.ts: every cell is
// text. exceljs is loaded on first use only (it is close to 1 MB). Written cells
// are strings in text-formatted columns, so "007", "2021-11" or "=1+1" stay what
// they are in Excel; read cells become the text a reader sees, formulas their
// saved result (nothing is ever calculated). A file is looked into by
// zip-guard.ts before exceljs opens it, because exceljs inflates it whole.

import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import { MAX_SHEET_FILE_BYTES } from '../model/limits.ts';
import { columnLetters, type Sheet } from '../model/sheet.ts';
import { guardZip } from './zip-guard.ts';

export const XLSX_LIMITS = {
  /** Refused before anything is unpacked, as graph files are. */
  fileBytes: MAX_SHEET_FILE_BYTES,
  /** The parts of the workbook, unpacked: a zip bomb stops here. */
  unzippedBytes: 200 * 1024 * 1024,
  entries: 10_000,
  /** In all sheets together. */
  rows: 200_000,
  cells: 2_000_000,
} as const;

export type XlsxLimits = { [K in keyof typeof XLSX_LIMITS]: number };

export type XlsxReadResult = { ok: true; sheets: Sheet[]; warnings: string[] } | { ok: false; message: string };

/** What the explorer opens, for a file it cannot. */
const ACCEPTED =
  'The explorer opens graph files (.json) and spreadsheets: XLSX workbooks (.xlsx, as Excel, LibreOffice ' +
  'and Google Sheets save them) or CSV files (.csv).';

/** Columns are as wide as their longest line, within these (in characters). */
const MIN_COLUMN_WIDTH = 8;
const MAX_COLUMN_WIDTH = 60;
const SHEET_NAME_LENGTH = 31;

async function loadExcelJs(): Promise<typeof import('exceljs')> {
  // The package's "browser" field sends Vite to its browser build; Node gets the CommonJS one.
  return (await import('exceljs')).default;
}

/**
 * Sheet names Excel accepts, in order, unique regardless of case: none of []:*?/\, at most 31
 * characters, not starting or ending with an apostrophe, not empty, not "History" (reserved).
 */
export function worksheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let base = name
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim();
    if (base === '' || base.toLowerCase() === 'history') base = base === '' ? 'Sheet' : `${base}_`;
    let candidate = [...base].slice(0, SHEET_NAME_LENGTH).join('');
    for (let copy = 2; taken.has(candidate.toLowerCase()); copy++) {
      const suffix = ` (${copy})`;
      candidate =
        [...base]
          .slice(0, SHEET_NAME_LENGTH - suffix.length)
          .join('')
          .trimEnd() + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

function columnWidth(rows: readonly string[][], column: number): number {
  let longest = 0;
  for (const row of rows) {
    for (const line of (row[column] ?? '').split('\n')) {
      longest = Math.max(longest, line.length);
      if (longest >= MAX_COLUMN_WIDTH) return MAX_COLUMN_WIDTH;
    }
  }
  return Math.max(MIN_COLUMN_WIDTH, longest + 2);
}

/**
 * An XLSX workbook with one worksheet per sheet: header row bold and frozen, every cell a string in
 * a text-formatted column. Excel keeps line breaks as "\n": a "\r\n" in a cell is read back as "\n",
 * and control characters other than tab and line breaks (not allowed in XML) are dropped by exceljs.
 */
export async function writeXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const names = worksheetNames(sheets.map((sheet) => sheet.name));
  sheets.forEach((sheet, index) => {
    const worksheet = workbook.addWorksheet(names[index], {
      views: sheet.rows.length > 0 ? [{ state: 'frozen', ySplit: 1 }] : [],
    });
    const width = Math.max(0, ...sheet.rows.map((row) => row.length));
    for (let column = 0; column < width; column++) {
      const sheetColumn = worksheet.getColumn(column + 1);
      sheetColumn.width = columnWidth(sheet.rows, column);
      // Text format: what the analyst types there later stays text too.
      sheetColumn.numFmt = '@';
    }
    sheet.rows.forEach((row, rowIndex) => {
      const sheetRow = worksheet.getRow(rowIndex + 1);
      row.forEach((text, column) => {
        if (text === '') return;
        const cell = sheetRow.getCell(column + 1);
        // A string is a string value in exceljs, never a formula (that takes { formula }).
        cell.value = text;
        cell.numFmt = '@';
        if (rowIndex === 0) cell.font = { bold: true };
      });
    });
  });
  const written = await workbook.xlsx.writeBuffer();
  return ArrayBuffer.isView(written)
    ? new Uint8Array(written.buffer, written.byteOffset, written.byteLength).slice()
    : new Uint8Array(written as ArrayBuffer);
}

/** The shortest text for a number, without binary noise: 0.1 + 0.2 is "0.3", 3 is "3". */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(15));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** "2021-11-03", or "2021-11-03T14:30" / "2021-11-03T14:30:15" when it has a time of day. */
export function dateText(date: Date): string {
  // exceljs reads Excel's serial dates as UTC; rounding to the second removes float noise.
  const time = Math.round(date.getTime() / 1000) * 1000;
  const iso = new Date(time).toISOString();
  const day = iso.slice(0, 10);
  if (time % 86_400_000 === 0) return day;
  return iso.slice(16, 19) === ':00' ? `${day}T${iso.slice(11, 16)}` : `${day}T${iso.slice(11, 19)}`;
}

type ReadValue = CellValue | { text?: unknown; result?: unknown; richText?: unknown } | undefined;

/** The text of a value; undefined for a formula whose result was never saved. */
function valueText(value: ReadValue): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined ? undefined : valueText(result as ReadValue);
  }
  if ('error' in value) return String(value.error);
  // A hyperlink: the text shown, itself a string or rich text.
  if ('text' in value) return valueText(value.text as ReadValue);
  return '';
}

const MERGED_INTO_ANOTHER = 1; // ExcelJS.ValueType.Merge, a const enum the types cannot give at run time

function worksheetSheet(worksheet: Worksheet, warnings: string[]): Sheet {
  const grid: string[][] = [];
  let width = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell: Cell, columnNumber) => {
      // A merged range keeps its value in its top-left cell; exceljs repeats it in the others.
      if (cell.type === MERGED_INTO_ANOTHER) return;
      const text = valueText(cell.value as ReadValue);
      if (text === undefined) {
        warnings.push(
          `${worksheet.name}:${columnLetters(columnNumber - 1)}${rowNumber}: a formula with no saved result ` +
            'was read as empty (open and save the workbook in a spreadsheet program to calculate it)',
        );
        return;
      }
      if (text === '') return;
      while (cells.length < columnNumber - 1) cells.push('');
      cells[columnNumber - 1] = text;
    });
    if (cells.length === 0) return;
    while (grid.length < rowNumber - 1) grid.push([]);
    grid[rowNumber - 1] = cells;
    width = Math.max(width, cells.length);
  });
  const rows = grid.map((row) => {
    const padded = [...row];
    while (padded.length < width) padded.push('');
    return padded;
  });
  return { name: worksheet.name, rows };
}

function bytesOf(bytes: ArrayBuffer | Uint8Array): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

function notXlsx(bytes: Uint8Array): string {
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  let what = 'This file is not an XLSX workbook.';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    what =
      'This file is an older Excel workbook (.xls) or a password-protected one: save it as an XLSX ' +
      'workbook without a password first.';
  } else if (start.startsWith('{') || start.startsWith('[')) {
    what = 'This file is JSON, not an XLSX workbook: open it as a graph file.';
  } else if (bytes.length > 0 && !bytes.subarray(0, 512).includes(0)) {
    what = 'This file is text (perhaps CSV), not an XLSX workbook: open it as a CSV file.';
  }
  return `${what} ${ACCEPTED}`;
}

/**
 * Every worksheet of an XLSX workbook as a sheet of text; a file that is not one, is damaged or
 * passes a limit is a message, not an exception. Warnings name the cell ("actors:C12").
 */
export async function readXlsx(
  bytes: ArrayBuffer | Uint8Array,
  limits: Partial<XlsxLimits> = {},
): Promise<XlsxReadResult> {
  const bounds: XlsxLimits = { ...XLSX_LIMITS, ...limits };
  const data = bytesOf(bytes);
  if (data.length > bounds.fileBytes) {
    const megabytes = (size: number) => `${(size / 1024 / 1024).toFixed(1)} MB`;
    const limit = megabytes(bounds.fileBytes);
    return {
      ok: false,
      message: `This workbook is ${megabytes(data.length)}; the explorer opens workbooks up to ${limit}.`,
    };
  }
  const guarded = await guardZip(data, bounds);
  if (!guarded.ok) {
    if (guarded.reason === 'not-zip') return { ok: false, message: notXlsx(data) };
    if (guarded.reason === 'damaged')
      return { ok: false, message: `This workbook cannot be read: ${guarded.message}.` };
    return { ok: false, message: `This workbook is too large for the explorer: ${guarded.message}.` };
  }
  if (!guarded.names.includes('xl/workbook.xml')) {
    return { ok: false, message: `This file is a ZIP archive but not an XLSX workbook. ${ACCEPTED}` };
  }
  const ExcelJS = await loadExcelJs();
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types ask for its own Buffer type; a Uint8Array is what it reads in Node and browsers.
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `This workbook cannot be read: ${reason.slice(0, 200)}.` };
  }
  const warnings: string[] = [];
  const sheets = workbook.worksheets.map((worksheet) => worksheetSheet(worksheet, warnings));
  return { ok: true, sheets, warnings };
}
