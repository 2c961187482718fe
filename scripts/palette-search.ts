// How the family palettes in src/model/palette.ts were chosen:
//   npm run -s palette-search
// For each family: colours of its hue range (OKLCH, lightness 0.30-0.70, so a
// line shows on white with contrast >= 2.6), the colours already given to the
// shipped graph's types kept fixed, and the rest searched (seeded hill
// climbing from random starts) to make the smallest difference in the family
// as large as possible, counting a difference under deuteranopia 20/12 times
// (the two thresholds). Prints each palette with its smallest differences.
import { converter, differenceCiede2000, filterDeficiencyDeuter, formatHex, oklch, parse, wcagContrast } from 'culori';
import { mulberry32 } from '../src/cy/layout.ts';

interface FamilySearch {
  /** Colours already in use (the shipped graph's), kept as they are. */
  fixed: string[];
  /** How many more to find. */
  more: number;
  /** Hue range in OKLCH degrees (from > to wraps through 0); greys allowed when `greys`. */
  hues: [number, number];
  greys?: boolean;
}

const SEARCHES: Record<string, FamilySearch> = {
  claim: { fixed: ['#d62728', '#ba02b4', '#511903', '#6b6b6b'], more: 2, hues: [330, 40] },
  opposition: { fixed: ['#e6550d', '#824103', '#b09e5b', '#716b49'], more: 2, hues: [30, 100] },
  violence: { fixed: ['#222222', '#a443f4', '#1f1080', '#774c69'], more: 2, hues: [260, 340] },
  affiliation: { fixed: ['#2ca02c', '#04390c', '#3f6c6e', '#b1a02e'], more: 2, hues: [100, 200] },
  procedure: { fixed: ['#1f4e9c', '#67abb3'], more: 4, hues: [190, 290] },
  contact: { fixed: ['#0e8c99'], more: 3, hues: [160, 240] },
  other: { fixed: [], more: 8, hues: [0, 360], greys: true },
};

const ciede2000 = differenceCiede2000();
const deuteranopia = filterDeficiencyDeuter(1);
const toRgb = converter('rgb');
const random = mulberry32(20261128);

const candidates: string[] = [];
for (let lightness = 0.3; lightness <= 0.701; lightness += 0.025) {
  for (let chroma = 0.03; chroma <= 0.25; chroma += 0.02) {
    for (let hue = 0; hue < 360; hue += 5) {
      const rgb = toRgb({ mode: 'oklch', l: lightness, c: chroma, h: hue });
      if ([rgb.r, rgb.g, rgb.b].some((channel) => channel < 0 || channel > 1)) continue;
      const hex = formatHex(rgb);
      if (wcagContrast(hex, '#ffffff') >= 2.6) candidates.push(hex);
    }
  }
}
candidates.push('#222222', '#444444', '#5a5a5a', '#777777');

function difference(a: string, b: string): { normal: number; deutan: number } {
  const first = parse(a);
  const second = parse(b);
  if (!first || !second) return { normal: 0, deutan: 0 };
  return { normal: ciede2000(first, second), deutan: ciede2000(deuteranopia(first), deuteranopia(second)) };
}

function inRange(hex: string, [from, to]: [number, number], greys: boolean): boolean {
  const colour = oklch(hex);
  if (!colour || colour.c < 0.04) return greys;
  const hue = colour.h ?? 0;
  return from <= to ? hue >= from && hue <= to : hue >= from || hue <= to;
}

/** The smallest difference in a palette, a deuteranopia difference counting 20/12 times. */
function worst(palette: string[]): number {
  let smallest = Number.POSITIVE_INFINITY;
  palette.forEach((a, i) => {
    for (const b of palette.slice(i + 1)) {
      const { normal, deutan } = difference(a, b);
      smallest = Math.min(smallest, normal, (deutan * 20) / 12);
    }
  });
  return smallest;
}

function search({ fixed, more, hues, greys = false }: FamilySearch): string[] {
  const pool = candidates.filter((hex) => inRange(hex, hues, greys));
  const draw = () => pool[Math.floor(random() * pool.length)] ?? '#000000';
  let best: string[] = [];
  let bestScore = -1;
  for (let start = 0; start < 30; start++) {
    let current = [...fixed, ...Array.from({ length: more }, draw)];
    let score = worst(current);
    for (let step = 0; step < 3000; step++) {
      const next = [...current];
      next[fixed.length + Math.floor(random() * more)] = draw();
      const nextScore = worst(next);
      if (nextScore >= score) [current, score] = [next, nextScore];
    }
    if (score > bestScore) [best, bestScore] = [current, score];
  }
  return best;
}

for (const [family, spec] of Object.entries(SEARCHES)) {
  const palette = search(spec);
  let normal = Number.POSITIVE_INFINITY;
  let deutan = Number.POSITIVE_INFINITY;
  palette.forEach((a, i) => {
    for (const b of palette.slice(i + 1)) {
      const d = difference(a, b);
      normal = Math.min(normal, d.normal);
      deutan = Math.min(deutan, d.deutan);
    }
  });
  console.log(
    `${family}: ${JSON.stringify(palette)} smallest ΔE ${normal.toFixed(1)}, deuteranopia ${deutan.toFixed(1)}`,
  );
}
