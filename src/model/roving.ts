// Keyboard movement inside a composite control with a roving tabindex (the
// rows of the relation table, the relations of an actor, a toolbar): the
// whole control is one Tab stop, and the arrow keys move within it.

/** A cell of a grid of controls: row and column, from 0. */
export interface GridCell {
  row: number;
  column: number;
}

/**
 * The cell a key moves to in a grid of `rows` x `columns`, or null when the
 * key is not a movement key (the caller lets it through). Up and Down move
 * between rows and Left and Right between columns, stopping at the edges;
 * Home and End go to the first and last row, or, in a grid of one row (a
 * toolbar), to the first and last column. The cell given is first brought
 * inside the grid, so a grid that has shrunk still answers.
 */
export function gridMove(key: string, cell: GridCell, rows: number, columns: number): GridCell | null {
  if (rows < 1 || columns < 1) return null;
  const row = clamp(cell.row, rows);
  const column = clamp(cell.column, columns);
  const oneRow = rows === 1;
  switch (key) {
    case 'ArrowUp':
      return { row: clamp(row - 1, rows), column };
    case 'ArrowDown':
      return { row: clamp(row + 1, rows), column };
    case 'ArrowLeft':
      return { row, column: clamp(column - 1, columns) };
    case 'ArrowRight':
      return { row, column: clamp(column + 1, columns) };
    case 'Home':
      return oneRow ? { row, column: 0 } : { row: 0, column };
    case 'End':
      return oneRow ? { row, column: columns - 1 } : { row: rows - 1, column };
    default:
      return null;
  }
}

const clamp = (value: number, count: number) => Math.min(Math.max(value, 0), count - 1);
