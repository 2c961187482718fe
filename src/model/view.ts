// The view an analyst is looking at (selection, focus, filters, mode) and every
// way it changes, as one pure reducer: ag-app only dispatches actions to it.

import { applyFilterChange, DEFAULT_FILTERS, type FilterChange, type FilterState, sameFilters } from './filter.ts';

/** What the centre of the explorer shows; later views (claims, timeline, paths) are more modes. */
export type ViewMode = 'graph' | 'table';
export const VIEW_MODES: readonly ViewMode[] = ['graph', 'table'];

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
  | { kind: 'fit'; scope: 'visible' | 'focus'; serial: number };

export interface ViewState {
  selection: Selection;
  focus: Focus | null;
  filters: FilterState;
  mode: ViewMode;
  /** The last camera move asked for; not part of the URL. */
  camera: CameraRequest | null;
}

export const DEFAULT_VIEW: ViewState = Object.freeze({
  selection: null,
  focus: null,
  filters: DEFAULT_FILTERS,
  mode: 'graph',
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
  /** A view read back from the URL (Back, Forward, a shared link): its selection is centred. */
  | { type: 'restore'; view: ViewState }
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

/** The view after an action. An action that changes nothing returns the same object. */
export function nextView(view: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'select': {
      const { selection } = action;
      const camera = action.centre && selection ? centreRequest(view, selection) : view.camera;
      if (sameSelection(selection, view.selection) && camera === view.camera) return view;
      return { ...view, selection, camera };
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
    case 'change-filter': {
      const filters = applyFilterChange(view.filters, action.change);
      return sameFilters(filters, view.filters) ? view : { ...view, filters };
    }
    case 'reset-filters':
      return sameFilters(view.filters, DEFAULT_FILTERS) ? view : { ...view, filters: DEFAULT_FILTERS };
    case 'set-mode':
      return view.mode === action.mode ? view : { ...view, mode: action.mode };
    case 'restore': {
      const restored = action.view;
      const camera = restored.selection ? centreRequest(view, restored.selection) : view.camera;
      return { ...restored, camera };
    }
    case 'reset':
      return DEFAULT_VIEW;
  }
}
