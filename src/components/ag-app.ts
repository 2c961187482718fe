import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import { composeSnapshot, MAX_GRAPH_IMAGE_SIDE } from '../cy/snapshot.ts';
import { describeFilters, snapshotFileName } from '../model/caption.ts';
import { type VisibleSubgraph, visibleCountLine, visibleSubgraph } from '../model/filter.ts';
import type { Graph } from '../model/graph.ts';
import { type Neighbourhood, neighbourhood } from '../model/neighbourhood.ts';
import { citedSources, type GraphIndex, indexGraph } from '../model/queries.ts';
import { type Problem, parseGraph } from '../model/validate.ts';
import { DEFAULT_VIEW, hashToView, type Selection, type ViewState, viewToHash } from '../model/view-state.ts';
import './ag-evidence-panel.ts';
import './ag-filter-panel.ts';
import './ag-graph-view.ts';
import type { AgGraphView } from './ag-graph-view.ts';
import './ag-problem-list.ts';
import './ag-relation-table.ts';
import './ag-search-box.ts';
import type { AgEvent } from './events.ts';

export const SHIPPED_GRAPH_NAME = 'kadhimi-2021.json';
/** Exported images are drawn at twice the screen's scale, for print. */
export const EXPORT_SCALE = 2;

export interface SnapshotResult {
  blob: Blob;
  fileName: string;
  width: number;
  height: number;
}

/**
 * The explorer. Owns the graph, the view (filters, selection, focus, table)
 * and the loading of files; children get them as properties and report back
 * with events. The view lives in the URL hash, so Back undoes a change.
 *
 * @fires ag-exported - a PNG snapshot was made (detail: SnapshotResult)
 */
@customElement('ag-app')
export class AgApp extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-rows: auto minmax(0, 1fr);
      height: 100vh;
      overflow: hidden;
      background: var(--ag-surface-alt);
      font-family: var(--ag-font);
      color: var(--ag-text);
    }
    header {
      display: grid;
      grid-template-columns: minmax(260px, 1fr) minmax(240px, 360px) auto;
      gap: 12px;
      align-items: center;
      padding: 8px 14px;
      background: #fff;
      border-bottom: 1px solid var(--ag-border);
    }
    h1 {
      font-size: 16px;
      margin: 0;
      line-height: 1.25;
    }
    .status {
      font-size: 12.5px;
      color: var(--ag-muted);
    }
    .toolbar {
      display: flex;
      gap: 6px;
      align-items: center;
      flex-wrap: wrap;
      justify-content: flex-end;
    }
    button,
    select {
      font: inherit;
      font-size: 13px;
      padding: 5px 10px;
      border: 1px solid var(--ag-border);
      border-radius: 4px;
      background: #fff;
      cursor: pointer;
      color: inherit;
    }
    button:hover {
      background: var(--ag-surface-alt);
    }
    button[aria-pressed="true"] {
      background: var(--ag-accent-soft);
      border-color: var(--ag-accent);
    }
    button.primary {
      background: var(--ag-accent);
      color: #fff;
      border-color: var(--ag-accent);
    }
    button:focus-visible,
    select:focus-visible {
      outline: 2px solid var(--ag-accent);
      outline-offset: 1px;
    }
    main {
      display: grid;
      grid-template-columns: 270px minmax(0, 1fr) 390px;
      grid-template-rows: minmax(0, 1fr);
      min-height: 0;
    }
    ag-filter-panel {
      border-right: 1px solid var(--ag-border);
      background: #fff;
      min-height: 0;
    }
    ag-evidence-panel {
      border-left: 1px solid var(--ag-border);
      background: var(--ag-surface-alt);
      min-height: 0;
    }
    .centre {
      position: relative;
      min-height: 0;
      min-width: 0;
    }
    ag-graph-view,
    ag-relation-table {
      position: absolute;
      inset: 0;
    }
    ag-graph-view[hidden],
    ag-relation-table[hidden] {
      display: none;
    }
    ag-problem-list {
      position: absolute;
      top: 10px;
      left: 10px;
      right: 10px;
      z-index: 30;
    }
    .focus-bar {
      position: absolute;
      left: 10px;
      bottom: 10px;
      z-index: 10;
      background: #fff;
      border: 1px solid var(--ag-border);
      border-radius: 4px;
      padding: 4px 8px;
      font-size: 13px;
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .notice {
      position: absolute;
      right: 10px;
      bottom: 10px;
      z-index: 10;
      pointer-events: none;
      background: #1c2230;
      color: #fff;
      padding: 6px 12px;
      border-radius: 4px;
      font-size: 13px;
    }
    .drop {
      position: absolute;
      inset: 0;
      z-index: 40;
      background: rgb(31 95 191 / 0.12);
      border: 3px dashed var(--ag-accent);
      display: grid;
      place-items: center;
      font-size: 18px;
      color: var(--ag-accent);
      pointer-events: none;
    }
    input[type="file"] {
      display: none;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `;

  @state() graph: Graph | null = null;
  @state() graphName = '';
  @state() view: ViewState = DEFAULT_VIEW;
  @state() private problems: Problem[] = [];
  @state() private problemsFileName = '';
  @state() private notice = '';
  @state() private exportScope: 'view' | 'whole' = 'view';
  @state() private dragging = false;

  private index: GraphIndex | null = null;
  private visible: VisibleSubgraph = { actorIds: new Set(), relationIds: new Set() };
  private focusedNeighbourhood: Neighbourhood | null = null;
  private pendingCentre: Selection = null;
  private noticeTimer = 0;

  @query('ag-graph-view') private graphView!: AgGraphView;
  @query('input[type=file]') private fileInput!: HTMLInputElement;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.handlePopState);
    window.addEventListener('keydown', this.handleKeydown);
    this.addEventListener('dragover', this.handleDragOver);
    this.addEventListener('dragleave', this.handleDragLeave);
    this.addEventListener('drop', this.handleDrop);
    this.view = hashToView(location.hash);
    void this.openInitialGraph();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.handlePopState);
    window.removeEventListener('keydown', this.handleKeydown);
    window.clearTimeout(this.noticeTimer);
  }

  private async openInitialGraph(): Promise<void> {
    // A graph named in the URL is opened first; the shipped graph is the fallback.
    const graphParameter = new URLSearchParams(location.search).get('graph');
    if (graphParameter && (await this.openUrl(graphParameter, { quiet: true }))) return;
    const failure = this.problems;
    this.openText(shippedGraphText, SHIPPED_GRAPH_NAME, { keepView: true, quiet: true });
    if (failure.length > 0) this.problems = failure;
  }

  /** Opens a graph from a same-origin URL (the ?graph= parameter). */
  async openUrl(address: string, options: { quiet?: boolean } = {}): Promise<boolean> {
    let url: URL;
    try {
      url = new URL(address, location.href);
    } catch {
      return this.reportLoadFailure(address, `"${address}" is not a URL`);
    }
    if (url.origin !== location.origin) {
      return this.reportLoadFailure(
        address,
        `only graphs from this site (${location.origin}) can be opened by URL; download the file and open it instead`,
      );
    }
    try {
      const response = await fetch(url);
      if (!response.ok)
        return this.reportLoadFailure(address, `the server answered ${response.status} ${response.statusText}`);
      return this.openText(await response.text(), decodeURIComponent(url.pathname.split('/').pop() || address), {
        keepView: true,
        quiet: options.quiet,
      });
    } catch (error) {
      return this.reportLoadFailure(
        address,
        `could not be fetched (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }

  /** Opens a graph file chosen by the analyst (picker or drop). */
  async openFile(file: File): Promise<boolean> {
    return this.openText(await file.text(), file.name, { keepView: false });
  }

  /**
   * Validates and shows a graph. A file with errors leaves the graph on
   * screen as it was and lists every problem.
   */
  openText(text: string, fileName: string, options: { keepView: boolean; quiet?: boolean }): boolean {
    const result = parseGraph(text);
    this.problemsFileName = fileName;
    this.problems = result.problems;
    if (!result.ok) return false;
    this.graph = result.graph;
    this.graphName = fileName;
    if (!options.keepView) this.commitView(DEFAULT_VIEW);
    const warnings = result.problems.length;
    if (!options.quiet)
      this.showNotice(
        `Opened ${fileName}: ${result.graph.actors.length} actors, ${result.graph.relations.length} relations${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`,
      );
    return true;
  }

  private reportLoadFailure(fileName: string, message: string): false {
    this.problemsFileName = fileName;
    this.problems = [{ severity: 'error', line: 1, column: 1, path: '', message }];
    return false;
  }

  // -------------------------------------------------------------------------
  // View state: every change goes through commitView, which records it in the URL.

  private commitView(next: ViewState): void {
    this.view = next;
    const hash = viewToHash(next);
    if (hash !== location.hash) history.pushState(null, '', hash === '' ? location.pathname + location.search : hash);
  }

  private handlePopState = (): void => {
    this.view = hashToView(location.hash);
    this.pendingCentre = this.view.selection;
  };

  private handleKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && (this.view.selection || this.problems.length)) {
      if (this.problems.length) this.problems = [];
      else this.commitView({ ...this.view, selection: null });
    }
  };

  private handleSelect(event: AgEvent<'ag-select'>): void {
    const selection = event.detail.selection;
    const same = JSON.stringify(selection) === JSON.stringify(this.view.selection);
    if (!same) this.commitView({ ...this.view, selection });
    if (event.detail.centre) this.pendingCentre = selection;
    if (same && event.detail.centre) this.requestUpdate();
  }

  private handleFocus(event: AgEvent<'ag-focus'>): void {
    const { actorId, hops } = event.detail;
    if (hops === 0) {
      this.commitView({ ...this.view, focus: null });
      void this.graphView?.fitTo();
      return;
    }
    this.commitView({ ...this.view, focus: { actorId, hops }, selection: { kind: 'actor', id: actorId } });
    void this.updateComplete.then(() => this.graphView?.fitTo(this.focusedNeighbourhood?.actorIds));
  }

  private handleFiltersChange(event: AgEvent<'ag-filters-change'>): void {
    this.commitView({ ...this.view, filters: event.detail.filters });
  }

  // -------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('graph') && this.graph) this.index = indexGraph(this.graph);
    if ((changed.has('graph') || changed.has('view')) && this.graph) {
      this.visible = visibleSubgraph(this.graph, this.view.filters);
      const focus = this.view.focus;
      this.focusedNeighbourhood =
        focus && this.index?.actorById.has(focus.actorId)
          ? neighbourhood(this.graph, focus.actorId, focus.hops, this.visible.relationIds)
          : null;
    }
  }

  protected override updated(): void {
    if (this.pendingCentre && !this.view.showTable) {
      void this.graphView?.centreOn(this.pendingCentre);
    }
    this.pendingCentre = null;
  }

  override render() {
    const graph = this.graph;
    const view = this.view;
    const focusLabel = view.focus ? this.index?.actorById.get(view.focus.actorId)?.label : undefined;
    return html`
      <header>
        <div>
          <h1>${graph?.title ?? 'Actor graph explorer'}</h1>
          <div class="status" role="status" aria-live="polite">${graph ? `${this.graphName} · ${visibleCountLine(graph, this.visible)}` : 'Opening the graph…'}</div>
        </div>
        <ag-search-box .graph=${graph} @ag-select=${this.handleSelect}></ag-search-box>
        <div class="toolbar" role="toolbar" aria-label="Graph actions">
          <button aria-pressed=${view.showTable ? 'true' : 'false'} @click=${() => this.commitView({ ...view, showTable: !view.showTable })}>${view.showTable ? 'Show graph' : 'Show table'}</button>
          <button ?disabled=${view.showTable} @click=${() => this.graphView?.relayout()} title="Run the layout again on what is visible">Re-layout</button>
          <button ?disabled=${view.showTable} @click=${() => this.graphView?.fitTo()} title="Fit what is visible in the view">Fit</button>
          <button @click=${() => this.fileInput.click()}>Open graph…</button>
          <input type="file" accept=".json,application/json" aria-label="Graph file to open" @change=${this.handleFileChosen} />
          <label class="visually-hidden" for="export-scope">Export what</label>
          <select id="export-scope" .value=${this.exportScope} @change=${(e: Event) => (this.exportScope = (e.target as HTMLSelectElement).value as 'view' | 'whole')}>
            <option value="view">current view</option>
            <option value="whole">whole graph</option>
          </select>
          <button class="primary" @click=${() => void this.exportSnapshot()}>Export PNG</button>
        </div>
      </header>
      <main>
        <ag-filter-panel aria-label="Legend and filters" .graph=${graph} .filters=${view.filters} @ag-filters-change=${this.handleFiltersChange}></ag-filter-panel>
        <div class="centre" @ag-select=${this.handleSelect} @ag-focus=${this.handleFocus}>
          <ag-problem-list .fileName=${this.problemsFileName} .problems=${this.problems}
            @ag-problems-dismiss=${() => (this.problems = [])}></ag-problem-list>
          <ag-graph-view ?hidden=${view.showTable} .graph=${graph} .index=${this.index} .visible=${this.visible}
            .neighbourhood=${this.focusedNeighbourhood} .selection=${view.selection}></ag-graph-view>
          ${
            view.showTable
              ? html`<ag-relation-table .graph=${graph} .index=${this.index} .visibleRelationIds=${this.visible.relationIds} .selection=${view.selection}></ag-relation-table>`
              : nothing
          }
          ${
            view.focus
              ? html`<div class="focus-bar">Focus: ${view.focus.hops === 1 ? 'direct links' : 'two steps'} of <strong>${focusLabel ?? view.focus.actorId}</strong>
                (${this.focusedNeighbourhood?.actorIds.size ?? 0} actors, ${this.focusedNeighbourhood?.relationIds.size ?? 0} relations; the rest dimmed)
                <button @click=${() => this.handleFocus(new CustomEvent('ag-focus', { detail: { actorId: view.focus?.actorId ?? '', hops: 0 } }))}>Clear focus</button></div>`
              : nothing
          }
          ${this.notice ? html`<div class="notice" role="status">${this.notice}</div>` : nothing}
          ${this.dragging ? html`<div class="drop">Drop a graph file (.json) to open it</div>` : nothing}
        </div>
        <ag-evidence-panel aria-label="Evidence" .graph=${graph} .index=${this.index} .selection=${view.selection}
          .focusedOn=${view.focus} .filters=${view.filters} @ag-select=${this.handleSelect} @ag-focus=${this.handleFocus}></ag-evidence-panel>
      </main>
    `;
  }

  private async handleFileChosen(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) await this.openFile(file);
  }

  private handleDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = true;
  };

  private handleDragLeave = (event: DragEvent): void => {
    if (event.relatedTarget === null || !this.contains(event.relatedTarget as Node)) this.dragging = false;
  };

  private handleDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.dragging = false;
    const file = event.dataTransfer?.files[0];
    if (file) void this.openFile(file);
  };

  private showNotice(text: string): void {
    this.notice = text;
    window.clearTimeout(this.noticeTimer);
    this.noticeTimer = window.setTimeout(() => (this.notice = ''), 4000);
  }

  /** Builds the PNG snapshot, offers it as a download and reports it. */
  async exportSnapshot(): Promise<SnapshotResult | null> {
    const graph = this.graph;
    if (!graph || !this.graphView) return null;
    // The table hides the drawing, so only the whole graph can be exported from it.
    const scope = this.view.showTable ? 'whole' : this.exportScope;
    const graphImage = await this.graphView.png({ scope, scale: EXPORT_SCALE, maxSide: MAX_GRAPH_IMAGE_SIDE });
    const visibleKinds = new Set(graph.actors.filter((a) => this.visible.actorIds.has(a.id)).map((a) => a.kind));
    const visibleTypes = new Set(graph.relations.filter((r) => this.visible.relationIds.has(r.id)).map((r) => r.type));
    const today = new Date().toISOString().slice(0, 10);
    const snapshot = await composeSnapshot(
      graphImage,
      {
        graph,
        filterLines: describeFilters(graph, this.view.filters, this.view.focus),
        countLine: visibleCountLine(graph, this.visible),
        visibleKindIds: visibleKinds,
        visibleTypeIds: visibleTypes,
        sources: citedSources(graph, this.visible.actorIds, this.visible.relationIds),
        exportedOn: today,
      },
      EXPORT_SCALE,
    );
    const result: SnapshotResult = { ...snapshot, fileName: snapshotFileName(this.graphName, today, scope) };
    const link = document.createElement('a');
    link.href = URL.createObjectURL(result.blob);
    link.download = result.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    this.showNotice(`Exported ${result.fileName} (${result.width} × ${result.height} px)`);
    this.dispatchEvent(
      new CustomEvent<SnapshotResult>('ag-exported', { detail: result, bubbles: true, composed: true }),
    );
    return result;
  }

  /** Resolves when the current graph is laid out and drawn. */
  get graphDrawn(): Promise<void> {
    // Children update after the app does, so wait for the graph view's own update.
    return this.updateComplete.then(async () => {
      await this.graphView?.updateComplete;
      await this.graphView?.drawn;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-app': AgApp;
  }
}
