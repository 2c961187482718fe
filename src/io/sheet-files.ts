// Spreadsheet files to sheets and back: CSV files (one per sheet, named after
// it), a ZIP of them, or one XLSX workbook. Bounded like graph files: a file
// over the limit is refused with its size before anything is read.

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { MAX_SHEET_FILE_BYTES } from '../model/limits.ts';
import type { Sheet } from '../model/sheet.ts';
import { parseCsv, sheetToCsv } from './csv.ts';
import { writeXlsx } from './xlsx.ts';
import { readXlsxOffThread } from './xlsx-runner.ts';

export type SheetFilesResult =
  | {
      ok: true;
      sheets: Sheet[];
      /** The file each sheet came from, for the places in problems ("actors" -> "actors.csv"). */
      fileNames: Record<string, string>;
      warnings: string[];
    }
  | { ok: false; message: string };

const ACCEPTED =
  'the explorer imports .csv files (one per sheet, named after it), a .zip of them, or an .xlsx workbook';
/** A ZIP of CSV files is unpacked in memory: at most this much text in all. */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sheetNameOf = (fileName: string) => (fileName.split('/').pop() ?? fileName).replace(/\.[^.]*$/, '');

function csvSheets(files: { name: string; text: string }[]): SheetFilesResult {
  const sheets = files.map((file) => ({ name: sheetNameOf(file.name), rows: parseCsv(file.text) }));
  const fileNames = Object.fromEntries(files.map((file) => [sheetNameOf(file.name).toLowerCase(), file.name]));
  return { ok: true, sheets, fileNames, warnings: [] };
}

function unzipCsv(bytes: Uint8Array, zipName: string, maxUnzippedBytes: number): SheetFilesResult {
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      // Declared sizes are checked before anything is inflated (a ZIP bomb is refused unread).
      filter: (file) => {
        total += file.originalSize;
        if (total > maxUnzippedBytes) throw new Error(`it unpacks to over ${megabytes(maxUnzippedBytes)}`);
        return file.name.toLowerCase().endsWith('.csv') && !file.name.startsWith('__MACOSX/');
      },
    });
  } catch (error) {
    return {
      ok: false,
      message: `${zipName} could not be unpacked: ${error instanceof Error ? error.message : error}`,
    };
  }
  const files = Object.entries(entries).map(([name, content]) => ({ name, text: strFromU8(content) }));
  if (files.length === 0) return { ok: false, message: `${zipName} holds no .csv file; ${ACCEPTED}` };
  return csvSheets(files);
}

/** Reads the spreadsheet files an analyst chose (or dropped) into sheets. */
export async function readSheetFiles(
  files: readonly File[],
  limits: { maxUnzippedBytes?: number } = {},
): Promise<SheetFilesResult> {
  if (files.length === 0) return { ok: false, message: `no file was chosen; ${ACCEPTED}` };
  for (const file of files) {
    if (file.size > MAX_SHEET_FILE_BYTES) {
      return {
        ok: false,
        message: `${file.name} is ${megabytes(file.size)}, over the ${megabytes(MAX_SHEET_FILE_BYTES)} limit`,
      };
    }
  }
  const lower = files.map((file) => file.name.toLowerCase());
  if (files.length === 1 && lower[0]?.endsWith('.xlsx')) {
    const file = files[0] as File;
    // Off the main thread: a big workbook takes seconds to unpack and read.
    const read = await readXlsxOffThread(await file.arrayBuffer());
    if (!read.ok) return read;
    const fileNames = Object.fromEntries(read.sheets.map((sheet) => [sheet.name.toLowerCase(), file.name]));
    return { ok: true, sheets: read.sheets, fileNames, warnings: read.warnings };
  }
  if (files.length === 1 && lower[0]?.endsWith('.zip')) {
    const file = files[0] as File;
    return unzipCsv(new Uint8Array(await file.arrayBuffer()), file.name, limits.maxUnzippedBytes ?? MAX_UNZIPPED_BYTES);
  }
  const refused = files.filter((_, index) => !lower[index]?.endsWith('.csv') && !lower[index]?.endsWith('.tsv'));
  if (refused.length > 0) return { ok: false, message: `${refused.map((f) => f.name).join(', ')}: ${ACCEPTED}` };
  return csvSheets(await Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() }))));
}

/** The sheets as one ZIP of CSV files, one per sheet ("actors.csv"), each as the import reads it back. */
export function sheetsToCsvZip(sheets: readonly Sheet[]): Uint8Array {
  return zipSync(Object.fromEntries(sheets.map((sheet) => [`${sheet.name}.csv`, strToU8(sheetToCsv(sheet.rows))])));
}

/** The sheets as one XLSX workbook. */
export function sheetsToXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  return writeXlsx(sheets);
}
