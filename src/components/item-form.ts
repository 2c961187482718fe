// What the actor and relation forms share: the graph and the problems they
// are given, the first evidence item a new actor or relation needs (filled by
// a passage cited in the source reader), the messages under each field, and
// the check of the edit as the analyst types.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { EditOperation } from '../model/edit.ts';
import {
  type Citation,
  EMPTY_EVIDENCE,
  type EvidenceDraft,
  type FieldProblems,
  hasProblems,
  messagesFor,
} from '../model/edit-forms.ts';
import type { Graph } from '../model/graph.ts';
import './ag-evidence-fields.ts';
import { EditPreview } from './edit-preview.ts';
import { type AgEvent, emit } from './events.ts';
import { fieldMessages } from './field-messages.ts';
import { formStyles } from './shared-styles.ts';

/** Problems under "evidence[0]", with that prefix taken off, for the first evidence item's fields. */
export function firstEvidenceProblems(problems: FieldProblems): FieldProblems {
  const inner: FieldProblems = {};
  for (const [field, messages] of Object.entries(problems)) {
    if (field.startsWith('evidence[0].')) inner[field.slice('evidence[0].'.length)] = messages;
  }
  return inner;
}

export const DISPUTED_LABEL = 'What the sources disagree on';

/** The drafts of the forms (the item's fields, its first evidence item, a type declared with it). */
const DRAFTS = ['draft', 'evidence', 'newType'];

/**
 * A form that adds an item with its first evidence item or edits one.
 * Subclasses say which properties open a new form (`opens`), reset their
 * drafts (`reset`), what is missing and what edit they would make.
 */
export abstract class ItemForm extends LitElement {
  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  @property({ attribute: false }) graph: Graph | null = null;
  /** The validator's problems for the item by field ("label", "evidence[0].quote"). */
  @property({ attribute: false }) problems: FieldProblems = {};
  @property({ attribute: false }) archiveTexts: ReadonlyMap<string, string> = new Map();
  /** A passage cited from the source reader: it fills the first evidence item. */
  @property({ attribute: false }) citation: Citation | null = null;

  @state() protected evidence: EvidenceDraft = EMPTY_EVIDENCE;
  /** Fields found missing on the last submit (before the validator is asked). */
  @state() protected missing: FieldProblems = {};
  private readonly preview = new EditPreview(this);

  /** The properties that, changed, make this a new form (the item edited, a new relation's ends). */
  protected abstract readonly opens: readonly string[];
  /** The drafts of a form just opened. */
  protected abstract reset(): void;
  /** Required fields not filled in yet, in words. */
  protected abstract missingNow(): FieldProblems;
  /** The edit the form would make with every required field filled in. */
  protected abstract operationNow(graph: Graph): EditOperation;

  override willUpdate(changed: PropertyValues): void {
    if (this.opens.some((name) => changed.has(name))) {
      this.evidence = { ...EMPTY_EVIDENCE, source: this.graph?.sources[0]?.id ?? '' };
      this.missing = {};
      this.reset();
    }
    if (changed.has('citation') && this.citation) {
      this.evidence = { ...this.evidence, source: this.citation.sourceId, quote: this.citation.quote };
    }
  }

  override updated(changed: PropertyValues): void {
    // Checked as typed; a form just opened has nothing to say yet.
    const opened = this.opens.some((name) => changed.has(name));
    const typed = DRAFTS.some((name) => changed.has(name));
    if (typed && !opened) this.preview.schedule(this.operation());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.preview.cancel();
  }

  /** The edit the form would make now; null while a required field is missing. */
  protected operation(): EditOperation | null {
    const graph = this.graph;
    if (!graph || hasProblems(this.missingNow())) return null;
    return this.operationNow(graph);
  }

  protected handleSubmit(event: Event): void {
    event.preventDefault();
    this.missing = this.missingNow();
    const operation = this.operation();
    if (!operation) return;
    this.preview.cancel();
    emit(this, 'ag-edit', { operation });
  }

  protected handleEvidenceDraft(event: AgEvent<'ag-evidence-draft'>): void {
    event.stopPropagation();
    this.evidence = event.detail.draft;
  }

  /** The end of the form: a new item's first evidence item, and submit and cancel. */
  protected renderEnd(adding: boolean, submitLabel: string) {
    return html`${
      adding
        ? html`<ag-evidence-fields legend="First evidence (required)" .graph=${this.graph} .draft=${this.evidence}
            .problems=${firstEvidenceProblems(this.allProblems)} .archiveTexts=${this.archiveTexts}
            @ag-evidence-draft=${this.handleEvidenceDraft}></ag-evidence-fields>`
        : nothing
    }
      <div class="actions">
        <button class="primary" type="submit">${adding ? submitLabel : 'Save changes'}</button>
        <button type="button" @click=${() => emit(this, 'ag-edit-task', { task: null })}>Cancel</button>
      </div>`;
  }

  /** A text area of the item's fields (summary, what the sources disagree on), with its messages. */
  protected renderTextArea(field: string, label: string, value: string, onInput: (value: string) => void) {
    return html`<div class="field">
      <label for=${field}>${label}</label>
      <textarea id=${field} rows="2" .value=${value} aria-invalid=${this.invalid(field)}
        aria-describedby="${field}-message"
        @input=${(event: Event) => onInput((event.target as HTMLTextAreaElement).value)}></textarea>
      ${this.messages(field)}
    </div>`;
  }

  protected get allProblems(): FieldProblems {
    return { ...this.problems, ...this.missing };
  }

  protected messages(field: string) {
    return fieldMessages(this.allProblems, field);
  }

  protected invalid(field: string): 'true' | 'false' {
    return messagesFor(this.allProblems, field).length > 0 ? 'true' : 'false';
  }
}
