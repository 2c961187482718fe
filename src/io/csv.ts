// CSV text for spreadsheets. papaparse quotes what needs quoting, and with
// escapeFormulae a cell that starts with = + - @ (or a tab or carriage return)
// is prefixed with ' so a spreadsheet shows it as text and never runs it.
import Papa from 'papaparse';

export function toCsv<T extends object>(records: readonly T[], columns: readonly (keyof T & string)[]): string {
  const rows = records.map((record) => columns.map((column) => String(record[column] ?? '')));
  return Papa.unparse({ fields: [...columns], data: rows }, { escapeFormulae: true, newline: '\r\n' });
}
