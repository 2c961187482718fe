import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  EMPTY_SOURCE,
  type FieldProblems,
  hasProblems,
  messagesFor,
  missingInSource,
  newSourceId,
  type SourceDraft,
  sourceDraftOf,
  sourceFromDraft,
} from '../model/edit-forms.ts';
import { type Graph, RELIABILITY_WORDS, type Reliability, type Source } from '../model/graph.ts';
import './ag-source-reader.ts';
import { emit } from './events.ts';
import { formStyles } from './shared-styles.ts';

const RELIABILITIES: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/**
 * The sources of the graph while editing: pick one to read its attached text
 * and cite from it, add a source, or edit one (title, publisher, author,
 * date, URL, reliability with its note).
 *
 * @fires ag-edit - add or update a source (detail: the operation)
 * @fires ag-reader-source - the source shown in the reader changed
 */
@customElement('ag-sources-pane')
export class AgSourcesPane extends LitElement {
  static override styles = [
    formStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        overflow: hidden;
        font-size: 13.5px;
      }
      .top {
        padding: 10px 12px 8px;
        border-bottom: 1px solid var(--ag-border);
        display: grid;
        gap: 8px;
      }
      h2 {
        font-size: 15px;
        margin: 0;
      }
      .form {
        padding: 10px 12px;
        overflow-y: auto;
      }
      ag-source-reader {
        flex: 1 1 auto;
        min-height: 0;
      }
    `,
  ];

  @property({ attribute: false }) graph: Graph | null = null;
  /** The source shown in the reader. */
  @property({ attribute: false }) sourceId = '';
  @property({ attribute: false }) archiveTexts: ReadonlyMap<string, string> = new Map();
  /** The validator's problems for the source edited last, when the edit was refused. */
  @property({ attribute: false }) problems: FieldProblems = {};

  /** The source form: closed, adding, or editing the source shown. */
  @state() private form: 'closed' | 'new' | 'edit' = 'closed';
  @state() private draft: SourceDraft = EMPTY_SOURCE;
  @state() private missing: FieldProblems = {};

  override willUpdate(changed: PropertyValues<this>): void {
    // A source added or changed (the graph changed under an open form, without problems): the form's work is done.
    if (changed.has('graph') && changed.get('graph') && this.form !== 'closed' && !hasProblems(this.problems)) {
      this.form = 'closed';
    }
  }

  private get shown(): Source | null {
    return this.graph?.sources.find((source) => source.id === this.sourceId) ?? null;
  }

  /** The quotes citing a source, for the reader's highlights. */
  private quotesOf(sourceId: string): string[] {
    const graph = this.graph;
    if (!graph) return [];
    return [...graph.actors, ...graph.relations].flatMap((item) =>
      item.evidence.filter((evidence) => evidence.source === sourceId).map((evidence) => evidence.quote),
    );
  }

  private openForm(form: 'new' | 'edit'): void {
    const shown = this.shown;
    this.form = form;
    this.draft = form === 'edit' && shown ? sourceDraftOf(shown) : EMPTY_SOURCE;
    this.missing = {};
  }

  private handleSubmit(event: Event): void {
    event.preventDefault();
    const graph = this.graph;
    if (!graph) return;
    this.missing = missingInSource(this.draft);
    if (hasProblems(this.missing)) return;
    const shown = this.shown;
    if (this.form === 'edit' && shown) {
      emit(this, 'ag-edit', {
        operation: { op: 'update-source', source: sourceFromDraft(shown.id, this.draft, shown.archive) },
      });
      return;
    }
    const id = newSourceId(graph, this.draft);
    emit(this, 'ag-edit', { operation: { op: 'add-source', source: sourceFromDraft(id, this.draft, undefined) } });
    emit(this, 'ag-reader-source', { sourceId: id });
  }

  override render() {
    const graph = this.graph;
    if (!graph) return nothing;
    const shown = this.shown;
    const text = shown?.archive === undefined ? null : (this.archiveTexts.get(shown.archive) ?? null);
    return html`
      <div class="top">
        <h2>Sources</h2>
        <div class="field">
          <label for="shown-source">Read and cite from</label>
          <select id="shown-source" @change=${(event: Event) =>
            emit(this, 'ag-reader-source', { sourceId: (event.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${this.sourceId === ''}>Choose a source…</option>
            ${graph.sources.map(
              (source) => html`<option value=${source.id} ?selected=${source.id === this.sourceId}>
                ${source.publisher}: ${source.title}</option>`,
            )}
          </select>
        </div>
        <div class="actions">
          <button @click=${() => this.openForm('new')}>New source…</button>
          <button ?disabled=${shown === null} @click=${() => this.openForm('edit')}>Edit source…</button>
        </div>
      </div>
      ${this.form === 'closed' ? nothing : html`<div class="form">${this.renderForm()}</div>`}
      ${
        shown && this.form === 'closed'
          ? html`<ag-source-reader .source=${shown} .text=${text}
              .quotes=${this.quotesOf(shown.id)}></ag-source-reader>`
          : nothing
      }
    `;
  }

  private renderForm() {
    const draft = this.draft;
    const problems = { ...this.problems, ...this.missing };
    const value = (event: Event) => (event.target as HTMLInputElement).value;
    const set = (changes: Partial<SourceDraft>) => {
      this.draft = { ...this.draft, ...changes };
    };
    const field = (id: keyof SourceDraft, label: string, type = 'text', placeholder = '') => {
      const messages = messagesFor(problems, id);
      return html`<div class="field">
        <label for="source-${id}">${label}</label>
        <input id="source-${id}" type=${type} placeholder=${placeholder} .value=${String(draft[id])}
          aria-invalid=${messages.length > 0 ? 'true' : 'false'} aria-describedby="source-${id}-message"
          @input=${(event: Event) => set({ [id]: value(event) })} />
        ${messages.length > 0 ? html`<p class="message" id="source-${id}-message">${messages.join(' ')}</p>` : nothing}
      </div>`;
    };
    return html`<form @submit=${this.handleSubmit} aria-label=${this.form === 'new' ? 'New source' : 'Edit source'}>
      <h3>${this.form === 'new' ? 'New source' : 'Edit source'}</h3>
      ${field('title', 'Title')}
      ${field('publisher', 'Publisher')}
      ${field('author', 'Author (empty when none is named)')}
      ${field('published', 'Published', 'text', 'YYYY-MM-DD')}
      ${field('url', 'Address', 'url', 'https://…')}
      <div class="field">
        <label for="source-reliability">Reliability of the source</label>
        <select id="source-reliability" @change=${(event: Event) => set({ reliability: value(event) as Reliability })}>
          ${RELIABILITIES.map(
            (grade) => html`<option value=${grade} ?selected=${grade === draft.reliability}>
              ${grade}: ${RELIABILITY_WORDS[grade]}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="source-note">Why this grade (note)</label>
        <textarea id="source-note" rows="3" .value=${draft.note}
          @input=${(event: Event) => set({ note: value(event) })}></textarea>
        ${messagesFor(problems, 'note').map((message) => html`<p class="message">${message}</p>`)}
      </div>
      <div class="actions">
        <button class="primary" type="submit">${this.form === 'new' ? 'Add source' : 'Save changes'}</button>
        <button type="button" @click=${() => {
          this.form = 'closed';
        }}>Cancel</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-sources-pane': AgSourcesPane;
  }
}
