// The one place that owns a Cytoscape instance: created once for a container,
// updated in batches by class toggles, destroyed with its element. Lit never
// re-creates it. Cytoscape events come out as plain callbacks.

import type { Core, EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import type { VisibleSubgraph } from '../model/filter.ts';
import type { Graph } from '../model/graph.ts';
import type { Neighbourhood } from '../model/neighbourhood.ts';
import type { Selection } from '../model/view-state.ts';
import { graphToElements } from './elements.ts';
import { stretchToAspect } from './fit-aspect.ts';
import { type LayoutRequest, type Positions, prewarmLayoutWorker, runLayout } from './layout-runner.ts';
import { loadCytoscape } from './register.ts';
import { GRAPH_STYLESHEET } from './stylesheet.ts';

export interface HoverInfo {
  kind: 'actor' | 'relation';
  id: string;
  /** Position in the container, px */
  x: number;
  y: number;
}

export interface GraphControllerCallbacks {
  select(selection: Selection): void;
  focus(actorId: string): void;
  hover(info: HoverInfo | null): void;
  /** Layout progress: true while a layout runs. */
  layoutRunning(running: boolean): void;
}

export interface PngOptions {
  /** 'view': what is in the viewport now; 'whole': every visible element. */
  scope: 'view' | 'whole';
  scale: number;
  /** Longest side allowed, px (the browser's canvas limit is 16,384). */
  maxSide: number;
}

/** Fitting a small graph to the window stops at this zoom, so it is not blown up. */
const FIT_MAX_ZOOM = 1.5;

/** The seed of every layout: the same file gives the same picture. */
export const LAYOUT_SEED = 20211107;

export class GraphController {
  private cy: Core | null = null;
  private readonly ready: Promise<Core>;
  private resizeObserver: ResizeObserver | null = null;
  private layoutAbort: AbortController | null = null;
  private destroyed = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly callbacks: GraphControllerCallbacks,
  ) {
    prewarmLayoutWorker();
    this.ready = this.create();
  }

  private async create(): Promise<Core> {
    const cytoscape = await loadCytoscape();
    const cy = cytoscape({
      container: this.container,
      style: GRAPH_STYLESHEET,
      minZoom: 0.05,
      maxZoom: 3,
      autounselectify: true,
      boxSelectionEnabled: false,
      // The whole graph is shown while the user pans; cheaper on 5,000 actors.
      textureOnViewport: false,
      hideEdgesOnViewport: false,
    });
    this.cy = cy;
    cy.on('tap', 'node', (event: EventObject) =>
      this.callbacks.select({ kind: 'actor', id: (event.target as NodeSingular).id() }),
    );
    cy.on('tap', 'edge', (event: EventObject) =>
      this.callbacks.select({ kind: 'relation', id: (event.target as EdgeSingular).id() }),
    );
    cy.on('tap', (event: EventObject) => {
      if (event.target === cy) this.callbacks.select(null);
    });
    cy.on('dbltap', 'node', (event: EventObject) => this.callbacks.focus((event.target as NodeSingular).id()));
    cy.on('mouseover', 'node, edge', (event: EventObject) => {
      const target = event.target as NodeSingular | EdgeSingular;
      target.addClass('ag-hover');
      const position: { x: number; y: number } =
        event.renderedPosition ?? (target.isNode() ? target.renderedPosition() : target.renderedMidpoint());
      this.callbacks.hover({
        kind: target.isNode() ? 'actor' : 'relation',
        id: target.id(),
        x: position.x,
        y: position.y,
      });
      this.container.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node, edge', (event: EventObject) => {
      (event.target as NodeSingular).removeClass('ag-hover');
      this.callbacks.hover(null);
      this.container.style.cursor = '';
    });
    cy.on('viewport', () => this.callbacks.hover(null));
    this.resizeObserver = new ResizeObserver(() => cy.resize());
    this.resizeObserver.observe(this.container);
    if (this.destroyed) cy.destroy();
    return cy;
  }

  /** Replaces the graph and lays it out from scratch (seeded); the caller fits the view once filters apply. */
  async setGraph(graph: Graph): Promise<void> {
    const cy = await this.ready;
    this.layoutAbort?.abort();
    const started = performance.now();
    cy.batch(() => {
      cy.elements().remove();
      cy.add(graphToElements(graph));
    });
    performance.measure('ag:add-elements', { start: started });
    this.appliedState.clear();
    await this.layout(cy.elements(), true);
  }

  /**
   * Filter, focus and selection, applied in one batch by class toggles: nothing
   * moves. Only elements whose state changed are touched, so a filter change
   * on thousands of actors restyles just what it shows or hides.
   */
  async applyView(visible: VisibleSubgraph, focus: Neighbourhood | null, selection: Selection): Promise<void> {
    const cy = await this.ready;
    const selectedActor = selection?.kind === 'actor' ? selection.id : null;
    const selectedRelation = selection?.kind === 'relation' ? selection.id : null;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const id = node.id();
        this.setClasses(
          node,
          visible.actorIds.has(id),
          focus !== null && !focus.actorIds.has(id),
          id === selectedActor,
          false,
        );
      });
      cy.edges().forEach((edge) => {
        const id = edge.id();
        const touching =
          selectedActor !== null && (edge.data('source') === selectedActor || edge.data('target') === selectedActor);
        this.setClasses(
          edge,
          visible.relationIds.has(id),
          focus !== null && !focus.relationIds.has(id),
          id === selectedRelation,
          touching,
        );
      });
    });
    // Styles are recomputed when the batch ends; drawing follows in the next frame.
    performance.mark('ag:view-applied');
    await nextFrame();
  }

  /** The state classes each element has now, as a bit mask, to skip unchanged ones. */
  private readonly appliedState = new Map<string, number>();

  private setClasses(
    element: NodeSingular | EdgeSingular,
    shown: boolean,
    dimmed: boolean,
    selected: boolean,
    touching: boolean,
  ): void {
    const mask = (shown ? 0 : 1) | (dimmed ? 2 : 0) | (selected ? 4 : 0) | (touching ? 8 : 0);
    const id = element.id();
    if (this.appliedState.get(id) === mask) return;
    this.appliedState.set(id, mask);
    element.toggleClass('ag-hidden', !shown);
    element.toggleClass('ag-dimmed', dimmed);
    element.toggleClass('ag-selected', selected);
    element.toggleClass('ag-touching', touching);
  }

  /** Centres the view on an actor or relation, zooming in only if it is tiny. */
  async centreOn(selection: Selection): Promise<void> {
    if (!selection) return;
    const cy = await this.ready;
    const element = cy.getElementById(selection.id);
    if (element.empty() || !element.visible()) return;
    cy.stop();
    // Pan computed for the final zoom: animating 'center' and 'zoom' together
    // centres for the starting zoom and lands off-centre.
    const zoom = Math.max(cy.zoom(), 0.9);
    const point: { x: number; y: number } = element.isNode()
      ? (element as NodeSingular).position()
      : (element as EdgeSingular).midpoint();
    cy.animate(
      { zoom, pan: { x: cy.width() / 2 - zoom * point.x, y: cy.height() / 2 - zoom * point.y } },
      { duration: 250 },
    );
  }

  /** Fits the visible elements (or the given ones) in the view. */
  async fit(ids?: ReadonlySet<string>, animate = true): Promise<void> {
    const cy = await this.ready;
    const elements = ids ? cy.elements().filter((el) => ids.has(el.id()) && el.visible()) : cy.elements(':visible');
    if (elements.empty()) return;
    cy.stop();
    // A small graph is not blown up: fitting never zooms in past FIT_MAX_ZOOM.
    const box = elements.boundingBox({});
    const zoom = Math.min(
      FIT_MAX_ZOOM,
      (cy.width() - 80) / Math.max(box.w, 1),
      (cy.height() - 80) / Math.max(box.h, 1),
    );
    const pan = { x: cy.width() / 2 - zoom * (box.x1 + box.w / 2), y: cy.height() / 2 - zoom * (box.y1 + box.h / 2) };
    if (animate) cy.animate({ zoom, pan }, { duration: 250 });
    else cy.viewport({ zoom, pan });
  }

  /** Runs fcose again on what is visible, starting from where nodes are now. */
  async relayout(): Promise<void> {
    const cy = await this.ready;
    await this.layout(cy.elements(':visible'), false);
    await this.fit();
  }

  private async layout(elements: ReturnType<Core['elements']>, randomize: boolean): Promise<void> {
    const cy = this.cy;
    if (!cy) return;
    const nodes = elements.nodes();
    if (nodes.empty()) return;
    this.layoutAbort?.abort();
    const abort = new AbortController();
    this.layoutAbort = abort;
    // The layout places boxes that include each node's label (measured by
    // Cytoscape), so laid-out labels do not overlap. A label sits below its
    // node, so a box centre is offset from the node's position: remember it.
    const labelOffset = new Map<string, { dx: number; dy: number }>();
    const measuring = performance.now();
    const request: LayoutRequest = {
      nodes: nodes.map((node) => {
        const box = node.boundingBox({ includeLabels: true, includeOverlays: false });
        const position = node.position();
        const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
        labelOffset.set(node.id(), { dx: position.x - centre.x, dy: position.y - centre.y });
        return { id: node.id(), width: box.w, height: box.h, x: centre.x, y: centre.y };
      }),
      edges: elements.edges().map((edge) => ({
        id: edge.id(),
        source: edge.data('source') as string,
        target: edge.data('target') as string,
      })),
      seed: LAYOUT_SEED,
      randomize,
    };
    performance.measure('ag:measure-labels', { start: measuring });
    // A fresh layout starts from a pile of nodes: hide it rather than draw it
    // while the worker runs (drawing thousands of piled labels competes with
    // the worker for the CPU). applyView shows what the filters allow.
    if (randomize) {
      cy.batch(() => elements.addClass('ag-hidden'));
      this.appliedState.clear();
    }
    this.callbacks.layoutRunning(true);
    const layoutStarted = performance.now();
    let positions: Positions;
    try {
      positions = await runLayout(request, abort.signal);
    } catch (error) {
      if (abort.signal.aborted) return;
      throw error;
    } finally {
      if (this.layoutAbort === abort) {
        this.layoutAbort = null;
        this.callbacks.layoutRunning(false);
      }
    }
    performance.measure('ag:layout-worker', { start: layoutStarted });
    if (!cy || this.destroyed) return;
    // A full layout takes the shape of the window, so it is fitted at a readable zoom.
    if (randomize) positions = stretchToAspect(positions, cy.width(), cy.height());
    cy.batch(() => {
      for (const [id, centre] of Object.entries(positions)) {
        const offset = labelOffset.get(id) ?? { dx: 0, dy: 0 };
        cy.getElementById(id).position({ x: centre.x + offset.dx, y: centre.y + offset.dy });
      }
    });
  }

  /** A PNG of the graph, white background, capped below the canvas limit. */
  async png(options: PngOptions): Promise<Blob> {
    const cy = await this.ready;
    const box = options.scope === 'whole' ? cy.elements(':visible').boundingBox({}) : { w: cy.width(), h: cy.height() };
    const shrink = Math.min(1, options.maxSide / Math.max(box.w * options.scale, box.h * options.scale, 1));
    return cy.png({
      output: 'blob-promise',
      bg: '#ffffff',
      full: options.scope === 'whole',
      scale: options.scale * shrink,
    });
  }

  /** For tests and the tooltip: where an element is drawn, in container px. */
  async renderedPositionOf(id: string): Promise<{ x: number; y: number } | null> {
    const cy = await this.ready;
    const element = cy.getElementById(id);
    if (element.empty()) return null;
    if (element.isNode()) return (element as NodeSingular).renderedPosition();
    const midpoint: { x: number; y: number } = (element as EdgeSingular).renderedMidpoint();
    return midpoint;
  }

  /** For tests: each visible node's box with its label, in container px, and the zoom. */
  async renderedNodeBoxes(): Promise<{
    zoom: number;
    boxes: { id: string; x1: number; y1: number; x2: number; y2: number }[];
  }> {
    const cy = await this.ready;
    const boxes = cy.nodes(':visible').map((node) => {
      const box = node.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
      return { id: node.id(), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
    });
    return { zoom: cy.zoom(), boxes };
  }

  destroy(): void {
    this.destroyed = true;
    this.layoutAbort?.abort();
    this.resizeObserver?.disconnect();
    this.cy?.destroy();
    this.cy = null;
  }
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
