// CSV text for spreadsheets. papaparse quotes what needs quoting, and with
// escapeFormulae a cell that starts with = + - @ (or a tab or carriage return)
// is prefixed with ' so a spreadsheet shows it as text and never runs it.
import Papa from 'papaparse';

export function toCsv<T extends object>(records: readonly T[], columns: readonly (keyof T & string)[]): string {
  const rows = records.map((record) => columns.map((column) => String(record[column] ?? '')));
  return Papa.unparse({ fields: [...columns], data: rows }, { escapeFormulae: true, newline: '\r\n' });
}

/**
 * Cells that get the ' prefix when a sheet is written: those papaparse's
 * escapeFormulae prefixes (starting with = + - @, a tab or a carriage return),
 * and also those that start with ' before such a character, so that reading
 * takes off exactly one ' and a cell such as "'=x" comes back as it was.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/** A sheet's rows (header first) as CSV text, formula-like cells prefixed with ' (see FORMULA_LIKE). */
export function sheetToCsv(rows: readonly (readonly string[])[]): string {
  return Papa.unparse(
    rows.map((row) => [...row]),
    { escapeFormulae: FORMULA_LIKE, newline: '\r\n' },
  );
}

/** A cell as it was before sheetToCsv prefixed it: "'=1+1" gives "=1+1", "''=x" gives "'=x", "'a" stays. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_LIKE.test(cell) ? cell.slice(1) : cell;
}

/**
 * The rows of CSV text, every cell text, with the ' that sheetToCsv put before a
 * formula-like cell taken off. A byte-order mark and the empty line after the
 * last newline are dropped; other empty lines stay, so row numbers match the file's lines.
 */
export function parseCsv(text: string): string[][] {
  const withoutMark = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const result = Papa.parse<string[]>(withoutMark, { header: false, skipEmptyLines: false, dynamicTyping: false });
  const rows = result.data.map((row) => row.map(unescapeFormula));
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '') rows.pop();
  return rows;
}
