// The exported picture of the claims view: title, filters, then each relation
// with what asserts it on the left and what denies or contradicts it on the
// right, where the sources disagree, the sources cited and what the grades
// grade. One layout (boxes and lines of text, in image pixels), drawn twice:
// on a canvas for the PNG, and as SVG elements built with DOM APIs (so text
// from a graph file stays text).

import {
  type ComposedSnapshot,
  canvasPng,
  cssFont,
  drawTexts,
  FONT,
  type Font,
  measuringContext,
  type PlacedText,
  REPORT_WIDTH,
  SNAPSHOT_MARGIN,
  whiteCanvas,
  wrapText,
} from '../cy/snapshot.ts';
import type { ClaimsSnapshotContent, ClaimText } from '../model/claims.ts';
import { xmlSafeText } from '../model/xml-text.ts';

/** A list of claims runs long: taller than the graph snapshot, still within what a canvas holds (image px). */
const MAX_CLAIMS_HEIGHT = 16_000;
/** A claim's quote is cut after this many lines, and says so. */
const MAX_QUOTE_LINES = 8;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  stroke: string;
  /** The coloured bar on the box's left edge. */
  bar: string;
}

export interface ClaimsLayout {
  width: number;
  height: number;
  texts: PlacedText[];
  boxes: Box[];
  rules: { x1: number; y1: number; x2: number; y2: number; color: string }[];
  shortenings: string[];
}

const FOR_COLOUR = '#3b6fb6';
const AGAINST_COLOUR = '#c0392b';
const MUTED = '#5b6472';
const INK = '#1c2230';

/** Lays the picture out at `scale` image pixels per CSS px, REPORT_WIDTH CSS px wide. */
export function layoutClaims(
  content: ClaimsSnapshotContent,
  scale: number,
  measure = measuringContext(),
): ClaimsLayout {
  const s = scale;
  const width = REPORT_WIDTH * s;
  const margin = SNAPSHOT_MARGIN * s;
  const texts: PlacedText[] = [];
  const boxes: Box[] = [];
  const rules: ClaimsLayout['rules'] = [];
  const shortenings: string[] = [];
  let y = margin;
  let quotesCut = 0;

  const font = (size: number, weight: Font['weight'] = 'normal', style: Font['style'] = 'normal'): Font => ({
    size: size * s,
    weight,
    style,
  });
  /** Wrapped lines of text from (x, y) within maxWidth; returns the y below them. */
  const write = (text: string, x: number, top: number, maxWidth: number, f: Font, color: string, maxLines = 0) => {
    measure.font = cssFont(f);
    let lines = wrapText(measure, text, maxWidth);
    if (maxLines > 0 && lines.length > maxLines) {
      lines = [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]} …`];
      quotesCut++;
    }
    const lineHeight = f.size * 1.3;
    let baseline = top + f.size;
    for (const line of lines) {
      texts.push({ text: line, x, y: baseline, font: f, color });
      baseline += lineHeight;
    }
    return top + lines.length * lineHeight;
  };

  y = write(content.title, margin, y, width - 2 * margin, font(22, 'bold'), INK);
  y = write(content.subtitle, margin, y + 2 * s, width - 2 * margin, font(13), MUTED);
  y = write(content.countLine, margin, y + 4 * s, width - 2 * margin, font(13), INK);
  for (const line of content.filterLines)
    y = write(`Filter: ${line}`, margin, y, width - 2 * margin, font(12.5), MUTED);
  y += 12 * s;

  const gap = 18 * s;
  const columnWidth = (width - 2 * margin - gap) / 2;
  const left = margin;
  const right = margin + columnWidth + gap;
  y = Math.max(
    write('BLAMED OR ASSERTED', left, y, columnWidth, font(12, 'bold'), FOR_COLOUR),
    write('DENIED OR CONTRADICTED', right, y, columnWidth, font(12, 'bold'), AGAINST_COLOUR),
  );
  y += 4 * s;

  const pad = 8 * s;
  /** One claim in a box; returns the y below it. */
  const claimBox = (claim: ClaimText, x: number, top: number, against: boolean) => {
    const inner = columnWidth - 2 * pad - 4 * s;
    const textX = x + pad + 4 * s;
    let bottom = top + pad;
    if (claim.contradicts)
      bottom = write('Contradicts the relation', textX, bottom, inner, font(11.5, 'bold'), AGAINST_COLOUR);
    bottom = write(`“${claim.quote}”`, textX, bottom, inner, font(13, 'normal', 'italic'), INK, MAX_QUOTE_LINES);
    bottom = write(claim.who, textX, bottom + 2 * s, inner, font(12), INK);
    bottom = write(claim.source, textX, bottom, inner, font(11.5), MUTED);
    bottom += pad;
    const colour = against ? AGAINST_COLOUR : FOR_COLOUR;
    boxes.push({
      x,
      y: top,
      width: columnWidth,
      height: bottom - top,
      fill: against ? '#fff7f6' : '#ffffff',
      stroke: '#d5dae1',
      bar: colour,
    });
    return bottom + 6 * s;
  };

  for (const thread of content.threads) {
    rules.push({ x1: margin, y1: y, x2: width - margin, y2: y, color: '#d5dae1' });
    y += 8 * s;
    y = write(thread.sentence, margin, y, width - 2 * margin, font(15, 'bold'), INK);
    y = write(thread.corroboration, margin, y, width - 2 * margin, font(12), MUTED) + 4 * s;
    let leftY = y;
    let rightY = y;
    for (const claim of thread.asserted) leftY = claimBox(claim, left, leftY, false);
    if (thread.asserted.length === 0)
      leftY = write('No supporting evidence shown.', left, leftY, columnWidth, font(12.5, 'normal', 'italic'), MUTED);
    for (const entry of thread.against) {
      if ('answeredBy' in entry)
        rightY =
          write(`Answered by: ${entry.answeredBy}`, right, rightY + 2 * s, columnWidth, font(13, 'bold'), INK) + 2 * s;
      else rightY = claimBox(entry, right, rightY, true);
    }
    if (thread.against.length === 0)
      rightY = write(
        'Nothing shown denies or contradicts it.',
        right,
        rightY,
        columnWidth,
        font(12.5, 'normal', 'italic'),
        MUTED,
      );
    y = Math.max(leftY, rightY) + 6 * s;
  }

  if (content.disagreements.length > 0) {
    rules.push({ x1: margin, y1: y, x2: width - margin, y2: y, color: '#d49a00' });
    y = write('Where the sources disagree', margin, y + 8 * s, width - 2 * margin, font(15, 'bold'), INK);
    for (const entry of content.disagreements) {
      y = write(`${entry.about}: ${entry.text}`, margin, y + 3 * s, width - 2 * margin, font(12.5), INK);
    }
  }
  y += 12 * s;
  y = write('Sources cited', margin, y, width - 2 * margin, font(13, 'bold'), INK);
  for (const source of content.sources) y = write(source, margin, y, width - 2 * margin, font(12), INK);
  y = write(content.gradeNote, margin, y + 8 * s, width - 2 * margin, font(11.5), MUTED);
  if (quotesCut > 0) shortenings.push(`${quotesCut} long quotes cut after ${MAX_QUOTE_LINES} lines`);
  let height = y + margin;
  if (height > MAX_CLAIMS_HEIGHT) {
    // Too tall for one image: the rest is cut, and the picture says so at its foot.
    const limit = MAX_CLAIMS_HEIGHT - 60 * s;
    const kept = texts.filter((text) => text.y <= limit);
    texts.length = 0;
    texts.push(...kept);
    const keptBoxes = boxes.filter((box) => box.y + box.height <= limit);
    boxes.length = 0;
    boxes.push(...keptBoxes);
    shortenings.push('the list is longer than one image: narrow it with the filters, or export CSV for every claim');
    height = MAX_CLAIMS_HEIGHT;
  }
  for (const [position, shortening] of shortenings.entries()) {
    texts.push({
      text: `Shortened to fit: ${shortening}`,
      x: margin,
      y: height - margin / 2 - position * 16 * s,
      font: font(11.5, 'bold'),
      color: AGAINST_COLOUR,
    });
  }
  return { width, height, texts, boxes, rules, shortenings };
}

export async function composeClaimsPng(content: ClaimsSnapshotContent, scale: number): Promise<ComposedSnapshot> {
  const layout = layoutClaims(content, scale);
  const { canvas, context } = whiteCanvas(layout.width, layout.height);
  for (const box of layout.boxes) {
    context.fillStyle = box.fill;
    context.fillRect(box.x, box.y, box.width, box.height);
    context.strokeStyle = box.stroke;
    context.lineWidth = scale;
    context.strokeRect(box.x, box.y, box.width, box.height);
    context.fillStyle = box.bar;
    context.fillRect(box.x, box.y, 4 * scale, box.height);
  }
  for (const rule of layout.rules) {
    context.strokeStyle = rule.color;
    context.lineWidth = scale;
    context.beginPath();
    context.moveTo(rule.x1, rule.y1);
    context.lineTo(rule.x2, rule.y2);
    context.stroke();
  }
  drawTexts(context, layout.texts);
  const blob = await canvasPng(canvas);
  return { blob, width: canvas.width, height: canvas.height, shortenings: layout.shortenings };
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const n = (value: number) => String(Number(value.toFixed(2)));

export function composeClaimsSvg(content: ClaimsSnapshotContent, scale: number): ComposedSnapshot & { text: string } {
  const layout = layoutClaims(content, scale);
  const document = window.document.implementation.createDocument(SVG_NS, 'svg', null);
  const svg = document.documentElement;
  const make = (name: string, attributes: Record<string, string | number>): Element => {
    const element = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) {
      element.setAttribute(key, typeof value === 'number' ? n(value) : value);
    }
    svg.append(element);
    return element;
  };
  svg.setAttribute('width', n(layout.width / scale));
  svg.setAttribute('height', n(layout.height / scale));
  svg.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
  svg.setAttribute('font-family', FONT);
  make('title', {}).textContent = xmlSafeText(content.title);
  make('rect', { width: layout.width, height: layout.height, fill: '#ffffff' });
  for (const box of layout.boxes) {
    make('rect', {
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      fill: box.fill,
      stroke: box.stroke,
      'stroke-width': scale,
    });
    make('rect', { x: box.x, y: box.y, width: 4 * scale, height: box.height, fill: box.bar });
  }
  for (const rule of layout.rules) {
    make('line', { x1: rule.x1, y1: rule.y1, x2: rule.x2, y2: rule.y2, stroke: rule.color, 'stroke-width': scale });
  }
  for (const text of layout.texts) {
    const attributes: Record<string, string | number> = {
      x: text.x,
      y: text.y,
      'font-size': text.font.size,
      fill: text.color,
    };
    if (text.font.weight === 'bold') attributes['font-weight'] = 'bold';
    if (text.font.style === 'italic') attributes['font-style'] = 'italic';
    make('text', attributes).textContent = xmlSafeText(text.text);
  }
  const text = new XMLSerializer().serializeToString(document);
  const blob = new Blob([text], { type: 'image/svg+xml' });
  return {
    blob,
    text,
    width: Math.round(layout.width / scale),
    height: Math.round(layout.height / scale),
    shortenings: layout.shortenings,
  };
}
