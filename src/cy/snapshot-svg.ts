// The SVG export: a vector copy of the same snapshot as the PNG (the same
// layout from layoutSnapshot), with the graph written element by element from
// what the export instance drew. Built with DOM APIs and XMLSerializer, so
// text from a graph file is always text (the serializer escapes markup, and
// xmlSafeText replaces what XML cannot hold). No external reference: no
// image, font file, stylesheet or link.

import type { SnapshotContent } from '../model/snapshot-content.ts';
import { xmlSafeText } from '../model/xml-text.ts';
import type { GraphDrawing } from './export-render.ts';
import { edgeSwatch, shapeOutline } from './shape-paths.ts';
import {
  type ComposedSnapshot,
  FONT,
  FRAME_COLOR,
  layoutSnapshot,
  measuringContext,
  type SnapshotLayout,
} from './snapshot.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ComposedSvg extends ComposedSnapshot {
  /** The SVG document as text. */
  text: string;
}

const n = (value: number) => String(Number(value.toFixed(2)));

/**
 * Composes the SVG. The drawing is in CSS px of the graph area; the layout is
 * made at `scale` as for the PNG (same wrapping, same shortenings), and the
 * SVG's own size is the layout's divided by the scale: REPORT_WIDTH wide.
 */
export function composeSvgSnapshot(drawing: GraphDrawing, content: SnapshotContent, scale: number): ComposedSvg {
  const layout = layoutSnapshot(content, drawing.width * scale, drawing.height * scale, scale, measuringContext());
  const document = window.document.implementation.createDocument(SVG_NS, 'svg', null);
  const svg = document.documentElement;
  const make = (name: string, attributes: Record<string, string | number>, parent: Element = svg): Element => {
    const element = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) {
      element.setAttribute(key, typeof value === 'number' ? n(value) : value);
    }
    parent.append(element);
    return element;
  };
  const width = layout.width / scale;
  const height = layout.height / scale;
  svg.setAttribute('width', n(width));
  svg.setAttribute('height', n(height));
  svg.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
  svg.setAttribute('font-family', FONT);
  make('title', {}).textContent = xmlSafeText(content.title);
  make('rect', { width: layout.width, height: layout.height, fill: '#ffffff' });

  for (const text of layout.texts) {
    const attributes: Record<string, string | number> = { x: text.x, y: text.y, 'font-size': text.font.size };
    if (text.font.weight === 'bold') attributes['font-weight'] = 'bold';
    if (text.font.style === 'italic') attributes['font-style'] = 'italic';
    attributes.fill = text.color;
    make('text', attributes).textContent = xmlSafeText(text.text);
  }
  const { graph } = layout;
  make('rect', {
    x: graph.x - 1,
    y: graph.y - 1,
    width: graph.width + 2,
    height: graph.height + 2,
    fill: 'none',
    stroke: FRAME_COLOR,
    'stroke-width': scale,
  });
  const graphGroup = make('g', {
    transform: `translate(${n(graph.x)} ${n(graph.y)}) scale(${n(scale * graph.scale)})`,
  });
  writeGraph(drawing, make, graphGroup);
  writeLegend(layout, make);

  const text = new XMLSerializer().serializeToString(document);
  const blob = new Blob([text], { type: 'image/svg+xml' });
  return { blob, text, width: Math.round(width), height: Math.round(height), shortenings: layout.shortenings };
}

type Make = (name: string, attributes: Record<string, string | number>, parent?: Element) => Element;

const points = (list: readonly { x: number; y: number }[]) => list.map((p) => `${n(p.x)},${n(p.y)}`).join(' ');

/** Nodes: a polygon for the shapes with an outline, an ellipse, or a rounded box (round-rectangle, barrel). */
function writeNodeShape(
  make: Make,
  parent: Element,
  shape: string,
  box: { x: number; y: number; width: number; height: number },
  paint: Record<string, string | number>,
): void {
  const { x, y, width, height } = box;
  const outline = shapeOutline(shape);
  if (outline) {
    const corners = outline.map(([ox, oy]) => ({ x: x + (ox * width) / 2, y: y + (oy * height) / 2 }));
    make('polygon', { points: points(corners), ...paint }, parent);
  } else if (shape === 'ellipse') {
    make('ellipse', { cx: x, cy: y, rx: width / 2, ry: height / 2, ...paint }, parent);
  } else {
    const radius = Math.min(width / 4, height / 4);
    make('rect', { x: x - width / 2, y: y - height / 2, width, height, rx: radius, ...paint }, parent);
  }
}

function writeGraph(drawing: GraphDrawing, make: Make, parent: Element): void {
  const edges = make('g', { fill: 'none' }, parent);
  for (const edge of drawing.edges) {
    const line: Record<string, string | number> = { d: edge.path, stroke: edge.color, 'stroke-width': edge.width };
    if (edge.dash.length > 0) line['stroke-dasharray'] = edge.dash.map(n).join(' ');
    make('path', line, edges);
    for (const arrow of edge.arrows) make('polygon', { points: points(arrow), fill: edge.color }, edges);
  }
  const nodes = make('g', {}, parent);
  for (const node of drawing.nodes) {
    writeNodeShape(make, nodes, node.shape, node, {
      fill: node.color,
      stroke: node.borderColor,
      'stroke-width': node.borderWidth,
    });
  }
  // Labels last: the export has chosen them so that none overlaps another.
  const labels = make('g', { 'text-anchor': 'middle' }, parent);
  for (const label of drawing.labels) {
    const degrees = (label.angle * 180) / Math.PI;
    const group = make(
      'g',
      { transform: `translate(${n(label.x)} ${n(label.y)})${degrees !== 0 ? ` rotate(${n(degrees)})` : ''}` },
      labels,
    );
    make(
      'rect',
      {
        x: -label.width / 2,
        y: -label.height / 2,
        width: label.width,
        height: label.height,
        fill: label.background,
        'fill-opacity': label.backgroundOpacity,
      },
      group,
    );
    const text = make(
      'text',
      {
        'font-size': label.fontSize,
        ...(label.bold ? { 'font-weight': 'bold' } : {}),
        fill: label.color,
        'dominant-baseline': 'central',
      },
      group,
    );
    const first = (-(label.lines.length - 1) / 2) * label.lineHeight;
    label.lines.forEach((line, i) => {
      make('tspan', { x: 0, y: first + i * label.lineHeight }, text).textContent = xmlSafeText(line);
    });
  }
}

function writeLegend(layout: SnapshotLayout, make: Make): void {
  const kinds = make('g', {});
  for (const kind of layout.kindSwatches) {
    const size = 2 * kind.r;
    const box = { x: kind.cx, y: kind.cy, width: size, height: size };
    writeNodeShape(make, kinds, kind.shape, box, { fill: kind.color });
  }
  for (const swatch of layout.typeSwatches) {
    const { line, arrow } = edgeSwatch(swatch.type, swatch.width, swatch.height);
    const group = make('g', { transform: `translate(${n(swatch.x)} ${n(swatch.y)})` });
    const attributes: Record<string, string | number> = {
      x1: line.x1,
      y1: line.y,
      x2: line.x2,
      y2: line.y,
      stroke: swatch.type.color,
      'stroke-width': line.width,
    };
    if (line.dash.length > 0) attributes['stroke-dasharray'] = line.dash.map(n).join(' ');
    make('line', attributes, group);
    for (const polygon of arrow) {
      make('polygon', { points: points(polygon.map(([x, y]) => ({ x, y }))), fill: swatch.type.color }, group);
    }
  }
}
