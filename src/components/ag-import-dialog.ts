import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { sheetToCsv } from '../io/csv.ts';
import { readSheetFiles, sheetsToXlsx } from '../io/sheet-files.ts';
import type { EditOperation } from '../model/edit.ts';
import type { Graph } from '../model/graph.ts';
import type { Sheet } from '../model/sheet.ts';
import { applyMapping, layoutKey, suggestMapping } from '../model/sheet-mapping.ts';
import { type MergeReport, mergeImport } from '../model/sheet-merge.ts';
import {
  formatSheetProblem,
  readSheets,
  SHEET_COLUMNS,
  SHEET_NAMES,
  type SheetName,
  type SheetProblem,
} from '../model/sheets.ts';
import {
  EDGE_LIST_COLUMNS,
  edgeListTemplate,
  edgeListToItems,
  isEdgeList,
  templateSheets,
} from '../model/sheets-extra.ts';
import { offerDownload } from './download.ts';
import { emit } from './events.ts';
import { dialogStyles, formStyles } from './shared-styles.ts';

type Mapping = Record<string, string | null>;

/** Mappings the analyst confirmed, by file layout (the headers), kept in this browser. */
const MAPPINGS_KEY = 'ag-sheet-mappings';

function rememberedMappings(): Record<string, Mapping> {
  try {
    const stored = JSON.parse(localStorage.getItem(MAPPINGS_KEY) ?? '{}') as unknown;
    return typeof stored === 'object' && stored !== null ? (stored as Record<string, Mapping>) : {};
  } catch {
    return {};
  }
}

interface SheetPlan {
  sheet: Sheet;
  /** Our sheet it is read as, or an edge list (from, type, to, source, quote); null for one the format lacks. */
  as: SheetName | 'edges' | null;
  headers: string[];
  /** Their header -> our column (null: not imported). */
  mapping: Mapping;
}

const plural = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
const sample = (ids: readonly string[]) =>
  ids.length > 0 ? `: ${ids.slice(0, 6).join(', ')}${ids.length > 6 ? '…' : ''}` : '';

/**
 * "Import sheets…": spreadsheet files (CSV, a ZIP of them, or XLSX) merged
 * into the graph on screen by id. Their columns are matched to ours (the
 * analyst confirms a mapping when the headers differ; it is remembered for
 * that layout); every problem is listed at its cell and a sheet with errors
 * changes nothing; a preview says what will be added, changed and left alone,
 * and which kinds, types and sources the sheets name but the graph lacks
 * (created only when ticked). The import is one edit: Undo takes it back.
 *
 * @fires ag-import-problems - the sheets' errors at their cells, for the panel of file errors (none once fixed)
 * @fires ag-import - apply the import (detail: one batch operation, and what it does in words)
 */
@customElement('ag-import-dialog')
export class AgImportDialog extends LitElement {
  static override styles = [
    formStyles,
    dialogStyles,
    css`
      :host {
        --dialog-width: 720px;
      }
      table {
        border-collapse: collapse;
        font-size: 13px;
      }
      th,
      td {
        text-align: left;
        padding: 2px 8px 2px 0;
      }
      ul.problems {
        margin: 4px 0;
        padding-left: 18px;
        max-height: 14em;
        overflow-y: auto;
        font-family: ui-monospace, "DejaVu Sans Mono", monospace;
        font-size: 12.5px;
      }
      ul.problems .error {
        color: var(--ag-danger);
      }
      ul.problems .warning {
        color: var(--ag-warning);
      }
      .report {
        border: 1px solid var(--ag-border);
        border-radius: 6px;
        padding: 8px 10px;
        background: var(--ag-surface-alt);
      }
    `,
  ];

  /** The graph the sheets are merged into. */
  @property({ attribute: false }) graph: Graph | null = null;

  @state() private plans: SheetPlan[] = [];
  @state() private fileNames: Record<string, string> = {};
  @state() private message = '';
  /** What reading the files had to say (an XLSX formula with no saved result). */
  private readWarnings = '';
  @state() private problems: SheetProblem[] = [];
  @state() private omitted = 0;
  @state() private missing: { kinds: string[]; types: string[]; sources: string[] } | null = null;
  @state() private create = { kinds: new Set<string>(), types: new Set<string>(), sources: new Set<string>() };
  @state() private report: MergeReport | null = null;
  /** Remove from the graph the actors and relations the sheets do not list (asked for, never by default). */
  @state() private deleteMissing = false;
  /** The kind of the actors an edge list names and the graph lacks. */
  @state() private defaultKind = '';
  /** The import as one edit, once the sheets check out. */
  private pending: EditOperation | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;

  async open(): Promise<void> {
    this.plans = [];
    this.message = '';
    this.clearCheck();
    await this.updateComplete;
    this.dialog.showModal();
  }

  private clearCheck(): void {
    this.problems = [];
    this.omitted = 0;
    this.missing = null;
    this.report = null;
  }

  /** Reads the chosen files, and matches each sheet's columns to ours. */
  async chooseFiles(files: readonly File[]): Promise<void> {
    this.clearCheck();
    const read = await readSheetFiles(files);
    if (!read.ok) {
      this.plans = [];
      this.message = read.message;
      return;
    }
    this.readWarnings = read.warnings.join('\n');
    this.message = this.readWarnings;
    this.fileNames = read.fileNames;
    const remembered = rememberedMappings();
    this.plans = read.sheets.map((sheet) => {
      const lower = sheet.name.trim().toLowerCase();
      const headers = sheet.rows[0] ?? [];
      const named = (SHEET_NAMES as string[]).includes(lower) ? (lower as SheetName) : null;
      // A single sheet of another name whose columns read as from, type and to: an edge list.
      const edgeMapping = suggestMapping(headers, EDGE_LIST_COLUMNS);
      const edges =
        named === null && read.sheets.length === 1 && isEdgeList(applyMapping(sheet, edgeMapping)) ? 'edges' : null;
      const as = named ?? edges;
      const expected = as === 'edges' ? EDGE_LIST_COLUMNS : as ? SHEET_COLUMNS[as] : [];
      const mapping = as ? (remembered[layoutKey(headers)] ?? suggestMapping(headers, expected)) : {};
      return { sheet, as, headers, mapping };
    });
    this.check();
  }

  /** Whether a sheet's columns need the analyst's eye: a header that is not one of ours as it stands. */
  private needsMapping(plan: SheetPlan): boolean {
    return plan.as !== null && plan.headers.some((header) => plan.mapping[header] !== header);
  }

  private setMapping(plan: SheetPlan, header: string, column: string | null): void {
    this.plans = this.plans.map((entry) =>
      entry === plan ? { ...entry, mapping: { ...entry.mapping, [header]: column } } : entry,
    );
    this.check();
  }

  /** Reads the sheets as mapped, against the graph: every problem at its cell, then what the merge would do. */
  private check(): void {
    const graph = this.graph;
    if (!graph || this.plans.length === 0) return;
    const remembered = rememberedMappings();
    for (const plan of this.plans)
      if (plan.as && this.needsMapping(plan)) remembered[layoutKey(plan.headers)] = plan.mapping;
    try {
      localStorage.setItem(MAPPINGS_KEY, JSON.stringify(remembered));
    } catch {
      // Not remembered (storage full or off): the mapping still applies now.
    }
    const sheets = this.plans.map((plan) => (plan.as ? applyMapping(plan.sheet, plan.mapping) : plan.sheet));
    const edgeList = this.plans.length === 1 && this.plans[0]?.as === 'edges' ? sheets[0] : undefined;
    const read = edgeList
      ? edgeListToItems(edgeList, graph, {
          fileName: this.fileNames[edgeList.name.toLowerCase()] ?? `${edgeList.name}.csv`,
          defaultKind: this.defaultKind || (graph.actorKinds[0]?.id ?? ''),
        })
      : readSheets(sheets, { fileNames: this.fileNames, into: graph });
    this.message = this.readWarnings;
    this.problems = read.problems;
    this.omitted = read.omitted;
    this.missing = read.missing;
    this.report = null;
    // The errors go to the panel of file errors too: it stays once the dialog is closed.
    const listed = read.errors > 0 ? read.problems : [];
    emit(this, 'ag-import-problems', {
      fileName: [...new Set(Object.values(this.fileNames))].join(', '),
      problems: listed.map((problem) => ({ severity: problem.severity, text: formatSheetProblem(problem) })),
      more: read.omitted > 0 ? `and ${read.omitted.toLocaleString('en')} more problems not listed` : null,
    });
    if (read.errors > 0) return;
    const create = {
      kinds: read.missing.kinds.filter((id) => this.create.kinds.has(id)),
      types: read.missing.types.filter((id) => this.create.types.has(id)),
      sources: read.missing.sources.filter((id) => this.create.sources.has(id)),
    };
    const merged = mergeImport(graph, read.items, { create, deleteMissing: this.deleteMissing && !edgeList });
    this.report = merged.report;
    this.pending = merged.ok ? merged.operation : null;
    if (!merged.ok) this.message = merged.reason;
  }

  private handleImport(): void {
    const report = this.report;
    if (!this.pending || !report) return;
    const summary =
      `${report.added.length} added, ${report.changed.length} changed, ${report.unchanged.length} left as they were` +
      (report.created.kinds.length + report.created.types.length + report.created.sources.length > 0
        ? `, ${[...report.created.kinds, ...report.created.types, ...report.created.sources].join(', ')} created`
        : '');
    emit(this, 'ag-import', { operation: this.pending, summary });
    this.dialog.close();
  }

  private toggleCreate(list: 'kinds' | 'types' | 'sources', id: string, on: boolean): void {
    const next = new Set(this.create[list]);
    if (on) next.add(id);
    else next.delete(id);
    this.create = { ...this.create, [list]: next };
    this.check();
  }

  override render() {
    const errors = this.problems.filter((problem) => problem.severity === 'error').length;
    return html`<dialog aria-labelledby="import-heading">
      <h2 id="import-heading">Import sheets</h2>
      <p class="hint">One CSV file per sheet (${SHEET_NAMES.join(', ')}), a ZIP of them, or an XLSX workbook with
        those sheets; or a single edge list (from, type, to, source, quote). Rows are merged by id: a known id
        updates its item, a new id adds one, nothing is deleted.</p>
      <div class="actions">
        <button @click=${() => void this.downloadTemplate('workbook')}>Template (XLSX)</button>
        <button @click=${() => void this.downloadTemplate('edges')}>Edge list template (CSV)</button>
      </div>
      <div class="field">
        <label for="sheet-files">Files</label>
        <input id="sheet-files" type="file" multiple accept=".csv,.tsv,.zip,.xlsx" @change=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          void this.chooseFiles([...(input.files ?? [])]);
        }} />
      </div>
      ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
      ${this.plans.filter((plan) => this.needsMapping(plan)).map((plan) => this.renderMapping(plan))}
      ${this.renderEdgeListKind()}
      ${
        this.plans.some((plan) => plan.as === 'actors' || plan.as === 'relations')
          ? html`<label><input type="checkbox" .checked=${this.deleteMissing} @change=${(event: Event) => {
              this.deleteMissing = (event.target as HTMLInputElement).checked;
              this.check();
            }} /> Also delete the actors and relations these sheets do not list</label>`
          : nothing
      }
      ${this.renderProblems(errors)}
      ${this.renderMissing()}
      ${this.renderReport(errors)}
      <div class="actions">
        <button class="primary" ?disabled=${errors > 0 || !this.pending || !this.report}
          @click=${this.handleImport}>Import</button>
        <button @click=${() => this.dialog.close()}>Cancel</button>
      </div>
    </dialog>`;
  }

  private renderMapping(plan: SheetPlan) {
    const columns = plan.as === 'edges' ? EDGE_LIST_COLUMNS : plan.as ? SHEET_COLUMNS[plan.as] : [];
    const fileName = this.fileNames[plan.sheet.name.toLowerCase()] ?? plan.sheet.name;
    return html`<fieldset>
      <legend>Columns of ${fileName}, read as ${plan.as === 'edges' ? 'an edge list' : plan.as}</legend>
      <table>
        <thead><tr><th>Its column</th><th>Read as</th></tr></thead>
        <tbody>
          ${plan.headers.map(
            (header) => html`<tr>
              <td>${header}</td>
              <td><select aria-label="Read the column ${header} as" @change=${(event: Event) => {
                const value = (event.target as HTMLSelectElement).value;
                this.setMapping(plan, header, value === '' ? null : value);
              }}>
                <option value="" ?selected=${!plan.mapping[header]}>(not imported)</option>
                ${columns.map(
                  (column) =>
                    html`<option value=${column} ?selected=${plan.mapping[header] === column}>${column}</option>`,
                )}
              </select></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </fieldset>`;
  }

  /** An edge list names actors by name: those the graph lacks are added with this kind. */
  private renderEdgeListKind() {
    const graph = this.graph;
    if (!graph || this.plans[0]?.as !== 'edges') return nothing;
    const chosen = this.defaultKind || (graph.actorKinds[0]?.id ?? '');
    return html`<div class="field">
      <label for="edge-kind">An edge list: actors it names that the graph lacks are added as</label>
      <select id="edge-kind" @change=${(event: Event) => {
        this.defaultKind = (event.target as HTMLSelectElement).value;
        this.check();
      }}>
        ${graph.actorKinds.map(
          (kind) => html`<option value=${kind.id} ?selected=${kind.id === chosen}>${kind.label}</option>`,
        )}
      </select>
    </div>`;
  }

  private async downloadTemplate(kind: 'workbook' | 'edges'): Promise<void> {
    if (kind === 'edges') {
      offerDownload(new Blob([sheetToCsv(edgeListTemplate().rows)], { type: 'text/csv' }), 'edge-list-template.csv');
      return;
    }
    const bytes = await sheetsToXlsx(templateSheets());
    offerDownload(
      new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      'graph-template.xlsx',
    );
  }

  private renderProblems(errors: number) {
    if (this.problems.length === 0) return nothing;
    const warnings = this.problems.length - errors;
    return html`<section aria-label="Problems">
      <p class=${errors > 0 ? 'message' : 'hint'} role=${errors > 0 ? 'alert' : 'status'}>
        ${errors > 0 ? `${plural(errors, 'error')}: nothing is imported until they are fixed.` : ''}
        ${warnings > 0 ? ` ${plural(warnings, 'warning')}.` : ''}
        ${this.omitted > 0 ? ` And ${this.omitted.toLocaleString('en')} more not listed.` : ''}
      </p>
      <ul class="problems">
        ${this.problems.map((problem) => html`<li class=${problem.severity}>${formatSheetProblem(problem)}</li>`)}
      </ul>
    </section>`;
  }

  private renderMissing() {
    const missing = this.missing;
    if (!missing) return nothing;
    const lists = [
      { list: 'kinds' as const, words: 'actor kind' },
      { list: 'types' as const, words: 'relation type' },
      { list: 'sources' as const, words: 'source' },
    ].filter(({ list }) => missing[list].length > 0);
    if (lists.length === 0) return nothing;
    return html`<fieldset>
      <legend>Named by the sheets, not in the graph: create them?</legend>
      ${lists.map(({ list, words }) =>
        missing[list].map(
          (id) => html`<label><input type="checkbox" .checked=${this.create[list].has(id)}
            @change=${(event: Event) => this.toggleCreate(list, id, (event.target as HTMLInputElement).checked)} />
            Create the ${words} “${id}”</label>`,
        ),
      )}
    </fieldset>`;
  }

  private renderReport(errors: number) {
    const report = this.report;
    if (!report || errors > 0) return nothing;
    const created = [...report.created.kinds, ...report.created.types, ...report.created.sources];
    return html`<div class="report" role="status" aria-label="What the import does">
      <strong>The import will add ${report.added.length}, change ${report.changed.length}${
        report.deleted.length > 0 ? `, delete ${report.deleted.length}` : ''
      } and leave ${report.unchanged.length} as they are.</strong>
      <div>Added${sample(report.added) || ': none'}</div>
      <div>Changed${sample(report.changed) || ': none'}</div>
      ${
        report.deleted.length > 0
          ? html`<div class="message">Deleted (${report.deleted.length})${sample(report.deleted)}</div>`
          : nothing
      }
      ${created.length > 0 ? html`<div>Created on request${sample(created)}</div>` : nothing}
      <details>
        <summary>Every id, by what happens to it</summary>
        ${(
          [
            ['Added', report.added],
            ['Changed', report.changed],
            ['Deleted', report.deleted],
            ['Left as they were', report.unchanged],
          ] as const
        ).map(([heading, ids]) =>
          ids.length > 0 ? html`<p><strong>${heading} (${ids.length}):</strong> ${ids.join(', ')}</p>` : nothing,
        )}
      </details>
      <div class="hint">One edit: Undo (Ctrl+Z) takes the whole import back.</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-import-dialog': AgImportDialog;
  }
}
