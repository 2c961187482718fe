import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EditOperation, EvidenceOwner } from '../model/edit.ts';
import {
  type Citation,
  type EditTask,
  EMPTY_EVIDENCE,
  type EvidenceDraft,
  evidenceDraftOf,
  evidenceFromDraft,
  type FieldProblems,
  hasProblems,
  messagesFor,
  missingInEvidence,
  removalOf,
} from '../model/edit-forms.ts';
import type { EvidenceItem, Graph } from '../model/graph.ts';
import type { Problem } from '../model/problems.ts';
import { type GraphIndex, relationSentence } from '../model/queries.ts';
import { quoteInAttachedText } from '../model/quotes.ts';
import type { Selection } from '../model/view.ts';
import './ag-actor-form.ts';
import './ag-relation-form.ts';
import './ag-vocabulary-form.ts';
import { EditPreview } from './edit-preview.ts';
import { type AgEvent, emit } from './events.ts';
import { formStyles } from './shared-styles.ts';

const plural = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;

/**
 * The editor (Edit mode): what can be done with the selection (edit it, add
 * evidence, connect, remove), and the form of the task chosen. Forms report
 * edits to the app, which applies and validates them; a refused edit comes
 * back as `problems` on the fields it concerns.
 *
 * @fires ag-edit - apply this edit (detail: the operation)
 * @fires ag-edit-task - open a form, or close it with task null
 * @fires ag-select - select an item (the new actor's neighbour, an evidence owner)
 */
@customElement('ag-editor-panel')
export class AgEditorPanel extends LitElement {
  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
        overflow-y: auto;
        padding: 10px 14px 24px;
        font-size: 13.5px;
      }
      h2 {
        font-size: 15px;
        margin: 0 0 8px;
      }
      section {
        display: grid;
        gap: 8px;
        margin-bottom: 14px;
      }
      ol.evidence {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      ol.evidence li {
        background: #fff;
        border: 1px solid var(--ag-border);
        border-radius: var(--ag-radius);
        padding: 6px 8px;
        display: grid;
        gap: 4px;
      }
      blockquote {
        margin: 0;
        font-style: italic;
        overflow-wrap: anywhere;
      }
      .flag {
        color: var(--ag-danger);
        font-size: 12.5px;
      }
      .ok {
        color: #1d6b35;
        font-size: 12.5px;
      }
      .elsewhere {
        border: 1px solid var(--ag-danger);
        background: var(--ag-danger-soft);
        border-radius: var(--ag-radius);
        padding: 6px 10px;
      }
      .elsewhere ul {
        margin: 4px 0 0;
        padding-left: 18px;
      }
      .small {
        font-size: 12.5px;
        color: var(--ag-muted);
      }
    `,
  ];

  @property({ attribute: false }) graph: Graph | null = null;
  @property({ attribute: false }) index: GraphIndex | null = null;
  @property({ attribute: false }) selection: Selection = null;
  @property({ attribute: false }) task: EditTask | null = null;
  /** The validator's problems of the last refused edit, by field of the item it touched. */
  @property({ attribute: false }) problems: FieldProblems = {};
  /** Problems of the last refused edit elsewhere in the file. */
  @property({ attribute: false }) elsewhere: readonly Problem[] = [];
  @property({ attribute: false }) archiveTexts: ReadonlyMap<string, string> = new Map();
  @property({ attribute: false }) citation: Citation | null = null;

  @state() private evidence: EvidenceDraft = EMPTY_EVIDENCE;
  @state() private missing: FieldProblems = {};
  /** The actor chosen in "Connect to". */
  @state() private connectTo = '';
  @state() private metaTitle = '';
  @state() private metaDescription = '';
  private readonly preview = new EditPreview(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('task')) {
      const task = this.task;
      this.missing = {};
      if (task?.kind === 'meta') {
        this.metaTitle = this.graph?.title ?? '';
        this.metaDescription = this.graph?.description ?? '';
      }
      if (task?.kind === 'evidence') {
        const item = task.index === null ? undefined : this.ownerOf(task.owner)?.evidence[task.index];
        this.evidence = item ? evidenceDraftOf(item) : { ...EMPTY_EVIDENCE, source: this.graph?.sources[0]?.id ?? '' };
      }
    }
    if (changed.has('citation') && this.citation && this.task?.kind === 'evidence') {
      this.evidence = { ...this.evidence, source: this.citation.sourceId, quote: this.citation.quote };
    }
    if (changed.has('selection')) this.connectTo = '';
  }

  private ownerOf(owner: EvidenceOwner): { evidence: EvidenceItem[]; label: string } | undefined {
    const index = this.index;
    if (!index) return undefined;
    if (owner.kind === 'actor') {
      const actor = index.actorById.get(owner.id);
      return actor ? { evidence: actor.evidence, label: actor.label } : undefined;
    }
    const relation = index.relationById.get(owner.id);
    return relation ? { evidence: relation.evidence, label: relationSentence(index, relation) } : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.preview.cancel();
  }

  private openTask(task: EditTask | null): void {
    emit(this, 'ag-edit-task', { task });
  }

  private edit(operation: EditOperation): void {
    emit(this, 'ag-edit', { operation });
  }

  override render() {
    const graph = this.graph;
    if (!graph || !this.index) return nothing;
    return html`
      <h2>Edit the graph</h2>
      ${this.renderElsewhere()}
      ${this.task ? this.renderTask(this.task) : this.renderSelection()}
    `;
  }

  /** Problems the refused edit would cause outside the item edited. */
  private renderElsewhere() {
    if (this.elsewhere.length === 0) return nothing;
    return html`<div class="elsewhere" role="alert">
      This edit would make the file invalid elsewhere:
      <ul>${this.elsewhere.slice(0, 8).map((problem) => html`<li>${problem.path}: ${problem.message}</li>`)}</ul>
    </div>`;
  }

  private renderTask(task: EditTask) {
    const graph = this.graph as Graph;
    const index = this.index as GraphIndex;
    switch (task.kind) {
      case 'actor':
        return html`<ag-actor-form .graph=${graph}
          .actor=${task.id === null ? null : (index.actorById.get(task.id) ?? null)}
          .problems=${this.problems} .archiveTexts=${this.archiveTexts} .citation=${this.citation}></ag-actor-form>`;
      case 'relation':
        return html`<ag-relation-form .graph=${graph} .index=${index}
          .relation=${task.id === null ? null : (index.relationById.get(task.id) ?? null)} .from=${task.from}
          .to=${task.to} .problems=${this.problems} .archiveTexts=${this.archiveTexts}
          .citation=${this.citation}></ag-relation-form>`;
      case 'evidence':
        return this.renderEvidenceForm(task.owner, task.index);
      case 'remove':
        return this.renderRemoval(task.target);
      case 'meta':
        return this.renderMeta();
      case 'vocabulary':
        return html`<ag-vocabulary-form .graph=${graph}></ag-vocabulary-form>`;
    }
  }

  private renderEvidenceForm(owner: EvidenceOwner, itemIndex: number | null) {
    const found = this.ownerOf(owner);
    if (!found) return nothing;
    const problems = { ...this.problems, ...this.missing };
    const operation = (): EditOperation | null => {
      if (hasProblems(missingInEvidence(this.evidence))) return null;
      const item = evidenceFromDraft(this.evidence);
      return itemIndex === null
        ? { op: 'add-evidence', owner, item }
        : { op: 'update-evidence', owner, index: itemIndex, item };
    };
    const submit = (event: Event) => {
      event.preventDefault();
      this.missing = missingInEvidence(this.evidence);
      const edit = operation();
      if (!edit) return;
      this.preview.cancel();
      this.edit(edit);
    };
    return html`<form @submit=${submit} aria-label="Evidence">
      <h3>${itemIndex === null ? 'New evidence for' : 'Edit evidence of'} ${found.label}</h3>
      <ag-evidence-fields .graph=${this.graph} .draft=${this.evidence} .problems=${problems}
        .archiveTexts=${this.archiveTexts} @ag-evidence-draft=${(event: AgEvent<'ag-evidence-draft'>) => {
          event.stopPropagation();
          this.evidence = event.detail.draft;
          this.preview.schedule(operation());
        }}></ag-evidence-fields>
      <div class="actions">
        <button class="primary" type="submit">${itemIndex === null ? 'Add evidence' : 'Save changes'}</button>
        <button type="button" @click=${() => this.openTask(null)}>Cancel</button>
      </div>
    </form>`;
  }

  private renderRemoval(target: EvidenceOwner) {
    const graph = this.graph as Graph;
    const index = this.index as GraphIndex;
    const found = this.ownerOf(target);
    if (!found) return nothing;
    const removal = removalOf(graph, target);
    const parts = [
      removal.relations.length > 0 ? plural(removal.relations.length, 'relation') : '',
      plural(removal.evidenceItems, 'evidence item'),
      removal.claimantMentions > 0 ? `its name as claimant of ${plural(removal.claimantMentions, 'item')}` : '',
      removal.answerMentions > 0 ? `${plural(removal.answerMentions, 'answer')} naming what goes` : '',
    ].filter((part) => part !== '');
    const operation: EditOperation =
      target.kind === 'actor' ? { op: 'remove-actor', id: target.id } : { op: 'remove-relation', id: target.id };
    return html`<section role="alertdialog" aria-labelledby="remove-heading" aria-describedby="remove-what">
      <h3 id="remove-heading">Delete ${found.label}?</h3>
      <p id="remove-what">With it go: ${parts.join(', ')}. Undo brings everything back.</p>
      ${
        removal.relations.length > 0
          ? html`<ul class="small">${removal.relations.map(
              (relation) =>
                html`<li>${relationSentence(index, relation)} (${plural(relation.evidence.length, 'item')})</li>`,
            )}</ul>`
          : nothing
      }
      <div class="actions">
        <button class="danger" @click=${() => this.edit(operation)}>Delete</button>
        <button @click=${() => this.openTask(null)}>Cancel</button>
      </div>
    </section>`;
  }

  private renderMeta() {
    const title = this.metaTitle;
    const description = this.metaDescription;
    const submit = (event: Event) => {
      event.preventDefault();
      this.missing = title.trim() === '' ? { title: ['A title is needed.'] } : {};
      if (hasProblems(this.missing)) return;
      this.edit({
        op: 'set-meta',
        title: title.trim(),
        description: description.trim() === '' ? null : description.trim(),
      });
    };
    const problems = { ...this.problems, ...this.missing };
    return html`<form @submit=${submit} aria-label="Title and description">
      <h3>Title and description</h3>
      <div class="field">
        <label for="title">Title</label>
        <input id="title" type="text" .value=${title} aria-invalid=${messagesFor(problems, 'title').length > 0}
          @input=${(event: Event) => {
            this.metaTitle = (event.target as HTMLInputElement).value;
          }} />
        ${messagesFor(problems, 'title').map((message) => html`<p class="message">${message}</p>`)}
      </div>
      <div class="field">
        <label for="description">Description</label>
        <textarea id="description" rows="4" .value=${description} @input=${(event: Event) => {
          this.metaDescription = (event.target as HTMLTextAreaElement).value;
        }}></textarea>
      </div>
      <div class="actions">
        <button class="primary" type="submit">Save changes</button>
        <button type="button" @click=${() => this.openTask(null)}>Cancel</button>
      </div>
    </form>`;
  }

  private renderSelection() {
    const selection = this.selection;
    const general = html`<section>
      <div class="actions">
        <button class="primary" @click=${() => this.openTask({ kind: 'actor', id: null })}>New actor…</button>
        <button @click=${() => this.openTask({ kind: 'relation', id: null, from: '', to: '' })}>New relation…</button>
        <button @click=${() => this.openTask({ kind: 'meta' })}>Title and description…</button>
        <button @click=${() => this.openTask({ kind: 'vocabulary' })}>Kinds and types…</button>
      </div>
      <p class="small">Drag from the handle of an actor to another to connect them, or select an actor, press c,
        select the other and press c again. Select a passage in a source's text to cite it.</p>
    </section>`;
    if (!selection) return general;
    const owner: EvidenceOwner = { kind: selection.kind, id: selection.id };
    const found = this.ownerOf(owner);
    if (!found) return general;
    const actorChoices =
      selection.kind === 'actor'
        ? [...(this.graph as Graph).actors]
            .filter((actor) => actor.id !== selection.id)
            .sort((a, b) => a.label.localeCompare(b.label))
        : [];
    return html`${general}
      <section aria-label="Selected">
        <h3>${selection.kind === 'actor' ? 'Actor' : 'Relation'}: ${found.label}</h3>
        <div class="actions">
          <button @click=${() =>
            this.openTask(
              selection.kind === 'actor'
                ? { kind: 'actor', id: selection.id }
                : { kind: 'relation', id: selection.id, from: '', to: '' },
            )}>Edit ${selection.kind}…</button>
          <button @click=${() => this.openTask({ kind: 'evidence', owner, index: null })}>Add evidence…</button>
          <button class="danger" @click=${() => this.openTask({ kind: 'remove', target: owner })}>Delete…</button>
        </div>
        ${
          selection.kind === 'actor'
            ? html`<div class="row">
                <div class="field">
                  <label for="connect-to">Connect ${found.label} to</label>
                  <select id="connect-to" @change=${(event: Event) => {
                    this.connectTo = (event.target as HTMLSelectElement).value;
                  }}>
                    <option value="" ?selected=${this.connectTo === ''}>Choose an actor…</option>
                    ${actorChoices.map(
                      (actor) =>
                        html`<option value=${actor.id} ?selected=${this.connectTo === actor.id}>
                          ${actor.label}</option>`,
                    )}
                  </select>
                </div>
                <button ?disabled=${this.connectTo === ''} @click=${() =>
                  this.openTask({ kind: 'relation', id: null, from: selection.id, to: this.connectTo })}>
                  Connect…</button>
              </div>`
            : nothing
        }
        <ol class="evidence" aria-label="Evidence items">
          ${found.evidence.map((item, at) => this.renderEvidenceItem(owner, item, at, found.evidence.length))}
        </ol>
      </section>`;
  }

  private renderEvidenceItem(owner: EvidenceOwner, item: EvidenceItem, itemIndex: number, count: number) {
    const inText = quoteInAttachedText(this.graph?.sources ?? [], this.archiveTexts, item.source, item.quote);
    const lastOfRelation = owner.kind === 'relation' && count === 1;
    return html`<li>
      <blockquote>“${item.quote}”</blockquote>
      <span class="small">${item.attributedTo} · ${item.source} · credibility ${item.credibility}
        ${item.stance === 'contradicts' ? '· contradicts' : ''}</span>
      ${
        inText === false
          ? html`<span class="flag">✗ Not found verbatim in the attached text of its source.</span>`
          : inText
            ? html`<span class="ok">✓ Verbatim in the attached text.</span>`
            : nothing
      }
      <div class="actions">
        <button @click=${() => this.openTask({ kind: 'evidence', owner, index: itemIndex })}>Edit</button>
        <button class="danger" ?disabled=${lastOfRelation}
          title=${lastOfRelation ? 'A relation keeps at least one evidence item' : 'Remove this evidence item'}
          @click=${() => this.edit({ op: 'remove-evidence', owner, index: itemIndex })}>Remove</button>
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-editor-panel': AgEditorPanel;
  }
}
