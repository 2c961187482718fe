import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { STRENGTH_OPACITY, STRENGTH_WIDTH } from '../cy/elements.ts';
import { edgeSwatch, shapeSvgPath } from '../cy/shape-paths.ts';
import { type ClaimantOption, claimantOptions } from '../model/claims.ts';
import { STRENGTH_WORDS, type Strength } from '../model/corroboration.ts';
import {
  countBy,
  DEFAULT_FILTERS,
  type FilterChange,
  type FilterState,
  isDefaultFilters,
  RELIABILITY_ORDER,
} from '../model/filter.ts';
import {
  CREDIBILITY_WORDS,
  type Credibility,
  type Graph,
  RELIABILITY_WORDS,
  type Reliability,
} from '../model/graph.ts';
import {
  FAMILIES,
  kindStyles,
  RELATION_FAMILIES,
  type RelationFamily,
  type TypeStyle,
  typeStyles,
} from '../model/palette.ts';
import { emit } from './events.ts';

const checked = (event: Event) => (event.target as HTMLInputElement).checked;
const value = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;

/**
 * The legend and the filters in one: actor kinds and relation types with
 * their colour, shape and count are also the checkboxes that show or hide them.
 *
 * @fires ag-filter-change - the analyst changed one filter
 * @fires ag-filters-reset - the analyst reset every filter
 * @fires ag-auto-fit-change - the analyst switched fitting after a change on or off
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
      grid-template-columns: 18px 30px 1fr auto;
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
      grid-template-columns: 30px 1fr;
      gap: 4px 6px;
      align-items: center;
    }
    .halo {
      justify-self: center;
      width: 12px;
      height: 12px;
      border-radius: 50%;
      background: #777;
      box-shadow: 0 0 0 4px rgb(245 163 0 / 0.55);
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
  /** Whether the view is fitted to what the filters show after each change. */
  @property({ attribute: false }) autoFit = true;

  /** Moves keyboard focus to the panel's first control (the skip link). */
  focusStart(): void {
    this.renderRoot.querySelector<HTMLElement>('input, select, button')?.focus();
  }

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
    const kinds = kindStyles(graph);
    const types = typeStyles(graph);
    const typeIds = graph.relationTypes.map((t) => t.id);
    const sourceIds = graph.sources.map((s) => s.id);
    const claimants = this.claimantsOf(graph);
    return html`
      <fieldset>
        <legend>Actor kinds</legend>
        ${graph.actorKinds.map((kind) => {
          const style = kinds.get(kind.id) ?? { color: '#555', shape: 'ellipse' };
          const count = actorsByKind.get(kind.id) ?? 0;
          return html`<label class="row">
            <input type="checkbox" .checked=${!f.hiddenActorKinds.includes(kind.id)}
              @change=${(e: Event) => this.change({ kind: 'actor-kind', id: kind.id, shown: checked(e) })} />
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
              <path d=${shapeSvgPath(style.shape, 18)} fill=${style.color} stroke="#fff"></path>
            </svg>
            <span>${kind.label}</span><span class="count" aria-label="${count} actors">${count}</span>
          </label>`;
        })}
      </fieldset>

      <fieldset>
        <legend>Relation types</legend>
        <div class="quick">
          <button @click=${() => this.change({ kind: 'all-relation-types', shown: true, typeIds })}>all</button>
          <button @click=${() => this.change({ kind: 'all-relation-types', shown: false, typeIds })}>none</button>
        </div>
        ${graph.relationTypes.map((type) => {
          const style = types.get(type.id);
          const count = relationsByType.get(type.id) ?? 0;
          return html`<label class="row" title=${type.definition}>
            <input type="checkbox" .checked=${!f.hiddenRelationTypes.includes(type.id)}
              @change=${(e: Event) => this.change({ kind: 'relation-type', id: type.id, shown: checked(e) })} />
            ${style ? swatch(style, style.color) : nothing}
            <span>${type.label}</span><span class="count" aria-label="${count} relations">${count}</span>
          </label>`;
        })}
        <div class="key" aria-label="How to read the lines">
          <span></span><span>Lines run from subject to object; each family has its own line:</span>
          ${familiesIn(types).map(
            (family) => html`${swatch({ ...FAMILIES[family], arrow: FAMILIES[family].arrow }, '#555')}
              <span>${FAMILIES[family].description}</span>`,
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>Sources</legend>
        ${graph.sources.map((source) => {
          const count = claimsBySource.get(source.id) ?? 0;
          const included = f.onlySources.length === 0 || f.onlySources.includes(source.id);
          const onlyOne = f.onlySources.length === 1 && f.onlySources[0] === source.id;
          return html`<label class="row plain" title=${source.title}>
            <input type="checkbox" .checked=${included} ?disabled=${onlyOne}
              @change=${(e: Event) =>
                this.change({ kind: 'source', id: source.id, included: checked(e), sourceIds })} />
            <span>${source.publisher} <span class="count">(${source.reliability})</span></span>
            <span class="count" aria-label="${count} evidence items">${count}</span>
          </label>`;
        })}
      </fieldset>

      <fieldset>
        <legend>Grades (Admiralty code)</legend>
        <div class="pair stacked">
          <label for="reliability">Source at least</label>
          <select id="reliability" @change=${(e: Event) =>
            this.change({ kind: 'min-reliability', value: (value(e) || null) as Reliability | null })}>
            <option value="" ?selected=${f.minReliability === null}>any reliability</option>
            ${RELIABILITY_ORDER.map(
              (grade) =>
                html`<option value=${grade} ?selected=${f.minReliability === grade}>
                  ${grade}: ${RELIABILITY_WORDS[grade]}
                </option>`,
            )}
          </select>
          <label for="credibility">Claim at least</label>
          <select id="credibility" @change=${(e: Event) =>
            this.change({
              kind: 'min-credibility',
              value: value(e) === '' ? null : (Number(value(e)) as Credibility),
            })}>
            <option value="" ?selected=${f.minCredibility === null}>any credibility</option>
            ${([1, 2, 3, 4, 5, 6] as const).map(
              (grade) =>
                html`<option value=${grade} ?selected=${f.minCredibility === grade}>
                  ${grade}: ${CREDIBILITY_WORDS[grade]}
                </option>`,
            )}
          </select>
        </div>
      </fieldset>

      <fieldset>
        <legend>Claims and corroboration</legend>
        <div class="pair stacked">
          <label for="min-sources">Relations resting on</label>
          <select id="min-sources" title="Sources count as independent when their publishers differ"
            @change=${(e: Event) => this.change({ kind: 'min-sources', value: Number(value(e)) })}>
            <option value="0" ?selected=${f.minIndependentSources <= 1}>any number of sources</option>
            ${[2, 3, 4, 5].map(
              (n) => html`<option value=${n} ?selected=${f.minIndependentSources === n}>
                at least ${n} independent sources</option>`,
            )}
          </select>
          <label for="claims-by">Claims made by</label>
          <select id="claims-by" @change=${(e: Event) => this.change({ kind: 'claims-by', value: value(e) || null })}>
            <option value="" ?selected=${f.claimsBy === null}>anyone</option>
            ${this.renderClaimantGroup(
              'Actors of the graph',
              claimants.filter((option) => option.isActor),
              f.claimsBy,
            )}
            ${this.renderClaimantGroup(
              'As attributed',
              claimants.filter((option) => !option.isActor),
              f.claimsBy,
            )}
          </select>
        </div>
        <label class="row plain">
          <input type="checkbox" .checked=${f.hideContradictedOnly}
            @change=${(e: Event) => this.change({ kind: 'hide-contradicted-only', value: checked(e) })} />
          <span>hide relations with contradicting evidence only</span><span></span>
        </label>
        <div class="key" aria-label="How corroboration is drawn">
          ${STRENGTHS.map((strength) => html`${strengthSwatch(strength)}<span>${STRENGTH_WORDS[strength]}</span>`)}
        </div>
      </fieldset>

      <fieldset>
        <legend>Dates of relations</legend>
        <div class="pair">
          <label for="date-from">From</label>
          <input id="date-from" type="date" .value=${f.dateFrom ?? ''}
            @change=${(e: Event) => this.change({ kind: 'date-from', value: value(e) || null })} />
          <label for="date-to">To</label>
          <input id="date-to" type="date" .value=${f.dateTo ?? ''}
            @change=${(e: Event) => this.change({ kind: 'date-to', value: value(e) || null })} />
        </div>
        <label class="row plain">
          <input type="checkbox" .checked=${f.includeUndated}
            @change=${(e: Event) => this.change({ kind: 'include-undated', value: checked(e) })} />
          <span>keep undated relations</span><span></span>
        </label>
      </fieldset>

      <fieldset>
        <legend>Actors</legend>
        <div class="key"><span class="halo" aria-hidden="true"></span>
          <span>amber halo: found by the search box</span></div>
        <label class="row plain">
          <input type="checkbox" .checked=${f.hideIsolatedActors}
            @change=${(e: Event) => this.change({ kind: 'hide-isolated', value: checked(e) })} />
          <span>hide actors with no visible relation</span><span></span>
        </label>
      </fieldset>

      <label class="row plain">
        <input type="checkbox" .checked=${this.autoFit}
          @change=${(e: Event) => emit(this, 'ag-auto-fit-change', { autoFit: checked(e) })} />
        <span>fit the view after each change</span><span></span>
      </label>
      <button ?disabled=${isDefaultFilters(f)} @click=${() => emit(this, 'ag-filters-reset', {})}>Reset filters</button>
    `;
  }

  private claimantsCache: { graph: Graph; options: ClaimantOption[] } | null = null;

  /** The graph's claimants, listed once per graph (a scan of every evidence item). */
  private claimantsOf(graph: Graph): ClaimantOption[] {
    if (this.claimantsCache?.graph !== graph) this.claimantsCache = { graph, options: claimantOptions(graph) };
    return this.claimantsCache.options;
  }

  private renderClaimantGroup(label: string, options: readonly ClaimantOption[], chosen: string | null) {
    if (options.length === 0) return nothing;
    return html`<optgroup label=${label}>${options.map(
      (option) => html`<option value=${option.key} ?selected=${option.key === chosen} title=${option.label}>
        ${shortened(option.label, MAX_CLAIMANT_LABEL)} (${option.count})</option>`,
    )}</optgroup>`;
  }

  /** Reports one change; the app applies it to its latest filters, so quick clicks never build on a stale copy. */
  private change(change: FilterChange): void {
    emit(this, 'ag-filter-change', { change });
  }
}

/** Longest claimant shown in the list, in characters (the whole is in the option's title). */
const MAX_CLAIMANT_LABEL = 48;

const shortened = (text: string, length: number) => (text.length <= length ? text : `${text.slice(0, length - 1)}…`);

const STRENGTHS: readonly Strength[] = ['corroborated', 'single', 'weak', 'contradicted'];

/** A line drawn as a relation of that strength is: its weight and opacity. */
function strengthSwatch(strength: Strength) {
  return html`<svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true">
    <line x1="2" y1="6" x2="26" y2="6" stroke="#555" stroke-width=${2 * STRENGTH_WIDTH[strength]}
      stroke-opacity=${STRENGTH_OPACITY[strength]}></line>
  </svg>`;
}

/** A relation type's line as a small SVG: its colour, dashes, weight and arrowhead. */
function swatch(style: Pick<TypeStyle, 'lineStyle' | 'dashPattern' | 'arrow' | 'width'>, color: string) {
  const { line, arrow } = edgeSwatch(style, 28, 12);
  return html`<svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true">
    <line x1=${line.x1} y1=${line.y} x2=${line.x2} y2=${line.y} stroke=${color} stroke-width=${line.width}
      stroke-dasharray=${line.dash.length > 0 ? line.dash.join(' ') : 'none'}></line>
    ${arrow.map((points) => svg`<polygon points=${svgPoints(points)} fill=${color}></polygon>`)}
  </svg>`;
}

const svgPoints = (points: readonly (readonly number[])[]) => points.map((point) => point.join(',')).join(' ');

/** The families of the types in use, in the order of FAMILIES. */
function familiesIn(types: ReadonlyMap<string, TypeStyle>): RelationFamily[] {
  const used = new Set([...types.values()].map((style) => style.family));
  return RELATION_FAMILIES.filter((family) => used.has(family));
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-filter-panel': AgFilterPanel;
  }
}
