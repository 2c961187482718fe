import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Graph } from '../model/graph.ts';
import { type SearchMatch, searchActors } from '../model/search.ts';
import { emit } from './events.ts';

/**
 * Finds actors by label or alias as the analyst types (an ARIA combobox).
 * The app's "/" shortcut brings focus here (`focusInput`); a choice sends
 * keyboard focus on to the evidence panel's heading.
 *
 * @fires ag-select - an actor was chosen (select and centre it, and read its evidence)
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
    ul {
      position: absolute;
      z-index: 20;
      left: 0;
      right: 0;
      top: calc(100% + 2px);
      margin: 0;
      padding: 4px 0;
      list-style: none;
      background: #fff;
      border: 1px solid var(--ag-border);
      border-radius: var(--ag-radius);
      box-shadow: 0 6px 18px rgb(0 0 0 / 0.15);
      max-height: 60vh;
      overflow-y: auto;
    }
    li {
      padding: 5px 10px;
      cursor: pointer;
    }
    li[aria-selected="true"] {
      background: var(--ag-accent-soft);
    }
    small {
      color: var(--ag-muted);
    }
    .none {
      color: var(--ag-muted);
      padding: 5px 10px;
    }
  `;

  @property({ attribute: false }) graph: Graph | null = null;
  @state() private query = '';
  @state() private found: SearchMatch[] = [];
  @state() private activeIndex = 0;
  @state() private listOpen = false;

  override render() {
    const showList = this.listOpen && this.query.trim() !== '';
    return html`
      <input type="search" role="combobox" aria-label="Find an actor by name or alias" aria-keyshortcuts="/"
        placeholder="Find an actor (name or alias)…"
        aria-autocomplete="list" aria-controls="matches" aria-expanded=${showList ? 'true' : 'false'}
        aria-activedescendant=${showList && this.found.length ? `match-${this.activeIndex}` : nothing}
        .value=${this.query} @input=${this.handleInput} @keydown=${this.handleKeydown}
        @focus=${() => (this.listOpen = true)} @blur=${() => (this.listOpen = false)} />
      ${
        showList
          ? html`<ul id="matches" role="listbox" aria-label="Matching actors">
            ${
              this.found.length === 0
                ? html`<li class="none" role="option" aria-disabled="true" aria-selected="false">
                    No actor matches “${this.query}”
                  </li>`
                : nothing
            }
            ${this.found.map(
              (
                match,
                i,
              ) => html`<li id="match-${i}" role="option" aria-selected=${i === this.activeIndex ? 'true' : 'false'}
                @mousedown=${(e: Event) => {
                  e.preventDefault();
                  this.choose(match);
                }}>
                ${match.actor.label}${
                  match.matchedName !== match.actor.label ? html` <small>(as “${match.matchedName}”)</small>` : nothing
                }
              </li>`,
            )}
          </ul>`
          : nothing
      }
    `;
  }

  /** Moves keyboard focus to the search field, its text selected so that typing replaces it. */
  focusInput(): void {
    const input = this.renderRoot.querySelector('input');
    input?.focus();
    input?.select();
  }

  private handleInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.found = this.graph ? searchActors(this.graph, this.query) : [];
    this.activeIndex = 0;
    this.listOpen = true;
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const count = this.found.length;
      if (count) this.activeIndex = (this.activeIndex + step + count) % count;
      this.listOpen = true;
    } else if (event.key === 'Enter') {
      const match = this.found[this.activeIndex];
      if (match) this.choose(match);
    } else if (event.key === 'Escape') {
      // Escape inside the box closes the list; it does not clear the selection.
      event.stopPropagation();
      this.listOpen = false;
    }
  }

  private choose(match: SearchMatch): void {
    this.query = match.actor.label;
    this.listOpen = false;
    emit(this, 'ag-select', { selection: { kind: 'actor', id: match.actor.id }, centre: true, moveFocus: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-search-box': AgSearchBox;
  }
}
