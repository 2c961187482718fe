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
