import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { type Claim, type ClaimsAbout, type ClaimThread, claimsAbout } from '../model/claims.ts';
import { corroborationLine, gradeCode } from '../model/corroboration.ts';
import { CREDIBILITY_WORDS, type Graph, RELIABILITY_WORDS } from '../model/graph.ts';
import { type GraphIndex, relationsOf, safeHttpUrl } from '../model/queries.ts';
import type { Selection } from '../model/view.ts';
import { emit } from './events.ts';
import { linkButton } from './shared-styles.ts';

/**
 * The claims view: every claim about one actor, side by side. On the left
 * what is asserted (blamed, reported); on the right what contradicts it and
 * the relations that answer it (denials), each claim with who makes it, the
 * quote, the source and its grades. Everything from the graph file is
 * rendered as text. The same filters as the graph apply (visibleRelationIds).
 *
 * @fires ag-select - a relation or actor was chosen (its evidence is read in the panel)
 * @fires ag-show-claims - another actor was picked
 */
@customElement('ag-claims-view')
export class AgClaimsView extends LitElement {
  static override styles = [
    linkButton,
    css`
      :host {
        display: block;
        overflow-y: auto;
        padding: 12px 18px 32px;
        font-size: 14px;
        line-height: 1.45;
        background: #fff;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 8px 16px;
        margin-bottom: 6px;
      }
      h2 {
        font-size: 19px;
        margin: 0;
      }
      h2:focus-visible {
        outline: 2px solid var(--ag-accent);
        outline-offset: 2px;
      }
      .count,
      .hint {
        color: var(--ag-muted);
      }
      select,
      button {
        font: inherit;
        font-size: 13px;
      }
      .tools button {
        padding: 3px 10px;
        border: 1px solid var(--ag-border);
        background: var(--ag-surface-alt);
        border-radius: 4px;
        cursor: pointer;
      }
      .columns {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0 18px;
      }
      .column-heading {
        font-size: 12.5px;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--ag-muted);
        border-bottom: 2px solid var(--ag-border);
        padding-bottom: 3px;
        margin-top: 10px;
      }
      .column-heading.against {
        color: #a93226;
        border-bottom-color: #e6b0aa;
      }
      section.thread {
        border-top: 1px solid var(--ag-border);
        padding: 10px 0 6px;
      }
      h3 {
        font-size: 15px;
        margin: 0 0 2px;
      }
      .corroboration {
        font-size: 12.5px;
        color: var(--ag-muted);
        margin-bottom: 6px;
      }
      .claim {
        border: 1px solid var(--ag-border);
        border-left: 4px solid #3b6fb6;
        border-radius: var(--ag-radius);
        padding: 6px 10px;
        margin: 6px 0;
      }
      .claim.against {
        border-left-color: #c0392b;
        background: #fff7f6;
      }
      .answer-line {
        font-weight: 600;
        margin-top: 6px;
      }
      blockquote {
        margin: 0 0 4px;
        font-style: italic;
        white-space: pre-wrap;
      }
      .who,
      .source {
        font-size: 12.5px;
      }
      .source {
        color: var(--ag-muted);
      }
      .none {
        color: var(--ag-muted);
        font-style: italic;
        margin: 6px 0;
      }
      .disagreements {
        margin-top: 18px;
        border-top: 2px solid #d49a00;
      }
      .disagreements li {
        margin: 6px 0;
      }
      a {
        color: var(--ag-accent);
      }
    `,
  ];

  @property({ attribute: false }) graph: Graph | null = null;
  @property({ attribute: false }) index: GraphIndex | null = null;
  @property({ attribute: false }) visibleRelationIds: ReadonlySet<string> = new Set();
  /** The actor whose claims are shown; null until one is picked. */
  @property({ attribute: false }) actorId: string | null = null;
  @property({ attribute: false }) selection: Selection = null;

  /** The claims shown, for the exports (the same filters applied). */
  get claims(): ClaimsAbout | null {
    if (!this.graph || !this.index || this.actorId === null) return null;
    return claimsAbout(this.graph, this.index, this.actorId, this.visibleRelationIds);
  }

  /** Keyboard focus to the heading (the skip link to the centre). */
  focusStart(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const index = this.index;
    if (!this.graph || !index) return nothing;
    const claims = this.claims;
    return html`
      <header>
        <h2 tabindex="-1">${claims ? `Claims about ${claims.actor.label}` : 'Claims'}</h2>
        ${
          claims
            ? html`<span class="count">${claims.claimCount} claims in ${claims.threads.length} relations shown</span>`
            : nothing
        }
        <label>Claims about
          <select @change=${this.handlePick} aria-label="Show the claims about">
            <option value="" ?selected=${this.actorId === null}>choose an actor…</option>
            ${this.actorChoices(index).map(
              ({ id, label, count }) =>
                html`<option value=${id} ?selected=${id === this.actorId}>${label} (${count})</option>`,
            )}
          </select>
        </label>
      </header>
      ${
        claims
          ? this.renderClaims(claims)
          : html`<p class="hint">Pick an actor or an event above, with the search
        box, or with “Claims about this” in its evidence panel, to see who claims what about it, for and against.</p>`
      }
    `;
  }

  /** Actors with at least one visible relation, by number of them. */
  private actorChoices(index: GraphIndex): { id: string; label: string; count: number }[] {
    if (!this.graph) return [];
    return this.graph.actors
      .map((actor) => ({
        id: actor.id,
        label: actor.label,
        count: relationsOf(index, actor.id).filter((relation) => this.visibleRelationIds.has(relation.id)).length,
      }))
      .filter((choice) => choice.count > 0 || choice.id === this.actorId)
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }

  private handlePick(event: Event): void {
    const actorId = (event.target as HTMLSelectElement).value;
    if (actorId) emit(this, 'ag-show-claims', { actorId });
  }

  private renderClaims(claims: ClaimsAbout) {
    if (claims.threads.length === 0) {
      return html`<p class="none">No relation of ${claims.actor.label} is shown under the current filters.</p>`;
    }
    return html`
      <div class="columns" aria-hidden="true">
        <div class="column-heading">Blamed or asserted</div>
        <div class="column-heading against">Denied or contradicted</div>
      </div>
      ${claims.threads.map((thread) => this.renderThread(thread))}
      ${
        claims.disagreements.length > 0
          ? html`<section class="disagreements" aria-label="Where the sources disagree">
              <h3>Where the sources disagree</h3>
              <ul>${claims.disagreements.map(
                (entry) =>
                  html`<li><strong>${
                    entry.relationId
                      ? html`<button class="link" @click=${() => this.select('relation', entry.relationId as string)}>
                        ${entry.about}</button>`
                      : entry.about
                  }:</strong> ${entry.text}</li>`,
              )}</ul>
            </section>`
          : nothing
      }
    `;
  }

  private renderThread(thread: ClaimThread) {
    const against = thread.contradicting.length + thread.answers.length;
    const { bestGrade } = thread.corroboration;
    return html`<section class="thread" aria-label=${thread.sentence}>
      <h3><button class="link" @click=${() => this.select('relation', thread.relation.id)}>${thread.sentence}</button>
        ${thread.relation.date ? html`<span class="count">(${thread.relation.date})</span>` : nothing}</h3>
      <div class="corroboration">${corroborationLine(thread.corroboration)}${
        bestGrade ? ` · best grade ${gradeCode(bestGrade)}` : ''
      }</div>
      <div class="columns">
        <div class="for" aria-label="Blamed or asserted">
          ${
            thread.asserted.length > 0
              ? thread.asserted.map((claim) => this.renderClaim(claim, false))
              : html`<p class="none">No supporting evidence shown.</p>`
          }
        </div>
        <div class="against" aria-label="Denied or contradicted">
          ${thread.contradicting.map((claim) => this.renderClaim(claim, true))}
          ${thread.answers.map(
            (answer) => html`<div class="answer-line">Answered by:
              <button class="link" @click=${() => this.select('relation', answer.relation.id)}>
                ${answer.sentence}</button>
              ${answer.relation.date ? html`<span class="count">(${answer.relation.date})</span>` : nothing}</div>
              ${answer.claims.map((claim) => this.renderClaim(claim, true))}`,
          )}
          ${against === 0 ? html`<p class="none">Nothing shown denies or contradicts it.</p>` : nothing}
        </div>
      </div>
    </section>`;
  }

  private renderClaim(claim: Claim, against: boolean) {
    const { item, source, claimant } = claim;
    const url = safeHttpUrl(source?.url);
    const title = source?.title ?? item.source;
    return html`<div class="claim ${against ? 'against' : ''}">
      ${claim.contradicts ? html`<div class="who"><strong>Contradicts the relation</strong></div>` : nothing}
      <blockquote>${item.quote}</blockquote>
      <div class="who">Claim made by: ${
        claimant
          ? html`<button class="link" @click=${() => this.select('actor', claimant.id)}>${claimant.label}</button>
              (${item.attributedTo})`
          : item.attributedTo
      }</div>
      <div class="source">${
        url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${title}</a>` : title
      }${source ? ` · ${source.publisher}` : ''}${
        source ? ` · source ${source.reliability}: ${RELIABILITY_WORDS[source.reliability]}` : ''
      } · report ${item.credibility}: ${CREDIBILITY_WORDS[item.credibility]}</div>
    </div>`;
  }

  private select(kind: 'actor' | 'relation', id: string): void {
    emit(this, 'ag-select', { selection: { kind, id }, centre: false, moveFocus: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-claims-view': AgClaimsView;
  }
}
