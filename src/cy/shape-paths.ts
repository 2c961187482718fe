// Outlines of the node shapes in a unit box (-1..1), for legend swatches (SVG)
// and for the legend drawn onto exported images (canvas). Pure.

function regularPolygon(sides: number, rotation: number): [number, number][] {
  return Array.from({ length: sides }, (_, i) => {
    const angle = rotation + (2 * Math.PI * i) / sides;
    return [Math.cos(angle), Math.sin(angle)] as [number, number];
  });
}

function star(points: number): [number, number][] {
  return Array.from({ length: points * 2 }, (_, i) => {
    const radius = i % 2 === 0 ? 1 : 0.45;
    const angle = -Math.PI / 2 + (Math.PI * i) / points;
    return [radius * Math.cos(angle), radius * Math.sin(angle)] as [number, number];
  });
}

/** A polygon for the shape, or null for shapes drawn as ellipses or rounded boxes. */
export function shapeOutline(shape: string): [number, number][] | null {
  switch (shape.replace(/^round-/, '')) {
    case 'triangle':
      return [
        [0, -1],
        [1, 0.8],
        [-1, 0.8],
      ];
    case 'diamond':
      return [
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
      ];
    case 'pentagon':
      return regularPolygon(5, -Math.PI / 2);
    case 'hexagon':
      return regularPolygon(6, 0);
    case 'octagon':
      return regularPolygon(8, Math.PI / 8);
    case 'star':
      return star(5);
    case 'vee':
      return [
        [-1, -1],
        [0, -0.33],
        [1, -1],
        [0, 1],
      ];
    case 'rhomboid':
      return [
        [-1, -1],
        [0.5, -1],
        [1, 1],
        [-0.5, 1],
      ];
    case 'tag':
      return [
        [-1, -1],
        [0.4, -1],
        [1, 0],
        [0.4, 1],
        [-1, 1],
      ];
    case 'cut-rectangle':
      return [
        [-0.7, -1],
        [0.7, -1],
        [1, -0.7],
        [1, 0.7],
        [0.7, 1],
        [-0.7, 1],
        [-1, 0.7],
        [-1, -0.7],
      ];
    case 'rectangle':
      return shape.startsWith('round-')
        ? null
        : [
            [-1, -1],
            [1, -1],
            [1, 1],
            [-1, 1],
          ];
    default:
      return null; // ellipse, barrel, round-rectangle: drawn with curves
  }
}

/** SVG path data in a box of the given size. */
export function shapeSvgPath(shape: string, size: number): string {
  const half = size / 2;
  const outline = shapeOutline(shape);
  if (outline) {
    const scaled = (value: number) => (half + value * half * 0.9).toFixed(2);
    const steps = outline.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${scaled(x)},${scaled(y)}`);
    return `${steps.join(' ')} Z`;
  }
  const r = shape === 'ellipse' ? half * 0.9 : half * 0.35;
  const inset = size * 0.05;
  const w = size - 2 * inset;
  // A rounded rectangle; with r = half it is a circle.
  const [near, far] = [inset + r, inset + w - r];
  const arc = `A${r},${r} 0 0 1`;
  return (
    `M${near},${inset} H${far} ${arc} ${inset + w},${near} V${far} ${arc} ${far},${inset + w} ` +
    `H${near} ${arc} ${inset},${far} V${near} ${arc} ${near},${inset} Z`
  );
}

/** What a legend swatch of a relation type draws: a line (dashed or not) and its arrowhead. */
export interface EdgeSwatch {
  /** The line, from x1 to x2 at height y. */
  line: { x1: number; x2: number; y: number; width: number; dash: number[] };
  /** Filled polygons of the arrowhead (none for undirected types). */
  arrow: [number, number][][];
}

/**
 * A relation type's swatch in a box of the given size, drawn left to right:
 * the same dashes, weight and arrowhead as in the graph (Cytoscape's arrow
 * shapes), at swatch scale.
 */
export function edgeSwatch(
  style: { lineStyle: string; dashPattern: readonly number[]; arrow: string; width: number },
  width: number,
  height: number,
): EdgeSwatch {
  const y = height / 2;
  const head = Math.min(height * 0.9, width * 0.3);
  const half = head * 0.45;
  const tip = width - 1;
  const lineWidth = Math.min(height / 3, style.width * (height / 10));
  const dash =
    style.lineStyle === 'dotted'
      ? [lineWidth, lineWidth * 1.2]
      : style.dashPattern.map((length) => (length * height) / 12);
  const triangle = (at: number): [number, number][] => [
    [at - head, y - half],
    [at, y],
    [at - head, y + half],
  ];
  const bar = (at: number): [number, number][] => {
    const thick = Math.max(1.5, head * 0.22);
    return [
      [at - thick, y - half * 1.2],
      [at, y - half * 1.2],
      [at, y + half * 1.2],
      [at - thick, y + half * 1.2],
    ];
  };
  let arrow: [number, number][][] = [];
  let lineEnd = tip;
  switch (style.arrow) {
    case 'triangle':
      arrow = [triangle(tip)];
      lineEnd = tip - head * 0.8;
      break;
    case 'vee':
      arrow = [[...triangle(tip), [tip - head * 0.6, y]]];
      lineEnd = tip - head * 0.6;
      break;
    case 'tee':
      arrow = [bar(tip)];
      lineEnd = tip - 1;
      break;
    case 'triangle-tee':
      arrow = [triangle(tip), bar(tip - head - 2)];
      lineEnd = tip - head * 0.8;
      break;
    default:
      arrow = [];
  }
  return { line: { x1: 1, x2: lineEnd, y, width: lineWidth, dash }, arrow };
}
