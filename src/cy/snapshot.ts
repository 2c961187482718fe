// Draws an exported PNG that stands alone in a report, from what
// snapshotContent() says it contains: the title, counts and filters, the
// graph image, a legend of what is drawn, and the sources cited, on white.
// Canvas 2D around Cytoscape's own PNG. Nothing is clipped silently: what had
// to be shortened or shrunk to fit is listed in the image and returned.

import type { LegendKind, LegendType, SnapshotContent } from '../model/snapshot-content.ts';
import { edgeSwatch, shapeOutline } from './shape-paths.ts';

/** The browser's canvas limit is 16,384 px a side; stay well below it. */
export const MAX_SNAPSHOT_SIDE = 8_192;
/**
 * The graph image itself is capped lower: encoding a PNG takes time in
 * proportion to its pixels (measured: 10 s for a 10,800 px square), and
 * 4,800 px is already 40 cm at 300 dpi.
 */
export const MAX_GRAPH_IMAGE_SIDE = 4_800;
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

const FONT = '"DejaVu Sans", system-ui, sans-serif';

export interface ComposedSnapshot {
  blob: Blob;
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

interface TextBlock {
  font: string;
  color: string;
  lines: string[];
  lineHeight: number;
  gapAfter: number;
}

/** Composes the PNG. `graphPng` is Cytoscape's image of the graph at `scale`. */
export async function composeSnapshot(
  graphPng: Blob,
  content: SnapshotContent,
  scale: number,
): Promise<ComposedSnapshot> {
  const graphImage = await createImageBitmap(graphPng);
  const s = scale;
  const margin = 24 * s;
  const shortenings: string[] = [];
  const width = Math.ceil(Math.min(MAX_SNAPSHOT_SIDE, Math.max(graphImage.width + 2 * margin, 900 * s)));
  const textWidth = width - 2 * margin;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('Canvas 2D is not available');

  const block = (font: string, color: string, texts: string[], lineHeight: number, gapAfter: number): TextBlock => {
    measure.font = font;
    return { font, color, lines: texts.flatMap((t) => wrapText(measure, t, textWidth)), lineHeight, gapAfter };
  };
  /** At most `max` lines; the last says how many more there were. */
  const capped = (items: string[], max: number, noun: string): string[] => {
    if (items.length <= max) return items;
    shortenings.push(`${items.length - (max - 1)} ${noun} not listed`);
    return [...items.slice(0, max - 1), `… and ${items.length - (max - 1)} more ${noun}`];
  };

  const title = block(`bold ${20 * s}px ${FONT}`, '#1c2230', [content.title], 26 * s, 4 * s);
  if (title.lines.length > MAX_TITLE_LINES) {
    title.lines = title.lines.slice(0, MAX_TITLE_LINES);
    title.lines[MAX_TITLE_LINES - 1] = `${shorten(title.lines[MAX_TITLE_LINES - 1] ?? '', 200).replace(/.$/, '')}…`;
    shortenings.push('title shortened');
  }
  const header: TextBlock[] = [
    title,
    block(`${12 * s}px ${FONT}`, '#5a6372', [content.countLine], 17 * s, 4 * s),
    block(`${12 * s}px ${FONT}`, '#8a3b00', capped(content.filterLines, MAX_LIST_LINES, 'filters'), 17 * s, 10 * s),
  ];

  const kinds = content.legendKinds.slice(0, MAX_LEGEND_ENTRIES);
  const types = content.legendTypes.slice(0, MAX_LEGEND_ENTRIES);
  const moreKinds = content.legendKinds.length - kinds.length;
  const moreTypes = content.legendTypes.length - types.length;
  if (moreKinds > 0) shortenings.push(`${moreKinds} actor kinds left out of the legend`);
  if (moreTypes > 0) shortenings.push(`${moreTypes} relation types left out of the legend`);
  const legendFont = `${12 * s}px ${FONT}`;
  measure.font = legendFont;
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
    block(`bold ${12 * s}px ${FONT}`, '#1c2230', ['Sources cited'], 17 * s, 2 * s),
    block(`${11 * s}px ${FONT}`, '#1c2230', sourceLines.length ? sourceLines : ['none'], 15 * s, 6 * s),
    block(`${10 * s}px ${FONT}`, '#5a6372', [content.readingNote], 13 * s, 0),
  ];
  const blockHeight = (blocks: TextBlock[]) =>
    blocks.reduce((h, b) => h + b.lines.length * b.lineHeight + b.gapAfter, 0);

  // Everything must fit under the canvas limit: the graph image is shrunk
  // first (down to MIN_GRAPH_SHRINK), then the list of sources is cut, and
  // only then the graph shrinks further. Each step is reported in the image.
  const sourcesBlock = footer[1] as TextBlock;
  const noticeFont = `italic ${11 * s}px ${FONT}`;
  const noticeFor = (): TextBlock => {
    const lines = shortenings.length ? [`Shortened to fit: ${shortenings.join('; ')}.`] : [];
    return block(noticeFont, '#8a3b00', lines, 15 * s, lines.length ? 6 * s : 0);
  };
  const total = (graphHeight: number) =>
    margin + blockHeight([...header, noticeFor()]) + graphHeight + 12 * s + legendHeight + blockHeight(footer) + margin;
  let graphScale = 1;
  if (total(graphImage.height) > MAX_SNAPSHOT_SIDE) {
    shortenings.push('graph image shrunk to fit');
    const room = MAX_SNAPSHOT_SIDE - total(0);
    graphScale = Math.max(MIN_GRAPH_SHRINK, Math.min(1, room / graphImage.height));
    while (total(graphImage.height * graphScale) > MAX_SNAPSHOT_SIDE && sourcesBlock.lines.length > 1) {
      sourcesBlock.lines.pop();
      if (!shortenings.includes('list of sources cut')) shortenings.push('list of sources cut');
    }
    const left = MAX_SNAPSHOT_SIDE - total(0);
    if (graphImage.height * graphScale > left) graphScale = Math.max(0.01, left / graphImage.height);
    shortenings[shortenings.indexOf('graph image shrunk to fit')] =
      `graph image shrunk to ${Math.round(graphScale * 100)}% to stay under ${MAX_SNAPSHOT_SIDE} px`;
  }
  const graphWidth = Math.round(graphImage.width * graphScale);
  const graphHeight = Math.round(graphImage.height * graphScale);
  const noticeBlock = noticeFor();
  const height = Math.ceil(Math.min(MAX_SNAPSHOT_SIDE, total(graphHeight)));

  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Canvas 2D is not available');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.textBaseline = 'top';

  let y = margin;
  const drawBlocks = (blocks: TextBlock[]) => {
    for (const b of blocks) {
      context.font = b.font;
      context.fillStyle = b.color;
      for (const line of b.lines) {
        context.fillText(line, margin, y);
        y += b.lineHeight;
      }
      y += b.gapAfter;
    }
  };
  drawBlocks([...header, noticeBlock]);
  context.strokeStyle = '#d5dae1';
  context.lineWidth = 1 * s;
  context.strokeRect(margin - 1, y - 1, graphWidth + 2, graphHeight + 2);
  context.drawImage(graphImage, margin, y, graphWidth, graphHeight);
  y += graphHeight + 12 * s;
  graphImage.close();

  context.font = `bold ${12 * s}px ${FONT}`;
  context.fillStyle = '#1c2230';
  context.fillText('Legend', margin, y);
  y += 18 * s;
  context.font = legendFont;
  const drawGrid = <T>(items: T[], drawItem: (item: T, x: number, y: number) => void) => {
    items.forEach((item, i) => {
      drawItem(item, margin + (i % perRow) * itemWidth, y + Math.floor(i / perRow) * legendRowHeight);
    });
    y += Math.ceil(items.length / perRow) * legendRowHeight;
  };
  drawGrid(kinds, (kind: LegendKind, x, rowY) => {
    drawShape(context, kind.shape, x + 8 * s, rowY + 7 * s, 7 * s, kind.color);
    context.fillStyle = '#1c2230';
    context.fillText(shorten(kind.label, MAX_LEGEND_LABEL), x + 22 * s, rowY);
  });
  y += 4 * s;
  drawGrid(types, (type: LegendType, x, rowY) => drawTypeSwatch(context, type, x, rowY, s));
  if (moreKinds > 0 || moreTypes > 0) {
    context.fillStyle = '#5a6372';
    const more = [moreKinds > 0 ? `${moreKinds} more actor kinds` : '', moreTypes > 0 ? `${moreTypes} more types` : ''];
    context.fillText(`… and ${more.filter(Boolean).join(', ')}`, margin, y);
    y += legendRowHeight;
  }
  y += 12 * s;
  drawBlocks(footer);

  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((png) => (png ? resolve(png) : reject(new Error('The image is too large to export'))), 'image/png'),
  );
  return { blob, width: canvas.width, height: canvas.height, shortenings };
}

function drawTypeSwatch(context: CanvasRenderingContext2D, type: LegendType, x: number, rowY: number, s: number) {
  const { line, arrow } = edgeSwatch(type, 30 * s, 14 * s);
  context.strokeStyle = type.color;
  context.fillStyle = type.color;
  context.lineWidth = line.width;
  context.setLineDash(line.dash);
  context.beginPath();
  context.moveTo(x + line.x1, rowY + line.y);
  context.lineTo(x + line.x2, rowY + line.y);
  context.stroke();
  context.setLineDash([]);
  for (const polygon of arrow) {
    context.beginPath();
    for (const [i, [px, py]] of polygon.entries()) {
      if (i === 0) context.moveTo(x + px, rowY + py);
      else context.lineTo(x + px, rowY + py);
    }
    context.closePath();
    context.fill();
  }
  context.fillStyle = '#1c2230';
  context.fillText(shorten(type.label, MAX_LEGEND_LABEL), x + 36 * s, rowY);
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
