// Loads Cytoscape lazily, once, so the app's chrome paints before the 0.4 MB of
// graph code has been parsed, and registers the extensions the page uses once:
// edgehandles draws the line of a connection being made (edit mode). (fcose is
// registered in the layout worker, where layouts run.)

import type cytoscapeType from 'cytoscape';

let loading: Promise<typeof cytoscapeType> | null = null;

export function loadCytoscape(): Promise<typeof cytoscapeType> {
  loading ??= Promise.all([import('cytoscape'), import('cytoscape-edgehandles')]).then(([cytoscape, edgehandles]) => {
    cytoscape.default.use(edgehandles.default);
    return cytoscape.default;
  });
  return loading;
}
