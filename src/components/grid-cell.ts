// The cell of a button in a roving-tabindex grid, read from its data-row and
// data-column attributes (shared by the relation table and the evidence panel).
import type { GridCell } from '../model/roving.ts';

/** The row and column of the event's target, or null when it is not a button of the grid. */
export function gridCellOf(target: EventTarget | undefined): GridCell | null {
  if (!(target instanceof HTMLElement) || target.dataset.row === undefined) return null;
  return { row: Number(target.dataset.row), column: Number(target.dataset.column) };
}
