// More of the colours of relation types (src/model/palette.ts): the corners
// that the mutation run showed no other test looks at.
import { describe, expect, it } from 'vitest';
import type { Graph, RelationType } from '../../src/model/graph.ts';
import { FAMILIES, typeStyles } from '../../src/model/palette.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();

const contactTypes = (count: number): RelationType[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `contact-${i}`,
    label: `contact ${i}`,
    definition: 'd',
    directed: true,
    family: 'contact',
  }));

/** The colour one unit of blue away. */
function nearly(colour: string): string {
  const blue = (Number.parseInt(colour.slice(5, 7), 16) + 1) % 256;
  return `${colour.slice(0, 5)}${blue.toString(16).padStart(2, '0')}`;
}

describe('a colour for a type that declares none, when every colour of its family is taken', () => {
  it('is the one whose nearest colour in use is farthest, whichever palette colour that is', () => {
    const palette = FAMILIES.contact.palette;
    for (const [index, colour] of palette.entries()) {
      // Every palette colour is declared, this one only nearly: it is the one farthest from its nearest.
      const declared = contactTypes(palette.length).map((t, i) => ({
        ...t,
        color: i === index ? nearly(colour) : palette[i],
      }));
      const bare = { ...contactTypes(1)[0], id: 'bare' } as RelationType;
      const styles = typeStyles({ ...graph, relationTypes: [...declared, bare] } as Graph);
      expect(styles.get('bare')?.color).toBe(colour);
    }
  });
});
