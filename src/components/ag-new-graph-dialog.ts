import { css, html, LitElement } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import {
  EMPTY_SOURCE,
  type FieldProblems,
  hasProblems,
  messagesFor,
  missingInSource,
  type SourceDraft,
  sourceFromDraft,
} from '../model/edit-forms.ts';
import { RELIABILITY_WORDS, type Reliability } from '../model/graph.ts';
import { slugFromLabel } from '../model/slug.ts';
import { emit } from './events.ts';
import { fieldMessages } from './field-messages.ts';
import { dialogStyles, formStyles } from './shared-styles.ts';

const RELIABILITIES: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/**
 * "New graph": its title and description, and the first source it is built
 * from (a graph file cites at least one). A native modal dialog: focus is
 * kept inside, and Escape closes it.
 *
 * @fires ag-new-graph - start this graph (detail: title, description, the first source)
 */
@customElement('ag-new-graph-dialog')
export class AgNewGraphDialog extends LitElement {
  static override styles = [
    formStyles,
    dialogStyles,
    css`
      :host {
        --dialog-width: 520px;
      }
    `,
  ];

  @state() private graphTitle = '';
  @state() private description = '';
  @state() private source: SourceDraft = EMPTY_SOURCE;
  @state() private missing: FieldProblems = {};
  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens the dialog, empty. */
  async open(): Promise<void> {
    this.graphTitle = '';
    this.description = '';
    this.source = EMPTY_SOURCE;
    this.missing = {};
    await this.updateComplete;
    this.dialog.showModal();
  }

  private handleSubmit(event: Event): void {
    event.preventDefault();
    const missing: FieldProblems = {};
    if (this.graphTitle.trim() === '') missing.title = ['A title is needed.'];
    for (const [field, messages] of Object.entries(missingInSource(this.source))) missing[`source.${field}`] = messages;
    this.missing = missing;
    if (hasProblems(missing)) return;
    const id = slugFromLabel(this.source.publisher || this.source.title);
    emit(this, 'ag-new-graph', {
      title: this.graphTitle.trim(),
      description: this.description.trim(),
      source: sourceFromDraft(id, this.source, undefined),
    });
    this.dialog.close();
  }

  private messages(field: string) {
    return fieldMessages(this.missing, field);
  }

  override render() {
    const value = (event: Event) => (event.target as HTMLInputElement).value;
    const setSource = (changes: Partial<SourceDraft>) => {
      this.source = { ...this.source, ...changes };
    };
    return html`<dialog aria-labelledby="new-graph-heading">
      <form @submit=${this.handleSubmit}>
        <h2 id="new-graph-heading">New graph</h2>
        <div class="field">
          <label for="title">Title</label>
          <input id="title" type="text" .value=${this.graphTitle}
            aria-invalid=${messagesFor(this.missing, 'title').length > 0}
            aria-describedby="title-message" @input=${(event: Event) => {
              this.graphTitle = value(event);
            }} />
          ${this.messages('title')}
        </div>
        <div class="field">
          <label for="description">Description</label>
          <textarea id="description" rows="3" .value=${this.description} @input=${(event: Event) => {
            this.description = value(event);
          }}></textarea>
        </div>
        <fieldset>
          <legend>The first source</legend>
          <div class="field">
            <label for="source-title">Title</label>
            <input id="source-title" type="text" .value=${this.source.title}
              aria-invalid=${messagesFor(this.missing, 'source.title').length > 0}
              aria-describedby="source.title-message" @input=${(event: Event) => setSource({ title: value(event) })} />
            ${this.messages('source.title')}
          </div>
          <div class="field">
            <label for="source-publisher">Publisher</label>
            <input id="source-publisher" type="text" .value=${this.source.publisher}
              aria-invalid=${messagesFor(this.missing, 'source.publisher').length > 0}
              aria-describedby="source.publisher-message"
              @input=${(event: Event) => setSource({ publisher: value(event) })} />
            ${this.messages('source.publisher')}
          </div>
          <div class="field">
            <label for="source-url">Address</label>
            <input id="source-url" type="url" placeholder="https://…" .value=${this.source.url}
              @input=${(event: Event) => setSource({ url: value(event) })} />
          </div>
          <div class="field">
            <label for="source-reliability">Reliability</label>
            <select id="source-reliability"
              @change=${(event: Event) => setSource({ reliability: value(event) as Reliability })}>
              ${RELIABILITIES.map(
                (grade) => html`<option value=${grade} ?selected=${grade === this.source.reliability}>
                  ${grade}: ${RELIABILITY_WORDS[grade]}</option>`,
              )}
            </select>
          </div>
        </fieldset>
        <div class="actions">
          <button class="primary" type="submit">Create the graph</button>
          <button type="button" @click=${() => this.dialog.close()}>Cancel</button>
        </div>
      </form>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-new-graph-dialog': AgNewGraphDialog;
  }
}
