import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  type CanvasState,
  type ConnectHandle,
  type ExportScene,
  GraphController,
  HANDLE_RADIUS,
  type HoverInfo,
} from '../cy/graph-controller.ts';
import { corroborationLine } from '../model/corroboration.ts';
import { arrowDirection, arrowStep, closestTo, type Direction, type Point } from '../model/direction.ts';
import type { VisibleSubgraph } from '../model/filter.ts';
import type { Graph, Position } from '../model/graph.ts';
import type { Neighbourhood } from '../model/neighbourhood.ts';
import { type GraphIndex, relationSentence, relationsOf } from '../model/queries.ts';
import type { ExportScope } from '../model/snapshot-content.ts';
import type { CameraRequest, Selection, Viewport } from '../model/view.ts';
import { cssomStyle } from './cssom-style.ts';
import { emit } from './events.ts';
import { visuallyHidden } from './shared-styles.ts';

/** The actors and relations the search finds (the search box's ag-search-hits). */
export interface SearchHits {
  actorIds: readonly string[];
  relationIds: readonly string[];
}

export const NO_SEARCH_HITS: SearchHits = { actorIds: [], relationIds: [] };

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * The graph drawing. Renders one container for Cytoscape, owned by a
 * GraphController (a Lit ReactiveController, never re-created by a render),
 * and a hover tooltip.
 *
 * The container is a Tab stop. The arrow keys move the selection to the
 * nearest actor drawn in that direction, along a drawn relation when one
 * leads that way (`arrowStep`), and centre it; with nothing selected, the
 * first arrow selects the actor drawn closest to the middle of the view.
 * Actors hidden by the filters, and those dimmed by a focus, are never
 * chosen: the keys stay inside the neighbourhood in focus. Enter sends
 * focus to the evidence of the selection; Escape (the app's) clears it.
 *
 * In edit mode (`editing`), the actor under the pointer, or else the
 * selected one, shows a round handle at its top right: dragging from it to
 * another actor proposes a relation between them (dragging the actor itself
 * still moves it). From the keyboard: c on the selected actor marks it as
 * the start, c on a second selected actor proposes the relation, Escape
 * cancels. The view adds nothing to the graph: the app asks for evidence.
 *
 * @fires ag-select - an actor, a relation or the background was clicked, an arrow key moved the
 *   selection, or Enter asked for the evidence
 * @fires ag-focus - an actor was double-clicked
 * @fires ag-graph-drawn - a newly set graph has been laid out and drawn
 * @fires ag-actors-moved - the analyst finished dragging actors (their new positions)
 * @fires ag-connect - edit mode: a relation was proposed from one actor to another
 */
@customElement('ag-graph-view')
export class AgGraphView extends LitElement {
  static override styles = [
    visuallyHidden,
    css`
      :host {
        display: block;
        position: relative;
        min-height: 200px;
        background: #fff;
      }
      #cy {
        position: absolute;
        inset: 0;
      }
      #cy:focus {
        outline: none;
      }
      /* Over Cytoscape's canvases, which would cover an outline of the container. */
      #cy:focus-visible::after {
        content: "";
        position: absolute;
        inset: 0;
        z-index: 4;
        pointer-events: none;
        border: 3px solid var(--ag-accent, #1f5fbf);
        box-shadow: inset 0 0 0 1px #fff;
      }
      .tooltip {
        position: absolute;
        z-index: 5;
        pointer-events: none;
        max-width: 280px;
        background: #1c2230;
        color: #fff;
        font-size: 12px;
        line-height: 1.35;
        padding: 4px 8px;
        border-radius: 4px;
        transform: translate(12px, 12px);
        box-shadow: 0 2px 6px rgb(0 0 0 / 0.25);
        overflow-wrap: anywhere;
      }
      .tooltip small {
        color: #c8d0dc;
      }
      .progress {
        position: absolute;
        top: 12px;
        left: 50%;
        transform: translateX(-50%);
        z-index: 6;
        background: #fff;
        border: 1px solid var(--ag-border, #ccc);
        border-radius: 999px;
        padding: 6px 14px;
        font-size: 13px;
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.12);
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .spinner {
        width: 12px;
        height: 12px;
        border-radius: 50%;
        border: 2px solid #c5d3ea;
        border-top-color: var(--ag-accent, #1f5fbf);
        animation: spin 0.8s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      /* Over the canvases (z-index 1-3), under the tooltip; the canvas below takes the press. */
      .connect-handle {
        position: absolute;
        z-index: 4;
        pointer-events: none;
        box-sizing: border-box;
        width: var(--handle-size);
        height: var(--handle-size);
        margin: calc(var(--handle-size) / -2) 0 0 calc(var(--handle-size) / -2);
        border-radius: 50%;
        background: var(--ag-accent, #1f5fbf);
        border: 2px solid #fff;
        box-shadow:
          0 0 0 1px var(--ag-accent, #1f5fbf),
          0 1px 3px rgb(0 0 0 / 0.35);
      }
      .edit-hint {
        position: absolute;
        z-index: 4;
        left: 50%;
        bottom: 8px;
        transform: translateX(-50%);
        max-width: calc(100% - 24px);
        margin: 0;
        padding: 3px 12px;
        pointer-events: none;
        font-size: 12px;
        line-height: 1.4;
        color: var(--ag-text, #1c2230);
        background: rgb(255 255 255 / 0.92);
        border: 1px solid var(--ag-border, #d5dae1);
        border-radius: 999px;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .edit-hint .dot {
        color: var(--ag-accent, #1f5fbf);
        font-size: 1.3em;
        line-height: 0;
        vertical-align: -0.08em;
      }
    `,
  ];

  @property({ attribute: false }) graph: Graph | null = null;
  /**
   * Which opened file the graph belongs to: a new value lays the graph out
   * afresh; the same value with a new graph (an edit) updates it in place,
   * so that what stayed keeps its place.
   */
  @property({ attribute: false }) fileSerial = 0;
  @property({ attribute: false }) index: GraphIndex | null = null;
  @property({ attribute: false }) visible: VisibleSubgraph | null = null;
  @property({ attribute: false }) neighbourhood: Neighbourhood | null = null;
  @property({ attribute: false }) selection: Selection = null;
  /** Pixels at the right covered by a panel over the graph (narrow windows): the selection is kept clear of them. */
  @property({ attribute: false }) obscuredRight = 0;
  /** A camera move asked for by the view; each new request object is carried out once. */
  @property({ attribute: false }) camera: CameraRequest | null = null;
  /** What the search box's query finds, marked in the graph. */
  @property({ attribute: false }) searchHits: SearchHits = NO_SEARCH_HITS;
  /**
   * Each actor's node size in px at zoom 1 (sizesFor in model/centrality.ts); an actor not in the map, and
   * every actor with null, has the usual size. A new file drops the sizes set for the last one.
   */
  @property({ attribute: false }) actorSizes: ReadonlyMap<string, number> | null = null;
  /** Each actor's fill (communityColours), instead of its kind's colour; null: the kinds' colours. */
  @property({ attribute: false }) actorColours: ReadonlyMap<string, string> | null = null;
  /** Edit mode: actors can be connected (by their handle, or with c); the app adds nothing without evidence. */
  @property({ type: Boolean, reflect: true }) editing = false;

  @state() private hover: HoverInfo | null = null;
  @state() private layoutRunning = false;
  @state() private layoutSlow = false;
  /** How many of the most connected actors are shown while the whole graph is laid out (0: none). */
  @state() private previewActors = 0;
  /** Said by screen readers after an arrow key moved the selection, or a step of connecting from the keyboard. */
  @state() private announcement = '';
  /** Edit mode: the handle shown on an actor, to drag a connection from. */
  @state() private connectHandle: ConnectHandle | null = null;
  /** Edit mode: the actor a connection chosen from the keyboard starts at (c pressed once). */
  @state() private connectFrom: string | null = null;
  /** The actor marked in the graph as where the connection starts. */
  private markedConnectFrom: string | null = null;
  /** The sizes and colours last given to the controller. */
  private sentSizes: ReadonlyMap<string, number> | null = null;
  private sentColours: ReadonlyMap<string, string> | null = null;

  private readonly controller = new GraphController(this, () => this.renderRoot.querySelector<HTMLElement>('#cy'), {
    select: (selection) => emit(this, 'ag-select', { selection, centre: false }),
    focus: (actorId) => emit(this, 'ag-focus', { actorId, hops: 1, toggle: false }),
    hover: (info) => {
      this.hover = info;
    },
    layoutRunning: (running) => {
      this.layoutRunning = running;
      // Progress is shown only for layouts that take long enough to notice.
      window.clearTimeout(this.slowTimer);
      this.layoutSlow = false;
      if (running) {
        this.slowTimer = window.setTimeout(() => {
          this.layoutSlow = true;
        }, 300);
      }
    },
    previewShown: (actors) => {
      this.previewActors = actors;
    },
    actorsMoved: (positions) => emit(this, 'ag-actors-moved', { positions }),
    connect: (from, to) => emit(this, 'ag-connect', { from, to }),
    connectHandle: (handle) => {
      this.connectHandle = handle;
    },
  });
  private slowTimer = 0;
  private drawnGraph: Graph | null = null;
  private drawnSerial = 0;
  /** The last camera request carried out (or queued). */
  private cameraTaken: CameraRequest | null = null;
  /** Resolves when the graph that was last set is drawn (laid out, filters applied, fitted). */
  drawn: Promise<void> = Promise.resolve();
  /** The view changes and camera moves asked for since, applied one after another. */
  private steps: Promise<void> = Promise.resolve();

  override render() {
    const actors = this.graph?.actors.length ?? 0;
    return html`
      <div id="cy" tabindex="0" role="application" aria-roledescription="graph" aria-label=${this.graphDescription()}
        @keydown=${this.handleKeydown}></div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${
        this.layoutRunning && this.layoutSlow
          ? html`<div class="progress" role="status"><span class="spinner"></span>Laying out
              ${actors.toLocaleString('en')} actors…${
                this.previewActors > 0
                  ? ` Meanwhile, the ${this.previewActors} with the most relations, laid out on their own.`
                  : ''
              }</div>`
          : nothing
      }
      ${this.renderEditing()}
      ${this.renderTooltip()}
    `;
  }

  /** Edit mode: the handle of the actor under the pointer, and a line saying how to connect actors. */
  private renderEditing() {
    if (!this.editing) return nothing;
    const handle = this.connectHandle;
    // Through the CSSOM: an inline style attribute is what the CSP forbids.
    const place = handle
      ? cssomStyle({ left: `${handle.x}px`, top: `${handle.y}px`, '--handle-size': `${2 * HANDLE_RADIUS}px` })
      : nothing;
    const from = this.connectFrom;
    return html`
      ${handle ? html`<div class="connect-handle" data-actor=${handle.actorId} style=${place}></div>` : nothing}
      <p class="edit-hint">
        ${
          from === null
            ? html`Drag from the <span class="dot">●</span> handle of an actor to another to connect them`
            : this.connectFromPrompt(from)
        }
      </p>
    `;
  }

  private actorLabel(actorId: string): string {
    return this.index?.actorById.get(actorId)?.label ?? actorId;
  }

  private connectFromPrompt(from: string): string {
    return `Connect from ${this.actorLabel(from)}: select the other actor and press c again, Escape cancels`;
  }

  private graphDescription(): string {
    if (!this.graph || !this.visible) return 'Graph';
    const { actorIds, relationIds } = this.visible;
    const shown = `${plural(actorIds.size, 'actor')} and ${plural(relationIds.size, 'relation')}`;
    const selected = this.selectionName();
    const keys = selected
      ? `Selected: ${selected}. Arrow keys move the selection to the nearest actor that way, ` +
        'Enter reads its evidence, Escape clears it'
      : 'Arrow keys select an actor and move between actors, Enter reads the evidence';
    const connect = this.editing ? '. To connect two actors, press c on each in turn' : '';
    return `Graph of ${shown}. ${keys}${connect}. The table view lists every relation`;
  }

  /** The selected actor's label, or the selected relation's sentence; '' when nothing is selected. */
  private selectionName(): string {
    const selection = this.selection;
    const index = this.index;
    if (!selection || !index) return '';
    if (selection.kind === 'actor') return index.actorById.get(selection.id)?.label ?? '';
    const relation = index.relationById.get(selection.id);
    return relation ? relationSentence(index, relation) : '';
  }

  /** Moves keyboard focus to the graph (the skip link). */
  focusCanvas(): void {
    this.renderRoot.querySelector<HTMLElement>('#cy')?.focus();
  }

  private async handleKeydown(event: KeyboardEvent): Promise<void> {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (this.editing && (event.key === 'c' || event.key === 'C')) {
      event.preventDefault();
      this.connectFromKeyboard();
      return;
    }
    if (event.key === 'Escape' && this.connectFrom !== null) {
      // Escape ends the connection only; the selection (the app's Escape) stays.
      event.stopPropagation();
      this.cancelConnect();
      this.announcement = 'Connecting cancelled';
      return;
    }
    if (event.key === 'Enter') {
      // The selection stays; focus goes on to its evidence.
      if (this.selection) emit(this, 'ag-select', { selection: this.selection, centre: false, moveFocus: true });
      return;
    }
    const direction = arrowDirection(event.key);
    if (!direction) return;
    // Arrow keys move the selection, not the page.
    event.preventDefault();
    const actorId = await this.actorInDirection(direction);
    if (!actorId) return;
    emit(this, 'ag-select', { selection: { kind: 'actor', id: actorId }, centre: true });
    this.announcement = `Selected: ${this.index?.actorById.get(actorId)?.label ?? actorId}`;
  }

  /** c: the selected actor starts a connection, or ends the one started (the app then asks for evidence). */
  private connectFromKeyboard(): void {
    const selection = this.selection;
    const from = this.connectFrom;
    if (selection?.kind !== 'actor') {
      this.announcement =
        from === null ? 'Select an actor first, then press c to connect it' : this.connectFromPrompt(from);
      return;
    }
    if (from === null || from === selection.id) {
      this.connectFrom = selection.id;
      this.announcement = this.connectFromPrompt(selection.id);
      return;
    }
    this.cancelConnect();
    this.announcement = `Connecting ${this.actorLabel(from)} to ${this.actorLabel(selection.id)}`;
    emit(this, 'ag-connect', { from, to: selection.id });
  }

  private cancelConnect(): void {
    this.connectFrom = null;
  }

  /** Where an arrow key takes the selection; null when nothing lies that way. */
  private async actorInDirection(direction: Direction): Promise<string | null> {
    const drawn = await this.controller.renderedActorPositions();
    const candidates = drawn.filter((actor) => !actor.dimmed);
    const selection = this.selection;
    let from: (Point & { id?: string }) | null = null;
    let linked: ReadonlySet<string> = new Set();
    if (selection?.kind === 'actor') {
      from = drawn.find((actor) => actor.id === selection.id) ?? null;
      linked = this.linkedActors(selection.id);
    } else if (selection?.kind === 'relation' && this.visible?.relationIds.has(selection.id)) {
      // From a relation, its two ends come first.
      from = await this.controller.renderedPositionOf(selection.id);
      const relation = this.index?.relationById.get(selection.id);
      linked = new Set(relation ? [relation.from, relation.to] : []);
    }
    if (!from) {
      const box = this.getBoundingClientRect();
      return closestTo({ x: box.width / 2, y: box.height / 2 }, candidates)?.id ?? null;
    }
    return arrowStep(from, candidates, linked, direction)?.id ?? null;
  }

  /** The actors joined to this one by a relation that is drawn (and not dimmed by a focus). */
  private linkedActors(actorId: string): Set<string> {
    const linked = new Set<string>();
    if (!this.index || !this.visible) return linked;
    for (const relation of relationsOf(this.index, actorId)) {
      if (!this.visible.relationIds.has(relation.id)) continue;
      if (this.neighbourhood && !this.neighbourhood.relationIds.has(relation.id)) continue;
      linked.add(relation.from === actorId ? relation.to : relation.from);
    }
    return linked;
  }

  private renderTooltip() {
    const hover = this.hover;
    const index = this.index;
    if (!hover || !index) return nothing;
    let title = '';
    let detail = '';
    if (hover.kind === 'actor') {
      const actor = index.actorById.get(hover.id);
      if (!actor) return nothing;
      title = actor.label;
      const kind = index.kindLabelById.get(actor.kind) ?? actor.kind;
      detail = `${kind} · ${plural(relationsOf(index, actor.id).length, 'relation')}`;
    } else {
      const relation = index.relationById.get(hover.id);
      if (!relation) return nothing;
      title = relationSentence(index, relation);
      const corroboration = index.corroborationById.get(relation.id);
      const support = corroboration
        ? corroborationLine(corroboration)
        : plural(relation.evidence.length, 'evidence item');
      detail = `${relation.date ? `${relation.date} · ` : ''}${support}`;
    }
    // Through the CSSOM: an inline style attribute is what the CSP forbids.
    const position = cssomStyle({ left: `${hover.x}px`, top: `${hover.y}px` });
    return html`<div class="tooltip" role="tooltip" style=${position}>${title}<br /><small>${detail}</small></div>`;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // A connection started from the keyboard ends with edit mode, with a new file, and when its actor is removed.
    const from = this.connectFrom;
    if (
      from !== null &&
      (!this.editing || changed.has('fileSerial') || (changed.has('index') && !this.index?.actorById.has(from)))
    ) {
      this.cancelConnect();
    }
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('editing')) this.controller.setEditing(this.editing);
    if (this.connectFrom !== this.markedConnectFrom) {
      this.markedConnectFrom = this.connectFrom;
      this.controller.markConnectFrom(this.connectFrom);
    }
    if (changed.has('searchHits')) {
      this.controller.setSearchHits(new Set([...this.searchHits.actorIds, ...this.searchHits.relationIds]));
    }
    const graph = this.graph;
    const visible = this.visible;
    if (!graph || !visible) return;
    const controller = this.controller;
    controller.setObscuredRight(this.obscuredRight);
    if (graph !== this.drawnGraph || this.fileSerial !== this.drawnSerial) {
      const update = this.fileSerial !== this.drawnSerial || this.drawnGraph === null ? 'fresh' : 'in-place';
      this.drawnGraph = graph;
      this.drawnSerial = this.fileSerial;
      void controller.applyView(visible, this.neighbourhood, this.selection);
      this.drawn = controller
        .setGraph(graph, update)
        .then(async () => {
          if (this.graph !== graph || !this.visible) return;
          await controller.applyView(this.visible, this.neighbourhood, this.selection);
          // Without animation: the first picture is final when 'drawn' resolves.
          // A graph laid out afresh is fitted as it is drawn; one with saved positions is fitted now.
          if (update === 'fresh' && !controller.fittedOnDraw(graph)) await controller.fit(undefined, false);
          performance.mark('ag:graph-drawn');
          emit(this, 'ag-graph-drawn', { actors: graph.actors.length, relations: graph.relations.length });
        })
        .catch((error: unknown) => {
          // The layout worker failed: the nodes stay where they are, and later updates still apply.
          console.error('The graph could not be laid out', error);
        });
      this.steps = this.drawn;
    } else if (changed.has('visible') || changed.has('neighbourhood') || changed.has('selection')) {
      this.afterDrawn(async () => {
        if (!this.visible) return;
        await controller.applyView(this.visible, this.neighbourhood, this.selection);
        if (changed.has('visible')) performance.mark('ag:filter-drawn');
      });
    }
    // After setGraph, which drops a previous file's sizes and colours: these are the new file's, if given with it.
    if (this.actorSizes !== this.sentSizes) {
      this.sentSizes = this.actorSizes;
      controller.setActorSizes(this.actorSizes);
    }
    if (this.actorColours !== this.sentColours) {
      this.sentColours = this.actorColours;
      controller.setActorColours(this.actorColours);
    }
    // After the view is applied: a fit must see what the new filters show.
    // Each request once, also one made before the graph arrived (a shared link's focus).
    if (this.camera && this.camera !== this.cameraTaken) {
      const camera = this.camera;
      this.cameraTaken = camera;
      this.afterDrawn(() => this.moveCamera(camera));
    } else if ((changed.has('selection') || changed.has('obscuredRight')) && this.obscuredRight > 0) {
      const selection = this.selection;
      this.afterDrawn(() => controller.revealIfCovered(selection));
    }
  }

  /** Runs after the graph is drawn and after every earlier step, in order. */
  private afterDrawn(step: () => Promise<void>): void {
    this.steps = this.steps.then(step).catch((error: unknown) => console.error('The view could not be updated', error));
  }

  private async moveCamera(camera: CameraRequest): Promise<void> {
    // A hidden view (the table is shown) has no size to fit into; a newer request replaces this one.
    if (this.camera !== camera || this.hidden) return;
    if (camera.kind === 'centre') await this.controller.centreOn(camera.target);
    else if (camera.kind === 'viewport') await this.controller.setViewport(camera.viewport);
    else await this.controller.fit(camera.scope === 'focus' ? this.neighbourhood?.actorIds : undefined);
  }

  /**
   * Where every actor is drawn now, in graph coordinates rounded to 0.1 (as
   * `ag-actors-moved` reports them): the picture, to save into the file's layout.
   */
  async currentPositions(): Promise<Record<string, Position>> {
    await this.drawn;
    return this.controller.currentPositions();
  }

  /** The zoom and pan now (null before the graph is drawn), for the history entry the analyst leaves. */
  viewport(): Viewport | null {
    return this.controller.viewport();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this.slowTimer);
  }

  fitTo(ids?: ReadonlySet<string>): Promise<void> {
    return this.drawn.then(() => this.controller.fit(ids));
  }

  relayout(): Promise<void> {
    return this.drawn.then(() => this.controller.relayout());
  }

  /** What an export of this scope draws, with positions as on screen (GraphController.exportScene). */
  async exportScene(kept: VisibleSubgraph, scope: ExportScope): Promise<ExportScene> {
    await this.drawn;
    return this.controller.exportScene(kept, scope);
  }

  /** Every visible actor's box with its label, in px relative to this element (for tests). */
  async renderedNodeBoxes() {
    await this.drawn;
    return this.controller.renderedNodeBoxes();
  }

  /** For tests: the labels drawn now (boxes in px relative to this element, font size on screen). */
  async drawnLabels() {
    await this.drawn;
    return this.controller.drawnLabels();
  }

  /** Where an actor or relation is drawn, in px relative to this element. */
  async renderedPositionOf(id: string) {
    await this.drawn;
    return this.controller.renderedPositionOf(id);
  }

  /** For tests: the actors and relations marked as search hits in Cytoscape, sorted. */
  async searchHitIds(): Promise<{ actors: string[]; relations: string[] }> {
    await this.drawn;
    return this.controller.searchHitIds();
  }

  /** The test hook: what the canvas shows, read from Cytoscape (hidden, dimmed, selected, labels). */
  async canvasState(): Promise<CanvasState> {
    await this.drawn;
    return this.controller.canvasState();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-graph-view': AgGraphView;
  }
}
