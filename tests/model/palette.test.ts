// Relation types that can be told apart: by their line, or by a colour
// difference (CIEDE2000) of at least 20, which still holds at 12 for a reader
// with deuteranopia.
import { wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';
import type { Graph, RelationType } from '../../src/model/graph.ts';
import {
  colourDifference,
  distinguishable,
  FAMILIES,
  familyOf,
  lineSignature,
  MIN_COLOUR_DIFFERENCE,
  MIN_DEUTAN_DIFFERENCE,
  RELATION_FAMILIES,
  type TypeStyle,
  typeStyles,
} from '../../src/model/palette.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();

/** Pairs of types drawn with the same line whose colours cannot be told apart. */
function lookalikes(styles: Map<string, TypeStyle>): string[] {
  const entries = [...styles];
  const pairs: string[] = [];
  entries.forEach(([a, first], i) => {
    for (const [b, second] of entries.slice(i + 1)) {
      if (lineSignature(first) !== lineSignature(second)) continue;
      if (!distinguishable(first.color, second.color)) {
        const { normal, deutan } = colourDifference(first.color, second.color);
        pairs.push(`${a} / ${b}: ΔE ${normal.toFixed(1)}, deuteranopia ${deutan.toFixed(1)}`);
      }
    }
  });
  return pairs;
}

function typesOf(family: RelationType['family'], count: number, directed = true): RelationType[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${family}-${i}`,
    label: `${family} ${i}`,
    definition: 'd',
    directed,
    ...(family ? { family } : {}),
  }));
}

describe('the palette of each family', () => {
  it('has colours that differ by at least 20 (12 with deuteranopia), all visible on white', () => {
    for (const family of RELATION_FAMILIES) {
      const { palette } = FAMILIES[family];
      for (const [i, a] of palette.entries()) {
        expect(wcagContrast(a, '#ffffff'), `${family} ${a}`).toBeGreaterThanOrEqual(2.6);
        for (const b of palette.slice(i + 1)) {
          const { normal, deutan } = colourDifference(a, b);
          expect(normal, `${family}: ${a} / ${b}`).toBeGreaterThanOrEqual(MIN_COLOUR_DIFFERENCE);
          expect(deutan, `${family}: ${a} / ${b} with deuteranopia`).toBeGreaterThanOrEqual(MIN_DEUTAN_DIFFERENCE);
        }
      }
    }
  });

  it('draws each family with a line of its own', () => {
    const lines = RELATION_FAMILIES.map((family) => lineSignature(FAMILIES[family]));
    expect(new Set(lines).size).toBe(RELATION_FAMILIES.length);
  });

  it('measures colour difference as CIEDE2000 (reference pairs)', () => {
    expect(colourDifference('#000000', '#ffffff').normal).toBeCloseTo(100, 0);
    expect(colourDifference('#d62728', '#d62728').normal).toBe(0);
    // Red and green are far apart, but much closer for a reader with deuteranopia.
    const redGreen = colourDifference('#d62728', '#2ca02c');
    expect(redGreen.normal).toBeGreaterThan(60);
    expect(redGreen.deutan).toBeLessThan(redGreen.normal / 2);
    expect(colourDifference('not a colour', '#ffffff')).toEqual({ normal: 0, deutan: 0 });
  });
});

describe('the shipped graph', () => {
  it('gives every relation type a family, and no two types drawn alike look alike', () => {
    for (const type of graph.relationTypes) expect(type.family, type.id).toBeDefined();
    expect(lookalikes(typeStyles(graph))).toEqual([]);
  });

  it('was drawn before with six pairs that could hardly be told apart (the colours it replaced)', () => {
    const before: Record<string, string> = { leads: '#1f4e9c', investigates: '#5c6bc0', backs: '#2ca02c' };
    const old: Graph = {
      ...graph,
      relationTypes: graph.relationTypes.map(({ family: _, ...type }) => ({
        ...type,
        color: before[type.id] ?? type.color,
        ...(type.contested ? { family: 'claim' as const } : {}),
      })),
    };
    expect(lookalikes(typeStyles(old)).length).toBeGreaterThan(0);
  });
});

describe('types declared without a colour', () => {
  it('get colours that keep the rule, as many as the family palette holds', () => {
    const families = RELATION_FAMILIES.filter((family) => family !== 'other');
    const bare: Graph = {
      ...graph,
      relationTypes: families.flatMap((family) => typesOf(family, FAMILIES[family].palette.length)),
    };
    const styles = typeStyles(bare);
    expect(lookalikes(styles)).toEqual([]);
    for (const family of families) {
      const colours = [...styles.values()].filter((s) => s.family === family).map((s) => s.color);
      expect(colours).toEqual(FAMILIES[family].palette);
    }
  });

  it('keep clear of the colours the file declares, wherever they are in the file', () => {
    const declared = [...typesOf('affiliation', 2), ...typesOf('affiliation', 1).map((t) => ({ ...t, id: 'own' }))];
    // The last type declares the family's first colour: the two before it must not take it.
    const last = declared[2];
    if (last) last.color = FAMILIES.affiliation.palette[0];
    const styles = typeStyles({ ...graph, relationTypes: declared });
    expect(styles.get('own')?.color).toBe(FAMILIES.affiliation.palette[0]);
    expect([styles.get('affiliation-0')?.color, styles.get('affiliation-1')?.color]).toEqual(
      FAMILIES.affiliation.palette.slice(1, 3),
    );
  });

  it('when the palette runs out, take the colour farthest from those in use', () => {
    const many = typesOf('contact', FAMILIES.contact.palette.length + 1);
    const styles = [...typeStyles({ ...graph, relationTypes: many }).values()].map((s) => s.color);
    expect(styles.slice(0, -1)).toEqual(FAMILIES.contact.palette);
    expect(FAMILIES.contact.palette).toContain(styles.at(-1));
  });

  it('a contested type without a family is a claim; any other is "other"', () => {
    expect(familyOf({ id: 'a', label: 'a', definition: 'd', directed: true, contested: true })).toBe('claim');
    expect(familyOf({ id: 'b', label: 'b', definition: 'd', directed: true })).toBe('other');
    expect(
      familyOf({ id: 'c', label: 'c', definition: 'd', directed: true, contested: true, family: 'violence' }),
    ).toBe('violence');
  });

  it('an undirected type has no arrowhead, and its line is otherwise its family’s', () => {
    const [undirected] = typesOf('violence', 1, false);
    const style = typeStyles({ ...graph, relationTypes: undirected ? [undirected] : [] }).get('violence-0');
    expect(style).toMatchObject({ arrow: 'none', lineStyle: 'solid', width: FAMILIES.violence.width, directed: false });
  });
});

describe('telling two colours apart', () => {
  it('needs both differences: ΔE 20 with 6 under deuteranopia fails, and so does ΔE 17 with 12.7', () => {
    expect(colourDifference('#2ca02c', '#808000').normal).toBeGreaterThanOrEqual(MIN_COLOUR_DIFFERENCE);
    expect(distinguishable('#2ca02c', '#808000')).toBe(false);
    expect(colourDifference('#9467bd', '#e377c2').deutan).toBeGreaterThanOrEqual(MIN_DEUTAN_DIFFERENCE);
    expect(distinguishable('#9467bd', '#e377c2')).toBe(false);
    expect(distinguishable('#1f77b4', '#ff7f0e')).toBe(true);
  });

  it('types of different families differ by their line, whatever their colours', () => {
    const signatures = RELATION_FAMILIES.map((family) =>
      lineSignature({ ...FAMILIES[family], arrow: FAMILIES[family].arrow }),
    );
    expect(new Set(signatures).size).toBe(RELATION_FAMILIES.length);
    expect(lineSignature({ lineStyle: 'dashed', dashPattern: [6, 3], arrow: 'triangle', width: 2 })).toBe(
      'dashed 6,3 triangle 2',
    );
  });

  it('marks the lines that are not solid as dashed (the legend draws them so)', () => {
    const styles = typeStyles({ ...graph, relationTypes: [...typesOf('claim', 1), ...typesOf('affiliation', 1)] });
    expect(styles.get('claim-0')?.dashed).toBe(true);
    expect(styles.get('affiliation-0')?.dashed).toBe(false);
  });
});

describe('a colour for a type that declares none, when every colour of its family is taken', () => {
  it('is the candidate farthest from its nearest colour in use, even by less than one unit', () => {
    const palette = FAMILIES.contact.palette;
    // Every palette colour is declared; the second one only nearly (one unit of blue off).
    const second = palette[1] ?? '';
    const blue = (Number.parseInt(second.slice(5, 7), 16) + 1) % 256;
    const nearly = `#${second.slice(1, 5)}${blue.toString(16).padStart(2, '0')}`;
    const declared = typesOf('contact', palette.length).map((t, i) => ({ ...t, color: i === 1 ? nearly : palette[i] }));
    const [bare] = typesOf('contact', 1).map((t) => ({ ...t, id: 'bare' }));
    const styles = typeStyles({ ...graph, relationTypes: [...declared, ...(bare ? [bare] : [])] });
    const gap = colourDifference(second, nearly).normal;
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThan(1);
    expect(styles.get('bare')?.color).toBe(second);
  });

  it('keeps clear of the colours of its family even when no other type is drawn with its own line', () => {
    // A directed type declares the family's first colour; an undirected one (no arrowhead: a line of
    // its own) must still not take it.
    const [directed] = typesOf('affiliation', 1).map((t) => ({ ...t, color: FAMILIES.affiliation.palette[0] }));
    const [undirected] = typesOf('affiliation', 1, false).map((t) => ({ ...t, id: 'undirected' }));
    const styles = typeStyles({ ...graph, relationTypes: [directed, undirected].filter((t) => t !== undefined) });
    expect(styles.get('undirected')?.color).toBe(FAMILIES.affiliation.palette[1]);
  });
});
