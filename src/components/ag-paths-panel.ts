import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { gradeCode } from '../model/corroboration.ts';
import { RELIABILITY_ORDER } from '../model/filter.ts';
import type { Credibility, Graph, Reliability } from '../model/graph.ts';
import {
  cleanPathQuery,
  DEFAULT_PATH_QUERY,
  describePath,
  MAX_K,
  MAX_STEPS,
  type PathQuery,
} from '../model/path-query.ts';
import { type ActorPath, commonNeighbours, type PathResult, type PathStep } from '../model/paths.ts';
import { type GraphIndex, inverseLabel } from '../model/queries.ts';
import { searchActors } from '../model/search.ts';
import { emit } from './events.ts';
import { formStyles, linkButton, visuallyHidden } from './shared-styles.ts';

type End = 'from' | 'to' | 'exclude' | 'common';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Suggestions offered under an actor field: a short list, whatever the graph's size. */
const SUGGESTIONS = 12;

/**
 * "How is X connected to Y?": two actors and the path-only constraints, the
 * paths found with each step's strongest evidence and the weakest link, and
 * the actors the two (or more) have in common. The app runs the search (it
 * owns the query, in the URL) and passes the answer down.
 *
 * @fires ag-find-paths - search for paths (detail: the query)
 * @fires ag-show-path - highlight one path (detail: its place, or null for all)
 * @fires ag-clear-paths - the search is closed
 * @fires ag-export-paths - the paths as CSV, or the highlighted picture as PNG
 * @fires ag-select - an actor or relation of a path was chosen
 */
@customElement('ag-paths-panel')
export class AgPathsPanel extends LitElement {
  static override styles = [
    visuallyHidden,
    linkButton,
    formStyles,
    css`
      :host {
        display: block;
        overflow-y: auto;
        padding: 8px 14px 20px;
        font-size: 13.5px;
      }
      h2 {
        font-size: 12px;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--ag-muted);
        margin: 8px 0 6px;
      }
      form {
        gap: 8px;
      }
      button {
        font: inherit;
        font-size: 13px;
        padding: 4px 12px;
        border: 1px solid var(--ag-border);
        border-radius: 4px;
        background: var(--ag-surface-alt);
        cursor: pointer;
        color: inherit;
      }
      button.primary {
        background: var(--ag-accent);
        border-color: var(--ag-accent);
        color: #fff;
      }
      button:focus-visible {
        outline: 2px solid var(--ag-accent);
        outline-offset: 1px;
      }
      .ends {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 6px;
        align-items: end;
      }
      .ends button.swap {
        padding: 4px 8px;
      }
      .row {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 8px;
      }
      details {
        border: 1px solid var(--ag-border);
        border-radius: 4px;
        padding: 4px 8px;
      }
      details[open] {
        padding-bottom: 8px;
      }
      summary {
        cursor: pointer;
        font-size: 12.5px;
        font-weight: 600;
      }
      .types {
        max-height: 160px;
        overflow-y: auto;
        display: grid;
        gap: 2px;
        margin-top: 4px;
      }
      label.check {
        display: flex;
        gap: 6px;
        align-items: center;
        font-size: 13px;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
      }
      .chip {
        font-size: 12px;
        padding: 1px 4px 1px 8px;
        border: 1px solid var(--ag-border);
        border-radius: 999px;
        background: var(--ag-surface-alt);
        display: inline-flex;
        align-items: center;
        gap: 2px;
      }
      .chip button {
        border: 0;
        background: none;
        padding: 0 4px;
        font-size: 13px;
        cursor: pointer;
      }
      .actions {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
      }
      .error {
        color: #a4281b;
        font-size: 12.5px;
      }
      .answer {
        margin: 10px 0 6px;
        font-size: 13px;
      }
      .none {
        background: #fff4e5;
        border: 1px solid #f0c36d;
        border-radius: 4px;
        padding: 6px 8px;
      }
      ol.paths {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 8px;
      }
      li.path {
        border: 1px solid var(--ag-border);
        border-radius: 6px;
        background: #fff;
      }
      li.path.shown {
        border-color: var(--ag-accent);
        box-shadow: 0 0 0 1px var(--ag-accent);
      }
      button.pick {
        all: unset;
        box-sizing: border-box;
        display: block;
        width: 100%;
        padding: 6px 8px;
        cursor: pointer;
        border-radius: 6px 6px 0 0;
      }
      button.pick:focus-visible {
        outline: 2px solid var(--ag-accent);
        outline-offset: -2px;
      }
      .pick .head {
        display: flex;
        justify-content: space-between;
        gap: 6px;
        font-size: 12px;
        color: var(--ag-muted);
      }
      .pick .words {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      ol.steps {
        margin: 0;
        padding: 0 8px 8px 26px;
        display: grid;
        gap: 6px;
        font-size: 12.5px;
      }
      li.weakest {
        background: #fff4e5;
        border-radius: 4px;
        padding: 2px 4px;
        margin-left: -4px;
      }
      .badge {
        display: inline-block;
        font-size: 11px;
        font-weight: 700;
        padding: 0 5px;
        border-radius: 3px;
        background: #1c2230;
        color: #fff;
        font-variant-numeric: tabular-nums;
      }
      .weak-word {
        font-size: 11px;
        font-weight: 700;
        color: #8a4b00;
        margin-left: 4px;
      }
      blockquote {
        margin: 2px 0 0;
        padding-left: 8px;
        border-left: 3px solid var(--ag-border);
        overflow-wrap: anywhere;
      }
      .by {
        color: var(--ag-muted);
        font-size: 12px;
      }
      ul.common {
        padding-left: 18px;
        margin: 4px 0;
      }
    `,
  ];

  @property({ attribute: false }) graph: Graph | null = null;
  @property({ attribute: false }) index: GraphIndex | null = null;
  @property({ attribute: false }) visibleRelationIds: ReadonlySet<string> = new Set();
  /** The search in force (from the app's view), or null. */
  @property({ attribute: false }) query: PathQuery | null = null;
  @property({ attribute: false }) result: PathResult | null = null;

  /** The form as the analyst fills it; reset from `query` whenever that changes. */
  @state() private draft: PathQuery = DEFAULT_PATH_QUERY;
  /** What is typed in each actor field (a label, until it names an actor). */
  @state() private typed: Record<End, string> = { from: '', to: '', exclude: '', common: '' };
  @state() private fieldErrors: Partial<Record<End, string>> = {};
  /** More actors whose common neighbours are asked for, beyond the two ends. */
  @state() private commonExtra: string[] = [];

  /** Keyboard focus to the first field (the app's "Find paths" from an actor's panel). */
  focusStart(): void {
    const field = this.renderRoot.querySelector<HTMLInputElement>(this.draft.from ? '#path-to' : '#path-from');
    field?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') || changed.has('index')) {
      this.draft = this.query ?? DEFAULT_PATH_QUERY;
      this.typed = { ...this.typed, from: this.labelOf(this.draft.from), to: this.labelOf(this.draft.to) };
      this.fieldErrors = {};
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A path picked from a link or the graph's bar is brought into the list's view.
    if (changed.has('query') && this.query?.shown != null) {
      this.renderRoot.querySelector('li.path.shown')?.scrollIntoView({ block: 'nearest' });
    }
  }

  private labelOf(id: string): string {
    return id === '' ? '' : (this.index?.actorById.get(id)?.label ?? id);
  }

  /** The actor a field's text names: an exact label or alias, else the best match, else null. */
  private resolve(text: string): string | null {
    const graph = this.graph;
    const wanted = text.trim();
    if (!graph || wanted === '') return null;
    const folded = wanted.toLowerCase();
    const exact = graph.actors.find(
      (actor) =>
        actor.id === wanted ||
        actor.label.toLowerCase() === folded ||
        actor.aliases?.some((alias) => alias.toLowerCase() === folded),
    );
    return exact?.id ?? searchActors(graph, wanted, 1)[0]?.actor.id ?? null;
  }

  override render() {
    const graph = this.graph;
    const index = this.index;
    if (!graph || !index) return nothing;
    return html`
      <h2 id="paths-heading">How are they connected?</h2>
      <form @submit=${this.handleSubmit} aria-labelledby="paths-heading">
        <div class="ends">
          ${this.renderActorField('from', 'From')}
          <span></span>
          ${this.renderActorField('to', 'To')}
          <button type="button" class="swap" title="Swap the two actors" aria-label="Swap from and to"
            @click=${this.swapEnds}>⇅</button>
        </div>
        <div class="row">
          <div class="field">
            <label for="path-k">Paths at most</label>
            <input id="path-k" type="number" min="1" max=${MAX_K} .value=${String(this.draft.k)}
              @change=${(e: Event) => this.patch({ k: Number((e.target as HTMLInputElement).value) })} />
          </div>
          <div class="field">
            <label for="path-steps">Steps at most</label>
            <input id="path-steps" type="number" min="1" max=${MAX_STEPS} .value=${String(this.draft.maxSteps)}
              @change=${(e: Event) => this.patch({ maxSteps: Number((e.target as HTMLInputElement).value) })} />
          </div>
        </div>
        <label class="check"><input type="checkbox" .checked=${this.draft.directed}
          @change=${(e: Event) => this.patch({ directed: (e.target as HTMLInputElement).checked })} />
          Follow direction (subject to object only)</label>
        ${this.renderConstraints(graph)}
        <div class="actions">
          <button class="primary" type="submit">Find paths</button>
          ${
            this.query
              ? html`<button type="button" @click=${() => emit(this, 'ag-clear-paths', {})}>Clear</button>`
              : nothing
          }
        </div>
      </form>
      ${this.renderAnswer(index)}
      ${this.renderCommon(index)}
    `;
  }

  private renderActorField(end: 'from' | 'to' | 'exclude' | 'common', label: string) {
    const id = `path-${end}`;
    const error = this.fieldErrors[end];
    const typed = this.typed[end];
    const suggestions = typed.trim() && this.graph ? searchActors(this.graph, typed, SUGGESTIONS) : [];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type="text" list="${id}-names" autocomplete="off" .value=${typed}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
        placeholder="Type an actor's name"
        @input=${(e: Event) => this.setTyped(end, (e.target as HTMLInputElement).value)}
        @change=${(e: Event) => this.handleActorChange(end, (e.target as HTMLInputElement).value)} />
      <datalist id="${id}-names">
        ${suggestions.map((match) => html`<option value=${match.actor.label}></option>`)}
      </datalist>
      ${error ? html`<span class="error" id="${id}-error">${error}</span>` : nothing}
    </div>`;
  }

  private renderConstraints(graph: Graph) {
    const draft = this.draft;
    const typeIds = new Set(draft.types);
    const constrained =
      draft.types.length > 0 ||
      draft.minReliability !== null ||
      draft.minCredibility !== null ||
      draft.dateFrom !== null ||
      draft.dateTo !== null ||
      draft.exclude.length > 0;
    return html`<details ?open=${constrained}>
      <summary>Constraints on the path${constrained ? ' (some set)' : ''}</summary>
      <div class="field">
        <span class="label">Relation types allowed ${draft.types.length === 0 ? '(all shown)' : ''}</span>
        <div class="types">
          ${graph.relationTypes.map(
            (type) => html`<label class="check"><input type="checkbox" .checked=${typeIds.has(type.id)}
              @change=${(e: Event) => this.toggleType(type.id, (e.target as HTMLInputElement).checked)} />
              ${type.label}</label>`,
          )}
        </div>
      </div>
      <div class="row">
        <div class="field">
          <label for="path-reliability">Source at least</label>
          <select id="path-reliability" @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            this.patch({ minReliability: value === '' ? null : (value as Reliability) });
          }}>
            <option value="" .selected=${draft.minReliability === null}>any</option>
            ${RELIABILITY_ORDER.slice(0, 5).map(
              (letter) => html`<option value=${letter} .selected=${draft.minReliability === letter}>${letter}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="path-credibility">Claim at least</label>
          <select id="path-credibility" @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            this.patch({ minCredibility: value === '' ? null : (Number(value) as Credibility) });
          }}>
            <option value="" .selected=${draft.minCredibility === null}>any</option>
            ${[1, 2, 3, 4, 5].map(
              (grade) => html`<option value=${grade} .selected=${draft.minCredibility === grade}>${grade}</option>`,
            )}
          </select>
        </div>
      </div>
      <div class="row">
        <div class="field">
          <label for="path-date-from">Steps dated from</label>
          <input id="path-date-from" type="date" .value=${draft.dateFrom ?? ''}
            @change=${(e: Event) => this.patch({ dateFrom: (e.target as HTMLInputElement).value || null })} />
        </div>
        <div class="field">
          <label for="path-date-to">to</label>
          <input id="path-date-to" type="date" .value=${draft.dateTo ?? ''}
            @change=${(e: Event) => this.patch({ dateTo: (e.target as HTMLInputElement).value || null })} />
        </div>
      </div>
      <label class="check"><input type="checkbox" .checked=${draft.includeUndated}
        @change=${(e: Event) => this.patch({ includeUndated: (e.target as HTMLInputElement).checked })} />
        Undated relations may be steps when dates are set</label>
      ${this.renderActorField('exclude', 'Not through (add an actor)')}
      ${
        draft.exclude.length > 0
          ? html`<div class="chips" aria-label="Actors excluded">
              ${draft.exclude.map(
                (id) => html`<span class="chip">${this.labelOf(id)}<button type="button"
                  aria-label="Allow paths through ${this.labelOf(id)} again"
                  @click=${() => this.patch({ exclude: draft.exclude.filter((other) => other !== id) })}>×</button>
                </span>`,
              )}
            </div>`
          : nothing
      }
    </details>`;
  }

  private renderAnswer(index: GraphIndex) {
    const query = this.query;
    const result = this.result;
    if (!query) {
      return html`<p class="answer by">Pick two actors, here or with "Find paths" in an actor's panel.</p>`;
    }
    if (!result) {
      return html`<p class="answer by">Pick ${query.from ? 'the other actor' : 'the first actor'} to search.</p>`;
    }
    const from = this.labelOf(query.from);
    const to = this.labelOf(query.to);
    if (result.paths.length === 0) {
      return html`<p class="answer none" role="status">
        No path from ${from} to ${to}: ${result.noPathReason ?? 'none found'}.
        ${result.stopReason ? html`<br />${result.stopReason}.` : nothing}
      </p>`;
    }
    const count = result.paths.length;
    return html`
      <p class="answer" role="status">
        ${plural(count, 'path')} from ${from} to ${to}, shortest first${
          query.shown === null ? ' (all highlighted; pick one to see it alone)' : ''
        }.
        ${result.stopReason ? html`<br /><span class="error">${result.stopReason}.</span>` : nothing}
      </p>
      <div class="actions">
        ${
          query.shown !== null
            ? html`<button @click=${() => emit(this, 'ag-show-path', { index: null })}>Highlight all</button>`
            : nothing
        }
        <button @click=${() => emit(this, 'ag-export-paths', { format: 'csv' })}
          title="Every step of every path with its strongest evidence, for a spreadsheet">Export CSV</button>
        <button @click=${() => emit(this, 'ag-export-paths', { format: 'png' })}
          title="The highlighted path(s) as a picture, described in the caption">Export PNG</button>
      </div>
      <ol class="paths" aria-label="Paths found">
        ${result.paths.map((path, place) => this.renderPath(index, path, place, count, query.shown === place))}
      </ol>
    `;
  }

  private renderPath(index: GraphIndex, path: ActorPath, place: number, count: number, shown: boolean) {
    const weakest = path.steps[path.weakestStep];
    return html`<li class="path ${shown ? 'shown' : ''}">
      <button class="pick" aria-pressed=${shown ? 'true' : 'false'} title=${describePath(index, path, place, count)}
        @click=${() => emit(this, 'ag-show-path', { index: shown ? null : place })}>
        <span class="head"><span>Path ${place + 1} · ${plural(path.steps.length, 'step')}</span>
          ${weakest ? html`<span>weakest link <span class="badge">${gradeCode(weakest.grade)}</span></span>` : nothing}
        </span>
        <span class="words">${path.actorIds.map((id) => this.labelOf(id)).join(' → ')}</span>
      </button>
      <ol class="steps">
        ${path.steps.map((step, stepIndex) => this.renderStep(index, step, stepIndex === path.weakestStep))}
      </ol>
    </li>`;
  }

  private renderStep(index: GraphIndex, step: PathStep, weakest: boolean) {
    const relation = index.relationById.get(step.relationId);
    const type = relation ? index.typeById.get(relation.type) : undefined;
    const typeLabel = type ? (step.forward ? type.label : inverseLabel(type)) : (relation?.type ?? '');
    const source = index.sourceById.get(step.strongest.source);
    const evidence = step.strongest;
    const claimant = evidence.claimant ? this.labelOf(evidence.claimant) : null;
    const others = step.otherRelationIds.length;
    return html`<li class=${weakest ? 'weakest' : ''}>
      ${this.labelOf(step.from)}
      <button class="link" @click=${() => this.select('relation', step.relationId)}
        title="Open this relation's evidence">${typeLabel}</button>
      ${this.labelOf(step.to)}${relation?.date ? html` <span class="by">(${relation.date})</span>` : nothing}
      <span class="badge" title="Strongest evidence: source ${evidence.reliability}, claim ${evidence.credibility}">
        ${evidence.reliability}${evidence.credibility}</span>${
          weakest ? html`<span class="weak-word">weakest link</span>` : nothing
        }
      <blockquote>“${evidence.quote}”</blockquote>
      <div class="by">— ${evidence.attributedTo}${
        claimant && claimant !== evidence.attributedTo ? ` (${claimant})` : ''
      },
        ${source ? `${source.publisher}` : evidence.source}${
          others > 0 ? ` · ${others} more relation${others === 1 ? '' : 's'} between them` : ''
        }</div>
    </li>`;
  }

  private renderCommon(index: GraphIndex) {
    const ends = [this.draft.from, this.draft.to].filter((id) => index.actorById.has(id));
    const asked = [...new Set([...ends, ...this.commonExtra.filter((id) => index.actorById.has(id))])];
    const common = asked.length >= 2 ? commonNeighbours(index, asked, this.visibleRelationIds) : [];
    return html`<h2 id="common-heading">Common neighbours</h2>
      <p class="by">Actors linked by a relation shown to every one of: ${
        asked.length > 0 ? asked.map((id) => this.labelOf(id)).join(', ') : 'the two actors above'
      }.</p>
      ${this.renderActorField('common', 'Also common to (add an actor)')}
      ${
        this.commonExtra.length > 0
          ? html`<div class="chips">${this.commonExtra.map(
              (id) => html`<span class="chip">${this.labelOf(id)}<button type="button"
                aria-label="Remove ${this.labelOf(id)}"
                @click=${() => {
                  this.commonExtra = this.commonExtra.filter((other) => other !== id);
                }}>×</button></span>`,
            )}</div>`
          : nothing
      }
      ${
        asked.length < 2
          ? nothing
          : common.length === 0
            ? html`<p class="by" role="status">None: no actor shown is linked to all ${asked.length}.</p>`
            : html`<ul class="common" aria-labelledby="common-heading">
                ${common.map(
                  (entry) => html`<li><button class="link" @click=${() => this.select('actor', entry.actorId)}>
                    ${this.labelOf(entry.actorId)}</button>
                    <span class="by">(${entry.via.length} relation${entry.via.length === 1 ? '' : 's'})</span></li>`,
                )}
              </ul>`
      }`;
  }

  private select(kind: 'actor' | 'relation', id: string): void {
    emit(this, 'ag-select', { selection: { kind, id }, centre: true, moveFocus: false });
  }

  private patch(change: Partial<PathQuery>): void {
    this.draft = { ...this.draft, ...change };
  }

  private setTyped(end: End, text: string): void {
    this.typed = { ...this.typed, [end]: text };
  }

  private toggleType(id: string, on: boolean): void {
    const types = new Set(this.draft.types);
    if (on) types.add(id);
    else types.delete(id);
    this.patch({ types: [...types] });
  }

  private swapEnds(): void {
    this.patch({ from: this.draft.to, to: this.draft.from });
    this.typed = { ...this.typed, from: this.typed.to, to: this.typed.from };
  }

  /** A name chosen or typed: an end is set; an excluded or common actor is added to its list. */
  private handleActorChange(end: End, text: string): void {
    this.setTyped(end, text);
    if (text.trim() === '') {
      if (end === 'from' || end === 'to') this.patch({ [end]: '' });
      this.fieldErrors = { ...this.fieldErrors, [end]: undefined };
      return;
    }
    const id = this.resolve(text);
    if (id === null) {
      this.fieldErrors = { ...this.fieldErrors, [end]: `No actor is named “${text.trim()}”` };
      return;
    }
    this.fieldErrors = { ...this.fieldErrors, [end]: undefined };
    if (end === 'from' || end === 'to') {
      this.patch({ [end]: id });
      this.setTyped(end, this.labelOf(id));
    } else if (end === 'exclude') {
      this.patch({ exclude: [...new Set([...this.draft.exclude, id])] });
      this.setTyped(end, '');
    } else {
      this.commonExtra = [...new Set([...this.commonExtra, id])];
      this.setTyped(end, '');
    }
  }

  private handleSubmit(event: Event): void {
    event.preventDefault();
    // A name typed but not yet confirmed (no change event before Enter) still counts.
    for (const end of ['from', 'to'] as const) {
      const typed = this.typed[end];
      if (typed.trim() !== '' && typed !== this.labelOf(this.draft[end])) this.handleActorChange(end, typed);
    }
    const errors: Partial<Record<End, string>> = { ...this.fieldErrors };
    if (!this.draft.from) errors.from ??= 'Pick the actor the paths start from';
    if (!this.draft.to) errors.to ??= 'Pick the actor the paths lead to';
    if (this.draft.from && this.draft.from === this.draft.to) errors.to = 'Pick another actor than the first';
    this.fieldErrors = errors;
    if (errors.from || errors.to) return;
    emit(this, 'ag-find-paths', { query: cleanPathQuery(this.draft) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-paths-panel': AgPathsPanel;
  }
}
