// Fallback colours and shapes for kinds and types that a file declares without
// them. Colour-blind-safe hues (Okabe-Ito and Tol), distinct shapes.

const KIND_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8c6d31', '#e69f00', '#56b4e9', '#555555'];
const KIND_SHAPES = ['ellipse', 'octagon', 'round-rectangle', 'hexagon', 'barrel', 'star', 'diamond', 'triangle'];
const TYPE_COLORS = ['#4477aa', '#ee6677', '#228833', '#ccbb44', '#66ccee', '#aa3377', '#bbbbbb', '#000000'];

export function defaultKindStyle(index: number): { color: string; shape: string } {
  return {
    color: KIND_COLORS[index % KIND_COLORS.length] ?? '#555555',
    shape: KIND_SHAPES[index % KIND_SHAPES.length] ?? 'ellipse',
  };
}

export function defaultTypeColor(index: number): string {
  return TYPE_COLORS[index % TYPE_COLORS.length] ?? '#777777';
}
