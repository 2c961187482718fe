import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ACTOR_SIZE_RANGE } from '../cy/stylesheet.ts';
import {
  type ActorScores,
  type CentralityResult,
  type Communities,
  formatScore,
  MEASURE_INFO,
  MEASURES,
  type Measure,
  measureRange,
  type RankingColumn,
  sortScores,
} from '../model/centrality-results.ts';
import type { Graph } from '../model/graph.ts';
import { COMMUNITY_COLOURS, OTHER_COMMUNITY_COLOUR } from '../model/palette.ts';
import { gridMove } from '../model/roving.ts';
import type { Selection } from '../model/view.ts';
import { emit } from './events.ts';
import { gridCellOf } from './grid-cell.ts';
import { visuallyHidden } from './shared-styles.ts';

/** Rows shown before "Show all": enough to see who leads, few enough to render at once on 5,000 actors. */
export const TOP_ROWS = 50;

/** The legend's circles are drawn at this fraction of the nodes' size at zoom 1 (the largest would crowd it). */
const LEGEND_SCALE = 0.5;

const plural = (count: number, noun: string, nouns = `${noun}s`) =>
  `${count.toLocaleString('en')} ${count === 1 ? noun : nouns}`;

/**
 * Who matters in what is shown: the visible actors ranked by degree (in and
 * out), betweenness, eigenvector centrality and PageRank, in a table sorted
 * by any column (its heading's button; again for the other direction). The
 * top TOP_ROWS are listed, all on request; the selected actor's row is
 * marked, and shown below the top rows when it is not among them. Above the
 * table: what to size the actors by, with a legend, and whether to colour
 * them by community. The app computes the result (in a worker) and passes it
 * down; the panel only shows it.
 *
 * The actors' buttons are one Tab stop (a roving tabindex): Up and Down, Home
 * and End move between them; Enter or Space selects.
 *
 * @fires ag-select - an actor's row was chosen (centred in the graph, focus stays in the table)
 * @fires ag-size-by - the analyst chose what to size the actors by (null: nothing)
 * @fires ag-colour-by-community - the analyst switched the colouring by community on or off
 */
@customElement('ag-ranking-panel')
export class AgRankingPanel extends LitElement {
  static override styles = [
    visuallyHidden,
    css`
      :host {
        display: block;
        overflow-y: auto;
        padding: 8px 8px 20px;
        font-size: 13.5px;
      }
      .heading {
        font-size: 12px;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--ag-muted);
        margin: 8px 0 6px;
      }
      .scope,
      .note {
        font-size: 12px;
        color: var(--ag-muted);
        margin: 0 0 6px;
      }
      .note.unavailable {
        color: var(--ag-warning, #8a5a00);
      }
      .computing {
        font-weight: 600;
        color: var(--ag-accent);
      }
      .control {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 6px 8px;
        align-items: center;
        margin: 0 0 6px;
      }
      select {
        font: inherit;
        font-size: 13px;
        padding: 2px 4px;
        border: 1px solid var(--ag-border);
        border-radius: 4px;
        background: #fff;
        min-width: 0;
        width: 100%;
      }
      label.check {
        display: grid;
        grid-template-columns: 18px 1fr;
        gap: 4px;
        align-items: center;
        cursor: pointer;
        margin: 4px 0;
      }
      .legend {
        display: flex;
        align-items: center;
        gap: 8px;
        font-size: 12px;
        color: var(--ag-muted);
        margin: 0 0 8px;
      }
      .legend svg {
        flex: none;
      }
      .communities {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 10px;
        font-size: 12px;
        color: var(--ag-muted);
        margin: 0 0 8px;
        padding: 0;
        list-style: none;
      }
      .swatch {
        display: inline-block;
        margin-right: 3px;
        vertical-align: -1px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        table-layout: fixed;
        font-size: 12px;
        margin-top: 4px;
      }
      table.stale {
        opacity: 0.55;
      }
      /* Widths for 4-digit counts and 2 or 3 decimals at 12px, so that names get the rest of 330 px. */
      col.count {
        width: 30px;
      }
      col.in {
        width: 27px;
      }
      col.fraction {
        width: 36px;
      }
      col.pagerank {
        width: 38px;
      }
      th {
        position: sticky;
        top: 0;
        background: var(--ag-surface-alt, #f4f6f9);
        border-bottom: 2px solid var(--ag-border);
        padding: 0;
        text-align: right;
      }
      th.name {
        text-align: left;
      }
      th button {
        all: unset;
        display: block;
        box-sizing: border-box;
        width: 100%;
        padding: 4px 2px;
        cursor: pointer;
        font-weight: 700;
        white-space: nowrap;
      }
      /* On a line of its own: beside a short heading it would not fit the narrow column. */
      th .arrow {
        display: block;
        font-size: 10px;
        line-height: 1;
        color: var(--ag-accent);
      }
      th button:focus-visible,
      td button:focus-visible {
        outline: 2px solid var(--ag-accent);
        outline-offset: -2px;
      }
      td {
        border-bottom: 1px solid var(--ag-border);
        padding: 4px 2px;
        text-align: right;
        vertical-align: top;
        font-variant-numeric: tabular-nums;
      }
      td.name {
        text-align: left;
        overflow-wrap: break-word;
        hyphens: auto;
      }
      .rank {
        color: var(--ag-muted);
        font-weight: 400;
      }
      tbody tr {
        cursor: pointer;
      }
      tbody tr:hover td {
        background: var(--ag-surface-alt, #f4f6f9);
      }
      tbody tr.selected td {
        background: var(--ag-accent-soft);
        font-weight: 600;
      }
      tbody tr.gap td {
        border-bottom: 0;
        text-align: center;
        color: var(--ag-muted);
        cursor: default;
        background: none;
      }
      td button {
        all: unset;
        cursor: pointer;
        color: var(--ag-accent);
        text-decoration: underline;
        text-underline-offset: 2px;
      }
      .more {
        font: inherit;
        font-size: 12.5px;
        margin-top: 8px;
        padding: 3px 10px;
        border: 1px solid var(--ag-border);
        border-radius: 4px;
        background: var(--ag-surface-alt, #f4f6f9);
        cursor: pointer;
      }
      .muted {
        color: var(--ag-muted);
      }
    `,
  ];

  @property({ attribute: false }) graph: Graph | null = null;
  /** The measures of the visible actors (computed by the app, in a worker for big graphs). */
  @property({ attribute: false }) result: CentralityResult | null = null;
  /** The communities of the same visible actors, for their count and colours. */
  @property({ attribute: false }) communities: Communities | null = null;
  /** A new result is being computed: the one shown is for the previous filters. */
  @property({ attribute: false }) computing = false;
  @property({ attribute: false }) sizeBy: Measure | null = null;
  @property({ attribute: false }) colourByCommunity = false;
  @property({ attribute: false }) selection: Selection = null;

  @state() private sortColumn: RankingColumn = 'degree';
  /** Measures start from the highest, names from A. */
  @state() private ascending = false;
  @state() private showAll = false;
  /** The actor whose button is in the Tab order (by id, so it survives sorting); null: the selected or first. */
  @state() private activeActorId: string | null = null;
  /** The actors' rows as last rendered, in their order on screen. */
  private shownRows: ActorScores[] = [];
  private labelsCache: { graph: Graph; labels: Map<string, string> } | null = null;

  /** Moves keyboard focus to the panel's first control (the skip link). */
  focusStart(): void {
    this.renderRoot.querySelector<HTMLElement>('select, input, button')?.focus();
  }

  private labels(graph: Graph): Map<string, string> {
    if (this.labelsCache?.graph !== graph) {
      this.labelsCache = { graph, labels: new Map(graph.actors.map((actor) => [actor.id, actor.label])) };
    }
    return this.labelsCache.labels;
  }

  override render() {
    const graph = this.graph;
    if (!graph) return nothing;
    const result = this.result;
    return html`
      <h2 class="heading">Who matters</h2>
      ${this.renderScope(result)}
      ${this.renderSizeControl(result)}
      ${this.renderCommunityControl()}
      ${result ? this.renderTable(result, this.labels(graph)) : nothing}
    `;
  }

  private renderScope(result: CentralityResult | null) {
    const status = this.computing ? html`<span class="computing">Computing…</span> ` : nothing;
    if (!result) {
      return html`<p class="scope" role="status">${this.computing ? status : 'No measures yet.'}</p>`;
    }
    const sample = result.betweennessSample;
    return html`
      <p class="scope" role="status">${status}Over the ${plural(result.actors.length, 'visible actor')}
        and their ${plural(result.relations, 'relation')}${this.computing ? ' (before the last change)' : ''}.</p>
      ${result.unavailable.map(
        ({ measure, reason }) => html`<p class="note unavailable">${capitalised(MEASURE_INFO[measure].label)}
          not computed: ${reason}.</p>`,
      )}
      ${
        sample === null
          ? nothing
          : html`<p class="note unavailable">Betweenness: estimated from the shortest paths of
            ${sample.toLocaleString('en')} of the ${result.actors.length.toLocaleString('en')} actors
            (a seeded sample; exact for fewer actors).</p>`
      }
    `;
  }

  private renderSizeControl(result: CentralityResult | null) {
    const unavailable = new Set(result?.unavailable.map((entry) => entry.measure));
    return html`
      <div class="control">
        <label for="size-by">Size actors by</label>
        <select id="size-by" @change=${this.handleSizeBy}>
          <option value="" ?selected=${this.sizeBy === null}>nothing (all the same)</option>
          ${MEASURES.map(
            (measure) => html`<option value=${measure} ?selected=${this.sizeBy === measure}
              ?disabled=${unavailable.has(measure)} title=${MEASURE_INFO[measure].explanation}>
              ${MEASURE_INFO[measure].label}${unavailable.has(measure) ? ' (not computed)' : ''}</option>`,
          )}
        </select>
      </div>
      ${this.renderSizeLegend(result)}
    `;
  }

  /** "Size: betweenness, smallest 0 → largest 0.56", between a small and a large circle. */
  private renderSizeLegend(result: CentralityResult | null) {
    const measure = this.sizeBy;
    if (!measure || !result) return nothing;
    const label = MEASURE_INFO[measure].label;
    const range = measureRange(result, measure);
    if (!range) return html`<p class="legend">Size: ${label} was not computed; every actor keeps its size.</p>`;
    if (range.min === range.max) {
      return html`<p class="legend">Size: ${label} is ${formatScore(range.min, measure)} for every actor;
        every actor keeps its size.</p>`;
    }
    const small = ACTOR_SIZE_RANGE.min * LEGEND_SCALE;
    const large = ACTOR_SIZE_RANGE.max * LEGEND_SCALE;
    return html`<p class="legend" aria-label="Size legend">
      ${circle(small)}
      <span>Size: ${label}, smallest ${formatScore(range.min, measure)} → largest
        ${formatScore(range.max, measure)}</span>
      ${circle(large)}
    </p>`;
  }

  private renderCommunityControl() {
    const communities = this.communities;
    const count = communities?.count ?? null;
    const modularity = communities?.modularity ?? null;
    const quality = modularity === null ? '' : `, modularity ${modularity.toFixed(2)}`;
    const counted = count === null ? '' : ` (${plural(count, 'community', 'communities')}${quality})`;
    return html`
      <label class="check" title="Communities (Louvain): groups of actors more tied among themselves than to others">
        <input type="checkbox" .checked=${this.colourByCommunity} ?disabled=${communities === null}
          @change=${this.handleColourByCommunity} />
        <span>Colour actors by community${counted}</span>
      </label>
      ${this.colourByCommunity && communities ? this.renderCommunityKey(communities) : nothing}
    `;
  }

  /** Each coloured community's swatch and size, and the grey of the rest. */
  private renderCommunityKey(communities: Communities) {
    const coloured = communities.sizes
      .slice(0, COMMUNITY_COLOURS.length)
      .map((size, index) => ({ size, colour: COMMUNITY_COLOURS[index] ?? OTHER_COMMUNITY_COLOUR }))
      .filter(({ size }) => size > 1);
    const others = communities.sizes.slice(coloured.length);
    const othersCount = others.reduce((total, size) => total + size, 0);
    return html`
      <ul class="communities" aria-label="Community colours">
        ${coloured.map(({ size, colour }) => html`<li>${swatch(colour)}${size}</li>`)}
        ${
          othersCount > 0
            ? html`<li>${swatch(OTHER_COMMUNITY_COLOUR)}${othersCount}
              in ${plural(others.length, 'smaller group')}</li>`
            : nothing
        }
      </ul>
      <p class="note">Shapes still show the actors’ kinds; their colours now show communities.</p>
    `;
  }

  private renderTable(result: CentralityResult, labels: ReadonlyMap<string, string>) {
    const sorted = sortScores(result, this.sortColumn, this.ascending, labels);
    const top = this.showAll ? sorted : sorted.slice(0, TOP_ROWS);
    const selectedId = this.selection?.kind === 'actor' ? this.selection.id : null;
    const selectedRank = selectedId === null ? -1 : sorted.findIndex((scores) => scores.id === selectedId);
    // The selected actor stays in sight below the top rows, with its rank.
    const extra = selectedRank >= top.length ? sorted[selectedRank] : undefined;
    const rows = extra ? [...top, extra] : top;
    this.shownRows = rows;
    const activeId = this.activeActorId ?? selectedId;
    const activeIndex = Math.max(
      0,
      rows.findIndex((scores) => scores.id === activeId),
    );
    const unavailable = new Set(result.unavailable.map((entry) => entry.measure));
    const columnName = this.sortColumn === 'actor' ? 'name' : MEASURE_INFO[this.sortColumn].label;
    return html`
      <table class=${this.computing ? 'stale' : ''}>
        <caption class="visually-hidden">
          The visible actors by ${columnName}; choose a column heading to sort, an actor to select it.
        </caption>
        <colgroup>
          <col />
          <col class="count" /><col class="in" /><col class="count" />
          <col class="fraction" /><col class="fraction" /><col class="pagerank" />
        </colgroup>
        <thead><tr>
          ${this.renderHeading('actor', 'Actor', 'Actor', 'The actor’s name (A to Z)')}
          ${MEASURES.map((measure) => {
            const info = MEASURE_INFO[measure];
            const why = unavailable.has(measure) ? ' Not computed for this view.' : '';
            return this.renderHeading(measure, info.short, info.label, `${info.explanation}${why}`);
          })}
        </tr></thead>
        <tbody @keydown=${this.handleKeydown} @focusin=${this.handleFocusIn}>
          ${rows.map((scores, index) => {
            // Rows are in rank order; the selected actor shown after the top rows says its rank.
            const rank = index < top.length ? nothing : html`<span class="rank">${selectedRank + 1}.</span> `;
            const gap =
              index === top.length && extra
                ? html`<tr class="gap" aria-hidden="true"><td colspan="7">…</td></tr>`
                : nothing;
            const selected = scores.id === selectedId;
            const name = labels.get(scores.id) ?? scores.id;
            return html`${gap}<tr class=${selected ? 'selected' : ''} data-actor=${scores.id}
              @click=${() => this.select(scores.id)}>
              <td class="name">${rank}<button data-row=${index} data-column="0"
                tabindex=${index === activeIndex ? 0 : -1}
                aria-current=${selected ? 'true' : 'false'}
                @click=${(event: Event) => {
                  event.stopPropagation();
                  this.select(scores.id);
                }}>${name}</button></td>
              ${MEASURES.map((measure) => html`<td>${formatScore(scores[measure], measure)}</td>`)}
            </tr>`;
          })}
        </tbody>
      </table>
      ${
        sorted.length > TOP_ROWS
          ? html`<button class="more" @click=${() => {
              this.showAll = !this.showAll;
            }}>${this.showAll ? `Show the top ${TOP_ROWS}` : `Show all ${plural(sorted.length, 'actor')}`}</button>`
          : nothing
      }
    `;
  }

  private renderHeading(column: RankingColumn, text: string, name: string, explanation: string) {
    const sorted = this.sortColumn === column;
    const order = this.ascending ? 'ascending' : 'descending';
    // A no-break space keeps the arrow's line in every heading, so that they all line up.
    const arrow = sorted ? (this.ascending ? '▲' : '▼') : '\u00a0';
    return html`<th scope="col" class=${column === 'actor' ? 'name' : ''} aria-sort=${sorted ? order : 'none'}
      title=${explanation}>
      <button aria-label="${name}: sort by it" data-column=${column} @click=${() => this.sortBy(column)}>
        ${text}<span class="arrow" aria-hidden="true">${arrow}</span></button>
    </th>`;
  }

  /** A new column sorts from the highest value (names from A); the same column again turns the order round. */
  private sortBy(column: RankingColumn): void {
    if (this.sortColumn === column) this.ascending = !this.ascending;
    else {
      this.sortColumn = column;
      this.ascending = column === 'actor';
    }
  }

  private select(actorId: string): void {
    this.activeActorId = actorId;
    emit(this, 'ag-select', { selection: { kind: 'actor', id: actorId }, centre: true, moveFocus: false });
  }

  private handleSizeBy(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    const measure = MEASURES.find((candidate) => candidate === value) ?? null;
    emit(this, 'ag-size-by', { measure });
  }

  private handleColourByCommunity(event: Event): void {
    emit(this, 'ag-colour-by-community', { on: (event.target as HTMLInputElement).checked });
  }

  private handleKeydown(event: KeyboardEvent): void {
    const from = gridCellOf(event.composedPath()[0]);
    if (!from) return;
    const to = gridMove(event.key, from, this.shownRows.length, 1);
    if (!to) return;
    event.preventDefault();
    this.activeActorId = this.shownRows[to.row]?.id ?? null;
    this.renderRoot.querySelector<HTMLElement>(`tbody button[data-row="${to.row}"]`)?.focus();
  }

  /** A click or Tab onto an actor's button makes it the table's Tab stop. */
  private handleFocusIn(event: FocusEvent): void {
    const cell = gridCellOf(event.composedPath()[0]);
    if (cell) this.activeActorId = this.shownRows[cell.row]?.id ?? null;
  }

  override updated(changed: PropertyValues<this>): void {
    // The selected actor's row is brought into view when the selection comes from elsewhere (the graph, a search).
    if (changed.has('selection') && this.selection?.kind === 'actor') {
      const row = [...this.renderRoot.querySelectorAll<HTMLElement>('tbody tr[data-actor]')].find(
        (element) => element.dataset.actor === this.selection?.id,
      );
      row?.scrollIntoView({ block: 'nearest' });
    }
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A legend circle of this diameter, px, filled like an actor of the default kind. */
function circle(diameter: number) {
  const size = Math.ceil(diameter) + 2;
  return html`<svg width=${size} height=${size} viewBox="0 0 ${size} ${size}" aria-hidden="true">
    <circle cx=${size / 2} cy=${size / 2} r=${diameter / 2} fill="#8a9099"></circle>
  </svg>`;
}

/** A community's colour, as a dot (an SVG fill: the CSP forbids inline style attributes). */
function swatch(colour: string) {
  return html`<svg class="swatch" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
    <circle cx="5" cy="5" r="5" fill=${colour}></circle>
  </svg>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-ranking-panel': AgRankingPanel;
  }
}
