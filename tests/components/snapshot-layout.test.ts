// The snapshot's layout, shared by the PNG and the SVG: nothing is clipped
// silently when it would not fit under the canvas limit.
import { describe, expect, it } from 'vitest';
import { layoutSnapshot, MAX_SNAPSHOT_SIDE, measuringContext } from '../../src/cy/snapshot.ts';
import type { SnapshotContent } from '../../src/model/snapshot-content.ts';

const content: SnapshotContent = {
  title: 'A graph',
  countLine: 'showing 2 of 2 actors, 1 of 1 relations (everything)',
  filterLines: ['No filters: the whole graph'],
  notes: ['Selected: A (outlined in blue; its relations are labelled)'],
  legendKinds: [{ id: 'person', label: 'Person', color: '#1f77b4', shape: 'ellipse' }],
  legendTypes: [],
  sourceLines: ['[s] Publisher, “Title”, no author named, undated (reliability C)'],
  readingNote: 'Grades: …',
};

describe('the layout of a snapshot', () => {
  it('puts the caption above the graph and the legend and sources below, on the report width', () => {
    const layout = layoutSnapshot(content, 2304, 1200, 2, measuringContext());
    expect(layout.width).toBe(2400);
    expect(layout.graph).toEqual({ x: 48, y: expect.any(Number), width: 2304, height: 1200, scale: 1 });
    const y = (text: string) => layout.texts.find((t) => t.text === text)?.y ?? Number.NaN;
    expect(y('A graph')).toBeLessThan(layout.graph.y);
    expect(y(content.notes[0]!)).toBeLessThan(layout.graph.y);
    expect(y('Legend')).toBeGreaterThan(layout.graph.y + layout.graph.height);
    expect(y('Sources cited')).toBeGreaterThan(y('Legend'));
    expect(layout.height).toBeGreaterThan(y('Grades: …'));
    expect(layout.shortenings).toEqual([]);
  });

  it('shrinks a graph too tall for the canvas limit, cuts long lists, and says so in the image', () => {
    const many = { ...content, sourceLines: Array.from({ length: 300 }, (_, i) => `[s${i}] Source ${i}`) };
    const layout = layoutSnapshot(many, 2304, 9000, 2, measuringContext());
    expect(layout.height).toBeLessThanOrEqual(MAX_SNAPSHOT_SIDE);
    expect(layout.graph.scale).toBeLessThan(1);
    expect(layout.graph.height).toBeCloseTo(9000 * layout.graph.scale, 0);
    const shrunk = `graph image shrunk to ${Math.round(layout.graph.scale * 100)}% to stay under 8192 px`;
    expect(layout.shortenings).toEqual(['261 sources not listed', shrunk]);
    const notice = layout.texts.find((t) => t.text.startsWith('Shortened to fit: '));
    expect(notice?.text).toContain(shrunk);
    expect(notice!.y).toBeLessThan(layout.graph.y);
    // Every line drawn is inside the image.
    for (const text of layout.texts) expect(text.y).toBeLessThanOrEqual(layout.height);
  });
});
