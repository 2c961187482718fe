// The Cytoscape stylesheet, as data. Node colour and shape come from the actor
// kind, edge colour from the relation type (both via element data); contested
// claims are dashed; state is shown by classes the controller toggles.

import type { StylesheetJson } from 'cytoscape';
import { FAMILIES, RELATION_FAMILIES } from '../model/palette.ts';
import { STRENGTH_OPACITY } from './elements.ts';

export const NODE_SIZE = 26;
/**
 * Actors sized by a measure (the ranking panel) range from the smallest to
 * the largest of these, px at zoom 1: the smallest still shows its kind's
 * shape, the largest stays under about three label lines of a neighbour.
 */
export const ACTOR_SIZE_RANGE = { min: 16, max: 64 } as const;
/** Node data fields the controller sets: a size in px, and a community's colour. */
export const ACTOR_SIZE_FIELD = 'agSize';
export const ACTOR_COLOUR_FIELD = 'agCommunityColour';
export const LABEL_FONT = '12px "DejaVu Sans", system-ui, sans-serif';
/** Label font sizes at scale 1, in model units (screen px at zoom 1). */
export const NODE_FONT_SIZE = 12;
export const EDGE_FONT_SIZE = 11;
/** Wrap width and gap under the node of an actor's label at scale 1, px. */
export const NODE_LABEL_WIDTH = 120;
export const NODE_LABEL_MARGIN = 4;
/** No label is drawn smaller than this on screen: the label scale grows as the view zooms out. */
export const MIN_LABEL_PX = 10.5;
/**
 * Labels grow at most this much (a whole big graph shows its most important
 * labels, the rest are hidden): names stay at least 10.5 px down to zoom
 * 0.03, where 5,000 actors fit whole; below, they shrink (9 px at 20,000
 * actors). At 96 (10.5 px down to 0.01) Chromium ran out of memory drawing
 * 20,000 actors: Cytoscape keeps a texture per name, sized by the font.
 */
export const MAX_LABEL_SCALE = 32;

/**
 * How much larger than at zoom 1 labels must be drawn so that the smallest
 * (an edge label) is at least MIN_LABEL_PX on screen, in steps of
 * 1/stepsPerOctave of a doubling: each step restyles every element, which
 * takes about half a second at 5,000 actors, so big graphs take fewer steps.
 */
export function labelScaleFor(zoom: number, stepsPerOctave = 4): number {
  const needed = MIN_LABEL_PX / (EDGE_FONT_SIZE * Math.max(zoom, 1e-6));
  if (needed <= 1) return 1;
  return Math.min(MAX_LABEL_SCALE, 2 ** (Math.ceil(Math.log2(needed) * stepsPerOctave) / stepsPerOctave));
}

/** Above this many actors, label sizes change by doublings only (see labelScaleFor). */
export const COARSE_LABEL_STEPS_ABOVE = 1_500;

/** The stylesheet with labels drawn `labelScale` times their size at zoom 1. */
export function graphStylesheet(labelScale = 1): StylesheetJson {
  const s = labelScale;
  return [
    {
      selector: 'node',
      style: {
        width: NODE_SIZE,
        height: NODE_SIZE,
        'border-width': 1.5,
        'border-color': '#ffffff',
        'font-family': '"DejaVu Sans", system-ui, sans-serif',
        'font-size': NODE_FONT_SIZE * s,
        color: '#1c2230',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': NODE_LABEL_MARGIN * s,
        'text-wrap': 'wrap',
        'text-max-width': `${NODE_LABEL_WIDTH * s}px`,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': `${s}px`,
        'min-zoomed-font-size': 7,
      },
    },
    // Every actor and relation has these data; the lines of a connection being drawn (edgehandles) do not,
    // and Cytoscape warns about a mapping to data an element lacks.
    { selector: 'node[shape]', style: { shape: 'data(shape)' as never } },
    { selector: 'node[color]', style: { 'background-color': 'data(color)' } },
    { selector: 'node[label]', style: { label: 'data(label)' } },
    // Sized by a centrality measure, coloured by community (the ranking panel): set by the controller as data,
    // so that they survive class toggles and diffs. The label sits under the node whatever its size.
    {
      selector: `node[${ACTOR_SIZE_FIELD}]`,
      style: { width: `data(${ACTOR_SIZE_FIELD})`, height: `data(${ACTOR_SIZE_FIELD})` },
    },
    { selector: `node[${ACTOR_COLOUR_FIELD}]`, style: { 'background-color': `data(${ACTOR_COLOUR_FIELD})` } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        // Edge labels only where the analyst is looking (hover, selection): on a
        // whole graph they pile up; the legend names the colours.
        label: '',
        'font-family': '"DejaVu Sans", system-ui, sans-serif',
        'font-size': EDGE_FONT_SIZE * s,
        color: '#3b4350',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': `${s}px`,
        'min-zoomed-font-size': 6,
      },
    },
    { selector: 'edge[color]', style: { 'line-color': 'data(color)', 'target-arrow-color': 'data(color)' } },
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
        },
      };
    }),
    // Corroboration (elements.ts): the family's weight times the strength's factor; weak claims fade.
    { selector: 'edge[width]', style: { width: 'data(width)' } },
    ...(['weak', 'contradicted'] as const).map((strength) => ({
      selector: `edge[strength = "${strength}"]`,
      style: { opacity: STRENGTH_OPACITY[strength] },
    })),
    { selector: 'edge[!directed]', style: { 'target-arrow-shape': 'none' } },
    // Level of detail for large graphs (elements.ts marks their edges bulk): zoomed out, where labels are drawn
    // larger than at zoom 1 and arrowheads would be specks, an edge is a plain line between centres (haystack:
    // no control points, no arrowheads), except those the analyst is looking at; zoomed in, straight with arrows.
    // Crossing between the two costs nothing extra: the label scale changes there, which restyles anyway.
    { selector: 'edge[?bulk]', style: { 'curve-style': s > 1 ? 'haystack' : 'straight', 'haystack-radius': 0 } },
    ...(s > 1
      ? [
          {
            selector: 'edge[?bulk].ag-selected, edge[?bulk].ag-touching, edge[?bulk].ag-hover',
            style: { 'curve-style': 'straight' as const },
          },
        ]
      : []),
    { selector: '.ag-hidden', style: { display: 'none' } },
    { selector: '.ag-dimmed', style: { opacity: 0.12 } },
    {
      selector: 'edge[label].ag-hover, edge[label].ag-selected, edge[label].ag-touching',
      style: { label: 'data(label)' },
    },
    { selector: 'node.ag-hover', style: { 'border-color': '#1c2230', 'border-width': 2 } },
    { selector: 'edge.ag-hover', style: { width: 4 } },
    {
      selector: 'node.ag-selected',
      style: { 'border-color': '#1f5fbf', 'border-width': 4, 'font-weight': 'bold', 'z-index': 10 },
    },
    {
      selector: 'edge.ag-selected',
      style: { width: 5, 'z-index': 10, 'font-weight': 'bold' },
    },
    { selector: 'edge.ag-touching', style: { width: 3.5 } },
    // What the search finds: a highlighter's amber behind it (the selection is blue, a focus dims).
    {
      selector: `node.${SEARCH_HIT_CLASS}`,
      style: {
        'underlay-color': '#f5a300',
        'underlay-padding': 7,
        'underlay-opacity': 0.55,
        'underlay-shape': 'ellipse',
      },
    },
    {
      selector: `edge.${SEARCH_HIT_CLASS}`,
      style: { 'underlay-color': '#f5a300', 'underlay-padding': 4, 'underlay-opacity': 0.55 },
    },
    // An actor's name whose place below it is taken is drawn above, right or
    // left of it instead, when there is room there (label-declutter.ts).
    {
      selector: `node.${LABEL_PLACEMENT_CLASSES[0]}`,
      style: { 'text-valign': 'top', 'text-margin-y': -NODE_LABEL_MARGIN * s },
    },
    {
      selector: `node.${LABEL_PLACEMENT_CLASSES[1]}`,
      style: {
        'text-halign': 'right',
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-margin-x': NODE_LABEL_MARGIN * s,
      },
    },
    {
      selector: `node.${LABEL_PLACEMENT_CLASSES[2]}`,
      style: {
        'text-halign': 'left',
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-margin-x': -NODE_LABEL_MARGIN * s,
      },
    },
    // A label that would overlap a more important one (label-declutter.ts) is
    // not drawn, but keeps its size, so it can be measured and come back.
    { selector: `.${LABEL_HIDDEN_CLASS}`, style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    { selector: '.ag-hover', style: { 'text-opacity': 1, 'text-background-opacity': 0.85 } },
    // Connecting two actors (edit mode): a dashed line from the first to the pointer, or to the actor it
    // snapped to; both ends, and the actor a connection from the keyboard starts at, are ringed.
    {
      selector: 'edge.eh-ghost-edge, edge.eh-preview',
      style: {
        'line-color': CONNECT_COLOR,
        'target-arrow-color': CONNECT_COLOR,
        'target-arrow-shape': 'triangle',
        'line-style': 'dashed',
        'line-dash-pattern': [6, 4],
        'curve-style': 'straight',
        width: 2.5,
        opacity: 1,
        label: '',
      },
    },
    { selector: 'edge.eh-ghost-edge.eh-preview-active', style: { opacity: 0 } },
    {
      selector: `node.eh-source, node.eh-target, node.${CONNECT_FROM_CLASS}`,
      style: { 'outline-width': 3, 'outline-color': CONNECT_COLOR, 'outline-offset': 2, 'outline-opacity': 1 },
    },
  ];
}

/** The actor a connection chosen from the keyboard starts at (edit mode). */
export const CONNECT_FROM_CLASS = 'ag-connect-from';
/** The line of a connection being made, and the ring around its ends: the accent colour. */
const CONNECT_COLOR = '#1f5fbf';

/** An actor or relation the search box's query finds. */
export const SEARCH_HIT_CLASS = 'ag-search-hit';
/**
 * An actor's name drawn above, right or left of it instead of below (the
 * order of the alternatives the controller gives label-declutter.ts).
 */
export const LABEL_PLACEMENT_CLASSES = ['ag-label-above', 'ag-label-right', 'ag-label-left'] as const;

/** A label left out (it would overlap a more important one or be cut at the edge); the element stays. */
export const LABEL_HIDDEN_CLASS = 'ag-label-hidden';

export const GRAPH_STYLESHEET: StylesheetJson = graphStylesheet(1);

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
