// An actor's box (its shape and its name below it) as Cytoscape will draw it,
// computed before the actor is added: the layout needs every box, and asking
// Cytoscape for them means adding, styling and measuring thousands of
// elements before their place is even known (2.6 s at 5,000 actors, where
// this takes a tenth of it). The wrapping follows Cytoscape's own (text-wrap:
// wrap, at whitespace and zero-width spaces, trailing separators measured);
// tests/components/label-metrics.test.ts checks the result against
// Cytoscape's boundingBox on real labels.

import { NODE_FONT_SIZE, NODE_LABEL_MARGIN, NODE_LABEL_WIDTH, NODE_SIZE } from './stylesheet.ts';

/** Width of a single line of text in px, as canvas measureText gives it at the label font. */
export type MeasureText = (text: string) => number;

/** The lines Cytoscape draws for `text` wrapped at `maxWidth`. */
export function wrapLabel(text: string, maxWidth: number, measure: MeasureText): string[] {
  const wrapped: string[] = [];
  for (const line of text.split('\n')) {
    if (Math.ceil(measure(line)) <= maxWidth) {
      wrapped.push(line);
      continue;
    }
    let subline = '';
    let previous = 0;
    for (const match of line.matchAll(/[\s\u200b]+|$/g)) {
      const separator = match[0];
      const word = line.substring(previous, match.index);
      previous = match.index + separator.length;
      const test = subline.length === 0 ? word : subline + word + separator;
      if (Math.ceil(measure(test)) <= maxWidth) {
        subline += word + separator;
      } else {
        if (subline) wrapped.push(subline);
        subline = word + separator;
      }
    }
    if (!/^[\s\u200b]+$/.test(subline)) wrapped.push(subline);
  }
  return wrapped;
}

export interface ActorBox {
  width: number;
  height: number;
  /** The actor's position minus the box's centre (its name hangs below it). */
  dx: number;
  dy: number;
}

/** Border of an actor's shape, px (the stylesheet's 'border-width'). */
const BORDER_WIDTH = 1.5;
/** Background padding around a name at label scale 1, px ('text-background-padding'). */
const LABEL_PADDING = 1;
/** Cytoscape widens a label's box by this on every side ("browser dimension inaccuracies"). */
const LABEL_MARGIN_OF_ERROR = 2;
/** ... and a shape's box by this (measured: its box is the shape plus border plus 1 px on each side). */
const BODY_MARGIN = 1;

/** A shape's extent around the actor's position, px (what Cytoscape's boundingBox gives without the label). */
export interface BodyExtent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A shape of `size` px with its border, as a square: Cytoscape's box for a round shape. */
export function squareBody(size = NODE_SIZE): BodyExtent {
  const half = (size + BORDER_WIDTH) / 2 + BODY_MARGIN;
  return { x1: -half, y1: -half, x2: half, y2: half };
}

/**
 * The box an actor takes, as Cytoscape's boundingBox({ includeLabels: true })
 * gives it: its shape's extent (`body`, by default a square of NODE_SIZE;
 * pointed shapes reach further, by their mitred border, which the controller
 * measures once per shape) and the name wrapped at NODE_LABEL_WIDTH below it,
 * with its margin and background padding, all at label scale 1. At another
 * `scale` (labels drawn larger when zoomed out) the name's box is scaled from
 * that: the same lines at a larger font, to within a pixel of rounding.
 */
export function actorBox(
  label: string,
  measure: MeasureText,
  options: { size?: number; scale?: number; body?: BodyExtent } = {},
): ActorBox {
  const body = options.body ?? squareBody(options.size ?? NODE_SIZE);
  const name = nameExtent(label, measure, options.size, options.scale);
  const x1 = Math.min(body.x1, name?.x1 ?? Infinity);
  const y1 = Math.min(body.y1, name?.y1 ?? Infinity);
  const x2 = Math.max(body.x2, name?.x2 ?? -Infinity);
  const y2 = Math.max(body.y2, name?.y2 ?? -Infinity);
  return { width: x2 - x1, height: y2 - y1, dx: -(x1 + x2) / 2, dy: -(y1 + y2) / 2 };
}

/**
 * The box of an actor's name drawn below it, around the actor's position, as
 * Cytoscape's boundingBox({ includeNodes: false, includeLabels: true }) gives
 * it; null for no name.
 */
export function nameExtent(label: string, measure: MeasureText, size = NODE_SIZE, scale = 1): BodyExtent | null {
  if (label === '') return null;
  const lines = wrapLabel(label, NODE_LABEL_WIDTH, measure);
  const textWidth = Math.max(0, ...lines.map((line) => Math.ceil(measure(line)))) * scale;
  const textHeight = Math.max(lines.length, 1) * NODE_FONT_SIZE * scale;
  const pad = LABEL_PADDING * scale + LABEL_MARGIN_OF_ERROR;
  const margin = NODE_LABEL_MARGIN * scale;
  // The name hangs from the shape's bottom edge (without its border), shifted down by the margin.
  return {
    x1: -textWidth / 2 - pad,
    y1: size / 2 + margin - pad,
    x2: textWidth / 2 + pad,
    y2: size / 2 + margin + textHeight + pad,
  };
}

/** A MeasureText on a canvas at the actors' label font; widths are cached per text. */
export function canvasMeasure(font: string): MeasureText {
  const context = new OffscreenCanvas(1, 1).getContext('2d');
  if (!context) return (text) => text.length * NODE_FONT_SIZE * 0.6;
  context.font = font;
  const widths = new Map<string, number>();
  return (text) => {
    let width = widths.get(text);
    if (width === undefined) {
      width = context.measureText(text).width;
      if (widths.size > 100_000) widths.clear();
      widths.set(text, width);
    }
    return width;
  };
}
