import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { GraphController, type HoverInfo, type PngOptions } from '../cy/graph-controller.ts';
import type { VisibleSubgraph } from '../model/filter.ts';
import type { Graph } from '../model/graph.ts';
import type { Neighbourhood } from '../model/neighbourhood.ts';
import { type GraphIndex, relationSentence } from '../model/queries.ts';
import type { Selection } from '../model/view-state.ts';
import { emit } from './events.ts';

/**
 * The graph drawing. Renders one container for Cytoscape (owned by a
 * GraphController, never re-created by Lit) and a hover tooltip.
 *
 * @fires ag-select - an actor, a relation or the background was clicked
 * @fires ag-focus - an actor was double-clicked
 * @fires ag-graph-drawn - a newly set graph has been laid out and drawn
 */
@customElement('ag-graph-view')
export class AgGraphView extends LitElement {
  static override styles = css`
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
  `;

  @property({ attribute: false }) graph: Graph | null = null;
  @property({ attribute: false }) index: GraphIndex | null = null;
  @property({ attribute: false }) visible: VisibleSubgraph | null = null;
  @property({ attribute: false }) neighbourhood: Neighbourhood | null = null;
  @property({ attribute: false }) selection: Selection = null;

  @state() private hover: HoverInfo | null = null;
  @state() private layoutRunning = false;
  @state() private layoutSlow = false;

  private controller: GraphController | null = null;
  private slowTimer = 0;
  /** Resolves when the graph that was last set is drawn. */
  drawn: Promise<void> = Promise.resolve();

  override render() {
    return html`
      <div id="cy" role="img" aria-label=${this.graphDescription()}></div>
      ${
        this.layoutRunning && this.layoutSlow
          ? html`<div class="progress" role="status"><span class="spinner"></span>Laying out ${this.graph?.actors.length ?? 0} actors…</div>`
          : nothing
      }
      ${this.renderTooltip()}
    `;
  }

  private graphDescription(): string {
    if (!this.graph || !this.visible) return 'Graph';
    return `Graph of ${this.visible.actorIds.size} actors and ${this.visible.relationIds.size} relations; the table view lists them for keyboard and screen-reader use`;
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
      const relationCount = this.graph?.relations.filter((r) => r.from === actor.id || r.to === actor.id).length ?? 0;
      title = actor.label;
      detail = `${index.kindLabelById.get(actor.kind) ?? actor.kind} · ${relationCount} relation${relationCount === 1 ? '' : 's'}`;
    } else {
      const relation = index.relationById.get(hover.id);
      if (!relation) return nothing;
      title = relationSentence(index, relation);
      const count = relation.evidence.length;
      detail = `${relation.date ? `${relation.date} · ` : ''}${count} evidence item${count === 1 ? '' : 's'}`;
    }
    return html`<div class="tooltip" role="tooltip" style="left:${hover.x}px;top:${hover.y}px">${title}<br /><small>${detail}</small></div>`;
  }

  override firstUpdated(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('#cy');
    if (!container) return;
    this.controller = new GraphController(container, {
      select: (selection) => emit(this, 'ag-select', { selection, centre: false }),
      focus: (actorId) => emit(this, 'ag-focus', { actorId, hops: 1 }),
      hover: (info) => (this.hover = info),
      layoutRunning: (running) => {
        this.layoutRunning = running;
        // Progress is shown only for layouts that take long enough to notice.
        window.clearTimeout(this.slowTimer);
        this.layoutSlow = false;
        if (running) this.slowTimer = window.setTimeout(() => (this.layoutSlow = true), 300);
      },
    });
  }

  override updated(changed: PropertyValues<this>): void {
    const controller = this.controller;
    if (!controller || !this.graph || !this.visible) return;
    if (changed.has('graph')) {
      const graph = this.graph;
      this.drawn = controller
        .setGraph(graph)
        .then(async () => {
          if (this.graph !== graph || !this.visible) return;
          await controller.applyView(this.visible, this.neighbourhood, this.selection);
          // Without animation: the first picture is final when 'drawn' resolves.
          await controller.fit(undefined, false);
          performance.mark('ag:graph-drawn');
          this.dispatchEvent(new Event('ag-graph-drawn', { bubbles: true, composed: true }));
        })
        .catch((error: unknown) => {
          // The layout worker failed: the nodes stay where they are, and later updates still apply.
          console.error('The graph could not be laid out', error);
        });
    } else if (changed.has('visible') || changed.has('neighbourhood') || changed.has('selection')) {
      void this.drawn.then(() => {
        if (!this.visible) return;
        return controller.applyView(this.visible, this.neighbourhood, this.selection).then(() => {
          if (changed.has('visible')) performance.mark('ag:filter-drawn');
        });
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this.slowTimer);
    this.controller?.destroy();
    this.controller = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a move in the DOM: a new controller, and the graph drawn again.
    if (this.hasUpdated && !this.controller) {
      this.firstUpdated();
      this.requestUpdate('graph', null);
    }
  }

  centreOn(selection: Selection): Promise<void> {
    return this.drawn.then(() => this.controller?.centreOn(selection));
  }

  fitTo(ids?: ReadonlySet<string>): Promise<void> {
    return this.drawn.then(() => this.controller?.fit(ids));
  }

  relayout(): Promise<void> {
    return this.drawn.then(() => this.controller?.relayout());
  }

  async png(options: PngOptions) {
    await this.drawn;
    if (!this.controller) throw new Error('The graph is not drawn yet');
    return this.controller.png(options);
  }

  /** Every visible actor's box with its label, in px relative to this element (for tests). */
  async renderedNodeBoxes() {
    await this.drawn;
    return this.controller?.renderedNodeBoxes() ?? { zoom: 1, boxes: [] };
  }

  /** Where an actor or relation is drawn, in px relative to this element. */
  async renderedPositionOf(id: string) {
    await this.drawn;
    return this.controller?.renderedPositionOf(id) ?? null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-graph-view': AgGraphView;
  }
}
