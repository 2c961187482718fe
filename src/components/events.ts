// Every event a child element sends up, with its payload: a wrong name or
// payload is a compile error. All bubble and cross shadow roots.

import type { FilterState } from '../model/filter.ts';
import type { Selection } from '../model/view-state.ts';

export interface AgEventMap {
  /** Select an actor or relation (null clears), and centre it when asked. */
  'ag-select': { selection: Selection; centre: boolean };
  /** Focus an actor's neighbourhood (hops 0 ends the focus). */
  'ag-focus': { actorId: string; hops: 0 | 1 | 2 };
  'ag-filters-change': { filters: FilterState };
}

export type AgEvent<K extends keyof AgEventMap> = CustomEvent<AgEventMap[K]>;

export function emit<K extends keyof AgEventMap>(from: EventTarget, type: K, detail: AgEventMap[K]): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'ag-select': AgEvent<'ag-select'>;
    'ag-focus': AgEvent<'ag-focus'>;
    'ag-filters-change': AgEvent<'ag-filters-change'>;
  }
}
