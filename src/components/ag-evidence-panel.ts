import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { answersIndex, relationInWords } from '../model/claims.ts';
import { corroborationLine, gradeCode, STRENGTH_WORDS } from '../model/corroboration.ts';
import { evidencePasses, type FilterState } from '../model/filter.ts';
import {
  type Actor,
  CREDIBILITY_WORDS,
  type EvidenceItem,
  type Graph,
  RELIABILITY_WORDS,
  type Relation,
  stanceOf,
} from '../model/graph.ts';
import { typeStyles } from '../model/palette.ts';
import { type GraphIndex, relationGroupsOf, relationSentence, safeHttpUrl } from '../model/queries.ts';
import { quoteInAttachedText } from '../model/quotes.ts';
import { type GridCell, gridMove } from '../model/roving.ts';
import type { Focus, Selection } from '../model/view.ts';
import { cssomStyle } from './cssom-style.ts';
import { emit } from './events.ts';
import { gridCellOf } from './grid-cell.ts';
import { linkButton } from './shared-styles.ts';

/** What a grade grades, said once above each list of evidence. */
const GRADE_NOTE = html`<p class="grade-note">
  Each grade rates the source (A-F) and the report its quote carries (1-6): for a statement relayed by the
  source, that it was made as quoted, not that what it says is true.
</p>`;

const gradeTitle = (reliability: string, credibility: number) =>
  `Admiralty code ${reliability}${credibility}: the letter grades the source, the number the report its quote carries`;

/** In an actor's list of relations, each row has two buttons: the other actor, and the relation itself. */
const RELATION_COLUMNS = 2;
const RELATION_BUTTON = 1;

/**
 * The evidence behind the selected actor or relation. Everything from the
 * graph file is rendered as text; only http(s) source URLs become links.
 *
 * Keyboard: the heading takes focus when a selection is made from a list or
 * the keyboard (`focusHeading`). An actor's focus buttons are one toolbar
 * and its relations one grid, each a single Tab stop (a roving tabindex):
 * Up and Down (Home, End) go through the relations, Left and Right between
 * the other actor and "show relation"; the relation in focus is scrolled
 * into view with its first quote.
 *
 * @fires ag-select - a name in the panel was clicked (select and centre it)
 * @fires ag-focus - a focus button was pressed
 */
@customElement('ag-evidence-panel')
export class AgEvidencePanel extends LitElement {
  static override styles = [
    linkButton,
    css`
      :host {
        display: block;
        overflow-y: auto;
        padding: 12px 16px 24px;
        font-size: 14px;
        line-height: 1.45;
      }
      h2 {
        font-size: 18px;
        margin: 0 0 2px;
      }
      h2:focus {
        outline: none;
      }
      h2:focus-visible {
        outline: 2px solid var(--ag-accent);
        outline-offset: 2px;
      }
      h3 {
        font-size: 13px;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--ag-muted);
        margin: 18px 0 6px;
      }
      h4 {
        font-size: 14px;
        margin: 12px 0 4px;
      }
      .meta {
        color: var(--ag-muted);
        margin: 0 0 8px;
      }
      .aliases {
        font-size: 13px;
        color: var(--ag-muted);
      }
      .disputed {
        background: #fff4d6;
        border-left: 4px solid #d49a00;
        padding: 6px 10px;
        margin: 10px 0;
        border-radius: 0 4px 4px 0;
      }
      .disputed strong {
        display: block;
        font-size: 12px;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .evidence {
        border: 1px solid var(--ag-border);
        border-radius: var(--ag-radius);
        padding: 8px 10px;
        margin: 8px 0;
        background: #fff;
      }
      .evidence.filtered-out {
        opacity: 0.55;
      }
      .evidence.contradicts {
        border-color: #c0392b;
        border-left-width: 4px;
        background: #fff7f6;
      }
      .evidence.marked {
        outline: 3px solid #e8a317;
        outline-offset: 1px;
      }
      .stance {
        display: inline-block;
        font-size: 11.5px;
        font-weight: 700;
        letter-spacing: 0.03em;
        text-transform: uppercase;
        color: #a93226;
        margin-bottom: 4px;
      }
      .corroboration {
        background: var(--ag-surface-alt);
        border: 1px solid var(--ag-border);
        border-radius: var(--ag-radius);
        padding: 6px 10px;
        margin: 10px 0;
      }
      .corroboration .strength {
        display: block;
        font-size: 12.5px;
        color: var(--ag-muted);
      }
      .grade-note {
        font-size: 12.5px;
        color: var(--ag-muted);
        margin: 0 0 6px;
      }
      .answers {
        margin: 8px 0;
      }
      .answer {
        margin: 2px 0 2px 12px;
      }
      .misquote {
        color: var(--ag-danger);
        font-size: 12.5px;
        font-weight: 600;
      }
      blockquote {
        margin: 0 0 6px;
        padding-left: 10px;
        border-left: 3px solid #9aa6b8;
        font-style: italic;
        white-space: pre-wrap;
      }
      .who {
        font-size: 13px;
      }
      .source {
        font-size: 12.5px;
        color: var(--ag-muted);
      }
      .grade {
        display: inline-block;
        font-size: 12px;
        font-weight: 600;
        padding: 1px 6px;
        border-radius: 4px;
        background: var(--ag-surface-alt);
        border: 1px solid var(--ag-border);
        margin-top: 4px;
      }
      .tag {
        font-size: 11px;
        color: var(--ag-warning);
        margin-left: 6px;
      }
      .note {
        font-size: 12.5px;
        margin-top: 4px;
      }
      .relation {
        margin: 6px 0 12px;
        padding-left: 10px;
        border-left: 3px solid var(--relation-color, #999);
      }
      .relation-line {
        font-weight: 600;
      }
      .actions {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
        margin: 8px 0;
      }
      .actions button {
        font: inherit;
        font-size: 13px;
        padding: 3px 10px;
        border: 1px solid var(--ag-border);
        background: var(--ag-surface-alt);
        border-radius: 4px;
        cursor: pointer;
      }
      .actions button:focus-visible {
        outline: 2px solid var(--ag-accent);
        outline-offset: 1px;
      }
      .actions button[aria-pressed="true"] {
        background: var(--ag-accent-soft);
        border-color: var(--ag-accent);
      }
      .hint {
        color: var(--ag-muted);
      }
      ul.sources {
        padding-left: 18px;
      }
      a {
        color: var(--ag-accent);
      }
    `,
  ];

  @property({ attribute: false }) graph: Graph | null = null;
  @property({ attribute: false }) index: GraphIndex | null = null;
  @property({ attribute: false }) selection: Selection = null;
  @property({ attribute: false }) focusedOn: Focus | null = null;
  @property({ attribute: false }) filters: FilterState | null = null;
  /** An evidence item of the selection to bring into view and mark (chosen from the evidence search). */
  @property({ attribute: false }) markedEvidence: number | null = null;
  /** Attached source texts by archive file name: a quote its source's text does not hold is flagged. */
  @property({ attribute: false }) archiveTexts: ReadonlyMap<string, string> = new Map();
  /** The one relation button in the Tab order (roving tabindex). */
  @state() private relationCell: GridCell = { row: 0, column: RELATION_BUTTON };
  /** The one focus button in the Tab order. */
  @state() private focusTool = 0;

  /** Moves keyboard focus to the heading of what is shown (the skip link, and a new selection). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('selection')) {
      this.relationCell = { row: 0, column: RELATION_BUTTON };
      this.focusTool = 0;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A new selection is read from its heading, not from where the last one was scrolled to.
    if (changed.has('selection')) this.scrollTop = 0;
    if ((changed.has('selection') || changed.has('markedEvidence')) && this.markedEvidence !== null) {
      this.renderRoot.querySelector('.evidence.marked')?.scrollIntoView({ block: 'center' });
    }
  }

  override render() {
    const index = this.index;
    const graph = this.graph;
    if (!graph || !index) return nothing;
    if (this.selection?.kind === 'actor') {
      const actor = index.actorById.get(this.selection.id);
      if (actor) return this.renderActor(graph, index, actor);
    }
    if (this.selection?.kind === 'relation') {
      const relation = index.relationById.get(this.selection.id);
      if (relation) return this.renderRelation(index, relation);
    }
    return this.renderOverview(graph);
  }

  private renderOverview(graph: Graph) {
    return html`
      <h2 tabindex="-1">${graph.title}</h2>
      ${graph.description ? html`<p>${graph.description}</p>` : nothing}
      <p class="hint">
        Click an actor or a relation in the graph (or a row of the table) to read the evidence behind it.
        Double-click an actor to focus on its neighbourhood.
      </p>
      <h3>Sources</h3>
      <ul class="sources">
        ${graph.sources.map(
          (source) => html`<li>
          ${this.renderSourceTitle(source.id)}
          <div class="source">
            ${source.publisher}${source.author ? ` · ${source.author}` : ''} · ${source.published ?? 'date not stated'}
          </div>
          <span class="grade">Reliability ${source.reliability}: ${RELIABILITY_WORDS[source.reliability]}</span>
          ${source.note ? html`<div class="note">${source.note}</div>` : nothing}
        </li>`,
        )}
      </ul>
      <p class="meta">File updated ${graph.updated}.</p>
    `;
  }

  private renderActor(graph: Graph, index: GraphIndex, actor: Actor) {
    const groups = relationGroupsOf(graph, index, actor.id);
    const focusHops = this.focusedOn?.actorId === actor.id ? this.focusedOn.hops : 0;
    const types = typeStyles(graph);
    let rows = 0;
    const numbered = groups.map((group) => ({
      group,
      entries: group.entries.map((entry) => ({ ...entry, row: rows++ })),
    }));
    return html`
      <h2 tabindex="-1">${actor.label}</h2>
      <p class="meta">${index.kindLabelById.get(actor.kind) ?? actor.kind}</p>
      ${actor.aliases?.length ? html`<p class="aliases">Also written: ${actor.aliases.join(' · ')}</p>` : nothing}
      ${actor.summary ? html`<p>${actor.summary}</p>` : nothing}
      <div class="actions" role="toolbar" aria-label="Actions for ${actor.label}"
        @keydown=${this.handleToolbarKeydown}>
        ${([1, 2] as const).map(
          (hops, i) => html`<button aria-pressed=${focusHops === hops ? 'true' : 'false'}
            tabindex=${i === this.focusTool ? 0 : -1} @focus=${() => (this.focusTool = i)}
            @click=${() => emit(this, 'ag-focus', { actorId: actor.id, hops, toggle: true })}>
            Focus: ${hops === 1 ? 'direct links' : 'two steps'}
          </button>`,
        )}
        <button tabindex=${this.focusTool === 2 ? 0 : -1} @focus=${() => (this.focusTool = 2)}
          title="Every claim about ${actor.label}, for and against, side by side"
          @click=${() => emit(this, 'ag-show-claims', { actorId: actor.id })}>Claims about this</button>
        ${(['from', 'to'] as const).map(
          (end, i) => html`<button tabindex=${this.focusTool === 3 + i ? 0 : -1}
            @focus=${() => (this.focusTool = 3 + i)}
            title="How ${actor.label} is connected to another actor: the shortest paths, with their evidence"
            @click=${() => emit(this, 'ag-path-end', { end, actorId: actor.id })}>Paths ${end} here</button>`,
        )}
      </div>
      ${this.renderDisputed(actor.disputed)}
      <h3>Evidence for this actor</h3>
      ${GRADE_NOTE}
      ${actor.evidence.map((item, itemIndex) => this.renderEvidence(item, this.markedEvidence === itemIndex))}
      <h3>Relations (${rows})</h3>
      <div class="relations" @keydown=${(event: KeyboardEvent) => this.handleRelationKeydown(event, rows)}
        @focusin=${this.handleRelationFocus}>
      ${numbered.map(
        ({ group, entries }) => html`
        <h4>${group.heading} (${group.entries.length})</h4>
        ${entries.map(
          ({ relation, other, row }) => html`
          <div class="relation" style=${cssomStyle({ '--relation-color': types.get(group.type.id)?.color ?? '#999' })}>
            <div class="relation-line">
              ${group.heading}
              <button class="link" data-row=${row} data-column="0" tabindex=${this.relationTabIndex(row, 0, rows)}
                @click=${() => this.select('actor', other.id)}>${other.label}</button>
              ${relation.date ? html`<span class="meta">(${relation.date})</span>` : nothing}
              · <button class="link" aria-label="show relation: ${relationSentence(index, relation)}"
                  data-row=${row} data-column=${RELATION_BUTTON}
                  tabindex=${this.relationTabIndex(row, RELATION_BUTTON, rows)}
                  @click=${() => this.select('relation', relation.id)}>show relation</button>
            </div>
            ${this.renderDisputed(relation.disputed)}
            ${relation.evidence.map((item) => this.renderEvidence(item, false))}
          </div>`,
        )}
      `,
      )}
      </div>
    `;
  }

  /** 0 for the grid's one Tab stop (the last row stands in when the list has shrunk), -1 for the others. */
  private relationTabIndex(row: number, column: number, rows: number): number {
    return row === Math.min(this.relationCell.row, rows - 1) && column === this.relationCell.column ? 0 : -1;
  }

  private handleRelationKeydown(event: KeyboardEvent, rows: number): void {
    const from = gridCellOf(event.composedPath()[0]);
    if (!from) return;
    const to = gridMove(event.key, from, rows, RELATION_COLUMNS);
    if (!to) return;
    event.preventDefault();
    this.relationCell = to;
    const button = this.renderRoot.querySelector<HTMLElement>(`[data-row="${to.row}"][data-column="${to.column}"]`);
    if (!button) return;
    button.focus({ preventScroll: true });
    // The relation's first quote in view, then its line (which wins when both do not fit).
    button.closest('.relation')?.querySelector('.evidence')?.scrollIntoView({ block: 'nearest' });
    button.scrollIntoView({ block: 'nearest' });
  }

  /** A click or Tab into the grid makes that button the grid's Tab stop. */
  private handleRelationFocus(event: FocusEvent): void {
    const cell = gridCellOf(event.composedPath()[0]);
    if (cell) this.relationCell = cell;
  }

  private handleToolbarKeydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('.actions button')];
    const to = gridMove(event.key, { row: 0, column: this.focusTool }, 1, buttons.length);
    if (!to) return;
    event.preventDefault();
    this.focusTool = to.column;
    buttons[to.column]?.focus();
  }

  private renderRelation(index: GraphIndex, relation: Relation) {
    const type = index.typeById.get(relation.type);
    const from = index.actorById.get(relation.from);
    const to = index.actorById.get(relation.to);
    const corroboration = index.corroborationById.get(relation.id);
    const numbered = relation.evidence.map((item, itemIndex) => ({ item, itemIndex }));
    const supporting = numbered.filter(({ item }) => stanceOf(item) === 'supports');
    const contradicting = numbered.filter(({ item }) => stanceOf(item) === 'contradicts');
    const answered = (relation.answers ?? []).flatMap((id) => index.relationById.get(id) ?? []);
    const answeredBy = this.graph ? (answersIndex(this.graph).get(relation.id) ?? []) : [];
    return html`
      <h2 tabindex="-1">
        <button class="link" @click=${() => this.select('actor', relation.from)}>
          ${from?.label ?? relation.from}
        </button>
        ${type?.label ?? relation.type}
        <button class="link" @click=${() => this.select('actor', relation.to)}>${to?.label ?? relation.to}</button>
      </h2>
      <p class="meta">
        Relation “${type?.label ?? relation.type}”${type?.contested ? ' (a contested claim)' : ''}${
          type?.directed === false ? ', undirected' : ''
        }${relation.date ? ` · ${relation.date}` : ' · no date'}
      </p>
      ${type ? html`<p class="meta">${type.definition}</p>` : nothing}
      ${relation.summary ? html`<p>${relation.summary}</p>` : nothing}
      ${
        corroboration
          ? html`<div class="corroboration" role="note" aria-label="Corroboration">
              <strong>${corroborationLine(corroboration)}</strong>${
                corroboration.bestGrade ? ` · best grade ${gradeCode(corroboration.bestGrade)}` : ''
              }
              <span class="strength">Drawn as: ${STRENGTH_WORDS[corroboration.strength]}</span>
            </div>`
          : nothing
      }
      ${this.renderAnswers('Answers', answered)}
      ${this.renderAnswers('Answered by', answeredBy)}
      ${this.renderDisputed(relation.disputed)}
      <h3>Supporting evidence (${supporting.length})</h3>
      ${GRADE_NOTE}
      ${supporting.map(({ item, itemIndex }) => this.renderEvidence(item, this.markedEvidence === itemIndex))}
      ${
        contradicting.length > 0
          ? html`<h3>Contradicting evidence (${contradicting.length})</h3>
              ${contradicting.map(({ item, itemIndex }) =>
                this.renderEvidence(item, this.markedEvidence === itemIndex),
              )}`
          : nothing
      }
    `;
  }

  /** The relations this one answers, or that answer it, each a link to its evidence. */
  private renderAnswers(heading: string, relations: readonly Relation[]) {
    const index = this.index;
    if (!index || relations.length === 0) return nothing;
    return html`<div class="answers"><strong>${heading}:</strong>
      ${relations.map(
        (other) => html`<div class="answer"><button class="link" @click=${() => this.select('relation', other.id)}>
          ${relationInWords(index, other)}</button></div>`,
      )}</div>`;
  }

  private renderDisputed(text: string | undefined) {
    return text ? html`<div class="disputed" role="note"><strong>Sources disagree</strong>${text}</div>` : nothing;
  }

  private renderEvidence(item: EvidenceItem, marked: boolean) {
    const source = this.index?.sourceById.get(item.source);
    const passes = !this.index || !this.filters || evidencePasses(item, this.filters, this.index.sourceById);
    const contradicts = stanceOf(item) === 'contradicts';
    const claimant = typeof item.claimant === 'string' ? this.index?.actorById.get(item.claimant) : undefined;
    const classes = [
      'evidence',
      passes ? '' : 'filtered-out',
      contradicts ? 'contradicts' : '',
      marked ? 'marked' : '',
    ];
    return html`
      <div class=${classes.join(' ')}>
        ${contradicts ? html`<span class="stance">Contradicts this</span>` : nothing}
        <blockquote>${item.quote}</blockquote>
        ${
          quoteInAttachedText(this.graph?.sources ?? [], this.archiveTexts, item.source, item.quote) === false
            ? html`<div class="misquote" role="note">Not found verbatim in the attached text of its source</div>`
            : nothing
        }
        <div class="who">Claim made by: ${
          claimant
            ? html`<button class="link" title="Select ${claimant.label}"
                @click=${() => this.select('actor', claimant.id)}>${claimant.label}</button> (${item.attributedTo})`
            : item.attributedTo
        }</div>
        ${
          source
            ? html`<div class="source">
                  Source: ${this.renderSourceTitle(source.id)} · ${source.publisher}
                  · ${source.author ?? 'no author named'} · ${source.published ?? 'date not stated'}
                </div>
                <span class="grade" title=${gradeTitle(source.reliability, item.credibility)}>${
                  `Source ${source.reliability}: ${RELIABILITY_WORDS[source.reliability]} · ` +
                  `report ${item.credibility}: ${CREDIBILITY_WORDS[item.credibility]}`
                }</span>`
            : html`<div class="source">Source: ${item.source}</div>`
        }
        ${passes ? nothing : html`<span class="tag">outside the current filters</span>`}
        ${item.note ? html`<div class="note">Note: ${item.note}</div>` : nothing}
      </div>`;
  }

  private renderSourceTitle(sourceId: string) {
    const source = this.index?.sourceById.get(sourceId);
    if (!source) return sourceId;
    const url = safeHttpUrl(source.url);
    return url
      ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${source.title}</a>`
      : html`<span class="title">${source.title}</span>`;
  }

  private select(kind: 'actor' | 'relation', id: string): void {
    // The panel's content is replaced: focus goes to its new heading rather than being lost.
    emit(this, 'ag-select', { selection: { kind, id }, centre: true, moveFocus: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-evidence-panel': AgEvidencePanel;
  }
}
