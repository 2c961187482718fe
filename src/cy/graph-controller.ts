// The one place that owns a Cytoscape instance, as a Lit ReactiveController
// (host.addController(this), as Material Web's controllers do): created after
// the host's first render, destroyed when the host leaves the DOM, created
// again with the same picture when it comes back. Lit never re-creates it.
// Updates come in batches: class toggles for filters, focus and selection; a
// diff by id for a changed graph, so that what stayed keeps its place.

import type { Core, EdgeSingular, ElementDefinition, EventObject, NodeSingular } from 'cytoscape';
import type { EdgeHandlesInstance, EdgeHandlesOptions } from 'cytoscape-edgehandles';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VisibleSubgraph } from '../model/filter.ts';
import type { Actor, Graph, Position } from '../model/graph.ts';
import { type LabelBox, type LabelSpot, labelPriority, placeLabels } from '../model/label-declutter.ts';
import type { Neighbourhood } from '../model/neighbourhood.ts';
import { roundedPosition, savedPosition, savedPositionChanged } from '../model/saved-positions.ts';
import type { ExportScope } from '../model/snapshot-content.ts';
import type { Selection, Viewport } from '../model/view.ts';
import { drawnLabel, graphToElements } from './elements.ts';
import { stretchToAspect } from './fit-aspect.ts';
import { type ActorBox, actorBox, type BodyExtent, canvasMeasure, type MeasureText } from './label-metrics.ts';
import {
  type LayoutNode,
  type LayoutRequest,
  type Positions,
  prewarmLayoutWorker,
  runLayout,
} from './layout-runner.ts';
import { loadCytoscape } from './register.ts';
import { chooseRenderer, gpuRendererName, type RendererName } from './renderer-choice.ts';
import {
  ACTOR_COLOUR_FIELD,
  ACTOR_SIZE_FIELD,
  COARSE_LABEL_STEPS_ABOVE,
  CONNECT_FROM_CLASS,
  graphStylesheet,
  LABEL_FONT,
  LABEL_PLACEMENT_CLASSES,
  labelScaleFor,
  NODE_SIZE,
  SEARCH_HIT_CLASS,
} from './stylesheet.ts';

export interface HoverInfo {
  kind: 'actor' | 'relation';
  id: string;
  /** Position in the container, px */
  x: number;
  y: number;
}

/** The handle an actor shows in edit mode: drag from it to another actor to connect them. */
export interface ConnectHandle {
  actorId: string;
  /** Its centre in the container, px. */
  x: number;
  y: number;
}

export interface GraphControllerCallbacks {
  select(selection: Selection): void;
  focus(actorId: string): void;
  hover(info: HoverInfo | null): void;
  /** Layout progress: true while a layout runs. */
  layoutRunning(running: boolean): void;
  /**
   * While a large graph is laid out, its most connected actors are shown
   * first (this many), laid out on their own; 0 once the whole graph replaces them.
   */
  previewShown(actors: number): void;
  /** Actors the analyst has finished dragging, where they are now (graph coordinates, rounded to 0.1). */
  actorsMoved(positions: Record<string, Position>): void;
  /** A drag from one actor's handle to another actor (edit mode): a relation proposed between them. */
  connect(from: string, to: string): void;
  /** The connect handle to draw (edit mode), or null when none is shown. */
  connectHandle(handle: ConnectHandle | null): void;
}

/** The connect handle's radius on screen, px, and how far from its centre a press still takes it. */
export const HANDLE_RADIUS = 8;
const HANDLE_HIT_RADIUS = 12;

/**
 * edgehandles (v4) draws the line of a connection being made; the view starts
 * it (`start`) from an actor's handle, so moving actors by dragging them still
 * works in edit mode. Snapping takes the actor nearest the pointer, within a
 * few px of it, as the other end. A relation needs evidence before it exists,
 * so the edge edgehandles adds is removed at once (see `listen`).
 */
const EDGEHANDLES_OPTIONS: EdgeHandlesOptions = {
  // Never an actor to itself, nor to one the filters hide.
  canConnect: (source, target) => target.nonempty() && !source.same(target) && target.visible(),
  snap: true,
  snapThreshold: 8,
  noEdgeEventsInDraw: true,
  disableBrowserGestures: true,
};

/** What ends a press on a connect handle, wherever the pointer is then. */
const RELEASE_EVENTS = ['mouseup', 'touchend', 'touchcancel'] as const;

/** The temporary elements edgehandles adds while a connection is drawn: not actors or relations. */
const isConnectLine = (element: NodeSingular | EdgeSingular) =>
  element.hasClass('eh-ghost') || element.hasClass('eh-preview');

/** What an export draws, taken from the explorer's graph (GraphController.exportScene). */
export interface ExportScene {
  /** Element JSON: data, positions as on screen, and the selection's classes. */
  elements: ElementDefinition[];
  actorIds: Set<string>;
  relationIds: Set<string>;
  /** The part of the graph on screen, in model coordinates. */
  screenExtent: { x1: number; y1: number; x2: number; y2: number };
}

/** The state classes an export keeps: the selection stands out and its relations are labelled. */
const EXPORTED_CLASSES = ['ag-selected', 'ag-touching'];

/** How a new graph is placed: laid out afresh (a new file), or updated in place (an edit). */
export type GraphUpdate = 'fresh' | 'in-place';

/** What the canvas shows, read back from Cytoscape (for tests: what an analyst would see). */
export interface CanvasState {
  zoom: number;
  nodes: CanvasElementState[];
  edges: CanvasElementState[];
}

export interface CanvasElementState {
  id: string;
  /** Drawn at all (not hidden by a filter). */
  visible: boolean;
  /** The opacity it is drawn with: 1, or faint when dimmed by a focus. */
  opacity: number;
  selected: boolean;
  /** An edge of the selected actor (its label is drawn). */
  touching: boolean;
  /** The label drawn on the canvas ('' when none, or hidden to avoid an overlap). */
  label: string;
  /** The label's font size on screen, px (0 when no label is drawn). */
  labelPx: number;
  /** The line's width on screen, px (edges; 0 for nodes). */
  width: number;
  /** The node's width in model units, px at zoom 1 (nodes; 0 for edges). */
  size: number;
  /** The node's fill, #rrggbb (nodes; '' for edges). */
  fill: string;
  /** Model position (nodes) or midpoint (edges). */
  x: number;
  y: number;
}

export interface DrawnLabel {
  id: string;
  label: string;
  /** Font size on screen, px. */
  px: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** An actor as drawn now: where on screen (container px), and whether a focus dims it. */
export interface RenderedActor {
  id: string;
  x: number;
  y: number;
  dimmed: boolean;
}

interface AppliedView {
  visible: VisibleSubgraph;
  focus: Neighbourhood | null;
  selection: Selection;
}

/** Labels are fitted this long after the last zoom, pan or change. */
const LABEL_SETTLE_MS = 80;

/** Search hits are marked this long after the last key. */
const SEARCH_HITS_SETTLE_MS = 60;

/** Fitting a small graph to the window stops at this zoom, so it is not blown up. */
const FIT_MAX_ZOOM = 1.5;

/** The seed of every layout: the same file gives the same picture. */
export const LAYOUT_SEED = 20211107;
/**
 * Elements added to Cytoscape per task when a new file is drawn: each slice
 * is styled and drawn in its own task (measured 0.3-0.5 ms an element at
 * 5,000 actors on a busy 2-core machine, software rendering), so that none
 * blocks the page for long.
 */
const ADD_SLICE = 1_000;
/** Graphs with more actors than this show their most connected actors while they are laid out (showPreview). */
export const PREVIEW_ABOVE = 1_000;
/** How many: fcose lays out 200 actors in a few tenths of a second, and their names can still be read. */
export const PREVIEW_ACTORS = 200;

export class GraphController implements ReactiveController {
  private cy: Core | null = null;
  /** Bumped on every connect and disconnect: an async creation from an earlier one is dropped. */
  private generation = 0;
  private creating = false;
  private waitingForCy: ((cy: Core) => void)[] = [];
  private resizeObserver: ResizeObserver | null = null;
  private layoutAbort: AbortController | null = null;
  /** Operations on the graph run one after another (a new file aborts the layout of the last). */
  private queue: Promise<void> = Promise.resolve();

  /** The graph drawn (or being drawn), the positions of its actors and the view applied: kept across reconnects. */
  private graph: Graph | null = null;
  private positions = new Map<string, { x: number; y: number }>();
  /**
   * Where the layout (or the file's saved picture) put each actor: an actor
   * whose saved position an edit takes away (the undo of its first move)
   * goes back there.
   */
  private readonly placedAt = new Map<string, { x: number; y: number }>();
  private savedViewport: Viewport | null = null;
  private appliedView: AppliedView | null = null;
  /** The state classes each element has now, as a bit mask, to skip unchanged ones. */
  private readonly appliedState = new Map<string, number>();
  /** A fresh layout is running: its pile of unplaced nodes stays hidden, also in a re-created instance. */
  private freshLayoutRunning = false;
  private lastSize = { width: 800, height: 600 };
  /** Labels are drawn this many times their zoom-1 size, so they stay legible when zoomed out. */
  private labelScale = 1;
  /** A fresh layout of a large graph is running whose elements drawFresh adds when it ends (restore adds none). */
  private addingItself = false;
  /** The most connected actors are on screen while the whole graph is laid out (showPreview). */
  private previewing = false;
  /** The graph last drawn fresh and fitted as its elements went in (fitBeforeAdding): no fit is needed after. */
  private fittedGraph: Graph | null = null;
  /** Measures actors' names before Cytoscape draws them (created on first use: it needs a canvas). */
  private labelMeasure: MeasureText | null = null;
  private labelTimer = 0;
  /** Resolves when the labels scheduled last are fitted (tests wait for it). */
  private labelsPending: { promise: Promise<void>; resolve: () => void } | null = null;
  /** Labels currently hidden to avoid overlaps. */
  private readonly hiddenLabels = new Set<string>();
  /** The actors and relations the search finds (wanted), and those that have the class now. */
  private searchHits: ReadonlySet<string> = new Set();
  private readonly markedHits = new Set<string>();
  private searchHitTimer = 0;
  /** Actors' names drawn elsewhere than below them: the index of their class in LABEL_PLACEMENT_CLASSES. */
  private readonly movedLabels = new Map<string, number>();
  /** Actors dragged in the gesture that is ending: reported together once it has ended. */
  private readonly movedActors = new Map<string, Position>();
  /** Actor sizes (px) and fills wanted (null: the usual ones), and those the nodes carry now. */
  private actorSizes: ReadonlyMap<string, number> | null = null;
  private actorColours: ReadonlyMap<string, string> | null = null;
  private readonly appliedSizes = new Map<string, number>();
  private readonly appliedColours = new Map<string, string>();

  /** Edit mode: an actor under the pointer (or the selected one) shows a handle to connect it from. */
  private editing = false;
  private edgehandles: EdgeHandlesInstance | null = null;
  /** The actor under the pointer, whose handle is shown (null: the selected actor's, if any). */
  private pointedActor: NodeSingular | null = null;
  private shownHandle: ConnectHandle | null = null;
  /** A connection is being drawn from a handle; an actor is being dragged. */
  private connecting = false;
  private draggingActor = false;
  /** The connection being drawn ends without a proposal. */
  private droppingConnection = false;
  /** The actor a connection chosen from the keyboard starts at, marked in the graph. */
  private connectFrom: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean },
    private readonly container: () => HTMLElement | null,
    private readonly callbacks: GraphControllerCallbacks,
  ) {
    host.addController(this);
    prewarmLayoutWorker();
  }

  hostConnected(): void {
    this.generation++;
    // The container exists only after the host's first render: hostUpdated creates Cytoscape then.
    if (this.host.hasUpdated) void this.create();
  }

  hostUpdated(): void {
    if (!this.cy && !this.creating && this.host.isConnected) void this.create();
  }

  hostDisconnected(): void {
    this.generation++;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    const cy = this.cy;
    if (cy) {
      // Kept, so that the host put back in the DOM shows the same picture
      // without a new layout. A layout still running is not stopped: its
      // positions go to the instance created when the host comes back.
      if (!this.freshLayoutRunning) this.savePositions(cy);
      this.savedViewport = { zoom: cy.zoom(), pan: { ...cy.pan() } };
      this.lastSize = { width: cy.width(), height: cy.height() };
      // A connection being drawn ends with the instance (nothing is proposed: the host has left).
      this.edgehandles?.stop();
      cy.destroy();
    }
    this.cy = null;
    // A preview is not brought back: the whole graph is drawn when its layout ends.
    if (this.previewing) {
      this.previewing = false;
      this.callbacks.previewShown(0);
    }
    this.edgehandles = null;
    this.hovered = null;
    this.pointedActor = null;
    this.connecting = false;
    this.draggingActor = false;
    this.showHandle(null);
    this.appliedState.clear();
    this.hiddenLabels.clear();
    this.markedHits.clear();
    this.movedLabels.clear();
    this.appliedSizes.clear();
    this.appliedColours.clear();
    window.clearTimeout(this.labelTimer);
    window.clearTimeout(this.searchHitTimer);
    this.labelsPending?.resolve();
    this.labelsPending = null;
  }

  private async create(): Promise<void> {
    const container = this.container();
    if (!container) return;
    markCytoscapeStylesheet();
    const generation = this.generation;
    this.creating = true;
    const cytoscape = await loadCytoscape().finally(() => {
      this.creating = false;
    });
    // Disconnected (or reconnected) while Cytoscape loaded: nothing was created, so nothing leaks.
    if (generation !== this.generation || !this.host.isConnected || this.cy) return;
    // Once per page: the choice depends on the machine, not on the graph.
    rendererInUse ??= chooseRenderer(new URLSearchParams(location.search).get('renderer'), gpuRendererName());
    if (performance.getEntriesByName('ag:renderer').length === 0)
      performance.mark('ag:renderer', { detail: rendererInUse });
    const cy = cytoscape({
      container,
      ...(rendererInUse === 'webgl' ? { webgl: true } : {}),
      style: graphStylesheet(this.labelScale),
      // Low enough to fit 20,000 actors whole (their shapes are then dots; the hubs' names stay readable).
      minZoom: 0.01,
      maxZoom: 3,
      autounselectify: true,
      boxSelectionEnabled: false,
      // The whole graph is shown while the user pans; cheaper on 5,000 actors.
      textureOnViewport: false,
      hideEdgesOnViewport: false,
    });
    this.cy = cy;
    this.edgehandles = cy.edgehandles(EDGEHANDLES_OPTIONS);
    if (!this.editing) this.edgehandles.disable();
    this.listen(cy, container);
    this.resizeObserver = new ResizeObserver(() => {
      cy.resize();
      this.scheduleLabels();
    });
    this.resizeObserver.observe(container);
    this.restore(cy);
    for (const resolve of this.waitingForCy.splice(0)) resolve(cy);
  }

  private listen(cy: Core, container: HTMLElement): void {
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
    // mousemove too: back on the element after a quick exit from the canvas,
    // Cytoscape sends no new mouseover, and the tooltip follows the pointer.
    cy.on('mouseover mousemove', 'node, edge', (event: EventObject) => {
      const target = event.target as NodeSingular | EdgeSingular;
      if (this.hovered !== target) {
        this.hovered?.removeClass('ag-hover');
        this.hovered = target;
        target.addClass('ag-hover');
      }
      const position: { x: number; y: number } =
        event.renderedPosition ?? (target.isNode() ? target.renderedPosition() : target.renderedMidpoint());
      this.callbacks.hover({
        kind: target.isNode() ? 'actor' : 'relation',
        id: target.id(),
        x: position.x,
        y: position.y,
      });
      container.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node, edge', () => this.endHover());
    cy.on('viewport', () => {
      this.callbacks.hover(null);
      this.scheduleLabels();
    });
    // A quick exit from the canvas may skip Cytoscape's mouseout: the tooltip goes with the pointer.
    container.addEventListener('mouseleave', () => this.endHover());
    // An actor the analyst drags keeps its new place (also across a later in-place update), and the
    // app hears where: Cytoscape frees every actor of one drag in a row, so they are reported together.
    cy.on('dragfree', 'node', (event: EventObject) => {
      const node = event.target as NodeSingular;
      this.positions.set(node.id(), { ...node.position() });
      if (this.movedActors.size === 0) queueMicrotask(() => this.reportMovedActors());
      this.movedActors.set(node.id(), roundedPosition(node.position()));
    });
    this.listenForConnections(cy, container);
  }

  private reportMovedActors(): void {
    const positions = Object.fromEntries(this.movedActors);
    this.movedActors.clear();
    this.callbacks.actorsMoved(positions);
  }

  /**
   * Edit mode: the actor under the pointer (else the selected one) shows a
   * handle at its top right; a press on it starts a connection (edgehandles),
   * which a release on another actor proposes. The handle is drawn by the
   * host. A press on it never reaches Cytoscape, so it neither drags an
   * actor nor pans the view; Cytoscape still reports the pointer's moves
   * over the graph, which edgehandles follows, and the release ends it.
   */
  private listenForConnections(cy: Core, container: HTMLElement): void {
    cy.on('mousemove', (event: EventObject) => {
      if (!this.editing || this.connecting) return;
      const handle = this.shownHandle;
      const at: { x: number; y: number } = event.renderedPosition;
      const onHandle = handle !== null && Math.hypot(at.x - handle.x, at.y - handle.y) <= HANDLE_HIT_RADIUS;
      // On its handle, the pointer is off the actor but still on it, as far as connecting goes.
      if (!onHandle) {
        const target = event.target as NodeSingular | EdgeSingular | Core;
        this.pointedActor = target !== cy && (target as NodeSingular).isNode() ? (target as NodeSingular) : null;
      }
      if (onHandle) container.style.cursor = 'crosshair';
      else if (container.style.cursor === 'crosshair') container.style.cursor = this.hovered ? 'pointer' : '';
      this.refreshHandle();
    });
    container.addEventListener('mouseleave', this.handlePointerLeave);
    container.addEventListener('mousedown', this.handlePress, { capture: true });
    container.addEventListener('touchstart', this.handlePress, { capture: true, passive: false });
    cy.on('viewport', () => this.refreshHandle());
    cy.on('position', 'node', (event: EventObject) => {
      if (event.target === this.pointedActor || (event.target as NodeSingular).id() === this.shownHandle?.actorId) {
        this.refreshHandle();
      }
    });
    cy.on('grab', 'node', () => {
      this.draggingActor = true;
      this.refreshHandle();
    });
    cy.on('free', 'node', () => {
      this.draggingActor = false;
      this.refreshHandle();
    });
    cy.on('ehstart', () => {
      this.connecting = true;
      this.refreshHandle();
    });
    cy.on('ehstop', () => {
      this.connecting = false;
      this.refreshHandle();
    });
    cy.on('ehcomplete', (_event: EventObject, ...ends: unknown[]) => {
      const [source, target, added] = ends as [NodeSingular, NodeSingular, EdgeSingular];
      // The relation is only proposed: the app asks for its evidence and adds it to the graph.
      added.remove();
      if (this.editing && this.host.isConnected && !this.droppingConnection) {
        this.callbacks.connect(source.id(), target.id());
      }
    });
  }

  private readonly handlePointerLeave = (): void => {
    this.pointedActor = null;
    this.refreshHandle();
  };

  private readonly handlePress = (event: MouseEvent | TouchEvent): void => {
    const cy = this.cy;
    const edgehandles = this.edgehandles;
    const handle = this.shownHandle;
    if (!cy || !edgehandles || !this.editing || !handle || this.connecting) return;
    if ('button' in event && event.button !== 0) return;
    const point = 'touches' in event ? event.touches[0] : event;
    const container = event.currentTarget;
    if (!point || !(container instanceof HTMLElement)) return;
    const box = container.getBoundingClientRect();
    const distance = Math.hypot(point.clientX - box.left - handle.x, point.clientY - box.top - handle.y);
    const actor = cy.getElementById(handle.actorId);
    if (distance > HANDLE_HIT_RADIUS || actor.empty()) return;
    // Cytoscape's own listeners are on the container too, for the bubbling press: they do not hear this one.
    event.stopPropagation();
    // No text selection or scrolling while the line is drawn.
    if (event.cancelable) event.preventDefault();
    for (const type of RELEASE_EVENTS) window.addEventListener(type, this.handleRelease, { capture: true });
    edgehandles.start(actor as NodeSingular);
  };

  /** The end of a press on a handle: edgehandles proposes the actor the line snapped to, if any. */
  private readonly handleRelease = (event: Event): void => {
    for (const type of RELEASE_EVENTS) window.removeEventListener(type, this.handleRelease, { capture: true });
    // A touch the browser took over (a system gesture) proposes nothing.
    this.droppingConnection = event.type === 'touchcancel';
    this.edgehandles?.stop();
    this.droppingConnection = false;
  };

  /** Shows the handle of the actor under the pointer, else of the selected actor; none outside edit mode. */
  private refreshHandle(): void {
    const cy = this.cy;
    if (!cy || !this.editing || this.connecting || this.draggingActor) {
      this.showHandle(null);
      return;
    }
    const selection = this.appliedView?.selection;
    const selected = selection?.kind === 'actor' ? (cy.getElementById(selection.id) as NodeSingular) : null;
    const actor = [this.pointedActor, selected].find(
      (node): node is NodeSingular => node?.nonempty() === true && !node.removed() && node.isNode() && node.visible(),
    );
    if (!actor) {
      this.showHandle(null);
      return;
    }
    const centre: { x: number; y: number } = actor.renderedPosition();
    // At the actor's top right, just touching its outline.
    const reach = (actor.renderedOuterWidth() / 2 + HANDLE_RADIUS) * Math.SQRT1_2;
    this.showHandle({ actorId: actor.id(), x: centre.x + reach, y: centre.y - reach });
  }

  private showHandle(handle: ConnectHandle | null): void {
    const shown = this.shownHandle;
    if (shown === handle) return;
    if (shown && handle && shown.actorId === handle.actorId && shown.x === handle.x && shown.y === handle.y) return;
    this.shownHandle = handle;
    this.callbacks.connectHandle(handle);
  }

  /** Edit mode on or off: handles and connecting by drag only in edit mode. */
  setEditing(editing: boolean): void {
    if (editing === this.editing) return;
    this.editing = editing;
    const edgehandles = this.edgehandles;
    if (edgehandles && editing) edgehandles.enable();
    if (edgehandles && !editing) {
      // A connection being drawn ends without a proposal (ehcomplete checks the mode).
      edgehandles.stop();
      edgehandles.disable();
    }
    if (!editing) this.pointedActor = null;
    // Told after the host's update that set the mode, not during it (Lit's change-in-update).
    queueMicrotask(() => this.refreshHandle());
  }

  /** Marks the actor a connection chosen from the keyboard starts at (null: none). */
  markConnectFrom(actorId: string | null): void {
    const previous = this.connectFrom;
    this.connectFrom = actorId;
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      if (previous !== null) cy.getElementById(previous).removeClass(CONNECT_FROM_CLASS);
      if (actorId !== null) cy.getElementById(actorId).addClass(CONNECT_FROM_CLASS);
    });
  }

  /**
   * Sizes actors by a measure: each node's width and height in px at zoom 1
   * (an actor not in the map, and every actor with null, has NODE_SIZE).
   * Only the nodes whose size changes are touched; kept across edits and
   * filter changes; dropped when a new file is set.
   */
  setActorSizes(sizes: ReadonlyMap<string, number> | null): void {
    this.actorSizes = sizes;
    if (this.cy) this.applyActorLooks(this.cy);
  }

  /** Fills actors with these colours (a community's), instead of their kind's; null: the kinds' colours. */
  setActorColours(colours: ReadonlyMap<string, string> | null): void {
    this.actorColours = colours;
    if (this.cy) this.applyActorLooks(this.cy);
  }

  /** Brings the nodes' size and colour data in line with what is wanted, in one batch; labels are then refitted. */
  private applyActorLooks(cy: Core): void {
    let changed = false;
    cy.batch(() => {
      changed = syncNodeData(cy, ACTOR_SIZE_FIELD, this.actorSizes, this.appliedSizes);
      changed = syncNodeData(cy, ACTOR_COLOUR_FIELD, this.actorColours, this.appliedColours) || changed;
    });
    // A bigger node pushes its label down and may cover another's: the labels are placed again.
    if (changed) this.scheduleLabels();
  }

  /** Where every actor is now (graph coordinates, rounded to 0.1): the picture, to save into the file. */
  async currentPositions(): Promise<Record<string, Position>> {
    const cy = await this.whenReady();
    const positions: Record<string, Position> = {};
    for (const actor of this.graph?.actors ?? []) {
      const node = cy.getElementById(actor.id);
      if (node.nonempty()) positions[actor.id] = roundedPosition((node as NodeSingular).position());
    }
    return positions;
  }

  /** The element under the pointer, if any. */
  private hovered: NodeSingular | EdgeSingular | null = null;

  private endHover(): void {
    this.hovered?.removeClass('ag-hover');
    this.hovered = null;
    this.callbacks.hover(null);
    const container = this.container();
    if (container) container.style.cursor = '';
  }

  /** Puts the kept graph, positions, view and viewport into a new Cytoscape instance. */
  private restore(cy: Core): void {
    if (!this.graph) return;
    // A large graph's fresh layout still running adds the elements itself when it ends (drawFresh).
    if (this.freshLayoutRunning && this.addingItself) return;
    const elements = this.withPositions(graphToElements(this.graph));
    cy.batch(() => {
      const added = cy.add(elements);
      if (this.freshLayoutRunning) added.addClass('ag-hidden');
    });
    this.applyActorLooks(cy);
    if (this.appliedView && !this.freshLayoutRunning) this.applyClasses(cy, this.appliedView);
    this.markSearchHits(cy);
    if (this.connectFrom !== null) cy.getElementById(this.connectFrom).addClass(CONNECT_FROM_CLASS);
    if (this.savedViewport) cy.viewport(this.savedViewport);
  }

  private withPositions(elements: ElementDefinition[]): ElementDefinition[] {
    return elements.map((element) => {
      const position = element.group === 'nodes' ? this.positions.get(String(element.data.id)) : undefined;
      return position ? { ...element, position: { ...position } } : element;
    });
  }

  private savePositions(cy: Core): void {
    cy.nodes().forEach((node) => {
      this.positions.set(node.id(), { ...node.position() });
    });
  }

  private whenReady(): Promise<Core> {
    if (this.cy) return Promise.resolve(this.cy);
    return new Promise((resolve) => this.waitingForCy.push(resolve));
  }

  /**
   * Shows a graph. 'fresh' (a new file) puts actors where the file saved them
   * (`layout.positions`) and lays out the others beside their neighbours with
   * the saved ones locked; with no saved positions at all, it lays the graph
   * out from scratch, seeded; with every actor saved, no layout runs.
   * 'in-place' (the same file, edited) diffs by id: actors and relations that
   * stayed keep their place, unless their saved position changed (an edit or
   * an undo moved them); removed ones go; new actors go to their saved
   * position, or are placed beside their neighbours with everything else
   * locked; nothing else moves. Resolves when the graph is drawn where it will stay.
   */
  setGraph(graph: Graph, update: GraphUpdate): Promise<void> {
    // A new file makes the layout still running for the previous one pointless, and the sizes and colours
    // measured on it meaningless (an id may name another actor): the host sets new ones after this call.
    if (update === 'fresh') {
      this.layoutAbort?.abort();
      this.actorSizes = null;
      this.actorColours = null;
    }
    const run = this.queue.then(() => this.drawGraph(graph, update));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async drawGraph(graph: Graph, update: GraphUpdate): Promise<void> {
    const cy = await this.whenReady();
    const previous = this.graph;
    this.graph = graph;
    if (update === 'fresh' || previous === null) {
      const started = performance.now();
      this.positions.clear();
      this.placedAt.clear();
      this.savedViewport = null;
      this.appliedState.clear();
      // The labels' state classes went with the elements.
      this.hiddenLabels.clear();
      this.movedLabels.clear();
      const unplaced = graph.actors.map((actor) => actor.id).filter((id) => !savedPosition(graph, id));
      const curated = unplaced.length < graph.actors.length;
      // Labels are measured (and later fitted) from their zoom-1 size, as a fresh layout measures them.
      if (curated && this.labelScale !== 1) {
        this.labelScale = 1;
        cy.style(graphStylesheet(1));
      }
      this.clearPreview(cy);
      this.addingItself = false;
      if (!curated && graph.actors.length > PREVIEW_ABOVE) {
        cy.batch(() => cy.elements().remove());
        this.appliedSizes.clear();
        this.appliedColours.clear();
        this.markedHits.clear();
        await this.drawFresh(cy, graph, started);
        return;
      }
      // Up to PREVIEW_ABOVE actors, as before drawFresh existed: every element added, then laid out hidden.
      cy.batch(() => {
        cy.elements().remove();
        if (curated) this.addCuratedPicture(cy, graph);
        else cy.add(graphToElements(graph));
      });
      // Before the layout measures the nodes: a node sized by a measure gets room for its size.
      this.appliedSizes.clear();
      this.appliedColours.clear();
      this.applyActorLooks(cy);
      this.markedHits.clear();
      this.markSearchHits(cy);
      performance.measure('ag:add-elements', { start: started });
      if (!curated) {
        await this.layout(cy, cy.elements(), true);
        return;
      }
      if (this.appliedView) this.applyClasses(cy, this.appliedView);
      // Only the actors the file does not place are laid out, the others locked where they are.
      if (unplaced.length > 0) await this.layout(cy, cy.elements(), false, new Set(unplaced));
      return;
    }
    const added = this.diffInto(cy, graph, previous);
    if (added.length > 0) {
      await this.layout(cy, cy.elements(), false, new Set(added));
    }
  }

  /**
   * A new file with no saved positions: every actor's box is measured from
   * its name (label-metrics.ts) without Cytoscape, the layout runs in the
   * worker while Cytoscape stays empty (nothing competes with it for the CPU),
   * and then each element is added once, at its place, with its classes, and
   * the view already fitted: no element is styled twice. Elements go in
   * slices, most connected actors first, each slice in a task of its own, so
   * the page stays responsive and the biggest actors are on screen first.
   */
  private async drawFresh(cy: Core, graph: Graph, started: number): Promise<void> {
    const elements = graphToElements(graph);
    const nodes = elements.filter((element) => element.group === 'nodes');
    const edges = elements.filter((element) => element.group === 'edges');
    this.labelMeasure ??= canvasMeasure(LABEL_FONT);
    const measure = this.labelMeasure;
    const bodies = this.shapeExtents(cy, nodes);
    const boxes = new Map(
      nodes.map((node) => [
        String(node.data.id),
        actorBox(String(node.data.label), measure, { body: bodies.get(String(node.data.shape)) }),
      ]),
    );
    performance.measure('ag:measure-labels', { start: started });
    this.layoutAbort?.abort();
    const abort = new AbortController();
    this.layoutAbort = abort;
    // The layout places boxes that include each actor's name, so laid-out names do not overlap.
    const request: LayoutRequest = {
      nodes: nodes.map((node): LayoutNode => {
        const id = String(node.data.id);
        const box = boxes.get(id) ?? { width: NODE_SIZE, height: NODE_SIZE };
        return { id, width: box.width, height: box.height };
      }),
      edges: edges.map((edge) => ({
        id: String(edge.data.id),
        source: String(edge.data.source),
        target: String(edge.data.target),
      })),
      seed: LAYOUT_SEED,
      randomize: true,
    };
    this.freshLayoutRunning = true;
    this.addingItself = true;
    this.callbacks.layoutRunning(true);
    const layoutStarted = performance.now();
    if (nodes.length > PREVIEW_ABOVE)
      void this.showPreview(cy, graph, elements, request, boxes, abort.signal).catch((error: unknown) =>
        console.error('The preview could not be drawn', error),
      );
    let centres: Positions;
    try {
      centres = await runLayout(request, abort.signal);
    } catch (error) {
      if (abort.signal.aborted) return;
      throw error;
    } finally {
      if (this.layoutAbort === abort) {
        this.layoutAbort = null;
        this.freshLayoutRunning = false;
        this.addingItself = false;
        this.callbacks.layoutRunning(false);
      }
    }
    performance.measure('ag:layout-worker', { start: layoutStarted });
    const target = this.cy;
    const size = target ? { width: target.width(), height: target.height() } : this.lastSize;
    // A full layout takes the shape of the window, so it is fitted at a readable zoom.
    centres = stretchToAspect(centres, size.width, size.height);
    for (const [id, centre] of Object.entries(centres)) {
      const box = boxes.get(id);
      const position = { x: centre.x + (box?.dx ?? 0), y: centre.y + (box?.dy ?? 0) };
      this.positions.set(id, position);
      this.placedAt.set(id, { ...position });
    }
    this.clearPreview(cy);
    // The host left the DOM meanwhile: the positions wait for the next instance (restore adds them).
    if (!target || target !== cy) return;
    const adding = performance.now();
    this.fitBeforeAdding(cy, graph.actors, measure);
    // The fit made from the measured boxes stands: measuring the drawn elements again costs seconds.
    this.fittedGraph = graph;
    await this.addInSlices(cy, nodes, edges);
    performance.measure('ag:add-elements', { start: adding });
  }

  /**
   * Each shape's extent around its actor, measured once on a probe actor with
   * no name: a pointed shape's mitred border reaches past its square (a
   * star's by 0.62 px), and the layout must get the box Cytoscape will draw.
   */
  private shapeExtents(cy: Core, nodes: readonly ElementDefinition[]): Map<string, BodyExtent> {
    const shapes = new Set(nodes.map((node) => String(node.data.shape)));
    const extents = new Map<string, BodyExtent>();
    // Not in a batch: inside one the probe would not be styled yet (Cytoscape's default 30 px shape).
    for (const shape of shapes) {
      const probe = cy.add({ group: 'nodes', data: { id: `ag-probe-${shape}`, shape }, position: { x: 0, y: 0 } });
      const box = probe.boundingBox({ includeLabels: false, includeOverlays: false });
      extents.set(shape, { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 });
      probe.remove();
    }
    return extents;
  }

  /**
   * Sets the label scale and the viewport that fit() will find once the
   * elements are in, computed from the measured boxes while Cytoscape is
   * still empty: a new label scale restyles every element, which costs
   * nothing now and seconds on 5,000 drawn actors.
   */
  private fitBeforeAdding(
    cy: Core,
    actors: readonly Actor[],
    measure: MeasureText,
    positions: ReadonlyMap<string, { x: number; y: number }> = this.positions,
  ): void {
    const visible = this.appliedView?.visible.actorIds;
    const shown = actors.filter((actor) => (visible ? visible.has(actor.id) : true));
    if (shown.length === 0) return;
    const bounds = (scale: number) => {
      let x1 = Infinity;
      let y1 = Infinity;
      let x2 = -Infinity;
      let y2 = -Infinity;
      for (const actor of shown) {
        const position = positions.get(actor.id);
        if (!position) continue;
        const box = actorBox(drawnLabel(actor.label), measure, { scale });
        const cx = position.x - box.dx;
        const cy = position.y - box.dy;
        x1 = Math.min(x1, cx - box.width / 2);
        x2 = Math.max(x2, cx + box.width / 2);
        y1 = Math.min(y1, cy - box.height / 2);
        y2 = Math.max(y2, cy + box.height / 2);
      }
      return { x1, y1, w: Math.max(x2 - x1, 1), h: Math.max(y2 - y1, 1) };
    };
    const zoomFor = (box: { w: number; h: number }) =>
      clampZoom(cy, Math.min(FIT_MAX_ZOOM, (cy.width() - 80) / box.w, (cy.height() - 80) / box.h));
    let scale = 1;
    let box = bounds(scale);
    let zoom = zoomFor(box);
    for (let attempt = 0; attempt < 6 && this.labelScaleAt(cy, zoom) !== scale; attempt++) {
      scale = this.labelScaleAt(cy, zoom);
      box = bounds(scale);
      zoom = zoomFor(box);
    }
    if (scale !== this.labelScale) {
      this.labelScale = scale;
      cy.style(graphStylesheet(scale));
    }
    const pan = { x: cy.width() / 2 - zoom * (box.x1 + box.w / 2), y: cy.height() / 2 - zoom * (box.y1 + box.h / 2) };
    cy.viewport({ zoom, pan });
  }

  /**
   * The most connected actors (PREVIEW_ACTORS) and the relations between
   * them, laid out in a worker of their own while the whole graph is laid out
   * in another, and drawn as soon as they are placed: who the hubs are is on
   * screen within a second or two instead of after the whole layout.
   * Selecting, hovering and reading evidence work on them; the whole graph
   * replaces them when its layout ends.
   */
  private async showPreview(
    cy: Core,
    graph: Graph,
    elements: readonly ElementDefinition[],
    request: LayoutRequest,
    boxes: ReadonlyMap<string, ActorBox>,
    signal: AbortSignal,
  ): Promise<void> {
    const degree = new Map<string, number>();
    for (const edge of request.edges) {
      degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
      degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
    }
    const top = new Set(
      [...request.nodes]
        .sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0))
        .slice(0, PREVIEW_ACTORS)
        .map((node) => node.id),
    );
    const edges = request.edges.filter((edge) => top.has(edge.source) && top.has(edge.target));
    const preview: LayoutRequest = {
      nodes: request.nodes.filter((node) => top.has(node.id)),
      edges,
      seed: LAYOUT_SEED,
      randomize: true,
    };
    let centres: Positions;
    try {
      centres = await runLayout(preview, signal);
    } catch (error) {
      if (signal.aborted) return;
      throw error;
    }
    // The whole layout ended first, or another file was opened: no preview.
    if (signal.aborted || !this.freshLayoutRunning || this.cy !== cy) return;
    centres = stretchToAspect(centres, cy.width(), cy.height());
    const positions = new Map<string, { x: number; y: number }>();
    for (const [id, centre] of Object.entries(centres)) {
      const box = boxes.get(id);
      positions.set(id, { x: centre.x + (box?.dx ?? 0), y: centre.y + (box?.dy ?? 0) });
    }
    const measure = this.labelMeasure ?? canvasMeasure(LABEL_FONT);
    this.fitBeforeAdding(
      cy,
      graph.actors.filter((actor) => top.has(actor.id)),
      measure,
      positions,
    );
    const wanted = new Set([...top, ...edges.map((edge) => edge.id)]);
    this.previewing = true;
    cy.batch(() =>
      cy.add(
        elements
          .filter((element) => wanted.has(String(element.data.id)))
          .map((element) => {
            const position = element.group === 'nodes' ? positions.get(String(element.data.id)) : undefined;
            return this.withViewClasses(position ? { ...element, position: { ...position } } : element);
          }),
      ),
    );
    this.callbacks.previewShown(top.size);
    this.scheduleLabels();
    await nextFrame();
    await nextFrame();
    if (this.previewing && performance.getEntriesByName('ag:first-frame').length === 0)
      performance.mark('ag:first-frame');
  }

  /** The preview goes (the whole graph is about to be drawn): its elements and the labels' state with them. */
  private clearPreview(cy: Core): void {
    if (!this.previewing) return;
    this.previewing = false;
    this.callbacks.previewShown(0);
    cy.batch(() => cy.elements().remove());
    this.appliedState.clear();
    this.hiddenLabels.clear();
    this.movedLabels.clear();
  }

  /**
   * Adds the nodes (most relations first), then the edges (those of the most
   * connected actors first), at most ADD_SLICE elements per task, each with its position and
   * the classes of the view applied now. Marks 'ag:first-frame' once the
   * first slice is drawn.
   */
  private async addInSlices(cy: Core, nodes: ElementDefinition[], edges: ElementDefinition[]): Promise<void> {
    if (nodes.length + edges.length <= ADD_SLICE) {
      // One slice: in the file's order, as the graph was always drawn (it decides which actor is drawn on top).
      cy.batch(() =>
        cy.add(
          [...nodes, ...edges].map((element) => {
            const position = element.group === 'nodes' ? this.positions.get(String(element.data.id)) : undefined;
            return this.withViewClasses(position ? { ...element, position: { ...position } } : element);
          }),
        ),
      );
      this.applyActorLooks(cy);
      this.markSearchHits(cy);
      this.scheduleLabels();
      await nextFrame();
      await nextFrame();
      if (performance.getEntriesByName('ag:first-frame').length === 0) performance.mark('ag:first-frame');
      return;
    }
    const degree = new Map<string, number>();
    for (const edge of edges) {
      for (const end of [String(edge.data.source), String(edge.data.target)])
        degree.set(end, (degree.get(end) ?? 0) + 1);
    }
    const ordered = [...nodes].sort(
      (a, b) => (degree.get(String(b.data.id)) ?? 0) - (degree.get(String(a.data.id)) ?? 0),
    );
    const rank = new Map(ordered.map((node, index) => [String(node.data.id), index]));
    // Edges after all the nodes, grouped by their more connected end: adding an edge makes Cytoscape recompute
    // every edge of both its ends at the next frame, so a hub whose edges came in a little at a time, slice
    // after slice, had its thousands of edges recomputed in each (20,000 actors took minutes).
    const edgeRank = (edge: ElementDefinition) =>
      Math.min(rank.get(String(edge.data.source)) ?? 0, rank.get(String(edge.data.target)) ?? 0);
    const orderedEdges = [...edges].sort((a, b) => edgeRank(a) - edgeRank(b));
    // Each slice's frame draws everything added so far: past 20 slices the frames cost more than the slices.
    const sliceSize = Math.max(ADD_SLICE, Math.ceil((nodes.length + edges.length) / 20));
    let slice: ElementDefinition[] = [];
    let first = true;
    const flush = async () => {
      if (slice.length === 0) return;
      const definitions = slice;
      slice = [];
      // A newer graph or a new instance: this one stops here (restore puts the kept positions in).
      if (this.cy !== cy) return;
      cy.batch(() => cy.add(definitions));
      await nextFrame();
      if (first) {
        first = false;
        await nextFrame();
        if (performance.getEntriesByName('ag:first-frame').length === 0) performance.mark('ag:first-frame');
      }
    };
    for (const node of ordered) {
      const position = this.positions.get(String(node.data.id));
      slice.push(this.withViewClasses({ ...node, ...(position ? { position: { ...position } } : {}) }));
      if (slice.length >= sliceSize) await flush();
      if (this.cy !== cy) return;
    }
    for (const edge of orderedEdges) {
      slice.push(this.withViewClasses(edge));
      if (slice.length >= sliceSize) await flush();
      if (this.cy !== cy) return;
    }
    await flush();
    if (this.cy !== cy) return;
    this.applyActorLooks(cy);
    this.markSearchHits(cy);
    this.scheduleLabels();
  }

  /** An element definition with the classes the applied view gives it; its state is then recorded as applied. */
  private withViewClasses(definition: ElementDefinition): ElementDefinition {
    const view = this.appliedView;
    const id = String(definition.data.id);
    if (!view) return definition;
    const selection = view.selection;
    const selectedActor = selection?.kind === 'actor' ? selection.id : null;
    let shown: boolean;
    let dimmed: boolean;
    let selected: boolean;
    let touching = false;
    if (definition.group === 'nodes') {
      shown = view.visible.actorIds.has(id);
      dimmed = view.focus !== null && !view.focus.actorIds.has(id);
      selected = id === selectedActor;
    } else {
      shown = view.visible.relationIds.has(id);
      dimmed = view.focus !== null && !view.focus.relationIds.has(id);
      selected = selection?.kind === 'relation' && selection.id === id;
      touching =
        selectedActor !== null &&
        (definition.data.source === selectedActor || definition.data.target === selectedActor);
    }
    this.appliedState.set(id, stateMask(shown, dimmed, selected, touching));
    const classes = [
      shown ? '' : 'ag-hidden',
      dimmed ? 'ag-dimmed' : '',
      selected ? 'ag-selected' : '',
      touching ? 'ag-touching' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return classes ? { ...definition, classes } : definition;
  }

  /**
   * Adds a graph whose file saves positions: those actors there, the others
   * beside their placed neighbours (where a layout then settles them).
   */
  private addCuratedPicture(cy: Core, graph: Graph): void {
    const elements = graphToElements(graph);
    const nodes = elements.filter((element) => element.group === 'nodes');
    for (const element of nodes) {
      const id = String(element.data.id);
      const saved = savedPosition(graph, id);
      if (!saved) continue;
      this.positions.set(id, { x: saved.x, y: saved.y });
      this.placedAt.set(id, { x: saved.x, y: saved.y });
      cy.add({ ...element, position: { x: saved.x, y: saved.y } });
    }
    for (const element of nodes) {
      const id = String(element.data.id);
      if (!savedPosition(graph, id)) cy.add({ ...element, position: this.startingPosition(cy, graph, id) });
    }
    cy.add(elements.filter((element) => element.group === 'edges'));
  }

  /**
   * Applies a new version of the graph by id; returns the ids of the new
   * actors that need placing (those without a saved position).
   */
  private diffInto(cy: Core, graph: Graph, previous: Graph): string[] {
    const elements = graphToElements(graph);
    const wanted = new Map(elements.map((element) => [String(element.data.id), element]));
    const added: string[] = [];
    const unplaced: string[] = [];
    cy.batch(() => {
      cy.elements().forEach((element) => {
        const next = wanted.get(element.id());
        const group = element.group();
        const kept =
          next !== undefined &&
          next.group === group &&
          (group === 'nodes' ||
            (element.data('source') === next.data.source && element.data('target') === next.data.target));
        if (kept) return;
        element.remove();
        this.appliedState.delete(element.id());
        this.appliedSizes.delete(element.id());
        this.appliedColours.delete(element.id());
        if (group === 'nodes') this.positions.delete(element.id());
      });
      for (const [id, element] of wanted) {
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          // Ids and ends never change through data(): an edge with new ends was removed above.
          const { id: _id, source: _source, target: _target, ...changed } = element.data;
          existing.data(changed);
          // Moved by an edit (or its undo): there. Otherwise it stays where the analyst may have dragged it.
          const saved = savedPosition(graph, id);
          if (saved && element.group === 'nodes' && savedPositionChanged(previous, graph, id)) {
            this.positions.set(id, { x: saved.x, y: saved.y });
            existing.position({ x: saved.x, y: saved.y });
          }
          // Its saved position taken away (the undo of its first move): back where it was placed.
          const placed = this.placedAt.get(id);
          if (!saved && placed && element.group === 'nodes' && savedPosition(previous, id)) {
            this.positions.set(id, { ...placed });
            existing.position({ ...placed });
          }
          continue;
        }
        if (element.group === 'nodes') {
          added.push(id);
          const saved = savedPosition(graph, id);
          // An actor with no relation yet is put in a free spot and not laid out: a layout would
          // treat it as a component of its own and pack it away from everything.
          const linked = graph.relations.some((relation) => relation.from === id || relation.to === id);
          if (!saved && linked) unplaced.push(id);
          const position = saved
            ? { x: saved.x, y: saved.y }
            : linked
              ? this.startingPosition(cy, graph, id)
              : this.freeSpotNear(cy, this.startingPosition(cy, graph, id));
          if (saved || !linked) {
            this.positions.set(id, { ...position });
            this.placedAt.set(id, { ...position });
          }
          cy.add({ ...element, position });
        } else {
          cy.add(element);
        }
      }
    });
    // New elements start hidden until the view says otherwise; new actors take their size and colour.
    for (const id of added) cy.getElementById(id).addClass('ag-hidden');
    this.applyActorLooks(cy);
    if (this.appliedView) this.applyClasses(cy, this.appliedView);
    // New elements with the ids of hits get the class too.
    this.markedHits.clear();
    this.markSearchHits(cy);
    return unplaced;
  }

  /** The point nearest `around`, on rings around it, where no actor is drawn close by. */
  private freeSpotNear(cy: Core, around: { x: number; y: number }): { x: number; y: number } {
    const placed = cy.nodes().map((node) => ({ ...node.position(), radius: node.outerWidth() / 2 }));
    const room = 70;
    const isFree = (x: number, y: number) =>
      placed.every((node) => Math.hypot(node.x - x, node.y - y) >= room + node.radius);
    if (isFree(around.x, around.y)) return around;
    for (let ring = 1; ring <= 8; ring++) {
      const steps = 8 * ring;
      for (let step = 0; step < steps; step++) {
        const angle = (2 * Math.PI * step) / steps;
        const x = around.x + Math.cos(angle) * room * ring;
        const y = around.y + Math.sin(angle) * room * ring;
        if (isFree(x, y)) return { x, y };
      }
    }
    return around;
  }

  /** Where a new actor appears before the layout settles it: beside its placed neighbours. */
  private startingPosition(cy: Core, graph: Graph, id: string): { x: number; y: number } {
    const neighbours = graph.relations
      .filter((relation) => relation.from === id || relation.to === id)
      .map((relation) => (relation.from === id ? relation.to : relation.from))
      .map((other) => cy.getElementById(other))
      .filter((node) => node.nonempty());
    if (neighbours.length === 0) {
      // A new actor with no relation yet (added in the editor): beside the actor selected, which it is
      // most likely about, else in the middle of what the analyst is looking at.
      const selection = this.appliedView?.selection;
      const selected = selection?.kind === 'actor' ? cy.getElementById(selection.id) : null;
      if (selected?.nonempty() && selected.id() !== id) {
        const at = selected.position();
        return { x: at.x + selected.outerWidth() * 2, y: at.y };
      }
      const extent = cy.extent();
      return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
    }
    const x = neighbours.reduce((sum, node) => sum + node.position().x, 0) / neighbours.length;
    const y = neighbours.reduce((sum, node) => sum + node.position().y, 0) / neighbours.length;
    return { x, y };
  }

  /**
   * Filter, focus and selection, applied in one batch by class toggles: nothing
   * moves. Only elements whose state changed are touched, so a filter change
   * on thousands of actors restyles just what it shows or hides.
   */
  async applyView(visible: VisibleSubgraph, focus: Neighbourhood | null, selection: Selection): Promise<void> {
    const view: AppliedView = { visible, focus, selection };
    this.appliedView = view;
    const cy = await this.whenReady();
    // A later view arrived while Cytoscape loaded, or a fresh layout will apply this one when it ends.
    if (this.appliedView !== view || this.freshLayoutRunning) return;
    this.applyClasses(cy, view);
    // Styles are recomputed when the batch ends; drawing follows in the next frame.
    performance.mark('ag:view-applied');
    await nextFrame();
  }

  private applyClasses(cy: Core, { visible, focus, selection }: AppliedView): void {
    const selectedActor = selection?.kind === 'actor' ? selection.id : null;
    const selectedRelation = selection?.kind === 'relation' ? selection.id : null;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        if (isConnectLine(node)) return;
        const id = node.id();
        const dimmed = focus !== null && !focus.actorIds.has(id);
        this.setClasses(node, visible.actorIds.has(id), dimmed, id === selectedActor, false);
      });
      cy.edges().forEach((edge) => {
        if (isConnectLine(edge)) return;
        const id = edge.id();
        const touching =
          selectedActor !== null && (edge.data('source') === selectedActor || edge.data('target') === selectedActor);
        const dimmed = focus !== null && !focus.relationIds.has(id);
        this.setClasses(edge, visible.relationIds.has(id), dimmed, id === selectedRelation, touching);
      });
    });
    this.scheduleLabels();
    // The selected actor shows the handle when none is pointed at; a filter may have hidden it.
    this.refreshHandle();
    // The tooltip of an element a filter has just hidden would float over nothing.
    const hovered = this.hovered;
    if (
      hovered &&
      (hovered.removed() || !(hovered.isNode() ? visible.actorIds : visible.relationIds).has(hovered.id()))
    ) {
      this.endHover();
    }
  }

  private setClasses(
    element: NodeSingular | EdgeSingular,
    shown: boolean,
    dimmed: boolean,
    selected: boolean,
    touching: boolean,
  ): void {
    const mask = stateMask(shown, dimmed, selected, touching);
    const id = element.id();
    if (this.appliedState.get(id) === mask) return;
    this.appliedState.set(id, mask);
    element.toggleClass('ag-hidden', !shown);
    element.toggleClass('ag-dimmed', dimmed);
    element.toggleClass('ag-selected', selected);
    element.toggleClass('ag-touching', touching);
  }

  /**
   * Marks what the search finds (actor and relation ids); only the elements
   * that change are touched. Applied once typing pauses: a common word can
   * hit thousands of elements, and restyling them on every key would make
   * the typing lag.
   */
  setSearchHits(ids: ReadonlySet<string>): void {
    this.searchHits = ids;
    window.clearTimeout(this.searchHitTimer);
    this.searchHitTimer = window.setTimeout(() => {
      void this.whenReady().then((cy) => {
        if (this.searchHits === ids && cy === this.cy) this.markSearchHits(cy);
      });
    }, SEARCH_HITS_SETTLE_MS);
  }

  private markSearchHits(cy: Core): void {
    const wanted = this.searchHits;
    const marked = this.markedHits;
    cy.batch(() => {
      for (const id of marked) {
        if (wanted.has(id)) continue;
        cy.getElementById(id).removeClass(SEARCH_HIT_CLASS);
        marked.delete(id);
      }
      for (const id of wanted) {
        if (marked.has(id)) continue;
        cy.getElementById(id).addClass(SEARCH_HIT_CLASS);
        marked.add(id);
      }
    });
  }

  /** For tests: the ids of the actors and relations marked as search hits, sorted. */
  async searchHitIds(): Promise<{ actors: string[]; relations: string[] }> {
    const cy = await this.whenReady();
    const hits = cy.elements(`.${SEARCH_HIT_CLASS}`);
    return {
      actors: hits
        .nodes()
        .map((node) => node.id())
        .sort(),
      relations: hits
        .edges()
        .map((edge) => edge.id())
        .sort(),
    };
  }

  /** Labels are fitted to the view once it has settled (a zoom or pan fires many events). */
  private scheduleLabels(): void {
    window.clearTimeout(this.labelTimer);
    if (!this.labelsPending) {
      let resolve = () => {};
      const promise = new Promise<void>((done) => {
        resolve = done;
      });
      this.labelsPending = { promise, resolve };
    }
    this.labelTimer = window.setTimeout(() => {
      const pending = this.labelsPending;
      this.labelsPending = null;
      if (this.cy) this.fitLabels(this.cy);
      pending?.resolve();
    }, LABEL_SETTLE_MS);
  }

  /**
   * Keeps labels legible and apart: grows them as the view zooms out (no
   * label under MIN_LABEL_PX on screen), then hides those that would overlap
   * a more important one: the selection, its relations and neighbours, then
   * actors by how many relations they show.
   */
  private fitLabels(cy: Core): void {
    if (this.freshLayoutRunning && !this.previewing) return;
    const started = performance.now();
    const scale = this.labelScaleAt(cy, cy.zoom());
    if (scale !== this.labelScale) {
      this.labelScale = scale;
      cy.style(graphStylesheet(scale));
    }
    const { boxes, bodies } = this.labelBoxes(cy);
    const view = { x1: 0, y1: 0, x2: cy.width(), y2: cy.height() };
    const { hidden, moved } = placeLabels(boxes, {
      gap: 2,
      obstacles: bodies,
      alternativesWithin: view,
      ownPlaceAvoidsObstacles: this.appliedSizes.size > 0,
    });
    cy.batch(() => {
      for (const id of this.hiddenLabels) {
        if (!hidden.has(id)) cy.getElementById(id).removeClass('ag-label-hidden');
      }
      for (const id of hidden) {
        if (!this.hiddenLabels.has(id)) cy.getElementById(id).addClass('ag-label-hidden');
      }
      for (const [id, placement] of this.movedLabels) {
        if (moved.get(id) !== placement) cy.getElementById(id).removeClass(LABEL_PLACEMENT_CLASSES[placement] ?? '');
      }
      for (const [id, placement] of moved) {
        if (this.movedLabels.get(id) !== placement)
          cy.getElementById(id).addClass(LABEL_PLACEMENT_CLASSES[placement] ?? '');
      }
    });
    this.hiddenLabels.clear();
    for (const id of hidden) this.hiddenLabels.add(id);
    this.movedLabels.clear();
    for (const [id, placement] of moved) this.movedLabels.set(id, placement);
    performance.measure('ag:labels-fitted', { start: started });
  }

  private labelScaleAt(cy: Core, zoom: number): number {
    const actors = Math.max(cy.nodes().length, this.graph?.actors.length ?? 0);
    return labelScaleFor(zoom, actors > COARSE_LABEL_STEPS_ABOVE ? 1 : 4);
  }

  /**
   * The rendered boxes of the labels in view, with their priority; an actor's
   * name also with its places above, right and left of it (in the order of
   * LABEL_PLACEMENT_CLASSES); and the actors' shapes, which a moved name must
   * not cover.
   */
  private labelBoxes(cy: Core): { boxes: LabelBox[]; bodies: (LabelSpot & { id: string })[] } {
    const extent = cy.extent();
    const zoom = cy.zoom();
    const pan = cy.pan();
    const selection = this.appliedView?.selection ?? null;
    const focus = this.appliedView?.focus ?? null;
    const selectedActor = selection?.kind === 'actor' ? cy.getElementById(selection.id) : null;
    const boxes: LabelBox[] = [];
    const bodies: (LabelSpot & { id: string })[] = [];
    const rendered = (box: LabelSpot): LabelSpot => ({
      x1: box.x1 * zoom + pan.x,
      y1: box.y1 * zoom + pan.y,
      x2: box.x2 * zoom + pan.x,
      y2: box.y2 * zoom + pan.y,
    });
    const inView = (box: LabelSpot) =>
      !(box.x2 < extent.x1 || box.x1 > extent.x2 || box.y2 < extent.y1 || box.y1 > extent.y2);
    // A margin around the view: a label whose node is just outside can still reach in.
    const margin = 200 / zoom;
    cy.nodes(':visible').forEach((node) => {
      const { x, y } = node.position();
      if (x < extent.x1 - margin || x > extent.x2 + margin || y < extent.y1 - margin || y > extent.y2 + margin) return;
      const id = node.id();
      bodies.push({ id, ...rendered(node.boundingBox({ includeLabels: false, includeOverlays: false })) });
      const label = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      if (!(label.w > 0)) return;
      const spots = labelSpots(label, { x, y }, this.movedLabels.get(id));
      if (!inView(spots[0])) return;
      // Actors sized by a measure: the bigger the node, the sooner its name is shown.
      const sized = this.appliedSizes.get(id);
      const degree = sized === undefined ? node.connectedEdges(':visible').length : Math.round(sized * 10);
      const neighbour = selectedActor?.nonempty() === true && selectedActor.edgesWith(node).nonempty();
      // Actors dimmed by a focus come after every actor the focus keeps.
      const dimmed = focus !== null && !focus.actorIds.has(id);
      const selected = selection?.id === id;
      const priority = labelPriority({ selected, touching: false, neighbour, degree });
      boxes.push({
        id,
        ...rendered(spots[0]),
        priority: dimmed ? priority - 4_000_000 : priority,
        alternatives: spots.slice(1).map(rendered),
        // The names of the selected actor and its neighbours go where they leave its relations' labels room.
        ...(selected || neighbour ? { makeRoom: true } : {}),
      });
    });
    cy.edges('.ag-selected:visible, .ag-touching:visible').forEach((edge) => {
      const box = edge.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      if (!(box.w > 0) || !inView(box)) return;
      const selected = edge.hasClass('ag-selected');
      const priority = labelPriority({ selected, touching: !selected, neighbour: false, degree: 0 });
      boxes.push({ id: edge.id(), ...rendered(box), priority });
    });
    return { boxes, bodies };
  }

  /** Pixels at the right of the canvas covered by a panel laid over it (narrow windows). */
  private obscuredRight = 0;

  setObscuredRight(px: number): void {
    this.obscuredRight = Math.max(0, px);
  }

  /** Centres the view on an actor or relation (in the part not covered by a panel), zooming in only if it is tiny. */
  async centreOn(target: Selection): Promise<void> {
    if (!target) return;
    const cy = await this.whenReady();
    const element = cy.getElementById(target.id);
    if (element.empty() || !element.visible()) return;
    cy.stop();
    // Pan computed for the final zoom: animating 'center' and 'zoom' together
    // centres for the starting zoom and lands off-centre.
    const zoom = Math.max(cy.zoom(), 0.9);
    const point = this.pointOf(element as NodeSingular | EdgeSingular);
    const freeWidth = Math.max(cy.width() - this.obscuredRight, cy.width() / 3);
    cy.animate(
      { zoom, pan: { x: freeWidth / 2 - zoom * point.x, y: cy.height() / 2 - zoom * point.y } },
      { duration: 250 },
    );
  }

  /** Pans an actor or relation out from under a panel laid over the canvas, keeping the zoom. */
  async revealIfCovered(target: Selection): Promise<void> {
    if (!target || this.obscuredRight <= 0) return;
    const cy = await this.whenReady();
    const element = cy.getElementById(target.id);
    if (element.empty() || !element.visible()) return;
    const zoom = cy.zoom();
    const point = this.pointOf(element as NodeSingular | EdgeSingular);
    const x = point.x * zoom + cy.pan().x;
    const freeWidth = Math.max(cy.width() - this.obscuredRight, cy.width() / 3);
    if (x <= freeWidth - 40) return;
    cy.stop();
    cy.animate({ pan: { x: freeWidth / 2 - zoom * point.x, y: cy.pan().y } }, { duration: 250 });
  }

  private pointOf(element: NodeSingular | EdgeSingular): { x: number; y: number } {
    return element.isNode() ? element.position() : (element as EdgeSingular).midpoint();
  }

  /** The zoom and pan now, or null while there is no Cytoscape instance. */
  viewport(): Viewport | null {
    const cy = this.cy;
    return cy ? { zoom: cy.zoom(), pan: { ...cy.pan() } } : null;
  }

  /** Puts the zoom and pan back as they were (Back and Forward). */
  async setViewport(viewport: Viewport): Promise<void> {
    const cy = await this.whenReady();
    cy.stop();
    cy.viewport({ zoom: viewport.zoom, pan: { ...viewport.pan } });
  }

  /** Whether `graph` was fitted to the view as it was drawn (a fit would only measure it again). */
  fittedOnDraw(graph: Graph): boolean {
    return this.fittedGraph === graph;
  }

  /** Fits the visible elements (or the given ones) in the view. */
  async fit(ids?: ReadonlySet<string>, animate = true): Promise<void> {
    const cy = await this.whenReady();
    const elements = ids ? cy.elements().filter((el) => ids.has(el.id()) && el.visible()) : cy.elements(':visible');
    if (elements.empty()) return;
    // The container may have just changed size (a panel opened); the ResizeObserver's news can come later.
    cy.resize();
    cy.stop();
    // A small graph is not blown up: fitting never zooms in past FIT_MAX_ZOOM.
    const zoomFor = (box: { w: number; h: number }) =>
      clampZoom(
        cy,
        Math.min(FIT_MAX_ZOOM, (cy.width() - 80) / Math.max(box.w, 1), (cy.height() - 80) / Math.max(box.h, 1)),
      );
    let box = elements.boundingBox({});
    let zoom = zoomFor(box);
    // Labels are drawn larger when zoomed out (fitLabels): fit the boxes they will have at the new zoom. Larger
    // labels can ask for a smaller zoom and so larger labels again: go on until the scale holds, so that fitLabels
    // never grows labels past the fitted box afterwards (scales change in quarter-octave steps; a few suffice).
    for (let attempt = 0; attempt < 6 && this.labelScaleAt(cy, zoom) !== this.labelScale; attempt++) {
      this.labelScale = this.labelScaleAt(cy, zoom);
      cy.style(graphStylesheet(this.labelScale));
      box = elements.boundingBox({});
      zoom = zoomFor(box);
    }
    const pan = { x: cy.width() / 2 - zoom * (box.x1 + box.w / 2), y: cy.height() / 2 - zoom * (box.y1 + box.h / 2) };
    if (animate) cy.animate({ zoom, pan }, { duration: 250 });
    else cy.viewport({ zoom, pan });
  }

  /**
   * Lays out what is visible from scratch (seeded, as for a new file), so a
   * filtered graph gets a picture of its own; hidden actors keep their places.
   */
  relayout(): Promise<void> {
    const run = this.queue.then(async () => {
      const cy = await this.whenReady();
      await this.layout(cy, cy.elements(':visible'), true);
      await this.fit(undefined, false);
      // The names are then placed (some above, right or left of their actors) and sized for the zoom: fit again
      // around them as they are, so that no name of the new picture is cut at the edge.
      while (this.labelsPending) await this.labelsPending.promise;
      await this.fit(undefined, false);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Lays out `elements` in the worker. randomize: a fresh, seeded layout.
   * Otherwise nodes start where they are; with `onlyMove`, every other node is
   * locked, so only those move (new actors placed beside their neighbours).
   */
  private async layout(
    cy: Core,
    elements: ReturnType<Core['elements']>,
    randomize: boolean,
    onlyMove?: ReadonlySet<string>,
  ): Promise<void> {
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
    // Boxes are measured with labels at their zoom-1 size, whatever the view was.
    if (randomize && this.labelScale !== 1) {
      this.labelScale = 1;
      cy.style(graphStylesheet(1));
    }
    // ... and below their nodes, where the layout leaves them room (fitLabels may move them again).
    if (this.movedLabels.size > 0) {
      cy.batch(() => {
        for (const [id, placement] of this.movedLabels) {
          cy.getElementById(id).removeClass(LABEL_PLACEMENT_CLASSES[placement] ?? '');
        }
      });
      this.movedLabels.clear();
    }
    const request: LayoutRequest = {
      nodes: nodes.map((node): LayoutNode => {
        const box = node.boundingBox({ includeLabels: true, includeOverlays: false });
        const position = node.position();
        const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
        labelOffset.set(node.id(), { dx: position.x - centre.x, dy: position.y - centre.y });
        const placed = onlyMove === undefined || !onlyMove.has(node.id());
        return {
          id: node.id(),
          width: box.w,
          height: box.h,
          ...(randomize || !placed ? {} : { x: centre.x, y: centre.y }),
          ...(onlyMove !== undefined && placed ? { locked: true } : {}),
        };
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
      this.freshLayoutRunning = true;
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
        this.freshLayoutRunning = false;
        this.callbacks.layoutRunning(false);
      }
    }
    performance.measure('ag:layout-worker', { start: layoutStarted });
    // The host may have left the DOM and come back meanwhile: the positions go
    // to the instance there is now (or are kept for the next one).
    const target = this.cy;
    const size = target ? { width: target.width(), height: target.height() } : this.lastSize;
    // A full layout takes the shape of the window, so it is fitted at a readable zoom.
    if (randomize) positions = stretchToAspect(positions, size.width, size.height);
    // Locked nodes are not touched: they stay exactly where they are (a saved position, to the last digit).
    const moved = Object.keys(positions).filter((id) => onlyMove === undefined || onlyMove.has(id));
    for (const id of moved) {
      const centre = positions[id] ?? { x: 0, y: 0 };
      const offset = labelOffset.get(id) ?? { dx: 0, dy: 0 };
      this.positions.set(id, { x: centre.x + offset.dx, y: centre.y + offset.dy });
      this.placedAt.set(id, { x: centre.x + offset.dx, y: centre.y + offset.dy });
    }
    if (!target) return;
    target.batch(() => {
      for (const id of moved) {
        const position = this.positions.get(id);
        if (position) target.getElementById(id).position({ ...position });
      }
    });
    if (this.appliedView) this.applyClasses(target, this.appliedView);
  }

  /**
   * What an export draws: the actors and relations of `kept` (for 'screen',
   * only the actors whose centre is on screen, and the relations between
   * them), as element JSON with their positions and the selection's classes,
   * and the extent on screen in model coordinates. Nothing here is hidden or
   * dimmed: what the filters and focus leave out is not in the list.
   */
  async exportScene(kept: VisibleSubgraph, scope: ExportScope): Promise<ExportScene> {
    const cy = await this.whenReady();
    const { x1, y1, x2, y2 } = cy.extent();
    const onScreen = (p: { x: number; y: number }) => p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2;
    const actorIds = new Set<string>();
    const relationIds = new Set<string>();
    const elements: ElementDefinition[] = [];
    const classes = (element: NodeSingular | EdgeSingular) =>
      EXPORTED_CLASSES.filter((name) => element.hasClass(name)).join(' ');
    cy.nodes().forEach((node) => {
      const position = node.position();
      if (!kept.actorIds.has(node.id()) || (scope === 'screen' && !onScreen(position))) return;
      actorIds.add(node.id());
      elements.push({ group: 'nodes', data: { ...node.data() }, position: { ...position }, classes: classes(node) });
    });
    cy.edges().forEach((edge) => {
      const id = edge.id();
      if (!kept.relationIds.has(id) || !actorIds.has(edge.source().id()) || !actorIds.has(edge.target().id())) return;
      relationIds.add(id);
      elements.push({ group: 'edges', data: { ...edge.data() }, classes: classes(edge) });
    });
    return { elements, actorIds, relationIds, screenExtent: { x1, y1, x2, y2 } };
  }

  /** Where an element is drawn, in container px (the tooltip, and tests). */
  async renderedPositionOf(id: string): Promise<{ x: number; y: number } | null> {
    const cy = await this.whenReady();
    const element = cy.getElementById(id);
    if (element.empty()) return null;
    if (element.isNode()) return (element as NodeSingular).renderedPosition();
    const midpoint: { x: number; y: number } = (element as EdgeSingular).renderedMidpoint();
    return midpoint;
  }

  /** Every actor drawn (not hidden by a filter), where it is on screen: for moving with the arrow keys. */
  async renderedActorPositions(): Promise<RenderedActor[]> {
    const cy = await this.whenReady();
    return cy.nodes(':visible').map((node) => {
      const position: { x: number; y: number } = node.renderedPosition();
      return { id: node.id(), x: position.x, y: position.y, dimmed: node.hasClass('ag-dimmed') };
    });
  }

  /** For tests: each visible node's box with its label, in container px, and the zoom. */
  async renderedNodeBoxes(): Promise<{
    zoom: number;
    boxes: { id: string; x1: number; y1: number; x2: number; y2: number }[];
  }> {
    const cy = await this.whenReady();
    const boxes = cy.nodes(':visible').map((node) => {
      const box = node.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
      return { id: node.id(), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
    });
    return { zoom: cy.zoom(), boxes };
  }

  /**
   * For tests: every label drawn now, with its box in container px and its
   * font size on screen. Labels hidden to avoid overlaps are left out.
   */
  async drawnLabels(): Promise<DrawnLabel[]> {
    const cy = await this.whenReady();
    while (this.labelsPending) await this.labelsPending.promise;
    const zoom = cy.zoom();
    const drawn: DrawnLabel[] = [];
    cy.elements(':visible').forEach((element) => {
      const label = String(element.style('label') ?? '');
      if (label === '' || element.hasClass('ag-label-hidden')) return;
      const box = element.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      const px = Number.parseFloat(String(element.style('font-size'))) * zoom;
      drawn.push({ id: element.id(), label, px, x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 });
    });
    return drawn;
  }

  /** For tests: what every element looks like on the canvas, read from Cytoscape's computed style. */
  async canvasState(): Promise<CanvasState> {
    const cy = await this.whenReady();
    // Labels as they settle: a label fitting still pending would report the state before a change.
    while (this.labelsPending) await this.labelsPending.promise;
    const read = (element: NodeSingular | EdgeSingular): CanvasElementState => {
      // A hidden edge has no drawn midpoint: the middle between its ends stands for it.
      const ends = element.isEdge() ? [element.source().position(), element.target().position()] : null;
      const point: { x: number; y: number } = ends
        ? { x: ((ends[0]?.x ?? 0) + (ends[1]?.x ?? 0)) / 2, y: ((ends[0]?.y ?? 0) + (ends[1]?.y ?? 0)) / 2 }
        : (element as NodeSingular).position();
      const label = String(element.style('label') ?? '');
      const drawn = label !== '' && !element.hasClass('ag-label-hidden');
      return {
        id: element.id(),
        visible: element.visible(),
        opacity: element.effectiveOpacity(),
        selected: element.hasClass('ag-selected'),
        touching: element.hasClass('ag-touching'),
        label: drawn ? label : '',
        labelPx: drawn ? Number.parseFloat(String(element.style('font-size'))) * cy.zoom() : 0,
        width: element.isEdge() ? Number.parseFloat(String(element.style('width'))) * cy.zoom() : 0,
        size: element.isNode() ? (element as NodeSingular).width() : 0,
        fill: element.isNode() ? hexColour(String(element.style('background-color'))) : '',
        x: point.x,
        y: point.y,
      };
    };
    return { zoom: cy.zoom(), nodes: cy.nodes().map(read), edges: cy.edges().map(read) };
  }
}

/**
 * Cytoscape adds a <style> element to the page's head unless an element with
 * this id exists; the Content-Security-Policy refuses inline styles, so that
 * would be a violation. The rule it adds (position: relative on the
 * container) is in our own styles already.
 */
export function markCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  document.head.append(marker);
}

/**
 * An actor's name below, above, right and left of it (model units): found
 * from where it is drawn now (`placement`: undefined when below, else the
 * index in LABEL_PLACEMENT_CLASSES), the same size and the same distance
 * from the actor's centre on every side.
 */
export function labelSpots(
  label: LabelSpot,
  centre: { x: number; y: number },
  placement: number | undefined,
): [LabelSpot, LabelSpot, LabelSpot, LabelSpot] {
  const width = label.x2 - label.x1;
  const height = label.y2 - label.y1;
  const { x, y } = centre;
  const distance =
    placement === 0 ? y - label.y2 : placement === 1 ? label.x1 - x : placement === 2 ? x - label.x2 : label.y1 - y;
  return [
    { x1: x - width / 2, y1: y + distance, x2: x + width / 2, y2: y + distance + height },
    { x1: x - width / 2, y1: y - distance - height, x2: x + width / 2, y2: y - distance },
    { x1: x + distance, y1: y - height / 2, x2: x + distance + width, y2: y + height / 2 },
    { x1: x - distance - width, y1: y - height / 2, x2: x - distance, y2: y + height / 2 },
  ];
}

/** Cytoscape's renderer on this page (renderer-choice.ts), chosen when the first instance is created. */
let rendererInUse: RendererName | null = null;

/**
 * A zoom Cytoscape accepts: it ignores a zoom outside its limits (and keeps
 * the old one) while still taking the pan computed for it, which would leave
 * a large graph off-centre and cut.
 */
function clampZoom(cy: Core, zoom: number): number {
  return Math.min(cy.maxZoom(), Math.max(cy.minZoom(), zoom));
}

/** The view state of an element as one number (see setClasses). */
function stateMask(shown: boolean, dimmed: boolean, selected: boolean, touching: boolean): number {
  return (shown ? 0 : 1) | (dimmed ? 2 : 0) | (selected ? 4 : 0) | (touching ? 8 : 0);
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * Sets `field` on the nodes whose wanted value differs from the one applied,
 * and removes it from those no longer wanted; nodes not drawn (yet) are left
 * for the next call. Returns whether any node changed.
 */
function syncNodeData<T extends string | number>(
  cy: Core,
  field: string,
  wanted: ReadonlyMap<string, T> | null,
  applied: Map<string, T>,
): boolean {
  let changed = false;
  for (const id of [...applied.keys()]) {
    if (wanted?.has(id)) continue;
    const node = cy.getElementById(id);
    if (node.nonempty()) node.removeData(field);
    applied.delete(id);
    changed = true;
  }
  for (const [id, value] of wanted ?? []) {
    if (applied.get(id) === value) continue;
    const node = cy.getElementById(id);
    if (node.empty() || !node.isNode()) continue;
    node.data(field, value);
    applied.set(id, value);
    changed = true;
  }
  return changed;
}

/** "rgb(0,114,178)" as Cytoscape gives a colour, as "#0072b2". */
function hexColour(colour: string): string {
  const parts = colour.match(/\d+/g);
  if (!colour.startsWith('rgb') || !parts || parts.length < 3) return colour;
  return `#${parts
    .slice(0, 3)
    .map((part) => Number(part).toString(16).padStart(2, '0'))
    .join('')}`;
}
