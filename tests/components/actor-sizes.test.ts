// Actors sized by a centrality measure and filled by community: the sizes and
// colours reach the drawn nodes, survive filters and edits, go with a new
// file, and a bigger node pushes its name down rather than under its label.
import { afterEach, describe, expect, it } from 'vitest';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import type { AgGraphView } from '../../src/components/ag-graph-view.ts';
import '../../src/components/ag-graph-view.ts';
import type { CanvasState } from '../../src/cy/graph-controller.ts';
import { ACTOR_SIZE_RANGE, NODE_SIZE } from '../../src/cy/stylesheet.ts';
import { centralityOf, communitiesOf, communityColours, sizesFor } from '../../src/model/centrality.ts';
import { DEFAULT_FILTERS, type FilterState, visibleSubgraph } from '../../src/model/filter.ts';
import type { Graph } from '../../src/model/graph.ts';
import { kindStyles } from '../../src/model/palette.ts';
import { indexGraph } from '../../src/model/queries.ts';

const shipped = JSON.parse(shippedGraphText) as Graph;
let view: AgGraphView | null = null;

afterEach(() => {
  view?.remove();
  view = null;
});

function show(target: AgGraphView, graph: Graph, fileSerial: number, filters: FilterState = DEFAULT_FILTERS) {
  target.graph = graph;
  target.fileSerial = fileSerial;
  target.index = indexGraph(graph);
  target.visible = visibleSubgraph(graph, filters);
  return target.updateComplete.then(() => target.drawn);
}

async function mount(graph: Graph): Promise<AgGraphView> {
  view = document.createElement('ag-graph-view');
  view.style.cssText = 'position: fixed; inset: 0; width: 900px; height: 700px;';
  document.body.append(view);
  await show(view, graph, 1);
  return view;
}

const { min, max } = ACTOR_SIZE_RANGE;
const shippedVisible = visibleSubgraph(shipped, DEFAULT_FILTERS);
const bySize = sizesFor(centralityOf(shipped, shippedVisible), 'betweenness', min, max);
const byCommunity = communityColours(communitiesOf(shipped, shippedVisible));
const kindColour = (graph: Graph, actorId: string) =>
  kindStyles(graph).get(graph.actors.find((actor) => actor.id === actorId)?.kind ?? '')?.color;

const sizesDrawn = (state: CanvasState) => new Map(state.nodes.map((node) => [node.id, node.size]));
const fillsDrawn = (state: CanvasState) => new Map(state.nodes.map((node) => [node.id, node.fill]));

describe('actors sized by a measure and coloured by community', () => {
  it('every node is drawn at the size and in the colour given, and the biggest is the top broker', async () => {
    const target = await mount(shipped);
    target.actorSizes = bySize;
    target.actorColours = byCommunity;
    await target.updateComplete;
    const state = await target.canvasState();
    expect(sizesDrawn(state)).toEqual(bySize);
    expect(fillsDrawn(state)).toEqual(byCommunity);
    const biggest = state.nodes.reduce((a, b) => (b.size > a.size ? b : a));
    expect(biggest.id).toBe('election-2021-10-10');
    expect(biggest.size).toBe(max);
    expect(Math.min(...state.nodes.map((node) => node.size))).toBe(min);
  });

  it('a filter change keeps them (nothing is rebuilt), and so does an edit of the graph', async () => {
    const target = await mount(shipped);
    target.actorSizes = bySize;
    target.actorColours = byCommunity;
    await target.updateComplete;
    await show(target, shipped, 1, { ...DEFAULT_FILTERS, hiddenActorKinds: ['person'] });
    await expect.poll(async () => (await target.canvasState()).nodes.some((node) => !node.visible)).toBe(true);
    let state = await target.canvasState();
    expect(sizesDrawn(state)).toEqual(bySize);
    expect(fillsDrawn(state)).toEqual(byCommunity);
    // Edited in place: a renamed actor keeps its size; a new actor has the usual size until it is given one.
    const item = { source: 'isc', quote: 'q', attributedTo: 'x', credibility: 3 as const };
    const edited: Graph = {
      ...shipped,
      actors: [
        ...shipped.actors.map((a) => (a.id === 'kadhimi' ? { ...a, label: 'Mustafa al-Kadhimi (PM)' } : a)),
        { id: 'new-actor', label: 'New actor', kind: 'person', evidence: [item] },
      ],
    };
    await show(target, edited, 1);
    state = await target.canvasState();
    expect(sizesDrawn(state).get('kadhimi')).toBe(bySize.get('kadhimi'));
    expect(sizesDrawn(state).get('new-actor')).toBe(NODE_SIZE);
    target.actorSizes = new Map([...bySize, ['new-actor', 40]]);
    await target.updateComplete;
    state = await target.canvasState();
    expect(sizesDrawn(state).get('new-actor')).toBe(40);
    expect(fillsDrawn(state).get('kadhimi')).toBe(byCommunity.get('kadhimi'));
  });

  it('null brings back the usual size and the kinds’ colours; a new file drops what was set for the last', async () => {
    const target = await mount(shipped);
    target.actorSizes = bySize;
    target.actorColours = byCommunity;
    await target.updateComplete;
    target.actorSizes = null;
    await target.updateComplete;
    let state = await target.canvasState();
    expect(new Set(state.nodes.map((node) => node.size))).toEqual(new Set([NODE_SIZE]));
    expect(fillsDrawn(state)).toEqual(byCommunity);
    target.actorSizes = bySize;
    await target.updateComplete;
    // A new file, the sizes and colours of the old one still in the properties: they are not applied to it.
    await show(target, { ...shipped, actors: [...shipped.actors].reverse() }, 2);
    state = await target.canvasState();
    expect(new Set(state.nodes.map((node) => node.size))).toEqual(new Set([NODE_SIZE]));
    for (const node of state.nodes) expect(node.fill, node.id).toBe(kindColour(shipped, node.id));
    // New values for the new file are applied.
    target.actorSizes = new Map([['kadhimi', 50]]);
    await target.updateComplete;
    expect(sizesDrawn(await target.canvasState()).get('kadhimi')).toBe(50);
  });

  it('a bigger node pushes its name down, and no name is drawn over another actor', async () => {
    const target = await mount(shipped);
    target.actorSizes = bySize;
    await target.updateComplete;
    const labels = await target.drawnLabels();
    const state = await target.canvasState();
    let checked = 0;
    for (const node of state.nodes) {
      const label = labels.find((drawn) => drawn.id === node.id);
      const centre = await target.renderedPositionOf(node.id);
      if (!label || !centre || label.y1 <= centre.y) continue;
      // Below its actor: the label's top is at or under the node's bottom edge.
      expect(label.y1, node.id).toBeGreaterThanOrEqual(centre.y + (node.size * state.zoom) / 2 - 0.5);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    // Nor does any name lie on another actor: one that would is drawn above, right or left of its own instead.
    const covered: string[] = [];
    for (const label of labels) {
      for (const node of state.nodes) {
        const centre = await target.renderedPositionOf(node.id);
        const r = (node.size * state.zoom) / 2;
        if (node.id === label.id || !centre || !node.visible) continue;
        const { x, y } = centre;
        if (label.x1 < x + r && x - r < label.x2 && label.y1 < y + r && y - r < label.y2) covered.push(node.id);
      }
    }
    expect(covered).toEqual([]);
  });
});
