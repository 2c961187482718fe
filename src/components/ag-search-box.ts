import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  type EvidenceHit,
  evidenceIndexFor,
  excerptAround,
  foldText,
  type SearchResult,
  searchGraph,
  type TextPart,
} from '../model/evidence-search.ts';
import type { Graph } from '../model/graph.ts';
import type { SearchMatch } from '../model/search.ts';
import { emit } from './events.ts';

/** One choice of the list, in the order the arrow keys go through them. */
type Choice = { kind: 'actor'; match: SearchMatch } | { kind: 'evidence'; hit: EvidenceHit };

const NO_HITS = { query: '', actorIds: [], relationIds: [] };

/**
 * Finds actors by label or alias, and text in the evidence (quotes, who
 * claims, summaries, notes, sources), as the analyst types: an ARIA combobox
 * whose list groups the hits by kind, actors first. The arrow keys go through
 * every hit across the groups. The app's "/" shortcut brings focus here
 * (`focusInput`); a choice sends keyboard focus on to the evidence panel's
 * heading. Graph text is rendered as text, the matched words in `<mark>`.
 *
 * @fires ag-select - an actor was chosen, or an evidence hit (its actor or relation, with the evidence item's index)
 * @fires ag-search-hits - the actors and relations the query finds, to be marked in the graph (empty when cleared)
 */
@customElement('ag-search-box')
export class AgSearchBox extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
    }
    input {
      font: inherit;
      font-size: 14px;
      width: 100%;
      box-sizing: border-box;
      padding: 6px 10px;
      border: 1px solid var(--ag-border);
      border-radius: var(--ag-radius);
    }
    input:focus {
      outline: 2px solid var(--ag-accent);
      outline-offset: 0;
    }
    [role="listbox"] {
      position: absolute;
      z-index: 20;
      left: 0;
      width: max(100%, min(34rem, 92vw));
      box-sizing: border-box;
      top: calc(100% + 2px);
      padding: 4px 0;
      background: #fff;
      border: 1px solid var(--ag-border);
      border-radius: var(--ag-radius);
      box-shadow: 0 6px 18px rgb(0 0 0 / 0.15);
      max-height: 70vh;
      overflow-y: auto;
    }
    .heading {
      padding: 6px 10px 2px;
      font-size: 12px;
      font-weight: 600;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--ag-muted);
    }
    [role="option"] {
      padding: 5px 10px;
      cursor: pointer;
      overflow-wrap: anywhere;
    }
    [role="option"][aria-selected="true"] {
      background: var(--ag-accent-soft);
    }
    .excerpt {
      display: block;
      font-size: 13px;
      line-height: 1.35;
    }
    .owner {
      display: block;
      font-size: 12px;
    }
    mark {
      background: #ffe08a;
      color: inherit;
      border-radius: 2px;
    }
    small,
    .more {
      color: var(--ag-muted);
    }
    .more {
      padding: 0 10px 4px;
      font-size: 12px;
    }
    .none {
      color: var(--ag-muted);
      padding: 5px 10px;
    }
  `;

  @property({ attribute: false }) graph: Graph | null = null;
  @state() private query = '';
  @state() private result: SearchResult | null = null;
  @state() private activeIndex = 0;
  @state() private listOpen = false;

  /** Every hit, in list order. */
  private get choices(): Choice[] {
    const result = this.result;
    if (!result) return [];
    return [
      ...result.actors.hits.map((match): Choice => ({ kind: 'actor', match })),
      ...result.evidence.flatMap((group) => group.hits.map((hit): Choice => ({ kind: 'evidence', hit }))),
    ];
  }

  override render() {
    const showList = this.listOpen && this.query.trim() !== '';
    const count = this.choices.length;
    return html`
      <input type="search" role="combobox" aria-label="Find an actor or evidence…" aria-keyshortcuts="/"
        placeholder="Find an actor or evidence…"
        aria-autocomplete="list" aria-controls="matches" aria-expanded=${showList ? 'true' : 'false'}
        aria-activedescendant=${showList && count ? `hit-${this.activeIndex}` : nothing}
        .value=${this.query} @input=${this.handleInput} @keydown=${this.handleKeydown}
        @focus=${this.handleFocus} @blur=${() => (this.listOpen = false)} />
      ${showList ? this.renderList(count) : nothing}
    `;
  }

  private renderList(count: number) {
    const result = this.result;
    let n = 0;
    const option = (content: unknown, choice: Choice) => {
      const i = n++;
      return html`<div id="hit-${i}" role="option" aria-selected=${i === this.activeIndex ? 'true' : 'false'}
        @mousedown=${(e: Event) => {
          e.preventDefault();
          this.choose(choice);
        }}>${content}</div>`;
    };
    const group = (heading: string, total: number, shown: number, options: unknown) => {
      const more = total - shown;
      const label = `${heading}: ${total} found${more > 0 ? `, ${shown} shown` : ''}`;
      return html`<div role="group" aria-label=${label}>
        <div class="heading" aria-hidden="true">${heading} <small>${total}</small></div>
        ${options}
        ${more > 0 ? html`<div class="more" aria-hidden="true">and ${more} more</div>` : nothing}
      </div>`;
    };
    const folded = foldText(this.query);
    const actors = result?.actors;
    return html`<div id="matches" role="listbox" aria-label="Matching actors and evidence">
      ${
        count === 0
          ? html`<div class="none" role="option" aria-disabled="true" aria-selected="false">
              Nothing matches “${this.query}”
            </div>`
          : nothing
      }
      ${
        actors && actors.total > 0
          ? group(
              actors.heading,
              actors.total,
              actors.hits.length,
              actors.hits.map((match) => option(this.renderActor(match, folded), { kind: 'actor', match })),
            )
          : nothing
      }
      ${(result?.evidence ?? []).map((hits) =>
        group(
          hits.heading,
          hits.total,
          hits.hits.length,
          hits.hits.map((hit) =>
            option(
              html`<span class="excerpt">${marked(hit.excerpt)}</span><small class="owner">${hit.ownerName}</small>`,
              { kind: 'evidence', hit },
            ),
          ),
        ),
      )}
    </div>`;
  }

  private renderActor(match: SearchMatch, folded: string) {
    const label = match.actor.label;
    const alias = match.matchedName !== label ? match.matchedName : null;
    return html`${marked(excerptAround(label, alias ? '' : folded, label.length, label.length))}${
      alias ? html` <small>(as “${marked(excerptAround(alias, folded, alias.length, alias.length))}”)</small>` : nothing
    }`;
  }

  /** Moves keyboard focus to the search field, its text selected so that typing replaces it. */
  focusInput(): void {
    const input = this.renderRoot.querySelector('input');
    input?.focus();
    input?.select();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another graph: the hits of the query typed are now in it.
    if (changed.has('graph') && changed.get('graph') !== undefined && this.query.trim() !== '') this.search();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('activeIndex')) {
      this.renderRoot.querySelector(`#hit-${this.activeIndex}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  private handleFocus(): void {
    this.listOpen = true;
    // The index is folded before the first key, not on it.
    if (this.graph) evidenceIndexFor(this.graph);
  }

  private handleInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.search();
    this.activeIndex = 0;
    this.listOpen = true;
  }

  private search(): void {
    const graph = this.graph;
    this.result = graph && this.query.trim() !== '' ? searchGraph(graph, this.query) : null;
    const result = this.result;
    emit(
      this,
      'ag-search-hits',
      result ? { query: result.query, actorIds: result.actorIds, relationIds: result.relationIds } : NO_HITS,
    );
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const count = this.choices.length;
      if (count) this.activeIndex = (this.activeIndex + step + count) % count;
      this.listOpen = true;
    } else if (event.key === 'Enter') {
      const choice = this.choices[this.activeIndex];
      if (choice) this.choose(choice);
    } else if (event.key === 'Escape') {
      // Escape inside the box closes the list; it does not clear the selection. The first one keeps
      // the text (and its hits marked in the graph); the next empties the field, as a search field does.
      event.stopPropagation();
      if (this.listOpen && this.query.trim() !== '') event.preventDefault();
      this.listOpen = false;
    }
  }

  private choose(choice: Choice): void {
    this.listOpen = false;
    if (choice.kind === 'actor') {
      const actor = choice.match.actor;
      // The box shows the actor chosen; the graph marks what that name finds.
      this.query = actor.label;
      this.search();
      this.activeIndex = 0;
      emit(this, 'ag-select', { selection: { kind: 'actor', id: actor.id }, centre: true, moveFocus: true });
      return;
    }
    // The query stays, so that the next hit is a key away.
    const { kind, id, evidenceIndex } = choice.hit.owner;
    emit(this, 'ag-select', {
      selection: { kind, id },
      centre: true,
      moveFocus: true,
      ...(evidenceIndex === null ? {} : { evidenceIndex }),
    });
  }
}

/** Text parts as text, the matched ones in <mark>: never as HTML. */
function marked(parts: TextPart[]) {
  return parts.map((part) => (part.marked ? html`<mark>${part.text}</mark>` : part.text));
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-search-box': AgSearchBox;
  }
}
