// Loads Cytoscape lazily, once, so the app's chrome paints before the 0.4 MB of
// graph code has been parsed. (fcose is registered in the layout worker, where
// layouts run.)

import type cytoscapeType from 'cytoscape';

let loading: Promise<typeof cytoscapeType> | null = null;

export function loadCytoscape(): Promise<typeof cytoscapeType> {
  loading ??= import('cytoscape').then((module) => module.default);
  return loading;
}
