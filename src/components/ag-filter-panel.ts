import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { defaultKindStyle, defaultTypeColor } from '../cy/palette.ts';
import { shapeSvgPath } from '../cy/shape-paths.ts';
import { countBy, DEFAULT_FILTERS, type FilterState, isDefaultFilters, RELIABILITY_ORDER } from '../model/filter.ts';
import {
  CREDIBILITY_WORDS,
  type Credibility,
  type Graph,
  RELIABILITY_WORDS,
  type Reliability,
} from '../model/graph.ts';
import { emit } from './events.ts';

/** Adds or removes an id from a list, keeping it sorted (stable URLs). */
function toggled(list: readonly string[], id: string, present: boolean): string[] {
  const set = new Set(list);
  if (present) set.add(id);
  else set.delete(id);
  return [...set].sort();
}

/**
 * The legend and the filters in one: actor kinds and relation types with
 * their colour, shape and count are also the checkboxes that show or hide them.
 *
 * @fires ag-filters-change - the analyst changed a filter
 */
@customElement('ag-filter-panel')
export class AgFilterPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      overflow-y: auto;
      padding: 8px 14px 20px;
      font-size: 13.5px;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 14px;
    }
    legend,
    .heading {
      font-size: 12px;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.05em;
      color: var(--ag-muted);
      padding: 0;
      margin: 8px 0 6px;
    }
    label.row {
      display: grid;
      grid-template-columns: 18px 22px 1fr auto;
      align-items: center;
      gap: 4px;
      padding: 2px 0;
      cursor: pointer;
    }
    label.row.plain {
      grid-template-columns: 18px 1fr auto;
    }
    .count {
      color: var(--ag-muted);
      font-variant-numeric: tabular-nums;
      font-size: 12px;
    }
    svg {
      display: block;
    }
    select,
    input[type="date"] {
      font: inherit;
      font-size: 13px;
      padding: 2px 4px;
      border: 1px solid var(--ag-border);
      border-radius: 4px;
      background: #fff;
    }
    .pair {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 6px 8px;
      align-items: center;
    }
    select {
      width: 100%;
      min-width: 0;
    }
    .pair.stacked {
      grid-template-columns: minmax(0, 1fr);
      gap: 2px;
    }
    .pair.stacked select {
      margin-bottom: 6px;
    }
    .key {
      font-size: 12px;
      color: var(--ag-muted);
      margin: 4px 0 0;
      display: grid;
      grid-template-columns: 28px 1fr;
      gap: 4px 6px;
      align-items: center;
    }
    button {
      font: inherit;
      font-size: 13px;
      padding: 4px 12px;
      border: 1px solid var(--ag-border);
      border-radius: 4px;
      background: var(--ag-surface-alt);
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    .quick {
      display: flex;
      gap: 6px;
      margin: 2px 0 4px;
    }
    .quick button {
      font-size: 11.5px;
      padding: 1px 8px;
    }
  `;

  @property({ attribute: false }) graph: Graph | null = null;
  @property({ attribute: false }) filters: FilterState = DEFAULT_FILTERS;

  override render() {
    const graph = this.graph;
    if (!graph) return nothing;
    const f = this.filters;
    const actorsByKind = countBy(graph.actors, (a) => a.kind);
    const relationsByType = countBy(graph.relations, (r) => r.type);
    const claimsBySource = countBy(
      [...graph.actors, ...graph.relations].flatMap((item) => item.evidence),
      (e) => e.source,
    );
    return html`
      <fieldset>
        <legend>Actor kinds</legend>
        ${graph.actorKinds.map((kind, i) => {
          const style = {
            color: kind.color ?? defaultKindStyle(i).color,
            shape: kind.shape ?? defaultKindStyle(i).shape,
          };
          return html`<label class="row">
            <input type="checkbox" .checked=${!f.hiddenActorKinds.includes(kind.id)}
              @change=${(e: Event) => this.change({ hiddenActorKinds: toggled(f.hiddenActorKinds, kind.id, !(e.target as HTMLInputElement).checked) })} />
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true"><path d=${shapeSvgPath(style.shape, 18)} fill=${style.color} stroke="#fff"></path></svg>
            <span>${kind.label}</span><span class="count" aria-label="${actorsByKind.get(kind.id) ?? 0} actors">${actorsByKind.get(kind.id) ?? 0}</span>
          </label>`;
        })}
      </fieldset>

      <fieldset>
        <legend>Relation types</legend>
        <div class="quick">
          <button @click=${() => this.change({ hiddenRelationTypes: [] })}>all</button>
          <button @click=${() => this.change({ hiddenRelationTypes: graph.relationTypes.map((t) => t.id).sort() })}>none</button>
        </div>
        ${graph.relationTypes.map((type, i) => {
          const color = type.color ?? defaultTypeColor(i);
          return html`<label class="row" title=${type.definition}>
            <input type="checkbox" .checked=${!f.hiddenRelationTypes.includes(type.id)}
              @change=${(e: Event) => this.change({ hiddenRelationTypes: toggled(f.hiddenRelationTypes, type.id, !(e.target as HTMLInputElement).checked) })} />
            ${edgeSwatch(color, type.contested === true, type.directed)}
            <span>${type.label}</span><span class="count" aria-label="${relationsByType.get(type.id) ?? 0} relations">${relationsByType.get(type.id) ?? 0}</span>
          </label>`;
        })}
        <div class="key" aria-label="How to read the lines">
          ${edgeSwatch('#555', false, true)}<span>solid: a reported relation; the arrow points from subject to object</span>
          ${edgeSwatch('#555', true, true)}<span>dashed: a contested claim (accusation, denial, threat...)</span>
        </div>
      </fieldset>

      <fieldset>
        <legend>Sources</legend>
        ${graph.sources.map(
          (source) => html`<label class="row plain" title=${source.title}>
          <input type="checkbox" .checked=${f.onlySources.length === 0 || f.onlySources.includes(source.id)}
            ?disabled=${f.onlySources.length === 1 && f.onlySources[0] === source.id}
            @change=${(e: Event) => this.changeSource(source.id, (e.target as HTMLInputElement).checked)} />
          <span>${source.publisher} <span class="count">(${source.reliability})</span></span>
          <span class="count" aria-label="${claimsBySource.get(source.id) ?? 0} evidence items">${claimsBySource.get(source.id) ?? 0}</span>
        </label>`,
        )}
      </fieldset>

      <fieldset>
        <legend>Grades (Admiralty code)</legend>
        <div class="pair stacked">
          <label for="reliability">Source at least</label>
          <select id="reliability" @change=${(e: Event) => this.change({ minReliability: ((e.target as HTMLSelectElement).value || null) as Reliability | null })}>
            <option value="" ?selected=${f.minReliability === null}>any reliability</option>
            ${RELIABILITY_ORDER.map((grade) => html`<option value=${grade} ?selected=${f.minReliability === grade}>${grade}: ${RELIABILITY_WORDS[grade]}</option>`)}
          </select>
          <label for="credibility">Claim at least</label>
          <select id="credibility" @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.change({ minCredibility: v === '' ? null : (Number(v) as Credibility) });
          }}>
            <option value="" ?selected=${f.minCredibility === null}>any credibility</option>
            ${([1, 2, 3, 4, 5, 6] as const).map((grade) => html`<option value=${grade} ?selected=${f.minCredibility === grade}>${grade}: ${CREDIBILITY_WORDS[grade]}</option>`)}
          </select>
        </div>
      </fieldset>

      <fieldset>
        <legend>Dates of relations</legend>
        <div class="pair">
          <label for="date-from">From</label>
          <input id="date-from" type="date" .value=${f.dateFrom ?? ''} @change=${(e: Event) => this.change({ dateFrom: (e.target as HTMLInputElement).value || null })} />
          <label for="date-to">To</label>
          <input id="date-to" type="date" .value=${f.dateTo ?? ''} @change=${(e: Event) => this.change({ dateTo: (e.target as HTMLInputElement).value || null })} />
        </div>
        <label class="row plain">
          <input type="checkbox" .checked=${f.includeUndated} @change=${(e: Event) => this.change({ includeUndated: (e.target as HTMLInputElement).checked })} />
          <span>keep undated relations</span><span></span>
        </label>
      </fieldset>

      <fieldset>
        <legend>Actors</legend>
        <label class="row plain">
          <input type="checkbox" .checked=${f.hideIsolatedActors} @change=${(e: Event) => this.change({ hideIsolatedActors: (e.target as HTMLInputElement).checked })} />
          <span>hide actors with no visible relation</span><span></span>
        </label>
      </fieldset>

      <button ?disabled=${isDefaultFilters(f)} @click=${() => emit(this, 'ag-filters-change', { filters: DEFAULT_FILTERS })}>Reset filters</button>
    `;
  }

  private changeSource(sourceId: string, checked: boolean): void {
    const all = this.graph?.sources.map((s) => s.id) ?? [];
    const current = this.filters.onlySources.length === 0 ? all : this.filters.onlySources;
    const next = toggled(current, sourceId, checked);
    // Every source checked is the same as no source filter.
    this.change({ onlySources: next.length === all.length ? [] : next });
  }

  private change(patch: Partial<FilterState>): void {
    emit(this, 'ag-filters-change', { filters: { ...this.filters, ...patch } });
  }
}

function edgeSwatch(color: string, dashed: boolean, directed: boolean) {
  return html`<svg width="22" height="10" viewBox="0 0 22 10" aria-hidden="true">
    <line x1="1" y1="5" x2=${directed ? 15 : 21} y2="5" stroke=${color} stroke-width="2.5" stroke-dasharray=${dashed ? '4 2.5' : 'none'}></line>
    ${directed ? svg`<path d="M14,1 L21,5 L14,9 Z" fill=${color}></path>` : nothing}
  </svg>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-filter-panel': AgFilterPanel;
  }
}
