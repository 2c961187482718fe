import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Graph } from '../model/graph.ts';
import type { GraphIndex } from '../model/queries.ts';
import { type GridCell, gridMove } from '../model/roving.ts';
import { type RelationRow, relationRows, sortRows, type TableColumn } from '../model/table.ts';
import type { Selection } from '../model/view.ts';
import { emit } from './events.ts';
import { gridCellOf } from './grid-cell.ts';

const COLUMNS: { id: TableColumn; label: string }[] = [
  { id: 'from', label: 'From' },
  { id: 'type', label: 'Relation' },
  { id: 'to', label: 'To' },
  { id: 'date', label: 'Date' },
  { id: 'sources', label: 'Sources' },
  { id: 'corroboration', label: 'Corroboration' },
];

/** The buttons of a row: from, relation, to. */
const ROW_BUTTONS = 3;
const RELATION_BUTTON = 1;

/**
 * The visible relations as a sortable table: the graph for keyboard and
 * screen-reader users. The rows' buttons are one Tab stop (a roving
 * tabindex): Up and Down (Home, End) move between rows, Left and Right
 * between from, relation and to; Enter or Space chooses.
 *
 * @fires ag-select - a relation or an actor name was chosen
 */
@customElement('ag-relation-table')
export class AgRelationTable extends LitElement {
  static override styles = css`
    :host {
      display: block;
      overflow: auto;
      padding: 0 12px 16px;
      background: #fff;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 13.5px;
    }
    caption {
      text-align: left;
      padding: 10px 0 6px;
      color: var(--ag-muted);
    }
    th {
      position: sticky;
      top: 0;
      background: var(--ag-surface-alt);
      text-align: left;
      border-bottom: 2px solid var(--ag-border);
      padding: 0;
    }
    th button {
      all: unset;
      display: block;
      padding: 6px 8px;
      cursor: pointer;
      font-weight: 700;
      width: 100%;
      box-sizing: border-box;
    }
    th button:focus-visible,
    td button:focus-visible {
      outline: 2px solid var(--ag-accent);
      outline-offset: -2px;
    }
    td {
      border-bottom: 1px solid var(--ag-border);
      padding: 5px 8px;
      vertical-align: top;
    }
    tr.selected td {
      background: var(--ag-accent-soft);
    }
    td button {
      all: unset;
      cursor: pointer;
      color: var(--ag-accent);
      text-decoration: underline;
      text-underline-offset: 2px;
    }
    .count {
      color: var(--ag-muted);
      font-size: 12px;
    }
  `;

  @property({ attribute: false }) graph: Graph | null = null;
  @property({ attribute: false }) index: GraphIndex | null = null;
  @property({ attribute: false }) visibleRelationIds: ReadonlySet<string> = new Set();
  @property({ attribute: false }) selection: Selection = null;
  @state() private sortColumn: TableColumn = 'from';
  @state() private ascending = true;
  /** The row (by relation id, so it survives sorting) and button in the Tab order; null: the selected or first row. */
  @state() private activeRelationId: string | null = null;
  @state() private activeColumn = RELATION_BUTTON;
  /** The rows as last rendered, in their order on screen. */
  private shownRows: RelationRow[] = [];

  /** Moves keyboard focus to the table's one row button in the Tab order (the skip link). */
  focusStart(): void {
    this.renderRoot.querySelector<HTMLElement>('tbody button[tabindex="0"]')?.focus();
  }

  override render() {
    if (!this.graph || !this.index) return nothing;
    const rows = sortRows(
      relationRows(this.graph, this.index, this.visibleRelationIds),
      this.sortColumn,
      this.ascending,
    );
    this.shownRows = rows;
    const active = this.activeCell(rows);
    const tabIndex = (row: number, column: number) => (row === active.row && column === active.column ? 0 : -1);
    return html`
      <table>
        <caption>
          ${rows.length} visible relation${rows.length === 1 ? '' : 's'};
          choose a column heading to sort, a relation to read its evidence.
        </caption>
        <thead><tr>
          ${COLUMNS.map((column) => {
            const sorted = this.sortColumn === column.id;
            const order = this.ascending ? 'ascending' : 'descending';
            return html`<th scope="col" aria-sort=${sorted ? order : 'none'}>
              <button @click=${() => this.sortBy(column.id)}>
                ${column.label}${sorted ? (this.ascending ? ' ▲' : ' ▼') : ''}
              </button>
            </th>`;
          })}
        </tr></thead>
        <tbody @keydown=${this.handleKeydown} @focusin=${this.handleFocusIn}>
          ${rows.map((row, i) => {
            const selected = this.selection?.kind === 'relation' && this.selection.id === row.id;
            const items = `${row.evidenceCount} item${row.evidenceCount === 1 ? '' : 's'}`;
            return html`<tr class=${selected ? 'selected' : ''}>
              <td><button data-row=${i} data-column="0" tabindex=${tabIndex(i, 0)}
                @click=${() => this.select('actor', row.fromId)}>${row.from}</button></td>
              <td><button aria-label="${row.from} ${row.type} ${row.to}: show the evidence"
                data-row=${i} data-column="1" tabindex=${tabIndex(i, 1)}
                @click=${() => this.select('relation', row.id)}>${row.type}</button></td>
              <td><button data-row=${i} data-column="2" tabindex=${tabIndex(i, 2)}
                @click=${() => this.select('actor', row.toId)}>${row.to}</button></td>
              <td>${row.date || html`<span class="count">undated</span>`}</td>
              <td>${row.sources} <span class="count">(${items})</span></td>
              <td>${row.corroboration}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    `;
  }

  private sortBy(column: TableColumn): void {
    if (this.sortColumn === column) this.ascending = !this.ascending;
    else {
      this.sortColumn = column;
      this.ascending = true;
    }
  }

  /** The cell in the Tab order: the row last moved to, else the selected relation's, else the first. */
  private activeCell(rows: readonly RelationRow[]): GridCell {
    const wanted = this.activeRelationId ?? (this.selection?.kind === 'relation' ? this.selection.id : null);
    return {
      row: Math.max(
        0,
        rows.findIndex((row) => row.id === wanted),
      ),
      column: this.activeColumn,
    };
  }

  private handleKeydown(event: KeyboardEvent): void {
    const from = gridCellOf(event.composedPath()[0]);
    if (!from) return;
    const to = gridMove(event.key, from, this.shownRows.length, ROW_BUTTONS);
    if (!to) return;
    event.preventDefault();
    this.moveTo(to);
    this.renderRoot.querySelector<HTMLElement>(`[data-row="${to.row}"][data-column="${to.column}"]`)?.focus();
  }

  /** A click or Tab onto a row's button makes it the table's Tab stop. */
  private handleFocusIn(event: FocusEvent): void {
    const cell = gridCellOf(event.composedPath()[0]);
    if (cell) this.moveTo(cell);
  }

  private moveTo(cell: GridCell): void {
    this.activeRelationId = this.shownRows[cell.row]?.id ?? null;
    this.activeColumn = cell.column;
  }

  private select(kind: 'actor' | 'relation', id: string): void {
    emit(this, 'ag-select', { selection: { kind, id }, centre: false, moveFocus: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-relation-table': AgRelationTable;
  }
}
