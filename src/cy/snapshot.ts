// Composes an exported PNG that stands alone in a report: the graph title,
// the active filters, the graph image, a legend of what is drawn, and the
// sources cited, on white. Drawn with Canvas 2D around Cytoscape's own PNG.

import type { Graph, Source } from '../model/graph.ts';
import { sourceCitation } from '../model/queries.ts';
import { defaultKindStyle, defaultTypeColor } from './palette.ts';
import { shapeOutline } from './shape-paths.ts';

export interface SnapshotContent {
  graph: Graph;
  /** Lines describing the active filters and focus (empty when none). */
  filterLines: string[];
  /** "showing 12 of 28 actors, 20 of 55 relations" */
  countLine: string;
  visibleKindIds: ReadonlySet<string>;
  visibleTypeIds: ReadonlySet<string>;
  sources: Source[];
  /** YYYY-MM-DD */
  exportedOn: string;
}

/** The browser's canvas limit is 16,384 px a side; stay well below it. */
export const MAX_SNAPSHOT_SIDE = 8_192;
/**
 * The graph image itself is capped lower: encoding a PNG takes time in
 * proportion to its pixels (measured: 10 s for a 10,800 px square), and
 * 4,800 px is already 40 cm at 300 dpi.
 */
export const MAX_GRAPH_IMAGE_SIDE = 4_800;

const FONT = '"DejaVu Sans", system-ui, sans-serif';

/** Wraps text to lines no wider than maxWidth, measured with the context's font. */
function wrap(context: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (context.measureText(candidate).width > maxWidth && line !== '') {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
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

/** The composed PNG and its size in px. */
export async function composeSnapshot(
  graphPng: Blob,
  content: SnapshotContent,
  scale: number,
): Promise<{ blob: Blob; width: number; height: number }> {
  const graphImage = await createImageBitmap(graphPng);
  const s = scale;
  const margin = 24 * s;
  const width = Math.min(MAX_SNAPSHOT_SIDE, Math.max(graphImage.width + 2 * margin, 900 * s));
  const textWidth = width - 2 * margin;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('Canvas 2D is not available');

  const block = (font: string, color: string, texts: string[], lineHeight: number, gapAfter: number): TextBlock => {
    measure.font = font;
    return { font, color, lines: texts.flatMap((t) => wrap(measure, t, textWidth)), lineHeight, gapAfter };
  };
  const header: TextBlock[] = [
    block(`bold ${20 * s}px ${FONT}`, '#1c2230', [content.graph.title], 26 * s, 4 * s),
    block(
      `${12 * s}px ${FONT}`,
      '#5a6372',
      [`${content.countLine} · exported ${content.exportedOn} · graph file updated ${content.graph.updated}`],
      17 * s,
      4 * s,
    ),
    block(
      `${12 * s}px ${FONT}`,
      '#8a3b00',
      content.filterLines.length ? content.filterLines.map((l) => `Filter: ${l}`) : ['No filters: the whole graph'],
      17 * s,
      10 * s,
    ),
  ];
  const kinds = content.graph.actorKinds
    .map((kind, i) => ({
      kind,
      style: { color: kind.color ?? defaultKindStyle(i).color, shape: kind.shape ?? defaultKindStyle(i).shape },
    }))
    .filter(({ kind }) => content.visibleKindIds.has(kind.id));
  const types = content.graph.relationTypes
    .map((type, i) => ({ type, color: type.color ?? defaultTypeColor(i) }))
    .filter(({ type }) => content.visibleTypeIds.has(type.id));
  const legendFont = `${12 * s}px ${FONT}`;
  measure.font = legendFont;
  const itemWidth = Math.max(
    120 * s,
    ...[...kinds.map((k) => k.kind.label), ...types.map((t) => t.type.label)].map(
      (label) => measure.measureText(label).width + 44 * s,
    ),
  );
  const perRow = Math.max(1, Math.floor(textWidth / itemWidth));
  const legendRowHeight = 20 * s;
  const legendHeight = (Math.ceil(kinds.length / perRow) + Math.ceil(types.length / perRow)) * legendRowHeight + 40 * s;
  const footer = [
    block(`bold ${12 * s}px ${FONT}`, '#1c2230', ['Sources cited'], 17 * s, 2 * s),
    block(
      `${11 * s}px ${FONT}`,
      '#1c2230',
      content.sources.map((src) => `[${src.id}] ${sourceCitation(src)}`),
      15 * s,
      6 * s,
    ),
    block(
      `${10 * s}px ${FONT}`,
      '#5a6372',
      [
        'Grades: source reliability A (completely reliable) to E (unreliable), F cannot be judged; claim credibility 1 (confirmed) to 5 (improbable), 6 cannot be judged. Dashed lines are contested claims; arrows point from subject to object.',
      ],
      13 * s,
      0,
    ),
  ];
  const blockHeight = (blocks: TextBlock[]) =>
    blocks.reduce((h, b) => h + b.lines.length * b.lineHeight + b.gapAfter, 0);
  const headerHeight = blockHeight(header);
  const footerHeight = blockHeight(footer);
  const height = Math.min(
    MAX_SNAPSHOT_SIDE,
    Math.ceil(margin + headerHeight + graphImage.height + 12 * s + legendHeight + footerHeight + margin),
  );

  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width);
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
  drawBlocks(header);
  context.strokeStyle = '#d5dae1';
  context.lineWidth = 1 * s;
  context.strokeRect(margin - 1, y - 1, graphImage.width + 2, graphImage.height + 2);
  context.drawImage(graphImage, margin, y);
  y += graphImage.height + 12 * s;
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
  drawGrid(kinds, ({ kind, style }, x, rowY) => {
    drawShape(context, style.shape, x + 8 * s, rowY + 7 * s, 7 * s, style.color);
    context.fillStyle = '#1c2230';
    context.fillText(kind.label, x + 22 * s, rowY);
  });
  y += 4 * s;
  drawGrid(types, ({ type, color }, x, rowY) => {
    context.strokeStyle = color;
    context.fillStyle = color;
    context.lineWidth = 2.5 * s;
    context.setLineDash(type.contested ? [5 * s, 3 * s] : []);
    context.beginPath();
    context.moveTo(x, rowY + 7 * s);
    context.lineTo(x + 22 * s, rowY + 7 * s);
    context.stroke();
    context.setLineDash([]);
    if (type.directed) {
      context.beginPath();
      context.moveTo(x + 22 * s, rowY + 2.5 * s);
      context.lineTo(x + 30 * s, rowY + 7 * s);
      context.lineTo(x + 22 * s, rowY + 11.5 * s);
      context.fill();
    }
    context.fillStyle = '#1c2230';
    context.fillText(type.label, x + 36 * s, rowY);
  });
  y += 12 * s;
  drawBlocks(footer);

  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((png) => (png ? resolve(png) : reject(new Error('The image is too large to export'))), 'image/png'),
  );
  return { blob, width: canvas.width, height: canvas.height };
}

function drawShape(
  context: CanvasRenderingContext2D,
  shape: string,
  cx: number,
  cy: number,
  r: number,
  color: string,
): void {
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
