// The Cytoscape stylesheet, as data. Node colour and shape come from the actor
// kind, edge colour from the relation type (both via element data); contested
// claims are dashed; state is shown by classes the controller toggles.

import type { StylesheetJson } from 'cytoscape';
import { FAMILIES, RELATION_FAMILIES } from '../model/palette.ts';

export const NODE_SIZE = 26;
export const LABEL_FONT = '12px "DejaVu Sans", system-ui, sans-serif';
/** Label sizes at zoom 1, px: actors, relations. */
export const NODE_FONT_SIZE = 12;
export const EDGE_FONT_SIZE = 11;
/** Wrap width and gap under the node of an actor's label at zoom 1, px. */
export const NODE_LABEL_WIDTH = 120;
export const NODE_LABEL_MARGIN = 4;

export const GRAPH_STYLESHEET: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: NODE_SIZE,
      height: NODE_SIZE,
      shape: 'data(shape)' as never,
      'background-color': 'data(color)',
      'border-width': 1.5,
      'border-color': '#ffffff',
      label: 'data(label)',
      'font-family': '"DejaVu Sans", system-ui, sans-serif',
      'font-size': NODE_FONT_SIZE,
      color: '#1c2230',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': NODE_LABEL_MARGIN,
      'text-wrap': 'wrap',
      'text-max-width': `${NODE_LABEL_WIDTH}px`,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
    },
  },
  {
    selector: 'edge',
    style: {
      width: 2,
      'curve-style': 'bezier',
      'line-color': 'data(color)',
      'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 1.1,
      // Edge labels only where the analyst is looking (hover, selection): on a
      // whole graph they pile up; the legend names the colours.
      label: '',
      'font-family': '"DejaVu Sans", system-ui, sans-serif',
      'font-size': EDGE_FONT_SIZE,
      color: '#3b4350',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 6,
    },
  },
  // Each family's line (palette.ts): dashes, arrowhead and weight, so that
  // types drawn alike always differ in colour.
  ...RELATION_FAMILIES.map((family) => {
    const line = FAMILIES[family];
    return {
      selector: `edge[family = "${family}"]`,
      style: {
        'line-style': line.lineStyle,
        ...(line.dashPattern.length > 0 ? { 'line-dash-pattern': line.dashPattern } : {}),
        'target-arrow-shape': line.arrow,
        width: line.width,
      },
    };
  }),
  { selector: 'edge[!directed]', style: { 'target-arrow-shape': 'none' } },
  { selector: 'edge[?bulk]', style: { 'curve-style': 'straight' } },
  { selector: '.ag-hidden', style: { display: 'none' } },
  { selector: '.ag-dimmed', style: { opacity: 0.12 } },
  { selector: 'edge.ag-hover, edge.ag-selected, edge.ag-touching', style: { label: 'data(label)' } },
  { selector: 'node.ag-hover', style: { 'border-color': '#1c2230', 'border-width': 2 } },
  { selector: 'edge.ag-hover', style: { width: 4 } },
  {
    selector: 'node.ag-selected',
    style: { 'border-color': '#1f5fbf', 'border-width': 4, 'font-weight': 'bold', 'z-index': 10 },
  },
  {
    selector: 'edge.ag-selected',
    style: { width: 5, 'z-index': 10, 'font-size': EDGE_FONT_SIZE, 'font-weight': 'bold' },
  },
  { selector: 'edge.ag-touching', style: { width: 3.5 } },
];

/** A label left out (it would overlap a more important one or be cut at the edge); the element stays. */
export const LABEL_HIDDEN_CLASS = 'ag-label-hidden';

/**
 * The graph as exported: the same styles, but every label is drawn whatever
 * the zoom (the export decides itself which labels are readable and fit), and
 * a label left out is not drawn. Last, so that it wins over the rules above.
 */
export const EXPORT_STYLESHEET: StylesheetJson = [
  ...GRAPH_STYLESHEET,
  { selector: 'node, edge', style: { 'min-zoomed-font-size': 0 } },
  { selector: `.${LABEL_HIDDEN_CLASS}`, style: { label: '' } },
];
