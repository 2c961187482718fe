// The graph view as an editor: a curated picture opens as it was saved, an
// edit that moves an actor moves it on screen, dragging an actor reports where
// it went, and in edit mode two actors are connected by dragging from one's
// handle to the other, or with c on each.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import type { AgGraphView } from '../../src/components/ag-graph-view.ts';
import '../../src/components/ag-graph-view.ts';
import type { AgEventMap } from '../../src/components/events.ts';
import type { CanvasElementState } from '../../src/cy/graph-controller.ts';
import { DEFAULT_FILTERS, visibleSubgraph } from '../../src/model/filter.ts';
import type { Graph, Position } from '../../src/model/graph.ts';
import { indexGraph } from '../../src/model/queries.ts';

const shipped = JSON.parse(shippedGraphText) as Graph;
let view: AgGraphView | null = null;

afterEach(() => {
  view?.remove();
  view = null;
});

function show(target: AgGraphView, graph: Graph, fileSerial: number): Promise<void> {
  target.graph = graph;
  target.fileSerial = fileSerial;
  target.index = indexGraph(graph);
  target.visible = visibleSubgraph(graph, DEFAULT_FILTERS);
  return target.updateComplete.then(() => target.drawn);
}

async function mount(graph: Graph): Promise<AgGraphView> {
  view = document.createElement('ag-graph-view');
  view.style.cssText = 'position: fixed; inset: 0; width: 900px; height: 700px;';
  document.body.append(view);
  await show(view, graph, 1);
  return view;
}

/** Every detail of one event type the view sends, in order. */
function heard<K extends keyof AgEventMap>(target: EventTarget, type: K): AgEventMap[K][] {
  const details: AgEventMap[K][] = [];
  target.addEventListener(type, (event) => details.push((event as CustomEvent<AgEventMap[K]>).detail));
  return details;
}

const positions = (nodes: CanvasElementState[]) => new Map(nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
/** How many layouts have run in the worker so far (each one leaves a measure). */
const layoutsRun = () => performance.getEntriesByName('ag:layout-worker').length;

/** The shipped graph with a saved position for every actor: a grid, seven to a row. */
function gridPositions(graph: Graph): Record<string, Position> {
  return Object.fromEntries(
    graph.actors.map((actor, i) => [actor.id, { x: (i % 7) * 240, y: Math.floor(i / 7) * 150 }]),
  );
}

const EVIDENCE = { source: 'paper', quote: 'They met.', attributedTo: 'the paper', credibility: 2 as const };

/** Four people in a square, each saved at a corner; Ali met Bea and Cem. */
const SQUARE: Graph = {
  title: 'Square',
  updated: '2024-01-02',
  actorKinds: [{ id: 'person', label: 'Person' }],
  relationTypes: [{ id: 'met', label: 'met', definition: 'Met in person.', directed: false }],
  sources: [{ id: 'paper', title: 'A paper', publisher: 'Press', author: null, published: null, reliability: 'C' }],
  actors: ['Ali', 'Bea', 'Cem', 'Dan'].map((label) => ({
    id: label.toLowerCase(),
    label,
    kind: 'person',
    evidence: [EVIDENCE],
  })),
  relations: [
    { id: 'ali-met-bea', type: 'met', from: 'ali', to: 'bea', evidence: [EVIDENCE] },
    { id: 'ali-met-cem', type: 'met', from: 'ali', to: 'cem', evidence: [EVIDENCE] },
  ],
  layout: {
    positions: { ali: { x: 0, y: 0 }, bea: { x: 300, y: 0 }, cem: { x: 0, y: 200 }, dan: { x: 300, y: 200 } },
  },
};

const withPositions = (graph: Graph, saved: Record<string, Position>): Graph => ({
  ...graph,
  layout: { positions: saved },
});

describe('a file with saved positions', () => {
  it('opens with every actor exactly where the file put it, without a layout', async () => {
    const saved = gridPositions(shipped);
    const before = layoutsRun();
    const target = await mount(withPositions(shipped, saved));
    const state = await target.canvasState();
    expect(Object.fromEntries(positions(state.nodes))).toEqual(saved);
    expect(layoutsRun()).toBe(before);
    // Fitted as any new picture is: every actor in the window.
    const { boxes } = await target.renderedNodeBoxes();
    for (const box of boxes) {
      expect(box.x1, box.id).toBeGreaterThanOrEqual(0);
      expect(box.x2, box.id).toBeLessThanOrEqual(900);
      expect(box.y1, box.id).toBeGreaterThanOrEqual(0);
      expect(box.y2, box.id).toBeLessThanOrEqual(700);
    }
    expect(await target.currentPositions()).toEqual(saved);
  });

  it('places only the actors without a saved position, beside the others, which do not move', async () => {
    const unsaved = ['qaani', 'khazali', 'iran'];
    const saved = Object.fromEntries(Object.entries(gridPositions(shipped)).filter(([id]) => !unsaved.includes(id)));
    const before = layoutsRun();
    const target = await mount(withPositions(shipped, saved));
    const after = positions((await target.canvasState()).nodes);
    for (const [id, position] of Object.entries(saved)) expect(after.get(id), id).toEqual(position);
    expect(layoutsRun()).toBe(before + 1);
    // Placed: each on a spot of its own (no actor drawn over another), among the actors it is related to
    // (within 250 of their middle; the grid's cells are 240 by 150).
    for (const id of unsaved) {
      const placed = after.get(id)!;
      const others = [...after].filter(([other]) => other !== id);
      const covered = others.filter(([, p]) => Math.max(Math.abs(p.x - placed.x), Math.abs(p.y - placed.y)) < 26);
      expect(
        covered.map(([other]) => other),
        id,
      ).toEqual([]);
      const neighbours = shipped.relations
        .filter((r) => r.from === id || r.to === id)
        .map((r) => saved[r.from === id ? r.to : r.from])
        .filter((p) => p !== undefined);
      const middle = {
        x: neighbours.reduce((sum, p) => sum + p.x, 0) / neighbours.length,
        y: neighbours.reduce((sum, p) => sum + p.y, 0) / neighbours.length,
      };
      expect(Math.hypot(placed.x - middle.x, placed.y - middle.y), id).toBeLessThan(250);
    }
  });

  it('Re-layout lays the picture out afresh, whatever the file saved', async () => {
    const saved = gridPositions(shipped);
    const target = await mount(withPositions(shipped, saved));
    await target.relayout();
    const after = positions((await target.canvasState()).nodes);
    const kept = Object.entries(saved).filter(([id, p]) => after.get(id)?.x === p.x && after.get(id)?.y === p.y);
    expect(kept.map(([id]) => id)).toEqual([]);
  });
});

describe('an edit that changes saved positions', () => {
  it('moves the actor whose saved position changed, and no other', async () => {
    const saved = gridPositions(shipped);
    const target = await mount(withPositions(shipped, saved));
    const before = positions((await target.canvasState()).nodes);
    await show(target, withPositions(shipped, { ...saved, qaani: { x: -400, y: 620 } }), 1);
    const after = positions((await target.canvasState()).nodes);
    expect(after.get('qaani')).toEqual({ x: -400, y: 620 });
    for (const [id, position] of before) if (id !== 'qaani') expect(after.get(id), id).toEqual(position);
  });

  it('puts a new actor with a saved position there, without a layout', async () => {
    const target = await mount(SQUARE);
    const before = layoutsRun();
    const edited: Graph = {
      ...SQUARE,
      actors: [...SQUARE.actors, { id: 'eda', label: 'Eda', kind: 'person', evidence: [EVIDENCE] }],
      relations: [
        ...SQUARE.relations,
        { id: 'eda-met-dan', type: 'met', from: 'eda', to: 'dan', evidence: [EVIDENCE] },
      ],
      layout: { positions: { ...SQUARE.layout!.positions, eda: { x: 450, y: 100 } } },
    };
    await show(target, edited, 1);
    const after = positions((await target.canvasState()).nodes);
    expect(after.get('eda')).toEqual({ x: 450, y: 100 });
    expect(layoutsRun()).toBe(before);
  });
});

/** The graph container, where the analyst points, presses and drags. */
const canvasOf = (target: AgGraphView) => target.shadowRoot!.querySelector<HTMLElement>('#cy')!;
const handleOf = (target: AgGraphView) => target.shadowRoot!.querySelector<HTMLElement>('.connect-handle');
const hintOf = (target: AgGraphView) => target.shadowRoot!.querySelector('.edit-hint')?.textContent?.trim() ?? '';
const statusOf = (target: AgGraphView) => target.shadowRoot!.querySelector('[role=status]')?.textContent ?? '';

async function drawnAt(target: AgGraphView, id: string): Promise<{ x: number; y: number }> {
  const position = await target.renderedPositionOf(id);
  if (!position) throw new Error(`${id} is not drawn`);
  return { x: position.x, y: position.y };
}

/** Drags with the mouse over the graph, in steps, from one point of it to another (px in the graph area). */
async function drag(target: AgGraphView, from: { x: number; y: number }, to: { x: number; y: number }) {
  const canvas = canvasOf(target);
  await userEvent.dragAndDrop(canvas, canvas, { sourcePosition: from, targetPosition: to, steps: 8 });
}

describe('dragging actors', () => {
  it('dragging Bea reports where she now is, and a later edit of others leaves her there', async () => {
    const target = await mount(SQUARE);
    const moves = heard(target, 'ag-actors-moved');
    const { zoom } = await target.canvasState();
    const start = await drawnAt(target, 'bea');
    await drag(target, start, { x: start.x + 60, y: start.y + 45 });
    await expect.poll(() => moves.length).toBe(1);
    const bea = positions((await target.canvasState()).nodes).get('bea')!;
    expect(moves[0]?.positions).toEqual({ bea: { x: Math.round(bea.x * 10) / 10, y: Math.round(bea.y * 10) / 10 } });
    expect(bea.x).toBeCloseTo(300 + 60 / zoom, 0);
    expect(bea.y).toBeCloseTo(0 + 45 / zoom, 0);
    // Cem's saved position changes (an edit); Bea's saved one does not, so she stays where she was dragged.
    const saved = SQUARE.layout!.positions;
    await show(target, withPositions(SQUARE, { ...saved, cem: { x: 100, y: 260 } }), 1);
    const after = positions((await target.canvasState()).nodes);
    expect(after.get('bea')).toEqual(bea);
    expect(after.get('cem')).toEqual({ x: 100, y: 260 });
    expect(after.get('ali')).toEqual(saved.ali);
  });
});

describe('connecting two actors in edit mode', () => {
  it('dragging from the handle of Ali to Dan proposes Ali → Dan and adds no relation to the graph', async () => {
    const target = await mount(SQUARE);
    target.editing = true;
    await target.updateComplete;
    expect(hintOf(target)).toBe('Drag from the ● handle of an actor to another to connect them');
    const connections = heard(target, 'ag-connect');
    const moves = heard(target, 'ag-actors-moved');
    const before = await target.canvasState();
    await userEvent.hover(canvasOf(target), { position: await drawnAt(target, 'ali') });
    await expect.poll(() => handleOf(target)?.dataset.actor).toBe('ali');
    const handle = handleOf(target)!;
    const from = { x: Number.parseFloat(handle.style.left), y: Number.parseFloat(handle.style.top) };
    await drag(target, from, await drawnAt(target, 'dan'));
    await expect.poll(() => connections).toEqual([{ from: 'ali', to: 'dan' }]);
    const after = await target.canvasState();
    expect(after.edges.map((e) => e.id)).toEqual(before.edges.map((e) => e.id));
    expect(after.nodes.map((n) => n.id)).toEqual(before.nodes.map((n) => n.id));
    // Ali did not move: the press on the handle starts a connection, not a drag.
    expect(positions(after.nodes)).toEqual(positions(before.nodes));
    expect(moves).toEqual([]);
  });

  it('dropping on the actor it started from proposes nothing', async () => {
    const target = await mount(SQUARE);
    target.editing = true;
    await target.updateComplete;
    const connections = heard(target, 'ag-connect');
    const ali = await drawnAt(target, 'ali');
    await userEvent.hover(canvasOf(target), { position: ali });
    await expect.poll(() => handleOf(target)?.dataset.actor).toBe('ali');
    const handle = handleOf(target)!;
    await drag(target, { x: Number.parseFloat(handle.style.left), y: Number.parseFloat(handle.style.top) }, ali);
    // The handle comes back once the gesture has ended.
    await expect.poll(() => handleOf(target)?.dataset.actor).toBe('ali');
    expect(connections).toEqual([]);
    expect((await target.canvasState()).edges).toHaveLength(SQUARE.relations.length);
  });

  it('outside edit mode there is no handle or hint, and the same drag proposes nothing', async () => {
    const target = await mount(SQUARE);
    const connections = heard(target, 'ag-connect');
    const ali = await drawnAt(target, 'ali');
    await userEvent.hover(canvasOf(target), { position: ali });
    // Where the handle is drawn in edit mode: Ali's top right.
    const { zoom } = await target.canvasState();
    const from = { x: ali.x + 14 * zoom, y: ali.y - 14 * zoom };
    await drag(target, from, await drawnAt(target, 'dan'));
    expect(handleOf(target)).toBeNull();
    expect(target.shadowRoot!.querySelector('.edit-hint')).toBeNull();
    expect(connections).toEqual([]);
    expect((await target.canvasState()).edges).toHaveLength(SQUARE.relations.length);
  });

  it('the selected actor shows the handle when the pointer is elsewhere', async () => {
    const target = await mount(SQUARE);
    target.editing = true;
    target.selection = { kind: 'actor', id: 'cem' };
    await target.updateComplete;
    await expect.poll(() => handleOf(target)?.dataset.actor).toBe('cem');
    target.editing = false;
    await target.updateComplete;
    expect(handleOf(target)).toBeNull();
  });

  it('from the keyboard: c on Ali, then c on Bea proposes Ali → Bea', async () => {
    const target = await mount(SQUARE);
    target.editing = true;
    const connections = heard(target, 'ag-connect');
    target.selection = { kind: 'actor', id: 'ali' };
    await target.updateComplete;
    target.focusCanvas();
    await userEvent.keyboard('c');
    const prompt = 'Connect from Ali: select the other actor and press c again, Escape cancels';
    await expect.poll(() => statusOf(target)).toBe(prompt);
    expect(hintOf(target)).toBe(prompt);
    target.selection = { kind: 'actor', id: 'bea' };
    await target.updateComplete;
    await userEvent.keyboard('c');
    await expect.poll(() => connections).toEqual([{ from: 'ali', to: 'bea' }]);
    expect(hintOf(target)).toBe('Drag from the ● handle of an actor to another to connect them');
    expect((await target.canvasState()).edges).toHaveLength(SQUARE.relations.length);
  });

  it('Escape cancels a connection started with c, and keeps the selection', async () => {
    const target = await mount(SQUARE);
    target.editing = true;
    const connections = heard(target, 'ag-connect');
    const escapes: string[] = [];
    const onWindowKey = (event: KeyboardEvent) => escapes.push(event.key);
    window.addEventListener('keydown', onWindowKey);
    try {
      target.selection = { kind: 'actor', id: 'ali' };
      await target.updateComplete;
      target.focusCanvas();
      await userEvent.keyboard('c');
      await userEvent.keyboard('{Escape}');
      await expect.poll(() => statusOf(target)).toBe('Connecting cancelled');
      expect(hintOf(target)).toBe('Drag from the ● handle of an actor to another to connect them');
      // The app's Escape (which clears the selection) did not hear it.
      expect(escapes).not.toContain('Escape');
      // c on Bea now starts a new connection, from Bea.
      target.selection = { kind: 'actor', id: 'bea' };
      await target.updateComplete;
      await userEvent.keyboard('c');
      await expect.poll(() => hintOf(target)).toMatch(/^Connect from Bea:/);
      expect(connections).toEqual([]);
    } finally {
      window.removeEventListener('keydown', onWindowKey);
    }
  });
});
