// Lays out an exported snapshot that stands alone in a report, from what
// snapshotContent() says it contains: the title, counts, filters and notes,
// the graph, a legend of what is drawn, and the sources cited, on white. One
// layout, drawn twice: onto a canvas around Cytoscape's PNG of the graph
// (composeSnapshot), and as SVG (snapshot-svg.ts). Nothing is clipped
// silently: what had to be shortened or shrunk to fit is listed in the image
// and returned.

import type { LegendType, SnapshotContent } from '../model/snapshot-content.ts';
import { edgeSwatch, shapeOutline } from './shape-paths.ts';

/** The browser's canvas limit is 16,384 px a side; stay well below it. */
export const MAX_SNAPSHOT_SIDE = 8_192;
/** A report is this wide in CSS px, whatever the window (the PNG has EXPORT_SCALE pixels per CSS px). */
export const REPORT_WIDTH = 1_200;
/** Exported images are drawn at twice the screen's scale, for print. */
export const EXPORT_SCALE = 2;
/** Margin around the snapshot, CSS px: the graph area is REPORT_WIDTH less two margins wide. */
export const SNAPSHOT_MARGIN = 24;
/** A title longer than this many lines is cut: the picture is the point of a snapshot. */
const MAX_TITLE_LINES = 3;
/** Longer lists (filters, sources) end with "and N more". */
const MAX_LIST_LINES = 40;
/** Legend entries per group (kinds, types) before "and N more". */
const MAX_LEGEND_ENTRIES = 60;
/** Longest legend label drawn, in characters. */
const MAX_LEGEND_LABEL = 40;
/** The graph image is never shrunk below this share of its size to make room for text. */
const MIN_GRAPH_SHRINK = 0.25;

export const FONT = '"DejaVu Sans", system-ui, sans-serif';

export interface ComposedSnapshot {
  blob: Blob;
  /** Pixels (PNG) or user units at EXPORT_SCALE (SVG, whose own size is this divided by the scale). */
  width: number;
  height: number;
  /** What was shortened or shrunk to fit, in words; empty when the snapshot is complete. */
  shortenings: string[];
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/**
 * Wraps text to lines no wider than maxWidth, measured with the context's
 * font. A word wider than a line (a long name without spaces) is broken
 * between characters rather than run off the image.
 */
export function wrapText(context: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (candidate: string) => context.measureText(candidate).width <= maxWidth;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    let rest = word;
    while (!fits(rest)) {
      // The longest prefix that fits (at least one character), by bisection.
      let low = 1;
      let high = rest.length;
      while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (fits(rest.slice(0, mid))) low = mid;
        else high = mid - 1;
      }
      lines.push(rest.slice(0, low));
      rest = rest.slice(low);
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export interface Font {
  size: number;
  weight: 'normal' | 'bold';
  style: 'normal' | 'italic';
}

export function cssFont(font: Font): string {
  return `${font.style === 'italic' ? 'italic ' : ''}${font.weight === 'bold' ? 'bold ' : ''}${font.size}px ${FONT}`;
}

/** One line of text, drawn on its alphabetic baseline at (x, y). */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  font: Font;
  color: string;
}

/** Where everything of a snapshot goes, in image pixels (CSS px times the scale). */
export interface SnapshotLayout {
  width: number;
  height: number;
  scale: number;
  texts: PlacedText[];
  /** The graph, drawn at graph.scale times its own size (1 unless shrunk to fit). */
  graph: { x: number; y: number; width: number; height: number; scale: number };
  kindSwatches: { shape: string; color: string; cx: number; cy: number; r: number }[];
  typeSwatches: { type: LegendType; x: number; y: number; width: number; height: number }[];
  /** What was shortened or shrunk to fit, in words. */
  shortenings: string[];
}

interface TextBlock {
  font: Font;
  color: string;
  lines: string[];
  lineHeight: number;
  gapAfter: number;
}

/**
 * Lays the snapshot out around a graph image of graphWidth x graphHeight
 * pixels. `measure` is a canvas context used to measure text.
 */
export function layoutSnapshot(
  content: SnapshotContent,
  graphWidth: number,
  graphHeight: number,
  scale: number,
  measure: CanvasRenderingContext2D,
): SnapshotLayout {
  const s = scale;
  const margin = SNAPSHOT_MARGIN * s;
  const shortenings: string[] = [];
  const width = Math.ceil(Math.min(MAX_SNAPSHOT_SIDE, Math.max(graphWidth + 2 * margin, 900 * s)));
  const textWidth = width - 2 * margin;
  const font = (size: number, weight: Font['weight'] = 'normal', style: Font['style'] = 'normal'): Font => ({
    size: size * s,
    weight,
    style,
  });

  const block = (f: Font, color: string, texts: string[], lineHeight: number, gapAfter: number): TextBlock => {
    measure.font = cssFont(f);
    return { font: f, color, lines: texts.flatMap((t) => wrapText(measure, t, textWidth)), lineHeight, gapAfter };
  };
  /** At most `max` lines; the last says how many more there were. */
  const capped = (items: string[], max: number, noun: string): string[] => {
    if (items.length <= max) return items;
    shortenings.push(`${items.length - (max - 1)} ${noun} not listed`);
    return [...items.slice(0, max - 1), `… and ${items.length - (max - 1)} more ${noun}`];
  };

  const title = block(font(20, 'bold'), '#1c2230', [content.title], 26 * s, 4 * s);
  if (title.lines.length > MAX_TITLE_LINES) {
    title.lines = title.lines.slice(0, MAX_TITLE_LINES);
    title.lines[MAX_TITLE_LINES - 1] = `${shorten(title.lines[MAX_TITLE_LINES - 1] ?? '', 200).replace(/.$/, '')}…`;
    shortenings.push('title shortened');
  }
  const notes = content.notes;
  const header: TextBlock[] = [
    title,
    block(font(12), '#5a6372', [content.countLine], 17 * s, 4 * s),
    block(
      font(12),
      '#8a3b00',
      capped(content.filterLines, MAX_LIST_LINES, 'filters'),
      17 * s,
      notes.length ? 2 * s : 10 * s,
    ),
    block(font(11), '#5a6372', notes, 15 * s, notes.length ? 10 * s : 0),
  ];

  const kinds = content.legendKinds.slice(0, MAX_LEGEND_ENTRIES);
  const types = content.legendTypes.slice(0, MAX_LEGEND_ENTRIES);
  const moreKinds = content.legendKinds.length - kinds.length;
  const moreTypes = content.legendTypes.length - types.length;
  if (moreKinds > 0) shortenings.push(`${moreKinds} actor kinds left out of the legend`);
  if (moreTypes > 0) shortenings.push(`${moreTypes} relation types left out of the legend`);
  const legendFont = font(12);
  measure.font = cssFont(legendFont);
  const labels = [...kinds, ...types].map((entry) => shorten(entry.label, MAX_LEGEND_LABEL));
  const widest = Math.max(0, ...labels.map((label) => measure.measureText(label).width));
  const itemWidth = Math.min(textWidth, Math.max(120 * s, widest + 44 * s));
  const perRow = Math.max(1, Math.floor(textWidth / itemWidth));
  const legendRowHeight = 20 * s;
  const legendRows =
    Math.ceil(kinds.length / perRow) + Math.ceil(types.length / perRow) + (moreKinds > 0 || moreTypes > 0 ? 1 : 0);
  const legendHeight = legendRows * legendRowHeight + 40 * s;

  const sourceLines = capped(content.sourceLines, MAX_LIST_LINES, 'sources');
  const footer: TextBlock[] = [
    block(font(12, 'bold'), '#1c2230', ['Sources cited'], 17 * s, 2 * s),
    block(font(11), '#1c2230', sourceLines.length ? sourceLines : ['none'], 15 * s, 6 * s),
    block(font(10), '#5a6372', [content.readingNote], 13 * s, 0),
  ];
  const blockHeight = (blocks: TextBlock[]) =>
    blocks.reduce((h, b) => h + b.lines.length * b.lineHeight + b.gapAfter, 0);

  // Everything must fit under the canvas limit: the graph image is shrunk
  // first (down to MIN_GRAPH_SHRINK), then the list of sources is cut, and
  // only then the graph shrinks further. Each step is reported in the image.
  const sourcesBlock = footer[1] as TextBlock;
  const noticeFont = font(11, 'normal', 'italic');
  const noticeFor = (): TextBlock => {
    const lines = shortenings.length ? [`Shortened to fit: ${shortenings.join('; ')}.`] : [];
    return block(noticeFont, '#8a3b00', lines, 15 * s, lines.length ? 6 * s : 0);
  };
  const total = (height: number) =>
    margin + blockHeight([...header, noticeFor()]) + height + 12 * s + legendHeight + blockHeight(footer) + margin;
  let graphScale = 1;
  if (total(graphHeight) > MAX_SNAPSHOT_SIDE) {
    shortenings.push('graph image shrunk to fit');
    const room = MAX_SNAPSHOT_SIDE - total(0);
    graphScale = Math.max(MIN_GRAPH_SHRINK, Math.min(1, room / graphHeight));
    while (total(graphHeight * graphScale) > MAX_SNAPSHOT_SIDE && sourcesBlock.lines.length > 1) {
      sourcesBlock.lines.pop();
      if (!shortenings.includes('list of sources cut')) shortenings.push('list of sources cut');
    }
    const left = MAX_SNAPSHOT_SIDE - total(0);
    if (graphHeight * graphScale > left) graphScale = Math.max(0.01, left / graphHeight);
    shortenings[shortenings.indexOf('graph image shrunk to fit')] =
      `graph image shrunk to ${Math.round(graphScale * 100)}% to stay under ${MAX_SNAPSHOT_SIDE} px`;
  }
  const shownWidth = Math.round(graphWidth * graphScale);
  const shownHeight = Math.round(graphHeight * graphScale);
  const noticeBlock = noticeFor();
  const height = Math.ceil(Math.min(MAX_SNAPSHOT_SIDE, total(shownHeight)));

  const texts: PlacedText[] = [];
  const ascent = (f: Font) => {
    measure.font = cssFont(f);
    measure.textBaseline = 'alphabetic';
    const metrics = measure.measureText('Hg');
    return metrics.fontBoundingBoxAscent ?? f.size * 0.93;
  };
  /** Text with its top at `top`. */
  const place = (text: string, x: number, top: number, f: Font, color: string) =>
    texts.push({ text, x, y: top + ascent(f), font: f, color });
  let y = margin;
  const placeBlocks = (blocks: TextBlock[]) => {
    for (const b of blocks) {
      for (const line of b.lines) {
        place(line, margin, y, b.font, b.color);
        y += b.lineHeight;
      }
      y += b.gapAfter;
    }
  };
  placeBlocks([...header, noticeBlock]);
  const graph = { x: margin, y, width: shownWidth, height: shownHeight, scale: graphScale };
  y += shownHeight + 12 * s;

  place('Legend', margin, y, font(12, 'bold'), '#1c2230');
  y += 18 * s;
  const kindSwatches: SnapshotLayout['kindSwatches'] = [];
  const typeSwatches: SnapshotLayout['typeSwatches'] = [];
  const grid = <T>(items: T[], placeItem: (item: T, x: number, rowY: number) => void) => {
    items.forEach((item, i) => {
      placeItem(item, margin + (i % perRow) * itemWidth, y + Math.floor(i / perRow) * legendRowHeight);
    });
    y += Math.ceil(items.length / perRow) * legendRowHeight;
  };
  grid(kinds, (kind, x, rowY) => {
    kindSwatches.push({ shape: kind.shape, color: kind.color, cx: x + 8 * s, cy: rowY + 7 * s, r: 7 * s });
    place(shorten(kind.label, MAX_LEGEND_LABEL), x + 22 * s, rowY, legendFont, '#1c2230');
  });
  y += 4 * s;
  grid(types, (type, x, rowY) => {
    typeSwatches.push({ type, x, y: rowY, width: 30 * s, height: 14 * s });
    place(shorten(type.label, MAX_LEGEND_LABEL), x + 36 * s, rowY, legendFont, '#1c2230');
  });
  if (moreKinds > 0 || moreTypes > 0) {
    const more = [moreKinds > 0 ? `${moreKinds} more actor kinds` : '', moreTypes > 0 ? `${moreTypes} more types` : ''];
    place(`… and ${more.filter(Boolean).join(', ')}`, margin, y, legendFont, '#5a6372');
    y += legendRowHeight;
  }
  y += 12 * s;
  placeBlocks(footer);

  return { width, height, scale, texts, graph, kindSwatches, typeSwatches, shortenings };
}

/** A canvas context for measuring text. */
export function measuringContext(): CanvasRenderingContext2D {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) throw new Error('Canvas 2D is not available');
  return context;
}

/** A white canvas of the given size, with its 2D context. */
export function whiteCanvas(
  width: number,
  height: number,
): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Canvas 2D is not available');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  return { canvas, context };
}

/** Lines of text, each on its alphabetic baseline. */
export function drawTexts(context: CanvasRenderingContext2D, texts: readonly PlacedText[]): void {
  context.textBaseline = 'alphabetic';
  for (const text of texts) {
    context.font = cssFont(text.font);
    context.fillStyle = text.color;
    context.fillText(text.text, text.x, text.y);
  }
}

/** The canvas as a PNG file. */
export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((png) => (png ? resolve(png) : reject(new Error('The image is too large to export'))), 'image/png'),
  );
}

/** Composes the PNG. `graphPng` is Cytoscape's image of the graph at `scale`. */
export async function composeSnapshot(
  graphPng: Blob,
  content: SnapshotContent,
  scale: number,
): Promise<ComposedSnapshot> {
  const graphImage = await createImageBitmap(graphPng);
  const layout = layoutSnapshot(content, graphImage.width, graphImage.height, scale, measuringContext());
  const s = scale;
  const { canvas, context } = whiteCanvas(layout.width, layout.height);
  drawTexts(context, layout.texts);
  const { graph } = layout;
  context.strokeStyle = FRAME_COLOR;
  context.lineWidth = 1 * s;
  context.strokeRect(graph.x - 1, graph.y - 1, graph.width + 2, graph.height + 2);
  context.drawImage(graphImage, graph.x, graph.y, graph.width, graph.height);
  graphImage.close();
  for (const kind of layout.kindSwatches) drawShape(context, kind.shape, kind.cx, kind.cy, kind.r, kind.color);
  for (const swatch of layout.typeSwatches) drawTypeSwatch(context, swatch);
  const blob = await canvasPng(canvas);
  return { blob, width: canvas.width, height: canvas.height, shortenings: layout.shortenings };
}

export const FRAME_COLOR = '#d5dae1';

function drawTypeSwatch(context: CanvasRenderingContext2D, swatch: SnapshotLayout['typeSwatches'][number]) {
  const { type, x, y } = swatch;
  const { line, arrow } = edgeSwatch(type, swatch.width, swatch.height);
  context.strokeStyle = type.color;
  context.fillStyle = type.color;
  context.lineWidth = line.width;
  context.setLineDash(line.dash);
  context.beginPath();
  context.moveTo(x + line.x1, y + line.y);
  context.lineTo(x + line.x2, y + line.y);
  context.stroke();
  context.setLineDash([]);
  for (const polygon of arrow) {
    context.beginPath();
    for (const [i, [px, py]] of polygon.entries()) {
      if (i === 0) context.moveTo(x + px, y + py);
      else context.lineTo(x + px, y + py);
    }
    context.closePath();
    context.fill();
  }
}

function drawShape(context: CanvasRenderingContext2D, shape: string, cx: number, cy: number, r: number, color: string) {
  context.fillStyle = color;
  context.beginPath();
  const outline = shapeOutline(shape);
  if (outline) {
    for (const [i, [x, y]] of outline.entries()) {
      if (i === 0) context.moveTo(cx + x * r, cy + y * r);
      else context.lineTo(cx + x * r, cy + y * r);
    }
    context.closePath();
  } else if (shape === 'ellipse') {
    context.arc(cx, cy, r, 0, 2 * Math.PI);
  } else {
    context.roundRect(cx - r, cy - r, 2 * r, 2 * r, r * 0.35);
  }
  context.fill();
}
