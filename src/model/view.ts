// The view an analyst is looking at (selection, focus, filters, mode) and every
// way it changes, as one pure reducer: ag-app only dispatches actions to it.

import { applyFilterChange, DEFAULT_FILTERS, type FilterChange, type FilterState, sameFilters } from './filter.ts';
import { cleanPathQuery, DEFAULT_PATH_QUERY, type PathQuery } from './path-query.ts';

/** What the centre of the explorer shows; later views (timeline, paths) are more modes. */
export type ViewMode = 'graph' | 'table' | 'claims';
export const VIEW_MODES: readonly ViewMode[] = ['graph', 'table', 'claims'];

export type Selected = { kind: 'actor' | 'relation'; id: string };
export type Selection = Selected | null;

export interface Focus {
  actorId: string;
  hops: 1 | 2;
}

/**
 * A camera move asked for by an action (centre on an item, fit what is shown).
 * Each request is a new object with a higher serial, so asking twice for the
 * same move (re-centring on the selected actor) is still a new request.
 */
export type CameraRequest =
  | { kind: 'centre'; target: Selected; serial: number }
  | { kind: 'fit'; scope: 'visible' | 'focus'; serial: number }
  | { kind: 'viewport'; viewport: Viewport; serial: number };

/** Zoom and pan of the graph, as Cytoscape has them (pan in px of the graph area). */
export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

export interface ViewState {
  selection: Selection;
  focus: Focus | null;
  filters: FilterState;
  mode: ViewMode;
  /** The actor whose claims the claims view shows (picked from its panel or the search box). */
  claimsAbout: string | null;
  /** Fit the view to what is shown after each filter change. */
  autoFit: boolean;
  /** "How is X connected to Y": the paths asked for, highlighted in the graph (the rest dimmed). */
  paths: PathQuery | null;
  /** The last camera move asked for; not part of the URL. */
  camera: CameraRequest | null;
}

export const DEFAULT_VIEW: ViewState = Object.freeze({
  selection: null,
  focus: null,
  filters: DEFAULT_FILTERS,
  mode: 'graph',
  claimsAbout: null,
  autoFit: true,
  paths: null,
  camera: null,
}) as ViewState;

export type ViewAction =
  /** Select an actor or relation (null clears); `centre` also moves the camera to it. */
  | { type: 'select'; selection: Selection; centre: boolean }
  | { type: 'clear-selection' }
  /** Focus on an actor's neighbourhood; with `toggle`, asking for the focus already shown ends it. */
  | { type: 'focus'; actorId: string; hops: 1 | 2; toggle: boolean }
  | { type: 'clear-focus' }
  | { type: 'change-filter'; change: FilterChange }
  | { type: 'reset-filters' }
  | { type: 'set-mode'; mode: ViewMode }
  /** The claims view, about an actor (also selected, so that its evidence is beside the claims). */
  | { type: 'show-claims'; actorId: string }
  | { type: 'set-auto-fit'; autoFit: boolean }
  /** Search for the paths between two actors (the graph is fitted to them). */
  | { type: 'find-paths'; query: PathQuery }
  /** One end of a path search picked (from an actor's panel); the other end stays. */
  | { type: 'set-path-end'; end: 'from' | 'to'; actorId: string }
  /** Highlight one path of those found (null: all of them). */
  | { type: 'show-path'; index: number | null }
  | { type: 'clear-paths' }
  /**
   * A view read back from the URL (Back, Forward, a shared link). With the
   * zoom and pan it was left at (kept in the browser's history), they come
   * back; otherwise its selection is centred.
   */
  | { type: 'restore'; view: ViewState; viewport?: Viewport }
  /** A new graph file: everything back to the default. */
  | { type: 'reset' };

function sameSelection(a: Selection, b: Selection): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);
}

function centreRequest(view: ViewState, target: Selected): CameraRequest {
  return { kind: 'centre', target, serial: (view.camera?.serial ?? 0) + 1 };
}

function fitRequest(view: ViewState, scope: 'visible' | 'focus'): CameraRequest {
  return { kind: 'fit', scope, serial: (view.camera?.serial ?? 0) + 1 };
}

/** New filters; with autoFit on, the view is fitted to what they show. */
function withFilters(view: ViewState, filters: FilterState): ViewState {
  if (sameFilters(filters, view.filters)) return view;
  return { ...view, filters, camera: view.autoFit ? fitRequest(view, 'visible') : view.camera };
}

/** The view after an action. An action that changes nothing returns the same object. */
export function nextView(view: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'select': {
      const { selection } = action;
      const camera = action.centre && selection ? centreRequest(view, selection) : view.camera;
      // In the claims view, picking an actor (from the search box) asks for the claims about it.
      const claimsAbout = view.mode === 'claims' && selection?.kind === 'actor' ? selection.id : view.claimsAbout;
      if (sameSelection(selection, view.selection) && camera === view.camera && claimsAbout === view.claimsAbout) {
        return view;
      }
      return { ...view, selection, camera, claimsAbout };
    }
    case 'clear-selection':
      return view.selection === null ? view : { ...view, selection: null };
    case 'focus': {
      const { actorId, hops } = action;
      if (action.toggle && view.focus?.actorId === actorId && view.focus.hops === hops) {
        return nextView(view, { type: 'clear-focus' });
      }
      return {
        ...view,
        focus: { actorId, hops },
        selection: { kind: 'actor', id: actorId },
        camera: fitRequest(view, 'focus'),
      };
    }
    case 'clear-focus':
      return view.focus === null ? view : { ...view, focus: null, camera: fitRequest(view, 'visible') };
    case 'change-filter':
      return withFilters(view, applyFilterChange(view.filters, action.change));
    case 'reset-filters':
      return withFilters(view, DEFAULT_FILTERS);
    case 'set-mode':
      return view.mode === action.mode ? view : { ...view, mode: action.mode };
    case 'show-claims':
      if (view.mode === 'claims' && view.claimsAbout === action.actorId) return view;
      return { ...view, mode: 'claims', claimsAbout: action.actorId, selection: { kind: 'actor', id: action.actorId } };
    case 'find-paths':
      return { ...view, paths: cleanPathQuery({ ...action.query, shown: null }), camera: fitRequest(view, 'focus') };
    case 'set-path-end': {
      const current = view.paths ?? DEFAULT_PATH_QUERY;
      if (current[action.end] === action.actorId) return view;
      return { ...view, paths: { ...current, [action.end]: action.actorId, shown: null } };
    }
    case 'show-path': {
      if (!view.paths || view.paths.shown === action.index) return view;
      return { ...view, paths: { ...view.paths, shown: action.index }, camera: fitRequest(view, 'focus') };
    }
    case 'clear-paths':
      return view.paths === null ? view : { ...view, paths: null, camera: fitRequest(view, 'visible') };
    case 'set-auto-fit':
      return view.autoFit === action.autoFit ? view : { ...view, autoFit: action.autoFit };
    case 'restore': {
      const restored = action.view;
      const serial = (view.camera?.serial ?? 0) + 1;
      let camera = view.camera;
      if (action.viewport) camera = { kind: 'viewport', viewport: action.viewport, serial };
      // A focus or paths are seen whole (a shared link opens on them, at any window size).
      else if (restored.focus || restored.paths) camera = fitRequest(view, 'focus');
      else if (restored.selection) camera = centreRequest(view, restored.selection);
      return { ...restored, camera };
    }
    case 'reset':
      return DEFAULT_VIEW;
  }
}
