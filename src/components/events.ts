// Every event an element sends, with its payload: a wrong name or payload is
// a compile error. All bubble and cross shadow roots; all are sent by `emit`.

import type { Measure } from '../model/centrality.ts';
import type { DataFormat } from '../model/data-formats.ts';
import type { EditOperation } from '../model/edit.ts';
import type { EditTask, EvidenceDraft } from '../model/edit-forms.ts';
import type { FilterChange } from '../model/filter.ts';
import type { Position, Source } from '../model/graph.ts';
import type { LabelBox } from '../model/label-declutter.ts';
import type { PathQuery } from '../model/path-query.ts';
import type { ExportFormat, ExportScope, SnapshotContent } from '../model/snapshot-content.ts';
import type { Selection } from '../model/view.ts';

/** A snapshot (PNG or SVG) made by the explorer. */
export interface SnapshotResult {
  blob: Blob;
  fileName: string;
  format: ExportFormat;
  scope: ExportScope;
  /** Pixels of the PNG; for the SVG, its own size (CSS px). */
  width: number;
  height: number;
  /** What the picture had to leave out or shrink to fit, in words (empty when nothing). */
  shortenings: string[];
  /** What the caption says (title, counts, filters, notes, legend, sources). */
  content: SnapshotContent;
  /**
   * The graph area as drawn by the export instance, in CSS px (the PNG has
   * `scale` pixels per CSS px): its size, zoom, the box of every label drawn,
   * and the actors and relations in the picture.
   */
  graph: {
    width: number;
    height: number;
    scale: number;
    zoom: number;
    labelBoxes: LabelBox[];
    actorIds: string[];
    relationIds: string[];
  };
  /** Time taken, ms. */
  milliseconds: number;
}

export interface AgEventMap {
  /**
   * Select an actor or relation (null clears), and centre it when asked. With
   * `moveFocus`, keyboard focus then goes to the evidence panel's heading: set
   * by choices made in a list or from the keyboard (search, table, evidence
   * panel, Enter on the graph), never by a click on the graph.
   */
  'ag-select': {
    selection: Selection;
    centre: boolean;
    moveFocus?: boolean;
    /** An evidence item of the selection to bring into view and mark (a hit of the evidence search). */
    evidenceIndex?: number;
  };
  /** What the search box's query finds, to be marked in the graph (empty lists when the query is cleared). */
  'ag-search-hits': { query: string; actorIds: string[]; relationIds: string[] };
  /** Show the claims about an actor (the claims view). */
  'ag-show-claims': { actorId: string };
  /** Search for the paths between two actors (the paths panel's form). */
  'ag-find-paths': { query: PathQuery };
  /** One end of a path search picked from an actor's panel; the paths panel opens. */
  'ag-path-end': { end: 'from' | 'to'; actorId: string };
  /** Highlight one of the paths found (its place in the list), or all of them (null). */
  'ag-show-path': { index: number | null };
  'ag-clear-paths': Record<string, never>;
  /** The paths found as CSV, or the highlighted picture as PNG with the paths in its caption. */
  'ag-export-paths': { format: 'csv' | 'png' };
  /** Focus an actor's neighbourhood; with `toggle`, the focus already shown ends instead. */
  'ag-focus': { actorId: string; hops: 1 | 2; toggle: boolean };
  /** One change in the filter panel or the time bar (applied by the app to its latest filters). */
  'ag-filter-change': {
    change: FilterChange;
    /** A brush still moving or a play step: the app replaces its history entry instead of adding one. */
    live?: boolean;
  };
  /** Every filter back to its default. */
  'ag-filters-reset': Record<string, never>;
  /** Whether the view is fitted to what is shown after each filter change. */
  'ag-auto-fit-change': { autoFit: boolean };
  /** The analyst closed the problem list. */
  'ag-problems-dismiss': Record<string, never>;
  /** A newly set graph has been laid out and drawn. */
  'ag-graph-drawn': { actors: number; relations: number };
  /** A snapshot (PNG or SVG) was made and offered as a download. */
  'ag-exported': SnapshotResult;
  /** The analyst finished dragging actors: where each now is (graph coordinates, rounded to 0.1). */
  'ag-actors-moved': { positions: Record<string, Position> };
  /**
   * Edit mode: a relation proposed from one actor to another (dragged from the
   * first's handle to the second, or both picked with c). Nothing is added yet.
   */
  'ag-connect': { from: string; to: string };
  /**
   * Cite a passage of a source's attached text as evidence: `quote` is the
   * selected passage under the quote rule, so it is verbatim in that text.
   */
  'ag-cite': { sourceId: string; quote: string };
  /**
   * Attach a text to a source (opened from a file or pasted), or replace the one
   * attached: keep `text` in the browser under `fileName`, the source's `archive`.
   */
  'ag-source-text-attach': { sourceId: string; text: string; fileName: string };
  /** Detach the text attached to a source (its quotes are no longer checked against it). */
  'ag-source-text-detach': { sourceId: string };
  /** Apply an edit to the graph (the app validates it first, and refuses it with its problems). */
  'ag-edit': { operation: EditOperation };
  /** Check the edit a form would make, without applying it: its problems come back onto the form's fields. */
  'ag-edit-preview': { operation: EditOperation };
  /** Open an editor form, or close it (null). */
  'ag-edit-task': { task: EditTask | null };
  /** A field of an evidence item's form changed (the whole draft). */
  'ag-evidence-draft': { draft: EvidenceDraft };
  /** Show this source in the reader (editing). */
  'ag-reader-source': { sourceId: string };
  /** The errors of sheets being imported, at their cells (none: the sheets check out). */
  'ag-import-problems': {
    fileName: string;
    problems: { severity: 'error' | 'warning'; text: string }[];
    more: string | null;
  };
  /** Merge imported sheets into the graph: one edit, and what it does in words. */
  'ag-import': { operation: EditOperation; summary: string };
  /** Export the graph's data in this format, of everything or of what is shown. */
  'ag-data-export': { format: DataFormat; whole: boolean };
  /** Start a new graph with this title, description and first source. */
  'ag-new-graph': { title: string; description: string; source: Source };
  /** Size the actors by this centrality measure (null: every actor its usual size). */
  'ag-size-by': { measure: Measure | null };
  /** Fill the actors with their community's colour instead of their kind's, or stop. */
  'ag-colour-by-community': { on: boolean };
}

export type AgEventName = keyof AgEventMap;
export type AgEvent<K extends AgEventName> = CustomEvent<AgEventMap[K]>;

export function emit<K extends AgEventName>(from: EventTarget, type: K, detail: AgEventMap[K]): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'ag-select': AgEvent<'ag-select'>;
    'ag-search-hits': AgEvent<'ag-search-hits'>;
    'ag-show-claims': AgEvent<'ag-show-claims'>;
    'ag-focus': AgEvent<'ag-focus'>;
    'ag-filter-change': AgEvent<'ag-filter-change'>;
    'ag-filters-reset': AgEvent<'ag-filters-reset'>;
    'ag-auto-fit-change': AgEvent<'ag-auto-fit-change'>;
    'ag-problems-dismiss': AgEvent<'ag-problems-dismiss'>;
    'ag-graph-drawn': AgEvent<'ag-graph-drawn'>;
    'ag-exported': AgEvent<'ag-exported'>;
    'ag-actors-moved': AgEvent<'ag-actors-moved'>;
    'ag-connect': AgEvent<'ag-connect'>;
    'ag-cite': AgEvent<'ag-cite'>;
    'ag-source-text-attach': AgEvent<'ag-source-text-attach'>;
    'ag-source-text-detach': AgEvent<'ag-source-text-detach'>;
    'ag-edit': AgEvent<'ag-edit'>;
    'ag-edit-preview': AgEvent<'ag-edit-preview'>;
    'ag-edit-task': AgEvent<'ag-edit-task'>;
    'ag-evidence-draft': AgEvent<'ag-evidence-draft'>;
    'ag-reader-source': AgEvent<'ag-reader-source'>;
    'ag-new-graph': AgEvent<'ag-new-graph'>;
    'ag-data-export': AgEvent<'ag-data-export'>;
    'ag-import': AgEvent<'ag-import'>;
    'ag-import-problems': AgEvent<'ag-import-problems'>;
    'ag-size-by': AgEvent<'ag-size-by'>;
    'ag-colour-by-community': AgEvent<'ag-colour-by-community'>;
  }
}
