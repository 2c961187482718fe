// Draws the graph of an export in a Cytoscape instance of its own, at a fixed
// report size, so that a snapshot is the same whatever the window it was made
// in: the elements (positions and classes copied from the explorer) are fitted
// to the report width, labels too small to read are enlarged, those that
// would overlap or run off the picture are left out (most important first),
// and the instance is destroyed afterwards. Returns the PNG of the graph and, for the SVG export,
// what was drawn where, read from Cytoscape.

import type { Core, EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import { type LabelBox, labelPriority, labelsToHide } from '../model/label-declutter.ts';
import { FAMILIES, type RelationFamily } from '../model/palette.ts';
import { markCytoscapeStylesheet } from './graph-controller.ts';
import { loadCytoscape } from './register.ts';
import { EXPORT_SCALE, REPORT_WIDTH, SNAPSHOT_MARGIN } from './snapshot.ts';
import {
  EDGE_FONT_SIZE,
  EXPORT_STYLESHEET,
  LABEL_HIDDEN_CLASS,
  NODE_FONT_SIZE,
  NODE_LABEL_MARGIN,
  NODE_LABEL_WIDTH,
} from './stylesheet.ts';

/** The graph area of a report, in CSS px; the PNG has `scale` image pixels per CSS px. */
export interface ReportGeometry {
  /** Fixed, whatever the window. */
  width: number;
  scale: number;
  /** The height follows the shape of what is exported, within these bounds. */
  minHeight: number;
  maxHeight: number;
  /** Room kept around the exported extent (labels included), CSS px. */
  padding: number;
  /** A small graph is not blown up past this zoom. */
  maxZoom: number;
  /**
   * Labels are drawn at least this size (CSS px): on a graph fitted at a small
   * zoom they are enlarged to it, and the most important that fit are shown,
   * rather than none.
   */
  minLabelPx: number;
  /** Clear space kept between two labels, CSS px. */
  labelGap: number;
}

/**
 * The report's graph area: REPORT_WIDTH less the margins (2,304 px at 2x), as
 * tall as what is exported needs within 240 to 1,600 CSS px. Labels under
 * 10 CSS px (20 image px) are left out.
 */
export const REPORT_GRAPH: ReportGeometry = {
  width: REPORT_WIDTH - 2 * SNAPSHOT_MARGIN,
  scale: EXPORT_SCALE,
  minHeight: 240,
  maxHeight: 1_600,
  padding: 16,
  maxZoom: 1.25,
  minLabelPx: 10,
  labelGap: 2,
};

export interface Point {
  x: number;
  y: number;
}

export interface DrawnNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  shape: string;
  color: string;
  borderColor: string;
  borderWidth: number;
}

export interface DrawnEdge {
  id: string;
  /** SVG path data: a line or Cytoscape's chain of quadratic curves. */
  path: string;
  color: string;
  width: number;
  /** Dash and gap lengths; empty for a solid line. */
  dash: number[];
  /** Filled polygons of the arrowhead at the object's end. */
  arrows: Point[][];
}

export interface DrawnLabel {
  id: string;
  lines: string[];
  /** Centre of the label, and its rotation in radians about it. */
  x: number;
  y: number;
  angle: number;
  /** Size of the label's background box, unrotated. */
  width: number;
  height: number;
  fontSize: number;
  lineHeight: number;
  bold: boolean;
  color: string;
  background: string;
  backgroundOpacity: number;
}

/** What the export instance drew, in CSS px of the graph area. */
export interface GraphDrawing {
  width: number;
  height: number;
  edges: DrawnEdge[];
  nodes: DrawnNode[];
  labels: DrawnLabel[];
}

export interface RenderedGraph {
  /** Cytoscape's PNG of the graph area at `scale` (null when not asked for). */
  png: Blob | null;
  drawing: GraphDrawing;
  scale: number;
  zoom: number;
  /** The box of every label drawn, read back from Cytoscape after the labels were chosen (CSS px). */
  labelBoxes: LabelBox[];
  /** Labels left out: they would overlap another or be cut at the edge. */
  hiddenLabels: { actors: number; relations: number };
}

const LABEL_ONLY = {
  includeNodes: false,
  includeEdges: false,
  includeLabels: true,
  includeOverlays: false,
  includeUnderlays: false,
} as const;

/** Cytoscape's arrow shapes, as its renderer defines them: (0, 0) is the tip, negative y runs back along the line. */
const ARROW_POINTS: Record<string, number[][]> = {
  triangle: [[-0.15, -0.3, 0, 0, 0.15, -0.3]],
  vee: [[-0.15, -0.3, 0, 0, 0.15, -0.3, 0, -0.15]],
  tee: [[-0.15, 0, -0.15, -0.1, 0.15, -0.1, 0.15, 0]],
  'triangle-tee': [
    [0, 0, 0.15, -0.3, -0.15, -0.3, 0, 0],
    [-0.15, -0.4, -0.15, -0.5, 0.15, -0.5, 0.15, -0.4],
  ],
};

/** Cytoscape's arrow size for an edge width (its renderer's getArrowWidth). */
function arrowSize(edgeWidth: number, arrowScale: number): number {
  return Math.max((edgeWidth * 13.37) ** 0.9, 29) * arrowScale;
}

/** Renderer scratch values Cytoscape keeps per element (not in its typings): wrapped lines, label angle. */
function scratch(element: NodeSingular | EdgeSingular, name: string): unknown {
  const withScratch = element as unknown as { rscratch?: (key: string) => unknown };
  return typeof withScratch.rscratch === 'function' ? withScratch.rscratch(name) : undefined;
}

/**
 * Renders `elements` (with positions and classes) at the report size. The
 * instance lives in a container outside the window, of the report's CSS size.
 */
export async function renderGraphForExport(
  elements: ElementDefinition[],
  geometry: ReportGeometry,
  options: { png: boolean },
): Promise<RenderedGraph> {
  const cytoscape = await loadCytoscape();
  markCytoscapeStylesheet();
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  container.inert = true;
  // Styles set through the CSSOM: the Content-Security-Policy forbids style attributes, not this.
  Object.assign(container.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: `${geometry.width}px`,
    height: `${geometry.maxHeight}px`,
    visibility: 'hidden',
    pointerEvents: 'none',
  });
  document.body.append(container);
  let cy: Core | null = null;
  const started = performance.now();
  try {
    cy = cytoscape({
      container,
      style: EXPORT_STYLESHEET,
      elements,
      layout: { name: 'preset' },
      // One image pixel per CSS px times `scale`, whatever the screen's pixel ratio.
      pixelRatio: 1,
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      autounselectify: true,
      minZoom: 1e-3,
      maxZoom: 1e3,
    });
    performance.measure('ag:export-instance', { start: started });
    const { zoom, height } = fitToReport(cy, geometry);
    container.style.height = `${height}px`;
    cy.resize();
    enlargeSmallLabels(cy, geometry.minLabelPx / zoom);
    const choosing = performance.now();
    const hiddenLabels = chooseLabels(cy, geometry, zoom, height);
    performance.measure('ag:export-labels', { start: choosing });
    const drawn = readDrawing(cy, geometry.width, height, zoom);
    const labelBoxes = shownLabelBoxes(cy, zoom);
    const painting = performance.now();
    const png = options.png
      ? await cy.png({ output: 'blob-promise', bg: '#ffffff', full: false, scale: geometry.scale })
      : null;
    performance.measure('ag:export-png', { start: painting });
    return { png, drawing: drawn, scale: geometry.scale, zoom, labelBoxes, hiddenLabels };
  } finally {
    cy?.destroy();
    container.remove();
  }
}

/** Fits everything (labels included) into the report width, with the height following its shape. */
function fitToReport(cy: Core, geometry: ReportGeometry): { zoom: number; height: number } {
  const { width, padding, maxZoom, minHeight, maxHeight } = geometry;
  const extent = cy.elements().boundingBox({ includeLabels: true, includeOverlays: false, includeUnderlays: false });
  const w = Math.max(extent.w, 1);
  const h = Math.max(extent.h, 1);
  let zoom = Math.min(maxZoom, (width - 2 * padding) / w);
  if (h * zoom + 2 * padding > maxHeight) zoom = (maxHeight - 2 * padding) / h;
  const height = Math.ceil(Math.max(minHeight, h * zoom + 2 * padding));
  cy.viewport({
    zoom,
    pan: { x: width / 2 - zoom * (extent.x1 + w / 2), y: height / 2 - zoom * (extent.y1 + h / 2) },
  });
  return { zoom, height };
}

/**
 * A label's box in CSS px of the graph area; an edge label turned along its
 * edge also gives its turned corners, so that labels of parallel edges clash
 * only where they really do.
 */
/**
 * Labels below `minFontSize` (model units) grow to it, in proportion: an
 * overview of a thousand actors, fitted at zoom 0.2, still names its hubs in
 * readable type, where labels at scale would be 2 px.
 */
function enlargeSmallLabels(cy: Core, minFontSize: number): void {
  const grow = minFontSize / Math.min(NODE_FONT_SIZE, EDGE_FONT_SIZE);
  if (grow <= 1) return;
  cy.style()
    .selector('node')
    .style({
      'font-size': NODE_FONT_SIZE * grow,
      'text-max-width': `${NODE_LABEL_WIDTH * grow}px`,
      'text-margin-y': NODE_LABEL_MARGIN * grow,
    })
    .selector('edge')
    .style({ 'font-size': EDGE_FONT_SIZE * grow })
    .update();
}

function renderedLabelBox(element: NodeSingular | EdgeSingular, zoom: number, priority: number): LabelBox {
  const box = element.renderedBoundingBox(LABEL_ONLY);
  const labelBox: LabelBox = { id: element.id(), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2, priority };
  if (!element.isEdge()) return labelBox;
  const label = readLabel(element, zoom);
  if (label.angle === 0) return labelBox;
  const cos = Math.cos(label.angle);
  const sin = Math.sin(label.angle);
  const corners = [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([sx = 0, sy = 0]) => {
    const x = (sx * label.width) / 2;
    const y = (sy * label.height) / 2;
    return [label.x + x * cos - y * sin, label.y + x * sin + y * cos] as const;
  });
  return { ...labelBox, corners };
}

const hasLabel = (element: NodeSingular | EdgeSingular) => String(element.style('label') ?? '') !== '';

/**
 * Leaves out the labels that would overlap a more important one or cross the
 * picture's edge (and, should any be left, those still drawn under the
 * minimum size); returns how many actor and relation labels were left out.
 */
function chooseLabels(
  cy: Core,
  geometry: ReportGeometry,
  zoom: number,
  height: number,
): { actors: number; relations: number } {
  const selectedNodes = cy.nodes('.ag-selected');
  const selectedEdges = cy.edges('.ag-selected');
  const neighbours = new Set<string>([
    ...selectedNodes
      .neighborhood()
      .nodes()
      .map((node) => node.id()),
    ...selectedEdges.connectedNodes().map((node) => node.id()),
  ]);
  const boxes: LabelBox[] = [];
  const tooSmall: string[] = [];
  const labelled = cy.elements().filter((element) => hasLabel(element));
  labelled.forEach((element) => {
    if (element.numericStyle('font-size') * zoom < geometry.minLabelPx) {
      tooSmall.push(element.id());
      return;
    }
    const edge = element as EdgeSingular;
    const degree = element.isNode()
      ? element.degree(false)
      : Math.max(edge.source().degree(false), edge.target().degree(false));
    const priority = labelPriority({
      selected: element.hasClass('ag-selected'),
      touching: element.hasClass('ag-touching'),
      neighbour: element.isNode() && neighbours.has(element.id()),
      degree,
    });
    boxes.push(renderedLabelBox(element, zoom, priority));
  });
  const hidden = labelsToHide(boxes, {
    gap: geometry.labelGap,
    bounds: { x1: 0, y1: 0, x2: geometry.width, y2: height },
  });
  for (const id of tooSmall) hidden.add(id);
  cy.batch(() => {
    for (const id of hidden) cy.getElementById(id).addClass(LABEL_HIDDEN_CLASS);
  });
  const actors = labelled.nodes().filter((node) => hidden.has(node.id())).length;
  return { actors, relations: hidden.size - actors };
}

/** For tests and the record: the box of every label drawn, read back after the choice. */
function shownLabelBoxes(cy: Core, zoom: number): LabelBox[] {
  return cy
    .elements()
    .filter((element) => hasLabel(element))
    .map((element) => renderedLabelBox(element, zoom, 0));
}

function readDrawing(cy: Core, width: number, height: number, zoom: number): GraphDrawing {
  const nodes = cy.nodes().map(
    (node): DrawnNode => ({
      id: node.id(),
      ...node.renderedPosition(),
      width: node.numericStyle('width') * zoom,
      height: node.numericStyle('height') * zoom,
      shape: String(node.style('shape')),
      color: String(node.style('background-color')),
      borderColor: String(node.style('border-color')),
      borderWidth: node.numericStyle('border-width') * zoom,
    }),
  );
  const edges = cy.edges().map((edge) => readEdge(edge, zoom));
  const labels = cy
    .elements()
    .filter((element) => hasLabel(element))
    .map((element) => readLabel(element, zoom));
  return { width, height, nodes, edges, labels };
}

function readEdge(edge: EdgeSingular, zoom: number): DrawnEdge {
  const source = edge.renderedSourceEndpoint();
  const tip = edge.renderedTargetEndpoint();
  const curved = edge.style('curve-style') === 'bezier';
  // controlPoints() is undefined for the straight middle edge of a bundle (renderedControlPoints() throws then).
  const pan = edge.cy().pan();
  const controls: Point[] = ((curved ? edge.controlPoints() : undefined) ?? []).map((p) => ({
    x: p.x * zoom + pan.x,
    y: p.y * zoom + pan.y,
  }));
  const before = controls[controls.length - 1] ?? source;
  const length = Math.hypot(tip.x - before.x, tip.y - before.y) || 1;
  const direction = { x: (tip.x - before.x) / length, y: (tip.y - before.y) / length };
  const modelWidth = edge.numericStyle('width');
  const arrowShape = String(edge.style('target-arrow-shape'));
  const size = arrowSize(modelWidth, edge.numericStyle('arrow-scale')) * zoom;
  const arrows = (ARROW_POINTS[arrowShape] ?? []).map((flat) => {
    const points: Point[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const across = (flat[i] ?? 0) * size;
      const along = (flat[i + 1] ?? 0) * size;
      points.push({
        x: tip.x + along * direction.x - across * direction.y,
        y: tip.y + along * direction.y + across * direction.x,
      });
    }
    return points;
  });
  // The line stops where the arrowhead begins (Cytoscape's gap), so a dash never pokes past the tip.
  const gap = arrows.length > 0 ? Math.min(length / 2, modelWidth * edge.numericStyle('arrow-scale') * 2 * zoom) : 0;
  const end = { x: tip.x - direction.x * gap, y: tip.y - direction.y * gap };
  const family = FAMILIES[edge.data('family') as RelationFamily] ?? FAMILIES.other;
  const lineStyle = String(edge.style('line-style'));
  const dash =
    lineStyle === 'dotted'
      ? [zoom, zoom]
      : lineStyle === 'dashed'
        ? (family.dashPattern.length > 0 ? family.dashPattern : [6, 3]).map((value) => value * zoom)
        : [];
  return {
    id: edge.id(),
    path: edgePath(source, controls, end),
    color: String(edge.style('line-color')),
    width: modelWidth * zoom,
    dash,
    arrows,
  };
}

const fixed = (value: number) => Number(value.toFixed(2));

/** A straight line, or Cytoscape's bezier: quadratic curves through the midpoints between control points. */
export function edgePath(source: Point, controls: readonly Point[], target: Point): string {
  const point = (p: Point) => `${fixed(p.x)},${fixed(p.y)}`;
  if (controls.length === 0) return `M${point(source)} L${point(target)}`;
  const steps = controls.map((control, i) => {
    const next = controls[i + 1];
    const to = next ? { x: (control.x + next.x) / 2, y: (control.y + next.y) / 2 } : target;
    return `Q${point(control)} ${point(to)}`;
  });
  return `M${point(source)} ${steps.join(' ')}`;
}

function readLabel(element: NodeSingular | EdgeSingular, zoom: number): DrawnLabel {
  const box = element.renderedBoundingBox(LABEL_ONLY);
  const fontSize = element.numericStyle('font-size') * zoom;
  const lineHeight = fontSize * (Number(element.numericStyle('line-height')) || 1);
  const wrapped = scratch(element, 'labelWrapCachedLines');
  const text = String(element.style('label'));
  const lines = (Array.isArray(wrapped) && wrapped.length > 0 ? wrapped.map(String) : text.split('\n'))
    .map((line) => line.replace(/[\s\u200b]+$/u, ''))
    .filter((line) => line !== '');
  const angle = element.isEdge() ? Number(scratch(element, 'labelAngle')) || 0 : 0;
  const padding = element.numericStyle('text-background-padding') * zoom;
  const bold = String(element.style('font-weight')) === 'bold' || Number(element.style('font-weight')) >= 600;
  // A rotated label's box is the bounding box of the turned rectangle: its centre is the label's centre.
  const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  const unturned = element.isEdge()
    ? { width: measureWidth(lines, fontSize, bold) + 2 * padding + 2, height: lines.length * lineHeight + 2 * padding }
    : { width: box.w - 2, height: box.h - 2 };
  return {
    id: element.id(),
    lines,
    ...centre,
    angle,
    ...unturned,
    fontSize,
    lineHeight,
    bold,
    color: String(element.style('color')),
    background: String(element.style('text-background-color')),
    backgroundOpacity: Number(element.style('text-background-opacity')),
  };
}

let measuring: CanvasRenderingContext2D | null = null;

function measureWidth(lines: string[], fontSize: number, bold: boolean): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return 0;
  measuring.font = `${bold ? 'bold ' : ''}${fontSize}px "DejaVu Sans", system-ui, sans-serif`;
  return Math.max(0, ...lines.map((line) => measuring?.measureText(line).width ?? 0));
}
