// A spreadsheet as the import and export see it, whatever the file (CSV or
// XLSX): named sheets of text cells, the first row holding the headers.

export interface Sheet {
  /** "actors", or the CSV file's name without its extension. */
  name: string;
  /** rows[0] is the header row (line 1 in a spreadsheet); every cell is text, '' when empty. */
  rows: string[][];
}

/** A column's letters as a spreadsheet shows them: 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** Where a cell is, as an analyst finds it: "actors.csv:12:C" (rows[11], column 2). */
export function cellPlace(fileName: string, rowIndex: number, column: number): string {
  return `${fileName}:${rowIndex + 1}:${columnLetters(column)}`;
}
