import { css, html, LitElement, nothing, type PropertyValues, unsafeCSS } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import { REPORT_GRAPH, renderGraphForExport } from '../cy/export-render.ts';
import { type ComposedSnapshot, composeSnapshot, EXPORT_SCALE } from '../cy/snapshot.ts';
import { composeSvgSnapshot } from '../cy/snapshot-svg.ts';
import { ACTOR_SIZE_RANGE } from '../cy/stylesheet.ts';
import { analyseVisible, prewarmCentralityWorker } from '../io/centrality-runner.ts';
import { toCsv } from '../io/csv.ts';
import { buildDataExport, type DataExport } from '../io/data-export.ts';
import type { Draft } from '../io/local-store.ts';
import { parseInWorker, prewarmParseWorker } from '../io/parse-runner.ts';
import {
  communityColours,
  formatScore,
  MEASURE_INFO,
  type Measure,
  measureRange,
  type NetworkAnalysis,
  sizesFor,
} from '../model/centrality-results.ts';
import { type ClaimRecord, claimRecords, claimsSnapshotContent } from '../model/claims.ts';
import type { DataFormat } from '../model/data-formats.ts';
import type { EditOperation } from '../model/edit.ts';
import {
  archiveNameFor,
  type Citation,
  type EditTask,
  type FieldProblems,
  selectionAfterEdit,
} from '../model/edit-forms.ts';
import { emptyHistory, historyFrom } from '../model/edit-history.ts';
import {
  type FilterState,
  sameFilters,
  type VisibleSubgraph,
  visibleCountLine,
  visibleSubgraph,
} from '../model/filter.ts';
import type { Graph, Position } from '../model/graph.ts';
import { checkGraphUrl, fetchedGraphProblem } from '../model/graph-url.ts';
import { type Neighbourhood, neighbourhood } from '../model/neighbourhood.ts';
import { newGraph } from '../model/new-graph.ts';
import {
  describePath,
  describePathConstraints,
  findPaths,
  PATH_STEP_COLUMNS,
  type PathQuery,
  pathHighlight,
  pathStepRecords,
  sameSearch,
} from '../model/path-query.ts';
import type { PathResult } from '../model/paths.ts';
import { type GraphIndex, indexGraph } from '../model/queries.ts';
import {
  describeFilters,
  EXPORT_SCOPES,
  type ExportFormat,
  type ExportScope,
  exportScopeIn,
  keptForExport,
  snapshotContent,
  snapshotFileName,
} from '../model/snapshot-content.ts';
import {
  describeOmitted,
  fileSizeMessage,
  MAX_GRAPH_FILE_BYTES,
  type ParsePhase,
  type ParseResult,
  type Problem,
} from '../model/validate.ts';
import {
  DEFAULT_VIEW,
  nextView,
  type ViewAction,
  type ViewMode,
  type Viewport,
  type ViewState,
} from '../model/view.ts';
import { hashToView, viewToHash } from '../model/view-hash.ts';
import './ag-claims-view.ts';
import './ag-data-export-dialog.ts';
import type { AgDataExportDialog } from './ag-data-export-dialog.ts';
import './ag-editor-panel.ts';
import './ag-import-dialog.ts';
import type { AgImportDialog } from './ag-import-dialog.ts';
import './ag-new-graph-dialog.ts';
import type { AgNewGraphDialog } from './ag-new-graph-dialog.ts';
import './ag-sources-pane.ts';
import type { AgClaimsView } from './ag-claims-view.ts';
import { composeClaimsPng, composeClaimsSvg } from './claims-snapshot.ts';
import { offerDownload } from './download.ts';
import { EditSession } from './edit-session.ts';
import './ag-evidence-panel.ts';
import type { AgEvidencePanel } from './ag-evidence-panel.ts';
import './ag-filter-panel.ts';
import type { AgFilterPanel } from './ag-filter-panel.ts';
import './ag-graph-view.ts';
import { type AgGraphView, NO_SEARCH_HITS, type SearchHits } from './ag-graph-view.ts';
import './ag-paths-panel.ts';
import type { AgPathsPanel } from './ag-paths-panel.ts';
import './ag-problem-list.ts';
import './ag-ranking-panel.ts';
import './ag-time-bar.ts';
import './ag-relation-table.ts';
import type { AgRelationTable } from './ag-relation-table.ts';
import './ag-search-box.ts';
import type { AgSearchBox } from './ag-search-box.ts';
import { type AgEvent, emit, type SnapshotResult } from './events.ts';
import { visuallyHidden } from './shared-styles.ts';

export type { SnapshotResult } from './events.ts';

export const SHIPPED_GRAPH_NAME = 'kadhimi-2021.json';
/** Below this window width the evidence panel opens over the graph, only when there is something to read. */
export const NARROW_WIDTH = 1360;

/** The problems of the last file that failed to open (or opened with warnings), or of sheets being imported. */
interface ProblemReport {
  fileName: string;
  problems: Problem[];
  /** Problems of spreadsheets, placed at their cells. */
  sheetProblems?: { severity: Problem['severity']; text: string }[];
  /** "and 999,800 more problems of the same kinds", or null */
  more: string | null;
  /** The graph on screen in place of the file that failed (the shipped one, after a failed ?graph=). */
  shownInstead?: string;
}

/** What a history entry keeps besides its URL. */
interface HistoryState {
  viewport?: Viewport;
}

/** What the left column shows: the legend and filters, or an analysis. */
type SideTab = 'filters' | 'paths' | 'ranking';
const SIDE_TABS: readonly { tab: SideTab; label: string; title: string }[] = [
  { tab: 'filters', label: 'Filters', title: 'The legend and the filters' },
  { tab: 'paths', label: 'Paths', title: 'How two actors are connected: the shortest paths, with their evidence' },
  {
    tab: 'ranking',
    label: 'Who matters',
    title: 'The actors shown ranked by degree, betweenness, eigenvector and PageRank; communities',
  },
];

const NO_RELATIONS: readonly string[] = Object.freeze([]);

const VIEW_MODE_BUTTONS: readonly { mode: ViewMode; label: string; title: string }[] = [
  { mode: 'graph', label: 'Graph', title: 'The actors and relations as a graph' },
  { mode: 'table', label: 'Table', title: 'The relations shown, as a sortable table' },
  { mode: 'claims', label: 'Claims', title: 'Who claims what about an actor, for and against, side by side' },
];

/** The columns of the claims CSV, in order. */
const CLAIM_COLUMNS: readonly (keyof ClaimRecord)[] = [
  'thread',
  'side',
  'relation',
  'stance',
  'claimant',
  'attributedTo',
  'quote',
  'source',
  'publisher',
  'url',
  'reliability',
  'credibility',
  'date',
  'relationId',
];

const plural = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;

/** Whether a key pressed there types text (so "/" is a character, not the search shortcut). */
function typesText(target: EventTarget | undefined): boolean {
  if (target instanceof HTMLInputElement) return target.type !== 'checkbox' && target.type !== 'radio';
  return (
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/**
 * The explorer. Owns the graph, the view (filters, selection, focus, mode)
 * and the loading of files; children get them as properties and report back
 * with events, which become actions for the pure reducer `nextView`. The view
 * lives in the URL hash, so Back undoes a change.
 *
 * @fires ag-exported - a PNG or SVG snapshot was made (detail: SnapshotResult)
 */
@customElement('ag-app')
export class AgApp extends LitElement {
  static override styles = [
    visuallyHidden,
    css`
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
      button:disabled {
        color: var(--ag-muted);
        background: var(--ag-surface-alt);
        cursor: default;
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
      .panels {
        display: grid;
        grid-template-columns: 270px minmax(0, 1fr) 390px;
        grid-template-rows: minmax(0, 1fr);
        min-height: 0;
        position: relative;
      }
      .side {
        grid-column: 1;
        border-right: 1px solid var(--ag-border);
        background: #fff;
        min-height: 0;
        display: grid;
        grid-template-rows: auto minmax(0, 1fr);
      }
      .side-tabs {
        display: flex;
        gap: 2px;
        padding: 6px 10px 0;
        border-bottom: 1px solid var(--ag-border);
      }
      .side-tabs button {
        border-radius: 4px 4px 0 0;
        border-bottom: 0;
        margin-bottom: -1px;
        padding: 4px 9px;
        white-space: nowrap;
        background: var(--ag-surface-alt);
      }
      .side-tabs button[aria-selected="true"] {
        background: #fff;
        border-bottom: 1px solid #fff;
        font-weight: 600;
      }
      .side > :not(.side-tabs) {
        min-height: 0;
      }
      ag-sources-pane {
        grid-column: 1;
        border-right: 1px solid var(--ag-border);
        background: #fff;
        min-height: 0;
      }
      ag-editor-panel {
        grid-column: 3;
        border-left: 1px solid var(--ag-border);
        background: var(--ag-surface-alt);
        min-height: 0;
      }
      /* Three classes: wins over the narrow window's column rules below. */
      .panels.editing.editing {
        grid-template-columns: 330px minmax(0, 1fr) 390px;
      }
      .edit-bar {
        grid-row: 2;
        display: flex;
        gap: 6px;
        align-items: center;
        padding: 4px 10px;
        background: #fff8e6;
        border-bottom: 1px solid var(--ag-border);
        font-size: 13px;
        min-width: 0;
      }
      .edit-bar .what {
        flex: 1;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        color: var(--ag-muted);
      }
      .draft-offer {
        position: absolute;
        top: 10px;
        left: 50%;
        transform: translateX(-50%);
        z-index: 36;
        display: flex;
        gap: 8px;
        align-items: center;
        background: #fff;
        border: 1px solid var(--ag-accent);
        border-radius: 6px;
        padding: 8px 12px;
        font-size: 13px;
        box-shadow: 0 2px 10px rgb(0 0 0 / 0.18);
      }
      ag-evidence-panel {
        grid-column: 3;
        border-left: 1px solid var(--ag-border);
        background: var(--ag-surface-alt);
        min-height: 0;
      }
      /* A closed panel gives its width to the graph. */
      .panels.no-filters {
        grid-template-columns: 0 minmax(0, 1fr) 390px;
      }
      .panels.no-evidence {
        grid-template-columns: 270px minmax(0, 1fr) 0;
      }
      .panels.no-filters.no-evidence {
        grid-template-columns: 0 minmax(0, 1fr) 0;
      }
      /* An analysis needs more room than the filters: quotes and tables. */
      .panels.wide-side {
        grid-template-columns: 340px minmax(0, 1fr) 390px;
      }
      .panels.wide-side.no-evidence {
        grid-template-columns: 340px minmax(0, 1fr) 0;
      }
      /* Narrow windows: the toolbar gets a line of its own under the title and search. */
      @media (max-width: ${unsafeCSS(NARROW_WIDTH - 1)}px) {
        header {
          grid-template-columns: minmax(0, 1fr) minmax(200px, 340px);
          row-gap: 6px;
        }
        .toolbar {
          grid-column: 1 / -1;
          justify-content: flex-start;
        }
      }
      .panels.no-filters .side,
      .panels.no-evidence ag-evidence-panel {
        display: none;
      }
      .panels.editing .side,
      .panels.editing ag-evidence-panel {
        display: none;
      }
      /*
     * Narrow windows: the graph keeps the width, and the evidence panel opens
     * over its right side when there is something to read.
     */
      @media (max-width: ${unsafeCSS(NARROW_WIDTH - 1)}px) {
        .panels,
        .panels.no-evidence {
          grid-template-columns: 250px minmax(0, 1fr) 0;
        }
        .panels.wide-side,
        .panels.wide-side.no-evidence {
          grid-template-columns: 320px minmax(0, 1fr) 0;
        }
        .panels.no-filters,
        .panels.no-filters.no-evidence {
          grid-template-columns: 0 minmax(0, 1fr) 0;
        }
        ag-evidence-panel {
          position: absolute;
          top: 0;
          right: 0;
          bottom: 0;
          width: min(390px, 85vw);
          /* Exactly that wide, padding included: the graph and the time bar keep clear of it by that much. */
          box-sizing: border-box;
          z-index: 25;
          box-shadow: -4px 0 14px rgb(0 0 0 / 0.18);
        }
      }
      .centre {
        grid-column: 2;
        display: grid;
        grid-template-rows: auto auto minmax(0, 1fr) auto;
        min-height: 0;
        min-width: 0;
      }
      ag-time-bar {
        grid-row: 4;
        border-top: 1px solid var(--ag-border);
        background: #fff;
        min-width: 0;
      }
      /* Narrow windows: the evidence panel laid over the graph would hide the bar's right end. */
      ag-time-bar.obscured {
        margin-right: min(390px, 85vw);
      }
      .stage {
        grid-row: 3;
        position: relative;
        min-height: 0;
        min-width: 0;
      }
      ag-graph-view,
      ag-relation-table,
      ag-claims-view {
        position: absolute;
        inset: 0;
      }
      .modes {
        display: inline-flex;
      }
      .modes button {
        border-radius: 0;
        margin-left: -1px;
      }
      .modes button:first-child {
        border-radius: 4px 0 0 4px;
        margin-left: 0;
      }
      .modes button:last-child {
        border-radius: 0 4px 4px 0;
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
      /* Above the graph, not over it: one line, cut with an ellipsis when the window is narrow. */
      .focus-bar {
        grid-row: 1;
        background: var(--ag-accent-soft);
        border-bottom: 1px solid var(--ag-border);
        padding: 4px 10px;
        font-size: 13px;
        display: flex;
        gap: 8px;
        align-items: center;
        white-space: nowrap;
        min-width: 0;
      }
      .focus-bar .what {
        overflow: hidden;
        text-overflow: ellipsis;
        min-width: 0;
      }
      .focus-bar button {
        padding: 2px 8px;
        flex: none;
      }
      .empty {
        position: absolute;
        inset: 0;
        display: grid;
        place-content: center;
        justify-items: center;
        gap: 10px;
        z-index: 5;
        color: var(--ag-muted);
        font-size: 15px;
        pointer-events: none;
      }
      .empty button {
        pointer-events: auto;
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
      .loading {
        position: absolute;
        top: 12px;
        left: 50%;
        transform: translateX(-50%);
        z-index: 35;
        background: #fff;
        border: 1px solid var(--ag-border);
        border-radius: 999px;
        padding: 6px 14px;
        font-size: 13px;
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.12);
      }
      /* First in the Tab order; seen only while one has focus. */
      .skip-links {
        position: absolute;
        top: 6px;
        left: 6px;
        z-index: 100;
      }
      button.skip-link {
        background: var(--ag-accent);
        color: #fff;
        border-color: var(--ag-accent);
        font-size: 14px;
        padding: 8px 14px;
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
      }
      button.skip-link:focus-visible {
        outline: 3px solid #fff;
        outline-offset: -5px;
      }
      button.skip-link:not(:focus) {
        position: absolute;
        width: 1px;
        height: 1px;
        padding: 0;
        border: 0;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
    `,
  ];

  @state() graph: Graph | null = null;
  @state() graphName = '';
  /** Bumped for every file opened: the graph view lays a new file out afresh. */
  @state() fileSerial = 0;
  @state() view: ViewState = DEFAULT_VIEW;
  @state() private report: ProblemReport | null = null;
  @state() private loading: { fileName: string; phase: ParsePhase | 'reading' } | null = null;
  @state() private notice = '';
  @state() private exportScope: ExportScope = 'screen';
  @state() private dragging = false;
  @state() private filtersOpen = true;
  /** What the left column shows. */
  @state() private sideTab: SideTab = 'filters';
  /** The time bar under the graph: shown, or hidden by the analyst to give its height to the graph. */
  @state() private timeBarOpen = true;
  /** Evidence panel: shown or hidden by the analyst, or null to follow the window (see NARROW_WIDTH). */
  @state() private evidenceOpen: boolean | null = null;
  /** What the search box's query finds, marked in the graph. */
  @state() private searchHits: SearchHits = NO_SEARCH_HITS;
  @state() private narrow = false;
  /** The evidence item to mark in the panel (chosen from the evidence search); null for none. */
  @state() private markedEvidence: number | null = null;
  private readonly narrowQuery = window.matchMedia(`(max-width: ${NARROW_WIDTH - 1}px)`);
  /** Edit mode: the sources and the editor take the places of the filters and the evidence panel. */
  @state() editing = false;
  /** The editor's open form; null for the actions on the selection. */
  @state() private editTask: EditTask | null = null;
  /** Why the last edit was refused: on the fields of the item it touched, and elsewhere in the file. */
  @state() private editProblems: FieldProblems = {};
  @state() private editElsewhere: Problem[] = [];
  /** Which pane's form the refused edit came from. */
  @state() private editProblemsIn: 'editor' | 'sources' = 'editor';
  /** The last passage cited from the source reader. */
  @state() private citation: Citation | null = null;
  /** The source shown in the reader. */
  @state() private readerSource = '';
  /** Unsaved edits kept by the browser from an earlier visit, offered for restoring. */
  @state() private draftOffer: Draft | null = null;
  /** Edits, undo and redo, attached texts, autosave and saving. */
  readonly editSession = new EditSession(this);

  private index: GraphIndex | null = null;
  private visible: VisibleSubgraph = { actorIds: new Set(), relationIds: new Set() };
  private focusedNeighbourhood: Neighbourhood | null = null;
  /** The paths found for the view's path search, and what they highlight (the rest dimmed). */
  private pathResult: PathResult | null = null;
  private pathSearch: { index: GraphIndex; relationIds: ReadonlySet<string>; query: PathQuery } | null = null;
  private pathHighlighted: Neighbourhood | null = null;
  /** The filters the visible part was computed for: a selection or focus change does not filter again. */
  private visibleFor: { graph: Graph; filters: FilterState } | null = null;
  /** Centrality and communities of what is shown, computed in a worker when asked for. */
  @state() private analysis: NetworkAnalysis | null = null;
  /** The visible part the analysis is of (or is being computed for). */
  private analysedFor: VisibleSubgraph | null = null;
  @state() private analysing = false;
  /** What the actors are sized by (null: all the same), and whether they are filled by community. */
  @state() private sizeBy: Measure | null = null;
  @state() private colourByCommunity = false;
  private actorSizes: Map<string, number> | null = null;
  private actorColours: Map<string, string> | null = null;
  private sizedFor: { analysis: NetworkAnalysis | null; sizeBy: Measure | null; colour: boolean } | null = null;
  private noticeTimer = 0;
  /** The first graph's opening (?graph= or the shipped graph); null until connected. */
  private initialOpen: Promise<void> | null = null;
  /** The file being checked; opening another aborts it. */
  private opening: AbortController | null = null;

  @query('ag-graph-view') private graphView!: AgGraphView;
  @query('ag-relation-table') private relationTable!: AgRelationTable | null;
  @query('ag-claims-view') private claimsView!: AgClaimsView | null;
  @query('ag-evidence-panel') private evidencePanel!: AgEvidencePanel;
  @query('ag-filter-panel') private filterPanel!: AgFilterPanel;
  @query('ag-paths-panel') private pathsPanel!: AgPathsPanel | null;
  @query('ag-search-box') private searchBox!: AgSearchBox;
  @query('input[type=file]') private fileInput!: HTMLInputElement;
  @query('ag-new-graph-dialog') private newGraphDialog!: AgNewGraphDialog;
  @query('ag-data-export-dialog') private dataExportDialog!: AgDataExportDialog;
  @query('ag-import-dialog') private importDialog!: AgImportDialog;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.handlePopState);
    window.addEventListener('keydown', this.handleKeydown);
    this.narrowQuery.addEventListener('change', this.handleNarrow);
    this.narrow = this.narrowQuery.matches;
    this.addEventListener('dragover', this.handleDragOver);
    this.addEventListener('dragleave', this.handleDragLeave);
    this.addEventListener('drop', this.handleDrop);
    // Once per element: moving <ag-app> in the page must not swap the analyst's file for the shipped one.
    if (this.initialOpen) return;
    prewarmParseWorker();
    prewarmCentralityWorker();
    // A shared link opens on the whole picture, its selection marked in it; a focus link, on the neighbourhood.
    const opened = hashToView(location.hash);
    this.view = opened.focus || opened.paths ? nextView(DEFAULT_VIEW, { type: 'restore', view: opened }) : opened;
    // A link to paths opens on their list.
    if (opened.paths) this.sideTab = 'paths';
    this.initialOpen = this.openInitialGraph();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.handlePopState);
    window.removeEventListener('keydown', this.handleKeydown);
    this.narrowQuery.removeEventListener('change', this.handleNarrow);
    this.removeEventListener('dragover', this.handleDragOver);
    this.removeEventListener('dragleave', this.handleDragLeave);
    this.removeEventListener('drop', this.handleDrop);
    window.clearTimeout(this.noticeTimer);
  }

  private async openInitialGraph(): Promise<void> {
    // A graph named in the URL is opened first; the shipped graph is the
    // fallback, and the report keeps naming the file that failed.
    const graphParameter = new URLSearchParams(location.search).get('graph');
    if (graphParameter && (await this.openUrl(graphParameter, { keepView: true }))) return;
    const failed = this.report;
    const shipped = new TextEncoder().encode(shippedGraphText);
    const result = await this.check(shipped.buffer, SHIPPED_GRAPH_NAME);
    if (result?.ok && this.graph === null) {
      this.show(result.graph, SHIPPED_GRAPH_NAME, { keepView: true, checked: result.problems });
      // Never silently: the report on the file that failed says which graph is on screen in its place.
      if (failed && this.report === failed) this.report = { ...failed, shownInstead: SHIPPED_GRAPH_NAME };
    }
    await this.offerDraft();
  }

  /** Unsaved edits from an earlier visit (or a crash) are offered back, never applied unasked. */
  private async offerDraft(): Promise<void> {
    const draft = await this.editSession.pendingDraft();
    if (draft) this.draftOffer = draft;
  }

  /** Opens a graph from a same-origin URL (the ?graph= parameter). */
  async openUrl(address: string, options: { keepView?: boolean } = {}): Promise<boolean> {
    const checked = checkGraphUrl(address, location.href);
    if (!checked.ok) return this.reportFailure(address, checked.message);
    let bytes: ArrayBuffer;
    try {
      const response = await fetch(checked.url);
      // Refused before it is downloaded, when the server says how big it is (a compressed length says less).
      const length = Number(response.headers.get('content-length'));
      if (response.ok && !response.headers.has('content-encoding') && length > MAX_GRAPH_FILE_BYTES) {
        void response.body?.cancel();
        return this.reportFailure(checked.fileName, fileSizeMessage(length));
      }
      bytes = await response.arrayBuffer();
      const head = new TextDecoder().decode(bytes.slice(0, 512));
      const problem = fetchedGraphProblem(
        response.status,
        response.statusText,
        response.headers.get('content-type') ?? '',
        head,
      );
      if (problem) return this.reportFailure(checked.fileName, problem);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return this.reportFailure(checked.fileName, `could not be fetched (${reason})`);
    }
    return this.openBytes(bytes, checked.fileName, { keepView: options.keepView ?? true });
  }

  /** Opens a graph file chosen by the analyst (picker or drop). */
  async openFile(file: File): Promise<boolean> {
    if (/\.(csv|tsv|xlsx|xls|zip)$/i.test(file.name)) {
      return this.reportFailure(
        file.name,
        'is a spreadsheet, not a graph file: Import sheets… merges spreadsheets (CSV, XLSX) into the graph; ' +
          'Open graph… opens .json graph files',
      );
    }
    // Refused before it is read: the browser would hold all of it for nothing.
    if (file.size > MAX_GRAPH_FILE_BYTES) return this.reportFailure(file.name, fileSizeMessage(file.size));
    if (!this.mayLeaveEdits(file.name)) return false;
    this.loading = { fileName: file.name, phase: 'reading' };
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch (error) {
      this.loading = null;
      return this.reportFailure(file.name, `could not be read (${error instanceof Error ? error.message : error})`);
    }
    return this.openBytes(bytes, file.name, { keepView: false });
  }

  /**
   * Checks a file in the parse worker and shows it. A file with errors leaves
   * the graph on screen as it was and lists every problem.
   */
  async openBytes(bytes: ArrayBuffer, fileName: string, options: { keepView: boolean }): Promise<boolean> {
    const result = await this.check(bytes, fileName);
    if (result === null) return false;
    this.report =
      result.problems.length > 0 ? { fileName, problems: result.problems, more: describeOmitted(result) } : null;
    if (!result.ok) return false;
    this.show(result.graph, fileName, { ...options, checked: result.problems });
    const warnings = result.problems.length;
    const { actors, relations } = result.graph;
    const counts = `${plural(actors.length, 'actor')}, ${plural(relations.length, 'relation')}`;
    this.showNotice(`Opened ${fileName}: ${counts}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`);
    return true;
  }

  /** Decodes and validates off the main thread, with progress; null when another file was opened meanwhile. */
  private async check(bytes: ArrayBuffer, fileName: string): Promise<ParseResult | null> {
    this.opening?.abort();
    const opening = new AbortController();
    this.opening = opening;
    this.loading = { fileName, phase: 'decoding' };
    try {
      return await parseInWorker(bytes, {
        signal: opening.signal,
        onProgress: (phase) => {
          if (this.opening === opening) this.loading = { fileName, phase };
        },
      });
    } catch (error) {
      if (opening.signal.aborted) return null;
      this.reportFailure(fileName, error instanceof Error ? error.message : String(error));
      return null;
    } finally {
      if (this.opening === opening) {
        this.opening = null;
        this.loading = null;
      }
    }
  }

  /** `checked`: the problems the check of the file found, when it was just checked as it is. */
  private show(graph: Graph, fileName: string, options: { keepView: boolean; checked?: readonly Problem[] }): void {
    this.graph = graph;
    this.graphName = fileName;
    this.fileSerial++;
    // Another file's measures name other actors.
    this.analysis = null;
    if (!options.keepView) this.dispatch({ type: 'reset' });
    this.editTask = null;
    this.clearEditProblems();
    this.readerSource = graph.sources[0]?.id ?? '';
    this.sessionStarted = this.editSession.startFile(
      graph,
      options.checked === undefined ? {} : { checked: options.checked },
    );
  }

  /** Resolves when the file on screen has its attached texts loaded and checked (tests wait for it). */
  sessionStarted: Promise<void> = Promise.resolve();

  // -------------------------------------------------------------------------
  // Editing: forms report edits, the session checks and applies them.

  /** An edited graph, on screen in place: what stayed keeps its place. Called by the edit session. */
  showEditedGraph(graph: Graph): void {
    this.graph = graph;
    const selection = this.view.selection;
    const index = indexGraph(graph);
    const gone =
      selection !== null &&
      !(selection.kind === 'actor' ? index.actorById.has(selection.id) : index.relationById.has(selection.id));
    if (gone) this.dispatch({ type: 'clear-selection' });
    if (this.view.focus && !index.actorById.has(this.view.focus.actorId)) this.dispatch({ type: 'clear-focus' });
    if (!graph.sources.some((source) => source.id === this.readerSource))
      this.readerSource = graph.sources[0]?.id ?? '';
  }

  /**
   * Another graph is about to replace one with unsaved edits: the analyst is
   * asked first. (The edits also stay in this browser's draft until another
   * graph is edited.)
   */
  private mayLeaveEdits(next: string): boolean {
    if (!this.editSession.dirty) return true;
    return window.confirm(
      `${this.graphName} has unsaved edits. Open ${next} anyway? Save first to keep them in a file.`,
    );
  }

  /** Where every actor is drawn now. */
  async currentPositions(): Promise<Record<string, Position>> {
    return (await this.graphView?.currentPositions()) ?? {};
  }

  private clearEditProblems(): void {
    this.editProblems = {};
    this.editElsewhere = [];
  }

  /** Applies an edit from a form; a refused edit leaves the form open with its problems. */
  async edit(operation: EditOperation, options: { allowNewErrors?: boolean } = {}): Promise<boolean> {
    const outcome = await this.editSession.apply(operation, options);
    // A check of the form's draft still on its way is about a state that has passed.
    this.previewSerial++;
    this.editProblemsIn = operation.op.endsWith('-source') ? 'sources' : 'editor';
    if (!outcome.applied) {
      this.editProblems = outcome.byField;
      this.editElsewhere = outcome.elsewhere;
      return false;
    }
    this.clearEditProblems();
    // The vocabulary's form stays open for the next kind or type; other forms close on their edit.
    if (this.editProblemsIn === 'editor' && this.editTask?.kind !== 'vocabulary') this.editTask = null;
    const selected = selectionAfterEdit(operation);
    if (selected) this.dispatch({ type: 'select', selection: selected, centre: true });
    const label = this.editSession.history.done.at(-1)?.label ?? 'Edited';
    const warnings = outcome.warnings.length > 0 ? `; ${outcome.warnings.join('; ')}` : '';
    this.showNotice(`${label}${warnings}`);
    return true;
  }

  private handleEdit(event: AgEvent<'ag-edit'>): void {
    void this.edit(event.detail.operation);
  }

  /** The serial of the last check asked for by a form: an older answer arriving late is dropped. */
  private previewSerial = 0;

  /** A form's edit checked as the analyst types: its problems shown on the form's fields, nothing applied. */
  private async handleEditPreview(event: AgEvent<'ag-edit-preview'>): Promise<void> {
    const serial = ++this.previewSerial;
    const task = this.editTask;
    const { byField, elsewhere } = await this.editSession.preview(event.detail.operation);
    if (serial !== this.previewSerial || task !== this.editTask) return;
    this.editProblemsIn = event.detail.operation.op.endsWith('-source') ? 'sources' : 'editor';
    this.editProblems = byField;
    this.editElsewhere = elsewhere;
  }

  /**
   * Imported sheets merged into the graph, as one edit (Undo takes it back).
   * The merged file is checked like any edit; if it would not pass, nothing
   * changes and the problems are listed.
   */
  async importSheets(operation: EditOperation, summary: string): Promise<boolean> {
    const outcome = await this.editSession.apply(operation);
    if (!outcome.applied) {
      const fields = Object.entries(outcome.byField).flatMap(([field, messages]) =>
        messages.map((message) => ({ severity: 'error' as const, line: 1, column: 1, path: field, message })),
      );
      this.report = { fileName: 'the import', problems: [...outcome.elsewhere, ...fields], more: null };
      this.showNotice('Nothing was imported: the merged graph would not pass the checker (see the list)');
      return false;
    }
    this.showNotice(`Imported: ${summary} (Ctrl+Z takes it back)`);
    return true;
  }

  /** Sheets with errors: listed in the panel of file errors too, where they stay once the dialog is closed. */
  private handleImportProblems(event: AgEvent<'ag-import-problems'>): void {
    const { fileName, problems, more } = event.detail;
    this.report = problems.length > 0 ? { fileName, problems: [], sheetProblems: problems, more } : null;
  }

  private handleImport(event: AgEvent<'ag-import'>): void {
    void this.importSheets(event.detail.operation, event.detail.summary);
  }

  private handleEditTask(event: AgEvent<'ag-edit-task'>): void {
    this.previewSerial++;
    this.editTask = event.detail.task;
    // A form opened by hand starts empty: the last citation went into the form it was made for.
    this.citation = null;
    this.clearEditProblems();
  }

  /** A passage cited in the reader goes into the evidence form open, or a new one for the selection. */
  private handleCite(event: AgEvent<'ag-cite'>): void {
    const { sourceId, quote } = event.detail;
    this.citation = { sourceId, quote, serial: (this.citation?.serial ?? 0) + 1 };
    const task = this.editTask;
    const formTakesIt =
      task !== null && (task.kind === 'evidence' || ((task.kind === 'actor' || task.kind === 'relation') && !task.id));
    if (formTakesIt) return;
    const selection = this.view.selection;
    this.editTask = selection ? { kind: 'evidence', owner: selection, index: null } : { kind: 'actor', id: null };
    this.clearEditProblems();
  }

  /** A source's text attached in the reader: kept in the browser, and named by the source's `archive`. */
  private async handleSourceTextAttach(event: AgEvent<'ag-source-text-attach'>): Promise<void> {
    const graph = this.graph;
    const source = graph?.sources.find((entry) => entry.id === event.detail.sourceId);
    if (!graph || !source) return;
    const archive = source.archive ?? archiveNameFor(graph, source.id, event.detail.fileName);
    try {
      await this.editSession.attachText(archive, event.detail.text);
    } catch (error) {
      this.showNotice(`The text could not be kept: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    // Quotes that do not match the new text are flagged where they are shown; they do not stop the attachment.
    if (source.archive !== archive) {
      await this.edit({ op: 'update-source', source: { ...source, archive } }, { allowNewErrors: true });
    }
  }

  private async handleSourceTextDetach(event: AgEvent<'ag-source-text-detach'>): Promise<void> {
    const archive = this.graph?.sources.find((source) => source.id === event.detail.sourceId)?.archive;
    if (archive) await this.editSession.detachText(archive);
  }

  private handleConnect(event: AgEvent<'ag-connect'>): void {
    if (!this.editing) return;
    this.editTask = { kind: 'relation', id: null, from: event.detail.from, to: event.detail.to };
    this.clearEditProblems();
  }

  /** Actors moved by hand while editing: their places are an edit (undoable, saved with the file). */
  private handleActorsMoved(event: AgEvent<'ag-actors-moved'>): void {
    if (!this.editing) return;
    void this.edit({ op: 'set-positions', positions: event.detail.positions });
  }

  private toggleEditing(): void {
    this.editing = !this.editing;
    this.editTask = null;
    this.clearEditProblems();
    void this.refitAfterResize();
  }

  undo(): void {
    this.clearEditProblems();
    const refused = this.editSession.undo();
    if (refused) this.showNotice(refused);
  }

  redo(): void {
    this.clearEditProblems();
    const refused = this.editSession.redo();
    if (refused) this.showNotice(refused);
  }

  /**
   * Saves the graph: in place where the browser allows it, else as a
   * download. Only a file that passes the validator is written; otherwise its
   * problems are listed and nothing is saved.
   */
  async saveGraph(saveAs = false): Promise<string | null> {
    if (!this.graph) return null;
    const today = new Date().toISOString().slice(0, 10);
    const file = await this.editSession.fileText(today);
    if (!file.ok) {
      this.report = { fileName: this.graphName, problems: file.problems, more: null };
      this.showNotice('Not saved: the file would not pass the checker (see the list)');
      return null;
    }
    let where: 'file' | 'download' | null;
    try {
      where = await this.editSession.writeFile(file.text, this.graphName, saveAs);
    } catch (error) {
      this.showNotice(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    if (where === null) return null;
    this.showNotice(where === 'file' ? `Saved ${this.graphName}` : `Downloaded ${this.graphName}`);
    return file.text;
  }

  /** Opens the unsaved graph the browser kept, with its picture and its history. */
  async restoreDraft(): Promise<boolean> {
    const draft = this.draftOffer;
    this.draftOffer = null;
    if (!draft) return false;
    const bytes = new TextEncoder().encode(draft.graphText);
    const result = await this.check(bytes.buffer, draft.fileName);
    if (!result?.ok) {
      if (result) this.report = { fileName: draft.fileName, problems: result.problems, more: describeOmitted(result) };
      return false;
    }
    this.show(result.graph, draft.fileName, { keepView: false });
    await this.sessionStarted;
    this.sessionStarted = this.editSession.startFile(result.graph, {
      history: historyFrom(draft.history) ?? emptyHistory(),
      dirty: true,
    });
    await this.sessionStarted;
    this.editing = true;
    this.showNotice(`Restored the unsaved edits to ${draft.fileName}`);
    return true;
  }

  private async discardDraft(): Promise<void> {
    this.draftOffer = null;
    await this.editSession.discardDraft();
  }

  /** A new, empty graph with its first source, opened for editing. */
  startNewGraph(details: { title: string; description: string; source: Graph['sources'][number] }): void {
    if (!this.mayLeaveEdits(details.title)) return;
    const today = new Date().toISOString().slice(0, 10);
    const graph = { ...newGraph(details.title, details.description, today), sources: [details.source] };
    this.show(graph, `${details.source.id === '' ? 'graph' : slugForFile(details.title)}.json`, { keepView: false });
    this.editing = true;
    this.readerSource = details.source.id;
  }

  private reportFailure(fileName: string, message: string): false {
    this.report = { fileName, problems: [{ severity: 'error', line: 1, column: 1, path: '', message }], more: null };
    return false;
  }

  // -------------------------------------------------------------------------
  // The view: every change is an action for nextView, recorded in the URL.

  dispatch(action: ViewAction, historyEntry: 'push' | 'replace' = 'push'): void {
    const next = nextView(this.view, action);
    if (next === this.view) return;
    if (action.type !== 'change-filter') this.liveFilterChange = false;
    this.view = next;
    // A view read back from the URL is already there.
    if (action.type === 'restore') return;
    const hash = viewToHash(next);
    if (hash === location.hash) return;
    // The entry being left keeps its zoom and pan, so that Back brings them back too.
    const address = hash === '' ? location.pathname + location.search : hash;
    if (historyEntry === 'replace') {
      history.replaceState(history.state, '', address);
      return;
    }
    const viewport = this.graphView?.viewport();
    if (viewport) history.replaceState({ viewport } satisfies HistoryState, '');
    history.pushState(null, '', address);
  }

  private handlePopState = (event: PopStateEvent): void => {
    const viewport = (event.state as HistoryState | null)?.viewport;
    const restored = hashToView(location.hash);
    if (restored.paths && !this.view.paths) this.sideTab = 'paths';
    this.dispatch({ type: 'restore', view: restored, ...(viewport ? { viewport } : {}) });
  };

  private handleKeydown = (event: KeyboardEvent): void => {
    const modified = event.ctrlKey || event.metaKey || event.altKey;
    // Undo and redo of edits, apart from the view's Back and Forward; in a text field they undo typing.
    // Also outside Edit mode: an import is an edit, and Ctrl+Z takes it back.
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !typesText(event.composedPath()[0])) {
      const key = event.key.toLowerCase();
      if (key === 'z' || key === 'y') {
        event.preventDefault();
        if (key === 'y' || event.shiftKey) this.redo();
        else this.undo();
        return;
      }
    }
    if (event.key === '/' && !modified && !typesText(event.composedPath()[0])) {
      event.preventDefault();
      this.searchBox?.focusInput();
      return;
    }
    if (event.key !== 'Escape') return;
    if (this.report) this.report = null;
    else this.dispatch({ type: 'clear-selection' });
  };

  private handleSelect(event: AgEvent<'ag-select'>): void {
    // On a narrow window, a panel closed by hand opens again for what was just chosen.
    if (this.narrow && event.detail.selection !== null) this.evidenceOpen = null;
    this.dispatch({ type: 'select', selection: event.detail.selection, centre: event.detail.centre });
    this.markedEvidence = event.detail.evidenceIndex ?? null;
    if (event.detail.moveFocus) void this.focusEvidence();
  }

  private handleSearchHits(event: AgEvent<'ag-search-hits'>): void {
    this.searchHits = event.detail;
  }

  /** Keyboard focus to the evidence panel's heading, once the panel shows the new selection. */
  private async focusEvidence(): Promise<void> {
    await this.updateComplete;
    await this.evidencePanel?.updateComplete;
    this.evidencePanel?.focusHeading();
  }

  private async handleSkip(to: 'graph' | 'evidence' | 'filters'): Promise<void> {
    // A closed panel opens for the analyst who asks to go there.
    if (to === 'evidence' && !this.evidenceShown) this.evidenceOpen = true;
    if (to === 'filters') {
      this.filtersOpen = true;
      this.sideTab = 'filters';
    }
    await this.updateComplete;
    if (to === 'evidence') this.evidencePanel?.focusHeading();
    else if (to === 'filters') this.filterPanel?.focusStart();
    else if (this.view.mode === 'table') this.relationTable?.focusStart();
    else if (this.view.mode === 'claims') this.claimsView?.focusStart();
    else this.graphView?.focusCanvas();
  }

  private handleShowClaims(event: AgEvent<'ag-show-claims'>): void {
    this.dispatch({ type: 'show-claims', actorId: event.detail.actorId });
  }

  private handleFocus(event: AgEvent<'ag-focus'>): void {
    this.dispatch({ type: 'focus', ...event.detail });
  }

  private handleFocusClear(): void {
    this.dispatch({ type: 'clear-focus' });
  }

  /** Whether the last filter change was a live one (a brush moving, a play step). */
  private liveFilterChange = false;

  private handleFilterChange(event: AgEvent<'ag-filter-change'>): void {
    const live = event.detail.live === true;
    // A gesture is one step of Back: its first change adds a history entry, the rest replace it.
    const history = this.liveFilterChange ? 'replace' : 'push';
    this.liveFilterChange = live;
    this.dispatch({ type: 'change-filter', change: event.detail.change }, history);
  }

  private handleFiltersReset(): void {
    this.dispatch({ type: 'reset-filters' });
  }

  private handleAutoFit(event: AgEvent<'ag-auto-fit-change'>): void {
    this.dispatch({ type: 'set-auto-fit', autoFit: event.detail.autoFit });
  }

  /** Whether the evidence panel is on screen: the analyst's choice, or by the window's width and the selection. */
  private get evidenceShown(): boolean {
    return this.evidenceOpen ?? (!this.narrow || this.view.selection !== null);
  }

  /** The width of the evidence panel laid over the graph (as in the styles: min(390px, 85vw)). */
  private overlayWidth(): number {
    return Math.min(390, window.innerWidth * 0.85);
  }

  private handleNarrow = (event: MediaQueryListEvent): void => {
    this.narrow = event.matches;
    this.evidenceOpen = null;
  };

  private toggleFilters(): void {
    this.filtersOpen = !this.filtersOpen;
    void this.refitAfterResize();
  }

  private toggleTimeBar(): void {
    this.timeBarOpen = !this.timeBarOpen;
    void this.refitAfterResize();
  }

  private toggleEvidence(): void {
    this.evidenceOpen = !this.evidenceShown;
    // On a narrow window the panel opens over the graph, which keeps its size.
    if (!this.narrow) void this.refitAfterResize();
  }

  /** A panel opened or closed changes the graph's width: fit again, when the analyst wants fitting. */
  private async refitAfterResize(): Promise<void> {
    if (!this.view.autoFit || this.view.mode !== 'graph') return;
    await this.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await this.graphView?.fitTo();
  }

  private setMode(mode: ViewMode): void {
    this.dispatch({ type: 'set-mode', mode });
  }

  // -------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('graph') && this.graph) this.index = indexGraph(this.graph);
    if ((changed.has('graph') || changed.has('view')) && this.graph && this.index) {
      const last = this.visibleFor;
      if (!last || last.graph !== this.graph || !sameFilters(last.filters, this.view.filters)) {
        const filtering = performance.now();
        this.visible = visibleSubgraph(this.graph, this.view.filters);
        this.visibleFor = { graph: this.graph, filters: this.view.filters };
        // The filter's own cost, apart from drawing what it keeps (the bench prints both).
        performance.measure('ag:filter', { start: filtering });
      }
      const focus = this.view.focus;
      this.focusedNeighbourhood =
        focus && this.index.actorById.has(focus.actorId)
          ? neighbourhood(this.index, focus.actorId, focus.hops, this.visible.relationIds)
          : null;
      this.updatePaths(this.index);
    }
    this.updateActorStyles();
  }

  protected override updated(): void {
    this.analyseIfWanted();
  }

  /** The measures are computed while the ranking is open or they size or fill the actors; again on a filter change. */
  private analyseIfWanted(): void {
    const graph = this.graph;
    const wanted = this.sideTab === 'ranking' || this.sizeBy !== null || this.colourByCommunity;
    if (!graph || !wanted || this.analysedFor === this.visible) return;
    const visible = this.visible;
    this.analysedFor = visible;
    this.analysing = true;
    analyseVisible(graph, visible).then(
      (analysis) => {
        if (this.analysedFor !== visible) return;
        this.analysis = analysis;
        this.analysing = false;
      },
      (error: unknown) => {
        // A newer request replaced this one: its answer will come.
        if (error instanceof DOMException && error.name === 'AbortError') return;
        if (this.analysedFor !== visible) return;
        this.analysing = false;
        this.showNotice(`The measures could not be computed: ${error instanceof Error ? error.message : error}`);
      },
    );
  }

  /** Sizes and fills for the graph, made again only when the analysis or the choice changes. */
  private updateActorStyles(): void {
    const analysis = this.analysis;
    const last = this.sizedFor;
    if (last && last.analysis === analysis && last.sizeBy === this.sizeBy && last.colour === this.colourByCommunity) {
      return;
    }
    this.sizedFor = { analysis, sizeBy: this.sizeBy, colour: this.colourByCommunity };
    this.actorSizes =
      analysis && this.sizeBy
        ? sizesFor(analysis.centrality, this.sizeBy, ACTOR_SIZE_RANGE.min, ACTOR_SIZE_RANGE.max)
        : null;
    this.actorColours = analysis && this.colourByCommunity ? communityColours(analysis.communities) : null;
  }

  /** What sizes and fills the actors, in words, for an exported picture's caption. */
  private actorStyleNotes(): string[] {
    const analysis = this.analysis;
    if (!analysis) return [];
    const notes: string[] = [];
    const measure = this.sizeBy;
    const range = measure ? measureRange(analysis.centrality, measure) : null;
    if (measure && range) {
      const info = MEASURE_INFO[measure];
      notes.push(
        `Actor size: ${info.label.toLowerCase()} among the actors shown, area in proportion ` +
          `(smallest ${formatScore(range.min, measure)}, largest ${formatScore(range.max, measure)})`,
      );
    }
    if (this.colourByCommunity) {
      const { count } = analysis.communities;
      notes.push(
        `Actor fill: ${count} communit${count === 1 ? 'y' : 'ies'} found by the Louvain method among the actors ` +
          'shown (the 8 largest coloured, the rest grey); kind is shown by shape',
      );
    }
    return notes;
  }

  /**
   * Runs the path search again only when the question, the graph or what the
   * filters show has changed; picking another path of the list only moves the highlight.
   */
  private updatePaths(index: GraphIndex): void {
    const query = this.view.paths;
    const relationIds = this.visible.relationIds;
    if (!query) {
      this.pathSearch = null;
      this.pathResult = null;
      this.pathHighlighted = null;
      return;
    }
    const last = this.pathSearch;
    if (!last || last.index !== index || last.relationIds !== relationIds || !sameSearch(last.query, query)) {
      this.pathResult = findPaths(index, query, relationIds);
      this.pathSearch = { index, relationIds, query };
    }
    const result = this.pathResult;
    this.pathHighlighted = result && result.paths.length > 0 ? pathHighlight(result, query.shown) : null;
  }

  /** The selection's relations (an actor's, or the relation), marked where they fall on the time bar. */
  private markedRelations(): readonly string[] {
    const selection = this.view.selection;
    if (!selection || !this.index) return NO_RELATIONS;
    const key = `${selection.kind}:${selection.id}`;
    if (this.markedFor?.key === key && this.markedFor.index === this.index) return this.markedFor.ids;
    const ids =
      selection.kind === 'relation'
        ? [selection.id].filter((id) => this.index?.relationById.has(id))
        : (this.index.relationsByActor.get(selection.id) ?? []).map((relation) => relation.id);
    this.markedFor = { key, index: this.index, ids };
    return ids;
  }

  private markedFor: { key: string; index: GraphIndex; ids: string[] } | null = null;

  /** What the graph highlights, the rest dimmed: the paths asked for, else the focus. */
  private get highlighted(): Neighbourhood | null {
    return this.pathHighlighted ?? this.focusedNeighbourhood;
  }

  override render() {
    const graph = this.graph;
    const view = this.view;
    const table = view.mode === 'table';
    const claims = view.mode === 'claims';
    const centreName = table ? 'Relation table' : claims ? 'Claims' : 'Graph';
    const status = graph ? `${this.graphName} · ${visibleCountLine(graph, this.visible)}` : 'Opening the graph…';
    const evidenceShown = this.evidenceShown;
    const editing = this.editing;
    const wideSide = this.sideTab !== 'filters' ? 'wide-side' : '';
    const panels = editing
      ? 'editing'
      : `${this.filtersOpen ? '' : 'no-filters'} ${evidenceShown ? '' : 'no-evidence'} ${wideSide}`;
    return html`
      <nav class="skip-links" aria-label="Skip links">
        <button class="skip-link" @click=${() => void this.handleSkip('graph')}>
          Skip to ${table ? 'table' : claims ? 'claims' : 'graph'}
        </button>
        <button class="skip-link" @click=${() => void this.handleSkip('evidence')}>Skip to evidence</button>
        <button class="skip-link" @click=${() => void this.handleSkip('filters')}>Skip to filters</button>
      </nav>
      <header>
        <div>
          <h1>${graph?.title ?? 'Actor graph explorer'}</h1>
          <div class="status" role="status" aria-live="polite">${status}</div>
        </div>
        <ag-search-box .graph=${graph} @ag-select=${this.handleSelect}
          @ag-show-claims=${this.handleShowClaims} @ag-search-hits=${this.handleSearchHits}></ag-search-box>
        <div class="toolbar" role="toolbar" aria-label="Graph actions">
          <button aria-pressed=${this.filtersOpen ? 'true' : 'false'} aria-controls="filters" ?hidden=${editing}
            title="Show or hide the legend and filters" @click=${this.toggleFilters}>Filters</button>
          <button aria-pressed=${evidenceShown ? 'true' : 'false'} aria-controls="evidence" ?hidden=${editing}
            title="Show or hide the evidence panel" @click=${this.toggleEvidence}>Evidence</button>
          <button aria-pressed=${this.timeBarOpen ? 'true' : 'false'} ?hidden=${claims}
            title="Show or hide the time bar under the graph (relations by date, and the date window)"
            @click=${this.toggleTimeBar}>Time</button>
          <span class="modes" role="group" aria-label="View">
            ${VIEW_MODE_BUTTONS.map(
              ({ mode, label, title }) => html`<button aria-pressed=${view.mode === mode ? 'true' : 'false'}
                title=${title} @click=${() => this.setMode(mode)}>${label}</button>`,
            )}
          </span>
          <button ?disabled=${view.mode !== 'graph'} @click=${() => this.graphView?.relayout()}
            title="Run the layout again on what is visible">Re-layout</button>
          <button ?disabled=${view.mode !== 'graph'} @click=${() => this.graphView?.fitTo()}
            title="Fit what is visible in the view">Fit</button>
          <button aria-pressed=${editing ? 'true' : 'false'} @click=${this.toggleEditing}
            title="Edit the graph: add and change actors, relations, evidence and sources">Edit</button>
          <button @click=${() => this.newGraphDialog.open()} title="Start an empty graph">New graph…</button>
          <button @click=${() => this.fileInput.click()}>Open graph…</button>
          <button @click=${() => this.importDialog.open()}
            title="Merge spreadsheets (CSV, XLSX) into this graph by id">Import sheets…</button>
          <input type="file" accept=".json,application/json" aria-label="Graph file to open"
            @change=${this.handleFileChosen} />
          <label class="visually-hidden" for="export-scope">Export what</label>
          <select id="export-scope" @change=${this.handleExportScope} title="What the exported picture shows"
            ?hidden=${claims}>
            ${EXPORT_SCOPES.map(
              ({ scope, label }) =>
                html`<option value=${scope} .selected=${exportScopeIn(view.mode, this.exportScope) === scope}
                  ?disabled=${table && scope === 'screen'}>${label}</option>`,
            )}
          </select>
          <button class="primary" @click=${() => void this.exportView('png')}>Export PNG</button>
          <button @click=${() => void this.exportView('svg')} title="A vector copy, for reports and print">
            Export SVG</button>
          <button @click=${() => this.dataExportDialog.open()}
            title="The data, for a spreadsheet, Gephi, yEd, Cytoscape or a threat-intelligence platform">
            Export data…</button>
          ${
            claims
              ? html`<button @click=${() => this.exportClaimsCsv()}
                  title="The claims shown, one row each, for a spreadsheet">
                  Export CSV</button>`
              : nothing
          }
        </div>
      </header>
      <div class="panels ${panels}">
        ${
          editing
            ? html`<ag-sources-pane class="sources" role="region" aria-label="Sources" .graph=${graph}
                .sourceId=${this.readerSource} .archiveTexts=${this.editSession.archiveTexts}
                .problems=${this.editProblemsIn === 'sources' ? this.editProblems : {}}
                @ag-edit=${this.handleEdit} @ag-reader-source=${(event: AgEvent<'ag-reader-source'>) => {
                  this.readerSource = event.detail.sourceId;
                }} @ag-cite=${this.handleCite}
                @ag-source-text-attach=${this.handleSourceTextAttach}
                @ag-source-text-detach=${this.handleSourceTextDetach}></ag-sources-pane>`
            : nothing
        }
        <div class="side" id="filters" role="region" aria-label="Filters and analysis">
          ${this.renderSideTabs()}
          ${
            this.sideTab === 'filters'
              ? html`<ag-filter-panel id="side-filters" role="tabpanel" aria-label="Legend and filters"
                  .graph=${graph} .filters=${view.filters}
                  .autoFit=${view.autoFit} @ag-filter-change=${this.handleFilterChange}
                  @ag-filters-reset=${this.handleFiltersReset}
                  @ag-auto-fit-change=${this.handleAutoFit}></ag-filter-panel>`
              : nothing
          }
          ${
            this.sideTab === 'ranking'
              ? html`<ag-ranking-panel id="side-ranking" role="tabpanel" aria-label="Who matters" .graph=${graph}
                  .result=${this.analysis?.centrality ?? null} .communities=${this.analysis?.communities ?? null}
                  .computing=${this.analysing} .sizeBy=${this.sizeBy} .colourByCommunity=${this.colourByCommunity}
                  .selection=${view.selection} @ag-select=${this.handleSelect}
                  @ag-size-by=${(event: AgEvent<'ag-size-by'>) => {
                    this.sizeBy = event.detail.measure;
                  }}
                  @ag-colour-by-community=${(event: AgEvent<'ag-colour-by-community'>) => {
                    this.colourByCommunity = event.detail.on;
                  }}></ag-ranking-panel>`
              : nothing
          }
          ${
            this.sideTab === 'paths'
              ? html`<ag-paths-panel id="side-paths" role="tabpanel" aria-label="Paths" .graph=${graph}
                  .index=${this.index} .visibleRelationIds=${this.visible.relationIds} .query=${view.paths}
                  .result=${this.pathResult} @ag-find-paths=${this.handleFindPaths}
                  @ag-show-path=${this.handleShowPath} @ag-clear-paths=${this.handleClearPaths}
                  @ag-export-paths=${this.handleExportPaths} @ag-select=${this.handleSelect}></ag-paths-panel>`
              : nothing
          }
        </div>
        <main class="centre" aria-label=${centreName} @ag-select=${this.handleSelect}
          @ag-focus=${this.handleFocus} @ag-show-claims=${this.handleShowClaims}>
          ${this.renderFocusBar()}
          ${editing ? this.renderEditBar() : nothing}
          <div class="stage">
            ${this.renderDraftOffer()}
            <ag-problem-list .fileName=${this.report?.fileName ?? ''} .problems=${this.report?.problems ?? []}
              .sheetProblems=${this.report?.sheetProblems ?? []} .shownInstead=${this.report?.shownInstead ?? ''}
              .more=${this.report?.more ?? null} @ag-problems-dismiss=${() => {
                this.report = null;
              }}></ag-problem-list>
            <ag-graph-view ?hidden=${table || claims} .graph=${graph} .fileSerial=${this.fileSerial}
              .index=${this.index}
              .visible=${this.visible} .neighbourhood=${this.highlighted} .selection=${view.selection}
              .camera=${view.camera}
              .obscuredRight=${this.narrow && evidenceShown && !editing ? this.overlayWidth() : 0}
              .searchHits=${this.searchHits} .editing=${editing} .actorSizes=${this.actorSizes}
              .actorColours=${this.actorColours} @ag-connect=${this.handleConnect}
              @ag-actors-moved=${this.handleActorsMoved}>
            </ag-graph-view>
            ${
              table
                ? html`<ag-relation-table .graph=${graph} .index=${this.index}
                    .visibleRelationIds=${this.visible.relationIds} .selection=${view.selection}></ag-relation-table>`
                : nothing
            }
            ${
              claims
                ? html`<ag-claims-view .graph=${graph} .index=${this.index} .actorId=${view.claimsAbout}
                    .visibleRelationIds=${this.visible.relationIds} .selection=${view.selection}></ag-claims-view>`
                : nothing
            }
            ${this.renderEmptyState()}
            ${this.renderLoading()}
            ${this.notice ? html`<div class="notice" role="status">${this.notice}</div>` : nothing}
            ${this.dragging ? html`<div class="drop">Drop a graph file (.json) to open it</div>` : nothing}
          </div>
          ${
            claims || !this.timeBarOpen
              ? nothing
              : html`<ag-time-bar class=${this.narrow && evidenceShown && !editing ? 'obscured' : ''}
                  .graph=${graph} .filters=${view.filters}
                  .visibleRelationIds=${this.visible.relationIds} .markedRelationIds=${this.markedRelations()}
                  @ag-filter-change=${this.handleFilterChange}></ag-time-bar>`
          }
        </main>
        <ag-evidence-panel id="evidence" role="complementary" aria-label="Evidence" .graph=${graph}
          .index=${this.index} .selection=${view.selection} .focusedOn=${view.focus} .filters=${view.filters}
          .markedEvidence=${this.markedEvidence} @ag-select=${this.handleSelect} @ag-focus=${this.handleFocus}
          @ag-show-claims=${this.handleShowClaims} @ag-path-end=${this.handlePathEnd}
          .archiveTexts=${this.editSession.archiveTexts}></ag-evidence-panel>
        ${
          editing
            ? html`<ag-editor-panel class="editor" role="complementary" aria-label="Editor" .graph=${graph}
                .index=${this.index} .selection=${view.selection} .task=${this.editTask}
                .problems=${this.editProblemsIn === 'editor' ? this.editProblems : {}}
                .elsewhere=${this.editElsewhere} .archiveTexts=${this.editSession.archiveTexts}
                .citation=${this.citation} @ag-edit=${this.handleEdit} @ag-edit-task=${this.handleEditTask}
                @ag-edit-preview=${this.handleEditPreview}
                @ag-select=${this.handleSelect}></ag-editor-panel>`
            : nothing
        }
      </div>
      <ag-import-dialog .graph=${graph} @ag-import=${this.handleImport}
        @ag-import-problems=${this.handleImportProblems}></ag-import-dialog>
      <ag-data-export-dialog .shownLine=${graph ? visibleCountLine(graph, this.visible) : ''}
        @ag-data-export=${this.handleDataExport}>
      </ag-data-export-dialog>
      <ag-new-graph-dialog @ag-new-graph=${(event: AgEvent<'ag-new-graph'>) => this.startNewGraph(event.detail)}>
      </ag-new-graph-dialog>
    `;
  }

  /** Undo, redo and save, above the graph while editing. */
  private renderEditBar() {
    const session = this.editSession;
    const undoLabel = session.history.done.at(-1)?.label;
    const redoLabel = session.history.undone.at(-1)?.label;
    const unsaved = session.dirty ? 'Unsaved edits (kept in this browser)' : 'No unsaved edits';
    return html`<div class="edit-bar" role="toolbar" aria-label="Edits">
      <button ?disabled=${!undoLabel} @click=${() => this.undo()}
        title=${undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}>Undo</button>
      <button ?disabled=${!redoLabel} @click=${() => this.redo()}
        title=${redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>Redo</button>
      <span class="what">${undoLabel ? `Last edit: ${undoLabel}` : 'No edits yet'} · ${unsaved}</span>
      <button class="primary" @click=${() => void this.saveGraph(false)}
        title="Save the file (checked first: only a valid file is written)">Save</button>
      <button @click=${() => void this.saveGraph(true)} title="Save under another name">Save as…</button>
    </div>`;
  }

  /** Unsaved edits from an earlier visit: restore them or let them go. */
  private renderDraftOffer() {
    const draft = this.draftOffer;
    if (!draft) return nothing;
    const when = new Date(draft.savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    return html`<div class="draft-offer" role="alertdialog" aria-label="Unsaved edits">
      <span>Unsaved edits to ${draft.fileName} from ${when} were kept in this browser.</span>
      <button class="primary" @click=${() => void this.restoreDraft()}>Restore</button>
      <button @click=${() => void this.discardDraft()}>Discard</button>
    </div>`;
  }

  /** The side column's tabs (a tablist: arrow keys move between them). */
  private renderSideTabs() {
    return html`<div class="side-tabs" role="tablist" aria-label="Side panel" @keydown=${this.handleSideTabKeys}>
      ${SIDE_TABS.map(
        ({ tab, label, title }) => html`<button role="tab" id="tab-${tab}" aria-controls="side-${tab}"
          aria-selected=${this.sideTab === tab ? 'true' : 'false'} tabindex=${this.sideTab === tab ? 0 : -1}
          title=${title} @click=${() => this.showSideTab(tab)}>${label}</button>`,
      )}
    </div>`;
  }

  private handleSideTabKeys(event: KeyboardEvent): void {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const at = SIDE_TABS.findIndex(({ tab }) => tab === this.sideTab);
    const next = SIDE_TABS[(at + (event.key === 'ArrowRight' ? 1 : -1) + SIDE_TABS.length) % SIDE_TABS.length];
    if (!next) return;
    this.showSideTab(next.tab);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next.tab}`)?.focus());
  }

  /** Opens a tab of the side column (and the column, if closed). */
  showSideTab(tab: SideTab): void {
    if (this.sideTab === tab && this.filtersOpen) return;
    this.sideTab = tab;
    this.filtersOpen = true;
    void this.refitAfterResize();
  }

  // -------------------------------------------------------------------------
  // Paths: the question is part of the view (and the URL); the answer is computed in willUpdate.

  private handleFindPaths(event: AgEvent<'ag-find-paths'>): void {
    this.dispatch({ type: 'find-paths', query: event.detail.query });
  }

  private handleShowPath(event: AgEvent<'ag-show-path'>): void {
    this.dispatch({ type: 'show-path', index: event.detail.index });
  }

  private handleClearPaths(): void {
    this.dispatch({ type: 'clear-paths' });
  }

  /** "Paths from here" in an actor's panel: that end is set, and the paths panel opens at the other. */
  private async handlePathEnd(event: AgEvent<'ag-path-end'>): Promise<void> {
    const { end, actorId } = event.detail;
    const current = this.view.paths;
    const other = end === 'from' ? current?.to : current?.from;
    if (current && other && other !== actorId) {
      this.dispatch({ type: 'find-paths', query: { ...current, [end]: actorId } });
    } else {
      this.dispatch({ type: 'set-path-end', end, actorId });
    }
    this.showSideTab('paths');
    await this.updateComplete;
    await this.pathsPanel?.updateComplete;
    this.pathsPanel?.focusStart();
  }

  private handleExportPaths(event: AgEvent<'ag-export-paths'>): void {
    if (event.detail.format === 'csv') this.exportPathsCsv();
    else void this.exportSnapshot('png', 'shown');
  }

  /** The paths found, one row per step with its strongest evidence; null when there are none. */
  exportPathsCsv(): string | null {
    const index = this.index;
    const result = this.pathResult;
    const query = this.view.paths;
    if (!index || !result || !query || result.paths.length === 0) {
      this.showNotice('Find paths first: there are none to export');
      return null;
    }
    const records = pathStepRecords(index, result);
    const text = toCsv(records, PATH_STEP_COLUMNS);
    const today = new Date().toISOString().slice(0, 10);
    const fileName = `${this.graphName.replace(/\.json$/i, '')}-paths-${query.from}-to-${query.to}-${today}.csv`;
    this.offerDownload(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
    this.showNotice(`Exported ${fileName} (${plural(result.paths.length, 'path')}, ${plural(records.length, 'step')})`);
    return text;
  }

  /** The paths highlighted, in words, for an exported picture's caption. */
  private pathNotes(): string[] {
    const index = this.index;
    const result = this.pathResult;
    const query = this.view.paths;
    if (!index || !result || !query || result.paths.length === 0) return [];
    const shown = query.shown !== null && result.paths[query.shown] ? [query.shown] : result.paths.map((_, i) => i);
    const lines = shown.map((place) => {
      const path = result.paths[place];
      return path ? describePath(index, path, place, result.paths.length) : '';
    });
    const constraints = describePathConstraints(index, query).join('; ');
    return [...lines.filter(Boolean), `Paths searched with: ${constraints}`];
  }

  private renderPathsBar() {
    const query = this.view.paths;
    const result = this.pathResult;
    if (!query || !result || result.paths.length === 0) return nothing;
    const label = (id: string) => this.index?.actorById.get(id)?.label ?? id;
    const which =
      query.shown !== null && result.paths[query.shown]
        ? `path ${query.shown + 1} of ${result.paths.length}`
        : `all ${plural(result.paths.length, 'path')}`;
    const what = `Paths from ${label(query.from)} to ${label(query.to)}: ${which} highlighted (the rest dimmed)`;
    return html`<div class="focus-bar paths-bar" role="status">
      <span class="what" title=${what}>${what}</span>
      <button @click=${() => this.showSideTab('paths')}>Show list</button>
      <button @click=${this.handleClearPaths}>Clear paths</button>
    </div>`;
  }

  private renderFocusBar() {
    if (this.pathHighlighted) return this.renderPathsBar();
    const focus = this.view.focus;
    if (!focus) return nothing;
    const label = this.index?.actorById.get(focus.actorId)?.label ?? focus.actorId;
    const kept = this.focusedNeighbourhood;
    const counts = `${plural(kept?.actorIds.size ?? 0, 'actor')}, ${plural(kept?.relationIds.size ?? 0, 'relation')}`;
    const what = `Focus: ${focus.hops === 1 ? 'direct links' : 'two steps'} of ${label} (${counts}; the rest dimmed)`;
    return html`<div class="focus-bar" role="status">
      <span class="what" title=${what}>${what}</span>
      <button @click=${this.handleFocusClear}>Clear focus</button>
    </div>`;
  }

  private renderLoading() {
    if (!this.loading) return nothing;
    return html`<div class="loading" role="status">Checking ${this.loading.fileName}: ${this.loading.phase}…</div>`;
  }

  /** When the filters keep nothing, say so where the graph would be, with the way back. */
  private renderEmptyState() {
    if (!this.graph || this.graph.actors.length === 0 || this.visible.actorIds.size > 0) return nothing;
    return html`<div class="empty" role="status">
      <span>No actor matches these filters.</span>
      <button @click=${this.handleFiltersReset}>Reset filters</button>
    </div>`;
  }

  private handleExportScope(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.exportScope = EXPORT_SCOPES.find((entry) => entry.scope === value)?.scope ?? 'screen';
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
    this.noticeTimer = window.setTimeout(() => {
      this.notice = '';
    }, 4000);
  }

  /**
   * Builds a snapshot (PNG or SVG) of the scope chosen, offers it as a
   * download and reports it. The graph is drawn again at the report's size in
   * an instance of its own, so the snapshot does not depend on the window.
   */
  async exportSnapshot(format: ExportFormat = 'png', scope?: ExportScope): Promise<SnapshotResult | null> {
    const graph = this.graph;
    if (!graph || !this.graphView) return null;
    const started = performance.now();
    // A big graph takes seconds to draw again: say so before the work holds the page.
    this.showNotice(`Preparing the ${format.toUpperCase()}…`);
    await this.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    let result: SnapshotResult;
    try {
      result = await this.buildSnapshot(graph, format, started, scope);
    } catch (error) {
      this.showNotice(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    this.offerDownload(result.blob, result.fileName);
    const size = `${result.width} × ${result.height} px`;
    const shortened = result.shortenings.length ? `; shortened to fit: ${result.shortenings.join('; ')}` : '';
    this.showNotice(`Exported ${result.fileName} (${size})${shortened}`);
    emit(this, 'ag-exported', result);
    return result;
  }

  /** Exports what the centre shows: the graph (or table) snapshot, or the claims. */
  private async exportView(format: ExportFormat): Promise<void> {
    if (this.view.mode === 'claims') await this.exportClaims(format);
    else await this.exportSnapshot(format);
  }

  /**
   * The claims view as a picture (PNG or SVG) that stands alone in a report:
   * the claims shown, the filters in force, the sources cited, what grades mean.
   */
  async exportClaims(format: ExportFormat): Promise<{ blob: Blob; fileName: string; text?: string } | null> {
    const graph = this.graph;
    const claims = this.claimsView?.claims;
    if (!graph || !claims) {
      this.showNotice('Pick an actor to export the claims about it');
      return null;
    }
    const today = new Date().toISOString().slice(0, 10);
    const content = claimsSnapshotContent(graph, claims, describeFilters(graph, this.view.filters, null), today);
    const composed: ComposedSnapshot & { text?: string } =
      format === 'png' ? await composeClaimsPng(content, EXPORT_SCALE) : composeClaimsSvg(content, EXPORT_SCALE);
    const fileName = `${this.graphName.replace(/\.json$/i, '')}-claims-about-${claims.actor.id}-${today}.${format}`;
    this.offerDownload(composed.blob, fileName);
    const shortened = composed.shortenings.length ? `; shortened to fit: ${composed.shortenings.join('; ')}` : '';
    this.showNotice(`Exported ${fileName} (${composed.width} × ${composed.height} px)${shortened}`);
    return { blob: composed.blob, fileName, text: composed.text };
  }

  /**
   * The graph's data in a format another tool reads (or the graph file), of
   * what is shown (filters and focus applied) or of everything; offered as a
   * download.
   */
  async exportData(format: DataFormat, whole: boolean): Promise<DataExport | null> {
    const graph = this.graph;
    if (!graph) return null;
    const kept = whole ? null : keptForExport(graph, 'shown', this.visible, this.focusedNeighbourhood);
    let made: DataExport;
    try {
      made = await buildDataExport({
        format,
        graph,
        graphName: this.graphName,
        kept,
        filterLines: describeFilters(graph, this.view.filters, this.view.focus),
        positions: await this.currentPositions(),
        now: new Date(),
      });
    } catch (error) {
      this.showNotice(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    this.offerDownload(made.blob, made.fileName);
    this.showNotice(`Exported ${made.fileName}`);
    return made;
  }

  private handleDataExport(event: AgEvent<'ag-data-export'>): void {
    void this.exportData(event.detail.format, event.detail.whole);
  }

  /** The claims shown, as CSV: one row per claim, in the order shown. */
  exportClaimsCsv(): string | null {
    const claims = this.claimsView?.claims;
    if (!claims) {
      this.showNotice('Pick an actor to export the claims about it');
      return null;
    }
    const records = claimRecords(claims);
    const text = toCsv(records, CLAIM_COLUMNS);
    const today = new Date().toISOString().slice(0, 10);
    const fileName = `${this.graphName.replace(/\.json$/i, '')}-claims-about-${claims.actor.id}-${today}.csv`;
    this.offerDownload(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
    this.showNotice(`Exported ${fileName} (${plural(records.length, 'claim')})`);
    return text;
  }

  private offerDownload(blob: Blob, fileName: string): void {
    offerDownload(blob, fileName);
  }

  private async buildSnapshot(
    graph: Graph,
    format: ExportFormat,
    started: number,
    scopeAsked?: ExportScope,
  ): Promise<SnapshotResult> {
    const scope = scopeAsked ?? exportScopeIn(this.view.mode, this.exportScope);
    const kept = keptForExport(graph, scope, this.visible, this.highlighted);
    const scene = await this.graphView.exportScene(kept, scope);
    const rendered = await renderGraphForExport(scene.elements, REPORT_GRAPH, { png: format === 'png' });
    const today = new Date().toISOString().slice(0, 10);
    const drawn = { actorIds: scene.actorIds, relationIds: scene.relationIds };
    const hiddenLabels = rendered.hiddenLabels;
    const pathsHighlighted = this.pathHighlighted !== null;
    const content = snapshotContent(graph, this.view, { scope, drawn, kept, hiddenLabels, pathsHighlighted }, today);
    if (scope !== 'whole') content.notes.unshift(...this.pathNotes());
    content.notes.push(...this.actorStyleNotes());
    const snapshot =
      format === 'png' && rendered.png
        ? await composeSnapshot(rendered.png, content, EXPORT_SCALE)
        : composeSvgSnapshot(rendered.drawing, content, EXPORT_SCALE);
    const { width, height } = rendered.drawing;
    return {
      blob: snapshot.blob,
      width: snapshot.width,
      height: snapshot.height,
      shortenings: snapshot.shortenings,
      fileName: snapshotFileName(this.graphName, today, scope, format),
      format,
      scope,
      content,
      graph: {
        width,
        height,
        scale: rendered.scale,
        zoom: rendered.zoom,
        labelBoxes: rendered.labelBoxes,
        actorIds: [...scene.actorIds],
        relationIds: [...scene.relationIds],
      },
      milliseconds: performance.now() - started,
    };
  }

  /** Resolves when the current graph is laid out and drawn. */
  get graphDrawn(): Promise<void> {
    // Children update after the app does, so wait for the graph view's own update.
    return (this.initialOpen ?? Promise.resolve()).then(async () => {
      await this.updateComplete;
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

/** A file name from a graph's title. */
function slugForFile(title: string): string {
  return (
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'graph'
  );
}
